/**
 * What a page's address tells: who published it and, for the portals of
 * provincial bodies (skhcn.tiengiang.gov.vn, snv.kiengiang.gov.vn), the
 * province and the department. Legal-document sites publish for everyone and
 * tell nothing about the issuer.
 */
import { NATIONAL_ISSUERS } from '../../data/legal-codes.ts';
import { PROVINCE_UNITS, type ProvinceUnit } from '../../lib/provinces.ts';
import { slugify } from '../../lib/text/slug.ts';

/** Sites that carry documents of every body: their name, as they write it. */
const SITES: Record<string, string> = {
  'thuvienphapluat.vn': 'Thư viện Pháp luật',
  'hethongphapluat.vn': 'Hệ thống pháp luật',
  'hethongphapluat.com': 'Hệ thống pháp luật',
  'luatvietnam.vn': 'LuatVietnam',
  'vanban.chinhphu.vn': 'Hệ thống văn bản Chính phủ',
  'chinhphu.vn': 'Cổng Thông tin điện tử Chính phủ',
  'baochinhphu.vn': 'Báo Điện tử Chính phủ',
  'nhansu.vn': 'Nhân Sự',
  'vbpl.vn': 'Cơ sở dữ liệu quốc gia về văn bản pháp luật',
};

/** Department portals by their host label: "snv" or "sonoivu" → Sở Nội vụ. */
function departments(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, name] of Object.entries(NATIONAL_ISSUERS)) {
    if (!name.startsWith('Bộ ')) continue;
    const dept = `Sở ${name.slice(3)}`;
    map.set(`s${code.slice(1)}`, dept);
    map.set(slugify(dept).replace(/-/g, ''), dept);
  }
  map.set('vpubnd', 'Văn phòng UBND');
  return map;
}
const DEPARTMENTS = departments();

const squash = (slug: string) => slug.replace(/-/g, '');
const PROVINCE_BY_LABEL = new Map<string, ProvinceUnit[]>();
for (const u of PROVINCE_UNITS) {
  for (const label of [squash(u.slug), `${squash(u.slug)}city`, `tp${squash(u.slug)}`]) PROVINCE_BY_LABEL.set(label, [...(PROVINCE_BY_LABEL.get(label) ?? []), u]);
}

/** "baolamdong.vn", "baogialai.com.vn": the newspaper of a province, which writes "UBND tỉnh" for its own. */
function provincialPaper(labels: string[]): ProvinceUnit | undefined {
  if (labels.length !== 1 || !labels[0].startsWith('bao')) return undefined;
  const units = PROVINCE_BY_LABEL.get(labels[0].slice(3));
  return units?.find((u) => !u.validTo) ?? units?.[0];
}

export interface HostFacts {
  host: string;
  publisher: string;
  /** Slugs of the provincial units the host names (one name may be several units over time). */
  provinceSlug?: string;
  department?: string;
  /** A known site of legal documents, which carries every body's texts. */
  aggregator: boolean;
}

export function hostFacts(url: string): HostFacts | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
  const site = Object.keys(SITES).find((s) => host === s || host.endsWith(`.${s}`));
  if (site) return { host, publisher: SITES[site], aggregator: true };
  const labels = host.replace(/\.(?:gov|org|com|edu)?\.?vn$/, '').split('.');
  const paper = provincialPaper(labels);
  if (paper) return { host, publisher: `Báo ${paper.fullName.replace(/^(?:Tỉnh|Thành phố)\s+/u, "")}`, provinceSlug: paper.slug, aggregator: false };
  const province = labels.map((l) => PROVINCE_BY_LABEL.get(l)).find(Boolean)?.[0];
  const department = labels.map((l) => DEPARTMENTS.get(l)).find(Boolean);
  const govPortal = /\.gov\.vn$/.test(host);
  let publisher = host;
  if (govPortal && province && department) publisher = `Cổng thông tin điện tử ${department} ${province.fullName.replace(/^Tỉnh/, 'tỉnh').replace(/^Thành phố/, 'thành phố')}`;
  else if (govPortal && province && labels.length === 1) publisher = `Cổng thông tin điện tử ${province.fullName.replace(/^Tỉnh/, 'tỉnh').replace(/^Thành phố/, 'thành phố')}`;
  return { host, publisher, provinceSlug: province?.slug, department, aggregator: false };
}
