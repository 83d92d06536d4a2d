/** The search page's elements (src/pages/tim-kiem/index.astro), found once; its form and URL kept in step (url-state.ts). */
import type { FilterName } from '../../lib/search/index-fields.ts';
import { readState, writeState, type SearchState, type SortOrder } from '../../lib/search/url-state.ts';
import type { ChipParts } from './filter-chips.ts';

function required<T extends Element>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`search page: missing ${selector}`);
  return node;
}

export function findParts() {
  const form = required<HTMLFormElement>('[data-search-form]');
  const selects = new Map([...form.querySelectorAll<HTMLSelectElement>('select[data-facet]')].map((s) => [s.dataset.facet as FilterName, s]));
  const filterBox = required<HTMLDetailsElement>('[data-search-filter-box]');
  // Says why the filter counts are missing, when they are (search-page.ts).
  const countsError = filterBox.appendChild(Object.assign(document.createElement('p'), { hidden: true, role: 'alert' }));
  const chips: ChipParts = {
    box: required('[data-search-chips]'),
    list: required('[data-search-chip-list]'),
    clear: required('[data-search-clear]'),
    total: required('[data-search-filter-count]'),
    selects,
  };
  return {
    form,
    input: required<HTMLInputElement>('#q'),
    list: required<HTMLOListElement>('[data-search-results]'),
    count: required<HTMLElement>('[data-search-count]'),
    notices: required<HTMLUListElement>('[data-search-notices]'),
    empty: required<HTMLElement>('[data-search-empty]'),
    suggestions: required<HTMLUListElement>('[data-search-suggestions]'),
    more: required<HTMLButtonElement>('[data-search-more]'),
    sort: required<HTMLSelectElement>('[data-sort]'),
    facets: required<HTMLFieldSetElement>('[data-search-facets]'),
    filterBox,
    countsError,
    summary: required<HTMLElement>('[data-search-filter-box] > summary'),
    helpToggle: required<HTMLButtonElement>('[data-search-help-toggle]'),
    selects,
    chips,
  };
}

export type Parts = ReturnType<typeof findParts>;

/** Shows the button that folds the search help (SearchHelp.astro), the help unfolded or not. */
export function unfoldHelp(toggle: HTMLButtonElement, open: boolean) {
  const help = required<HTMLElement>(`#${toggle.getAttribute('aria-controls')}`);
  const set = (on: boolean) => {
    toggle.setAttribute('aria-expanded', String(on));
    help.hidden = !on;
  };
  set(open);
  toggle.hidden = false;
  toggle.addEventListener('click', () => set(help.hidden));
}

/** The list of `items`, each in its own <li>. */
export function listItems(list: HTMLUListElement, items: (Node | string)[]) {
  list.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement('li');
      li.append(item);
      return li;
    }),
  );
}

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
      if (writeState(state) !== writeState(urlState())) history.replaceState(null, '', hrefOf(state));
      return;
    }
    if (writeState(state) !== writeState(this.committed)) {
      history.replaceState(null, '', hrefOf(this.committed));
      history.pushState(null, '', hrefOf(state));
    } else history.replaceState(null, '', hrefOf(state));
    this.committed = state;
  }
}
