/**
 * Crawls a served site from one page: follows every internal link and asset,
 * stylesheets' url()s included, and records each URL's status, who refers to
 * it, #anchors whose id is missing and links that leave the base path.
 */
import { parseHTML } from 'linkedom';

export interface Crawl {
  /** Internal URL (no hash) → HTTP status. */
  status: Map<string, number>;
  /** Internal URL → the pages that refer to it. */
  referrers: Map<string, Set<string>>;
  /** "page → target#id" for anchors whose id is missing. */
  danglingAnchors: string[];
  /** Internal URLs outside the base. */
  outsideBase: string[];
  /** Ids of each HTML page fetched. */
  ids: Map<string, Set<string>>;
}

/** Every URL an HTML page refers to: links, assets, srcsets, inline and linked CSS url()s. */
export function referencesInHtml(html: string): string[] {
  const { document } = parseHTML(html);
  const refs: string[] = [];
  for (const el of document.querySelectorAll('[href]')) refs.push(el.getAttribute('href')!);
  for (const el of document.querySelectorAll('[src]')) refs.push(el.getAttribute('src')!);
  for (const el of document.querySelectorAll('[srcset]')) refs.push(...el.getAttribute('srcset')!.split(',').map((s: string) => s.trim().split(/\s+/)[0]));
  for (const style of document.querySelectorAll('style')) refs.push(...referencesInCss(style.textContent ?? ''));
  return refs.filter((r) => r && !/^(?:mailto|tel|javascript|data):/i.test(r));
}

export function referencesInCss(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]).filter((u) => !u.startsWith('data:'));
}

/** Crawls from `start` (an absolute URL); `base` is the path every internal URL must stay under. */
export async function crawl(start: string, base: string): Promise<Crawl> {
  const origin = new URL(start).origin;
  const result: Crawl = { status: new Map(), referrers: new Map(), danglingAnchors: [], outsideBase: [], ids: new Map() };
  const anchors: Array<{ from: string; target: string; id: string }> = [];
  const queue = [start];
  const refer = (from: string, raw: string) => {
    const target = new URL(raw, from);
    if (target.origin !== origin) return;
    const hashless = target.href.split('#')[0].split('?')[0];
    if (!target.pathname.startsWith(base)) result.outsideBase.push(`${from} → ${raw}`);
    if (target.hash.length > 1) anchors.push({ from, target: hashless, id: decodeURIComponent(target.hash.slice(1)) });
    if (!result.referrers.has(hashless)) {
      result.referrers.set(hashless, new Set());
      queue.push(hashless);
    }
    result.referrers.get(hashless)!.add(from);
  };
  result.referrers.set(start, new Set());
  while (queue.length) {
    const url = queue.shift()!;
    // A redirect is a broken link here: the site links every page by its final URL.
    const response = await fetch(url, { redirect: 'manual' });
    result.status.set(url, response.status);
    const type = response.headers.get('content-type') ?? '';
    const body = await response.text();
    if (response.status !== 200) continue;
    if (type.includes('text/html')) {
      result.ids.set(url, new Set([...parseHTML(body).document.querySelectorAll('[id]')].map((e) => e.getAttribute('id')!)));
      for (const ref of referencesInHtml(body)) refer(url, ref);
    } else if (type.includes('text/css')) {
      for (const ref of referencesInCss(body)) refer(url, ref);
    }
  }
  for (const a of anchors) {
    const ids = result.ids.get(a.target);
    if (ids && !ids.has(a.id)) result.danglingAnchors.push(`${a.from} → ${a.target}#${a.id}`);
  }
  return result;
}

/** "status URL (from referrers)" for every URL that did not answer 200. */
export function brokenLinks(result: Crawl): string[] {
  return [...result.status].filter(([, s]) => s !== 200).map(([u, s]) => `${s} ${u} (from ${[...result.referrers.get(u)!].slice(0, 3).join(', ')})`);
}
