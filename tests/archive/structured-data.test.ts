/** The schema.org Legislation of a plan page, and JSON that cannot break out of its script element. */
import { describe, expect, it } from 'vitest';
import { legislationJsonLd, scriptJson } from '../../src/lib/structured-data.ts';
import { makeFacts } from './plans.ts';

describe('legislationJsonLd', () => {
  const facts = makeFacts('tg', {
    documentNumber: '252/KH-UBND',
    issuedOn: '19/09/2018',
    province: 'Tiền Giang',
    issuer: { name: 'Ủy ban nhân dân tỉnh Tiền Giang', level: 'tinh' },
    period: { from: 2018, to: 2020 },
    source: { url: 'https://example.org/bai-viet', publisher: 'Cổng thông tin', publishedOn: '25/09/2018' },
  });
  const data = legislationJsonLd(facts, {
    pageUrl: 'https://example.org/ke-hoach/tg/',
    siteUrl: 'https://example.org/',
    siteName: 'Kho',
    updatedOn: '2024-01-02',
    cited: [{ number: '30c/NQ-CP', issuer: 'Chính phủ', url: 'https://example.org/van-ban/30c-nq-cp/' }],
  });

  it('describes the plan with the Legislation properties', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      legislationIdentifier: '252/KH-UBND',
      legislationDate: '2018-09-19',
      legislationType: 'Kế hoạch',
      legislationPassedBy: { name: 'Ủy ban nhân dân tỉnh Tiền Giang' },
      inLanguage: 'vi',
      temporalCoverage: '2018/2020',
      dateModified: '2024-01-02',
    });
  });

  it('names the unit as issued, within today\'s province', () => {
    expect(data.legislationJurisdiction).toEqual({
      '@type': 'AdministrativeArea',
      name: 'Tỉnh Tiền Giang',
      containedInPlace: { '@type': 'AdministrativeArea', name: 'Tỉnh Đồng Tháp' },
    });
  });

  it('is based on its source and on the documents it cites', () => {
    expect(data.isBasedOn).toEqual([
      { '@type': 'CreativeWork', url: 'https://example.org/bai-viet', publisher: { '@type': 'Organization', name: 'Cổng thông tin' }, datePublished: '2018-09-25' },
      {
        '@type': 'Legislation',
        legislationIdentifier: '30c/NQ-CP',
        legislationPassedBy: { '@type': 'GovernmentOrganization', name: 'Chính phủ' },
        url: 'https://example.org/van-ban/30c-nq-cp/',
      },
    ]);
  });

  it('names a district\'s plan\'s jurisdiction as the district within its province', () => {
    const district = legislationJsonLd(makeFacts('qs', { issuer: { name: 'UBND huyện Quế Sơn', level: 'huyen' }, district: 'Quế Sơn' }), {
      pageUrl: 'p',
      siteUrl: 's',
      siteName: 'n',
      updatedOn: '2024-01-02',
      cited: [],
    });
    expect(district.legislationJurisdiction).toEqual({
      '@type': 'AdministrativeArea',
      name: 'Quế Sơn',
      containedInPlace: { '@type': 'AdministrativeArea', name: 'Tỉnh Quảng Nam', containedInPlace: { '@type': 'AdministrativeArea', name: 'Thành phố Đà Nẵng' } },
    });
  });

  it('leaves out what the plan does not say', () => {
    const bare = legislationJsonLd(makeFacts('x', { issuedOn: undefined, province: undefined, source: { publisher: 'Không rõ' } }), {
      pageUrl: 'p',
      siteUrl: 's',
      siteName: 'n',
      updatedOn: '2024-01-02',
      cited: [],
    });
    expect(bare).not.toHaveProperty('legislationIdentifier');
    expect(bare).not.toHaveProperty('legislationDate');
    expect(bare.legislationJurisdiction).toEqual({ '@type': 'AdministrativeArea', name: 'Việt Nam' });
    expect(bare.isBasedOn).toEqual([]);
  });
});

describe('scriptJson', () => {
  it('cannot close the script element, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script> <!-- x', sep: '\u2028' };
    const json = scriptJson(value);
    expect(json).not.toMatch(/<\/?script|<!--/i);
    expect(JSON.parse(json)).toEqual(value);
  });
});
