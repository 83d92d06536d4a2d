/**
 * Reads the written index back as the search page does (index-reader.ts), through one reader: every block,
 * the filter file, every plan's fragment. What the page would trip over stops the build instead, naming the file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FILTERS } from '../../lib/search/index-fields.ts';
import { ALIAS, blockFile, FILTER_FILE, FILTER_KEY, filterKey, fragmentFile, MANIFEST_FILE, PAIR, PREFIX, type Manifest, type TermRow } from '../../lib/search/index-format.ts';
import { IndexError, SearchIndex, type LoadFile } from '../../lib/search/index-reader.ts';

/** The index's files under `root` (chi-muc/), as the page would get them. */
export const fileLoad =
  (root: string): LoadFile =>
  async (path) => {
    const bytes = readFileSync(join(root, path));
    return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
  };

/** Throws naming the file when `check` fails or throws (the reader's own errors name it already). */
async function inFile<T>(file: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof IndexError) throw error;
    throw new Error(`chi-muc/${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The reader refuses a list not ascending from 0 (a gap below 1): what is left is its end. */
function checkPlans(plans: Int32Array, size: number, what: string) {
  if (plans.length && plans[plans.length - 1] >= size) throw new Error(`${what}: kế hoạch số ${plans[plans.length - 1]}, kho có ${size}`);
}

/** Pairs and filter values list plans without weights. */
const unweighted = (key: string) => key.includes(PAIR) || key.startsWith(FILTER_KEY);
/** Whether the row has the fields of its kind of key (index-format.ts). */
function wellFormed([key, plans, impacts, spellings]: TermRow): boolean {
  if (unweighted(key)) return impacts === undefined;
  if (!key.endsWith(PREFIX)) return impacts !== undefined;
  // An alias names a longer word beginning with the prefix.
  if (impacts === undefined) return plans.startsWith(ALIAS) && plans.startsWith(key.slice(0, -PREFIX.length), ALIAS.length) && plans.length > key.length;
  return spellings === undefined;
}

/** One block: rows in order after `after`, each found and decoded by the reader. Returns its last key. */
async function checkBlock(index: SearchIndex, i: number, rows: unknown, after: string | undefined): Promise<string | undefined> {
  const { manifest } = index;
  if (!Array.isArray(rows) || (rows.length === 0 && manifest.plans > 0)) throw new Error('khối từ rỗng hoặc không phải một danh sách');
  const typed = rows as TermRow[];
  if (i > 0 && typed[0][0] !== manifest.blocks[i]) throw new Error(`khóa đầu "${typed[0][0]}" khác khóa "${manifest.blocks[i]}" trong ${MANIFEST_FILE}`);
  let last = after;
  for (const [key] of typed) {
    if (typeof key !== 'string' || (last !== undefined && key <= last)) throw new Error(`khóa "${key}" không đứng sau "${last}"`);
    last = key;
  }
  const terms = await index.terms(typed.map((row) => row[0]));
  for (const row of typed) {
    const term = terms.get(row[0]);
    if (!term) throw new Error(`không tìm lại được từ "${row[0]}"`);
    if (!wellFormed(row)) throw new Error(`dòng "${row[0]}" không đúng dạng`);
    checkPlans(term.plans, manifest.plans, `từ "${row[0]}"`);
    if (!unweighted(row[0]) && term.impacts.some((w) => w < 1)) throw new Error(`từ "${row[0]}" có trọng số nhỏ hơn 1`);
    for (const spelling of Object.keys(row[3] ?? {})) checkPlans(term.spelled(spelling), manifest.plans, `cách viết "${spelling}"`);
  }
  return last;
}

/** Checks the index under `root` for `plans` plans; `onBlock` follows the blocks read. */
export async function verifyIndex(root: string, plans: number, onBlock?: (done: number, total: number) => void): Promise<Manifest> {
  const files = fileLoad(root);
  // The reader reads each block just after the check read it.
  let last: [path: string, value: Promise<unknown>] = ['', Promise.resolve()];
  const load: LoadFile = (path) => (path === last[0] ? last[1] : (last = [path, files(path)])[1]);
  const index = await inFile(MANIFEST_FILE, () => SearchIndex.open(load));
  const { manifest } = index;
  if (manifest.plans !== plans) throw new Error(`chi-muc/${MANIFEST_FILE}: ${manifest.plans} kế hoạch, kho có ${plans}`);
  let key: string | undefined;
  for (let i = 0; i < manifest.blocks.length; i++) {
    const file = `${manifest.set}/${blockFile(i)}`;
    key = await inFile(file, async () => checkBlock(index, i, await load(file), key));
    onBlock?.(i + 1, manifest.blocks.length);
  }
  await inFile(`${manifest.set}/${FILTER_FILE}`, async () => {
    const bytes = statSync(join(root, manifest.set, FILTER_FILE)).size;
    if (manifest.filterBytes !== undefined && bytes !== manifest.filterBytes) throw new Error(`${bytes} byte, ${MANIFEST_FILE} ghi ${manifest.filterBytes}`);
    const filters = await index.filters();
    for (const name of FILTERS) {
      const values = filters.get(name);
      if (!values) throw new Error(`thiếu bộ lọc "${name}"`);
      for (const [value, list] of values) checkPlans(list, plans, `bộ lọc ${name}=${value}`);
      // Filtering reads the term blocks' rows, the counts this file: they must agree.
      const rows = await index.terms([...values.keys()].map((value) => filterKey(name, value)));
      for (const [value, list] of values) if (String(rows.get(filterKey(name, value))?.plans) !== String(list)) throw new Error(`bộ lọc ${name}=${value} khác dòng của nó trong khối từ`);
    }
  });
  const vb = join(root, manifest.set, 'vb');
  await inFile(`${manifest.set}/vb/`, async () => {
    const count = existsSync(vb) ? readdirSync(vb).length : 0;
    if (count !== plans) throw new Error(`có ${count} tệp văn bản, kho có ${plans} kế hoạch`);
    for (let plan = 0; plan < plans; plan++) {
      const file = join(root, manifest.set, fragmentFile(plan));
      if (!existsSync(file) || statSync(file).size === 0) throw new Error(`thiếu văn bản của kế hoạch số ${plan}`);
    }
  });
  return manifest;
}
