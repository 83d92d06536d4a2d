/**
 * Turns zod issues into one Vietnamese sentence per problem, for editors.
 *
 * Zod's own messages are English and name types, not fields. Editors need the
 * field, what is wrong, and a value that would be right, so each message is
 * built from the issue and the field's help in `fields.ts`.
 */
import type { z } from 'astro/zod';
import { closest } from 'fastest-levenshtein';
import { fold } from '../lib/text/fold.ts';
import { FIELD_META, fieldMetaFor } from './fields.ts';

export interface Problem {
  /** The zod path, e.g. ["legalBases", 2, "number"]. */
  path: PropertyKey[];
  /** Display form of the path: "legalBases[2].number". */
  field: string;
  /** What is wrong, in Vietnamese. */
  message: string;
  /** A valid value for the field, as YAML. */
  example?: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi chữ',
  number: 'số',
  int: 'số nguyên',
  array: 'danh sách',
  object: 'nhóm trường (key: value)',
  date: 'ngày',
  boolean: 'đúng/sai',
};

export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

function typeOfInput(input: unknown): string {
  if (input === null) return 'rỗng';
  if (Array.isArray(input)) return TYPE_NAMES.array;
  if (input instanceof Date) return TYPE_NAMES.date;
  return TYPE_NAMES[typeof input] ?? typeof input;
}

/** The allowed value nearest to what the editor wrote, ignoring diacritics and case. */
export function suggest(input: unknown, allowed: readonly string[]): string | undefined {
  if (typeof input !== 'string' || allowed.length === 0) return undefined;
  const byFold = new Map(allowed.map((v) => [fold(v).replace(/[^a-z0-9]+/g, '-'), v]));
  return byFold.get(closest(fold(input).replace(/[^a-z0-9]+/g, '-'), [...byFold.keys()]));
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function describe(issue: z.core.$ZodIssue & { input?: unknown }): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        const meta = fieldMetaFor(issue.path);
        return `thiếu trường bắt buộc${meta ? ` (${meta.title})` : ''}`;
      }
      return `phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}, nhưng đang là ${typeOfInput(issue.input)} ${quote(issue.input)}`;
    case 'invalid_value': {
      if (issue.input === undefined) return describe({ ...issue, code: 'invalid_type', expected: 'string' } as never);
      const allowed = issue.values.map(String);
      const near = suggest(issue.input, allowed);
      return (
        `giá trị ${quote(issue.input)} không hợp lệ` +
        (near ? `; có phải "${near}"?` : '.') +
        ` Các giá trị được phép: ${allowed.join(', ')}`
      );
    }
    case 'too_big':
      if (issue.origin === 'string' && typeof issue.input === 'string') {
        return `dài ${[...issue.input].length} ký tự, vượt quá ${issue.maximum} ký tự cho phép`;
      }
      return `không được lớn hơn ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string') return 'không được để trống';
      if (issue.origin === 'array') return `cần ít nhất ${issue.minimum} giá trị`;
      return `không được nhỏ hơn ${issue.minimum}`;
    case 'unrecognized_keys': {
      const known = Object.keys(FIELD_META).map((k) => k.split('.').pop()!);
      return issue.keys
        .map((k) => {
          const near = suggest(k, known);
          return `trường "${k}" không có trong mẫu nhập liệu${near ? `; có phải "${near}"?` : ''}`;
        })
        .join('; ');
    }
    case 'invalid_format':
      if (issue.format === 'url') return `${quote(issue.input)} không phải địa chỉ http(s) hợp lệ`;
      return `${quote(issue.input)} không đúng định dạng`;
    case 'invalid_union':
      return `giá trị ${quote(issue.input)} không đúng dạng nào được phép`;
    case 'custom':
      return issue.message;
    default:
      return `giá trị ${quote(issue.input)} không hợp lệ`;
  }
}

/** One problem per zod issue (unknown keys split into one per key). */
export function describeIssues(issues: ReadonlyArray<z.core.$ZodIssue>): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [k]) : [undefined];
    for (const key of keys) {
      const one = key ? { ...issue, keys: key } : issue;
      const path = key ? [...issue.path, key[0]] : [...issue.path];
      const meta = key ? undefined : fieldMetaFor(issue.path);
      problems.push({
        path,
        field: fieldName(path),
        message: describe(one as z.core.$ZodIssue),
        example: meta?.example,
      });
    }
  }
  return problems;
}

/** "issuedOn: ngày … không có thật. Ví dụ đúng: issuedOn: "22/01/2020"" */
export function formatProblem(p: Problem): string {
  const leaf = p.path.filter((x) => typeof x === 'string').pop();
  const example = p.example ? ` Ví dụ đúng: ${String(leaf)}: ${p.example}` : '';
  const end = /[.?!]$/.test(p.message) ? '' : '.';
  return `${p.field}: ${p.message}${end}${example}`;
}
