/**
 * The parts of CONTRIBUTING.md that restate the schema and the checks: the
 * field reference and the list of checks. They are generated between marker
 * comments by `npm run schema`, and a test fails when the committed file
 * differs from what the generator writes, so the guide cannot drift.
 */
import { USUAL_FIELDS } from '../../lib/schema-fields.ts';
import { CHECKS } from '../checks/index.ts';
import { exampleValues } from '../scaffold/answers.ts';
import { isListKind, scaffoldFields, type ScaffoldField } from '../scaffold/fields.ts';
import { shellQuote } from '../scaffold/messages.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function meaning(f: ScaffoldField): string {
  const parts = [f.meta.description];
  if (f.choices) parts.push(`Giá trị: ${f.choices.map((c) => `\`${c.value}\` (${c.label})`).join(', ')}.`);
  if (f.kind === 'record-list') parts.push(`Mỗi mục là số ký hiệu, hoặc nhóm ${f.parts!.map((p) => `\`${p.name}\``).join(', ')}.`);
  if (isListKind(f.kind)) parts.push('Danh sách, mỗi mục một dòng bắt đầu bằng "- ".');
  return parts.join(' ');
}

/** The field reference: one row per frontmatter field, in schema order. */
export function fieldReference(): string {
  const rows = scaffoldFields().map((f) => {
    const flags = [f.flag, ...f.aliases].map((n) => `\`--${n}\``).join(', ');
    return `| \`${f.key}\` | ${f.required ? '**có**' : 'không'} | ${cell(f.meta.title)} | ${cell(meaning(f))} | \`${cell(f.meta.example)}\` | ${flags} |`;
  });
  return ['| Trường | Bắt buộc | Tên | Ý nghĩa | Ví dụ | Tham số `npm run new` |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

const SEVERITY: Record<string, string> = { error: 'lỗi', warning: 'cảnh báo', 'error or warning': 'lỗi hoặc cảnh báo' };

/** The content checks of `npm run check`, in the order they run. */
export function checkReference(): string {
  const rows = CHECKS.map((c) => `| ${cell(c.title)} | \`${c.id}\` | ${SEVERITY[c.severity]} | ${c.fix ? 'có' : 'không'} | ${cell(c.help)} |`);
  return ['| Kiểm tra | Mã | Mức | Sửa tự động (`--fix`) | Ý nghĩa và cách sửa |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The command that fills every required field, from the schema's examples. */
export function newCommandExample(): string {
  const flags = scaffoldFields()
    .filter((f) => f.required || USUAL_FIELDS.has(f.key))
    .flatMap((f) => (isListKind(f.kind) ? exampleValues(f) : exampleValues(f).slice(0, 1)).map((v) => `  --${f.flag} ${shellQuote(v)}`));
  return ['```sh', `npm run new -- \\\n${flags.join(' \\\n')}`, '```'].join('\n');
}

export const SECTIONS: Record<string, () => string> = {
  fields: fieldReference,
  checks: checkReference,
  'new-command': newCommandExample,
};

const MARKER = /(<!-- generated:([a-z-]+)[^>]*-->)[\s\S]*?(<!-- \/generated:\2 -->)/g;

/** `markdown` with every generated section rewritten; unknown section names are an error. */
export function refreshSections(markdown: string): string {
  return markdown.replace(MARKER, (_, open: string, name: string, close: string) => {
    const render = SECTIONS[name];
    if (!render) throw new Error(`CONTRIBUTING.md names an unknown generated section "${name}"`);
    return `${open}\n${render()}\n${close}`;
  });
}
