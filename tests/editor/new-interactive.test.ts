/**
 * npm run new as a conversation, driven through the input and output streams
 * @clack/prompts accepts: choices for enums, dd/mm/yyyy dates, province names
 * without diacritics, a re-asked answer with the schema's reason, the
 * duplicate question, and Ctrl+C.
 */
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntry, validateEntry } from '../../src/lib/entries.ts';
import { fieldByKey } from '../../src/tools/scaffold/fields.ts';
import { runInteractive } from '../../src/tools/scaffold/interactive.ts';
import { ROOT, SHIPPED_PLANS } from '../helpers/paths.ts';
import { KEY, PromptDriver } from './helpers/prompts.ts';
import { tempDir } from './helpers/run.ts';

/** Keys that move a select from the first option to `value`, then choose it. */
function choose(key: string, value: string): string[] {
  const index = fieldByKey(key)!.choices!.findIndex((c) => c.value === value);
  if (index < 0) throw new Error(`${value} is not a choice of ${key}`);
  return [...Array(index).fill(KEY.down), KEY.enter];
}

/** Keys that tick `values` in a multiselect, then confirm. */
function tick(key: string, values: string[]): string[] {
  const choices = fieldByKey(key)!.choices!.map((c) => c.value);
  const keys: string[] = [];
  choices.forEach((c, i) => {
    if (values.includes(c)) keys.push(KEY.space);
    if (i < choices.length - 1) keys.push(KEY.down);
  });
  return [...keys, KEY.enter];
}

/** Answers the first questions, up to and including the issue date. */
async function answerOpening(d: PromptDriver, date: string): Promise<void> {
  await d.answer('Trích yếu', 'Kế hoạch cải cách hành chính năm 2020', KEY.enter);
  await d.answer('Số ký hiệu', '82/QĐ-UBND', KEY.enter);
  await d.answer('Loại văn bản', ...choose('documentType', 'quyet-dinh'));
  await d.answer('Ngày ban hành', date, KEY.enter);
}

/** Answers from the summary to the end, skipping what is optional. */
async function answerClosing(d: PromptDriver, summary: string, publisher: string): Promise<void> {
  await d.answer('Tóm tắt', summary, KEY.enter);
  await d.answer('Địa chỉ nguồn', KEY.enter);
  await d.answer('Nơi công bố', publisher, KEY.enter);
  for (const optional of ['Tác giả bài viết', 'Ngày đăng', 'Ngày truy cập', 'Từ khóa']) await d.answer(optional, KEY.enter);
}

describe('npm run new, interactively', () => {
  it('asks every field, re-asks an impossible date with the reason, and writes an entry that validates', async () => {
    const dir = tempDir('interactive');
    const d = new PromptDriver();
    const done = runInteractive(dir, d.io);

    await answerOpening(d, '31/02/2020');
    await d.waitFor('không có thật trên lịch');
    // Ctrl+U clears the line, as in a terminal.
    d.input.write('\x15');
    d.input.write(`20/1/2020${KEY.enter}`);
    await d.answer('Tên cơ quan ban hành', 'UBND huyện Quế Sơn', KEY.enter);
    await d.answer('Cấp ban hành', ...choose('issuer.level', 'huyen'));
    await d.answer('Tỉnh', 'quang nam', KEY.enter);
    // Asked only because the issuer is district level.
    await d.answer('Huyện', 'Quế Sơn', KEY.enter);
    // The first year is offered from the issue date; Enter accepts it.
    await d.answer('Từ năm', KEY.enter);
    await d.answer('Đến năm', KEY.enter);
    await d.answer('Lĩnh vực cải cách', ...tick('reformAreas', ['chi-dao-dieu-hanh', 'cong-vu']));
    await d.answer('Chỉ số', ...tick('indices', ['par-index']));
    await d.answer('Căn cứ', '4353/QĐ-UBND; UBND tỉnh Quảng Nam; 31/12/2019', KEY.enter);
    await d.answer('Mục thứ 2', KEY.enter);
    await d.answer('Tóm tắt', 'Quyết định của UBND huyện Quế Sơn ban hành kế hoạch CCHC năm 2020, tập trung vào bộ máy và công vụ.', KEY.enter);
    await d.answer('Địa chỉ nguồn', 'https://queson.quangnam.gov.vn/', KEY.enter);
    await d.answer('Nơi công bố', 'Cổng thông tin điện tử huyện Quế Sơn', KEY.enter);
    await d.answer('Tác giả bài viết', KEY.enter);
    await d.answer('Ngày đăng', KEY.enter);
    await d.answer('Ngày truy cập', KEY.enter);
    await d.answer('Từ khóa', 'cấp huyện, kế hoạch năm', KEY.enter);
    const result = await done;

    const slug = '2020-quang-nam-que-son-82-qd-ubnd';
    expect(result).toMatchObject({ ok: true, slug });
    const file = join(dir, `${slug}.mdx`);
    const { plan, findings } = validateEntry(parseEntry(file, readFileSync(file, 'utf8')));
    expect(findings).toEqual([]);
    expect(plan).toMatchObject({
      documentType: 'quyet-dinh',
      issuedOn: '2020-01-20',
      issuer: { name: 'UBND huyện Quế Sơn', level: 'huyen' },
      province: 'Quảng Nam',
      district: 'Quế Sơn',
      period: { from: 2020, to: 2020 },
      reformAreas: ['chi-dao-dieu-hanh', 'cong-vu'],
      indices: ['par-index'],
      legalBases: [{ number: '4353/QĐ-UBND', issuer: 'UBND tỉnh Quảng Nam', issuedOn: '2019-12-31' }],
      tags: ['cấp huyện', 'kế hoạch năm'],
    });
    expect(d.screen).toContain(`Đã tạo ${relative(ROOT, file)}`);
    expect(d.screen).toContain('Bước tiếp theo');
  });

  it('checks each answer against those before it, and at the end re-asks what only the whole entry shows', async () => {
    const dir = tempDir('interactive-cross');
    const d = new PromptDriver();
    const done = runInteractive(dir, d.io);
    await answerOpening(d, '01/03/2026');
    await d.answer('Tên cơ quan ban hành', 'UBND tỉnh Đồng Tháp', KEY.enter);
    await d.answer('Cấp ban hành', ...choose('issuer.level', 'tinh'));
    // Tiền Giang no longer existed in March 2026; that needs the period too, so it shows at the end.
    await d.answer('Tỉnh', 'Tien Giang', KEY.enter);
    await d.answer('Từ năm', KEY.enter);
    // The period's order is known at once.
    await d.answer('Đến năm', '\x15', '2025', KEY.enter);
    await d.waitFor('năm kết thúc 2025 trước năm bắt đầu 2026');
    d.input.write('\x15');
    d.input.write(`2026${KEY.enter}`);
    await d.answer('Lĩnh vực cải cách', ...tick('reformAreas', ['the-che']));
    await d.answer('Chỉ số', KEY.enter);
    await d.answer('Căn cứ', KEY.enter);
    await answerClosing(d, 'Quyết định của UBND tỉnh Đồng Tháp ban hành kế hoạch cải cách hành chính năm 2026 của tỉnh.', 'Cổng thông tin điện tử tỉnh Đồng Tháp');
    await d.waitFor('Tiền Giang đã sáp nhập vào Đồng Tháp');
    await d.answer('Tỉnh', '\x15', 'Dong Thap', KEY.enter);
    const result = await done;
    expect(result).toMatchObject({ ok: true, slug: '2026-dong-thap-ubnd-82-qd-ubnd', plan: { province: 'Đồng Tháp', period: { from: 2026, to: 2026 } } });
  });

  it('asks before writing a second entry for the same number and issuer, and writes nothing when told no', async () => {
    const dir = tempDir('interactive-duplicate');
    cpSync(join(SHIPPED_PLANS, '2020-quang-nam-que-son-82-qd-ubnd.mdx'), join(dir, '2020-quang-nam-que-son-82-qd-ubnd.mdx'));
    const d = new PromptDriver();
    const done = runInteractive(dir, d.io);
    await answerOpening(d, '21/01/2020');
    await d.answer('Tên cơ quan ban hành', 'Ủy ban nhân dân huyện Quế Sơn', KEY.enter);
    await d.answer('Cấp ban hành', ...choose('issuer.level', 'huyen'));
    await d.answer('Tỉnh', 'Quang Nam', KEY.enter);
    await d.answer('Huyện', 'Quế Sơn', KEY.enter);
    await d.answer('Từ năm', KEY.enter);
    await d.answer('Đến năm', KEY.enter);
    await d.answer('Lĩnh vực cải cách', ...tick('reformAreas', ['the-che']));
    await d.answer('Chỉ số', KEY.enter);
    await d.answer('Căn cứ', KEY.enter);
    await answerClosing(d, 'Bản nhập thứ hai của quyết định 82 của UBND huyện Quế Sơn về kế hoạch cải cách hành chính.', 'Không rõ');
    await d.waitFor('đã có kế hoạch cùng số ký hiệu và cơ quan ban hành');
    // "No" is the default answer.
    await d.answer('Vẫn tạo tệp mới', KEY.enter);
    expect(await done).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['2020-quang-nam-que-son-82-qd-ubnd.mdx']);
    expect(d.screen).toContain('Chưa tạo tệp nào');
  });

  it('stops on Ctrl+C and writes nothing', async () => {
    const dir = tempDir('interactive-cancel');
    const d = new PromptDriver();
    const done = runInteractive(dir, d.io);
    await d.answer('Trích yếu', 'Kế hoạch', KEY.ctrlC);
    expect(await done).toBeUndefined();
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    expect(d.screen).toContain('Đã hủy, chưa tạo tệp nào.');
  });
});
