/**
 * The search page in the browser: keeps the URL and the form in step, runs
 * the query layer and shows its answer. The list's `data-search-state` is
 * `done` only once the results for the URL's query and filters are all in
 * the DOM (docs/interfaces.md §3).
 */
import { SearchEngine, type SearchOutcome } from '../../lib/search/engine.ts';
import type { FacetCounts } from '../../lib/search/facets.ts';
import { matcherFor, type Matcher } from '../../lib/search/highlight.ts';
import { FILTERS, type FilterName } from '../../lib/search/index-fields.ts';
import { sharedLoad } from '../../lib/shared-load.ts';
import { fold } from '../../lib/text/fold.ts';
import { hasFilters, readState, sameState, writeState, type SearchState, type SortOrder } from '../../lib/search/url-state.ts';
import { actionLink, searchHref, showChips, valueLabel, withoutFilter, type ChipParts } from './filter-chips.ts';
import { loadPagefind, type ShardRef } from './pagefind-backend.ts';
import { resultItem } from './render.ts';
import { STRINGS, noticeText, number } from './strings.ts';

/** Results per "Xem thêm". */
const PAGE = 10;
/** Pause after the last keystroke before searching. */
const TYPING_DELAY = 250;
/** From this width the filters and the help are open when the page loads; below it, the results come first. */
const WIDE = '(min-width: 48em)';

type HistoryMode = 'push' | 'replace' | 'none';

/** Shows the button that folds the search help (SearchHelp.astro), the help unfolded or not. */
function unfoldHelp(toggle: HTMLButtonElement, open: boolean) {
  const help = required<HTMLElement>(`#${toggle.getAttribute('aria-controls')}`);
  const set = (on: boolean) => {
    toggle.setAttribute('aria-expanded', String(on));
    help.hidden = !on;
  };
  set(open);
  toggle.hidden = false;
  toggle.addEventListener('click', () => set(help.hidden));
}

function required<T extends Element>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`search page: missing ${selector}`);
  return node;
}

/**
 * `shards`: the index shards, primary first (empty for an archive indexed
 * whole; see src/lib/search/shards.ts).
 */
export function startSearchPage(base: string, shards: readonly ShardRef[] = []): void {
  const form = required<HTMLFormElement>('[data-search-form]');
  const input = required<HTMLInputElement>('#q');
  const list = required<HTMLOListElement>('[data-search-results]');
  const count = required<HTMLElement>('[data-search-count]');
  const notices = required<HTMLUListElement>('[data-search-notices]');
  const empty = required<HTMLElement>('[data-search-empty]');
  const suggestions = required<HTMLUListElement>('[data-search-suggestions]');
  const more = required<HTMLButtonElement>('[data-search-more]');
  const sortSelect = required<HTMLSelectElement>('[data-sort]');
  const facets = required<HTMLFieldSetElement>('[data-search-facets]');
  const filterBox = required<HTMLDetailsElement>('[data-search-filter-box]');
  const facetSelects = new Map(
    [...form.querySelectorAll<HTMLSelectElement>('select[data-facet]')].map((s) => [s.dataset.facet as FilterName, s]),
  );
  const chips: ChipParts = {
    box: required('[data-search-chips]'),
    list: required('[data-search-chip-list]'),
    clear: required('[data-search-clear]'),
    total: required('[data-search-filter-count]'),
    selects: facetSelects,
  };
  const summary = required<HTMLElement>('[data-search-filter-box] > summary');

  const getEngine = sharedLoad(() => loadPagefind(base, shards).then((b) => new SearchEngine(b, { prefetch: PAGE })));
  let runId = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let current: { outcome: SearchOutcome; matcher: Matcher; shown: number } | undefined;

  const setState = (s: 'idle' | 'loading' | 'done' | 'error') => {
    list.dataset.searchState = s;
    list.setAttribute('aria-busy', String(s === 'loading'));
    // Shown beside the search box (the bar under it), so typing visibly does something.
    form.toggleAttribute('data-busy', s === 'loading');
  };

  function stateFromForm(): SearchState {
    const filters: SearchState['filters'] = {};
    for (const [name, select] of facetSelects) if (select.value) filters[name] = select.value;
    return { q: input.value, filters, sort: sortSelect.value as SortOrder };
  }

  function fillForm(state: SearchState) {
    input.value = state.q;
    sortSelect.value = state.sort;
    for (const [name, select] of facetSelects) {
      const value = state.filters[name] ?? '';
      // A value from a shared link that this archive lacks still shows, so it can be removed.
      if (value && ![...select.options].some((o) => o.value === value)) {
        select.append(new Option(value, value));
      }
      select.value = value;
    }
  }

  /** The search the current history entry stood for before typing changed its URL. */
  let committed = readState(new URLSearchParams(location.search));
  const hrefOf = (state: SearchState) => `${location.pathname}${writeState(state)}`;

  /**
   * Typing only replaces the current entry, so the URL stays shareable without
   * a history entry per keystroke. Submitting or filtering pushes one: the
   * current entry first gets back the search it stood for, so Back returns
   * to it rather than to a half-typed query.
   */
  function writeHistory(state: SearchState, mode: HistoryMode) {
    if (mode === 'none') return;
    if (mode === 'replace') {
      if (!sameState(state, readState(new URLSearchParams(location.search)))) history.replaceState(null, '', hrefOf(state));
      return;
    }
    if (!sameState(state, committed)) {
      history.replaceState(null, '', hrefOf(committed));
      history.pushState(null, '', hrefOf(state));
    } else {
      history.replaceState(null, '', hrefOf(state));
    }
    committed = state;
  }

  function showCounts(all: FacetCounts) {
    for (const [name, select] of facetSelects) {
      const counts = all[name] ?? {};
      for (const option of select.options) {
        if (!option.value) continue;
        const label = option.dataset.label ?? option.value;
        const text = `${label} (${number(counts[option.value] ?? 0)})`;
        // Most counts stay the same from one keystroke to the next.
        if (option.textContent !== text) option.textContent = text;
      }
    }
  }

  function showNotices(outcome: SearchOutcome) {
    notices.replaceChildren(...outcome.notices.map((n) => Object.assign(document.createElement('li'), { textContent: noticeText(n) })));
  }

  function showSuggestions(state: SearchState) {
    const items: Node[] = [];
    const to = (next: SearchState) => () => go(next);
    for (const name of FILTERS) {
      const value = state.filters[name];
      if (!value) continue;
      const next = withoutFilter(state, name);
      items.push(actionLink(searchHref(next), STRINGS.removeFilter(valueLabel(facetSelects.get(name), value)), to(next)));
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
    if (state.q.trim().includes(' ')) items.push(document.createTextNode(STRINGS.fewerWords));
    const browse = document.createElement('span');
    browse.append(STRINGS.browse);
    STRINGS.browseLinks.forEach(([path, label], i) => browse.append(i ? ', ' : ' ', actionLink(base + path, label)));
    items.push(browse);
    suggestions.replaceChildren(
      ...items.map((node) => {
        const li = document.createElement('li');
        li.append(node);
        return li;
      }),
    );
  }

  /**
   * The counts beside each filter value need every plan's filter values, a
   * download that grows with the archive. They are only seen in the filters,
   * so they are fetched once the filters are open (from the start on a wide
   * screen), or when the search already uses one, and then follow every search.
   */
  let countsWanted = false;
  function updateCounts() {
    countsWanted = true;
    const shown = current;
    const id = runId;
    if (!shown || list.dataset.searchState !== 'done') return;
    facets.dataset.searchFacets = 'loading';
    shown.outcome
      .counts()
      .then((counts) => {
        if (id !== runId) return;
        showCounts(counts);
        facets.dataset.searchFacets = 'done';
      })
      .catch(() => id === runId && (facets.dataset.searchFacets = 'error'));
  }
  filterBox.addEventListener('toggle', () => {
    if (filterBox.open && !countsWanted) updateCounts();
  });

  /** Runs the search for `next` as if the reader had set the form to it. */
  function go(next: SearchState) {
    fillForm(next);
    void run(next, 'push');
  }
  chips.clear.addEventListener('click', (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    go(withoutFilter(stateFromForm()));
    summary.focus();
  });

  async function appendPage(run: number): Promise<HTMLAnchorElement | undefined> {
    if (!current) return undefined;
    const { outcome, matcher } = current;
    const plans = outcome.plans.slice(current.shown, current.shown + PAGE);
    const e = await getEngine();
    const data = await Promise.all(plans.map((plan) => e.plan(plan)));
    if (run !== runId) return undefined;
    const items = data.map((d) => resultItem(d, matcher));
    list.append(...items);
    current.shown += items.length;
    more.hidden = current.shown >= outcome.plans.length;
    return items[0]?.querySelector('a') ?? undefined;
  }

  async function run(state: SearchState, mode: HistoryMode) {
    clearTimeout(typingTimer);
    writeHistory(state, mode);
    showChips(chips, state, go, summary);
    const id = ++runId;
    if (!state.q.trim() && !hasFilters(state)) {
      current = undefined;
      list.replaceChildren();
      notices.replaceChildren();
      empty.hidden = true;
      more.hidden = true;
      count.textContent = STRINGS.idle;
      setState('idle');
      return;
    }
    setState('loading');
    try {
      performance.mark('kho-search:start');
      const outcome = await (await getEngine()).run(state);
      if (id !== runId) return;
      performance.mark('kho-search:ranked');
      current = { outcome, matcher: matcherFor(outcome.parsed, outcome.ranking === 'number'), shown: 0 };
      list.replaceChildren();
      showNotices(outcome);
      await appendPage(id);
      if (id !== runId) return;
      performance.mark('kho-search:rendered');
      const total = outcome.plans.length;
      count.textContent = STRINGS.count(total, outcome.parsed.text);
      empty.hidden = total > 0;
      if (total === 0) showSuggestions(state);
      setState('done');
      if (countsWanted || filterBox.open || hasFilters(state)) updateCounts();
    } catch (error) {
      if (id !== runId) return;
      console.error(error);
      current = undefined;
      list.replaceChildren();
      more.hidden = true;
      count.textContent = STRINGS.error;
      setState('error');
    }
  }

  input.addEventListener('input', () => {
    const state = stateFromForm();
    // The URL follows every keystroke, so the list is stale until the search runs.
    writeHistory(state, 'replace');
    // A search still running is for a query the URL no longer shows.
    runId++;
    if (state.q.trim() || hasFilters(state)) setState('loading');
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => void run(state, 'none'), TYPING_DELAY);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(stateFromForm(), 'push');
  });
  form.addEventListener('change', (e) => {
    if (e.target instanceof HTMLSelectElement) void run(stateFromForm(), 'push');
  });
  more.addEventListener('click', async () => {
    more.disabled = true;
    setState('loading');
    const id = runId;
    const first = await appendPage(id).catch(() => undefined);
    more.disabled = false;
    if (id !== runId) return;
    setState('done');
    // The reader may have reached for the filters while the page loaded.
    if (countsWanted && facets.dataset.searchFacets === 'idle') updateCounts();
    count.textContent = `${STRINGS.count(current?.outcome.plans.length ?? 0, current?.outcome.parsed.text ?? '')}. ${STRINGS.shown(current?.shown ?? 0, current?.outcome.plans.length ?? 0)}`;
    first?.focus();
  });
  window.addEventListener('popstate', () => {
    const state = readState(new URLSearchParams(location.search));
    committed = state;
    fillForm(state);
    void run(state, 'none');
  });
  // Start loading Pagefind as soon as the reader shows interest.
  input.addEventListener('focus', () => void getEngine().catch(() => undefined), { once: true });

  const initial = readState(new URLSearchParams(location.search));
  const wide = matchMedia(WIDE).matches;
  filterBox.open = wide;
  unfoldHelp(required('[data-search-help-toggle]'), wide);
  fillForm(initial);
  void run(initial, 'none');
}
