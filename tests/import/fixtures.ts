/**
 * Source texts written for these tests, in the forms the genre takes: a
 * letterhead copied from a legal-document site (table pipes, rules, lines
 * broken mid-sentence), a decision of a district, a ministry's decision, a
 * news item on a department's portal, and a plan body with no letterhead.
 * The documents and their numbers are made up.
 */

export const DEPARTMENT_PLAN = `UBND TỈNH TIỀN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
SỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc |
-------- | --------------- |
Số: 15/KH-SNV | Tiền Giang, ngày 05 tháng 01 năm 2021 |
KẾ HOẠCH
TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH
NĂM 2021 CỦA SỞ NỘI VỤ
Căn cứ Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ ban hành
Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 -
2020;
Thực hiện Quyết định số 1234/QĐ-UBND ngày 20/12/2020 của
UBND tỉnh về việc ban hành Kế hoạch cải cách hành chính năm 2021;
Theo đề nghị của Chánh Văn phòng Sở tại Tờ trình số 09/TTr-VP ngày 04/01/2021,
Sở Nội vụ ban hành kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Góp phần nâng Chỉ số hài lòng của người dân (SIPAS) và Chỉ số cải cách hành chính của tỉnh.
2. Yêu cầu
Tuyên truyền về thủ tục hành chính, một cửa điện tử.
II. NỘI DUNG TUYÊN TRUYỀN
`;

export const DISTRICT_DECISION = `ỦY BAN NHÂN DÂN
HUYỆN CHÂU THÀNH
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số: 88/QĐ-UBND
|
Châu Thành, ngày
14 tháng 02 năm 2022
|
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH
HUYỆN CHÂU THÀNH GIAI ĐOẠN 2022 - 2025
CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH
Căn cứ Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ về nhiệm vụ, giải pháp chủ yếu năm 2022;
Căn cứ Nghị quyết 01-NQ/CP của Chính phủ;
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông; Kết luận số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương;
Xét đề nghị của Trưởng phòng Nội vụ tại Tờ trình số 21/TTr-PNV ngày 10/02/2022.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính huyện Châu Thành giai đoạn 2022 - 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 77/QĐ-UBND ngày 02/3/2021 của UBND huyện.
(Ban hành kèm theo Quyết định số 88/QĐ-UBND ngày 14/02/2022)
`;

export const MINISTRY_DECISION = `BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 512/QĐ-BNV | Hà Nội, ngày 30 tháng 12 năm 2022 |
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA BỘ NỘI VỤ
BỘ TRƯỞNG BỘ NỘI VỤ
Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;
Theo đề nghị của Vụ trưởng Vụ Cải cách hành chính.
QUYẾT ĐỊNH:
`;

export const NEWS_ITEM = `Trang chủ
Tin hoạt động
Sở Khoa học và Công nghệ triển khai cải cách hành chính năm 2020
(08:15 | 24/01/2020)
Ngày 22/01/2020, Sở Khoa học và Công nghệ tỉnh Tiền Giang đã ban hành Kế hoạch số 44/KH-SKH&CN về thực hiện nhiệm vụ cải cách hành chính năm 2020.
Triển khai thực hiện Quyết định số 225/QĐ-TTg ngày 04/02/2016 của Thủ tướng Chính phủ; Kế hoạch số 300/KH-UBND ngày 10/12/2019 của UBND tỉnh, Sở đặt mục tiêu nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI).
Theo kế hoạch, Sở sẽ rà soát thủ tục hành chính và đẩy mạnh dịch vụ công trực tuyến.
Tin: Bảo Sơn
`;

export const COMMUNE_BODY = `I. MỤC TIÊU, YÊU CẦU
1. Mục tiêu
Xây dựng chính quyền phục vụ người dân trên địa bàn xã, đẩy mạnh chuyển đổi số và cải cách thủ tục hành chính.
Nâng mức độ hài lòng của người dân đối với chính quyền cấp xã.
2. Yêu cầu
Cán bộ, công chức của xã thực hiện nghiêm kỷ cương hành chính.
`;

export const NO_YEAR_NEWS = `UBND huyện ban hành kế hoạch kiểm tra cải cách hành chính
Ngày 31/3, UBND huyện Châu Thành đã ban hành Kế hoạch số 40/KH-UBND về kiểm tra công tác cải cách hành chính.
Theo đó, đoàn kiểm tra sẽ làm việc tại các xã về thủ tục hành chính.
`;

export const OPEN_PERIOD = `ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
Số: 70/KH-UBND
Lạng Sơn, ngày 01 tháng 3 năm 2023
KẾ HOẠCH
CHUYỂN ĐỔI SỐ TRONG CẢI CÁCH HÀNH CHÍNH NĂM 2023 VÀ NHỮNG NĂM TIẾP THEO
Thực hiện Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC TIÊU
`;
