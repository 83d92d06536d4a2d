/**
 * The citation graph: which legal documents each plan cites, one key per
 * document, so that /van-ban/<key>/ gathers every plan citing it.
 *
 * Two rules shape the keys. Spelling never splits a document: "30c/NQ-CP",
 * "30c/nq-cp" and "số 30C/NQ-CP" share `docNumberKey`. And a number alone does
 * not always name one document: every People's Committee numbers its decisions
 * from 1 each year, so Quảng Nam's "82/QĐ-UBND" and Lạng Sơn's are different
 * documents. Numbers of national bodies (CP, TTg, TW, ministries) are keyed by
 * the number; every other number also by its issuer (and date, when given).
 *
 * Pure: the build, the data files and the tests compute the same keys.
 */
import { DOCUMENT_CODES, LOCAL_ISSUERS, NATIONAL_ISSUERS } from '../data/legal-codes.ts';
import { formatDate, parseDate } from './dates.ts';
import { docNumberCode, docNumberKey } from './docnumber.ts';
import { issuerKey } from './issuer.ts';
import { newestFirst, type PlanFacts } from './plan-facts.ts';
import { hasDiacritics, nfc } from './text/fold.ts';
import { byCodeUnit } from './text/order.ts';
import { slugify } from './text/slug.ts';

/** What the letters of a number tell about the document. */
export interface DocumentCode {
  /** "Nghị quyết" for 30c/NQ-CP; absent for official letters and laws. */
  typeLabel?: string;
  /** The body the code names: "Chính phủ" for NQ-CP, "Ủy ban nhân dân" for QĐ-UBND. */
  derivedIssuer?: string;
  /** True when the number is unique nationwide. */
  national: boolean;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const has = (table: Readonly<Record<string, string>>, key: string | undefined): key is string =>
  key !== undefined && Object.hasOwn(table, key);

/** Reads the type and issuer codes of a number: NQ-CP → Nghị quyết, Chính phủ. */
export function readDocumentCode(number: string): DocumentCode {
  const parts = docNumberCode(number).split('-').filter(Boolean);
  const typed = has(DOCUMENT_CODES, parts[0]);
  // Laws and resolutions of the National Assembly carry its term: 59/2020/QH14.
  const issuer = (typed ? parts[1] : parts[0])?.replace(/\d+$/, '');
  // In a Party number (18-NQ/TW, 105-QĐ/TW) QĐ is a regulation (quy định), not a decision.
  const partyStyle = /^\s*(?:số\s+)?\d+[a-zđ]?-/iu.test(nfc(number));
  let typeLabel = typed ? DOCUMENT_CODES[parts[0]] : undefined;
  if (typed && parts[0] === 'qd' && partyStyle) typeLabel = 'Quy định';
  const national = has(NATIONAL_ISSUERS, issuer);
  return {
    typeLabel,
    derivedIssuer: national ? NATIONAL_ISSUERS[issuer] : has(LOCAL_ISSUERS, issuer) ? LOCAL_ISSUERS[issuer] : undefined,
    national,
  };
}

/**
 * The issuing body in a key: "UBND tỉnh Quảng Nam", "Ủy ban nhân dân tỉnh
 * Quảng Nam" and "Uỷ ban nhân dân Tỉnh Quảng Nam" all give "ubnd-tinh-quang-nam".
 */
export function issuerSlug(name: string): string {
  return slugify(issuerKey(name));
}

/** What a citing plan tells about the numbers it cites: where it was issued. */
export interface CitationContext {
  slug: string;
  /** The citing plan's provincial unit as issued, e.g. "quang-nam". */
  unitSlug?: string;
  /** The citing plan's district, for "UBND huyện" without a name. */
  districtSlug?: string;
}

export function citationContext(facts: PlanFacts): CitationContext {
  return {
    slug: facts.slug,
    unitSlug: facts.unit?.slug,
    districtSlug: facts.plan.district ? slugify(facts.plan.district) : undefined,
  };
}

const PROVINCE_BODY = /^(?:(?:ubnd|hdnd)-(?:tinh|thanh-pho)|tinh-uy|thanh-uy)$/;
const DISTRICT_BODY = /^(?:(?:ubnd|hdnd)-(?:huyen|quan|thi-xa)|huyen-uy)$/;

/**
 * The issuer part of a local key. A plan often names "UBND tỉnh" without the
 * province, meaning its own: the citing plan's unit completes the name.
 */
function scopeOf(issuer: string | undefined, ctx: CitationContext): string {
  if (!issuer) return ctx.unitSlug ?? ctx.slug;
  const key = issuerSlug(issuer);
  if (PROVINCE_BODY.test(key) && ctx.unitSlug) return `${key}-${ctx.unitSlug}`;
  if (DISTRICT_BODY.test(key) && ctx.districtSlug) return `${key}-${ctx.districtSlug}`;
  return key;
}

export interface DocumentRef {
  number: string;
  issuer?: string;
  /** ISO date. */
  issuedOn?: string;
}

/**
 * The document's key: the number's key for national bodies; for local ones
 * "<number>--<issuer>[--<date>]". Without an issuer the citing plan's province
 * stands in for it, and without a province the citing plan itself, so that an
 * unplaceable local number never merges with another province's.
 */
export function citationKey(ref: DocumentRef, ctx: CitationContext): string {
  const number = docNumberKey(ref.number);
  if (readDocumentCode(ref.number).national) return number;
  return [number, scopeOf(ref.issuer, ctx), ref.issuedOn].filter(Boolean).join('--');
}

/** The number's part of a key: "82-qd-ubnd" of "82-qd-ubnd--ubnd-tinh-quang-nam--2020-01-20". */
export function numberPart(key: string): string {
  return key.split('--')[0];
}

export interface Citation extends DocumentRef {
  key: string;
  /** Listed in `legalBases`, or only recognised in the body. */
  origin: 'legal-basis' | 'body';
}

/** The plan's `legalBases`, one citation per item, in order. */
export function legalBaseCitations(facts: PlanFacts): Citation[] {
  const ctx = citationContext(facts);
  return (facts.plan.legalBases ?? []).map((b) => {
    const ref: DocumentRef = typeof b === 'string' ? { number: b } : { number: b.number, issuer: b.issuer, issuedOn: b.issuedOn };
    return { ...ref, key: citationKey(ref, ctx), origin: 'legal-basis' };
  });
}

/**
 * A document number in running text: digits (and a letter: 30c), an optional
 * year, then codes starting with a capital, as in "Nghị quyết số 30c/NQ-CP",
 * "Nghị định 61/2018/NĐ-CP" or "Chương trình số 09-CTr/HU". The capital keeps
 * out dates (15/7/2016) and ranges (2016-2020); the look-behind keeps out
 * numbers inside paths and URLs.
 */
const BODY_NUMBER = /(?<![\p{L}\p{N}/.-])\d+[a-zđ]?(?:\/\d{4})?[/-]\p{Lu}[\p{L}&]*\d*(?:[/-]\p{L}[\p{L}&]*\d*)*(?![\p{L}\p{N}])/gu;
/** "… số 4353/QĐ-UBND ngày 31/12/2019": the date that follows a number. */
const FOLLOWING_DATE = /^\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/u;

/** Every document number written in a plan's body, with the date that follows it, if any. */
export function numbersInText(text: string): DocumentRef[] {
  const out: DocumentRef[] = [];
  const source = nfc(text);
  for (const m of source.matchAll(BODY_NUMBER)) {
    const after = FOLLOWING_DATE.exec(source.slice(m.index + m[0].length, m.index + m[0].length + 40));
    const date = after && parseDate(after[1]);
    out.push({ number: m[0], issuedOn: date && date.ok ? date.iso : undefined });
  }
  return out;
}

/**
 * Everything a plan cites: its legal bases, then the numbers its body names
 * that are not among them. The plan's own number is not a citation.
 */
export function planCitations(facts: PlanFacts, body: string): Citation[] {
  const ctx = citationContext(facts);
  const out = new Map<string, Citation>();
  const bases = legalBaseCitations(facts);
  for (const c of bases) if (!out.has(c.key)) out.set(c.key, c);
  const known = new Set(bases.map((b) => docNumberKey(b.number)));
  if (facts.plan.documentNumber) known.add(docNumberKey(facts.plan.documentNumber));
  for (const ref of numbersInText(body)) {
    const numberKey = docNumberKey(ref.number);
    if (known.has(numberKey)) continue;
    const key = citationKey(ref, ctx);
    if (!out.has(key)) out.set(key, { ...ref, key, origin: 'body' });
  }
  return [...out.values()];
}

/** The keys under which other plans would cite this plan: with its date, and without. */
export function ownKeys(facts: PlanFacts): string[] {
  const { plan } = facts;
  if (!plan.documentNumber) return [];
  const ctx = citationContext(facts);
  const ref = { number: plan.documentNumber, issuer: plan.issuer.name };
  const keys = [citationKey({ ...ref, issuedOn: plan.issuedOn }, ctx), citationKey(ref, ctx)];
  return [...new Set(keys)];
}

export interface CitedDocument {
  key: string;
  /** The spelling most citing plans use. */
  number: string;
  /** Every spelling seen, most used first. */
  spellings: string[];
  typeLabel?: string;
  /** The issuer as the citing plans name it, or as derived from the code. */
  issuer?: string;
  issuerDerived: boolean;
  issuedOn?: string;
  national: boolean;
  /** The citing plans, newest first. */
  citedBy: PlanFacts[];
  /** The plan in the archive that is this document, when there is exactly one. */
  plan?: PlanFacts;
}

export interface CitationGraph {
  /** Most cited first, then by number. */
  documents: CitedDocument[];
  byKey: Map<string, CitedDocument>;
  /** A plan's citations, in the order of `planCitations`. */
  byPlan: Map<string, Citation[]>;
  /** Plans that cite a plan of the archive, by the cited plan's slug. */
  citingPlan: Map<string, PlanFacts[]>;
  /** Documents sharing one number (different provinces' 82/QĐ-UBND), by `docNumberKey`. */
  sameNumber: Map<string, CitedDocument[]>;
}

/**
 * The most frequent value. Ties go to `prefer`'s higher score, then to code-point
 * order, so that every build picks the same.
 */
function mostCommon(values: string[], prefer: (v: string) => number = () => 0): { top?: string; ranked: string[] } {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || prefer(b) - prefer(a) || byCodeUnit(a, b));
  return { top: ranked[0], ranked };
}

const LEADING_SO = /^(?:số|so)\s+/iu;

/** A number as shown: without the "số" people write before it, spaces collapsed. */
export function displayNumber(number: string): string {
  return nfc(number).trim().replace(LEADING_SO, '').replace(/\s+/g, ' ');
}

/** Between equally frequent spellings, the one as printed: with đ, codes in capitals. */
function printedLike(number: string): number {
  const code = number.replace(/^\d+[a-zđ]?(?:\/\d{4})?/iu, '');
  return (hasDiacritics(number) ? 2 : 0) + (code === code.toLowerCase() ? 0 : 1);
}

const byNumber = new Intl.Collator('vi', { numeric: true });

/**
 * Builds the graph from every plan and its citations (from `planCitations`),
 * in any order. Citations rather than bodies, so that a build of 100,000
 * plans never holds every body at once.
 */
export function buildCitationGraph(plans: ReadonlyArray<{ facts: PlanFacts; citations: Citation[] }>): CitationGraph {
  const sorted = [...plans].sort((a, b) => newestFirst(a.facts, b.facts));
  const byPlan = new Map<string, Citation[]>();
  const refs = new Map<string, { citations: Citation[]; citedBy: PlanFacts[] }>();
  for (const { facts, citations } of sorted) {
    byPlan.set(facts.slug, citations);
    for (const c of citations) {
      const entry = refs.get(c.key) ?? { citations: [], citedBy: [] };
      entry.citations.push(c);
      entry.citedBy.push(facts);
      refs.set(c.key, entry);
    }
  }
  const owners = new Map<string, PlanFacts[]>();
  for (const { facts } of sorted) {
    for (const k of ownKeys(facts)) push(owners, k, facts);
  }
  const documents: CitedDocument[] = [];
  const citingPlan = new Map<string, PlanFacts[]>();
  for (const [key, { citations, citedBy }] of refs) {
    const spelling = mostCommon(citations.map((c) => displayNumber(c.number)), printedLike);
    const given = mostCommon(citations.flatMap((c) => (c.issuer ? [c.issuer] : []))).top;
    const code = readDocumentCode(spelling.top!);
    const candidates = owners.get(key) ?? [];
    const plan = candidates.length === 1 ? candidates[0] : undefined;
    // A plan cited both with and without its date is reached through two keys.
    if (plan) for (const f of citedBy) if (f.slug !== plan.slug) push(citingPlan, plan.slug, f);
    documents.push({
      key,
      number: spelling.top!,
      spellings: spelling.ranked,
      typeLabel: code.typeLabel,
      issuer: given ?? code.derivedIssuer,
      issuerDerived: !given && code.derivedIssuer !== undefined,
      issuedOn: mostCommon(citations.flatMap((c) => (c.issuedOn ? [c.issuedOn] : []))).top,
      national: code.national,
      citedBy,
      plan,
    });
  }
  documents.sort((a, b) => b.citedBy.length - a.citedBy.length || byNumber.compare(a.key, b.key));
  for (const [slug, list] of citingPlan) citingPlan.set(slug, [...new Set(list)].sort(newestFirst));
  const sameNumber = new Map<string, CitedDocument[]>();
  for (const d of documents) push(sameNumber, numberPart(d.key), d);
  return { documents, byKey: new Map(documents.map((d) => [d.key, d])), byPlan, citingPlan, sameNumber };
}

export interface RelatedPlan {
  facts: PlanFacts;
  /** The documents both plans cite. */
  shared: CitedDocument[];
}

/**
 * "Kế hoạch cùng căn cứ": plans citing the same documents, most shared first,
 * then newest. A document such as 30c/NQ-CP may be cited by tens of thousands
 * of plans; only its `perDocument` newest citing plans are considered, which
 * keeps this linear in the archive's size. Its own page lists them all.
 */
export function plansWithSameBasis(graph: CitationGraph, slug: string, limit = 10, perDocument = 100): RelatedPlan[] {
  const related = new Map<string, RelatedPlan>();
  for (const c of graph.byPlan.get(slug) ?? []) {
    const doc = graph.byKey.get(c.key)!;
    for (const f of doc.citedBy.slice(0, perDocument + 1)) {
      if (f.slug === slug) continue;
      const r = related.get(f.slug) ?? { facts: f, shared: [] };
      r.shared.push(doc);
      related.set(f.slug, r);
    }
  }
  return [...related.values()]
    .sort((a, b) => b.shared.length - a.shared.length || newestFirst(a.facts, b.facts))
    .slice(0, limit);
}

/**
 * Which plans come from the same issuing body. The name alone is not enough
 * ("UBND tỉnh" is every province's), so the body is the name within the
 * unit; a local plan without a known unit has no group.
 */
export function issuerGroupKey(facts: PlanFacts): string | undefined {
  const { plan } = facts;
  if (!facts.unit && plan.issuer.level !== 'trung-uong') return undefined;
  return `${facts.unit?.id ?? 'toan-quoc'}|${scopeOf(plan.issuer.name, citationContext(facts))}`;
}

/** Groups plans by issuing body; each group keeps the input order. */
export function groupByIssuer(all: readonly PlanFacts[]): Map<string, PlanFacts[]> {
  const groups = new Map<string, PlanFacts[]>();
  for (const f of all) {
    const key = issuerGroupKey(f);
    if (key) push(groups, key, f);
  }
  return groups;
}

/** The same body's plans for other periods, newest period first. */
export function otherYears(groups: Map<string, PlanFacts[]>, facts: PlanFacts, limit = 20): PlanFacts[] {
  const key = issuerGroupKey(facts);
  const group = key ? (groups.get(key) ?? []) : [];
  const samePeriod = (f: PlanFacts) => f.plan.period.from === facts.plan.period.from && f.plan.period.to === facts.plan.period.to;
  return group
    .filter((f) => f.slug !== facts.slug && !samePeriod(f))
    .sort((a, b) => b.plan.period.from - a.plan.period.from || b.plan.period.to - a.plan.period.to || newestFirst(a, b))
    .slice(0, limit);
}

/** "Nghị quyết 30c/NQ-CP", the document as a reader names it. */
export function documentTitle(doc: CitedDocument): string {
  return doc.typeLabel ? `${doc.typeLabel} ${doc.number}` : `Văn bản ${doc.number}`;
}

/** "Nghị quyết 30c/NQ-CP của Chính phủ, ngày 08/11/2011". */
export function documentLabel(doc: CitedDocument): string {
  const who = doc.issuer ? ` của ${doc.issuer}` : '';
  const when = doc.issuedOn ? `, ngày ${formatDate(doc.issuedOn)}` : '';
  return documentTitle(doc) + who + when;
}
