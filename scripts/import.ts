/**
 * npm run import -- FILE [--url URL] [--json]
 *
 * Turns a plan's text, a saved page or a news item into a checked draft entry
 * (or, with --json, one JSON object in the entry's shape). The logic is in
 * src/tools/import/; this file only wires the terminal.
 */
import { CliError } from '../src/tools/cli.ts';
import { runImport } from '../src/tools/import/cli.ts';

runImport(process.argv.slice(2), {
  stdout: (text) => console.log(text),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
}).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    // Editors get sentences, never a stack trace.
    console.error(`npm run import: ${err instanceof CliError ? err.message : `lỗi không mong muốn: ${(err as Error)?.message ?? err}`}`);
    process.exitCode = 1;
  },
);
