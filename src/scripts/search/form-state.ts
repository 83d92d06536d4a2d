/** The search form and the URL kept in step: the form as a search state (url-state.ts), and the browser history. */
import { readState, sameState, writeState, type SearchState, type SortOrder } from '../../lib/search/url-state.ts';
import type { Parts } from './page-parts.ts';

export type HistoryMode = 'push' | 'replace' | 'none';

export const urlState = () => readState(new URLSearchParams(location.search));

export function stateFromForm(parts: Parts): SearchState {
  const filters: SearchState['filters'] = {};
  for (const [name, select] of parts.selects) if (select.value) filters[name] = select.value;
  return { q: parts.input.value, filters, sort: parts.sort.value as SortOrder };
}

export function fillForm(parts: Parts, state: SearchState) {
  parts.input.value = state.q;
  parts.sort.value = state.sort;
  for (const [name, select] of parts.selects) {
    const value = state.filters[name] ?? '';
    // A value from a shared link that this archive lacks still shows, so it can be removed.
    if (value && ![...select.options].some((o) => o.value === value)) select.append(new Option(value, value));
    select.value = value;
  }
}

/**
 * Typing replaces the current entry (no entry per keystroke). Submitting or filtering pushes one, after
 * giving the current entry back the search it stood for, so Back returns to it, not to a half-typed query.
 */
export class SearchHistory {
  /** The search the current history entry stood for before typing changed its URL. */
  committed = urlState();

  write(state: SearchState, mode: HistoryMode) {
    const hrefOf = (s: SearchState) => `${location.pathname}${writeState(s)}`;
    if (mode === 'none') return;
    if (mode === 'replace') {
      if (!sameState(state, urlState())) history.replaceState(null, '', hrefOf(state));
      return;
    }
    if (!sameState(state, this.committed)) {
      history.replaceState(null, '', hrefOf(this.committed));
      history.pushState(null, '', hrefOf(state));
    } else {
      history.replaceState(null, '', hrefOf(state));
    }
    this.committed = state;
  }
}
