/**
 * The open-data files' records: every frontmatter field of the plan schema,
 * plus what the build derives (slug, url, today's province, citation keys,
 * last update). /du-lieu/ke-hoach.schema.json, the CSV columns and the data
 * dictionary on /du-lieu/ are all generated from this one definition.
 */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../lib/text/slug.ts';
import { DATE_PATTERN, jsonSchemaOf } from './json-schema.ts';
import { planObject } from './plan.ts';

const about = (title: string, description: string) => ({ title, description });

export const exportRecordSchema = z.strictObject({
  slug: z
    .string()
    .regex(SLUG_PATTERN)
    .meta(about('Mã kế hoạch', 'Tên tệp nguồn bỏ phần mở rộng; cũng là địa chỉ trang /ke-hoach/<mã>/. Không đổi theo thời gian.')),
  url: z.url().meta(about('Địa chỉ trang', 'Địa chỉ đầy đủ của trang kế hoạch trong kho.')),
  ...planObject.shape,
  provinceNow: z
    .string()
    .optional()
    .meta(
      about(
        'Tỉnh hiện nay',
        'Tỉnh, thành phố hiện nay (sau sắp xếp năm 2025) của đơn vị ban hành, ví dụ "Đồng Tháp" cho một kế hoạch của tỉnh Tiền Giang cũ. Không có với cơ quan trung ương hoặc khi không rõ tỉnh.',
      ),
    ),
  legalBaseKeys: z
    .array(z.string())
    .meta(
      about(
        'Mã văn bản căn cứ',
        'Mã của từng văn bản trong legalBases, cùng thứ tự; trang các kế hoạch cùng viện dẫn văn bản đó là /van-ban/<mã>/.',
      ),
    ),
  updatedOn: z.iso
    .date()
    .meta(about('Cập nhật lần cuối', 'Ngày tệp nguồn được sửa lần cuối theo lịch sử git của kho (hoặc ngày của tệp khi chưa có lịch sử).')),
});

export const exportFileSchema = z.strictObject({
  title: z.string().meta(about('Tên bộ dữ liệu', 'Tên bộ dữ liệu.')),
  source: z.url().meta(about('Nguồn', 'Trang chủ của kho.')),
  licence: z
    .strictObject({ name: z.string(), url: z.url() })
    .meta(about('Giấy phép', 'Giấy phép sử dụng dữ liệu.')),
  updatedOn: z.iso.date().optional().meta(about('Cập nhật lần cuối', 'Ngày cập nhật gần nhất trong mọi kế hoạch.')),
  count: z.number().int().min(0).meta(about('Số kế hoạch', 'Số phần tử của plans.')),
  plans: z.array(exportRecordSchema).meta(about('Các kế hoạch', 'Mỗi kế hoạch một phần tử, mới nhất trước.')),
});

export type ExportRecord = z.output<typeof exportRecordSchema>;
export type ExportFile = z.output<typeof exportFileSchema>;

type Json = unknown;

/**
 * Data files always write dates as yyyy-mm-dd, although editors may type
 * 22/01/2020: the schema of the files says so with `format: date`.
 */
function isoDates(node: Json): Json {
  if (Array.isArray(node)) return node.map(isoDates);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node)) out[k] = isoDates(v);
  if (out.pattern === DATE_PATTERN) {
    delete out.pattern;
    out.format = 'date';
  }
  return out;
}

/** The JSON Schema of /du-lieu/ke-hoach.json, identified by its own URL. */
export function exportJsonSchema(schemaUrl: string): Record<string, unknown> {
  return {
    $id: schemaUrl,
    title: 'Kho kế hoạch CCHC: dữ liệu mở các kế hoạch (ke-hoach.json)',
    ...(isoDates(jsonSchemaOf(exportFileSchema)) as Record<string, unknown>),
  };
}

/** The schema of one record, for the data dictionary and the CSV columns. */
export function exportRecordJsonSchema(): Record<string, unknown> {
  return isoDates(jsonSchemaOf(exportRecordSchema)) as Record<string, unknown>;
}
