/**
 * Calendar dates (任职日期, 组建日期) and whole spans between them. A date is kept
 * as its ISO text "YYYY-MM-DD" (which orders like the dates themselves); spans are
 * whole numbers of days or months, counted with integer calendar arithmetic only.
 * @internal
 */

/** The written forms kaohe reads: 2024-03-01, 2024-3-1, 2024/3/1, 2024年3月1日 (日 optional). */
const DATE_FORMS = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/];

/** Why a text is not a date, with the numbers behind it (messages say it per locale). */
export type DateProblem =
  | { readonly reason: "not-text" | "not-a-date" }
  | { readonly reason: "year"; readonly year: number }
  | { readonly reason: "month"; readonly month: number }
  | { readonly reason: "day"; readonly year: number; readonly month: number; readonly day: number; readonly days: number };
export type DateParse = { readonly iso: string } | { readonly error: DateProblem };

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Read a date written as 2024-03-01, 2024/3/1 or 2024年3月1日. An impossible date
 * (2023-02-29, 2024-04-31, month 13) is an error, never rolled over.
 */
export function parseDate(raw: unknown): DateParse {
  if (typeof raw !== "string") return { error: { reason: "not-text" } };
  const text = raw.trim();
  for (const form of DATE_FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year < 1000) return { error: { reason: "year", year } };
    if (month < 1 || month > 12) return { error: { reason: "month", month } };
    const days = daysInMonth(year, month);
    if (day < 1 || day > days) return { error: { reason: "day", year, month, day, days } };
    return { iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
  }
  return { error: { reason: "not-a-date" } };
}

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

function ymd(iso: string): Ymd {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

/** Day number of a date (days since 1970-01-01; integer arithmetic in UTC, no time zone). */
function dayNumber(iso: string): number {
  const { y, m, d } = ymd(iso);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `from` to `to`; negative when `to` is earlier. 2024-02-28 → 2024-03-01 is 2. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Whole months from `from` to `to`: the number of monthly anniversaries of `from`
 * reached by `to`. The anniversary in a month keeps `from`'s day, clamped to that
 * month's last day (2024-01-31 → 2024-02-29 is 1 month; → 2024-02-28 is 0).
 * When `to` is earlier the span is negative, counted the same way backwards and
 * truncated toward zero (one day before is 0 months).
 */
export function monthsBetween(from: string, to: string): number {
  if (to < from) {
    const back = monthsBetween(to, from);
    return back === 0 ? 0 : -back;
  }
  const a = ymd(from);
  const b = ymd(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  const anniversary = Math.min(a.d, daysInMonth(b.y, b.m));
  if (b.d < anniversary) months--;
  return months;
}
