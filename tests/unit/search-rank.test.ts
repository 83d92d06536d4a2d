/**
 * Merging the answers of several Pagefind searches into one ranking, and the
 * pieces around it: filters and their counts, URL state, highlighting.
 */
import { describe, expect, it } from 'vitest';
import { applyFilters, countFacets, planValues, type FacetTable, type ValueSets } from '../../src/lib/search/facets.ts';
import { excerptHtml, highlightHtml, matchRanges, matcherFor } from '../../src/lib/search/highlight.ts';
import type { FilterName } from '../../src/lib/search/index-fields.ts';
import { parseQuery } from '../../src/lib/search/parse.ts';
import { compareRanked, rankNumber, rankText, sortRanked, type Ranked } from '../../src/lib/search/rank.ts';
import { readState, writeState } from '../../src/lib/search/url-state.ts';
import { answerKit, type Scored } from '../helpers/answers.ts';

const { answers, dates, order } = answerKit();
const hits = (...pairs: Scored): Scored => pairs;
const noDates = dates({});

describe('ranking', () => {
  it('puts plans with the phrase above plans with its words scattered, whatever Pagefind scored', () => {
    const q = parseQuery('một cửa liên thông');
    const a = answers({
      'all:0': hits(['scattered', 9], ['phrase', 2]),
      'phrase:0': hits(['phrase', 1]),
      'word:0': hits(['scattered', 1], ['phrase', 1]),
      'word:1': hits(['scattered', 1], ['phrase', 1]),
      'word:2': hits(['scattered', 1], ['phrase', 1]),
      whole: hits(['scattered', 1], ['phrase', 1]),
    });
    expect(order(rankText(q, a, noDates))).toEqual(['phrase', 'scattered']);
  });

  it('counts a plan as having a long phrase when it has every run of it the searches asked', () => {
    const q = parseQuery('hiện đại hoá hành chính');
    const every = hits(['both', 1], ['first', 1], ['none', 1]);
    const a = answers({
      'all:0': hits(['none', 9], ['first', 5], ['both', 1]),
      'phrase:0:0': hits(['both', 1], ['first', 1]),
      'phrase:0:1': hits(['both', 1]),
      'word:0': every,
      'word:1': every,
      'word:2': every,
      'word:3': every,
      whole: every,
    });
    const ranked = rankText(q, a, noDates);
    expect(order(ranked)).toEqual(['both', 'none', 'first']);
    expect(ranked.hits.map((h) => h.phrase)).toEqual([2, 0, 0]);
  });

  it('puts the exact diacritics typed above matches found only by folding', () => {
    const q = parseQuery('dòng');
    const a = answers({ 'all:0': hits(['dong-thap', 5], ['dong-ho-so', 1]), 'exact:0': hits(['dong-ho-so', 1]) });
    expect(order(rankText(q, a, noDates))).toEqual(['dong-ho-so', 'dong-thap']);
  });

  it('ranks a whole last word above a word it only begins', () => {
    const q = parseQuery('hoa');
    const a = answers({ 'all:0': hits(['hoach', 5], ['hoa', 1]), whole: hits(['hoa', 1]) });
    expect(order(rankText(q, a, noDates))).toEqual(['hoa', 'hoach']);
  });

  it('keeps the phrase of all but a half-typed last word', () => {
    const q = parseQuery('tinh giản biên ch');
    const words = { 'word:0': hits(['a', 1], ['b', 1]), 'word:1': hits(['a', 1], ['b', 1]), 'word:2': hits(['a', 1], ['b', 1]), 'word:last': hits(['a', 1], ['b', 1]) };
    const a = answers({ ...words, 'all:0': hits(['a', 3], ['b', 1]), head: hits(['b', 1]) });
    expect(order(rankText(q, a, noDates))).toEqual(['b', 'a']);
  });

  it('drops plans where a word other than the last matched only as a prefix', () => {
    const q = parseQuery('hoa bình');
    const a = answers({ 'all:0': hits(['hoach-binh', 2], ['hoa-binh', 1]), 'word:0': hits(['hoa-binh', 1]), whole: hits(['hoach-binh', 1], ['hoa-binh', 1]) });
    expect(order(rankText(q, a, noDates))).toEqual(['hoa-binh']);
  });

  it('drops plans Pagefind kept by ignoring a word it does not know', () => {
    const q = parseQuery('cán bộ xyzzy');
    const a = answers({ 'all:0': hits(['p', 1]), 'word:0': hits(['p', 1]), 'word:1': hits(['p', 1]), whole: [], 'word:last': [] });
    const r = rankText(q, a, noDates);
    expect(r.mode).toBe('some');
    expect(r.missing).toEqual(['xyzzy']);
    expect(order(r)).toEqual(['p']);
  });

  it('never answers nothing when every word is in some plan: it ranks by how many words each has', () => {
    const q = parseQuery('san hô thổ cẩm');
    const a = answers({
      'all:0': [],
      'word:0': hits(['coral', 1]),
      'word:1': hits(['coral', 1], ['lake', 1]),
      'word:2': hits(['brocade', 1]),
      'word:last': hits(['brocade', 1], ['coral', 1]),
    });
    const r = rankText(q, a, noDates);
    expect(r.mode).toBe('some');
    expect(r.missing).toEqual([]);
    expect(order(r)).toEqual(['coral', 'brocade', 'lake']);
  });

  it('merges a rewording, whose matches follow the words as typed and need its long form as a phrase', () => {
    const q = parseQuery('CCHC');
    const long = q.variants.findIndex((v) => v.words.length === 4);
    const a = answers({ 'all:0': hits(['abbr', 1]), [`span:${long}:0`]: hits(['long', 1], ['abbr', 1]) });
    expect(order(rankText(q, a, noDates))).toEqual(['abbr', 'long']);
  });

  it('keeps the other words of the query in a rewording', () => {
    const q = parseQuery('CCHC Lạng Sơn');
    const long = q.variants.findIndex((v) => v.words[0].key === 'cai');
    const a = answers({
      'all:0': [],
      'word:0': [],
      'word:1': hits(['lang-son', 1], ['other', 1]),
      whole: hits(['lang-son', 1], ['other', 1]),
      [`span:${long}:0`]: hits(['lang-son', 1], ['elsewhere', 1]),
      [`phrase:${long}`]: hits(['lang-son', 1]),
    });
    expect(order(rankText(q, a, noDates))).toEqual(['lang-son']);
  });

  it('keeps only plans with every quoted phrase', () => {
    const q = parseQuery('"tinh giản biên chế" 2020');
    const both = { 'word:0': hits(['a', 1], ['b', 1]), 'word:1': hits(['a', 1], ['b', 1]), 'word:2': hits(['a', 1], ['b', 1]), 'word:3': hits(['a', 1], ['b', 1]) };
    const a = answers({ ...both, 'all:0': hits(['a', 2], ['b', 1]), whole: hits(['a', 1], ['b', 1]), 'quoted:0': hits(['b', 1]) });
    expect(order(rankText(q, a, noDates))).toEqual(['b']);
  });

  it('breaks ties by issue date, newest first', () => {
    const q = parseQuery('kế hoạch');
    const a = answers({ 'all:0': hits(['old', 1], ['new', 1]), 'phrase:0': hits(['old', 1], ['new', 1]), 'word:0': hits(['old', 1], ['new', 1]), whole: hits(['old', 1], ['new', 1]) });
    expect(order(rankText(q, a, dates({ new: 0, old: 1 })))).toEqual(['new', 'old']);
  });

  it('sorts many hits exactly as the comparator does, ties and missing dates included', () => {
    let seed = 5;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const plans = 3000;
    // Plans 0..2499 have dates (a shuffled order), the rest none; few distinct bases, so that many tie.
    const dates: (number | undefined)[] = Array.from({ length: plans }, (_, p) => (p < 2500 ? (p * 7919) % 2500 : undefined));
    const numbers = [undefined, 'own', 'cited'] as const;
    const hits: Ranked[] = Array.from({ length: 2000 }, (_, i) => ({
      plan: (i * 1009) % plans,
      matched: 1 + next(4),
      phrase: next(3),
      exact: next(2) === 1,
      whole: next(2) === 1,
      // Equal bases, -0 beside 0, and an infinite one: the comparator calls each pair of them a tie.
      base: [0, -0, 0.25, 1, Infinity][next(5)],
      ...(next(4) === 0 ? { number: numbers[next(3)] } : {}),
    }));
    const expected = [...hits].sort(compareRanked(dates)).map((h) => h.plan);
    expect(sortRanked([...hits], dates).map((h) => h.plan)).toEqual(expected);
    // Two hits on one date rank: the comparator decides between them by plan number.
    const shared = dates.map((d, p) => (p === 7 ? dates[8] : d));
    expect(sortRanked([...hits], shared).map((h) => h.plan)).toEqual([...hits].sort(compareRanked(shared)).map((h) => h.plan));
  });

  it('puts plans carrying a number before plans citing it, and nothing else', () => {
    const r = rankNumber(answers({ own: hits(['x', 1]), cited: hits(['y', 1], ['x', 1]) }), noDates);
    expect(order(r)).toEqual(['x', 'y']);
    expect(r.hits.map((h) => h.number)).toEqual(['own', 'cited']);
  });
});

describe('filters and counts', () => {
  const sets: ValueSets = new Map<FilterName, Map<string, Set<string>>>([
    ['tinh', new Map([['dong-thap', new Set(['a', 'b'])], ['tien-giang', new Set(['b'])], ['lang-son', new Set(['c'])]])],
    ['nam', new Map([['2020', new Set(['a', 'c'])], ['2021', new Set(['b'])]])],
  ]);

  it('keeps the ids every active filter has, in their order', () => {
    expect(applyFilters(['c', 'b', 'a'], { tinh: 'dong-thap' }, sets)).toEqual(['b', 'a']);
    expect(applyFilters(['c', 'b', 'a'], { tinh: 'dong-thap', nam: '2020' }, sets)).toEqual(['a']);
    expect(applyFilters(['a'], { tinh: 'khong-co' }, sets)).toEqual([]);
  });

  // The same plans as a facet table, as the build writes it.
  const table: FacetTable = {
    version: 1,
    values: ['tinh=dong-thap', 'tinh=tien-giang', 'tinh=lang-son', 'nam=2020', 'nam=2021'],
    plans: { a: [0, 3], b: [0, 1, 4], c: [2, 3] },
  };

  it("counts each value given the other filters, not the facet's own choice", () => {
    const counts = countFacets(['a', 'b', 'c'], { nam: '2020' }, planValues(table));
    expect(counts.tinh).toEqual({ 'dong-thap': 1, 'tien-giang': 0, 'lang-son': 1 });
    expect(counts.nam).toEqual({ '2020': 2, '2021': 1 });
  });

  it('counts a plan that fails two active filters for no facet', () => {
    const counts = countFacets(['a', 'b', 'c'], { nam: '2021', tinh: 'lang-son' }, planValues(table));
    // c is in lang-son but not 2021: it counts only for the years; a fails both.
    expect(counts.nam).toEqual({ '2020': 1, '2021': 0 });
    // b is in 2021 but not lang-son: it counts only for the provinces.
    expect(counts.tinh).toEqual({ 'dong-thap': 1, 'tien-giang': 1, 'lang-son': 0 });
  });

  it('counts only the ids asked about', () => {
    expect(countFacets(['b'], {}, planValues(table)).nam).toEqual({ '2020': 0, '2021': 1 });
  });
});

describe('URL state', () => {
  it('reads the parameters of docs/interfaces.md §2', () => {
    const s = readState(new URLSearchParams('q=một+cửa&tinh=dong-thap&nam=2020&loai=ke-hoach&cap=tinh&linh-vuc=cong-vu&chi-so=par-index&sap-xep=moi-nhat'));
    expect(s).toEqual({
      q: 'một cửa',
      filters: { tinh: 'dong-thap', nam: '2020', loai: 'ke-hoach', cap: 'tinh', 'linh-vuc': 'cong-vu', 'chi-so': 'par-index' },
      sort: 'moi-nhat',
    });
  });

  it('drops what cannot be a value and falls back to relevance', () => {
    const s = readState(new URLSearchParams('tinh=<script>&sap-xep=ngau-nhien'));
    expect(s).toEqual({ q: '', filters: {}, sort: 'lien-quan' });
  });

  it('writes back what it read, leaving out defaults', () => {
    const text = '?q=4003%2FQĐ-UBND&tinh=dong-thap&sap-xep=cu-nhat';
    const state = readState(new URLSearchParams(text));
    expect(readState(new URLSearchParams(writeState(state)))).toEqual(state);
    expect(writeState({ q: ' ', filters: {}, sort: 'lien-quan' })).toBe('');
  });
});

describe('highlighting', () => {
  it('marks "Đồng Tháp" for "dong thap" and "hòa" for "hoá"', () => {
    expect(highlightHtml('Tỉnh Đồng Tháp', matcherFor(parseQuery('dong thap')))).toBe('Tỉnh <mark>Đồng</mark> <mark>Tháp</mark>');
    expect(highlightHtml('hòa giải', matcherFor(parseQuery('hoà')))).toBe('<mark>hòa</mark> giải');
  });

  it('marks the start of the word still being typed', () => {
    expect(highlightHtml('tinh giản biên chế', matcherFor(parseQuery('tinh giản biên ch')))).toBe(
      '<mark>tinh</mark> <mark>giản</mark> <mark>biên</mark> <mark>chế</mark>',
    );
  });

  it("marks a rewording's long form only where its words stand together", () => {
    const m = matcherFor(parseQuery('CCHC'));
    expect(highlightHtml('ban hành kế hoạch cải cách hành chính', m)).toBe('ban hành kế hoạch <mark>cải</mark> <mark>cách</mark> <mark>hành</mark> <mark>chính</mark>');
  });

  it('marks a document number as a whole, not its parts elsewhere', () => {
    const q = parseQuery('4003 QD UBND');
    expect(highlightHtml('UBND ký 4003/QĐ-UBND', matcherFor(q, true))).toBe('UBND ký <mark>4003</mark>/<mark>QĐ</mark>-<mark>UBND</mark>');
  });

  it('escapes the text around the marks', () => {
    const html = highlightHtml('<img src=x onerror=alert(1)> một cửa', matcherFor(parseQuery('một')));
    expect(html).toBe('&#60;img src=x onerror=alert(1)&#62; <mark>một</mark> cửa');
  });

  it('quotes the densest part of a long text, with ellipses where it cuts', () => {
    const text = `${'chữ '.repeat(50)}một cửa liên thông ${'chữ '.repeat(50)}`;
    const html = excerptHtml(text, matcherFor(parseQuery('một cửa liên thông')), 12);
    expect(html.startsWith('… ')).toBe(true);
    expect(html.endsWith(' …')).toBe(true);
    expect(html).toContain('<mark>một</mark> <mark>cửa</mark> <mark>liên</mark> <mark>thông</mark>');
  });

  it('finds the densest part of a whole plan, far from its start, from the start of its sentence', () => {
    const filler = 'Đơn vị thực hiện nhiệm vụ theo kế hoạch của tỉnh. '.repeat(60);
    const text = `${filler}Một cửa thôi. ${filler}Bộ phận một cửa liên thông hoạt động tốt. ${filler}`;
    expect(text.length).toBeGreaterThan(5000);
    const html = excerptHtml(text, matcherFor(parseQuery('một cửa liên thông')), 12);
    expect(html).toBe('Bộ phận <mark>một</mark> <mark>cửa</mark> <mark>liên</mark> <mark>thông</mark> hoạt động tốt.');
    expect(html).not.toContain('thôi');
  });

  it('quotes the start of a long text that has no match', () => {
    const text = 'Mở đầu kế hoạch. '.repeat(400);
    expect(excerptHtml(text, matcherFor(parseQuery('"san hô"')), 6)).toBe('Mở đầu kế hoạch.');
  });

  it('gives character ranges for the plan page', () => {
    expect(matchRanges('Đội ngũ cán bộ', matcherFor(parseQuery('doi ngu')))).toEqual([
      [0, 3],
      [4, 7],
    ]);
  });
});
