/**
 * What `npm run new` says, in Vietnamese: the help, what is missing or
 * invalid, the refusal to overwrite, the duplicate warning and the next steps.
 * Every line names the field by its flag and its Vietnamese title, says what
 * is wrong and shows a value that would be right.
 */
import { PLANS_DIR } from '../../lib/entries.ts';
import { exampleValues, type FieldProblem } from './answers.ts';
import type { CreateResult, SameDocument } from './create.ts';
import { isListKind, scaffoldFields, type ScaffoldField } from './fields.ts';

/** A value as it would be typed in a shell: quoted unless it is one plain word. */
export function shellQuote(value: string): string {
  return /^[\p{L}\p{N}_\-./:]+$/u.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** `--area the-che --area thu-tuc-hanh-chinh`, from the field's example. */
export function flagExample(field: ScaffoldField): string {
  const values = exampleValues(field);
  return (isListKind(field.kind) ? values : values.slice(0, 1)).map((v) => `--${field.flag} ${shellQuote(v)}`).join(' ');
}

function allowed(field: ScaffoldField): string {
  return field.choices ? ` Chọn một trong: ${field.choices.map((c) => c.value).join(', ')}.` : '';
}

export function missingMessage(fields: ScaffoldField[]): string {
  const lines = fields.map((f) => `  --${f.flag}  ${f.meta.title}: ${f.meta.description}${allowed(f)} Ví dụ: ${flagExample(f)}`);
  return `thiếu ${fields.length} thông tin bắt buộc:\n${lines.join('\n')}`;
}

export function problemMessage({ field, problem }: FieldProblem): string {
  if (!field) return `  ${problem.field}: ${problem.message}`;
  const end = /[.?!]$/.test(problem.message) ? '' : '.';
  return `  --${field.flag} (${field.meta.title}): ${problem.message}${end} Ví dụ đúng: ${flagExample(field)}`;
}

export function invalidMessage(problems: FieldProblem[]): string {
  return `${problems.length} thông tin chưa hợp lệ:\n${problems.map(problemMessage).join('\n')}`;
}

export function existsMessage(file: string): string {
  return `đã có tệp ${file}; lệnh này không bao giờ ghi đè. Nếu đó là văn bản khác, hãy đặt tên khác bằng --slug <tên-tệp>; nếu là cùng văn bản, hãy sửa trực tiếp tệp đó.`;
}

export function sameDocumentLines(same: SameDocument[]): string {
  return same.map((s) => `  ${s.file}:${s.line}${s.title ? `  "${s.title}"` : ''}`).join('\n');
}

/** `override` says how to go on anyway: a flag for the command line, a question in the prompts. */
export function duplicateMessage(same: SameDocument[], override = 'chạy lại với --force'): string {
  if (same.some((s) => s.sameDate)) {
    return `đã có kế hoạch cùng số ký hiệu, cơ quan ban hành và ngày ban hành:\n${sameDocumentLines(same.filter((s) => s.sameDate))}\nĐó là cùng một văn bản (bản build sẽ báo trùng), nên không tạo tệp mới kể cả với --force: hãy bổ sung vào tệp trên.`;
  }
  return `đã có kế hoạch cùng số ký hiệu và cơ quan ban hành:\n${sameDocumentLines(same)}\nMỗi văn bản chỉ có một tệp: hãy bổ sung vào tệp trên. Nếu chắc chắn đây là văn bản khác (ví dụ cùng số nhưng khác năm), ${override}.`;
}

export function badSlugMessage(slug: string): string {
  return `tên tệp "${slug}" không hợp lệ: chỉ dùng chữ thường không dấu, số và gạch ngang, ví dụ --slug 2020-tien-giang-skhcn-44-kh-skhcn`;
}

/** The one-line reason a CreateResult that is not ok gives. */
export function refusalMessage(result: Exclude<CreateResult, { ok: true }>): string {
  switch (result.reason) {
    case 'invalid':
      return invalidMessage(result.problems);
    case 'bad-slug':
      return badSlugMessage(result.slug);
    case 'exists':
      return existsMessage(result.file);
    case 'duplicate':
      return duplicateMessage(result.sameDocument);
  }
}

export function nextSteps(result: Extract<CreateResult, { ok: true }>): string {
  return [
    `Đã tạo ${result.file}`,
    '',
    'Bước tiếp theo:',
    `  1. Mở ${result.file}, viết tóm lược bằng lời của bạn dưới từng tiêu đề (Mục tiêu, Yêu cầu, …); xóa tiêu đề không dùng và các dòng chú thích {/* … */}.`,
    '  2. Kiểm tra: npm run check (sửa tự động lỗi Unicode, dấu thanh: npm run check -- --fix)',
    `  3. Xem trước: npm run dev, rồi mở http://localhost:4321/ke-hoach/${result.slug}/`,
    `  4. Tạo nhánh, commit tệp và mở pull request: git checkout -b them-${result.slug} && git add ${result.file} && git commit -m "Thêm ${result.slug}"`,
  ].join('\n');
}

export function helpText(): string {
  const fields = scaffoldFields();
  const line = (f: ScaffoldField) => {
    const names = [f.flag, ...f.aliases].map((n) => `--${n}`).join(', ');
    const repeat = isListKind(f.kind) ? ' (lặp lại được)' : '';
    return `  ${names}${repeat}\n      ${f.meta.title}: ${f.meta.description}${allowed(f)} Ví dụ: ${flagExample(f)}`;
  };
  return [
    'npm run new: tạo tệp kế hoạch mới.',
    '',
    'Chạy không kèm tham số trong cửa sổ dòng lệnh để được hỏi từng mục. Hoặc ghi mọi mục bằng tham số:',
    `  npm run new -- ${fields.filter((f) => f.required).map(flagExample).join(' ')}`,
    '',
    'Bắt buộc:',
    ...fields.filter((f) => f.required).map(line),
    '',
    'Không bắt buộc:',
    ...fields.filter((f) => !f.required).map(line),
    '',
    'Khác:',
    `  --dir <thư mục>   nơi tạo tệp (mặc định ${PLANS_DIR}, hoặc biến KHO_PLANS_DIR)`,
    '  --slug <tên-tệp>  đặt tên tệp thay cho tên tự đặt',
    '  --force           vẫn tạo khi đã có kế hoạch cùng số ký hiệu và cơ quan ban hành',
    '  --help            in hướng dẫn này',
  ].join('\n');
}
