/**
 * Internal links in entry bodies that point to no page of the site. The set
 * of pages is worked out from the entries and the URL contract (docs/interfaces.md §2)
 * the same way the build lays them out, so the check needs no build.
 */
import { closest, distance } from 'fastest-levenshtein';
import { PAGE_SIZE } from '../../config.ts';
import { ISSUER_LEVELS, REFORM_AREAS } from '../../data/taxonomy.ts';
import { docNumberKey } from '../../lib/docnumber.ts';
import { planFacts } from '../../lib/plan-facts.ts';
import { CURRENT_PROVINCES } from '../../lib/provinces.ts';
import type { Finding } from '../../lib/entries.ts';
import { bodyLineAt, finding, type Check, type CheckedEntry } from './types.ts';

/** Pages and files that exist whatever the entries (docs/interfaces.md §2), relative to the site base. */
const FIXED_PAGES = [
  '',
  'ke-hoach/',
  'tim-kiem/',
  'tinh/',
  'nam/',
  'linh-vuc/',
  'cap/',
  'thong-ke/',
  'du-lieu/',
  'du-lieu/ke-hoach.json',
  'du-lieu/ke-hoach.csv',
  'du-lieu/ke-hoach.schema.json',
  'rss.xml',
  'sitemap-index.xml',
  '404.html',
];

/** A paginated list: page 1 at `path`, page n at `path` + `trang/n/`. */
function addList(pages: Set<string>, path: string, count: number): void {
  pages.add(path);
  for (let n = 2; n <= Math.ceil(count / PAGE_SIZE); n++) pages.add(`${path}trang/${n}/`);
}

/** Every page path (relative to the base, directories ending in "/") the entries produce. */
export function sitePages(entries: CheckedEntry[]): Set<string> {
  const pages = new Set(FIXED_PAGES);
  const valid = entries.filter((e) => e.plan).map((e) => planFacts(e.entry.slug, e.plan!));
  for (const { entry } of entries) pages.add(`ke-hoach/${entry.slug}/`);
  addList(pages, 'ke-hoach/', valid.length);
  const count = (key: (f: (typeof valid)[number]) => boolean) => valid.filter(key).length;
  for (const p of CURRENT_PROVINCES) addList(pages, `tinh/${p.slug}/`, count((f) => f.now?.id === p.id));
  for (const y of new Set(valid.flatMap((f) => f.years))) addList(pages, `nam/${y}/`, count((f) => f.years.includes(y)));
  for (const a of Object.keys(REFORM_AREAS)) addList(pages, `linh-vuc/${a}/`, count((f) => f.plan.reformAreas.includes(a as never)));
  for (const l of Object.keys(ISSUER_LEVELS)) addList(pages, `cap/${l}/`, count((f) => f.plan.issuer.level === l));
  return pages;
}

/**
 * The document numbers the archive knows. A /van-ban/<key>/ page exists for
 * each; its key starts with the number's key and may add the issuer, since
 * provincial numbers repeat across provinces.
 */
export function knownDocumentKeys(entries: CheckedEntry[]): string[] {
  return entries.flatMap(({ plan }) =>
    plan ? [plan.documentNumber, ...(plan.legalBases ?? []).map((b) => (typeof b === 'string' ? b : b.number))].filter((n) => n !== undefined).map(docNumberKey) : [],
  );
}

function pageExists(path: string, pages: Set<string>, documents: string[]): boolean {
  const doc = /^van-ban\/([^/]+)\/$/.exec(path)?.[1];
  return pages.has(path) || (doc !== undefined && documents.some((k) => doc === k || doc.startsWith(`${k}-`)));
}

/** Code blocks and inline code hold examples, not links: blank them out, keeping the line breaks. */
function withoutCode(body: string): string {
  return body
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length));
}

const LINK_PATTERNS = [
  /\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g, // [text](href "title")
  /^[ \t]*\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]|$)/gm, // [ref]: href
  /\bhref\s*=\s*["']([^"']+)["']/g, // <a href="...">
];

export interface BodyLink {
  href: string;
  offset: number;
}

export function bodyLinks(body: string): BodyLink[] {
  const text = withoutCode(body);
  const links: BodyLink[] = [];
  for (const pattern of LINK_PATTERNS) {
    for (const m of text.matchAll(pattern)) links.push({ href: m[1], offset: m.index! + m[0].indexOf(m[1]) });
  }
  return links.sort((a, b) => a.offset - b.offset);
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const ORIGIN = 'http://kho.invalid/';

/** The page a link from a plan page leads to, relative to the site base; undefined when external. */
export function resolveLink(href: string, fromSlug: string): string | undefined {
  if (EXTERNAL.test(href) || href.startsWith('#')) return undefined;
  const target = new URL(href, `${ORIGIN}ke-hoach/${fromSlug}/`);
  let path = decodeURI(target.pathname).replace(/^\//, '');
  // Directory pages are served with a final slash; "ke-hoach/x" reaches "ke-hoach/x/".
  if (path && !path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
  return path;
}

export const linksCheck: Check = {
  id: 'links',
  title: 'Liên kết nội bộ',
  help:
    'Một liên kết trong phần nội dung trỏ tới trang không có trên trang web (lỗi), ví dụ gõ sai tên tệp của kế hoạch khác. Liên kết bắt đầu bằng "/" (cảnh báo) sẽ hỏng khi trang web chạy dưới đường dẫn con như trên GitHub Pages: hãy viết đường dẫn tương đối, ví dụ `../2020-tien-giang-skhcn-44-kh-skhcn/`.',
  severity: 'error or warning',
  run({ entries }) {
    const out: Finding[] = [];
    let pages: Set<string> | undefined;
    let documents: string[] = [];
    const slugs = entries.map((e) => e.entry.slug);
    for (const { entry } of entries) {
      for (const link of bodyLinks(entry.body)) {
        const path = resolveLink(link.href, entry.slug);
        if (path === undefined) continue;
        if (!pages) {
          pages = sitePages(entries);
          documents = knownDocumentKeys(entries);
        }
        const line = bodyLineAt(entry, link.offset);
        if (!pageExists(path, pages, documents)) {
          const plan = /^ke-hoach\/([^/]+)\/$/.exec(path)?.[1];
          const others = slugs.filter((s) => s !== entry.slug);
          const guess = plan && others.length ? closest(plan, others) : undefined;
          // Only a near miss is worth a guess: a typo, not a different plan.
          const near = guess && distance(plan!, guess) <= 3 ? guess : undefined;
          const hint = near ? `; có phải ../${near}/ ?` : '. Ví dụ đúng, liên kết tới một kế hoạch khác: ../2020-tien-giang-skhcn-44-kh-skhcn/';
          out.push(finding(entry, line, 'error', 'links', `liên kết "${link.href}" trỏ tới trang không có (/${path})${hint}`));
        } else if (link.href.startsWith('/')) {
          const relative = path.startsWith('ke-hoach/') ? `../${path.slice('ke-hoach/'.length)}` : `../../${path}`;
          out.push(
            finding(
              entry,
              line,
              'warning',
              'links',
              `liên kết "${link.href}" bắt đầu bằng "/", sẽ hỏng khi trang web chạy dưới đường dẫn con (SITE_BASE, như trên GitHub Pages). Hãy viết đường dẫn tương đối: ${relative}`,
            ),
          );
        }
      }
    }
    return out;
  },
};
