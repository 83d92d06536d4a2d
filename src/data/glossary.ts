/**
 * What the glossary (/thuat-ngu/) says beyond a term's expansion. The terms
 * themselves come from the abbreviation and taxonomy tables; this table only
 * explains them, keyed by an abbreviation's first short form or an index's key.
 */
import type { IndexKey, ReformArea } from './taxonomy.ts';

/** Explanations of abbreviations, by their first short form. */
export const ABBREVIATION_NOTES: Readonly<Record<string, string>> = {
  CCHC:
    'Những thay đổi về thể chế, thủ tục, bộ máy, chế độ công vụ, tài chính công và cách làm việc của cơ quan nhà nước, để phục vụ người dân và doanh nghiệp tốt hơn. Các kế hoạch trong kho là kế hoạch CCHC của từng cơ quan, địa phương.',
  TTHC:
    'Trình tự, cách thức, hồ sơ và điều kiện mà người dân, tổ chức phải đáp ứng khi cần cơ quan nhà nước giải quyết một việc cụ thể, như cấp giấy phép hay đăng ký khai sinh.',
};

/** Who measures each index and what it tells. */
export const INDEX_NOTES: Readonly<Record<IndexKey, string>> = {
  'par-index':
    'Do Bộ Nội vụ đánh giá và công bố hằng năm: kết quả cải cách hành chính của các bộ, cơ quan ngang bộ và ủy ban nhân dân cấp tỉnh.',
  papi: 'Khảo sát ý kiến người dân về cách chính quyền cấp tỉnh quản trị và cung cấp dịch vụ công; do Chương trình Phát triển Liên Hợp Quốc (UNDP) cùng các đối tác trong nước thực hiện.',
  pci: 'Doanh nghiệp đánh giá chất lượng điều hành kinh tế của chính quyền cấp tỉnh; do VCCI công bố hằng năm.',
  sipas:
    'Mức hài lòng của người dân, tổ chức với sự phục vụ của cơ quan hành chính nhà nước, đo bằng điều tra xã hội học hằng năm do Bộ Nội vụ chủ trì.',
  'ict-index':
    'Mức sẵn sàng về hạ tầng, nhân lực và ứng dụng công nghệ thông tin của các bộ, ngành và địa phương (Vietnam ICT Index).',
  dti: 'Mức độ chuyển đổi số của các bộ, ngành và tỉnh, thành phố, đánh giá và công bố hằng năm.',
  ddci: 'Doanh nghiệp đánh giá các sở, ngành và huyện, xã trong một tỉnh; mỗi tỉnh tự tổ chức, theo cách làm của PCI.',
};

/** What each reform area covers in a plan. */
export const AREA_NOTES: Readonly<Record<ReformArea, string>> = {
  'chi-dao-dieu-hanh': 'Lãnh đạo, chỉ đạo và tổ chức thực hiện cải cách hành chính: ban hành kế hoạch, phân công trách nhiệm, theo dõi tiến độ.',
  'the-che': 'Xây dựng, hoàn thiện và thi hành văn bản quy phạm pháp luật; rà soát, sửa đổi văn bản không còn phù hợp.',
  'thu-tuc-hanh-chinh': 'Rà soát, đơn giản hóa và công khai thủ tục hành chính; thực hiện cơ chế một cửa, một cửa liên thông.',
  'to-chuc-bo-may': 'Sắp xếp cơ quan, đơn vị cho tinh gọn, rõ chức năng, nhiệm vụ; tinh giản biên chế.',
  'cong-vu': 'Tuyển dụng, sử dụng, đào tạo và đánh giá cán bộ, công chức, viên chức; kỷ luật, kỷ cương hành chính.',
  'tai-chinh-cong': 'Quản lý ngân sách, cơ chế tự chủ tài chính của cơ quan hành chính và đơn vị sự nghiệp công lập.',
  'chinh-phu-so': 'Ứng dụng công nghệ thông tin, dịch vụ công trực tuyến, chính phủ điện tử, chính phủ số; hệ thống quản lý chất lượng.',
  'tuyen-truyen': 'Thông tin, tuyên truyền về cải cách hành chính cho cán bộ, người dân và doanh nghiệp.',
  'kiem-tra-danh-gia': 'Kiểm tra việc thực hiện cải cách hành chính; đo lường, đánh giá kết quả qua các chỉ số như PAR Index, SIPAS.',
};

/** Terms that are not abbreviations but that plans use as names of a mechanism. */
export const TERMS: ReadonlyArray<{ term: string; note: string }> = [
  {
    term: 'một cửa',
    note: 'Cơ chế tiếp nhận hồ sơ và trả kết quả thủ tục hành chính tại một nơi (bộ phận một cửa), để người dân không phải đến nhiều phòng, ban.',
  },
  {
    term: 'một cửa liên thông',
    note: 'Khi một thủ tục cần nhiều cơ quan hoặc nhiều cấp cùng giải quyết, người dân vẫn chỉ nộp hồ sơ và nhận kết quả ở một nơi; các cơ quan tự chuyển hồ sơ cho nhau.',
  },
];
