/**
 * Letterheads and title blocks are printed in capitals. The archive writes
 * titles in sentence case, keeping the capitals of the names in them:
 * provinces and local units, bodies, documents, indices and abbreviations.
 * "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH TỈNH TUYÊN QUANG NĂM 2014" → "Kế hoạch cải
 * cách hành chính tỉnh Tuyên Quang năm 2014".
 */
import { ABBREVIATIONS } from '../../data/abbreviations.ts';
import { DOCUMENT_TYPES, INDICES } from '../../data/taxonomy.ts';
import { NATIONAL_ISSUERS } from '../../data/legal-codes.ts';
import { PROVINCE_UNITS } from '../../lib/provinces.ts';
import { fold } from '../../lib/text/fold.ts';

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Vietnamese syllable: initial consonants, vowels, final consonants. Anything else in capitals is an abbreviation. */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** "UBND", "CNTT-TT", "KH&CN", "XX": a capitalised token that is no Vietnamese word. */
export function isAbbreviationToken(token: string): boolean {
  const word = token.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
  if (!/\p{Lu}/u.test(word) || word !== word.toUpperCase()) return false;
  return word.split(/[-&/]/).some((part) => part.length > 0 && !SYLLABLE.test(fold(part)));
}

/** Names whose capitals are known exactly: bodies, index labels, documents' proper names. */
function knownNames(): string[] {
  const bodies = Object.values(NATIONAL_ISSUERS);
  const departments = bodies.filter((b) => b.startsWith('Bộ ')).map((b) => `Sở ${b.slice(3)}`);
  const organs = ['Ủy ban nhân dân', 'Hội đồng nhân dân', 'Văn phòng Ủy ban nhân dân', 'Văn phòng UBND', 'Ban Chỉ đạo', 'Tỉnh ủy', 'Thành ủy', 'Huyện ủy', 'Chương trình tổng thể'];
  const indices = Object.values(INDICES).flatMap((i) => [i.label, i.label.replace(' ', '-')]);
  return [...bodies, ...departments, ...organs, ...indices, ...ABBREVIATIONS.flatMap((a) => a.short)].sort((a, b) => b.length - a.length);
}

let namesPattern: { pattern: RegExp; byFold: Map<string, string> } | undefined;
function names() {
  if (!namesPattern) {
    const list = knownNames();
    namesPattern = {
      pattern: new RegExp(`(?<![\\p{L}\\d])(${list.map(escape).join('|')})(?![\\p{L}\\d])`, 'giu'),
      byFold: new Map(list.map((n) => [fold(n), n])),
    };
  }
  return namesPattern;
}

/** Province names as the table writes them, longest first, without "Tỉnh"/"Thành phố". */
const PROVINCE_NAMES = [...new Set(PROVINCE_UNITS.map((u) => u.fullName.replace(/^(?:Tỉnh|Thành phố)\s+/u, '')))].sort((a, b) => b.length - a.length);
const PROVINCE_PATTERN = new RegExp(`(?<![\\p{L}])(${PROVINCE_NAMES.map(escape).join('|')})(?![\\p{L}])`, 'giu');
const PROVINCE_BY_FOLD = new Map(PROVINCE_NAMES.map((n) => [fold(n), n]));
/** Province names that are also common words ("hòa bình": peace) count only after "tỉnh". */
const AMBIGUOUS = new Set(['hoa binh', 'thai binh']);

/** Words after which a local unit's name follows: "huyện Quế Sơn", "xã Hưng Thịnh". */
const LOCAL = /(?<![\p{L}])(huyện|quận|thị xã|thị trấn|xã|phường|thành phố|tp\.?)\s+((?:[\p{L}]+\s*){1,3})/giu;
/** Words that end a local unit's name. */
const NAME_END = new Set(['nam', 'năm', 'giai', 'về', 'trên', 'của', 'và', 'đến', 'theo', 'tại', 'trong', 'cấp', 'các', 'sau', 'mới', 'nhằm', 'với', 'trực', 'thuộc', 'thực', 'hiện', 'đã', 'có', 'là', 'được', 'để', 'khi', 'từ', 'giai', 'đoạn', 'trung', 'ương', 'ban', 'hành', 'kế', 'hoạch', 'nhà', 'nước']);

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Types of document: capitalised when they name one ("thực hiện Nghị quyết", "Kế hoạch số 18"). */
const DOC_WORDS = [...Object.values(DOCUMENT_TYPES).map((t) => t.label).filter((l) => l !== 'Khác'), 'Nghị định', 'Thông tư', 'Luật', 'Kết luận', 'Hướng dẫn'];
const DOC_NAMED = new RegExp(`(?<=(?:ban hành|phê duyệt|thực hiện|triển khai|sửa đổi, bổ sung|theo)\\s+)(${DOC_WORDS.map(escape).join('|')})|(${DOC_WORDS.map(escape).join('|')})(?=\\s+(?:số\\s+)?\\d)`, 'giu');

function lowerWords(text: string): string {
  return text
    .split(/(\s+)/)
    .map((t) => (isAbbreviationToken(t) ? t : t.toLowerCase()))
    .join('');
}

function restoreLocalNames(text: string): string {
  return text.replace(LOCAL, (all, unit: string, rest: string) => {
    const words = rest.split(/(\s+)/);
    const kept: string[] = [];
    for (const w of words) {
      if (/\s/.test(w)) {
        kept.push(w);
        continue;
      }
      const bare = w.replace(/[^\p{L}]+$/u, '');
      if (!bare || NAME_END.has(bare.toLowerCase())) break;
      kept.push(capitalise(w));
      if (bare !== w) break;
    }
    const name = kept.join('').trimEnd();
    return name ? `${unit} ${name}${all.slice(unit.length + 1 + name.length)}` : all;
  });
}

/** A title printed in capitals, in sentence case with its names' capitals kept. */
export function sentenceCase(caps: string): string {
  let text = lowerWords(caps.normalize('NFC').replace(/\s+/g, ' ').trim());
  text = restoreLocalNames(text);
  text = text.replace(PROVINCE_PATTERN, (m, _n, offset: number, all: string) => {
    const key = fold(m);
    const after = /(?:tỉnh|tp\.?|thành phố)\s+$/iu.test(all.slice(Math.max(0, offset - 12), offset));
    return AMBIGUOUS.has(key) && !after ? m : PROVINCE_BY_FOLD.get(key) ?? m;
  });
  const { pattern, byFold } = names();
  text = text.replace(pattern, (m) => byFold.get(fold(m)) ?? m);
  text = text.replace(DOC_NAMED, (m) => capitalise(m.toLowerCase()));
  // "Chỉ số" is a name when an index's name follows it ("Chỉ số sẵn sàng cho phát triển…").
  const heads = Object.values(INDICES).map((i) => fold(i.name).split(' ').slice(2, 5).join(' '));
  text = text.replace(/chỉ số (?=\p{L})/gu, (m, offset: number, all: string) => {
    const after = fold(all.slice(offset + m.length));
    return heads.some((h) => after.startsWith(h)) ? 'Chỉ số ' : m;
  });
  return capitalise(text);
}

/**
 * The name of a body printed in capitals, as names are written:
 * "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ", "ỦY BAN NHÂN DÂN
 * TỈNH TUYÊN QUANG" → "Ủy ban nhân dân tỉnh Tuyên Quang".
 */
export function organCase(caps: string): string {
  const known = names().byFold.get(fold(caps.trim()));
  if (known) return known;
  const text = sentenceCase(caps);
  // A department or board not in the tables: each part of its field starts with a capital.
  const m = /^(Sở|Ban|Phòng|Văn phòng|Chi cục|Trung tâm)\s+(.+)$/u.exec(text);
  if (!m || /\b(?:tỉnh|huyện|xã|thành phố)\b/u.test(m[2].split(' ')[0])) return text;
  return `${m[1]} ${m[2].replace(/(^|\s(?:và|-)\s|,\s)(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())}`;
}
