/**
 * `npm run new` with flags: every field of the schema is a flag (see
 * fields.ts for the names), plus --dir, --slug, --force and --help.
 */
import type { CliOptions } from '../cli.ts';
import { normalizeAnswer, setPath, type EntryData } from './answers.ts';
import { isListKind, scaffoldFields } from './fields.ts';

/** Options of the command that are not fields. */
export const COMMAND_OPTIONS = {
  dir: { type: 'string' },
  slug: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies CliOptions;

/** parseArgs options: one per field flag and alias, lists repeatable. */
export function flagOptions(): CliOptions {
  const options: CliOptions = { ...COMMAND_OPTIONS };
  for (const f of scaffoldFields()) {
    for (const name of [f.flag, ...f.aliases]) options[name] = { type: 'string', multiple: isListKind(f.kind) };
  }
  return options;
}

/** True when any field flag was given, i.e. the editor chose the flags over the prompts. */
export function hasFieldFlags(values: Record<string, unknown>): boolean {
  return scaffoldFields().some((f) => [f.flag, ...f.aliases].some((n) => values[n] !== undefined));
}

/** Frontmatter data from parsed flag values (a flag and its alias add up). */
export function dataFromFlags(values: Record<string, unknown>): EntryData {
  const data: EntryData = {};
  for (const f of scaffoldFields()) {
    const given = [f.flag, ...f.aliases].flatMap((n) => {
      const v = values[n];
      return v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
    });
    if (given.length === 0) continue;
    setPath(data, f.path, normalizeAnswer(f, isListKind(f.kind) ? given : given.at(-1)));
  }
  return data;
}
