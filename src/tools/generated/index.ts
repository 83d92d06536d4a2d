/**
 * Files generated from the schema and committed, so that editors without
 * Node (the GitHub web editor, VS Code) see them. `npm run schema` writes
 * them; `npm run schema -- --check` and the tests fail when one is stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { refreshSections } from './contributing.ts';
import { schemaFileText, snippetsFileText } from './vscode.ts';

export const SCHEMA_FILE = '.vscode/ke-hoach.schema.json';
export const SNIPPETS_FILE = '.vscode/ke-hoach.code-snippets';
export const CONTRIBUTING_FILE = 'CONTRIBUTING.md';

export interface GeneratedFile {
  path: string;
  /** The file's text as it should be, given its current text. */
  render(current: string | undefined): string;
}

export const GENERATED_FILES: GeneratedFile[] = [
  { path: SCHEMA_FILE, render: schemaFileText },
  { path: SNIPPETS_FILE, render: snippetsFileText },
  {
    path: CONTRIBUTING_FILE,
    render: (current) => {
      if (current === undefined) throw new Error(`${CONTRIBUTING_FILE} is written by hand around its generated sections; it must exist`);
      return refreshSections(current);
    },
  },
];

/** Each generated file with its current and expected text, relative to `root`. */
export function generatedStatus(root: string): Array<{ path: string; current?: string; expected: string }> {
  return GENERATED_FILES.map((f) => {
    const full = resolve(root, f.path);
    const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    return { path: f.path, current, expected: f.render(current) };
  });
}
