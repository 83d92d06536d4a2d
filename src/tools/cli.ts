/**
 * Argument parsing for the editor commands (`npm run new`, `npm run check`).
 * Node's parseArgs reports mistakes in English with a stack trace; editors
 * get one Vietnamese sentence naming the option and the nearest real one.
 */
import { closest } from 'fastest-levenshtein';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export class CliError extends Error {}

/** parseArgs with strict options, no positionals and Vietnamese errors. */
export function parseCli(args: string[], options: CliOptions): Record<string, string | boolean | string[] | undefined> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | string[] | undefined>;
  } catch (err) {
    throw new CliError(explainParseError(err, options));
  }
}

/** parseCli for commands that also take file names: the options and the positional arguments. */
export function parseCliWithFiles(args: string[], options: CliOptions): { values: Record<string, string | boolean | string[] | undefined>; files: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, files: positionals };
  } catch (err) {
    throw new CliError(explainParseError(err, options));
  }
}

function explainParseError(err: unknown, options: CliOptions): string {
  const code = (err as { code?: string }).code;
  const message = String((err as Error).message ?? err);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = quoted.replace(/^-+/, '').split('=')[0];
      const near = closest(name, Object.keys(options));
      return `không có tham số "${quoted}"; có phải "--${near}"? Xem mọi tham số: --help`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = quoted.split(' ')[0];
      return options[name.replace(/^-+/, '')]?.type === 'boolean'
        ? `tham số "${name}" không nhận giá trị; chỉ cần ghi "${name}"`
        : `tham số "${name}" thiếu giá trị; ví dụ: ${name} "…" (giá trị có khoảng trắng đặt trong ngoặc kép)`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `giá trị "${quoted}" không thuộc tham số nào. Giá trị có khoảng trắng phải đặt trong ngoặc kép, ví dụ: --title "Kế hoạch cải cách hành chính năm 2020"`;
    default:
      return `không đọc được tham số: ${message}`;
  }
}

/**
 * A bad command line, or a request for help when the message is empty. The
 * benchmark and generator CLIs throw it from their argument parsers.
 */
export class UsageError extends Error {}

/**
 * Prints a usage error in Vietnamese with the command's usage text and returns
 * the exit status (2 for a mistake, 0 for --help); undefined when `error` is
 * not a usage error and should propagate.
 */
export function reportUsage(error: unknown, usage: string): number | undefined {
  if (!(error instanceof UsageError)) return undefined;
  if (error.message) process.stderr.write(`Lỗi: ${error.message}\n\n`);
  process.stderr.write(usage + '\n');
  return error.message ? 2 : 0;
}
