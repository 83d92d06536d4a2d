/**
 * Reading a query: keys, quotes, bad input, document numbers, provinces, and
 * the query plan it becomes.
 */
import { describe, expect, it } from 'vitest';
import { numberToken } from '../../src/lib/search/index-fields.ts';
import { findNumber } from '../../src/lib/search/number-query.ts';
import { MAX_QUERY_LENGTH, cleanQuery, parseQuery } from '../../src/lib/search/parse.ts';
import { pairKey } from '../../src/lib/search/index-format.ts';
import { planQuery, queryKeys } from '../../src/lib/search/query-plan.ts';
import { exactKey, wordKey, words } from '../../src/lib/search/text.ts';

const plan = (q: string) => planQuery(parseQuery(q));

describe('word keys', () => {
  it.each([
    ['Đồng', 'dong'],
    ['đội', 'doi'],
    ['ĐÀO', 'dao'],
    ['điều', 'dieu'],
    ['KH&CN', 'khcn'],
    ['Hoà', 'hoa'],
  ])('the loose key of %s is %s: every diacritic goes, đ included', (word, key) => {
    expect(wordKey(word)).toBe(key);
  });

  it.each([
    ['hoà', 'hòa'],
    ['hoá', 'hóa'],
    ['thuỷ', 'thủy'],
    ['Uỷ', 'ủy'],
  ])('the exact key of %s and %s is the same: tone placement does not count', (a, b) => {
    expect(exactKey(a)).toBe(exactKey(b));
  });

  it('keeps the diacritics in the exact key', () => {
    expect(exactKey('dòng')).not.toBe(exactKey('Đồng'));
    expect(exactKey('dòng')).not.toBe(exactKey('dong'));
  });

  it('reads NFD input like NFC', () => {
    const nfd = 'Đồng Tháp hoà'.normalize('NFD');
    expect(words(nfd)).toEqual(['Đồng', 'Tháp', 'hoà']);
    expect(parseQuery(nfd).words.map((w) => w.exact)).toEqual(parseQuery('Đồng Tháp hoà').words.map((w) => w.exact));
  });
});

describe('cleaning what was typed', () => {
  it('turns typographic quotes into plain ones and drops control characters', () => {
    expect(cleanQuery('  “một   cửa”\u200b\n')).toBe('"một cửa"');
  });

  it('reads a quoted phrase', () => {
    const q = parseQuery('"một cửa liên thông" Đồng Tháp');
    expect(q.phrases).toEqual([[0, 1, 2, 3]]);
    expect(q.words.map((w) => w.phrase)).toEqual([0, 0, 0, 0, undefined, undefined]);
    expect(q.notices).toEqual([]);
  });

  it('ignores an unclosed quote, and says so', () => {
    const q = parseQuery('"một cửa');
    expect(q.words.map((w) => w.text)).toEqual(['một', 'cửa']);
    expect(q.phrases).toEqual([]);
    expect(q.notices).toContainEqual({ kind: 'unclosed-quote' });
  });

  it.each(['"', '"""', '!!! ...', '<>', '— / —'])('has no words in %j, and says so', (input) => {
    const q = parseQuery(input);
    expect(q.words).toEqual([]);
    expect(q.notices.some((n) => n.kind === 'no-words')).toBe(true);
    expect(queryKeys(planQuery(q))).toEqual([]);
  });

  it('reads markup as plain words', () => {
    expect(parseQuery('<img src=x onerror=alert(1)>').words.map((w) => w.text)).toEqual(['img', 'src', 'x', 'onerror', 'alert', '1']);
    expect(parseQuery('"><script>').words.map((w) => w.text)).toEqual(['script']);
  });

  it('cuts an overlong query at a word boundary', () => {
    const q = parseQuery('cải cách '.repeat(40));
    expect(q.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(q.text.endsWith(' ')).toBe(false);
    expect(q.notices).toContainEqual({ kind: 'too-long', max: MAX_QUERY_LENGTH });
  });

  it('notes whether diacritics were typed', () => {
    expect(parseQuery('dong thap').typedDiacritics).toBe(false);
    expect(parseQuery('dòng').typedDiacritics).toBe(true);
    expect(parseQuery('đong').typedDiacritics).toBe(true);
  });
});

describe('document numbers', () => {
  it.each(['4003/QĐ-UBND', '4003/qd-ubnd', '4003 QD UBND', 'số 4003/QĐ-UBND', 'Số ký hiệu 4003/QĐ-UBND', '4003/QĐ-UBND.'])(
    '%s is number 4003/QĐ-UBND',
    (typed) => {
      const n = findNumber(typed);
      expect(n?.ownToken).toBe(numberToken('own', '4003/QĐ-UBND'));
    },
  );

  it('finds a number inside a longer query and keeps the other words', () => {
    const n = findNumber('Quyết định 4003/QĐ-UBND Đồng Tháp');
    expect(n?.ownToken).toBe('zsohieu4003qdubnd');
    expect(n?.rest).toBe('Quyết định Đồng Tháp');
  });

  it.each([
    ['30c/NQ-CP', 'zsohieu30cnqcp'],
    ['61/2018/NĐ-CP', 'zsohieu612018ndcp'],
    ['18-NQ/TW', 'zsohieu18nqtw'],
    ['44/KH-SKH&CN', 'zsohieu44khskhcn'],
  ])('reads %s', (typed, token) => {
    expect(findNumber(typed)?.ownToken).toBe(token);
  });

  it.each(['2020 cai cach', 'kế hoạch 2021', '22/01/2020', '2018-2020', '4003', 'cải cách hành chính'])('%s is not a number', (q) => {
    expect(findNumber(q)).toBeUndefined();
  });

  it('gives the own and cited tokens distinct prefixes, and "&" no role', () => {
    expect(numberToken('own', '44/KH-SKH&CN')).toBe('zsohieu44khskhcn');
    expect(numberToken('cited', '44/KH-SKH&CN')).toBe('zcancu44khskhcn');
    expect(numberToken('own', '44/KH-SKHCN')).toBe(numberToken('own', '44/KH-SKH&CN'));
  });

  it('looks up the whole tokens, and the other words of the query', () => {
    const p = plan('Quyết định 4003/QĐ-UBND');
    expect(p.number).toEqual({ typed: '4003/QĐ-UBND', own: 'zsohieu4003qdubnd', cited: 'zcancu4003qdubnd', rest: ['quyet', 'dinh'] });
    expect(queryKeys(p)).toEqual(expect.arrayContaining(['zsohieu4003qdubnd', 'zcancu4003qdubnd', 'quyet', 'dinh']));
  });
});

describe('provinces before and after 2025', () => {
  it('searches "Đồng Tháp" also as Tiền Giang, the unit merged into it', () => {
    const q = parseQuery('kế hoạch Đồng Tháp');
    const provinces = q.variants.filter((v) => v.kind === 'province').map((v) => v.words.map((w) => w.text).join(' '));
    expect(provinces).toContain('kế hoạch Tiền Giang');
  });

  it('does the same without diacritics', () => {
    const q = parseQuery('dong thap');
    expect(q.variants.some((v) => v.words.map((w) => w.key).join(' ') === 'tien giang')).toBe(true);
  });

  it('does not turn an old name into a new one: "Tiền Giang" stays Tiền Giang', () => {
    expect(parseQuery('Tiền Giang').variants.filter((v) => v.kind === 'province')).toEqual([]);
  });
});

describe('the query plan', () => {
  it('looks words up by their folded keys, so đ and d meet, and every pair of neighbours for the phrase', () => {
    const p = plan('Đội ngũ cán bộ');
    expect(p.words.map((w) => w.key)).toEqual(['doi', 'ngu', 'can', 'bo']);
    expect(queryKeys(p)).toEqual(['doi', 'ngu', 'can', 'bo', pairKey('doi', 'ngu'), pairKey('ngu', 'can'), pairKey('can', 'bo'), 'bo*']);
  });

  it('prefers the spellings typed with diacritics, either tone placement read as the one the index keeps', () => {
    const p = plan('hoà giải cơ sở');
    expect(p.words.map((w) => w.spellings)).toEqual([['hòa'], ['giải'], ['cơ'], ['sở']]);
    expect(plan('hòa giải').words[0].spellings).toEqual(['hòa']);
    expect(plan('dong thap UBND').words.map((w) => w.spellings)).toEqual([[], [], []]);
    expect(plan('đội ngũ').words[0].spellings).toEqual(['đội']);
  });

  it('gives the same plan for either tone placement', () => {
    const keys = (q: string) => queryKeys(plan(q));
    expect(keys('hoá đơn thuỷ lợi')).toEqual(keys('hóa đơn thủy lợi'));
    expect(plan('hoá đơn').words.map((w) => w.spellings)).toEqual(plan('hóa đơn').words.map((w) => w.spellings));
  });

  it('ranks every word in a row, and every word but the last, which may still be typed', () => {
    const p = plan('tinh giản biên ch');
    expect(p.phrase).toEqual(['tinh', 'gian', 'bien', 'ch']);
    expect(p.head).toEqual(['tinh', 'gian', 'bien']);
    expect(p.prefix).toBe(true);
    expect(plan('một cửa').head).toEqual([]);
    expect(plan('một').phrase).toEqual([]);
  });

  it('asks for each quoted phrase as a whole, a quoted last word whole only', () => {
    const p = plan('"tinh giản biên chế" 2020');
    expect(p.units).toEqual([
      { words: [0, 1, 2, 3], quoted: true },
      { words: [4], quoted: false },
    ]);
    const quotedLast = plan('cải cách "PAR"');
    expect(quotedLast.prefix).toBe(false);
    expect(queryKeys(quotedLast)).not.toContain('par*');
  });

  it("requires a rewording's long form as a phrase, with the words it keeps", () => {
    expect(plan('CCHC').rewordings).toEqual([{ spans: [['cai', 'cach', 'hanh', 'chinh']], units: [], phrase: undefined }]);
    expect(plan('CCHC Lạng Sơn').rewordings[0]).toEqual({ spans: [['cai', 'cach', 'hanh', 'chinh']], units: [1, 2], phrase: ['cai', 'cach', 'hanh', 'chinh', 'lang', 'son'] });
    expect(plan('PAR Index').rewordings.map((r) => r.spans[0].join(' '))).toContain('chi so cai cach hanh chinh');
    expect(queryKeys(plan('TTHC'))).toEqual(['tthc', pairKey('thu', 'tuc'), pairKey('tuc', 'hanh'), pairKey('hanh', 'chinh'), 'tthc*']);
  });

  it('keeps quoted phrases required in a rewording', () => {
    const p = plan('"một cửa" CCHC');
    expect(p.rewordings[0].units).toEqual([0]);
  });
});
