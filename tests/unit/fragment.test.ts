/**
 * A plan's Pagefind fragment, read by the build (src/integrations/pagefind.ts) and by the search page
 * (src/scripts/search/index-files.ts) through one parser: what one accepts the other shows, word for word.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readFragment } from '../../src/integrations/pagefind.ts';
import { PAGEFIND_SIGNATURE } from '../../src/lib/search/index-fields.ts';
import { words } from '../../src/lib/search/text.ts';
import { planFiles } from '../../src/scripts/search/index-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'kho-fragment-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllGlobals());

const WHOLE = { url: '/ke-hoach/a/', content: 'Cải cách hành chính', meta: { title: 'Kế hoạch' }, filters: { nam: ['2022'] } };

/** What the build and the page make of the same fragment file: its words, or the error each throws. */
async function bothRead(fragment: object) {
  const bytes = gzipSync(PAGEFIND_SIGNATURE + JSON.stringify(fragment));
  const file = join(dir, 'f.pf_fragment');
  writeFileSync(file, bytes);
  vi.stubGlobal('fetch', async () => new Response(bytes));
  const build = await Promise.resolve()
    .then(() => words(readFragment(file).content))
    .catch((error: Error) => error);
  const page = await planFiles('/', 'set')(0).then(
    (plan) => words(plan.content),
    (error: Error) => error,
  );
  return { build, page };
}

describe('a plan fragment', () => {
  it('is read the same by the build and the page when whole', async () => {
    const { build, page } = await bothRead(WHOLE);
    expect(build).toEqual(['Cải', 'cách', 'hành', 'chính']);
    expect(page).toEqual(build);
  });

  it.each(['meta', 'filters', 'url', 'content'])('without %s, is refused by both: the build stops rather than index what the page cannot show', async (field) => {
    const { build, page } = await bothRead({ ...WHOLE, [field]: undefined });
    expect(build).toBeInstanceOf(Error);
    expect((build as Error).message).toMatch(/không phải văn bản Pagefind lưu cho một kế hoạch/);
    expect(page).toBeInstanceOf(Error);
    expect((page as Error).message).toMatch(/^Tệp chỉ mục chi-muc\/set\/vb\/0\.pf_fragment hỏng: không phải văn bản Pagefind lưu cho một kế hoạch\./);
  });

  it('has its zero-width spaces read as Pagefind indexes them, inside the word, on both sides', async () => {
    const { build, page } = await bothRead({ ...WHOLE, content: 'hành\u200Bchính công' });
    expect(build).toEqual(['hànhchính', 'công']);
    expect(page).toEqual(build);
  });
});
