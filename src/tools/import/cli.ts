/**
 * `npm run import -- FILE [--url URL] [--json]`: reads the source, extracts,
 * and either prints the JSON object or writes the draft and the report. The
 * script in scripts/import.ts only calls `runImport` and prints its errors.
 */
import { outro } from '@clack/prompts';
import { CliError, parseCliWithFiles } from '../cli.ts';
import { PLANS_DIR } from '../../lib/entries.ts';
import type { EntryData } from '../scaffold/answers.ts';
import type { PromptIO } from '../scaffold/interactive.ts';
import { duplicateMessage, existsMessage, badSlugMessage } from '../scaffold/messages.ts';
import { writeDraft, type DraftResult } from './draft.ts';
import { englishPlanSentence, looksEnglish } from './english.ts';
import { extract } from './extract.ts';
import { normalise } from './normalise.ts';
import { readBytes, readSource, type SourceText } from './input.ts';
import { toEntryData, toJson } from './output.ts';
import { reportText } from './report.ts';
import { reviewFields } from './review.ts';
import type { Extraction } from './types.ts';

export const HELP = `npm run import: tạo bản nháp kế hoạch từ văn bản nguồn.

Cách dùng:
  npm run import -- <tệp> [--url <địa chỉ>] [--json]

  <tệp>              văn bản thường (.txt), trang web đã lưu (.html), hoặc - để đọc từ đầu vào chuẩn
  --url <địa chỉ>    nơi văn bản được đăng (thành source.url; tên miền cho biết nơi công bố)
  --json             không ghi tệp nào; in một đối tượng JSON theo mẫu kế hoạch, chỉ gồm các trường văn bản có
  --dir <thư mục>    nơi ghi bản nháp (mặc định ${PLANS_DIR}, hoặc biến KHO_PLANS_DIR)
  --slug <tên-tệp>   đặt tên tệp thay cho tên tự đặt
  --force            vẫn ghi khi kho đã có kế hoạch cùng số ký hiệu và cơ quan ban hành (khác ngày)
  --help             in hướng dẫn này

Ví dụ: npm run import -- tmp/sources/ke-hoach-87.txt --url https://thuvienphapluat.vn/van-ban/...`;

const OPTIONS = {
  url: { type: 'string' },
  json: { type: 'boolean' },
  dir: { type: 'string' },
  slug: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ImportIO {
  stdout: (text: string) => void;
  stdin?: () => Buffer;
  /** Prompt streams, when a terminal is attached. */
  prompts?: PromptIO;
  interactive: boolean;
}

/** An http(s) URL, or a Vietnamese error naming the option. */
function checkUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return url;
  } catch {
    /* reported below */
  }
  throw new CliError(`--url: "${url}" không phải địa chỉ web. Ví dụ đúng: --url https://snv.kiengiang.gov.vn/trang/TinTuc/115/1605/ke-hoach.html`);
}

const ADMIN_WORDS = /cải cách hành chính|kế hoạch|quyết định|ủy ban nhân dân|uỷ ban nhân dân|\bUBND\b|ban hành|^\s*Số\s*:/imu;

/** Refuses text that is not a Vietnamese administrative text. */
function checkGenre(source: SourceText): void {
  const letters = source.text.match(/\p{L}/gu)?.length ?? 0;
  const marked = source.text.match(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu)?.length ?? 0;
  // An English item is read only for its "Plan No. N" sentence; without one it is refused like any other text.
  const englishPlan = looksEnglish(source.text) && englishPlanSentence(normalise(source.text))?.number;
  if (letters < 40 || (marked / letters < 0.04 && !englishPlan)) {
    throw new CliError(`"${source.name}" không phải văn bản tiếng Việt có dấu (bài tiếng Anh chỉ được đọc khi có câu "… issued Plan No. …" nêu số kế hoạch). Hãy dùng văn bản (hoặc bài viết) tiếng Việt về kế hoạch cải cách hành chính, ví dụ tệp .txt chép từ cổng thông tin.`);
  }
  if (!ADMIN_WORDS.test(source.text)) {
    throw new CliError(`"${source.name}" không giống văn bản hành chính: không thấy "Kế hoạch", "Quyết định", "UBND", "ban hành" hay "cải cách hành chính". Hãy kiểm tra đã lưu đúng trang của kế hoạch.`);
  }
}

/** The text, with the "# url: …" first line some saved sources carry taken as the URL. */
function splitHeader(source: SourceText, url: string | undefined): { text: string; url?: string } {
  const m = /^# url:\s*(\S+)\s*\n/u.exec(source.text);
  return m ? { text: source.text.slice(m[0].length), url: url ?? m[1] } : { text: source.text, url };
}

function refusal(result: Exclude<DraftResult, { ok: true }>): string {
  switch (result.reason) {
    case 'no-year':
      return 'không đặt được tên tệp: văn bản không ghi ngày ban hành hay giai đoạn, mà tên tệp bắt đầu bằng năm. Hãy chạy lệnh trong terminal để nhập năm, hoặc đặt tên bằng --slug, ví dụ --slug 2022-khanh-hoa-ubnd-kiem-tra-cchc. Chưa ghi tệp nào.';
    case 'bad-slug':
      return `${badSlugMessage(result.slug)}. Chưa ghi tệp nào.`;
    case 'exists':
      return `${existsMessage(result.file)} Chưa ghi tệp nào.`;
    case 'duplicate':
      return `${duplicateMessage(result.sameDocument)} Chưa ghi tệp nào.`;
  }
}

/** Why each required field the draft leaves out is missing, keyed as the draft names them. */
function reasons(e: Extraction): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of e.missing) {
    if (m.field === 'period') ['period.from', 'period.to'].forEach((k) => map.set(k, m.reason));
    else map.set(m.field, m.reason);
  }
  return map;
}

export async function runImport(argv: string[], io: ImportIO): Promise<number> {
  const { values, files } = parseCliWithFiles(argv, OPTIONS);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (files.length !== 1) {
    throw new CliError(files.length ? `chỉ nhận một tệp mỗi lần, nhưng có ${files.length}: ${files.join(', ')}` : 'thiếu tệp nguồn. Ví dụ: npm run import -- tmp/sources/ke-hoach.txt --url https://… (hoặc - để đọc từ đầu vào chuẩn). Xem: npm run import -- --help');
  }
  const url = values.url === undefined ? undefined : checkUrl(values.url as string);
  const name = files[0] === '-' ? 'đầu vào chuẩn' : files[0];
  const source = readSource(readBytes(files[0], io.stdin), name);
  checkGenre(source);
  const header = splitHeader(source, url);
  const e = extract({ text: header.text, url: header.url, pageTitle: source.pageTitle, byline: source.byline });
  if (values.json) {
    io.stdout(JSON.stringify(toJson(e), null, 2));
    return 0;
  }
  let data: EntryData | undefined = toEntryData(e);
  if (io.interactive) {
    data = await reviewFields(data, e, io.prompts);
    if (!data) {
      outro('Đã hủy, chưa ghi tệp nào.', io.prompts);
      return 1;
    }
  }
  const dir = (values.dir as string | undefined) ?? process.env.KHO_PLANS_DIR ?? PLANS_DIR;
  const result = writeDraft({ dir, data, extraction: e, reasons: reasons(e), slug: values.slug as string | undefined, force: values.force === true });
  // The script prints the refusal, once, at a terminal or not.
  if (!result.ok) throw new CliError(refusal(result));
  io.stdout(reportText(e, { file: result.file, source: name }));
  return 0;
}
