/**
 * The glossary's entries, built from the abbreviation and taxonomy tables, and
 * the anchor of each, so that plan pages link a term to its explanation.
 * Pure: the page and the tests build the same list.
 */
import { ABBREVIATIONS } from '../data/abbreviations.ts';
import { ABBREVIATION_NOTES, AREA_NOTES, INDEX_NOTES, TERMS } from '../data/glossary.ts';
import { INDICES, ISSUER_LEVELS, REFORM_AREAS, keysOf } from '../data/taxonomy.ts';
import { slugify } from './text/slug.ts';

export const GLOSSARY_PATH = 'thuat-ngu/';

export interface GlossaryEntry {
  /** The anchor on /thuat-ngu/. */
  id: string;
  term: string;
  /** Other short forms, or the code editors write. */
  aliases: string[];
  /** What it stands for or means. */
  meaning: string;
  note?: string;
  /** A browse page of the plans with this value, e.g. "linh-vuc/the-che/". */
  listPath?: string;
}

export interface GlossarySection {
  id: string;
  heading: string;
  entries: GlossaryEntry[];
}

export const indexAnchor = (key: string) => `chi-so-${key}`;
export const areaAnchor = (key: string) => `linh-vuc-${key}`;
export const levelAnchor = (key: string) => `cap-${key}`;
const abbreviationAnchor = (short: string) => `viet-tat-${slugify(short)}`;

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The indices by their label ("PAR Index"): the abbreviation table lists them too, and the glossary explains them apart. */
const INDEX_BY_LABEL = new Map<string, string>(keysOf(INDICES).map((k) => [INDICES[k].label, k]));

/** Each short form of the abbreviation table with its glossary anchor and what it stands for. */
export function abbreviationTerms(): { short: string; anchor: string; long: string }[] {
  return ABBREVIATIONS.flatMap((a) => {
    const index = INDEX_BY_LABEL.get(a.short[0]);
    const anchor = index ? indexAnchor(index) : abbreviationAnchor(a.short[0]);
    return a.short.map((short) => ({ short, anchor, long: a.long[0] }));
  });
}

/** Every section of the glossary, in the page's order. */
export function glossarySections(): GlossarySection[] {
  return [
    {
      id: 'viet-tat',
      heading: 'Chữ viết tắt',
      entries: ABBREVIATIONS.filter((a) => !INDEX_BY_LABEL.has(a.short[0])).map((a) => ({
        id: abbreviationAnchor(a.short[0]),
        term: a.short[0],
        aliases: a.short.slice(1),
        meaning: capitalised(a.long.join('; ')),
        note: ABBREVIATION_NOTES[a.short[0]],
      })),
    },
    {
      id: 'co-che',
      heading: 'Cơ chế một cửa',
      entries: TERMS.map((t) => ({ id: `thuat-ngu-${slugify(t.term)}`, term: capitalised(t.term), aliases: [], meaning: t.note })),
    },
    {
      id: 'chi-so',
      heading: 'Các chỉ số đánh giá',
      entries: keysOf(INDICES).map((k) => ({ id: indexAnchor(k), term: INDICES[k].label, aliases: [k], meaning: INDICES[k].name, note: INDEX_NOTES[k] })),
    },
    {
      id: 'linh-vuc',
      heading: 'Các lĩnh vực cải cách',
      entries: keysOf(REFORM_AREAS).map((k) => ({
        id: areaAnchor(k),
        term: REFORM_AREAS[k].label,
        aliases: [k],
        meaning: AREA_NOTES[k],
        listPath: `linh-vuc/${k}/`,
      })),
    },
    {
      id: 'cap',
      heading: 'Các cấp ban hành',
      entries: keysOf(ISSUER_LEVELS).map((k) => ({
        id: levelAnchor(k),
        term: ISSUER_LEVELS[k].label,
        aliases: [k],
        meaning: `${ISSUER_LEVELS[k].description}.`,
        listPath: `cap/${k}/`,
      })),
    },
  ];
}
