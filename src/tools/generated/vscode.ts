/**
 * Editor help generated from the schema: the JSON Schema file that YAML
 * tooling reads, and VS Code snippets that complete a plan's frontmatter
 * (field names, enum values as choices) inside .mdx files, where no YAML
 * extension looks.
 */
import { USUAL_FIELDS } from '../../lib/schema-fields.ts';
import { planJsonSchema } from '../../schemas/json-schema.ts';
import { exampleValues } from '../scaffold/answers.ts';
import { BODY_SECTIONS } from '../scaffold/render.ts';
import { isListKind, scaffoldFields, type ScaffoldField } from '../scaffold/fields.ts';

export function schemaFileText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}

/** Snippet text is a template: "$", "}" and "\" in placeholders must be escaped. */
const escape = (text: string) => text.replace(/[$}\\]/g, '\\$&');

/** The YAML lines of one field, with tab stops numbered from `stop`. */
function fieldLines(f: ScaffoldField, stop: number): { lines: string[]; stops: number } {
  const indent = '  '.repeat(f.path.length - 1);
  const key = f.path.at(-1)!;
  const example = exampleValues(f)[0] ?? '';
  const choice = (n: number) => `\${${n}|${f.choices!.map((c) => c.value).join(',')}|}`;
  switch (f.kind) {
    case 'enum':
      return { lines: [`${indent}${key}: "${choice(stop)}"`], stops: 1 };
    case 'enum-list':
      return { lines: [`${indent}${key}:`, `${indent}  - "${choice(stop)}"`], stops: 1 };
    case 'integer':
      return { lines: [`${indent}${key}: \${${stop}:${escape(example)}}`], stops: 1 };
    default:
      return isListKind(f.kind)
        ? { lines: [`${indent}${key}:`, `${indent}  - "\${${stop}:${escape(example)}}"`], stops: 1 }
        : { lines: [`${indent}${key}: "\${${stop}:${escape(example)}}"`], stops: 1 };
  }
}

/** Parent keys ("issuer:", "source:") before the first field under them. */
function withParents(fields: ScaffoldField[]): string[] {
  const lines: string[] = [];
  const open = new Set<string>();
  let stop = 1;
  for (const f of fields) {
    for (let depth = 1; depth < f.path.length; depth++) {
      const parent = f.path.slice(0, depth).join('.');
      if (open.has(parent)) continue;
      open.add(parent);
      lines.push(`${'  '.repeat(depth - 1)}${f.path[depth - 1]}:`);
    }
    const r = fieldLines(f, stop);
    lines.push(...r.lines);
    stop += r.stops;
  }
  return lines;
}


export function snippets(): Record<string, { scope: string; prefix: string; description: string; body: string[] }> {
  const scope = 'mdx,markdown';
  const fields = scaffoldFields();
  const skeleton = withParents(fields.filter((f) => f.required || USUAL_FIELDS.has(f.key)));
  const out: ReturnType<typeof snippets> = {
    'Kế hoạch mới': {
      scope,
      prefix: 'ke-hoach',
      description: 'Khung một tệp kế hoạch: các trường bắt buộc và thường có, rồi các tiêu đề nội dung.',
      body: ['---', ...skeleton, '---', '', ...BODY_SECTIONS.flatMap(([heading]) => [`## ${heading}`, '', ''])],
    },
  };
  for (const f of fields) {
    const lines = fieldLines(f, 1).lines.map((l) => l.trimStart());
    out[`${f.meta.title} (${f.key})`] = {
      scope,
      prefix: f.path.at(-1)!,
      description: `${f.meta.title}: ${f.meta.description}`,
      body: lines.map((l, i) => (i === 0 ? l : `  ${l}`)),
    };
  }
  return out;
}

export function snippetsFileText(): string {
  return `${JSON.stringify(snippets(), null, 2)}\n`;
}
