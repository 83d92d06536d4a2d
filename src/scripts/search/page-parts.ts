/** The search page's elements (src/pages/tim-kiem/index.astro), found once. */
import type { FilterName } from '../../lib/search/index-fields.ts';
import type { ChipParts } from './filter-chips.ts';

function required<T extends Element>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`search page: missing ${selector}`);
  return node;
}

export function findParts() {
  const form = required<HTMLFormElement>('[data-search-form]');
  const selects = new Map([...form.querySelectorAll<HTMLSelectElement>('select[data-facet]')].map((s) => [s.dataset.facet as FilterName, s]));
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
    filterBox: required<HTMLDetailsElement>('[data-search-filter-box]'),
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
