/**
 * The citation graph's keys and links: one key per document whatever the
 * spelling, separate keys for local numbers of different issuers.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCitationGraph,
  citationContext,
  citationKey,
  documentLabel,
  issuerGroupKey,
  groupByIssuer,
  legalBaseCitations,
  numbersInText,
  otherYears,
  ownKeys,
  planCitations,
  plansWithSameBasis,
  readDocumentCode,
} from '../../src/lib/citations.ts';
import { makeFacts } from './plans.ts';

const quangNam = citationContext(makeFacts('qn'));
const haGiang = citationContext(makeFacts('hg', { province: 'Hà Giang', issuer: { name: 'UBND tỉnh Hà Giang', level: 'tinh' } }));

describe('readDocumentCode', () => {
  it.each([
    ['30c/NQ-CP', 'Nghị quyết', 'Chính phủ'],
    ['225/QĐ-TTg', 'Quyết định', 'Thủ tướng Chính phủ'],
    ['61/2018/NĐ-CP', 'Nghị định', 'Chính phủ'],
    ['18-NQ/TW', 'Nghị quyết', 'Ban Chấp hành Trung ương Đảng'],
    ['26/CT-TTg', 'Chỉ thị', 'Thủ tướng Chính phủ'],
    ['1234/VPCP-KSTT', undefined, 'Văn phòng Chính phủ'],
    ['59/2020/QH14', undefined, 'Quốc hội'],
  ])('%s is a national %s of %s', (number, typeLabel, issuer) => {
    expect(readDocumentCode(number)).toEqual({ typeLabel, derivedIssuer: issuer, national: true });
  });

  it('reads QĐ in a Party number as a regulation', () => {
    expect(readDocumentCode('105-QĐ/TW').typeLabel).toBe('Quy định');
  });

  it.each([
    ['4003/QĐ-UBND', 'Quyết định', 'Ủy ban nhân dân'],
    ['68/KH-UBND', 'Kế hoạch', 'Ủy ban nhân dân'],
    ['09-CTr/HU', 'Chương trình', 'Huyện ủy'],
    ['44/KH-SKH&CN', 'Kế hoạch', undefined],
  ])('%s is a local number', (number, typeLabel, issuer) => {
    expect(readDocumentCode(number)).toEqual({ typeLabel, derivedIssuer: issuer, national: false });
  });
});

describe('citationKey', () => {
  it('gives one key to every spelling of a national number', () => {
    const spellings = ['30c/NQ-CP', '30C/nq-cp', 'số 30c/NQ-CP', '30c NQ CP', ' 30c/NQ-CP '];
    const keys = new Set(spellings.map((number) => citationKey({ number }, quangNam)));
    expect([...keys]).toEqual(['30c-nq-cp']);
    expect(citationKey({ number: '225/QD-TTG' }, haGiang)).toBe(citationKey({ number: '225/QĐ-TTg', issuer: 'Thủ tướng' }, quangNam));
  });

  it('keeps the same local number of two provinces apart', () => {
    const a = citationKey({ number: '82/QĐ-UBND', issuer: 'UBND tỉnh Hà Giang', issuedOn: '2019-01-10' }, haGiang);
    const b = citationKey({ number: '82/QĐ-UBND', issuer: 'UBND tỉnh Bình Định', issuedOn: '2019-01-10' }, haGiang);
    expect(a).not.toBe(b);
    expect(a.startsWith('82-qd-ubnd--')).toBe(true);
  });

  it('ignores how the issuer of a local number is spelt', () => {
    const ref = { number: '4353/QĐ-UBND', issuedOn: '2019-12-31' };
    const keys = new Set(
      ['UBND tỉnh Quảng Nam', 'Ủy ban nhân dân tỉnh Quảng Nam', 'Uỷ ban nhân dân Tỉnh Quảng Nam', 'ubnd tinh quang nam'].map((issuer) =>
        citationKey({ ...ref, issuer }, haGiang),
      ),
    );
    expect(keys.size).toBe(1);
  });

  it('separates local documents of one issuer by date', () => {
    const ref = { number: '82/QĐ-UBND', issuer: 'UBND tỉnh Hà Giang' };
    expect(citationKey({ ...ref, issuedOn: '2019-01-10' }, haGiang)).not.toBe(citationKey({ ...ref, issuedOn: '2020-01-10' }, haGiang));
  });

  it('completes "UBND tỉnh" with the citing plan\'s province', () => {
    const bare = citationKey({ number: '1464/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh' }, quangNam);
    expect(bare).toBe(citationKey({ number: '1464/QĐ-UBND', issuer: 'UBND tỉnh Quảng Nam' }, quangNam));
    expect(bare).not.toBe(citationKey({ number: '1464/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh' }, haGiang));
  });

  it('scopes a local number without issuer to the citing plan\'s province, or to the plan itself', () => {
    expect(citationKey({ number: '15/KH-UBND' }, quangNam)).not.toBe(citationKey({ number: '15/KH-UBND' }, haGiang));
    const nowhere = citationContext(makeFacts('khong-tinh', { province: undefined, issuer: { name: 'UBND tỉnh', level: 'tinh' } }));
    const other = citationContext(makeFacts('khong-tinh-khac', { province: undefined, issuer: { name: 'UBND tỉnh', level: 'tinh' } }));
    expect(citationKey({ number: '15/KH-UBND' }, nowhere)).not.toBe(citationKey({ number: '15/KH-UBND' }, other));
  });

  it('makes keys that are URL path segments', () => {
    const key = citationKey({ number: '4353/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Quảng Nam', issuedOn: '2019-12-31' }, quangNam);
    expect(key).toMatch(/^[a-z0-9&-]+$/);
  });
});

describe('numbersInText', () => {
  it('finds the numbers of running Vietnamese text, with a following date', () => {
    const text =
      'Căn cứ Nghị quyết số 30c/NQ-CP, Quyết định 225/QĐ-TTg và Nghị định 61/2018/NĐ-CP; Chương trình số 09-CTr/HU. ' +
      'Theo Quyết định số 4353/QĐ-UBND ngày 31/12/2019 của tỉnh.';
    expect(numbersInText(text)).toEqual([
      { number: '30c/NQ-CP', issuedOn: undefined },
      { number: '225/QĐ-TTg', issuedOn: undefined },
      { number: '61/2018/NĐ-CP', issuedOn: undefined },
      { number: '09-CTr/HU', issuedOn: undefined },
      { number: '4353/QĐ-UBND', issuedOn: '2019-12-31' },
    ]);
  });

  it('finds text in NFD as in NFC', () => {
    expect(numbersInText('Quyết định 225/QĐ-TTg'.normalize('NFD')).map((r) => r.number)).toEqual(['225/QĐ-TTg']);
  });

  it('does not take dates, ranges, standards or URLs for numbers', () => {
    expect(numbersInText('ngày 15/7/2016, giai đoạn 2016-2020, ISO 9001:2015, 100% hồ sơ, https://x.vn/van-ban/30c-NQ-CP')).toEqual([]);
  });
});

describe('planCitations', () => {
  const facts = makeFacts('qn-2020', {
    documentNumber: '12/KH-UBND',
    legalBases: ['30c/NQ-CP', { number: '4353/QĐ-UBND', issuer: 'UBND tỉnh Quảng Nam', issuedOn: '31/12/2019' }],
  });
  const body = 'Kế hoạch số 12/KH-UBND thực hiện Nghị quyết 30C/NQ-CP, Quyết định số 4353/QĐ-UBND và Chỉ thị 26/CT-TTg.';

  it('lists the legal bases first, then only the numbers the body adds', () => {
    const citations = planCitations(facts, body);
    expect(citations.map((c) => [c.key, c.origin])).toEqual([
      ['30c-nq-cp', 'legal-basis'],
      [legalBaseCitations(facts)[1].key, 'legal-basis'],
      ['26-ct-ttg', 'body'],
    ]);
  });

  it('gives one legal-basis key per item, in order', () => {
    expect(legalBaseCitations(facts).map((c) => c.number)).toEqual(['30c/NQ-CP', '4353/QĐ-UBND']);
  });
});

describe('buildCitationGraph', () => {
  const older = makeFacts('a-2019', { issuedOn: '10/01/2019', period: { from: 2019, to: 2019 }, legalBases: ['30C/nq-cp', '225/QĐ-TTg'] });
  const newer = makeFacts('b-2021', { issuedOn: '10/01/2021', period: { from: 2021, to: 2021 }, legalBases: ['30c/NQ-CP', '225/QĐ-TTg'] });
  const third = makeFacts('c-2020', { legalBases: [{ number: '30c/NQ-CP', issuer: 'Chính phủ', issuedOn: '08/11/2011' }] });
  const cited = makeFacts('d-cited', {
    documentNumber: '5/KH-UBND',
    issuer: { name: 'UBND tỉnh Quảng Nam', level: 'tinh' },
    issuedOn: '05/01/2020',
  });
  const citing = makeFacts('e-citing', { legalBases: [{ number: '5/KH-UBND', issuer: 'Ủy ban nhân dân tỉnh Quảng Nam', issuedOn: '05/01/2020' }] });
  const graph = buildCitationGraph([older, third, newer, cited, citing].map((facts) => ({ facts, citations: planCitations(facts, '') })));
  const doc = graph.byKey.get('30c-nq-cp')!;

  it('gathers every spelling on one document, citing plans newest first', () => {
    expect(doc.citedBy.map((f) => f.slug)).toEqual(['b-2021', 'c-2020', 'a-2019']);
    expect(doc.number).toBe('30c/NQ-CP');
    expect(doc.spellings).toEqual(['30c/NQ-CP', '30C/nq-cp']);
  });

  it('shows, between spellings used equally often, the one as printed', () => {
    const spelt = (...numbers: string[]) =>
      buildCitationGraph(
        numbers.map((n, i) => {
          const facts = makeFacts(`p${i}`, { legalBases: [n] });
          return { facts, citations: planCitations(facts, '') };
        }),
      ).documents[0].number;
    expect(spelt('30C/nq-cp', 'số 30c/NQ-CP')).toBe('30c/NQ-CP');
    expect(spelt('225/QD-TTG', '225/qđ-ttg')).toBe('225/qđ-ttg');
    expect(spelt('225/qd-ttg', '225/QD-TTg')).toBe('225/QD-TTg');
  });

  it('takes the issuer and date the plans give, else derives the issuer from the code', () => {
    expect([doc.issuer, doc.issuerDerived, doc.issuedOn]).toEqual(['Chính phủ', false, '2011-11-08']);
    const ttg = graph.byKey.get('225-qd-ttg')!;
    expect([ttg.issuer, ttg.issuerDerived, ttg.typeLabel]).toEqual(['Thủ tướng Chính phủ', true, 'Quyết định']);
    expect(documentLabel(doc)).toBe('Nghị quyết 30c/NQ-CP của Chính phủ, ngày 08/11/2011');
  });

  it('sorts documents by how many plans cite them', () => {
    const counts = graph.documents.map((d) => d.citedBy.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('recognises a plan of the archive among the cited documents', () => {
    expect(ownKeys(cited)).toContain(legalBaseCitations(citing)[0].key);
    expect(graph.byKey.get(legalBaseCitations(citing)[0].key)!.plan?.slug).toBe('d-cited');
    expect(graph.citingPlan.get('d-cited')!.map((f) => f.slug)).toEqual(['e-citing']);
  });

  it('ranks plans with the same basis by shared documents', () => {
    const related = plansWithSameBasis(graph, 'a-2019');
    expect(related.map((r) => [r.facts.slug, r.shared.length])).toEqual([
      ['b-2021', 2],
      ['c-2020', 1],
    ]);
    expect(plansWithSameBasis(graph, 'a-2019', 1)).toHaveLength(1);
  });
});

describe('issuer groups and other years', () => {
  const sở = (slug: string, year: number, name = 'Sở Nội vụ tỉnh Hà Giang') =>
    makeFacts(slug, {
      issuer: { name, level: 'so-nganh' },
      province: 'Hà Giang',
      issuedOn: `10/01/${year}`,
      period: { from: year, to: year },
    });
  const y2019 = sở('hg-2019', 2019);
  const y2020 = sở('hg-2020', 2020, 'SỞ NỘI VỤ TỈNH HÀ GIANG');
  const y2021 = sở('hg-2021', 2021);
  const sameYear = sở('hg-2021-b', 2021);
  const otherBody = sở('hg-tp-2020', 2020, 'Sở Tư pháp tỉnh Hà Giang');
  const groups = groupByIssuer([y2021, sameYear, y2020, y2019, otherBody]);

  it('lists the same body\'s plans for other periods, newest first', () => {
    expect(otherYears(groups, y2021).map((f) => f.slug)).toEqual(['hg-2020', 'hg-2019']);
    // Two plans of 2021, both listed; the same period as the plan itself is not "another year".
    expect(otherYears(groups, y2019).map((f) => f.slug)).toEqual(['hg-2021', 'hg-2021-b', 'hg-2020']);
    expect(otherYears(groups, sameYear).map((f) => f.slug)).toEqual(['hg-2020', 'hg-2019']);
  });

  it('does not group a local body whose province is unknown', () => {
    expect(issuerGroupKey(makeFacts('x', { province: undefined, issuer: { name: 'UBND tỉnh', level: 'tinh' } }))).toBeUndefined();
    expect(issuerGroupKey(otherBody)).not.toBe(issuerGroupKey(y2019));
  });
});
