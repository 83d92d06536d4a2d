/**
 * Links that run another search in place (a new tab works too): the active filters as chips that
 * remove them ("Tỉnh: Đồng Tháp ✕"), "Xóa bộ lọc", their number in the summary; and the ways out when nothing is found.
 */
import { FILTERS, type FilterName } from '../../lib/search/index-fields.ts';
import { hasFilters, writeState, type SearchState } from '../../lib/search/url-state.ts';
import { fold } from '../../lib/text/fold.ts';
import { listItems, type Parts } from './page-parts.ts';
import { STRINGS, number } from './strings.ts';

/** A plain click on `a` runs `run` instead of leaving the page; with a modifier key, the link opens as usual. */
export function onPlainClick(a: HTMLAnchorElement, run: () => void) {
  a.addEventListener('click', (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    run();
  });
}

/** A link to `href` that runs `onClick` instead of leaving the page. */
function actionLink(href: string, text: string, onClick?: () => void): HTMLAnchorElement {
  const a = Object.assign(document.createElement('a'), { href, textContent: text });
  if (onClick) onPlainClick(a, onClick);
  return a;
}

/** `state` without the filter `name`, or without any filter. */
export function withoutFilter(state: SearchState, name?: FilterName): SearchState {
  return { ...state, filters: name ? { ...state.filters, [name]: undefined } : {} };
}

/** The URL of a search state on the search page: "?" for the empty search, so that the link still leaves the query. */
const searchHref = (state: SearchState) => writeState(state) || '?';

export interface ChipParts {
  box: HTMLElement;
  list: HTMLUListElement;
  clear: HTMLAnchorElement;
  /** Where the number of active filters goes in the summary. */
  total: HTMLElement;
  /** The filters' selects, by name, for their short names and value labels. */
  selects: ReadonlyMap<FilterName, HTMLSelectElement>;
}

/** The label of a filter value as the select shows it, without its count. */
function valueLabel(select: HTMLSelectElement | undefined, value: string): string {
  const option = select && [...select.options].find((o) => o.value === value);
  return option?.dataset.label ?? value;
}

/**
 * Shows the chips for `state`; `go` runs the search a link leads to. After a chip removes its filter,
 * focus moves to the chip in its place, else to "Xóa bộ lọc", else to `fallback`.
 */
export function showChips(parts: ChipParts, state: SearchState, go: (next: SearchState) => void, fallback: HTMLElement): void {
  const active = FILTERS.filter((name) => state.filters[name]);
  parts.total.textContent = active.length ? ` (${number(active.length)})` : '';
  parts.box.hidden = !hasFilters(state);
  const chips = active.map((name, i) => {
    const select = parts.selects.get(name);
    const text = `${select?.dataset.short ?? name}: ${valueLabel(select, state.filters[name]!)}`;
    const next = withoutFilter(state, name);
    const link = actionLink(searchHref(next), '', () => {
      go(next);
      const left = parts.list.querySelectorAll('a');
      (left[Math.min(i, left.length - 1)] ?? (parts.box.hidden ? fallback : parts.clear)).focus();
    });
    link.className = 'search-chip';
    const hidden = Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: STRINGS.removeChip });
    const cross = Object.assign(document.createElement('span'), { className: 'search-chip-x', textContent: '✕' });
    cross.setAttribute('aria-hidden', 'true');
    link.append(hidden, text, cross);
    const li = document.createElement('li');
    li.append(link);
    return li;
  });
  parts.list.replaceChildren(...chips);
  parts.clear.href = searchHref(withoutFilter(state));
}

/** Fills the suggestions for `state`, found empty; `go` runs the search a suggestion leads to. */
export function showSuggestions(parts: Parts, state: SearchState, base: string, go: (next: SearchState) => void) {
  const items: (Node | string)[] = [];
  const to = (next: SearchState) => () => go(next);
  for (const name of FILTERS) {
    const value = state.filters[name];
    if (!value) continue;
    const next = withoutFilter(state, name);
    items.push(actionLink(searchHref(next), STRINGS.removeFilter(valueLabel(parts.selects.get(name), value)), to(next)));
  }
  if (items.length > 1) {
    const next = withoutFilter(state);
    items.push(actionLink(searchHref(next), STRINGS.removeAllFilters, to(next)));
  }
  const folded = fold(state.q);
  if (state.q && folded !== state.q.toLowerCase()) {
    const next = { ...state, q: folded };
    items.push(actionLink(writeState(next), STRINGS.withoutDiacritics(folded), to(next)));
  }
  if (state.q.trim().includes(' ')) items.push(STRINGS.fewerWords);
  const browse = document.createElement('span');
  browse.append(STRINGS.browse);
  STRINGS.browseLinks.forEach(([path, label], i) => browse.append(i ? ', ' : ' ', actionLink(base + path, label)));
  items.push(browse);
  listItems(parts.suggestions, items);
}
