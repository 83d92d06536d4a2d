/**
 * A synthetic plan's body: an introduction, then the sections of phrases.ts,
 * filled up to a target length of 400 to 1,500 words. With `boilerplate`
 * (`npm run gen -- --van-mau`), an opening paragraph and most lines of
 * boilerplate.ts come first, as real plans repeat them.
 */
import type { ToneStyle } from '../../lib/text/tone.ts';
import { BOILERPLATE, KEEP, OPENING } from './boilerplate.ts';
import { INTRO, SECTIONS } from './phrases.ts';
import type { Rng } from './rng.ts';
import { compile, render, type Template } from './template.ts';

export const MIN_WORDS = 400;
export const MAX_WORDS = 1500;

const INTRO_T = INTRO.map(compile);
const OPENING_T = OPENING.map(compile);
const SECTIONS_T = SECTIONS.map((s) => ({
  ...s,
  lines: s.lines.map((line) => {
    const m = /^@(\d{4}) /.exec(line);
    return { t: compile(m ? line.slice(m[0].length) : line), minYear: m ? Number(m[1]) : 0 };
  }),
  boilerplate: (BOILERPLATE[s.heading] ?? []).map(compile),
}));

function words(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

export interface BodyInput {
  rng: Rng;
  styleOf: () => ToneStyle;
  /** The plan's slot values; the body's own numbers are redrawn into it line by line. */
  slots: Record<string, string>;
  target: number;
  year: number;
  /** The plan's legal bases, first lines of "Căn cứ". */
  bases: readonly string[];
  boilerplate?: boolean;
}

export function composeBody({ rng, styleOf, slots, target, year, bases, boilerplate = false }: BodyInput): string {
  const fresh = () => {
    slots.pct = String(rng.int(60, 100));
    slots.pct2 = String(rng.int(10, 50));
    slots.n = String(rng.int(2, 40));
    slots.day = String(rng.int(1, 28));
    slots.month = String(rng.int(1, 12));
    slots.money = rng.int(50, 2500).toLocaleString('vi-VN');
    slots.q = rng.pick(['I', 'II', 'III', 'IV']);
  };
  const line = (t: Template) => render(t, styleOf(), slots, rng);
  fresh();
  // Without boilerplate nothing more is drawn, so that plan i stays the same as ever.
  const head = [line(rng.pick(INTRO_T))];
  if (boilerplate) head.unshift(line(rng.pick(OPENING_T)), '');
  // Headings count too: the limits are on the words a reader sees.
  let count = head.reduce((n, p) => n + (p ? words(p) : 0), 0) + SECTIONS_T.reduce((n, s) => n + words(s.heading), 0);
  const blocks: string[][] = SECTIONS_T.map(() => []);
  const add = (s: number, text: string) => {
    blocks[s].push(SECTIONS_T[s].bullets ? `- ${text}` : `${text}\n`);
    count += words(text);
  };
  for (const b of bases) add(0, b);
  if (boilerplate) {
    for (const [s, section] of SECTIONS_T.entries()) for (const t of section.boilerplate) if (rng.chance(KEEP)) add(s, line(t));
  }
  // Fixed sections first, each line at most once; the generated measures then
  // fill the body up to its target length.
  const open = SECTIONS_T.findIndex((s) => s.heading === 'Giải pháp thực hiện');
  const quota = (target - count) / SECTIONS_T.length;
  for (const [s, section] of SECTIONS_T.entries()) {
    if (s === open) continue;
    const goal = count + quota;
    const lines = section.lines.filter((l) => l.minYear <= year);
    for (const l of rng.sample(lines, lines.length)) {
      if (count >= goal && blocks[s].length > 0) break;
      fresh();
      add(s, line(l.t));
    }
  }
  const measures = SECTIONS_T[open].lines;
  do {
    fresh();
    const text = line(rng.pick(measures).t);
    if (count + words(text) > MAX_WORDS && count >= MIN_WORDS) break;
    add(open, text);
  } while (count < Math.max(target, MIN_WORDS));
  const out = head;
  for (const [s, section] of SECTIONS_T.entries()) out.push('', `## ${section.heading}`, '', ...blocks[s]);
  return out.join('\n').trimEnd() + '\n';
}
