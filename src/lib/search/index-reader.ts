/**
 * Reads the search index (index-format.ts); how a file is fetched is the caller's `load`. Each
 * block is read once; anything unexpected throws an `IndexError` with a Vietnamese message.
 */
import { sharedLoad } from '../shared-load.ts';
import { textNumbers } from './number-text.ts';
import { blockFile, FILTER_FILE, INDEX_FORMAT, PAIR, type FilterFile, type Manifest, type TermRow } from './index-format.ts';

/** Fetches one file of the index (a path under chi-muc/) and returns its JSON, decompressed. */
export type LoadFile = (path: string) => Promise<unknown>;

export class IndexError extends Error {}

/** One term as the query layer uses it. */
export interface Term {
  key: string;
  /** Its plans, ascending. */
  plans: Int32Array;
  /** Each plan's weight for it (parallel to `plans`); all 0 for a pair. */
  impacts: Float64Array;
  /** The plans writing it with exactly this spelling (`exactKey`), ascending. */
  spelled(spelling: string): Int32Array;
}

const bad = (what: string): never => {
  throw new IndexError(`Chỉ mục tìm kiếm hỏng: ${what}. Hãy dựng lại trang (npm run build).`);
};

/** Plan numbers from gaps; `within`, when given, maps places back to its plans. */
function fromGaps(text: string, within?: Int32Array): Int32Array {
  const gaps = textNumbers(text);
  const out = new Int32Array(gaps.length);
  let at = -1;
  for (let i = 0; i < gaps.length; i++) {
    at += gaps[i];
    out[i] = within ? within[at] : at;
  }
  if (within && at >= within.length) bad('một cách viết chỉ tới kế hoạch không có');
  return out;
}

function toTerm(row: TermRow): Term {
  const [key, plansText, impactsText, spellings] = row;
  const plans = fromGaps(plansText);
  const impacts = impactsText ? textNumbers(impactsText) : new Float64Array(plans.length);
  if (impacts.length !== plans.length) bad(`từ "${key}" có ${plans.length} kế hoạch mà ${impacts.length} trọng số`);
  const spelled = new Map<string, Int32Array>();
  return {
    key,
    plans,
    impacts,
    spelled: (spelling) => {
      const text = spellings?.[spelling];
      if (text === undefined) return new Int32Array(0);
      if (text === '') return plans;
      return spelled.get(spelling) ?? spelled.set(spelling, fromGaps(text, plans)).get(spelling)!;
    },
  };
}

/** Plans of decoded terms kept across queries (about 12 bytes each): a common word lists every plan, costly to decode per keystroke. */
const KEEP_DECODED = 1_500_000;

function checkManifest(raw: unknown): Manifest {
  const m = raw as Partial<Manifest> | null;
  if (!m || typeof m !== 'object') return bad('tệp chi-muc.json không phải một đối tượng JSON');
  if (m.format !== INDEX_FORMAT) return bad(`định dạng ${String(m.format)}, trang này đọc định dạng ${INDEX_FORMAT}`);
  if (typeof m.set !== 'string' || !/^[\w-]+$/.test(m.set)) bad('thiếu thư mục của bộ tệp');
  if (!Number.isInteger(m.plans) || m.plans! < 0) bad('số kế hoạch không hợp lệ');
  if (!Array.isArray(m.blocks) || m.blocks[0] !== '' || !m.blocks.every((k, i) => typeof k === 'string' && (i === 0 || k > m.blocks![i - 1]))) bad('danh sách khối từ không tăng dần');
  if (!Array.isArray(m.bundles)) bad('thiếu danh sách gói Pagefind');
  return m as Manifest;
}

export class SearchIndex {
  private readonly blocks: (() => Promise<TermRow[]>)[];
  /** Recently decoded terms, least recently used first, and their plans in all. */
  private readonly decoded = new Map<string, Term>();
  private decodedPlans = 0;
  readonly filters: () => Promise<Map<string, Map<string, Int32Array>>>;
  readonly manifest: Manifest;
  readonly size: number;

  // No parameter properties: the build imports this file through Node's type stripping, which refuses them.
  private constructor(manifest: Manifest, load: LoadFile) {
    this.manifest = manifest;
    this.size = manifest.plans;
    const inSet = (file: string) => `${manifest.set}/${file}`;
    this.blocks = manifest.blocks.map((_, i) =>
      sharedLoad(async () => {
        const rows = await load(inSet(blockFile(i)));
        if (!Array.isArray(rows)) bad(`khối từ ${i} không phải một danh sách`);
        return rows as TermRow[];
      }),
    );
    this.filters = sharedLoad(async () => {
      const file = (await load(inSet(FILTER_FILE))) as FilterFile | null;
      if (!file || typeof file !== 'object') return bad('tệp bộ lọc không phải một đối tượng JSON');
      return new Map(Object.entries(file).map(([name, values]) => [name, new Map(Object.entries(values).map(([v, gaps]) => [v, fromGaps(gaps)]))]));
    });
  }

  static async open(load: LoadFile): Promise<SearchIndex> {
    return new SearchIndex(checkManifest(await load('chi-muc.json')), load);
  }

  /** The row's term, decoded once while it is used. */
  private term(row: TermRow): Term {
    const key = row[0];
    let term = this.decoded.get(key);
    if (term) this.decoded.delete(key);
    else {
      term = toTerm(row);
      this.decodedPlans += term.plans.length;
    }
    this.decoded.set(key, term);
    for (const [old, { plans }] of this.decoded) {
      if (this.decodedPlans <= KEEP_DECODED || old === key) break;
      this.decoded.delete(old);
      this.decodedPlans -= plans.length;
    }
    return term;
  }

  private blockOf(key: string): number {
    return lastAtMost(this.manifest.blocks.length, (i) => this.manifest.blocks[i], key);
  }

  /** The terms of `keys` the index has; every block they need is fetched at once. */
  async terms(keys: readonly string[]): Promise<Map<string, Term>> {
    const wanted = [...new Set(keys)];
    const blocks = await Promise.all(wanted.map((k) => this.blocks[this.blockOf(k)]()));
    const found = new Map<string, Term>();
    wanted.forEach((key, i) => {
      const row = findRow(blocks[i], key);
      if (row) found.set(key, this.term(row));
    });
    return found;
  }

  /** Words (not pairs) longer than `prefix` that begin with it, most plans first, at most `limit`, from at most `maxBlocks` blocks. */
  async prefixed(prefix: string, limit: number, maxBlocks = 2): Promise<Term[]> {
    const first = this.blockOf(prefix);
    const rows: TermRow[] = [];
    for (let b = first; b < this.manifest.blocks.length && b < first + maxBlocks; b++) {
      if (b > first && !this.manifest.blocks[b].startsWith(prefix)) break;
      for (const row of await this.blocks[b]()) {
        if (row[0].length > prefix.length && row[0].startsWith(prefix) && !row[0].includes(PAIR)) rows.push(row);
      }
    }
    const terms = rows.map((row) => this.term(row)).sort((a, b) => b.plans.length - a.plans.length || (a.key < b.key ? -1 : 1));
    return terms.slice(0, limit);
  }
}

/** The place of the last of `count` sorted keys (`keyAt`) at most `key`; 0 when there is none. */
function lastAtMost(count: number, keyAt: (i: number) => string, key: string): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (keyAt(mid) <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The row of `key` in a sorted block. */
function findRow(rows: TermRow[], key: string): TermRow | undefined {
  const keyAt = (i: number) => (typeof rows[i]?.[0] === 'string' ? rows[i][0] : bad('một dòng của khối từ không có khóa'));
  const at = lastAtMost(rows.length, keyAt, key);
  return rows.length > 0 && keyAt(at) === key ? rows[at] : undefined;
}
