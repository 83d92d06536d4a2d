/**
 * The archive's controlled vocabularies. The keys are the values editors write
 * in frontmatter (docs/interfaces.md §1); the labels are what readers see. The schema
 * builds its enums from these tables, so a value exists in exactly one place.
 */

export const DOCUMENT_TYPES = {
  'ke-hoach': { label: 'Kế hoạch', abbr: 'KH' },
  'quyet-dinh': { label: 'Quyết định', abbr: 'QĐ' },
  'chuong-trinh': { label: 'Chương trình', abbr: 'CTr' },
  'de-an': { label: 'Đề án', abbr: 'ĐA' },
  'chi-thi': { label: 'Chỉ thị', abbr: 'CT' },
  'nghi-quyet': { label: 'Nghị quyết', abbr: 'NQ' },
  'cong-van': { label: 'Công văn', abbr: 'CV' },
  'bao-cao': { label: 'Báo cáo', abbr: 'BC' },
  khac: { label: 'Khác', abbr: '' },
} as const;

export const ISSUER_LEVELS = {
  'trung-uong': { label: 'Trung ương', description: 'Chính phủ, Thủ tướng Chính phủ, các bộ, ngành trung ương' },
  tinh: { label: 'Cấp tỉnh', description: 'UBND hoặc HĐND tỉnh, thành phố trực thuộc trung ương' },
  'so-nganh': { label: 'Sở, ngành', description: 'Sở, ban, ngành thuộc tỉnh' },
  huyen: { label: 'Cấp huyện', description: 'Huyện, quận, thị xã, thành phố thuộc tỉnh (trước 01/07/2025)' },
  xa: { label: 'Cấp xã', description: 'Xã, phường, thị trấn, đặc khu' },
} as const;

export const REFORM_AREAS = {
  'chi-dao-dieu-hanh': { label: 'Chỉ đạo, điều hành' },
  'the-che': { label: 'Cải cách thể chế' },
  'thu-tuc-hanh-chinh': { label: 'Cải cách thủ tục hành chính, một cửa' },
  'to-chuc-bo-may': { label: 'Cải cách tổ chức bộ máy' },
  'cong-vu': { label: 'Cải cách chế độ công vụ, cán bộ, công chức, viên chức' },
  'tai-chinh-cong': { label: 'Cải cách tài chính công' },
  'chinh-phu-so': { label: 'Hiện đại hóa hành chính, chính phủ điện tử, chính phủ số' },
  'tuyen-truyen': { label: 'Thông tin, tuyên truyền' },
  'kiem-tra-danh-gia': { label: 'Kiểm tra, đánh giá' },
} as const;

export const INDICES = {
  'par-index': { label: 'PAR Index', name: 'Chỉ số cải cách hành chính' },
  papi: { label: 'PAPI', name: 'Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh' },
  pci: { label: 'PCI', name: 'Chỉ số Năng lực cạnh tranh cấp tỉnh' },
  sipas: { label: 'SIPAS', name: 'Chỉ số hài lòng về sự phục vụ hành chính' },
  'ict-index': { label: 'ICT Index', name: 'Chỉ số sẵn sàng cho phát triển và ứng dụng công nghệ thông tin và truyền thông' },
  dti: { label: 'DTI', name: 'Chỉ số chuyển đổi số' },
  ddci: { label: 'DDCI', name: 'Chỉ số năng lực cạnh tranh cấp sở, ngành và địa phương' },
} as const;

/** `Object.keys` typed as a non-empty tuple, as `z.enum` wants it. */
export function keysOf<T extends Record<string, unknown>>(table: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

export type DocumentType = keyof typeof DOCUMENT_TYPES;
export type IssuerLevel = keyof typeof ISSUER_LEVELS;
export type ReformArea = keyof typeof REFORM_AREAS;
export type IndexKey = keyof typeof INDICES;
