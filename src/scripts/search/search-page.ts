/**
 * The search page in the browser: keeps URL and form in step, runs the query layer on the site's
 * index and shows its answer. The list's `data-search-state` is `done` once the results for the URL
 * are all in the DOM, `error` when the index cannot be read (docs/interfaces.md §3).
 */
import { RESULTS_PER_PAGE as PAGE, SearchEngine, type FacetCounts, type SearchOutcome } from '../../lib/search/engine.ts';
import { matcherFor, type Matcher } from '../../lib/search/highlight.ts';
import { EAGER_FILTER_BYTES } from '../../lib/search/index-format.ts';
import { IndexError, SearchIndex } from '../../lib/search/index-reader.ts';
import { hasFilters, type SearchState } from '../../lib/search/url-state.ts';
import { sharedLoad } from '../../lib/shared-load.ts';
import { onPlainClick, showChips, showSuggestions, withoutFilter } from './filter-chips.ts';
import { indexFiles, planFiles } from './index-files.ts';
import { SearchHistory, fillForm, findParts, listItems, stateFromForm, unfoldHelp, urlState, type HistoryMode, type Parts } from './page-parts.ts';
import { resultItem } from './render.ts';
import { STRINGS, noticeText, number } from './strings.ts';

/** Pause after the last keystroke before searching. */
const TYPING_DELAY = 250;
/** The bar under the search box shows that typing does something, once a search takes longer than this: sooner it would only flash, and animating costs frames. */
const BUSY_DELAY = 150;
/** From this width the filters and the help are open when the page loads; below it, the results come first. */
const WIDE = '(min-width: 48em)';

class SearchPage {
  readonly engine: () => Promise<SearchEngine>;
  readonly history = new SearchHistory();
  /** Counts each search; an answer for an earlier one is dropped. */
  runId = 0;
  typingTimer: ReturnType<typeof setTimeout> | undefined;
  busyTimer: ReturnType<typeof setTimeout> | undefined;
  current: { outcome: SearchOutcome; matcher: Matcher; shown: number } | undefined;
  /** The filter counts are fetched from the first time the reader opens or reaches for the filters; then they follow every search. */
  countsWanted = false;
  /** The page opened the filters itself (a wide screen): that opening is not the reader's. */
  openedByPage = false;

  constructor(readonly base: string, readonly parts: Parts) {
    this.engine = sharedLoad(async () => {
      const index = await SearchIndex.open(indexFiles(base));
      return new SearchEngine(index, planFiles(base, index.manifest.set), { prefetch: PAGE });
    });
  }

  setState(s: 'idle' | 'loading' | 'done' | 'error') {
    const { list, form } = this.parts;
    list.dataset.searchState = s;
    list.setAttribute('aria-busy', String(s === 'loading'));
    clearTimeout(this.busyTimer);
    if (s !== 'loading') form.toggleAttribute('data-busy', false);
    else if (!form.hasAttribute('data-busy')) this.busyTimer = setTimeout(() => form.toggleAttribute('data-busy', true), BUSY_DELAY);
  }

  /** Runs the search for `next` as if the reader had set the form to it. */
  go = (next: SearchState) => {
    fillForm(this.parts, next);
    void this.run(next, 'push');
  };

  async run(state: SearchState, mode: HistoryMode) {
    const { parts } = this;
    clearTimeout(this.typingTimer);
    this.history.write(state, mode);
    showChips(parts.chips, state, this.go, parts.summary);
    const id = ++this.runId;
    this.current = undefined;
    parts.more.hidden = true;
    if (!state.q.trim() && !hasFilters(state)) {
      parts.list.replaceChildren();
      parts.notices.replaceChildren();
      parts.empty.hidden = true;
      parts.count.textContent = STRINGS.idle;
      return this.setState('idle');
    }
    this.setState('loading');
    try {
      const engine = await this.engine();
      const outcome = await engine.run(state);
      if (id !== this.runId) return;
      this.current = { outcome, matcher: matcherFor(outcome.parsed, outcome.ranking === 'number'), shown: 0 };
      const items = await this.nextPage();
      if (id !== this.runId) return;
      parts.list.replaceChildren(...items);
      listItems(parts.notices, outcome.notices.map(noticeText));
      const total = outcome.plans.length;
      parts.count.textContent = STRINGS.count(total, outcome.parsed.text);
      parts.empty.hidden = total > 0;
      if (total === 0) showSuggestions(parts, state, this.base, this.go);
      this.setState('done');
      if (this.countsWanted || (parts.filterBox.open && (engine.filterBytes ?? 0) <= EAGER_FILTER_BYTES)) this.updateCounts();
    } catch (error) {
      if (id === this.runId) this.showError(error);
    }
  }

  /** The next page of results' items; `current.shown` counts them in. */
  async nextPage(): Promise<HTMLLIElement[]> {
    const shown = this.current!;
    const plans = shown.outcome.plans.slice(shown.shown, shown.shown + PAGE);
    const engine = await this.engine();
    // Each item is made as its plan's text arrives, while the others are on their way.
    const items = await Promise.all(plans.map(async (plan) => resultItem(await engine.plan(plan), shown.matcher)));
    shown.shown += items.length;
    this.parts.more.hidden = shown.shown >= shown.outcome.plans.length;
    return items;
  }

  async showMore() {
    const { parts, current } = this;
    const id = this.runId;
    if (!current) return;
    parts.more.disabled = true;
    this.setState('loading');
    try {
      const items = await this.nextPage();
      if (id !== this.runId) return;
      parts.list.append(...items);
      this.setState('done');
      // The reader may have reached for the filters while the page loaded.
      if (this.countsWanted && parts.facets.dataset.searchFacets === 'idle') this.updateCounts();
      const total = current.outcome.plans.length;
      parts.count.textContent = `${STRINGS.count(total, current.outcome.parsed.text)}. ${STRINGS.shown(current.shown, total)}`;
      items[0]?.querySelector('a')?.focus();
    } catch (error) {
      if (id === this.runId) this.showError(error);
    } finally {
      parts.more.disabled = false;
    }
  }

  /** The index could not be read: what went wrong, in the reader's words, and no results. */
  showError(error: unknown) {
    logError(error);
    const { parts } = this;
    this.current = undefined;
    parts.list.replaceChildren();
    parts.more.hidden = true;
    parts.empty.hidden = true;
    parts.count.textContent = error instanceof IndexError ? error.message : STRINGS.error;
    listItems(parts.notices, [STRINGS.errorHelp]);
    this.setState('error');
  }

  /** The filter counts need the filter file, which grows with the archive: fetched with open filters while it is small, else once the reader reaches for them. */
  updateCounts() {
    const { parts, current } = this;
    const id = this.runId;
    this.countsWanted = true;
    if (!current || parts.list.dataset.searchState !== 'done') return;
    parts.facets.dataset.searchFacets = 'loading';
    const show = (counts?: FacetCounts, error?: unknown) => id === this.runId && showCounts(parts, counts, error);
    current.outcome.counts().then(show, (error: unknown) => show(undefined, error));
  }

  typed() {
    const state = stateFromForm(this.parts);
    // The URL follows every keystroke, so the list is stale until the search runs.
    this.history.write(state, 'replace');
    // A search still running is for a query the URL no longer shows.
    this.runId++;
    if (state.q.trim() || hasFilters(state)) this.setState('loading');
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => void this.run(state, 'none'), TYPING_DELAY);
  }
}

/** For the maintainer: the error and, for the index's, how to mend it. */
const logError = (error: unknown) => console.error(error, error instanceof IndexError ? error.hint : '');

/** Each filter value with its count; when the counts could not be had (`error`), without, and why. */
function showCounts(parts: Parts, all: FacetCounts | undefined, error?: unknown) {
  if (!all) logError(error);
  parts.facets.dataset.searchFacets = all ? 'done' : 'error';
  parts.countsError.hidden = !!all;
  parts.countsError.textContent = all ? '' : STRINGS.countsFailed(error instanceof IndexError ? error.message : undefined);
  for (const [name, select] of parts.selects) {
    for (const option of select.options) {
      if (!option.value) continue;
      const text = `${option.dataset.label ?? option.value}${all ? ` (${number(all[name]?.[option.value] ?? 0)})` : ''}`;
      // Most counts stay the same from one keystroke to the next.
      if (option.textContent !== text) option.textContent = text;
    }
  }
}

function listen(page: SearchPage) {
  const { parts } = page;
  const reached = () => !page.countsWanted && page.updateCounts();
  parts.filterBox.addEventListener('toggle', () => {
    if (page.openedByPage) page.openedByPage = false;
    else if (parts.filterBox.open) reached();
  });
  // Before a list opens: a pointer over the filters, or the keyboard inside them.
  for (const type of ['pointerenter', 'focusin'] as const) parts.filterBox.addEventListener(type, reached);
  onPlainClick(parts.chips.clear, () => {
    page.go(withoutFilter(stateFromForm(parts)));
    parts.summary.focus();
  });
  parts.input.addEventListener('input', () => page.typed());
  parts.form.addEventListener('submit', (e) => {
    e.preventDefault();
    void page.run(stateFromForm(parts), 'push');
  });
  parts.form.addEventListener('change', (e) => {
    if (e.target instanceof HTMLSelectElement) void page.run(stateFromForm(parts), 'push');
  });
  parts.more.addEventListener('click', () => void page.showMore());
  window.addEventListener('popstate', () => {
    const state = urlState();
    page.history.committed = state;
    fillForm(parts, state);
    void page.run(state, 'none');
  });
  // Start reading the index as soon as the reader shows interest.
  parts.input.addEventListener('focus', () => void page.engine().catch(() => undefined), { once: true });
}

export function startSearchPage(base: string): void {
  const page = new SearchPage(base, findParts());
  listen(page);
  const initial = urlState();
  const wide = matchMedia(WIDE).matches;
  page.parts.filterBox.open = page.openedByPage = wide;
  unfoldHelp(page.parts.helpToggle, wide);
  fillForm(page.parts, initial);
  void page.run(initial, 'none');
}
