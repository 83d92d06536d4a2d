/**
 * Reading a query: keys, quotes, bad input, document numbers, provinces, and
 * the Pagefind searches a query becomes.
 */
import { describe, expect, it } from 'vitest';
import { docNumberKey } from '../../src/lib/docnumber.ts';
import { PHRASE_WORDS } from '../../src/lib/search/count-files.ts';
import { fromIndexText, numberToken, toIndexText } from '../../src/lib/search/index-fields.ts';
import { findNumber } from '../../src/lib/search/number-query.ts';
import { MAX_QUERY_LENGTH, cleanQuery, parseQuery } from '../../src/lib/search/parse.ts';
import { followUpSearches, numberSearches, textSearches } from '../../src/lib/search/searches.ts';
import { exactKey, wordKey, words } from '../../src/lib/search/text.ts';
import { answerKit, type Scored } from '../helpers/answers.ts';

const terms = (q: string) => Object.fromEntries(textSearches(parseQuery(q)).map((s) => [s.id, s]));

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
    expect(textSearches(q)).toEqual([]);
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
      expect(n?.key).toBe(docNumberKey('4003/QĐ-UBND'));
      expect(n?.ownToken).toBe(numberToken('own', '4003/QĐ-UBND'));
    },
  );

  it('finds a number inside a longer query and keeps the other words', () => {
    const n = findNumber('Quyết định 4003/QĐ-UBND Đồng Tháp');
    expect(n?.key).toBe('4003-qd-ubnd');
    expect(n?.rest).toBe('Quyết định Đồng Tháp');
  });

  it.each([
    ['30c/NQ-CP', '30c-nq-cp'],
    ['61/2018/NĐ-CP', '61-2018-nd-cp'],
    ['18-NQ/TW', '18-nq-tw'],
    ['44/KH-SKH&CN', '44-kh-skh&cn'],
  ])('reads %s', (typed, key) => {
    expect(findNumber(typed)?.key).toBe(key);
  });

  it.each(['2020 cai cach', 'kế hoạch 2021', '22/01/2020', '2018-2020', '4003', 'cải cách hành chính'])('%s is not a number', (q) => {
    expect(findNumber(q)).toBeUndefined();
  });

  it('gives the own and cited tokens distinct prefixes, and "&" no role', () => {
    expect(numberToken('own', '44/KH-SKH&CN')).toBe('zsohieu44khskhcn');
    expect(numberToken('cited', '44/KH-SKH&CN')).toBe('zcancu44khskhcn');
    expect(numberToken('own', '44/KH-SKHCN')).toBe(numberToken('own', '44/KH-SKH&CN'));
  });

  it('asks Pagefind for the whole token, quoted, so it cannot match as a prefix', () => {
    const specs = numberSearches(parseQuery('4003 QD UBND'));
    expect(specs.map((s) => s.term)).toEqual(['"zsohieu4003qdubnd"', '"zcancu4003qdubnd"']);
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

describe('the searches a query becomes', () => {
  it('searches folded words, so đ and d meet', () => {
    expect(terms('Đội ngũ cán bộ')['all:0'].term).toBe('doi ngu can bo');
  });

  it('asks for the phrase, each word whole, and the words typed with diacritics exactly, in both tone placements', () => {
    const t = terms('hoà giải cơ sở');
    expect(t['phrase:0'].term).toBe('"hoa giai co so"');
    expect(t['exact:0']).toEqual({ id: 'exact:0', term: '"hòa"', exact: true, lookup: { keys: ['hoa'], exact: 'hòa' } });
    expect(t['exact:0:new']).toEqual({ id: 'exact:0:new', term: '"hoà"', exact: true, lookup: { keys: ['hoa'], exact: 'hoà' } });
    expect(t['exact:3'].term).toBe('"sở"');
    expect([t['word:0'].term, t['word:2'].term, t['whole'].term]).toEqual(['"hoa"', '"co"', '"so"']);
    expect(t['word:3']).toBeUndefined();
  });

  it('marks each search that only asks which plans have some words, whole and in a row, with those words', () => {
    const t = terms('đổi mới "PAR" CCHC');
    expect(t['word:0'].lookup).toEqual({ keys: ['doi'] });
    expect(t['exact:0'].lookup).toEqual({ keys: ['doi'], exact: 'ḏổi' });
    expect(t['quoted:0'].lookup).toEqual({ keys: ['par'] });
    expect(t['phrase:0'].lookup).toEqual({ keys: ['doi', 'moi', 'par', 'cchc'] });
    // The long form of CCHC, as a phrase.
    const spans = Object.values(t).filter((s) => s.id.startsWith('span:'));
    expect(spans.map((s) => s.lookup?.keys.join(' '))).toContain('cai cach hanh chinh');
    // The one search that ranks asks for every word, the last perhaps half typed, not for a phrase.
    expect(t['all:0'].lookup).toBeUndefined();
    expect(t['all:0'].ranked).toEqual({ keys: ['doi', 'moi', 'par', 'cchc'] });
    expect(Object.values(t).filter((s) => s.ranked).map((s) => s.id)).toEqual(['all:0']);
  });

  it('asks for the last word as a prefix when it is no whole word anywhere, and for the phrase before it when no plan has the whole phrase', () => {
    const q = parseQuery('tinh giản biên ch');
    const { answers } = answerKit();
    const hit: Scored = [['p', 1]];
    const first: Array<[string, Scored]> = [['all:0', hit], ['word:0', hit], ['word:1', hit], ['word:2', hit], ['whole', []], ['phrase:0', []]];
    expect(followUpSearches(q, answers(first)).map((s) => s.term)).toEqual(['ch', '"tinh gian bien"']);
    expect(followUpSearches(q, answers(first)).map((s) => s.ranked ?? s.lookup)).toEqual([{ keys: ['ch'] }, { keys: ['tinh', 'gian', 'bien'] }]);
    // "ch" may be a whole word somewhere ("P.QLCN&ChN"), and the phrase still missing.
    expect(followUpSearches(q, answers([...first, ['whole', hit]])).map((s) => s.id)).toEqual(['head']);
    expect(followUpSearches(q, answers([...first, ['whole', hit], ['phrase:0', hit]]))).toEqual([]);
  });

  it('asks a phrase longer than the index files hold runs of as each run of it, and a quoted one whole', () => {
    const t = terms('hiện đại hoá hành chính');
    expect(PHRASE_WORDS).toBe(4);
    expect(t['phrase:0']).toBeUndefined();
    expect([t['phrase:0:0'].lookup, t['phrase:0:1'].lookup]).toEqual([{ keys: ['hien', 'dai', 'hoa', 'hanh'] }, { keys: ['dai', 'hoa', 'hanh', 'chinh'] }]);
    expect(t['phrase:0:2']).toBeUndefined();
    expect(terms('"hiện đại hoá hành chính"')['quoted:0'].lookup).toEqual({ keys: ['hien', 'dai', 'hoa', 'hanh', 'chinh'] });
    // A phrase as long as the runs is asked whole.
    expect(terms('đại hoá hành chính')['phrase:0'].lookup).toEqual({ keys: ['dai', 'hoa', 'hanh', 'chinh'] });
    // The phrase before a half-typed last word, likewise, when no plan has every run of the whole.
    const q = parseQuery('kế hoạch cải cách hành ch');
    const hit: Scored = [['p', 1]];
    const first = answerKit().answers([['all:0', hit], ['word:0', hit], ['word:1', hit], ['word:2', hit], ['word:3', hit], ['word:4', hit], ['whole', hit], ['phrase:0:0', hit], ['phrase:0:1', []], ['phrase:0:2', hit]]);
    expect(followUpSearches(q, first).map((s) => [s.id, s.lookup?.keys.join(' ')])).toEqual([
      ['head:0', 'ke hoach cai cach'],
      ['head:1', 'hoach cai cach hanh'],
    ]);
    const every = answerKit().answers([['all:0', hit], ['word:0', hit], ['word:1', hit], ['word:2', hit], ['word:3', hit], ['word:4', hit], ['whole', hit], ['phrase:0:0', hit], ['phrase:0:1', hit], ['phrase:0:2', hit]]);
    expect(followUpSearches(q, every)).toEqual([]);
  });

  it('asks for the last word as a prefix when no plan has every word, for ranking by how many', () => {
    const q = parseQuery('san hô thổ cẩm');
    const first = answerKit().answers({ 'all:0': [], 'word:0': [['a', 1]], whole: [['b', 1]] });
    expect(followUpSearches(q, first).map((s) => s.id)).toContain('word:last');
  });

  it('gives the same searches for either tone placement', () => {
    expect(textSearches(parseQuery('hoá đơn thuỷ lợi'))).toEqual(textSearches(parseQuery('hóa đơn thủy lợi')));
  });

  it('asks no exact-diacritics search for a query typed without them', () => {
    expect(Object.keys(terms('dong thap')).some((id) => id.startsWith('exact'))).toBe(false);
  });

  it("requires a rewording's long form as a phrase", () => {
    const q = parseQuery('PAR Index');
    const variant = q.variants.findIndex((v) => v.words.map((w) => w.key).join(' ') === 'chi so cai cach hanh chinh');
    expect(terms('PAR Index')[`span:${variant}:0`].term).toBe('"chi so cai cach hanh chinh"');
  });

  it('asks for each quoted phrase', () => {
    expect(terms('"tinh giản biên chế" 2020')['quoted:0'].term).toBe('"tinh gian bien che"');
  });
});

describe('đ as the index writes it', () => {
  it('writes đ and Đ as ḏ and Ḏ, single letters that Unicode folding turns into d and D', () => {
    const indexed = toIndexText('Đội ngũ cán bộ, đào tạo');
    expect(indexed).toBe('\u1E0Eội ngũ cán bộ, \u1E0Fào tạo');
    expect(indexed.normalize('NFC')).toBe(indexed);
    expect(indexed.normalize('NFD').replace(/\p{M}/gu, '')).toBe('Doi ngu can bo, dao tao');
  });

  it('gives back the text exactly, and leaves text without đ alone', () => {
    for (const text of ['Đội ngũ cán bộ', 'ĐẨY MẠNH đổi mới', 'Dân chủ, dao động', '4003/QĐ-UBND', '']) {
      expect(fromIndexText(toIndexText(text))).toBe(text);
    }
    expect(toIndexText('Dân chủ, dầu')).toBe('Dân chủ, dầu');
  });

  it('asks the exact-diacritics searches for đ words in the written form', () => {
    const t = terms('đội ngũ');
    expect(t['exact:0'].term).toBe('"\u1E0Fội"');
    expect(t['all:0'].term).toBe('doi ngu');
  });
});
