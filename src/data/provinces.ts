/**
 * Provincial units before and after the 2025 reorganisation.
 *
 * One row per unit that existed before 12/6/2025: its statistical code and
 * official name, and the code and name of the province it belongs to today.
 * Source: mapping/merges.json in the public repository dvhcvn/20250701
 * (MIT licence, © 2025 dvhcvn), after Resolution 60-NQ/TW and Official Letter
 * 915/CTK-CSCL. Names are NFC with the traditional tone placement (Hòa Bình).
 *
 * `src/lib/provinces.ts` turns this table into units with validity dates.
 */
export const PROVINCE_MERGERS: ReadonlyArray<readonly [oldCode: string, oldName: string, newCode: string, newName: string]> = [
  ['01', 'Thành phố Hà Nội', '01', 'Thành phố Hà Nội'],
  ['04', 'Tỉnh Cao Bằng', '04', 'Tỉnh Cao Bằng'],
  ['02', 'Tỉnh Hà Giang', '08', 'Tỉnh Tuyên Quang'],
  ['08', 'Tỉnh Tuyên Quang', '08', 'Tỉnh Tuyên Quang'],
  ['11', 'Tỉnh Điện Biên', '11', 'Tỉnh Điện Biên'],
  ['12', 'Tỉnh Lai Châu', '12', 'Tỉnh Lai Châu'],
  ['14', 'Tỉnh Sơn La', '14', 'Tỉnh Sơn La'],
  ['10', 'Tỉnh Lào Cai', '15', 'Tỉnh Lào Cai'],
  ['15', 'Tỉnh Yên Bái', '15', 'Tỉnh Lào Cai'],
  ['06', 'Tỉnh Bắc Kạn', '19', 'Tỉnh Thái Nguyên'],
  ['19', 'Tỉnh Thái Nguyên', '19', 'Tỉnh Thái Nguyên'],
  ['20', 'Tỉnh Lạng Sơn', '20', 'Tỉnh Lạng Sơn'],
  ['22', 'Tỉnh Quảng Ninh', '22', 'Tỉnh Quảng Ninh'],
  ['24', 'Tỉnh Bắc Giang', '24', 'Tỉnh Bắc Ninh'],
  ['27', 'Tỉnh Bắc Ninh', '24', 'Tỉnh Bắc Ninh'],
  ['17', 'Tỉnh Hòa Bình', '25', 'Tỉnh Phú Thọ'],
  ['25', 'Tỉnh Phú Thọ', '25', 'Tỉnh Phú Thọ'],
  ['26', 'Tỉnh Vĩnh Phúc', '25', 'Tỉnh Phú Thọ'],
  ['30', 'Tỉnh Hải Dương', '31', 'Thành phố Hải Phòng'],
  ['31', 'Thành phố Hải Phòng', '31', 'Thành phố Hải Phòng'],
  ['33', 'Tỉnh Hưng Yên', '33', 'Tỉnh Hưng Yên'],
  ['34', 'Tỉnh Thái Bình', '33', 'Tỉnh Hưng Yên'],
  ['35', 'Tỉnh Hà Nam', '37', 'Tỉnh Ninh Bình'],
  ['36', 'Tỉnh Nam Định', '37', 'Tỉnh Ninh Bình'],
  ['37', 'Tỉnh Ninh Bình', '37', 'Tỉnh Ninh Bình'],
  ['38', 'Tỉnh Thanh Hóa', '38', 'Tỉnh Thanh Hóa'],
  ['40', 'Tỉnh Nghệ An', '40', 'Tỉnh Nghệ An'],
  ['42', 'Tỉnh Hà Tĩnh', '42', 'Tỉnh Hà Tĩnh'],
  ['44', 'Tỉnh Quảng Bình', '44', 'Tỉnh Quảng Trị'],
  ['45', 'Tỉnh Quảng Trị', '44', 'Tỉnh Quảng Trị'],
  ['46', 'Thành phố Huế', '46', 'Thành phố Huế'],
  ['48', 'Thành phố Đà Nẵng', '48', 'Thành phố Đà Nẵng'],
  ['49', 'Tỉnh Quảng Nam', '48', 'Thành phố Đà Nẵng'],
  ['51', 'Tỉnh Quảng Ngãi', '51', 'Tỉnh Quảng Ngãi'],
  ['62', 'Tỉnh Kon Tum', '51', 'Tỉnh Quảng Ngãi'],
  ['52', 'Tỉnh Bình Định', '52', 'Tỉnh Gia Lai'],
  ['64', 'Tỉnh Gia Lai', '52', 'Tỉnh Gia Lai'],
  ['56', 'Tỉnh Khánh Hòa', '56', 'Tỉnh Khánh Hòa'],
  ['58', 'Tỉnh Ninh Thuận', '56', 'Tỉnh Khánh Hòa'],
  ['54', 'Tỉnh Phú Yên', '66', 'Tỉnh Đắk Lắk'],
  ['66', 'Tỉnh Đắk Lắk', '66', 'Tỉnh Đắk Lắk'],
  ['60', 'Tỉnh Bình Thuận', '68', 'Tỉnh Lâm Đồng'],
  ['67', 'Tỉnh Đắk Nông', '68', 'Tỉnh Lâm Đồng'],
  ['68', 'Tỉnh Lâm Đồng', '68', 'Tỉnh Lâm Đồng'],
  ['70', 'Tỉnh Bình Phước', '75', 'Tỉnh Đồng Nai'],
  ['75', 'Tỉnh Đồng Nai', '75', 'Tỉnh Đồng Nai'],
  ['74', 'Tỉnh Bình Dương', '79', 'Thành phố Hồ Chí Minh'],
  ['77', 'Tỉnh Bà Rịa - Vũng Tàu', '79', 'Thành phố Hồ Chí Minh'],
  ['79', 'Thành phố Hồ Chí Minh', '79', 'Thành phố Hồ Chí Minh'],
  ['72', 'Tỉnh Tây Ninh', '80', 'Tỉnh Tây Ninh'],
  ['80', 'Tỉnh Long An', '80', 'Tỉnh Tây Ninh'],
  ['82', 'Tỉnh Tiền Giang', '82', 'Tỉnh Đồng Tháp'],
  ['87', 'Tỉnh Đồng Tháp', '82', 'Tỉnh Đồng Tháp'],
  ['83', 'Tỉnh Bến Tre', '86', 'Tỉnh Vĩnh Long'],
  ['84', 'Tỉnh Trà Vinh', '86', 'Tỉnh Vĩnh Long'],
  ['86', 'Tỉnh Vĩnh Long', '86', 'Tỉnh Vĩnh Long'],
  ['89', 'Tỉnh An Giang', '91', 'Tỉnh An Giang'],
  ['91', 'Tỉnh Kiên Giang', '91', 'Tỉnh An Giang'],
  ['92', 'Thành phố Cần Thơ', '92', 'Thành phố Cần Thơ'],
  ['93', 'Tỉnh Hậu Giang', '92', 'Thành phố Cần Thơ'],
  ['94', 'Tỉnh Sóc Trăng', '92', 'Thành phố Cần Thơ'],
  ['95', 'Tỉnh Bạc Liêu', '96', 'Tỉnh Cà Mau'],
  ['96', 'Tỉnh Cà Mau', '96', 'Tỉnh Cà Mau'],
];

/** Resolution 202/2025/QH15: adopted and in force on this day. */
export const MERGER_DATE = '2025-06-12';

/** Resolution 203/2025/QH15 and Law 72/2025/QH15: no district level from this day. */
export const DISTRICTS_ABOLISHED = '2025-07-01';

/** Resolution 175/2024/QH15: Tỉnh Thừa Thiên Huế became Thành phố Huế. */
export const HUE_CITY_DATE = '2025-01-01';
