/**
 * A saved web page → its main text. Mozilla's Readability (the algorithm of
 * Firefox Reader View) finds the article among menus, banners and footers;
 * linkedom gives it a DOM without a browser. The article's HTML is then
 * written out as lines: one per block, table cells separated by " | " the way
 * legal-document sites print their letterheads, so the normaliser sees the
 * same shapes as in copied text.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** The text of a DOM subtree, one line per block element. */
export function domText(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') return void out.push('\n');
    const block = BLOCKS.has(name);
    if (block) out.push('\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (name === 'TD' || name === 'TH') out.push(' | ');
    if (block) out.push('\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface PageText {
  text: string;
  pageTitle?: string;
  byline?: string;
  publishedTime?: string;
}

/** The main text of a page; the whole body when Readability finds no article in it. */
export function htmlToText(html: string): PageText {
  const { document } = parseHTML(html);
  const body = domText(document.body ?? document);
  let article: ReturnType<Readability['parse']> = null;
  try {
    // Readability changes the document it reads: give it its own copy.
    article = new Readability(parseHTML(html).document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  const main = article?.content ? domText(parseHTML(`<html><body>${article.content}</body></html>`).document.body) : '';
  // A letterhead laid out as a table can be dropped as "not content": keep the whole body then.
  const keepsLetterhead = !/^\s*Số\s*:/m.test(body) || /^\s*Số\s*:/m.test(main);
  const text = main.length >= 200 && keepsLetterhead ? main : body;
  const title = article?.title?.trim() || document.querySelector('title')?.textContent?.trim() || undefined;
  return {
    text: title && !text.includes(title) ? `${title}\n\n${text}` : text,
    pageTitle: title,
    byline: article?.byline?.trim() || undefined,
    publishedTime: article?.publishedTime?.trim() || undefined,
  };
}
