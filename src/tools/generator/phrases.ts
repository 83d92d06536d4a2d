/**
 * Phrase templates for synthetic plan bodies. `[a|b]` picks one alternative,
 * `{slot}` takes a value from the plan (see `slots` in plan.ts), and a leading
 * `@2020 ` keeps a line out of plans issued before that year. Templates are
 * written with the traditional tone placement (hòa, thủy, ủy); template.ts derives
 * the new placement once, so both styles occur the way they do in real text.
 *
 * The wording deliberately covers what search must handle: đ words (đào tạo,
 * đội ngũ, điều hành), abbreviations next to their long forms (CCHC, TTHC,
 * UBND, HĐND, CBCCVC, KH&CN, VBQPPL, CĐS, CPĐT, PAR Index, SIPAS, PAPI, PCI,
 * DTI, ICT Index), fixed phrases (một cửa liên thông, tinh giản biên chế),
 * numbers, percentages, dates and document numbers.
 */

export const INTRO: readonly string[] = [
  '{issuer} ban hành {docRef} ngày {date} về [công tác cải cách hành chính|công tác CCHC|cải cách hành chính (CCHC)] {period} trên địa bàn {place}.',
  'Ngày {date}, {issuer} ký {docRef} để triển khai [nhiệm vụ CCHC|các nhiệm vụ cải cách hành chính|chương trình CCHC] {period} của {place}.',
  '{docRefCap} của {issuer} cụ thể hóa [các chủ trương|chỉ đạo|định hướng] của cấp trên về cải cách hành chính {period}, gắn với điều kiện thực tế của {place}.',
];

export const SECTIONS: ReadonlyArray<{ heading: string; lines: readonly string[]; bullets: boolean }> = [
  {
    // The plan's own legal bases come first (plan.ts); these lines follow them.
    heading: 'Căn cứ',
    bullets: true,
    lines: [
      'Văn bản số {baseNumber} của {parent} về việc triển khai nhiệm vụ CCHC {period}.',
      'Kế hoạch CCHC {period} của {parent} và tình hình thực tế của {place}.',
      'Kết quả thực hiện nhiệm vụ cải cách hành chính năm {prevYear} và chỉ đạo của {parent}.',
    ],
  },
  {
    heading: 'Mục tiêu',
    bullets: true,
    lines: [
      'Nâng cao chỉ số cải cách hành chính (PAR Index) của {place}, phấn đấu năm {year} [tăng ít nhất {n} bậc|đạt trên {pct}% điểm|thuộc nhóm khá của cả nước].',
      'Cải thiện Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) đạt tối thiểu {pct}%.',
      'Phấn đấu {pct}% hồ sơ TTHC được giải quyết đúng hạn và trước hạn; không để tồn đọng hồ sơ quá {n} ngày.',
      'Bảo đảm {pct}% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.',
      'Xây dựng đội ngũ cán bộ, công chức, viên chức (CBCCVC) chuyên nghiệp, có đạo đức công vụ, đáp ứng yêu cầu nhiệm vụ trong tình hình mới.',
      '@2020 Đẩy mạnh chuyển đổi số (CĐS), xây dựng chính quyền điện tử hướng tới chính quyền số, nâng hạng Chỉ số chuyển đổi số (DTI).',
      '@2016 Cải thiện các chỉ số PAPI, PCI và DDCI, tạo môi trường đầu tư, kinh doanh thông thoáng, minh bạch.',
      'Nâng cao mức độ sẵn sàng ứng dụng công nghệ thông tin, cải thiện thứ hạng ICT Index của {place}.',
      'Tinh giản biên chế ít nhất {pct}% so với số giao năm {prevYear}, gắn với sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả.',
      'Giảm tối thiểu {pct}% thời gian giải quyết TTHC và {pct2}% chi phí tuân thủ cho người dân, doanh nghiệp.',
      'Hoàn thiện thể chế, bảo đảm 100% văn bản quy phạm pháp luật (VBQPPL) được ban hành đúng trình tự, thủ tục.',
    ],
  },
  {
    heading: 'Yêu cầu',
    bullets: true,
    lines: [
      'Người đứng đầu cơ quan, đơn vị, địa phương trực tiếp chỉ đạo và chịu trách nhiệm về kết quả CCHC tại đơn vị mình.',
      'Các nhiệm vụ phải cụ thể, có địa chỉ, thời hạn hoàn thành và sản phẩm đầu ra rõ ràng, gắn với đánh giá, xếp loại thi đua cuối năm.',
      'Bám sát chỉ đạo của Ủy ban nhân dân (UBND) cấp trên và Nghị quyết của Hội đồng nhân dân (HĐND), bảo đảm thống nhất, đồng bộ.',
      'Tăng cường phối hợp giữa các sở, ban, ngành và UBND cấp xã trong triển khai nhiệm vụ, tránh chồng chéo, hình thức.',
      'Lấy sự hài lòng của người dân, tổ chức làm thước đo chất lượng phục vụ của cơ quan hành chính nhà nước.',
      'Thường xuyên theo dõi, đôn đốc, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh; báo cáo định kỳ trước ngày {day}/{month} hằng năm.',
    ],
  },
  {
    heading: 'Nhiệm vụ trọng tâm',
    bullets: true,
    lines: [
      'Cải cách thể chế: rà soát, hệ thống hóa VBQPPL; kịp thời sửa đổi, bổ sung, bãi bỏ các quy định không còn phù hợp.',
      'Cải cách TTHC: thực hiện hiệu quả cơ chế một cửa, một cửa liên thông; số hóa hồ sơ, kết quả giải quyết TTHC đạt {pct}%.',
      'Công khai, minh bạch 100% thủ tục hành chính tại Bộ phận Một cửa và trên Cổng dịch vụ công quốc gia.',
      'Cải cách tổ chức bộ máy: sắp xếp, kiện toàn các phòng, ban, đơn vị sự nghiệp công lập (ĐVSNCL) theo hướng tinh gọn; thực hiện tinh giản biên chế theo lộ trình.',
      'Cải cách chế độ công vụ: đào tạo, bồi dưỡng {n} lượt CBCCVC về kỹ năng, nghiệp vụ; siết chặt kỷ luật, kỷ cương hành chính.',
      'Cải cách tài chính công: đẩy mạnh cơ chế tự chủ tài chính đối với ĐVSNCL, quản lý và sử dụng hiệu quả ngân sách nhà nước.',
      'Xây dựng và phát triển chính phủ điện tử, chính phủ số: vận hành hệ thống quản lý văn bản và điều hành, chữ ký số, hội nghị trực tuyến đến cấp xã.',
      'Ứng dụng KH&CN và hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015 tại {pct}% cơ quan hành chính.',
      'Đẩy mạnh thông tin, tuyên truyền về CCHC bằng nhiều hình thức: chuyên mục trên đài phát thanh, cổng thông tin điện tử, mạng xã hội.',
      'Tổ chức kiểm tra công tác CCHC tại ít nhất {n} cơ quan, đơn vị; kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính.',
      '@2022 Triển khai Đề án 06 về dữ liệu dân cư, định danh và xác thực điện tử; kết nối, chia sẻ dữ liệu giữa các hệ thống thông tin.',
      'Nâng cao chất lượng điều hành của Ủy ban nhân dân, đổi mới phương thức làm việc, giảm hội họp, giấy tờ hành chính.',
      'Duy trì đường dây nóng, hộp thư góp ý; tiếp nhận và xử lý {pct}% phản ánh, kiến nghị của người dân trong thời hạn quy định.',
      'Thực hiện đánh giá, chấm điểm Chỉ số CCHC đối với các sở, ngành và UBND cấp huyện, cấp xã theo bộ tiêu chí của tỉnh.',
    ],
  },
  {
    // Generated from a small grammar, so a long plan's many measures differ.
    heading: 'Giải pháp thực hiện',
    bullets: true,
    lines: [
      '[Tăng cường|Đẩy mạnh|Nâng cao|Đổi mới|Kiện toàn|Rà soát|Chuẩn hóa|Số hóa|Tổ chức thực hiện] [công tác kiểm soát thủ tục hành chính|chất lượng phục vụ tại Bộ phận Một cửa|hoạt động của Trung tâm Phục vụ hành chính công|đội ngũ công chức làm công tác CCHC|việc đánh giá, xếp loại CBCCVC|hệ thống quản lý văn bản và điều hành|cơ sở dữ liệu chuyên ngành|việc tiếp nhận hồ sơ qua dịch vụ bưu chính công ích|công tác thông tin, tuyên truyền về CCHC|quy trình nội bộ giải quyết TTHC] [nhằm|để|góp phần] [rút ngắn thời gian giải quyết hồ sơ xuống còn {n} ngày|nâng tỷ lệ hài lòng lên {pct}%|giảm {pct2}% hồ sơ trễ hạn|bảo đảm công khai, minh bạch|tạo thuận lợi cho người dân, doanh nghiệp|nâng cao hiệu lực, hiệu quả quản lý nhà nước|phục vụ đánh giá Chỉ số PAR Index năm {year}] [trong năm {year}|ngay từ quý {q}|trước ngày {day}/{month}/{year}|trên địa bàn {place}].',
      '[Phân công|Giao] [Sở Nội vụ|Sở Tư pháp|Văn phòng UBND|Sở Tài chính|Sở KH&CN|phòng Nội vụ|công chức Văn phòng - Thống kê] [theo dõi|hướng dẫn|đôn đốc|tổng hợp] việc [thực hiện cơ chế một cửa liên thông|tinh giản biên chế|đào tạo, bồi dưỡng CBCCVC|ứng dụng chữ ký số|số hóa hồ sơ TTHC|đánh giá Chỉ số SIPAS|điều tra xã hội học phục vụ PAR Index|triển khai CPĐT và CĐS], báo cáo định kỳ [hằng tháng|hằng quý|6 tháng|hằng năm] về {issuerShort}.',
      '[Bố trí|Dành|Ưu tiên] [{money} triệu đồng|kinh phí|nguồn lực] cho [đào tạo, bồi dưỡng đội ngũ cán bộ|nâng cấp hạ tầng công nghệ thông tin|vận hành Hệ thống thông tin giải quyết TTHC|khen thưởng tập thể, cá nhân có thành tích trong CCHC|kiểm tra, đánh giá công tác CCHC] [năm {year}|giai đoạn {period}|theo kế hoạch được duyệt].',
    ],
  },
  {
    heading: 'Tổ chức thực hiện',
    bullets: false,
    lines: [
      'Sở Nội vụ là cơ quan thường trực, chủ trì theo dõi, hướng dẫn, đôn đốc và tổng hợp kết quả thực hiện kế hoạch, báo cáo {issuerShort} trước ngày {day}/{month}/{year}.',
      'Sở Tư pháp chủ trì nhiệm vụ cải cách thể chế, kiểm soát TTHC; Sở Tài chính bố trí kinh phí thực hiện theo quy định.',
      'Sở Khoa học và Công nghệ (Sở KH&CN) hướng dẫn áp dụng hệ thống quản lý chất lượng; Sở Thông tin và Truyền thông triển khai các nhiệm vụ CĐS.',
      'Văn phòng UBND [tỉnh|thành phố] chủ trì vận hành Trung tâm Phục vụ hành chính công, bảo đảm cơ chế một cửa liên thông thông suốt.',
      'Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND cấp xã căn cứ kế hoạch này xây dựng kế hoạch của đơn vị mình, gửi về cơ quan thường trực trước ngày {day}/{month}.',
      'Kinh phí thực hiện kế hoạch khoảng {money} triệu đồng, bố trí từ ngân sách nhà nước năm {year} và các nguồn hợp pháp khác.',
      'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh về Sở Nội vụ để tổng hợp, đề xuất điều chỉnh cho phù hợp.',
      'Kết quả thực hiện kế hoạch là một tiêu chí đánh giá mức độ hoàn thành nhiệm vụ của người đứng đầu và xét thi đua, khen thưởng năm {year}.',
    ],
  },
];

/** Summary sentences: at most three, and short, so the summary stays under 400 characters. */
export const SUMMARY: readonly string[] = [
  '{issuerShort} đặt mục tiêu nâng Chỉ số CCHC {period}, tập trung vào {focus}.',
  '{docRefCap} giao nhiệm vụ CCHC {period} cho các cơ quan, đơn vị của {place}, trọng tâm là {focus}.',
  'Kế hoạch hướng tới {pct}% hồ sơ TTHC được giải quyết đúng hạn và cải thiện {indexLabel}.',
];

export const FOCUS: readonly string[] = [
  'một cửa liên thông và dịch vụ công trực tuyến',
  'tinh giản biên chế và sắp xếp bộ máy',
  'đào tạo, bồi dưỡng đội ngũ cán bộ, công chức',
  'chuyển đổi số và chính quyền điện tử',
  'kiểm soát thủ tục hành chính',
  'kỷ luật, kỷ cương hành chính',
  'tự chủ tài chính của đơn vị sự nghiệp công lập',
  'tuyên truyền về cải cách hành chính',
];

export const TITLES: ReadonlyArray<readonly [template: string, area?: string]> = [
  ['{docKindCap} cải cách hành chính {period}'],
  ['{docKindCap} thực hiện công tác CCHC {period}'],
  ['{docKindCap} nâng cao Chỉ số cải cách hành chính (PAR Index) {period}', 'kiem-tra-danh-gia'],
  ['{docKindCap} kiểm tra công tác cải cách hành chính {period}', 'kiem-tra-danh-gia'],
  ['{docKindCap} tuyên truyền cải cách hành chính {period}', 'tuyen-truyen'],
  ['{docKindCap} kiểm soát thủ tục hành chính {period}', 'thu-tuc-hanh-chinh'],
  ['{docKindCap} chuyển đổi số, xây dựng chính quyền số {period}', 'chinh-phu-so'],
  ['{docKindCap} đào tạo, bồi dưỡng cán bộ, công chức, viên chức {period}', 'cong-vu'],
  ['{docKindCap} tinh giản biên chế {period}', 'to-chuc-bo-may'],
  ['{docKindCap} nâng cao Chỉ số hài lòng (SIPAS) {period}', 'thu-tuc-hanh-chinh'],
];
