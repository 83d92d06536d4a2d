/**
 * The letter codes inside Vietnamese document numbers (số ký hiệu), read by the
 * citation graph to name a cited document's type and issuing body.
 *
 * A number is "<số>[/<năm>]/<LOẠI>-<CƠ QUAN>" for state documents
 * (30c/NQ-CP, 61/2018/NĐ-CP), "<số>-<LOẠI>/<CƠ QUAN>" for Party documents
 * (18-NQ/TW, 09-CTr/HU), and "<số>/<CƠ QUAN>-<ĐƠN VỊ>" for official letters
 * (1234/VPCP-KSTT). Keys are folded the way `docNumberKey` folds them: lower
 * case, no diacritics, đ→d.
 */

/** Type codes: the part right after the number. */
export const DOCUMENT_CODES: Readonly<Record<string, string>> = {
  nq: 'Nghị quyết',
  qd: 'Quyết định',
  nd: 'Nghị định',
  ct: 'Chỉ thị',
  ctr: 'Chương trình',
  kh: 'Kế hoạch',
  tt: 'Thông tư',
  ttlt: 'Thông tư liên tịch',
  da: 'Đề án',
  bc: 'Báo cáo',
  tb: 'Thông báo',
  hd: 'Hướng dẫn',
  kl: 'Kết luận',
  cd: 'Công điện',
  pl: 'Pháp lệnh',
};

/**
 * Issuing bodies whose numbers are unique nationwide: one number, one document,
 * whoever cites it. Anything else (UBND, HĐND, Tỉnh ủy, a department) numbers
 * its documents locally, so the same number recurs in every province.
 */
export const NATIONAL_ISSUERS: Readonly<Record<string, string>> = {
  tw: 'Ban Chấp hành Trung ương Đảng',
  qh: 'Quốc hội',
  ubtvqh: 'Ủy ban Thường vụ Quốc hội',
  cp: 'Chính phủ',
  ttg: 'Thủ tướng Chính phủ',
  vpcp: 'Văn phòng Chính phủ',
  bnv: 'Bộ Nội vụ',
  btc: 'Bộ Tài chính',
  btp: 'Bộ Tư pháp',
  bca: 'Bộ Công an',
  bqp: 'Bộ Quốc phòng',
  bng: 'Bộ Ngoại giao',
  bct: 'Bộ Công Thương',
  bgddt: 'Bộ Giáo dục và Đào tạo',
  byt: 'Bộ Y tế',
  bxd: 'Bộ Xây dựng',
  bkhcn: 'Bộ Khoa học và Công nghệ',
  bvhttdl: 'Bộ Văn hóa, Thể thao và Du lịch',
  bnnmt: 'Bộ Nông nghiệp và Môi trường',
  bdttg: 'Bộ Dân tộc và Tôn giáo',
  // Ministries merged away in 2025; their numbers still appear in older plans.
  bkhdt: 'Bộ Kế hoạch và Đầu tư',
  btttt: 'Bộ Thông tin và Truyền thông',
  bgtvt: 'Bộ Giao thông vận tải',
  btnmt: 'Bộ Tài nguyên và Môi trường',
  bnnptnt: 'Bộ Nông nghiệp và Phát triển nông thôn',
  bldtbxh: 'Bộ Lao động - Thương binh và Xã hội',
  ubdt: 'Ủy ban Dân tộc',
  ttcp: 'Thanh tra Chính phủ',
  nhnn: 'Ngân hàng Nhà nước Việt Nam',
  ktnn: 'Kiểm toán nhà nước',
  tandtc: 'Tòa án nhân dân tối cao',
  vksndtc: 'Viện kiểm sát nhân dân tối cao',
};

/** Local bodies named only generically by their code: which province is not in the number. */
export const LOCAL_ISSUERS: Readonly<Record<string, string>> = {
  ubnd: 'Ủy ban nhân dân',
  hdnd: 'Hội đồng nhân dân',
  tu: 'Tỉnh ủy',
  thu: 'Thành ủy',
  hu: 'Huyện ủy',
};
