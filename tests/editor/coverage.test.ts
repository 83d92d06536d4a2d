/** `npm run check -- --thong-ke`: the archive's reach, counted from its entries. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { coverage, formatCoverage } from '../../src/tools/checks/coverage.ts';
import { makeFacts } from '../archive/plans.ts';
import { FIXTURE_PLANS, ROOT } from '../helpers/paths.ts';

const tinh = (name: string, year: number, url?: string) =>
  makeFacts(`${year}-${name}`, {
    issuer: { name: `UBND tỉnh ${name}`, level: 'tinh' },
    province: name,
    issuedOn: `10/01/${year}`,
    period: { from: year, to: year },
    source: { publisher: 'x', url },
  });

describe('coverage', () => {
  const plans = [
    tinh('Quảng Nam', 2019, 'https://thuvienphapluat.vn/van-ban/a.aspx'),
    tinh('Quảng Nam', 2021, 'https://www.quangnam.gov.vn/tin/b'),
    tinh('Tiền Giang', 2020),
    makeFacts('xa', {
      issuer: { name: 'UBND xã Phú Lâm', level: 'xa' },
      province: 'Đồng Nai',
      issuedOn: '12/01/2026',
      period: { from: 2026, to: 2026 },
      legalBases: ['30c/NQ-CP'],
    }),
    makeFacts('tw', { issuer: { name: 'Bộ Nội vụ', level: 'trung-uong' }, province: undefined, issuedOn: '05/01/2024', period: { from: 2024, to: 2024 }, legalBases: ['30c/NQ-CP'] }),
  ];
  const c = coverage(plans);

  it('counts provinces as issued, levels and years', () => {
    expect(c.plans).toBe(5);
    // In Vietnamese order: Đ after D, before E.
    expect(c.provinces).toEqual(['Đồng Nai', 'Quảng Nam', 'Tiền Giang']);
    expect(c.levels).toMatchObject({ tinh: 3, xa: 1, 'trung-uong': 1, huyen: 0, 'so-nganh': 0 });
    expect(c.years).toEqual([2019, 2020, 2021, 2024, 2026]);
  });

  it('tells the sites that publish documents from portals and news by the address', () => {
    expect(c.sources).toEqual({ documentSites: 1, elsewhere: 1, none: 3 });
  });

  it('counts plans before and after the reorganisation, merged provinces and new communes', () => {
    expect([c.beforeReorganisation, c.afterReorganisation]).toEqual([4, 1]);
    expect(c.mergedProvinces).toEqual(['Đồng Nai']);
    expect(c.newCommunePlans).toBe(1);
  });

  it('finds issuers with plans in several years and documents several plans cite', () => {
    expect(c.issuersOverYears).toEqual([{ issuer: 'UBND tỉnh Quảng Nam (Quảng Nam)', years: [2019, 2021] }]);
    expect(c.sharedBases).toBe(1);
  });

  it('marks each figure against its goal', () => {
    const text = formatCoverage(c);
    expect(text).toMatch(/^✗ 5 kế hoạch \(mục tiêu: ít nhất 60\)$/m);
    expect(text).toMatch(/^✗ 5 năm ban hành từ 2011 \(mục tiêu: ít nhất 8\): 2019, 2020, 2021, 2024, 2026$/m);
    expect(text).toMatch(/^✓ trước 1\/7\/2025: 4; từ 1\/7\/2025: 1$/m);
  });
});

describe('npm run check -- --thong-ke', () => {
  it('prints the coverage of the folder it checked', () => {
    const r = spawnSync(process.execPath, ['scripts/check.ts', '--dir', FIXTURE_PLANS, '--thong-ke'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Độ phủ của kho \(\d+ kế hoạch\):$/m);
    expect(r.stdout).toMatch(/^[✓✗] \d+ tỉnh, thành phố theo tên lúc ban hành/m);
  });
});
