/**
 * The Vietnamese report of `npm run import`: each value found with the line it
 * came from, what was left out and why, and what the editor must still write.
 */
import { formatDate } from '../../lib/dates.ts';
import { fieldByKey } from '../scaffold/fields.ts';
import type { Extraction, FieldName, Found } from './types.ts';

const LABELS: Record<FieldName, string> = {
  title: 'Trích yếu',
  documentNumber: 'Số ký hiệu',
  documentType: 'Loại văn bản',
  issuedOn: 'Ngày ban hành',
  'issuer.name': 'Cơ quan ban hành',
  'issuer.level': 'Cấp ban hành',
  province: 'Tỉnh',
  district: 'Huyện',
  period: 'Giai đoạn',
  reformAreas: 'Lĩnh vực cải cách',
  indices: 'Chỉ số',
  legalBases: 'Căn cứ',
  'source.publisher': 'Nơi công bố',
  'source.author': 'Tác giả bài viết',
  'source.publishedOn': 'Ngày đăng',
};

const cut = (text: string, max = 110) => ([...text].length > max ? `${[...text].slice(0, max).join('')}…` : text);

function where(f: Found<unknown>): string {
  if (f.line === 0) return f.from === 'toàn văn' ? 'cả văn bản' : `địa chỉ ${f.from}`;
  return `dòng ${f.line}: "${cut(f.from)}"`;
}

function shown(key: FieldName, value: unknown): string {
  if (key === 'issuedOn' || key === 'source.publishedOn') return formatDate(value as string);
  if (key === 'period') {
    const p = value as { from: number; to: number };
    return p.from === p.to ? `năm ${p.from}` : `${p.from}–${p.to}`;
  }
  if (key === 'documentType' || key === 'issuer.level') {
    const field = fieldByKey(key === 'documentType' ? 'documentType' : 'issuer.level');
    return `${value} (${field?.choices?.find((c) => c.value === value)?.label ?? value})`;
  }
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function fieldLines(e: Extraction): string[] {
  const entries: Array<[FieldName, Found<unknown> | undefined]> = [
    ['title', e.title],
    ['documentNumber', e.documentNumber],
    ['documentType', e.documentType],
    ['issuedOn', e.issuedOn],
    ['issuer.name', e.issuerName],
    ['issuer.level', e.issuerLevel],
    ['province', e.province],
    ['district', e.district],
    ['period', e.period],
    ['reformAreas', e.reformAreas],
    ['indices', e.indices],
    ['source.publisher', e.source.publisher],
    ['source.author', e.source.author],
    ['source.publishedOn', e.source.publishedOn],
  ];
  const out: string[] = [];
  for (const [key, f] of entries) {
    if (!f) continue;
    const flag = f.uncertain ? ' [cần xem lại]' : '';
    out.push(`  ${LABELS[key]}: ${shown(key, f.value)}${flag}`, `      ← ${where(f)}${f.note ? ` (${f.note})` : ''}`);
  }
  for (const b of e.legalBases) {
    const extra = [b.value.issuer && `của ${b.value.issuer}`, b.value.issuedOn && `ngày ${formatDate(b.value.issuedOn)}`].filter(Boolean).join(', ');
    out.push(`  Căn cứ: ${b.value.number}${extra ? ` (${extra})` : ''}`, `      ← ${where(b)}`);
  }
  return out;
}

export function reportText(e: Extraction, outcome: { file?: string; source: string }): string {
  const lines: string[] = [outcome.file ? `Đã tạo bản nháp ${outcome.file} từ ${outcome.source}.` : `Đọc ${outcome.source}:`, '', 'Thông tin tìm thấy (giá trị ← dòng nguồn):', ...fieldLines(e)];
  if (e.replaces.length) {
    lines.push('', 'Văn bản được thay thế (không phải căn cứ, không đưa vào legalBases):');
    for (const r of e.replaces) lines.push(`  ${r.value}  ← ${where(r)}`);
  }
  if (e.missing.length) {
    lines.push('', 'Không tìm thấy, nên để trống (không đoán):');
    for (const m of e.missing) lines.push(`  ${LABELS[m.field]}: ${m.reason}.`);
  }
  if (e.headline && !e.title) lines.push('', `Tiêu đề bài viết: "${e.headline.value}" (không phải trích yếu của văn bản).`);
  lines.push(
    '',
    'Bạn còn phải tự viết (các chỗ đánh dấu [CẦN VIẾT] trong tệp):',
    '  - summary: 1 đến 3 câu tóm tắt bằng lời của bạn.',
    '  - Phần nội dung: tóm lược dưới từng tiêu đề, bằng lời của bạn, không chép nguyên văn; số liệu, ngày, tên phải chính xác.',
  );
  for (const m of e.missing.filter((x) => ['title', 'documentType', 'issuer.name', 'issuer.level', 'period', 'reformAreas'].includes(x.field))) {
    lines.push(`  - ${LABELS[m.field]}: bắt buộc, hãy điền theo văn bản.`);
  }
  lines.push('  - Xem lại các giá trị [cần xem lại] ở trên.');
  if (outcome.file) {
    lines.push('', 'Bước tiếp theo:', `  1. Mở ${outcome.file}, viết các chỗ [CẦN VIẾT] rồi xóa dấu đó.`, '  2. npm run check: lệnh nêu từng chỗ còn thiếu cho tới khi viết xong.', '  3. npm run dev để xem trước, rồi tạo nhánh, commit tệp và mở pull request.');
  }
  return lines.join('\n');
}
