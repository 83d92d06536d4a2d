/**
 * Search text (issue 26): excerpts start at a sentence or a clause, and
 * marking prefers the query's phrase and whole words over the lone
 * syllables they share with other words.
 */
import { describe, expect, it } from 'vitest';
import { excerptHtml, highlightHtml, matchRanges, matcherFor, snippetStart, withContext } from '../../src/lib/search/highlight.ts';
import { parseQuery } from '../../src/lib/search/parse.ts';
import { wordSpans } from '../../src/lib/search/text.ts';

const m = (q: string) => matcherFor(parseQuery(q));
const marked = (html: string) => [...html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((x) => x[1]).join(' ');
/** The word and opening an excerpt showing `word` starts at, looking back `back` characters. */
const start = (text: string, word: string, back = 100) => {
  const { text: normal, spans } = wordSpans(text);
  const at = spans.findIndex((s) => normal.slice(s.start, s.end) === word);
  const { word: w, opening } = snippetStart(normal, spans, at, back, 4);
  return [normal.slice(spans[w].start, spans[w].end), opening];
};

describe('where an excerpt starts', () => {
  it('at the start of the sentence holding the match', () => {
    const text = 'Sở Nội vụ chủ trì. Năm 2021, tỉnh tiếp tục đẩy mạnh cải cách hành chính trên mọi lĩnh vực. Các sở thực hiện.';
    expect(start(text, 'cải')).toEqual(['Năm', 'sentence']);
    expect(excerptHtml(text, m('cải cách hành chính'), 16)).toBe(
      'Năm 2021, tỉnh tiếp tục đẩy mạnh <mark>cải</mark> <mark>cách</mark> <mark>hành</mark> <mark>chính</mark> trên mọi lĩnh vực.',
    );
  });

  it('after a comma, semicolon or colon when the sentence starts too far back, saying it was cut', () => {
    const long = 'Trong năm tới các cơ quan chuyên môn thuộc ủy ban nhân dân tỉnh và ủy ban nhân dân các huyện thị xã thành phố';
    const text = `${long}; tập trung rà soát thủ tục hành chính để cắt giảm thời gian giải quyết cho người dân.`;
    expect(start(text, 'rà', 50)).toEqual(['tập', 'clause']);
    expect(excerptHtml(text, m('rà soát thủ tục'), 16)).toMatch(/^… tập trung <mark>rà<\/mark> <mark>soát<\/mark>/);
  });

  it('not after the full stop of "TP." or in a text cut before its first word', () => {
    const text = 'Ủy ban nhân dân TP. Hồ Chí Minh ban hành kế hoạch cải cách.';
    expect(start(text, 'Hồ')).toEqual(['Ủy', 'sentence']);
    const { text: normal, spans } = wordSpans('thời gian giải quyết hồ sơ');
    expect(snippetStart(normal, spans, 4, 100, 4, true)).toEqual({ word: 0, opening: 'cut' });
  });

  it('ends at the end of a sentence near where it would be cut, with no ellipsis', () => {
    const text = 'Tỉnh ban hành kế hoạch một cửa liên thông. Sở Nội vụ theo dõi việc thực hiện hằng quý.';
    expect(excerptHtml(text, m('một cửa'), 12)).toBe('Tỉnh ban hành kế hoạch <mark>một</mark> <mark>cửa</mark> liên thông.');
  });
});

describe('what is marked', () => {
  const text = 'Ủy ban ban hành kế hoạch hành động về cải cách hành chính năm 2021.';

  it('the words of the query where they stand together, not their syllables alone elsewhere', () => {
    expect(marked(highlightHtml(text, m('cải cách hành chính')))).toBe('cải cách hành chính');
    // "cải cách thủ tục hành chính": the query's words stand together in two runs.
    expect(marked(highlightHtml('Cải cách thủ tục hành chính, ban hành quy chế', m('cải cách hành chính')))).toBe('Cải cách hành chính');
  });

  it('a query word that never stands beside its neighbours wherever it occurs', () => {
    expect(marked(highlightHtml('Tỉnh Đồng Tháp nằm xa; Huế cũng vậy, đồng thời tháp mới xây.', m('huế đồng tháp')))).toBe('Đồng Tháp Huế');
    expect(marked(highlightHtml(text, m('hành động 2021')))).toBe('hành động 2021');
  });

  it('by what the whole plan has: a title without the phrase marks no lone syllable when the text has it', () => {
    const title = 'Kế hoạch ban hành quy chế';
    expect(marked(highlightHtml(title, m('cải cách hành chính')))).toBe('hành');
    expect(marked(highlightHtml(title, withContext(m('cải cách hành chính'), `${title}\n${text}`)))).toBe('');
  });

  it('a word alone in the form typed with diacritics, any form when typed without', () => {
    const text = 'Bộ phận một cửa của xã. Cửa hàng mở của.';
    expect(marked(highlightHtml(text, m('cửa hàng')))).toBe('Cửa hàng');
    expect(marked(highlightHtml('Cổng của xã, cửa sổ, hoà giải', m('cửa hòa')))).toBe('cửa hoà');
    expect(marked(highlightHtml('Cổng của xã, cửa sổ', m('cua')))).toBe('của cửa');
  });

  it('a quoted phrase only whole, the other words alone', () => {
    expect(marked(highlightHtml('cửa một và một cửa; liên thông', m('"một cửa" liên thông')))).toBe('một cửa liên thông');
  });

  it('the densest part of a long plan by the phrase, not by its syllables scattered', () => {
    const scattered = 'Các cơ quan ban hành văn bản, cải tạo trụ sở, chỉnh sửa cách làm. '.repeat(30);
    const long = `${scattered}Tỉnh tiếp tục cải cách hành chính mạnh mẽ. ${scattered}`;
    expect(long.length).toBeGreaterThan(2000);
    const html = excerptHtml(long, withContext(m('cải cách hành chính'), long), 12);
    expect(html).toMatch(/^Tỉnh tiếp tục <mark>cải<\/mark> <mark>cách<\/mark> <mark>hành<\/mark> <mark>chính<\/mark>/);
    expect(matchRanges('ban hành', withContext(m('cải cách hành chính'), long))).toEqual([]);
  });
});
