/**
 * Reads the search index (index-format.ts); how a file is fetched is the caller's `load`. Recent
 * blocks are kept; anything unexpected in a file throws an `IndexError` naming it, in Vietnamese.
 */
import { sharedLoad, sharedLoads } from '../shared-load.ts';
import { textNumbers } from './number-text.ts';
import { ALIAS, blockFile, FILTER_FILE, INDEX_DIR, INDEX_FORMAT, isAlias, MANIFEST_FILE, type Manifest, type TermRow } from './index-format.ts';

/** Fetches one file of the index (a path under chi-muc/) and returns its JSON, decompressed. */
export type LoadFile = (path: string) => Promise<unknown>;

/** An index file missing or damaged: `message` for the visitor, `hint` for the maintainer (the console). */
export class IndexError extends Error { hint = ''; }

/** What is wrong inside a file; `inFile` names the file. */
class Damage extends Error {}
const bad = (what: string): never => {
  throw new Damage(what);
};

/** `read()`, anything it throws made an `IndexError` naming `file` (a path under chi-muc/). */
function inFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof IndexError) throw error;
    const what = error instanceof Damage ? error.message : 'dữ liệu không đúng dạng';
    const text = `Tệp chỉ mục ${INDEX_DIR}/${file} hỏng: ${what}. Hãy thử lại sau.`;
    throw Object.assign(new IndexError(text, { cause: error }), { hint: 'Dựng lại trang (npm run build) rồi đăng lại.' });
  }
}

/** One term as the query layer uses it. */
export interface Term {
  /** Its plans, ascending. */
  plans: Int32Array;
  /** Each plan's weight for it (parallel to `plans`); all 0 for a pair. */
  impacts: Float64Array;
  /** The plans writing it with exactly this spelling (`exactKey`), ascending. */
  spelled(spelling: string): Int32Array;
}

/** Plan numbers from gaps, each at least 1, or `0, n` for n gaps of 1 (`RUN`); `within` maps places back to its plans. One loop: V8 drops code compiled inside an inner loop each time that loop ends. */
function fromGaps(text: unknown, within?: Int32Array): Int32Array {
  const gaps = textNumbers(isText(text) ? text : bad('một danh sách kế hoạch không phải chuỗi'));
  let count = 0;
  for (let i = 0; i < gaps.length; i++) count += gaps[i] > 0 ? 1 : gaps[++i] || bad('một loạt kế hoạch không có độ dài');
  const out = new Int32Array(count);
  for (let i = 0, k = 0, at = -1, run = 0; k < count; ) {
    if (run-- > 0) out[k++] = ++at;
    else if (gaps[i] > 0) out[k++] = at += gaps[i++];
    else (run = gaps[i + 1]), (i += 2);
  }
  if (within && count > 0 && out[count - 1] >= within.length) bad('một cách viết chỉ tới kế hoạch không có');
  return within ? out.map((place) => within[place]) : out;
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** A row's term; the row is checked to be a `TermRow`. */
function toTerm(row: TermRow): Term {
  const [key, plansText, impactsText, spellings = {}] = row;
  const plans = fromGaps(plansText);
  const impacts = impactsText === undefined ? new Float64Array(plans.length) : textNumbers(isText(impactsText) ? impactsText : bad(`trọng số của "${key}" không phải chuỗi`));
  if (impacts.length !== plans.length) bad(`từ "${key}" có ${plans.length} kế hoạch mà ${impacts.length} trọng số`);
  if (row.length > 4 || typeof spellings !== 'object' || !Object.values(spellings).every(isText)) bad(`dòng "${key}" không đúng dạng`);
  const spelled = new Map<string, Int32Array>();
  return {
    plans,
    impacts,
    spelled: (spelling) => {
      const text = spellings[spelling];
      if (text === undefined) return new Int32Array(0);
      if (text === '') return plans;
      return spelled.get(spelling) ?? spelled.set(spelling, fromGaps(text, plans)).get(spelling)!;
    },
  };
}

/** Plans of decoded terms kept across queries (about 12 bytes each): a common word lists every plan, costly to decode per keystroke. */
const KEEP_DECODED = 1_500_000;
/** Blocks kept once read: a query reads a few dozen; the build's check reads thousands through one reader. */
const KEEP_BLOCKS = 256;

function checkManifest(raw: unknown): Manifest {
  const m = raw as Partial<Manifest> | null;
  if (!m || typeof m !== 'object') return bad('không phải một đối tượng JSON');
  if (m.format !== INDEX_FORMAT) return bad(`định dạng ${String(m.format)}, trang này đọc định dạng ${INDEX_FORMAT}`);
  if (typeof m.set !== 'string' || !/^[\w-]+$/.test(m.set)) bad('thiếu thư mục của bộ tệp');
  if (!Number.isInteger(m.plans) || m.plans! < 0) bad('số kế hoạch không hợp lệ');
  if (!Array.isArray(m.blocks) || m.blocks[0] !== '' || !m.blocks.every((k, i) => typeof k === 'string' && (i === 0 || k > m.blocks![i - 1]))) bad('danh sách khối từ không tăng dần');
  if (!Array.isArray(m.bundles)) bad('thiếu danh sách gói Pagefind');
  if (m.filterBytes !== undefined && !(Number.isInteger(m.filterBytes) && m.filterBytes >= 0)) bad('cỡ tệp bộ lọc không hợp lệ');
  return m as Manifest;
}

export class SearchIndex {
  /** Block `i`'s rows, read once while it is among the recent ones. */
  private readonly block: (i: number) => Promise<unknown[]>;
  /** Decoded terms, and their plans in all. */
  private decoded = new Map<string, Term>();
  private decodedPlans = 0;
  readonly filters: () => Promise<Map<string, Map<string, Int32Array>>>;
  readonly manifest: Manifest;
  readonly size: number;

  // No parameter properties: the build imports this file through Node's type stripping, which refuses them.
  private constructor(manifest: Manifest, load: LoadFile) {
    this.manifest = manifest;
    const inSet = (file: string) => `${manifest.set}/${file}`;
    this.size = manifest.plans;
    this.block = sharedLoads(async (i) => {
      const file = inSet(blockFile(i));
      const rows = await load(file);
      return Array.isArray(rows) ? rows : inFile(file, () => bad('không phải một danh sách dòng'));
    }, KEEP_BLOCKS);
    const file = inSet(FILTER_FILE);
    this.filters = sharedLoad(async () => {
      const raw = await load(file);
      return inFile(file, () => {
        if (!raw || typeof raw !== 'object') bad('không phải một đối tượng JSON');
        return new Map(Object.entries(raw as object).map(([name, values]) => [name, new Map(Object.entries(values as object).map(([v, gaps]) => [v, fromGaps(gaps)]))]));
      });
    });
  }

  static async open(load: LoadFile): Promise<SearchIndex> {
    const raw = await load(MANIFEST_FILE);
    return new SearchIndex(inFile(MANIFEST_FILE, () => checkManifest(raw)), load);
  }

  /** The row's term, decoded once until too many plans are kept, when all are forgotten (typing a query asks the same terms again). */
  private term(row: TermRow): Term {
    let term = this.decoded.get(row[0]);
    if (!term) {
      term = toTerm(row);
      if ((this.decodedPlans += term.plans.length) > KEEP_DECODED) [this.decoded, this.decodedPlans] = [new Map(), term.plans.length];
      this.decoded.set(row[0], term);
    }
    return term;
  }

  /** The terms of `keys` the index has, or for an alias its word's key: every block they need is fetched at once, each key decoded as its block arrives. */
  private async find(keys: readonly string[]): Promise<Map<string, Term | string | undefined>> {
    return new Map(await Promise.all([...new Set(keys)].map(async (key) => [key, await this.findOne(key)] as const)));
  }

  /** The term or alias of one key, read from its block. */
  private async findOne(key: string): Promise<Term | string | undefined> {
    const at = lastAtMost(this.manifest.blocks.length, (i) => this.manifest.blocks[i], key);
    const rows = await this.block(at);
    return inFile(`${this.manifest.set}/${blockFile(at)}`, () => {
      const row = findRow(rows, key);
      if (!row) return undefined;
      const alias = isAlias(row) && (isText(row[1]) && row[1].startsWith(ALIAS) ? row[1].slice(ALIAS.length) : bad(`dòng "${key}" không chỉ tới một từ`));
      return alias || this.term(row);
    });
  }

  /** The terms of `keys` the index has, in one round of fetches: an alias's word is written in its block. */
  async terms(keys: readonly string[]): Promise<Map<string, Term>> {
    const found = await this.find(keys);
    const aliases = [...found.values()].filter(isText);
    const words = aliases.length ? await this.find(aliases) : found;
    const terms = new Map<string, Term>();
    for (const [key, term] of found) {
      const word = isText(term) ? words.get(term) : term;
      if (word && !isText(word)) terms.set(key, word);
    }
    return terms;
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
function findRow(rows: unknown[], key: string): TermRow | undefined {
  const keyAt = (i: number) => {
    const row = rows[i];
    return Array.isArray(row) && isText(row[0]) ? row[0] : bad('một dòng không có khóa');
  };
  const at = lastAtMost(rows.length, keyAt, key);
  return rows.length > 0 && keyAt(at) === key ? (rows[at] as TermRow) : undefined;
}
