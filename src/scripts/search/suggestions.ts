/** The ways out the search page offers when nothing is found. */
import { FILTERS } from '../../lib/search/index-fields.ts';
import { writeState, type SearchState } from '../../lib/search/url-state.ts';
import { fold } from '../../lib/text/fold.ts';
import { actionLink, searchHref, valueLabel, withoutFilter } from './filter-chips.ts';
import { listItems, type Parts } from './page-parts.ts';
import { STRINGS } from './strings.ts';

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
