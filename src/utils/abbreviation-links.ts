/**
 * Links the first use of each abbreviation in a plan's body (CCHC, TTHC, PAR
 * Index…) to its explanation on /thuat-ngu/, with what it stands for in an
 * <abbr>. Works on the rendered HTML as text, tag by tag, so that 100,000
 * bodies cost no DOM: text inside links, headings and code is left alone.
 */
import { abbreviationTerms, GLOSSARY_PATH } from '../lib/glossary.ts';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Longest first, so that "CBCCVC" is linked as itself, not as "CBCC"; "&" as the HTML writes it. */
const TERMS = abbreviationTerms()
  .sort((a, b) => b.short.length - a.short.length)
  .map((t) => ({ ...t, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(t.short.replace(/&/g, '&amp;'))}(?![\\p{L}\\p{N}])`, 'u') }));

/** Elements whose text is never linked. */
const SKIP = /^<(\/?)(a|h[1-6]|code|pre|abbr)\b/i;

export function linkAbbreviations(html: string, base: string): string {
  const linked = new Set<string>();
  let skipDepth = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        const m = SKIP.exec(part);
        if (m && !part.endsWith('/>')) skipDepth = Math.max(0, skipDepth + (m[1] ? -1 : 1));
        return part;
      }
      return skipDepth > 0 || !part.trim() ? part : linkText(part, linked, base);
    })
    .join('');
}

/**
 * One text between tags, as pieces: plain text, which later terms may still
 * match, and links already made, which they may not.
 */
function linkText(text: string, linked: Set<string>, base: string): string {
  const pieces: { text: string; link: boolean }[] = [{ text, link: false }];
  for (const t of TERMS) {
    if (linked.has(t.anchor)) continue;
    const at = pieces.findIndex((p) => !p.link && t.pattern.test(p.text));
    if (at < 0) continue;
    linked.add(t.anchor);
    const { text: plain } = pieces[at];
    const m = t.pattern.exec(plain)!;
    const link = `<a href="${base}${GLOSSARY_PATH}#${t.anchor}"><abbr title="${escapeAttr(t.long)}">${m[0]}</abbr></a>`;
    pieces.splice(at, 1, { text: plain.slice(0, m.index), link: false }, { text: link, link: true }, { text: plain.slice(m.index + m[0].length), link: false });
  }
  return pieces.map((p) => p.text).join('');
}
