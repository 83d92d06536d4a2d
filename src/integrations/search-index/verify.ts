/**
 * Reads the written index back as the search page does (index-reader.ts): every block, the filter
 * file, every plan's fragment. What the page would trip over stops the build instead, naming the file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FILTERS } from '../../lib/search/index-fields.ts';
import { blockFile, FILTER_FILE, fragmentFile, MANIFEST_FILE, PAIR, type Manifest, type TermRow } from '../../lib/search/index-format.ts';
import { SearchIndex, type LoadFile } from '../../lib/search/index-reader.ts';

/** The index's files under `root` (chi-muc/), as the page would get them. */
export const fileLoad =
  (root: string): LoadFile =>
  async (path) => {
    const bytes = readFileSync(join(root, path));
    return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
  };

/** Throws naming the file when `check` fails or throws. */
async function inFile<T>(file: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    throw new Error(`chi-muc/${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function checkPlans(plans: Int32Array, size: number, what: string) {
  plans.forEach((plan, i) => {
    if (plan >= size || (i > 0 && plan <= plans[i - 1])) throw new Error(`${what}: danh sách kế hoạch không tăng dần trong 0..${size - 1}`);
  });
}

/** One block: rows in order after `after`, each found and decoded by the reader. Returns its last key. */
async function checkBlock(manifest: Manifest, i: number, rows: unknown, after: string | undefined): Promise<string | undefined> {
  if (!Array.isArray(rows) || rows.length === 0) throw new Error('khối từ rỗng hoặc không phải một danh sách');
  const typed = rows as TermRow[];
  if (i > 0 && typed[0][0] !== manifest.blocks[i]) throw new Error(`khóa đầu "${typed[0][0]}" khác khóa "${manifest.blocks[i]}" trong chi-muc.json`);
  let last = after;
  for (const [key] of typed) {
    if (typeof key !== 'string' || (last !== undefined && key <= last)) throw new Error(`khóa "${key}" không đứng sau "${last}"`);
    last = key;
  }
  const path = `${manifest.set}/${blockFile(i)}`;
  const reader = await SearchIndex.open(async (p) => (p === MANIFEST_FILE ? manifest : p === path ? rows : Promise.reject(new Error(p))));
  const terms = await reader.terms(typed.map((row) => row[0]));
  for (const [key, , impacts, spellings] of typed) {
    const term = terms.get(key);
    if (!term) throw new Error(`không tìm lại được từ "${key}"`);
    checkPlans(term.plans, manifest.plans, `từ "${key}"`);
    if (!key.includes(PAIR) && (!impacts || term.impacts.some((w) => w < 1))) throw new Error(`từ "${key}" thiếu trọng số`);
    for (const spelling of Object.keys(spellings ?? {})) checkPlans(term.spelled(spelling), manifest.plans, `cách viết "${spelling}"`);
  }
  return last;
}

/** Checks the index under `root` for `plans` plans; `onBlock` follows the blocks read. */
export async function verifyIndex(root: string, plans: number, onBlock?: (done: number, total: number) => void): Promise<Manifest> {
  const load = fileLoad(root);
  const index = await inFile(MANIFEST_FILE, () => SearchIndex.open(load));
  const { manifest } = index;
  if (manifest.plans !== plans) throw new Error(`chi-muc/${MANIFEST_FILE}: ${manifest.plans} kế hoạch, kho có ${plans}`);
  let last: string | undefined;
  for (let i = 0; i < manifest.blocks.length; i++) {
    const file = `${manifest.set}/${blockFile(i)}`;
    last = await inFile(file, async () => checkBlock(manifest, i, await load(file), last));
    onBlock?.(i + 1, manifest.blocks.length);
  }
  await inFile(`${manifest.set}/${FILTER_FILE}`, async () => {
    const filters = await index.filters();
    for (const name of FILTERS) {
      const values = filters.get(name);
      if (!values) throw new Error(`thiếu bộ lọc "${name}"`);
      for (const [value, list] of values) checkPlans(list, plans, `bộ lọc ${name}=${value}`);
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
