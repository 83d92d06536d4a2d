/**
 * A bad entry fails `astro build` with one Vietnamese line per problem, as
 * file:line, and no stack trace.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build.ts';
import { TEST_TMP } from '../helpers/paths.ts';

const dir = join(TEST_TMP, 'bad-plans');
let result: BuildResult;

const entry = (fields: string, body = '## Mục tiêu\n\nNội dung kiểm thử.\n') => `---\n${fields.trim()}\n---\n\n${body}`;
const base = `
title: "Kế hoạch kiểm thử"
documentType: ke-hoach
issuer:
  name: "Ủy ban nhân dân tỉnh Lạng Sơn"
  level: tinh
period:
  from: 2020
  to: 2020
reformAreas: [the-che]
summary: "Một kế hoạch kiểm thử đủ dài để hợp lệ về độ dài tóm tắt."
source:
  publisher: "Dữ liệu kiểm thử"`;

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'missing-title.mdx': entry(base.replace(/title: .*\n/, '')),
    'bad-enum.mdx': entry(base.replace('documentType: ke-hoach', 'documentType: ke-hoac')),
    'impossible-date.mdx': entry(`${base}\nissuedOn: "31/02/2020"`),
    'unquoted-impossible-date.mdx': entry(`${base}\nissuedOn: 2020-13-01`),
    'period-order.mdx': entry(base.replace('to: 2020', 'to: 2018')),
    'province-typo.mdx': entry(`${base}\nprovince: "Tien Giag"`),
    'province-merged.mdx': entry(`${base.replace(/2020/g, '2026')}\nprovince: "Tiền Giang"\nissuedOn: 2026-03-01`),
    'district-late.mdx': entry(
      `${base.replace('level: tinh', 'level: huyen').replace(/2020/g, '2025')}\nprovince: "Đà Nẵng"\nissuedOn: "15/07/2025"`,
    ),
    'Bad_Slug.mdx': entry(base),
    'dup-a.mdx': entry(`${base}\ndocumentNumber: "82/QĐ-UBND"\nissuedOn: "20/01/2020"`),
    'dup-b.mdx': entry(`${base}\ndocumentNumber: "82/QĐ-UBND"\nissuedOn: "20/01/2020"`),
    'long-summary.mdx': entry(base.replace(/summary: .*/, `summary: "${'Dài quá. '.repeat(50)}"`)),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  result = await buildSite({ plansDir: dir, outDir: join(TEST_TMP, 'bad-site') });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (file: string) => result.output.split('\n').find((l) => l.includes(file + ':')) ?? '';

describe('a build with bad entries', () => {
  it('fails', () => {
    expect(result.code).not.toBe(0);
  });

  it('prints no stack trace and no zod dump', () => {
    expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(result.output).not.toMatch(/ZodError|"code":\s*"/);
  });

  it.each([
    ['missing-title.mdx', /:1: lỗi: title: thiếu trường bắt buộc \(Trích yếu\)\. Ví dụ đúng: title: /],
    ['bad-enum.mdx', /:3: lỗi: documentType: giá trị "ke-hoac" không hợp lệ; có phải "ke-hoach"\?/],
    ['impossible-date.mdx', /:\d+: lỗi: issuedOn: ngày "31\/02\/2020" không có thật trên lịch/],
    ['unquoted-impossible-date.mdx', /:\d+: lỗi: issuedOn: ngày "2020-13-01" không có thật trên lịch/],
    ['period-order.mdx', /:\d+: lỗi: period\.to: năm kết thúc 2018 trước năm bắt đầu 2020/],
    ['province-typo.mdx', /lỗi: province: không có tỉnh nào tên "Tien Giag"; có phải "Tiền Giang"/],
    ['province-merged.mdx', /lỗi: province: Tiền Giang đã sáp nhập vào Đồng Tháp từ 12\/06\/2025/],
    ['district-late.mdx', /lỗi: issuer\.level: cấp huyện không còn từ 01\/07\/2025/],
    ['Bad_Slug.mdx', /:1: lỗi: tên tệp "Bad_Slug" phải viết thường không dấu.*Ví dụ đúng: bad-slug\.mdx/],
    ['dup-b.mdx', /lỗi: văn bản 82\/QĐ-UBND của Ủy ban nhân dân tỉnh Lạng Sơn ngày 20\/01\/2020 đã có trong .*dup-a\.mdx/],
    // The YAML value is trimmed: 50 × "Dài quá. " less the final space.
    ['long-summary.mdx', /lỗi: summary: dài 449 ký tự, vượt quá 400 ký tự cho phép/],
  ])('explains %s', (file, pattern) => {
    expect(line(file)).toMatch(pattern);
  });

  it('points at the line of the field', () => {
    // In bad-enum.mdx, documentType is the second frontmatter line, so file line 3.
    expect(line('bad-enum.mdx')).toContain('bad-enum.mdx:3:');
  });
});
