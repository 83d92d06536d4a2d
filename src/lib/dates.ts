/**
 * Calendar dates as the archive stores them: ISO `YYYY-MM-DD` strings.
 *
 * Strings, not Date objects, so that no time zone can shift a day and the
 * values go straight into JSON, CSV and Pagefind's sort keys.
 */

export type DateParse =
  | { ok: true; iso: string }
  | { ok: false; reason: 'format' | 'impossible'; input: string };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Builds an ISO date, or undefined when the day does not exist (31/02, 13th month). */
export function isoFromParts(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Accepts `2020-01-22`, `22/01/2020` (or `22/1/2020`) and Date objects, which is
 * what YAML makes of an unquoted ISO date.
 */
export function parseDate(input: unknown): DateParse {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, reason: 'impossible', input: String(input) };
    const iso = isoFromParts(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
    return iso ? { ok: true, iso } : { ok: false, reason: 'impossible', input: String(input) };
  }
  const text = String(input ?? '').trim();
  let m = ISO.exec(text);
  let parts: [number, number, number] | undefined;
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = VN.exec(text))) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  if (!parts) return { ok: false, reason: 'format', input: text };
  const iso = isoFromParts(...parts);
  return iso ? { ok: true, iso } : { ok: false, reason: 'impossible', input: text };
}

/** `2020-01-22` → `22/01/2020`, the form Vietnamese readers expect. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

// One formatter for every call: the schema asks for today once per date of every entry, and
// building a formatter costs far more than formatting (2 s of a 3,000-plan build's profile).
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Vietnam, for the "no future dates" rule. */
export function todayInVietnam(now: Date = new Date()): string {
  return VIETNAM_DAY.format(now);
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** "22/11/2026 21:01": a moment as Vietnamese readers write it, in Vietnam's time zone. */
export function formatDateTime(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
