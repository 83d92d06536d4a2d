/**
 * npm run new: scaffolds a plan entry.
 *
 *   npm run new                       asks field by field (in a terminal)
 *   npm run new -- --title "…" …      every field as a flag; see --help
 *
 * The prompts, the flags and the help are derived from the plan schema
 * (src/tools/scaffold/fields.ts); this file only chooses the mode and prints.
 */
import { CliError, parseCli } from '../src/tools/cli.ts';
import { PLANS_DIR } from '../src/lib/entries.ts';
import { checkAnswers } from '../src/tools/scaffold/answers.ts';
import { createEntry } from '../src/tools/scaffold/create.ts';
import { dataFromFlags, flagOptions, hasFieldFlags } from '../src/tools/scaffold/flags.ts';
import { runInteractive } from '../src/tools/scaffold/interactive.ts';
import { helpText, invalidMessage, missingMessage, nextSteps, refusalMessage } from '../src/tools/scaffold/messages.ts';
import { scaffoldFields } from '../src/tools/scaffold/fields.ts';

async function main(argv: string[]): Promise<number> {
  const values = parseCli(argv, flagOptions());
  if (values.help) {
    console.log(helpText());
    return 0;
  }
  const dir = (values.dir as string | undefined) ?? process.env.KHO_PLANS_DIR ?? PLANS_DIR;

  if (!hasFieldFlags(values)) {
    if (!process.stdin.isTTY) {
      const required = scaffoldFields().filter((f) => f.required);
      throw new CliError(
        `không có cửa sổ dòng lệnh để hỏi từng mục. Hãy chạy "npm run new" trong terminal, hoặc ghi mọi mục bằng tham số.\n${missingMessage(required)}\nXem mọi tham số: npm run new -- --help`,
      );
    }
    const result = await runInteractive(dir);
    return result ? 0 : 1;
  }

  const { missing, problems } = checkAnswers(dataFromFlags(values));
  if (missing.length || problems.length) {
    throw new CliError([missing.length ? missingMessage(missing) : '', problems.length ? invalidMessage(problems) : '', 'Chưa tạo tệp nào. Xem mọi tham số: npm run new -- --help'].filter(Boolean).join('\n'));
  }
  const result = createEntry({ dir, data: dataFromFlags(values), force: values.force === true, slug: values.slug as string | undefined });
  if (!result.ok) throw new CliError(refusalMessage(result));
  if (result.sameDocument.length) console.warn(`Cảnh báo (--force): vẫn tạo dù đã có kế hoạch cùng số ký hiệu và cơ quan ban hành:\n${result.sameDocument.map((s) => `  ${s.file}:${s.line}`).join('\n')}\n`);
  console.log(nextSteps(result));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    // Editors get sentences, never a stack trace.
    console.error(`npm run new: ${err instanceof CliError ? err.message : `lỗi không mong muốn: ${(err as Error)?.message ?? err}`}`);
    process.exitCode = 1;
  },
);
