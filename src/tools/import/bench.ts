/**
 * `npm run bench:import -- --dir DIR`: the extractor against a folder of
 * source texts and the facts a careful editor established from them
 * (facts.json; see the folder's README). Per field: right, missing, wrong and
 * invented (a value where the text states none); for legal bases and indices,
 * precision and recall. Only the keys a file lists as `certain` are scored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docNumberKey } from '../../lib/docnumber.ts';
import { issuerKey } from '../../lib/issuer.ts';
import { provinceKey } from '../../lib/provinces.ts';
import { fold } from '../../lib/text/fold.ts';
import { CliError } from '../cli.ts';
import { extract } from './extract.ts';
import type { Extraction } from './types.ts';

interface Facts {
  file: string;
  url?: string;
  certain: string[];
  [key: string]: unknown;
}

export const SCALARS = ['documentNumber', 'documentType', 'issuedOn', 'issuerLevel', 'province', 'district', 'periodFrom', 'periodTo'] as const;
const REPORTED = ['title', 'issuerName'] as const;
type Scalar = (typeof SCALARS)[number] | (typeof REPORTED)[number];

function got(e: Extraction, key: Scalar): string | number | undefined {
  switch (key) {
    case 'title': return e.title?.value;
    case 'documentNumber': return e.documentNumber?.value;
    case 'documentType': return e.documentType?.value;
    case 'issuedOn': return e.issuedOn?.value;
    case 'issuerName': return e.issuerName?.value;
    case 'issuerLevel': return e.issuerLevel?.value;
    case 'province': return e.province?.value;
    case 'district': return e.district?.value;
    case 'periodFrom': return e.period?.value.from;
    case 'periodTo': return e.period?.value.to;
  }
}

const SAME: Partial<Record<Scalar, (v: string) => string>> = {
  documentNumber: docNumberKey,
  province: provinceKey,
  issuerName: issuerKey,
  district: fold,
  title: (v) => v.normalize('NFC').trim(),
};
const same = (key: Scalar, a: unknown, b: unknown) => (SAME[key] ? SAME[key]!(String(a)) === SAME[key]!(String(b)) : String(a) === String(b));

export interface FieldScore {
  scored: number;
  right: number;
  missing: number;
  wrong: number;
  invented: number;
}
export interface ListScore {
  truePositives: number;
  found: number;
  expected: number;
}
export interface Problem {
  file: string;
  field: string;
  kind: 'missing' | 'wrong' | 'invented';
  expected?: unknown;
  got?: unknown;
}
export interface BenchResult {
  files: number;
  fields: Record<string, FieldScore>;
  lists: Record<'legalBases' | 'indices', ListScore>;
  problems: Problem[];
}

function readFacts(dir: string): Facts[] {
  try {
    return JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as Facts[];
  } catch {
    throw new CliError(`không đọc được ${join(dir, 'facts.json')}: thư mục phải có các tệp văn bản và facts.json (xem README của thư mục mẫu)`);
  }
}

/** Scores one extraction against one file's facts, adding to `result`. */
function scoreFile(f: Facts, e: Extraction, result: BenchResult): void {
  for (const key of [...SCALARS, ...REPORTED]) {
    if (!f.certain.includes(key)) continue;
    const score = (result.fields[key] ??= { scored: 0, right: 0, missing: 0, wrong: 0, invented: 0 });
    const expected = f[key] ?? null;
    const value = got(e, key);
    score.scored++;
    if (expected === null) {
      if (value === undefined) score.right++;
      else (score.invented++, result.problems.push({ file: f.file, field: key, kind: 'invented', got: value }));
    } else if (value === undefined) (score.missing++, result.problems.push({ file: f.file, field: key, kind: 'missing', expected }));
    else if (same(key, expected, value)) score.right++;
    else (score.wrong++, result.problems.push({ file: f.file, field: key, kind: 'wrong', expected, got: value }));
  }
  const lists = {
    legalBases: { expected: (f.legalBases as string[]) ?? [], got: e.legalBases.map((b) => b.value.number), key: docNumberKey },
    indices: { expected: (f.indices as string[]) ?? [], got: e.indices?.value ?? [], key: (v: string) => v },
  };
  for (const [name, l] of Object.entries(lists) as Array<[keyof typeof lists, (typeof lists)[keyof typeof lists]]>) {
    if (!f.certain.includes(name)) continue;
    const expected = new Set(l.expected.map(l.key));
    const found = new Set(l.got.map(l.key));
    const s = result.lists[name];
    s.expected += expected.size;
    s.found += found.size;
    for (const k of found) {
      if (expected.has(k)) s.truePositives++;
      else result.problems.push({ file: f.file, field: name, kind: 'invented', got: l.got.find((g) => l.key(g) === k) });
    }
    for (const k of expected) if (!found.has(k)) result.problems.push({ file: f.file, field: name, kind: 'missing', expected: l.expected.find((g) => l.key(g) === k) });
  }
}

export function runBench(dir: string): BenchResult {
  const result: BenchResult = { files: 0, fields: {}, lists: { legalBases: { truePositives: 0, found: 0, expected: 0 }, indices: { truePositives: 0, found: 0, expected: 0 } }, problems: [] };
  for (const f of readFacts(dir)) {
    const raw = readFileSync(join(dir, f.file), 'utf8').normalize('NFC');
    const header = /^# url:\s*(\S+)\s*\n/u.exec(raw);
    const e = extract({ text: header ? raw.slice(header[0].length) : raw, url: header?.[1] ?? f.url });
    scoreFile(f, e, result);
    result.files++;
  }
  return result;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
const ratio = (n: number, d: number) => (d ? (n / d).toFixed(3) : '–');

export function formatBench(r: BenchResult, command: string): string {
  const rows = Object.entries(r.fields).map(([k, s]) => `| ${k}${SCALARS.includes(k as never) ? '' : ' (báo cáo)'} | ${s.scored} | ${pct(s.right, s.scored)} | ${s.missing} | ${s.wrong} | ${s.invented} |`);
  const scalar = SCALARS.map((k) => r.fields[k]).filter(Boolean);
  const total = scalar.reduce((t, s) => ({ scored: t.scored + s.scored, right: t.right + s.right, wrongOrInvented: t.wrongOrInvented + s.wrong + s.invented }), { scored: 0, right: 0, wrongOrInvented: 0 });
  const lists = Object.entries(r.lists).map(([k, s]) => `| ${k} | ${s.found} | ${s.expected} | ${s.truePositives} | ${ratio(s.truePositives, s.found)} | ${ratio(s.truePositives, s.expected)} |`);
  const problems = r.problems.map((p) => `- ${p.file} · ${p.field} · ${p.kind === 'missing' ? 'thiếu' : p.kind === 'wrong' ? 'sai' : 'bịa'}${p.expected !== undefined ? ` · đúng: ${JSON.stringify(p.expected)}` : ''}${p.got !== undefined ? ` · ra: ${JSON.stringify(p.got)}` : ''}`);
  return [
    `$ ${command}`,
    '',
    `${r.files} tệp. Trường đơn (số, loại, ngày, cấp, tỉnh, huyện, giai đoạn): đúng ${pct(total.right, total.scored)}, sai hoặc bịa ${pct(total.wrongOrInvented, total.scored)} (${total.scored} giá trị được chấm).`,
    '',
    '| trường | chấm | đúng | thiếu | sai | bịa |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    '| danh sách | tìm ra | cần có | trùng | precision | recall |',
    '|---|---|---|---|---|---|',
    ...lists,
    '',
    problems.length ? 'Giá trị thiếu, sai hoặc bịa:' : 'Không có giá trị thiếu, sai hay bịa.',
    ...problems,
  ].join('\n');
}
