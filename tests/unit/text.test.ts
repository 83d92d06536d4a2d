import { describe, expect, it } from 'vitest';
import { fold, hasDiacritics, nfc, stripDiacritics } from '../../src/lib/text/fold.ts';
import { countToneStyles, placeTones, toneStyleOf } from '../../src/lib/text/tone.ts';
import { isSlug, slugify } from '../../src/lib/text/slug.ts';
import { formatDate, parseDate, todayInVietnam } from '../../src/lib/dates.ts';
import { docNumberCode, docNumberKey, looksLikeDocNumber } from '../../src/lib/docnumber.ts';
import { parseQuery } from '../../src/lib/search/parse.ts';
import { exactKey } from '../../src/lib/search/text.ts';

describe('fold', () => {
  it('removes tone and shape marks and maps đ/Đ to d', () => {
    expect(fold('Đồng Tháp')).toBe('dong thap');
    expect(fold('đội ngũ cán bộ')).toBe('doi ngu can bo');
    expect(fold('ĐIỀU HÀNH')).toBe('dieu hanh');
    expect(stripDiacritics('Ủy ban nhân dân')).toBe('Uy ban nhan dan');
  });

  it('maps the eth old texts type for Đ/đ (Ð U+00D0, ð U+00F0) to d as well', () => {
    expect(fold('\u00D0ồng Tháp, \u00F0ội ngũ')).toBe(fold('Đồng Tháp, đội ngũ'));
    expect(stripDiacritics('\u00D0iện Biên')).toBe('Dien Bien');
  });

  it('treats NFD input like NFC', () => {
    expect(fold('Đồng Tháp'.normalize('NFD'))).toBe('dong thap');
    expect(nfc('hoà'.normalize('NFD'))).toBe('hoà');
  });

  it('strips character by character exactly as NFD, mark removal and NFC do on the whole text, in any script', () => {
    const whole = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đð]/g, 'd').replace(/[ĐÐ]/g, 'D').normalize('NFC');
    const vowels = 'aăâeêioôơuưy';
    const toned = [...vowels, ...vowels.toUpperCase()].flatMap((v) => ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((t) => (v + t).normalize('NFC'))).join(' ');
    const texts = [
      toned,
      toned.normalize('NFD'),
      'Kế hoạch số 44/KH-SKH&CN — “CCHC” năm 2024…\u00a0Ðồng Tháp, ðội ngũ; Ǻ ȩ ǅ ŉ ṃ; ≥ 90% → ≠ ↚ Å Ω K ✓ € ⁰',
      'Ελληνικά ά, Кириллица й, 한국어, 日本語, 𝒜𝓃 emoji 🎉, e\u20d7, a\u0338, \u2000\u2001',
      '',
    ];
    // Each sample also in pieces of 40 characters, which may begin with a lone mark.
    for (const text of texts.flatMap((t) => [t, ...(t.match(/[^]{1,40}/gu) ?? [])])) expect(stripDiacritics(text), text).toBe(whole(text));
  });

  it('knows when text carries diacritics', () => {
    expect(hasDiacritics('dong thap')).toBe(false);
    expect(hasDiacritics('đong thap')).toBe(true);
    expect(hasDiacritics('dòng')).toBe(true);
  });
});

describe('search keys', () => {
  it('spell the eth of old texts (ð, Ð) as đ in the exact key too, so "ðầu" is the "đầu" typed', () => {
    expect(exactKey('\u00F0ầu')).toBe(exactKey('đầu'));
    expect(exactKey('\u00D0ồng')).toBe(exactKey('Đồng'));
    expect(exactKey('\u00F0ầu')).not.toBe(exactKey('dầu'));
  });

  it('drop a word of marks alone from the query: a stray tone asks for nothing', () => {
    const parsed = parseQuery('cải cách \u0301');
    expect(parsed.words.map((w) => w.text)).toEqual(['cải', 'cách']);
    expect(parsed.text).toBe('cải cách \u0301');
    expect(parseQuery('\u0301 \u0300').notices).toEqual([{ kind: 'no-words' }]);
  });
});

describe('tone placement', () => {
  it.each([
    ['hoà', 'hòa'],
    ['hoá', 'hóa'],
    ['thuỷ', 'thủy'],
    ['uỷ', 'ủy'],
    ['Uỷ ban', 'Ủy ban'],
    ['khoẻ', 'khỏe'],
  ])('%s and %s are the same word in two styles', (newStyle, oldStyle) => {
    expect(placeTones(newStyle, 'old')).toBe(oldStyle);
    expect(placeTones(oldStyle, 'new')).toBe(newStyle);
    expect(toneStyleOf(newStyle.split(' ')[0])).toBe('new');
    expect(toneStyleOf(oldStyle.split(' ')[0])).toBe('old');
  });

  it('leaves words whose placement does not vary', () => {
    for (const w of ['quý', 'hoàn', 'thuyền', 'khuyến', 'Quỳnh', 'toàn', 'hóa đơn'.split(' ')[1]]) {
      expect(placeTones(w, 'old')).toBe(w);
      expect(placeTones(w, 'new')).toBe(w);
    }
  });

  it('counts the styles of a text', () => {
    expect(countToneStyles('Uỷ ban và Ủy ban, hoà và hóa')).toEqual({ old: 2, new: 2 });
  });
});

describe('slugify', () => {
  it('makes ASCII kebab-case with đ→d', () => {
    expect(slugify('Đồng Tháp')).toBe('dong-thap');
    expect(slugify('44/KH-SKH&CN')).toBe('44-kh-skh-cn');
    expect(isSlug('2020-tien-giang-skhcn-44-kh-skhcn')).toBe(true);
    expect(isSlug('2020_Tien-Giang')).toBe(false);
    expect(isSlug('đồng-tháp')).toBe(false);
  });
});

describe('dates', () => {
  it('parses both written forms', () => {
    expect(parseDate('22/01/2020')).toEqual({ ok: true, iso: '2020-01-22' });
    expect(parseDate('2020-1-2')).toEqual({ ok: true, iso: '2020-01-02' });
    expect(parseDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('rejects impossible and malformed dates', () => {
    expect(parseDate('31/02/2020')).toMatchObject({ ok: false, reason: 'impossible' });
    expect(parseDate('29/02/2023')).toMatchObject({ ok: false, reason: 'impossible' });
    expect(parseDate('2020-13-01')).toMatchObject({ ok: false, reason: 'impossible' });
    expect(parseDate('22.01.2020')).toMatchObject({ ok: false, reason: 'format' });
  });

  it('formats as dd/mm/yyyy and knows today in Vietnam', () => {
    expect(formatDate('2020-01-22')).toBe('22/01/2020');
    // 23:30 UTC on 31/12 is already 1 January in Vietnam (UTC+7).
    expect(todayInVietnam(new Date('2020-12-31T23:30:00Z'))).toBe('2021-01-01');
  });
});

describe('document numbers', () => {
  it('gives one key to every spelling', () => {
    const keys = ['4003/QĐ-UBND', '4003/qd-ubnd', '4003 QD UBND', 'số 4003/QĐ-UBND', '4003/QĐ-UBND'.normalize('NFD')].map(docNumberKey);
    expect(new Set(keys)).toEqual(new Set(['4003-qd-ubnd']));
  });

  it('recognises real formats and rejects prose', () => {
    for (const n of ['30c/NQ-CP', '61/2018/NĐ-CP', '18-NQ/TW', '09-CTr/HU', '44/KH-SKH&CN', '225/QĐ-TTg']) {
      expect(looksLikeDocNumber(n), n).toBe(true);
    }
    for (const n of ['Nghị quyết', '2020', 'abc/def']) expect(looksLikeDocNumber(n), n).toBe(false);
  });

  it('extracts the issuing code', () => {
    expect(docNumberCode('61/2018/NĐ-CP')).toBe('nd-cp');
    expect(docNumberCode('4353/QĐ-UBND')).toBe('qd-ubnd');
  });
});
