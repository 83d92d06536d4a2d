/**
 * One search result as a list item: title linking to the plan, its facts, an excerpt with matches marked.
 * Text goes in through textContent; the only HTML is what highlight.ts builds from escaped text.
 */
import type { PlanData } from '../../lib/search/engine.ts';
import { excerptHtml, highlightHtml, withContext, type Matcher } from '../../lib/search/highlight.ts';
import { META } from '../../lib/search/index-fields.ts';
import { CARD_LABELS, CARD_UNKNOWN } from '../../lib/card-labels.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The part of the plan's text worth quoting: from the summary, as the metadata table above it repeats the card. */
function quotable(content: string, summary: string | undefined): string {
  const at = summary ? content.indexOf(summary.slice(0, 40)) : -1;
  return at > 0 ? content.slice(at) : content;
}

export function resultItem(data: PlanData, query: Matcher): HTMLLIElement {
  const meta = data.meta;
  const text = quotable(data.content, meta[META.summary]);
  // The title and the excerpt mark alike: by what the whole plan has.
  const matcher = withContext(query, `${meta[META.title] ?? ''}\n${text}`);
  const li = el('li');
  const card = el('article', 'plan-card');
  const title = el('h3', 'plan-card-title');
  const link = el('a');
  link.href = data.url;
  link.innerHTML = highlightHtml(meta[META.title] ?? data.url, matcher);
  title.append(link);

  const facts = el('p', 'plan-card-meta');
  // The same labelled values as the archive's own cards (PlanCard.astro).
  facts.append(
    ...(['number', 'issuer', 'date', 'province'] as const).map((key) => el('span', undefined, `${CARD_LABELS[key]}: ${meta[META[key]] || CARD_UNKNOWN}`)),
  );

  const excerpt = el('p', 'search-excerpt');
  excerpt.innerHTML = excerptHtml(text, matcher);
  card.append(title, facts, excerpt);
  li.append(card);
  return li;
}
