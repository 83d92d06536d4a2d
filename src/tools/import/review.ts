/**
 * With a terminal attached, `npm run import` offers each uncertain or missing
 * fact for confirmation or correction, with the very prompts of `npm run new`
 * (same fields, same validation, same wording), prefilled with what it read.
 */
import { intro, log } from '@clack/prompts';
import { getPath, setPath, type EntryData } from '../scaffold/answers.ts';
import { askField, Cancelled, type PromptIO } from '../scaffold/interactive.ts';
import { fieldByKey } from '../scaffold/fields.ts';
import type { Extraction, FieldName, Found } from './types.ts';

/** The fields offered for review, with what the extraction knows of each. */
function reviewed(e: Extraction): Array<[key: string, found: Found<unknown> | undefined, missing: FieldName]> {
  return [
    ['title', e.title, 'title'],
    ['documentNumber', e.documentNumber, 'documentNumber'],
    ['documentType', e.documentType, 'documentType'],
    ['issuedOn', e.issuedOn, 'issuedOn'],
    ['issuer.name', e.issuerName, 'issuer.name'],
    ['issuer.level', e.issuerLevel, 'issuer.level'],
    ['province', e.province, 'province'],
    ['period.from', e.period, 'period'],
    ['period.to', e.period, 'period'],
    ['reformAreas', e.reformAreas, 'reformAreas'],
    ['source.publisher', e.source.publisher, 'source.publisher'],
  ];
}

const ASKED_WHEN_MISSING = new Set(['province', 'source.publisher']);

/** Asks about each uncertain or missing field; undefined when the editor cancels. */
export async function reviewFields(data: EntryData, e: Extraction, io: PromptIO = {}): Promise<EntryData | undefined> {
  intro('Xem lại bản nháp trước khi ghi', io);
  log.info('Các mục dưới đây chưa chắc chắn hoặc chưa tìm thấy trong văn bản. Enter để giữ giá trị đang có, hoặc sửa lại. Ctrl+C để hủy.', io);
  const next = structuredClone(data);
  try {
    for (const [key, f, missingKey] of reviewed(e)) {
      const field = fieldByKey(key);
      const why = e.missing.find((m) => m.field === missingKey);
      if (!field || (f && !f.uncertain) || (!f && !why)) continue;
      // A missing optional fact is asked only where a source usually states it; the editor may leave it empty.
      if (!f && !field.required && !ASKED_WHEN_MISSING.has(key)) continue;
      log.message(f ? `${field.meta.title}: đọc được từ ${f.line ? `dòng ${f.line}: "${f.from.slice(0, 100)}"` : f.from}${f.note ? ` (${f.note})` : ''}` : `${field.meta.title}: ${why!.reason}.`, io);
      setPath(next, field.path, await askField(field, next, io));
    }
  } catch (err) {
    if (err instanceof Cancelled) return undefined;
    throw err;
  }
  if (getPath(next, ['issuer', 'level']) !== 'huyen') setPath(next, ['district'], undefined);
  return next;
}
