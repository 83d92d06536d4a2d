/**
 * Boilerplate for `npm run gen -- --van-mau`: the framing sentences that real
 * CCHC plans repeat from plan to plan with small changes (the "Thực hiện Nghị
 * quyết…" opening, the same aims, duties and closing orders). Each line is
 * kept in most plans, so that the common words of administrative reform
 * occur in most of the archive, as they do in the real one: the search's
 * hardest case. Same template syntax as phrases.ts; the keys are headings of
 * its SECTIONS, and the lines go first in their section.
 */

/** The share of plans that keep each line. */
export const KEEP = 0.85;

/** The first paragraph of every plan, before its own introduction. */
export const OPENING: readonly string[] = [
  'Thực hiện {programme}; căn cứ chỉ đạo của {parent} về công tác cải cách hành chính [và tình hình thực tế của địa phương|và yêu cầu nhiệm vụ được giao].',
  'Thực hiện {programme} và các văn bản hướng dẫn của {parent} về cải cách hành chính {period}, [nhằm|với mục tiêu] nâng cao hiệu lực, hiệu quả quản lý nhà nước [trên địa bàn|tại địa phương].',
];

export const BOILERPLATE: Readonly<Record<string, readonly string[]>> = {
  'Căn cứ': [
    'Các văn bản của Trung ương và của {parent} về cải cách hành chính [còn hiệu lực|hiện hành], cùng tình hình thực tế của {place}.',
  ],
  'Mục tiêu': [
    'Tiếp tục đẩy mạnh cải cách hành chính, [xây dựng|hướng tới] nền hành chính dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hoạt động hiệu lực, hiệu quả, phục vụ người dân và doanh nghiệp.',
    'Nâng cao chất lượng giải quyết thủ tục hành chính, [bảo đảm|tạo] thuận lợi cho người dân, tổ chức khi [thực hiện|giải quyết] công việc với cơ quan nhà nước.',
    'Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của các cơ quan hành chính nhà nước, từng bước xây dựng chính quyền [điện tử|số].',
    'Nâng cao ý thức trách nhiệm, tinh thần phục vụ của đội ngũ cán bộ, công chức, viên chức trong thực thi công vụ.',
  ],
  'Yêu cầu': [
    'Các cơ quan, đơn vị [bám sát|quán triệt] nội dung kế hoạch, [xác định|phân công] rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của từng tập thể, cá nhân.',
    'Công tác cải cách hành chính phải được triển khai đồng bộ, thống nhất, gắn với nhiệm vụ phát triển kinh tế - xã hội của địa phương.',
    'Thủ trưởng cơ quan, đơn vị chịu trách nhiệm trước {issuerShort} về kết quả thực hiện cải cách hành chính [tại|của] cơ quan, đơn vị mình.',
  ],
  'Nhiệm vụ trọng tâm': [
    'Cải cách thủ tục hành chính: rà soát, đơn giản hóa thủ tục hành chính; công khai đầy đủ, kịp thời các thủ tục hành chính thuộc thẩm quyền giải quyết.',
    'Thực hiện nghiêm cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính, không để hồ sơ [trễ hạn|tồn đọng] kéo dài.',
    'Ứng dụng công nghệ thông tin, [đẩy mạnh|mở rộng] cung cấp dịch vụ công trực tuyến và thanh toán trực tuyến trong giải quyết thủ tục hành chính.',
    'Cải cách tổ chức bộ máy hành chính, [kiện toàn|rà soát] chức năng, nhiệm vụ của các cơ quan, đơn vị theo hướng tinh gọn.',
    'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức [có đủ phẩm chất, năng lực|đáp ứng yêu cầu nhiệm vụ].',
  ],
  'Giải pháp thực hiện': [
    'Tăng cường sự lãnh đạo, chỉ đạo của người đứng đầu đối với công tác cải cách hành chính [tại cơ quan, đơn vị|trên địa bàn].',
    'Đẩy mạnh công tác thông tin, tuyên truyền để cán bộ, công chức và người dân hiểu rõ mục đích, ý nghĩa của cải cách hành chính.',
    'Thường xuyên kiểm tra, đôn đốc việc thực hiện nhiệm vụ cải cách hành chính, kịp thời chấn chỉnh những hạn chế, thiếu sót.',
  ],
  'Tổ chức thực hiện': [
    'Các cơ quan, đơn vị căn cứ nhiệm vụ được giao [xây dựng kế hoạch cụ thể|chủ động triển khai] và báo cáo kết quả thực hiện [định kỳ hằng quý|6 tháng và hằng năm] về {issuerShort}.',
    'Giao [Sở Nội vụ|cơ quan thường trực] theo dõi, đôn đốc, tổng hợp tình hình thực hiện kế hoạch, báo cáo {issuerShort} theo quy định.',
    'Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, [đề nghị|yêu cầu] các cơ quan, đơn vị phản ánh kịp thời để [được hướng dẫn|xem xét, giải quyết].',
  ],
};

/** The national programme a plan issued on `issuedOn` can follow. */
export function programmeOn(issuedOn: string): string {
  if (issuedOn >= '2021-07-15') return 'Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030';
  if (issuedOn >= '2011-11-08') return 'Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011-2020';
  return 'các chủ trương của Chính phủ về cải cách hành chính nhà nước';
}
