/**
 * `npm run new` as a conversation: one prompt per schema field, in schema
 * order, built from fields.ts. Each answer is checked against the plan schema
 * as soon as it is given, and the prompt asks again with the schema's own
 * reason. Rules across fields (a province on a date, the period's order) are
 * checked at the end, and only the fields concerned are asked again.
 *
 * Input and output streams can be passed in, which is how the tests drive it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { confirm, intro, isCancel, log, multiselect, outro, select, text } from '@clack/prompts';
import { isSlug } from '../../lib/text/slug.ts';
import { getPath, normalizeAnswer, setPath, validateData, type EntryData } from './answers.ts';
import { createEntry, type CreateResult } from './create.ts';
import { scaffoldFields, type ScaffoldField } from './fields.ts';
import { duplicateMessage, existsMessage, nextSteps, refusalMessage } from './messages.ts';

export interface PromptIO {
  input?: Readable;
  output?: Writable;
}

export class Cancelled extends Error {}

export function orCancel<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value)) throw new Cancelled();
  return value as Exclude<T, symbol>;
}

/** What the prompt shows: the field's Vietnamese title, whether it may be skipped, and its help. */
function promptMessage(field: ScaffoldField): string {
  const optional = field.required ? '' : ' (không bắt buộc, Enter để bỏ qua)';
  return `${field.meta.title}${optional}\n${field.meta.description}`;
}

/** Only a district-level issuer has a district (docs/interfaces.md §1). */
function applies(field: ScaffoldField, data: EntryData): boolean {
  return field.key !== 'district' || getPath(data, ['issuer', 'level']) === 'huyen';
}

/** A starting value that saves typing: the plan's first year is usually the year it was issued. */
function suggested(field: ScaffoldField, data: EntryData): string | undefined {
  if (field.key === 'period.from') {
    const date = getPath(data, ['issuedOn']);
    return typeof date === 'string' ? date.slice(-4) : undefined;
  }
  if (field.key === 'period.to') {
    const from = getPath(data, ['period', 'from']);
    return typeof from === 'number' ? String(from) : undefined;
  }
  return undefined;
}

/** The schema's reason why `value` does not fit `field`, given the answers so far. */
function reasonAgainst(field: ScaffoldField, data: EntryData, value: unknown): string | undefined {
  const next = structuredClone(data);
  setPath(next, field.path, value);
  const own = validateData(next).problems.find((p) => p.field?.key === field.key);
  return own && `${own.problem.message}${own.problem.example ? `. Ví dụ: ${own.problem.example}` : ''}`;
}

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : String(value);
}

export async function askField(field: ScaffoldField, data: EntryData, io: PromptIO): Promise<unknown> {
  const message = promptMessage(field);
  const current = getPath(data, field.path);
  switch (field.kind) {
    case 'enum': {
      const value = orCancel(
        await select({
          ...io,
          message,
          options: field.choices!.map((c) => ({ value: c.value, label: c.label, hint: c.value })),
          initialValue: shown(current),
        }),
      );
      return value;
    }
    case 'enum-list': {
      const values = orCancel(
        await multiselect({
          ...io,
          message: `${message}\n(Phím cách để chọn, Enter để xong)`,
          options: field.choices!.map((c) => ({ value: c.value, label: c.label, hint: c.value })),
          initialValues: Array.isArray(current) ? (current as string[]) : [],
          required: field.required,
        }),
      );
      return values.length ? values : undefined;
    }
    case 'record-list': {
      // One prompt per item; an empty answer ends the list.
      const items: string[] = [];
      const parts = field.parts!.map((p) => p.name).join('; ');
      for (;;) {
        const raw = orCancel(
          await text({
            ...io,
            message: `${message}\nMục thứ ${items.length + 1}: số ký hiệu, hoặc "${parts}" cách nhau bằng dấu chấm phẩy. Enter để kết thúc.`,
            placeholder: field.meta.example,
            validate: (v) => (v?.trim() ? reasonAgainst(field, data, normalizeAnswer(field, [...items, v])) : undefined),
          }),
        );
        if (!raw?.trim()) break;
        items.push(raw);
      }
      return normalizeAnswer(field, items);
    }
    default: {
      const splitCommas = field.kind === 'text-list';
      const initial = Array.isArray(current) ? current.join(', ') : shown(current) ?? suggested(field, data);
      const raw = orCancel(
        await text({
          ...io,
          message: splitCommas ? `${message}\n(Nhiều giá trị cách nhau bằng dấu phẩy)` : message,
          placeholder: field.meta.example.replace(/^"|"$/g, ''),
          initialValue: initial,
          validate: (v) => reasonAgainst(field, data, normalizeAnswer(field, v ?? '', { splitCommas })),
        }),
      );
      return normalizeAnswer(field, raw ?? '', { splitCommas });
    }
  }
}

/** Asks every field, then re-asks the fields that rules across fields reject. */
export async function askEntry(io: PromptIO = {}): Promise<EntryData | undefined> {
  const data: EntryData = {};
  try {
    for (const field of scaffoldFields()) {
      if (!applies(field, data)) continue;
      setPath(data, field.path, await askField(field, data, io));
    }
    for (let round = 0; round < 5; round++) {
      const { problems } = validateData(data);
      if (problems.length === 0) return data;
      const fields = [...new Map(problems.flatMap((p) => (p.field ? [[p.field.key, p.field] as const] : []))).values()];
      for (const p of problems) log.warn(`${p.field?.meta.title ?? p.problem.field}: ${p.problem.message}`, io);
      for (const field of fields) setPath(data, field.path, await askField(field, data, io));
    }
    log.error('Vẫn còn thông tin chưa hợp lệ; chưa tạo tệp nào.', io);
    return undefined;
  } catch (err) {
    if (err instanceof Cancelled) return undefined;
    throw err;
  }
}

/** The whole interactive command: ask, then write, asking before a duplicate or for a new name. */
export async function runInteractive(dir: string, io: PromptIO = {}): Promise<CreateResult | undefined> {
  intro('Thêm kế hoạch mới vào Kho kế hoạch CCHC', io);
  log.info('Trả lời từng câu hỏi. Ngày ghi dd/mm/yyyy; tên tỉnh gõ có dấu hay không dấu đều được. Ctrl+C để hủy.', io);
  const data = await askEntry(io);
  if (!data) {
    outro('Đã hủy, chưa tạo tệp nào.', io);
    return undefined;
  }
  let slug: string | undefined;
  let force = false;
  try {
    for (;;) {
      const result = createEntry({ dir, data, slug, force });
      if (result.ok) {
        outro(nextSteps(result), io);
        return result;
      }
      if (result.reason === 'duplicate' && !result.sameDocument.some((s) => s.sameDate)) {
        log.warn(duplicateMessage(result.sameDocument, 'hãy trả lời "Có" ở câu hỏi sau'), io);
        force = orCancel(await confirm({ ...io, message: 'Vẫn tạo tệp mới cho văn bản này?', initialValue: false }));
        if (!force) break;
      } else if (result.reason === 'exists' || result.reason === 'bad-slug') {
        log.warn(result.reason === 'exists' ? existsMessage(result.file) : refusalMessage(result), io);
        slug = orCancel(
          await text({
            ...io,
            message: 'Tên tệp khác (chữ thường không dấu, số, gạch ngang)',
            placeholder: `${result.slug}-2`,
            validate: (v) =>
              !v || !isSlug(v) ? 'chỉ dùng a-z, 0-9 và gạch ngang, ví dụ 2020-tien-giang-skhcn-44-kh-skhcn' : existsSync(join(dir, `${v}.mdx`)) ? `đã có tệp ${v}.mdx` : undefined,
          }),
        );
      } else {
        log.error(refusalMessage(result), io);
        break;
      }
    }
  } catch (err) {
    if (!(err instanceof Cancelled)) throw err;
  }
  outro('Chưa tạo tệp nào.', io);
  return undefined;
}
