/** On a plan page opened from the search page, marks the words searched for, matched as in the result list. */
import { matchRanges, matcherFor, withContext } from '../../lib/search/highlight.ts';
import { parseQuery } from '../../lib/search/parse.ts';

const SKIP = 'script, style, mark, [hidden], [data-pagefind-ignore]';

export function highlightPlan(root: Element, query: string): number {
  const parsed = parseQuery(query);
  const matcher = withContext(matcherFor(parsed, Boolean(parsed.number)), root.textContent ?? '');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  let marked = 0;
  for (const text of texts) {
    // Right to left, so that splitting the node keeps earlier offsets valid.
    for (const [start, end] of matchRanges(text.data, matcher).reverse()) {
      const word = text.splitText(start);
      word.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      word.replaceWith(mark);
      mark.append(word);
      marked++;
    }
  }
  return marked;
}
