/**
 * The order of ranked plans, filters and their counts, URL state and
 * highlighting. The rules of ranking, query by query, are in
 * search-engine.test.ts; here, the sort that applies them.
 */
import { describe, expect, it } from 'vitest';
import { applyFilters, countFacets, type FilterPlans } from '../../src/lib/search/engine.ts';
import { excerptHtml, highlightHtml, matchRanges, matcherFor } from '../../src/lib/search/highlight.ts';
import { parseQuery } from '../../src/lib/search/parse.ts';
import { Hits, tier } from '../../src/lib/search/retrieve.ts';
import { readState, writeState } from '../../src/lib/search/url-state.ts';

describe('the order of ranked plans', () => {
  it('puts a number carried before one cited, more words before fewer, then phrase, exact spelling, whole last word', () => {
    const order = [tier(0, 3, 0, false, false), tier(1, 0, 2, true, true), tier(2, 0, 0, false, false), tier(2, 1, 2, true, true)];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const within = [tier(2, 0, 2, false, false), tier(2, 0, 1, true, true), tier(2, 0, 0, true, false), tier(2, 0, 0, false, true)];
    expect([...within].sort((a, b) => a - b)).toEqual(within);
  });

  it.each([
    ['whole relevance, in plan order', (i: number) => i, [0, 1, 3, 40, 41]],
    ['any relevance, in any order', (i: number) => (i * 1009) % 3000, [0, 0.25, 1, 7, 12.5]],
  ])('sorts by tier, then relevance, best first, then plan number, as a comparator would: %s', (_, planOf, bases) => {
    let seed = 5;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const hits = new Hits(3000);
    const added: [plan: number, tier: number, base: number][] = [];
    // Few distinct bases and tiers, so that many tie.
    for (let i = 0; i < 2000; i++) {
      const hit: [number, number, number] = [planOf(i), tier(next(3), next(4), next(3), next(2) === 1, next(2) === 1), bases[next(bases.length)]];
      added.push(hit);
      hits.add(...hit);
    }
    const expected = added.sort((a, b) => a[1] - b[1] || b[2] - a[2] || a[0] - b[0]).map(([plan]) => plan);
    expect(Array.from(hits.sorted())).toEqual(expected);
  });

  it('sorts no hits to an empty list', () => {
    expect(new Hits(10).sorted()).toEqual(new Int32Array(0));
  });
});

describe('filters and counts', () => {
  // Plans 0, 1, 2 (a, b, c).
  const filters: FilterPlans = new Map([
    ['tinh', new Map([['dong-thap', Int32Array.of(0, 1)], ['tien-giang', Int32Array.of(1)], ['lang-son', Int32Array.of(2)]])],
    ['nam', new Map([['2020', Int32Array.of(0, 2)], ['2021', Int32Array.of(1)]])],
  ]);

  it('keeps the plans every active filter has, in their order', () => {
    expect(applyFilters(Int32Array.of(2, 1, 0), { tinh: 'dong-thap' }, filters, 3)).toEqual(Int32Array.of(1, 0));
    expect(applyFilters(Int32Array.of(2, 1, 0), { tinh: 'dong-thap', nam: '2020' }, filters, 3)).toEqual(Int32Array.of(0));
    expect(applyFilters(Int32Array.of(0), { tinh: 'khong-co' }, filters, 3)).toEqual(Int32Array.of());
  });

  it("counts each value given the other filters, not the facet's own choice", () => {
    const counts = countFacets([0, 1, 2], { nam: '2020' }, filters, 3);
    expect(counts.tinh).toEqual({ 'dong-thap': 1, 'tien-giang': 0, 'lang-son': 1 });
    expect(counts.nam).toEqual({ '2020': 2, '2021': 1 });
  });

  it('counts a plan that fails two active filters for no facet', () => {
    const counts = countFacets([0, 1, 2], { nam: '2021', tinh: 'lang-son' }, filters, 3);
    // c is in lang-son but not 2021: it counts only for the years; a fails both.
    expect(counts.nam).toEqual({ '2020': 1, '2021': 0 });
    // b is in 2021 but not lang-son: it counts only for the provinces.
    expect(counts.tinh).toEqual({ 'dong-thap': 1, 'tien-giang': 1, 'lang-son': 0 });
  });

  it('counts only the plans asked about', () => {
    expect(countFacets([1], {}, filters, 3).nam).toEqual({ '2020': 0, '2021': 1 });
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
