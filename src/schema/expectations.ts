/**
 * What a rubric value must be, by key: the zod schema's error messages are built from
 * this table ("expected " + text), and validate.ts finds the key back from the
 * message, so an issue carries `expects: <key>` and each locale's message table
 * (diagnostics/messages*.ts) says it in its own words. No zod import here.
 */
export const EXPECTATIONS = {
  id: "an id (letters, digits, _ or -)",
  "id-chars": "an id of letters, digits, _ or - (no spaces or dots)",
  decimal: "a number such as 2 or 0.5",
  share: 'a percentage such as "50%" or a number',
  date: 'a date such as "2024-12-31"',
  "real-date": 'a real date such as "2024-12-31" (or 2024/12/31, 2024年12月31日)',
  bound: 'a number, a percentage such as "50%", or a date such as 2024-12-31',
  "grade-name": "a grade id or label",
  places: "a whole number of decimal places",
  scalar: "a string, number or boolean",
  fact: "a fact reference such as total, input.x, score.a1, grade, rubric.r.grade",
  condition: "a condition: a fact, {all: [...]}, {any: [...]}, {not: ...} or {fact: ..., <operator>: ...}",
  "input-type": "an input type: number, count, ratio, boolean, choice, grade, text, date, rank, scores, votes, series or records",
  points: "points: a number, or {by, table}",
  // followed by ": <the kinds> (or children: for a group)"
  "item-kind": "an item kind",
  node: "an item (with kind) or a group (with children)",
  "reason-text": "a reason text",
  "rule-kind": "a rule kind: veto, downgrade, cap or exclude",
  "kaohe-version": "kaohe: 1 (the language version)",
  version: 'a version string such as "1.0" (quote it)',
  // Said when the schema gives no message of its own.
  kind: "a kind",
  "known-kind": "a known kind",
  shape: "another shape",
} as const;

export type ExpectationKey = keyof typeof EXPECTATIONS;

/** The zod error message for a key: "expected …". */
export function expected(key: ExpectationKey): string {
  return `expected ${EXPECTATIONS[key]}`;
}

const BY_TEXT = new Map<string, ExpectationKey>(Object.entries(EXPECTATIONS).map(([k, v]) => [v, k as ExpectationKey]));

/** The key of an expectation text (without "expected "), if it is one of the table's (or one followed by ": …"). */
export function expectationKey(text: string): ExpectationKey | undefined {
  const colon = text.indexOf(":");
  return BY_TEXT.get(text) ?? (colon > 0 ? BY_TEXT.get(text.slice(0, colon)) : undefined);
}
