/**
 * What is generated from the schema and committed stays in step with it: the
 * JSON Schema and snippets in .vscode/, the field and check references in
 * CONTRIBUTING.md. And the editor settings point at what exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../src/schemas/json-schema.ts';
import { CHECKS } from '../../src/tools/checks/index.ts';
import { formatFindings } from '../../src/lib/entries.ts';
import { CONTRIBUTING_FILE, generatedStatus, SCHEMA_FILE, SNIPPETS_FILE } from '../../src/tools/generated/index.ts';
import { scaffoldFields } from '../../src/tools/scaffold/fields.ts';
import { planSlug } from '../../src/tools/scaffold/slug.ts';
import { readEntries, validateAll } from '../../src/lib/entries.ts';
import { ROOT, SHIPPED_PLANS } from '../helpers/paths.ts';
import { runScript } from './helpers/run.ts';

const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
/** VS Code's settings files are JSON with whole-line // comments. */
const jsonc = (path: string) => JSON.parse(read(path).replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;

describe('files generated from the schema', () => {
  it.each(generatedStatus(ROOT).map((f) => [f.path, f] as const))('%s is up to date (run npm run schema if not)', (_, f) => {
    expect(f.current).toBeDefined();
    expect(f.current).toBe(f.expected);
  });

  it('npm run schema -- --check agrees', async () => {
    const r = await runScript('schema', ['--check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('the JSON Schema file is the schema the build validates against', () => {
    expect(JSON.parse(read(SCHEMA_FILE))).toEqual(planJsonSchema());
  });

  it('CONTRIBUTING lists every field with its flag, and every check', () => {
    const text = read(CONTRIBUTING_FILE);
    for (const f of scaffoldFields()) expect(text).toMatch(new RegExp(`\\| \`${f.key.replace('.', '\\.')}\` \\|[^\\n]*\`--${f.flag}\``));
    for (const c of CHECKS) expect(text).toContain(`| \`${c.id}\` |`);
  });

  it('CONTRIBUTING states the slug rule with names of shipped plans that the rule really produces', () => {
    const line = /^Ví dụ trong kho:[^]*?(?=\n\n)/m.exec(read(CONTRIBUTING_FILE))?.[0] ?? '';
    const examples = [...line.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const entries = readEntries(SHIPPED_PLANS);
    const { plans } = validateAll(entries);
    for (const slug of examples) {
      const entry = entries.find((e) => e.slug === slug);
      expect(entry, slug).toBeDefined();
      expect(planSlug(plans.get(entry!.file)!)).toBe(slug);
    }
  });
});

describe('VS Code', () => {
  it('associates the generated JSON Schema with plan entries in the YAML extension', () => {
    const settings = jsonc('.vscode/settings.json');
    const schemas = settings['yaml.schemas'] as Record<string, string[]>;
    const [path, globs] = Object.entries(schemas)[0];
    expect(resolve(ROOT, path)).toBe(resolve(ROOT, SCHEMA_FILE));
    expect(existsSync(resolve(ROOT, path))).toBe(true);
    expect(globs).toContain('src/content/plans/*.mdx');
    expect(jsonc('.vscode/extensions.json').recommendations).toContain('redhat.vscode-yaml');
  });

  it('snippets offer every enum value as a choice, and the skeleton every required field', () => {
    const snippets = JSON.parse(read(SNIPPETS_FILE)) as Record<string, { prefix: string; body: string[] }>;
    const skeleton = snippets['Kế hoạch mới'].body.join('\n');
    const frontmatter = skeleton.split('---')[1].replace(/\$\{\d+\|([^|]*)\|\}/g, (_, c: string) => c.split(',')[0]).replace(/\$\{\d+:([^}]*)\}/g, '$1');
    // With the first choice and the placeholders filled in, the skeleton is valid YAML with the required keys.
    const data = parseYaml(frontmatter) as Record<string, unknown>;
    for (const f of scaffoldFields().filter((f) => f.required)) {
      expect(f.path.reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], data), f.key).toBeDefined();
    }
    for (const f of scaffoldFields().filter((f) => f.choices)) {
      expect(skeleton + JSON.stringify(snippets)).toContain(`|${f.choices!.map((c) => c.value).join(',')}|`);
    }
  });

  it('the check task turns every line of npm run check into a problem on the right line', () => {
    const tasks = jsonc('.vscode/tasks.json') as { tasks: Array<{ script?: string; problemMatcher: Array<{ severity: string; pattern: { regexp: string; file: number; line: number; message: number } }> }> };
    const matchers = tasks.tasks.find((t) => t.script === 'check')!.problemMatcher;
    const output = formatFindings([
      { file: 'src/content/plans/a.mdx', line: 12, severity: 'error', rule: 'x', message: 'summary: quá ngắn' },
      { file: 'src/content/plans/b.mdx', line: 3, severity: 'warning', rule: 'y', message: 'source.url: chưa có' },
    ]).split('\n');
    const parsed = output.map((line) => {
      const m = matchers.map((pm) => ({ pm, m: new RegExp(pm.pattern.regexp).exec(line) })).find((x) => x.m)!;
      return { file: m.m![m.pm.pattern.file], line: Number(m.m![m.pm.pattern.line]), severity: m.pm.severity, message: m.m![m.pm.pattern.message] };
    });
    expect(parsed).toEqual([
      { file: 'src/content/plans/a.mdx', line: 12, severity: 'error', message: 'summary: quá ngắn' },
      { file: 'src/content/plans/b.mdx', line: 3, severity: 'warning', message: 'source.url: chưa có' },
    ]);
  });

  it('.editorconfig keeps entries UTF-8 with LF line ends', () => {
    const text = read('.editorconfig');
    expect(text).toMatch(/^root = true$/m);
    expect(text).toMatch(/^charset = utf-8$/m);
    expect(text).toMatch(/^end_of_line = lf$/m);
  });
});
