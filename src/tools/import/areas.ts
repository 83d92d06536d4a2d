/**
 * Reform areas and assessment indices a text names. Indices by their label
 * (PAR Index, PAPI, PCI, SIPAS, ICT Index, DTI, DDCI) or their Vietnamese name
 * ("Chỉ số hài lòng …", "năng lực cạnh tranh cấp tỉnh"); a general phrase
 * such as "mức độ hài lòng" names no index. Areas by the phrases of the
 * contract's list, outside the titles of cited documents.
 */
import type { IndexKey, ReformArea } from '../../data/taxonomy.ts';
import { fold } from '../../lib/text/fold.ts';

const INDEX_LABELS: ReadonlyArray<readonly [IndexKey, RegExp]> = [
  ['par-index', /\bPAR[\s-]*INDEX\b/i],
  ['papi', /\bPAPI\b/],
  ['pci', /\bPCI\b/],
  ['sipas', /\bSIPAS\b/],
  ['ict-index', /\bICT[\s-]*INDEX\b/i],
  ['dti', /\bDTI\b/],
  ['ddci', /\bDDCI\b/],
];

/**
 * Names, matched without diacritics. A name counts only as the index itself:
 * the PAR Index of a province or a ministry (a commune's or an office's own
 * "chỉ số cải cách hành chính" is an internal score), the satisfaction index
 * "đối với sự phục vụ" of the administration (not "chỉ số hài lòng của người
 * dân" alone), and "chỉ số năng lực cạnh tranh" (not the phrase "nâng cao năng
 * lực cạnh tranh cấp tỉnh").
 */
const INDEX_NAMES: ReadonlyArray<readonly [IndexKey, RegExp]> = [
  ['par-index', /chi so (?:cai cach hanh chinh|cchc)(?: \([^)]{0,40}\))?,? (?:cua |cap )?(?:tinh|cac tinh|bo|cac bo|thanh pho|nam \d{4} cua (?:tinh|bo))\b|(?:thu hang|xep hang) (?:cac )?chi so (?:cai cach hanh chinh|cchc)/],
  ['papi', /hieu qua quan tri (?:va )?hanh chinh cong/],
  ['pci', /chi so nang luc canh tranh (?:cap tinh|cua tinh)/],
  ['sipas', /chi so hai long [^.;]{0,60}?(?:doi voi |ve )?su phuc vu/],
  ['ict-index', /chi so san sang cho phat trien va ung dung (?:cong nghe thong tin|cntt)/],
  ['dti', /chi so (?:danh gia )?chuyen doi so/],
  ['ddci', /nang luc canh tranh (?:cap|cua) (?:cac )?so,? (?:ban,? )?nganh/],
];

export function indicesIn(text: string): IndexKey[] {
  const folded = fold(text);
  const found = new Set<IndexKey>();
  for (const [key, label] of INDEX_LABELS) if (label.test(text)) found.add(key);
  for (const [key, name] of INDEX_NAMES) if (name.test(folded)) found.add(key);
  return [...found];
}

const AREA_PHRASES: ReadonlyArray<readonly [ReformArea, RegExp]> = [
  ['chi-dao-dieu-hanh', /chi dao,? dieu hanh/],
  ['the-che', /cai cach the che|van ban quy pham phap luat|\bvbqppl\b|xay dung,? hoan thien the che/],
  ['thu-tuc-hanh-chinh', /thu tuc hanh chinh|\btthc\b|mot cua/],
  ['to-chuc-bo-may', /to chuc bo may|bo may hanh chinh/],
  ['cong-vu', /che do cong vu|cong vu|can bo,? cong chuc|cong chuc,? vien chuc|\bcbccvc\b/],
  ['tai-chinh-cong', /tai chinh cong|co che tu chu/],
  ['chinh-phu-so', /chinh (?:phu|quyen) (?:dien tu|so)|chuyen doi so|hien dai hoa (?:nen )?hanh chinh|cong nghe thong tin|\bcntt\b|ict[\s-]*index/],
  ['tuyen-truyen', /tuyen truyen/],
  ['kiem-tra-danh-gia', /kiem tra cong tac|ke hoach kiem tra|\bkiem tra\b.*\bcai cach|danh gia,? xep hang|do luong (?:su|muc do) hai long|khao sat/],
];

export function areasIn(text: string): ReformArea[] {
  const folded = fold(text);
  return AREA_PHRASES.filter(([, re]) => re.test(folded)).map(([key]) => key);
}
