/**
 * From a source text to the facts an editor would establish from it, each
 * with the line it stands on. Pure: no files, no terminal; the CLI, the draft
 * writer and the benchmark all call `extract`.
 */
import type { DocumentType } from '../../data/taxonomy.ts';
import { areasIn, indicesIn } from './areas.ts';
import { sentenceCase } from './casing.ts';
import { dateAfterNgay, type DateRead } from './dates.ts';
import { englishPlanSentence } from './english.ts';
import { resolveIssuer } from './issuer.ts';
import { findLegalBases } from './legal-bases.ts';
import { readLetterhead, type Letterhead } from './letterhead.ts';
import { findAuthor, findHeadline, findStamp, planSentences, type PlanSentence } from './news.ts';
import { isCaps, normalise, NUMBERED } from './normalise.ts';
import { sameNumber, typeFromNumber, typeFromWord } from './numbers.ts';
import { periodIn } from './period.ts';
import { hostFacts } from './source.ts';
import { subjectPlan, type SubjectPlan } from './subject.ts';
import type { Extraction, Found, Line, Missing } from './types.ts';

export interface ExtractInput {
  text: string;
  url?: string;
  pageTitle?: string;
  byline?: string;
  publishedTime?: string;
}

const found = <T>(value: T, line: Line, extra: Partial<Found<T>> = {}): Found<T> => ({ value, line: line.line, from: line.text, ...extra });

/** Types whose trích yếu is printed without the type word ("Về việc ban hành …"). */
const BARE_TITLE: ReadonlySet<DocumentType> = new Set(['quyet-dinh', 'chi-thi', 'nghi-quyet', 'cong-van']);

function dateField(read: DateRead | undefined, line: Line, missing: Missing[]): Found<string> | undefined {
  if (read?.iso) return found(read.iso, line);
  if (read?.reason === 'no-year') missing.push({ field: 'issuedOn', reason: `văn bản chỉ ghi "${read.text}", không có năm (dòng ${line.line})` });
  if (read?.reason === 'impossible') missing.push({ field: 'issuedOn', reason: `ngày "${read.text}" không có thật trên lịch (dòng ${line.line})` });
  return undefined;
}

function titleOf(lh: Letterhead | undefined, type: DocumentType | undefined, sentence: PlanSentence | undefined): Found<string> | undefined {
  const t = lh?.title;
  if (t) {
    const prefix = t.typeWord && !(type && BARE_TITLE.has(type)) ? `${t.typeWord} ` : '';
    const text = t.caps ? sentenceCase(prefix + t.text) : prefix ? `${sentenceCase(prefix).trim()} ${t.text}` : t.text;
    return { value: text, line: (t.typeLine ?? t.line).line, from: [t.typeWord, t.text].filter(Boolean).join(' ') };
  }
  if (!lh && sentence?.typeWord && sentence.subject) {
    const word = sentence.typeWord.charAt(0).toUpperCase() + sentence.typeWord.slice(1).toLowerCase();
    return found(`${word} ${sentence.subject}`.replace(/\s+/g, ' '), sentence.line, { note: 'từ câu "… ban hành …" của bài viết' });
  }
  return undefined;
}

/** "Điều 1. Phê duyệt (kèm theo Quyết định này) Kế hoạch …": the plan a decision promulgates. */
function articleOne(lines: Line[]): Line | undefined {
  const line = lines.find((l) => /^Điều\s+1\.?\s+(?:Ban hành|Phê duyệt)\b/u.test(l.text));
  const m = line && /(Kế hoạch|Chương trình|Đề án)\s+([^.(]+)/u.exec(line.text.replace(/^Điều\s+1\.?\s+\S+\s+\S+\s*/u, ''));
  return m ? { text: `${m[1]} ${m[2]}`, line: line!.line } : undefined;
}

function periodOf(title: Found<string> | undefined, sentence: PlanSentence | undefined, lines: Line[], headline: Line | undefined, missing: Missing[]): Extraction['period'] {
  const sources: Line[] = [];
  if (title) sources.push({ text: title.value, line: title.line });
  if (sentence?.subject) sources.push({ text: `${sentence.typeWord ?? ''} ${sentence.subject}`, line: sentence.line.line });
  if (sentence?.periodText) sources.push({ text: sentence.periodText, line: sentence.line.line });
  const one = articleOne(lines);
  if (one) sources.push(one);
  if (headline) sources.push(headline);
  for (const s of sources) {
    const p = periodIn(s.text);
    if (p && 'reason' in p) {
      missing.push({ field: 'period', reason: p.reason });
      return undefined;
    }
    if (p) return { value: { from: p.from, to: p.to }, line: s.line, from: s.text, uncertain: s === headline, note: s === headline ? 'theo tiêu đề bài viết' : undefined };
  }
  missing.push({ field: 'period', reason: 'trích yếu và câu nêu kế hoạch không ghi năm hay giai đoạn; không lấy năm ký văn bản thay cho giai đoạn' });
  return undefined;
}

function typeOf(lh: Letterhead | undefined, number: string | undefined, sentence: PlanSentence | undefined, lines: Line[]): Extraction['documentType'] {
  if (!lh && sentence?.byDecision && (!number || typeFromNumber(number) === 'quyet-dinh')) return found('quyet-dinh', sentence.line, { note: 'câu "… ký quyết định ban hành kế hoạch …"' });
  const word = lh?.title?.typeWord;
  if (word && typeFromWord(word)) return found(typeFromWord(word)!, lh!.title!.typeLine ?? lh!.title!.line);
  const byNumber = number && typeFromNumber(number);
  if (byNumber) return found(byNumber, lh?.number?.line ?? sentence!.line);
  const bySentence = sentence?.typeWord && typeFromWord(sentence.typeWord);
  if (bySentence) return found(bySentence, sentence!.line);
  const mention = lines.find((l) => /\bkế hoạch\b/iu.test(l.text));
  return mention ? found('ke-hoach', mention, { uncertain: true, note: 'văn bản nhắc tới "kế hoạch" nhưng không ghi rõ loại' }) : undefined;
}

function headingsOf(lines: Line[]): Extraction['headings'] {
  const out: Extraction['headings'] = [];
  for (const l of lines) {
    const roman = /^[IVX]+\.\s+(.{3,80})$/u.exec(l.text);
    const numbered = /^\d+\.\s+(.{3,60})$/u.exec(l.text);
    const text = (roman ?? numbered)?.[1].replace(/[:.]\s*$/, '').trim();
    if (!text || /[.;]/.test(text)) continue;
    if (roman) out.push({ level: 2, text: isCaps(text) ? sentenceCase(text) : text });
    else if (numbered && out.length && (l.text.trim().endsWith(':') || text.split(/\s+/).length <= 5)) out.push({ level: 3, text: isCaps(text) ? sentenceCase(text) : text });
  }
  return out.slice(0, 30);
}

function sourceOf(input: ExtractInput, lines: Line[], news: boolean): Extraction['source'] {
  const host = input.url ? hostFacts(input.url) : undefined;
  const source: Extraction['source'] = { url: input.url };
  const portal = lines.slice(0, 8).find((l) => /^Cổng (?:thông tin|TTĐT)/iu.test(l.text) && l.text.length < 120);
  if (portal) source.publisher = found(portal.text, portal);
  else if (host) source.publisher = { value: host.publisher, line: 0, from: host.host };
  if (news) {
    const author = findAuthor(lines);
    if (input.byline) source.author = { value: input.byline, line: 0, from: 'trang web (byline)' };
    else if (author) source.author = found(author.value, author.line);
    const stamp = findStamp(lines);
    if (stamp) source.publishedOn = found(stamp.iso, stamp.line);
  }
  return source;
}

/** A plan cited as what a reported activity carries out, read like a sentence that issues it. */
function asSentence(p: SubjectPlan): PlanSentence {
  const byDecision = p.typeWord === 'Quyết định' ? true : undefined;
  return { issuer: p.issuer, date: p.date, typeWord: 'Kế hoạch', number: p.number, subject: p.subject, byDecision, verb: 'thực hiện', line: p.line };
}

export function extract(input: ExtractInput): Extraction {
  const lines = normalise(input.text);
  const lh = readLetterhead(lines);
  const missing: Missing[] = [];
  const sentences = planSentences(lh ? lines.slice(lh.preamble[0], lh.preamble[1] + 1) : lines).filter((s) => s.issuer || (!lh && s.number));
  const english = !lh && sentences.length === 0 ? englishPlanSentence(lines) : undefined;
  const reported = !lh && sentences.length === 0 && !english ? subjectPlan(lines) : undefined;
  const sentence = english ?? (reported ? asSentence(reported) : undefined) ?? (sentences.find((s) => s.number) ?? sentences.find((s) => s.date) ?? sentences[0]);
  const headline = lh ? undefined : findHeadline(lines, input.pageTitle);

  const number = lh?.number ? found(lh.number.value, lh.number.line) : sentence?.number ? found(sentence.number, sentence.line) : undefined;
  if (!number) missing.push({ field: 'documentNumber', reason: 'văn bản không ghi số ký hiệu' });
  let issuedOn: Found<string> | undefined;
  if (lh?.date) issuedOn = dateField(lh.date.read, lh.date.line, missing);
  else if (sentence?.date) issuedOn = dateField(sentence.date, sentence.line, missing);
  else if (sentence?.number) {
    const at = sentence.line.text.indexOf(sentence.number);
    const read = dateAfterNgay(sentence.line.text.slice(at + sentence.number.length));
    issuedOn = read ? dateField(read, sentence.line, missing) : undefined;
  }
  if (!issuedOn && lh?.meta['Ngày ban hành']) issuedOn = dateField(dateAfterNgay(`ngày ${lh.meta['Ngày ban hành'].value}`), lh.meta['Ngày ban hành'].line, missing);
  if (!issuedOn && !missing.some((m) => m.field === 'issuedOn')) missing.push({ field: 'issuedOn', reason: lh ? 'không có dòng "…, ngày … tháng … năm …"' : 'bài viết không ghi ngày ban hành của văn bản (ngày đăng bài không phải ngày ban hành)' });

  const documentType = typeOf(lh, number?.value, sentence, lines);
  if (!documentType) missing.push({ field: 'documentType', reason: 'văn bản không ghi loại (kế hoạch, quyết định …)' });
  const title = titleOf(lh, documentType?.value, sentence);
  if (!title) missing.push({ field: 'title', reason: lh ? 'trang không giữ khối trích yếu của văn bản' : 'bài viết không nêu tên kế hoạch; tiêu đề bài viết không phải trích yếu' });
  const period = periodOf(title, sentence, lines, headline, missing);
  const source = sourceOf(input, lines, !lh);
  if (!source.publisher) missing.push({ field: 'source.publisher', reason: 'không có địa chỉ trang (--url) hay tên cổng thông tin trong văn bản' });
  const date = issuedOn?.value ?? (period ? `${period.value.from}-01-01` : source.publishedOn?.value);
  const issuer = resolveIssuer({ lines, letterhead: lh, sentence, host: input.url ? hostFacts(input.url) : undefined, date });
  missing.push(...issuer.missing);
  const bases = findLegalBases(lines, lh?.preamble, number?.value);
  const { replaces } = bases;
  // The documents an activity carries out beside the reported plan are not the plan's bases.
  const legalBases = bases.legalBases.filter((b) => !reported?.companions.some((c) => sameNumber(c, b.value.number)));

  const preamble = lh ? new Set(lines.slice(lh.preamble[0], lh.preamble[1])) : new Set<Line>();
  const bodyText = [title?.value ?? '', ...lines.filter((l) => !preamble.has(l)).map((l) => l.text)].join('\n');
  const indices = indicesIn(lines.map((l) => l.text).join('\n'));
  const areas = areasIn(bodyText);
  if (areas.length === 0) missing.push({ field: 'reformAreas', reason: 'không thấy cụm từ nào của các lĩnh vực cải cách' });
  const whole = { text: 'toàn văn', line: 0 };
  return {
    title,
    documentNumber: number,
    documentType,
    issuedOn,
    issuerName: issuer.name,
    issuerLevel: issuer.level,
    province: issuer.province,
    district: issuer.district,
    period,
    reformAreas: areas.length ? found(areas, whole, { uncertain: true, note: 'theo các cụm từ trong văn bản' }) : undefined,
    indices: indices.length ? found(indices, whole) : undefined,
    legalBases,
    replaces,
    source,
    headline: headline ? found(headline.text, headline) : undefined,
    headings: headingsOf(lines.filter((l) => NUMBERED.test(l.text))),
    missing,
  };
}
