/**
 * The draft entry `npm run import` writes: the facts found, in the order and
 * style of `npm run new`; DRAFT_MARKER where only the editor can write (the
 * summary, the body, required facts the source does not give); a body that
 * is an outline of the source's headings, with no sentence of it copied.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { isSlug } from '../../lib/text/slug.ts';
import type { Plan } from '../../schemas/plan.ts';
import { DRAFT_MARKER } from '../checks/draft.ts';
import { getPath, inSchemaOrder, setPath, type EntryData } from '../scaffold/answers.ts';
import { displayPath, findSameDocument, type SameDocument } from '../scaffold/create.ts';
import { fieldByKey } from '../scaffold/fields.ts';
import { BODY_SECTIONS } from '../scaffold/render.ts';
import { planSlug, type SlugInput } from '../scaffold/slug.ts';
import type { Extraction } from './types.ts';

/** Text fields the draft fills with a marked placeholder when the source does not give them. */
const TEXT_PLACEHOLDERS: ReadonlyArray<readonly [string[], string]> = [
  [['title'], 'trích yếu của văn bản, đúng như bản in'],
  [['issuer', 'name'], 'tên cơ quan ban hành như tại thời điểm ban hành'],
  [['source', 'publisher'], 'tên trang hoặc cơ quan đăng tải, hoặc xóa dòng này nếu nguồn không ghi'],
];

/** Required fields that cannot hold a placeholder (a choice, a year): left out, with a marked comment. */
const COMMENTED: ReadonlyArray<readonly [string, string[]]> = [
  ['documentType', ['documentType']],
  ['issuer.level', ['issuer', 'level']],
  ['period.from', ['period', 'from']],
  ['period.to', ['period', 'to']],
  ['reformAreas', ['reformAreas']],
];

const SUMMARY = `${DRAFT_MARKER} 1 đến 3 câu tóm tắt bằng lời của bạn: kế hoạch làm gì, cho ai, đến khi nào (tối đa 400 ký tự).`;

/** Headings are short phrases; characters MDX reads as code are dropped. */
const mdxSafe = (text: string) => text.replace(/[{}<>]/g, '').trim();

function outline(e: Extraction): string {
  const headings = e.headings.length ? e.headings : BODY_SECTIONS.map(([text]) => ({ level: 2 as const, text }));
  const parts = [
    `{/* ${DRAFT_MARKER} Tóm lược kế hoạch bằng lời của bạn dưới từng tiêu đề; số liệu, ngày, tên riêng phải chính xác như văn bản. Các tiêu đề dưới đây lấy từ văn bản nguồn: giữ, sửa hoặc xóa cho hợp. Không chép nguyên văn câu nào. */}`,
  ];
  for (const h of headings) parts.push(`${'#'.repeat(h.level)} ${mdxSafe(h.text)}`, `{/* ${DRAFT_MARKER} tóm lược phần "${mdxSafe(h.text)}" */}`);
  return parts.join('\n\n') + '\n';
}

/** The draft's frontmatter data and the comment lines for what it leaves out. */
export function draftData(data: EntryData, reasons: Map<string, string>): { data: EntryData; comments: string[] } {
  const out = structuredClone(data);
  for (const [path, hint] of TEXT_PLACEHOLDERS) if (getPath(out, path) === undefined) setPath(out, path, `${DRAFT_MARKER} ${hint}`);
  setPath(out, ['summary'], SUMMARY);
  const comments = COMMENTED.filter(([, path]) => getPath(out, path) === undefined).map(([key]) => {
    const field = fieldByKey(key)!;
    return `# ${DRAFT_MARKER} ${key} (${field.meta.title}): ${reasons.get(key) ?? 'văn bản không nêu'}. Ví dụ: ${key.split('.').at(-1)}: ${field.meta.example}`;
  });
  return { data: inSchemaOrder(out), comments };
}

export function renderDraft(data: EntryData, comments: string[], e: Extraction): string {
  const frontmatter = stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return [`---\n${frontmatter}${comments.map((c) => `${c}\n`).join('')}---`, '', outline(e)].join('\n');
}

export type DraftResult =
  | { ok: true; file: string; slug: string; text: string }
  | { ok: false; reason: 'no-year' }
  | { ok: false; reason: 'bad-slug'; slug: string }
  | { ok: false; reason: 'exists'; file: string }
  | { ok: false; reason: 'duplicate'; sameDocument: SameDocument[] };

/** The slug of `npm run new`'s rule, from what the draft knows; undefined without any year. */
export function draftSlug(data: EntryData, e: Extraction): string | undefined {
  const issuedOn = e.issuedOn?.value;
  const from = getPath(data, ['period', 'from']);
  if (!issuedOn && typeof from !== 'number') return undefined;
  const input: SlugInput = {
    title: e.title?.value ?? e.headline?.value ?? String(getPath(data, ['title']) ?? ''),
    documentNumber: getPath(data, ['documentNumber']) as string | undefined,
    documentType: (getPath(data, ['documentType']) as Plan['documentType'] | undefined) ?? 'ke-hoach',
    issuedOn,
    issuer: { name: String(getPath(data, ['issuer', 'name']) ?? ''), level: (getPath(data, ['issuer', 'level']) as Plan['issuer']['level']) ?? 'tinh' },
    province: getPath(data, ['province']) as string | undefined,
    district: getPath(data, ['district']) as string | undefined,
    period: { from: typeof from === 'number' ? from : Number(issuedOn!.slice(0, 4)), to: 0 },
  };
  return planSlug(input);
}

export interface WriteOptions {
  dir: string;
  data: EntryData;
  extraction: Extraction;
  reasons: Map<string, string>;
  slug?: string;
  force?: boolean;
}

/** Writes the draft unless its name is taken or the archive already has the document. */
export function writeDraft({ dir, data, extraction, reasons, slug: chosen, force }: WriteOptions): DraftResult {
  const slug = chosen ?? draftSlug(data, extraction);
  if (!slug) return { ok: false, reason: 'no-year' };
  if (!isSlug(slug)) return { ok: false, reason: 'bad-slug', slug };
  const { data: final, comments } = draftData(data, reasons);
  const number = getPath(final, ['documentNumber']);
  const issuerName = getPath(final, ['issuer', 'name']);
  if (typeof number === 'string' && typeof issuerName === 'string' && !issuerName.startsWith(DRAFT_MARKER)) {
    const same = findSameDocument(dir, { documentNumber: number, issuer: { name: issuerName }, issuedOn: extraction.issuedOn?.value } as Plan);
    if (same.some((s) => s.sameDate) || (same.length && !force)) return { ok: false, reason: 'duplicate', sameDocument: same };
  }
  const file = join(dir, `${slug}.mdx`);
  if (existsSync(file) || existsSync(join(dir, `${slug}.md`))) return { ok: false, reason: 'exists', file: displayPath(file) };
  const text = renderDraft(final, comments, extraction);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, reason: 'exists', file: displayPath(file) };
    throw err;
  }
  return { ok: true, file: displayPath(file), slug, text };
}
