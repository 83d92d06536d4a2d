/**
 * Help text for every frontmatter field, keyed by its path.
 *
 * The schema attaches these as zod metadata, so the same words reach the JSON
 * Schema (editor hover help), the data dictionary, CONTRIBUTING's field table,
 * the scaffold's prompts and the error messages' "Ví dụ đúng".
 */
export interface FieldMeta {
  /** Vietnamese name of the field, as shown to editors. */
  title: string;
  /** What the field means, in Vietnamese. */
  description: string;
  /** One valid value, written as it would appear in YAML. */
  example: string;
}

export const FIELD_META = {
  title: {
    title: 'Trích yếu',
    description: 'Tên chính thức (trích yếu) của văn bản, đúng như bản in.',
    example: '"Kế hoạch cải cách hành chính năm 2020"',
  },
  documentNumber: {
    title: 'Số ký hiệu',
    description: 'Số ký hiệu đúng như bản in. Bỏ trống khi nguồn không ghi.',
    example: '"44/KH-SKH&CN"',
  },
  documentType: {
    title: 'Loại văn bản',
    description: 'Loại văn bản. Quyết định ban hành kèm kế hoạch là quyet-dinh.',
    example: 'ke-hoach',
  },
  issuedOn: {
    title: 'Ngày ban hành',
    description: 'Ngày ban hành, dạng 22/01/2020 hoặc 2020-01-22. Bỏ trống khi nguồn không ghi.',
    example: '"22/01/2020"',
  },
  issuer: {
    title: 'Cơ quan ban hành',
    description: 'Cơ quan ban hành: tên và cấp.',
    example: '{ name: "Sở Khoa học và Công nghệ tỉnh Tiền Giang", level: so-nganh }',
  },
  'issuer.name': {
    title: 'Tên cơ quan ban hành',
    description: 'Tên cơ quan ban hành như tại thời điểm ban hành.',
    example: '"Sở Khoa học và Công nghệ tỉnh Tiền Giang"',
  },
  'issuer.level': {
    title: 'Cấp ban hành',
    description: 'Cấp của cơ quan ban hành.',
    example: 'so-nganh',
  },
  province: {
    title: 'Tỉnh',
    description: 'Tỉnh, thành phố tại ngày ban hành (tên hoặc slug). Bỏ trống với cơ quan trung ương hoặc khi nguồn không ghi.',
    example: '"Tiền Giang"',
  },
  district: {
    title: 'Huyện',
    description: 'Huyện, quận, thị xã ban hành (chỉ với cấp huyện).',
    example: '"Quế Sơn"',
  },
  period: {
    title: 'Giai đoạn',
    description: 'Các năm kế hoạch áp dụng.',
    example: '{ from: 2018, to: 2020 }',
  },
  'period.from': { title: 'Từ năm', description: 'Năm đầu của giai đoạn.', example: '2018' },
  'period.to': { title: 'Đến năm', description: 'Năm cuối của giai đoạn.', example: '2020' },
  reformAreas: {
    title: 'Lĩnh vực cải cách',
    description: 'Các lĩnh vực cải cách hành chính kế hoạch đề cập (ít nhất một).',
    example: '[the-che, thu-tuc-hanh-chinh]',
  },
  indices: {
    title: 'Chỉ số',
    description: 'Các chỉ số đánh giá được nêu.',
    example: '[par-index, papi]',
  },
  legalBases: {
    title: 'Căn cứ',
    description: 'Văn bản được thực hiện hoặc viện dẫn, theo số ký hiệu như bản in.',
    example: '["30c/NQ-CP", { number: "4353/QĐ-UBND", issuer: "UBND tỉnh Quảng Nam", issuedOn: "31/12/2019" }]',
  },
  'legalBases.number': { title: 'Số ký hiệu căn cứ', description: 'Số ký hiệu của văn bản căn cứ.', example: '"4353/QĐ-UBND"' },
  'legalBases.issuer': { title: 'Cơ quan ban hành căn cứ', description: 'Cơ quan ban hành văn bản căn cứ.', example: '"UBND tỉnh Quảng Nam"' },
  'legalBases.issuedOn': { title: 'Ngày ban hành căn cứ', description: 'Ngày ban hành văn bản căn cứ.', example: '"31/12/2019"' },
  summary: {
    title: 'Tóm tắt',
    description: 'Một đến ba câu do biên tập viên tự viết, tối đa 400 ký tự.',
    example: '"Kế hoạch đặt mục tiêu nâng hạng Chỉ số CCHC của tỉnh giai đoạn 2018–2020."',
  },
  source: {
    title: 'Nguồn',
    description: 'Nơi công bố văn bản hoặc bài viết về văn bản.',
    example: '{ publisher: "Cổng thông tin điện tử Sở KH&CN Tiền Giang" }',
  },
  'source.url': { title: 'Địa chỉ nguồn', description: 'URL http(s) của văn bản hoặc bài viết.', example: '"https://skhcn.tiengiang.gov.vn/"' },
  'source.publisher': { title: 'Nơi công bố', description: 'Tên trang hoặc cơ quan đăng tải. Bỏ trống khi không biết (không ghi "Không rõ").', example: '"Cổng thông tin điện tử Sở KH&CN Tiền Giang"' },
  'source.author': { title: 'Tác giả bài viết', description: 'Tác giả bài viết, nếu có ghi.', example: '"Bảo Sơn"' },
  'source.publishedOn': { title: 'Ngày đăng', description: 'Ngày nguồn đăng tải.', example: '"25/09/2018"' },
  'source.retrievedOn': { title: 'Ngày truy cập', description: 'Ngày lấy nội dung từ nguồn.', example: '"22/11/2026"' },
  tags: { title: 'Từ khóa', description: 'Từ khóa tự do.', example: '[một cửa, PAR Index]' },
} satisfies Record<string, FieldMeta>;

export type FieldPath = keyof typeof FIELD_META;

/** The help for a zod issue path such as ["legalBases", 2, "number"]. */
export function fieldMetaFor(path: ReadonlyArray<PropertyKey>): FieldMeta | undefined {
  const key = path.filter((p) => typeof p === 'string').join('.');
  return (FIELD_META as Record<string, FieldMeta>)[key];
}
