/** `npm run bench:import -- --from-entries`: the archive's checked entries and their kept sources, as a corpus to score. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/tools/import/from-entries.ts';
import { FIXTURE_PLANS } from '../helpers/paths.ts';
import { tempDir } from '../editor/helpers/run.ts';
import { NEWS_ITEM } from './fixtures.ts';

const SLUG = '2020-tien-giang-skhcn-44-kh-skhcn';

function archive() {
  const plans = tempDir('from-entries-plans');
  const sources = tempDir('from-entries-sources');
  cpSync(join(FIXTURE_PLANS, `${SLUG}.mdx`), join(plans, `${SLUG}.mdx`));
  cpSync(join(FIXTURE_PLANS, '2020-quang-nam-que-son-82-qd-ubnd.mdx'), join(plans, '2020-quang-nam-que-son-82-qd-ubnd.mdx'));
  writeFileSync(join(sources, `${SLUG}.txt`), `# url: https://example.org/tin/44\n# retrieved: 2026-12-07\n\n${NEWS_ITEM}`);
  return { plans, sources };
}

describe('a corpus from the archive', () => {
  it('pairs each entry that has a kept source with its facts, and skips the others', () => {
    const { plans, sources } = archive();
    const out = tempDir('from-entries-out');
    const corpus = buildCorpus({ plans, sources, out });
    expect(corpus).toMatchObject({ files: 1, skipped: ['2020-quang-nam-que-son-82-qd-ubnd'] });
    const [facts] = JSON.parse(readFileSync(join(out, 'facts.json'), 'utf8'));
    expect(facts).toMatchObject({ file: `${SLUG}.txt`, documentNumber: '44/KH-SKH&CN', issuedOn: '2020-01-22' });
    expect(readFileSync(join(out, `${SLUG}.txt`), 'utf8')).toMatch(/^# url: https:\/\/example\.org\/tin\/44\n\n/);
  });

  it('refuses to write the corpus over the sources it reads', () => {
    const { plans, sources } = archive();
    const before = readFileSync(join(sources, `${SLUG}.txt`), 'utf8');
    expect(() => buildCorpus({ plans, sources, out: sources })).toThrow(/--out và --sources cùng là/);
    expect(readFileSync(join(sources, `${SLUG}.txt`), 'utf8')).toBe(before);
  });
});
