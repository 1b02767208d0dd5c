/**
 * Reading one value of one input from data (the boundary's value readers): a number
 * (number, count, ratio; "96.85%" where a ratio allows it), a boolean, one of a list,
 * text, a date, a rank "k/N", a list of scores, vote counts, a series, records. A value
 * that is wrong is reported through `report` (with what was expected) and gives
 * undefined; nothing is clamped or guessed. No state per subject.
 * @internal
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import { showValue } from "../diagnostics/show.js";
import { parseDate } from "../decimal/dates.js";
import { Dec, decimalPlaces, parseDecimal, ZERO } from "../decimal/decimal.js";
import type { InputSpec, InputValue, RankValue, RecordValue, ScoreSheet, VoteCounts } from "../compile/model.js";

/** Own properties only: data never reads what an object inherits. */
export const own = (data: object, key: string): unknown => (Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined);

/** A mapping from data, for reading its own keys: not null, not a list. */
export const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Enumerable keys an object inherits and does not shadow: never read as data, always reported. */
export function inheritedKeys(obj: object): string[] {
  const out: string[] = [];
  for (let p = Object.getPrototypeOf(obj) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null)
    for (const k of Object.keys(p)) if (!Object.hasOwn(obj, k) && !out.includes(k)) out.push(k);
  return out;
}

export const INHERITED = { expected: "an own property (inherited properties are not read as data)", received: "a property inherited from the object's prototype", expects: "own-property" };

/**
 * `received` for an issue's params: a scalar as given (a long text cut at 200
 * characters), anything else (a list, a mapping, a BigInt...) as its short rendering
 * (diagnostics/show.ts) with `receivedType`. Params stay small and safe to
 * JSON.stringify whatever the data held: never a deep, huge or cyclic value.
 */
export function receivedOf(v: unknown): { received: unknown; receivedType?: string } {
  if (typeof v === "string") return { received: v.length > 200 ? `${v.slice(0, 200)}…` : v };
  if (v === null || v === undefined || typeof v === "boolean" || typeof v === "number") return { received: v ?? null };
  return { received: showValue(v), receivedType: Array.isArray(v) ? "list" : typeof v === "object" ? "mapping" : typeof v };
}

export const EMPTY_SHEET: ScoreSheet = Object.freeze({ raters: Object.freeze([]), values: Object.freeze([]) });

export function isAbsent(v: unknown): boolean {
  if (typeof v === "string") {
    // A cell starting with a printable ASCII character is given (the common case, with no trim).
    const c = v.charCodeAt(0);
    return !(c > 32 && c < 127) && v.trim() === "";
  }
  return v === undefined || v === null;
}

/**
 * A cell of plain digits with at most one dot between digits ("85", "0.947", "12.50")
 * and at most 15 digits, as the Dec that parseDecimal gives for it (Dec.of drops the
 * trailing zeros, as parsing does); undefined for anything else, which parseDecimal reads.
 */
export function plainDecimal(text: string): Dec | undefined {
  const n = text.length;
  if (n === 0 || n > 16) return undefined;
  // A Dec is immutable: the same text gives one shared Dec (a batch repeats few distinct values).
  const known = PLAIN_DECIMALS.get(text);
  if (known !== undefined) return known;
  let m = 0;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) m = m * 10 + (c - 48);
    else if (c === 46 && dot < 0 && i > 0 && i < n - 1) dot = i;
    else return undefined;
  }
  if (n - (dot < 0 ? 0 : 1) > 15) return undefined;
  const d = Dec.of(m, dot < 0 ? 0 : n - dot - 1);
  if (PLAIN_DECIMALS.size < PLAIN_DECIMALS_KEPT) PLAIN_DECIMALS.set(text, d);
  return d;
}

/** Plain decimal cells read so far, up to PLAIN_DECIMALS_KEPT of them. */
const PLAIN_DECIMALS = new Map<string, Dec>();
const PLAIN_DECIMALS_KEPT = 100_000;
/** Report a problem with the value; `at` names a part of it (".r2" of a rater mapping, ".3" of a series). */
export type Report = (
  code: "DATA_NOT_NUMBER" | "DATA_NOT_INTEGER" | "DATA_TOO_PRECISE" | "DATA_OUT_OF_RANGE" | "DATA_INVALID_VALUE" | "DATA_INVALID_DATE" | "DATA_BAD_SHAPE",
  params: Record<string, unknown>,
  at?: string,
) => void;

export const TRUE = new Set(["true", "yes", "y", "1", "是", "有", "√"]);
export const FALSE = new Set(["false", "no", "n", "0", "否", "无", "×"]);

/** A scalar read as text: a string, or a finite number; a list, a mapping or anything else is not text. */
const scalarText = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : undefined);

/** Report the inherited enumerable keys of a nested mapping (never read). */
function reportInherited(obj: object, report: Report, at = ""): boolean {
  const keys = inheritedKeys(obj);
  for (const k of keys) report("DATA_BAD_SHAPE", INHERITED, `${at}.${k}`);
  return keys.length > 0;
}

export function readValue(spec: InputSpec, raw: unknown, report: Report): InputValue | undefined {
  switch (spec.type) {
    case "number":
    case "count":
    case "ratio":
      return readNumber(spec, raw, report, spec.type !== "count");
    case "boolean": {
      if (typeof raw === "boolean") return raw;
      // As written ("true", "是") first: the sets hold the trimmed lower-case forms.
      if (typeof raw === "string" && TRUE.has(raw)) return true;
      if (typeof raw === "string" && FALSE.has(raw)) return false;
      const t = scalarText(raw)?.trim().toLowerCase();
      if (t !== undefined && TRUE.has(t)) return true;
      if (t !== undefined && FALSE.has(t)) return false;
      report("DATA_INVALID_VALUE", { expected: "true or false (also yes/no, 1/0, 是/否)", expects: "boolean", allowed: ["true", "false"], ...receivedOf(raw) });
      return undefined;
    }
    case "choice":
    case "grade": {
      const options = spec.type === "choice" ? spec.values : spec.scale;
      if (typeof raw === "string" && options.includes(raw) && raw.trim() === raw) return raw;
      const t = scalarText(raw)?.trim();
      if (t !== undefined && options.includes(t)) return t;
      report("DATA_INVALID_VALUE", { expected: `one of ${options.join(", ")}`, expects: "one-of", allowed: options, ...receivedOf(raw) });
      return undefined;
    }
    case "text": {
      const t = scalarText(raw);
      if (t === undefined) report("DATA_BAD_SHAPE", { expected: "text (a string or a number)", expects: "text", received: showValue(raw) });
      return t;
    }
    case "date": {
      // 2024-03-01, 2024/3/1 or 2024年3月1日 → "2024-03-01"; an impossible date is an error.
      const d = parseDate(raw);
      if ("iso" in d) return d.iso;
      report("DATA_INVALID_DATE", { ...receivedOf(raw), ...d.error });
      return undefined;
    }
    case "rank":
      return readRank(raw, report);
    case "scores":
      return readScores(spec, raw, report);
    case "series": {
      if (!Array.isArray(raw) || raw.length !== spec.length) {
        report("DATA_BAD_SHAPE", { expected: `a list of ${spec.length} numbers`, expects: "series", length: spec.length, received: Array.isArray(raw) ? `${raw.length} values` : showValue(raw), ...(Array.isArray(raw) ? { count: raw.length } : {}) });
        return undefined;
      }
      const out: Dec[] = [];
      // One element spec and one reporter for the whole list; `at` names the element being read.
      const element = { ...spec, type: "number", clamp: false };
      let at = 0;
      const elementReport: Report = (code, params) => report(code, params, `.${at}`);
      for (let i = 0; i < raw.length; i++) {
        at = i + 1;
        const d = readNumber(element, raw[i], elementReport, false);
        if (d === undefined) return undefined;
        out.push(d);
      }
      return out;
    }
    case "votes":
      return readVotes(spec, raw, report);
    case "records":
      return readRecords(spec, raw, report);
    default:
      return unreachable(spec, "input type");
  }
}

function readNumber(
  spec: { min?: Dec; max?: Dec; places?: number; clamp?: boolean; type: string },
  raw: unknown,
  report: Report,
  percentAllowed: boolean,
): Dec | undefined {
  const plain = typeof raw === "string" ? plainDecimal(raw) : undefined;
  const text = plain !== undefined ? undefined : typeof raw === "string" ? raw.trim() : raw;
  const d = plain ?? (typeof text === "string" && text.includes("%") && !percentAllowed ? undefined : parseDecimal(text));
  if (d === undefined) {
    report("DATA_NOT_NUMBER", receivedOf(raw));
    return undefined;
  }
  if (spec.type === "count" && !d.isInteger()) {
    report("DATA_NOT_INTEGER", receivedOf(raw));
    return undefined;
  }
  if (spec.places !== undefined && decimalPlaces(d) > spec.places) {
    report("DATA_TOO_PRECISE", { places: spec.places, ...receivedOf(raw) });
    return undefined;
  }
  const below = spec.min !== undefined && d.lt(spec.min);
  const above = spec.max !== undefined && d.gt(spec.max);
  if (below || above) {
    if (spec.clamp) return below ? spec.min! : spec.max!;
    report("DATA_OUT_OF_RANGE", { expected: rangeText(spec.min, spec.max), expects: "range", ...(spec.min ? { min: spec.min.toFixed() } : {}), ...(spec.max ? { max: spec.max.toFixed() } : {}), ...receivedOf(raw) });
    return undefined;
  }
  return d;
}

function rangeText(min?: Dec, max?: Dec): string {
  if (min !== undefined && max !== undefined) return `between ${min.toFixed()} and ${max.toFixed()}`;
  if (min !== undefined) return `at least ${min.toFixed()}`;
  return `at most ${max!.toFixed()}`;
}

function readRank(raw: unknown, report: Report): RankValue | undefined {
  let rank: number | undefined;
  let of: number | undefined;
  if (typeof raw === "string") {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
    if (m) [rank, of] = [Number(m[1]), Number(m[2])];
  } else if (isMapping(raw)) {
    const [r, n] = [own(raw, "rank"), own(raw, "of")];
    if (Number.isInteger(r) && Number.isInteger(n)) [rank, of] = [r as number, n as number];
  }
  if (rank === undefined || of === undefined || rank < 1 || rank > of) {
    report("DATA_BAD_SHAPE", { expected: 'a rank "k/N" with 1 ≤ k ≤ N', expects: "rank", received: showValue(raw) });
    return undefined;
  }
  return { rank, of };
}

const LIST_TEXT = 'scores separated by ";" (80;85.5), or a list [80, 85.5]';

function readScores(spec: { min?: Dec; max?: Dec; places?: number }, raw: unknown, report: Report): ScoreSheet | undefined {
  const raters: (string | null)[] = [];
  const values: Dec[] = [];
  const one = (v: unknown, rater: string | null, position?: number) => {
    const at = rater !== null ? `.${rater}` : undefined;
    const d = readNumber({ ...spec, type: "number", clamp: false }, v, (code, params) => report(code, { ...params, ...(position !== undefined ? { position } : {}) }, at), false);
    if (d === undefined) return false;
    raters.push(rater);
    values.push(d);
    return true;
  };
  // A hole in a list is an error at its position, never skipped.
  const list = (items: readonly unknown[]) => {
    for (let i = 0; i < items.length; i++) if (!one(items[i], null, i + 1)) return false;
    return true;
  };
  if (Array.isArray(raw)) {
    if (!list(raw)) return undefined;
  } else if (isMapping(raw)) {
    if (reportInherited(raw, report)) return undefined;
    for (const rater of Object.keys(raw)) if (!one(raw[rater], rater)) return undefined;
  } else if (typeof raw === "string" && raw.trim().startsWith("[")) {
    // A list in one cell: [] is an empty list (nothing chosen), [80, 85] two scores.
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed)) {
      report("DATA_BAD_SHAPE", { expected: LIST_TEXT, expects: "scores", ...receivedOf(raw) });
      return undefined;
    }
    if (!list(parsed)) return undefined;
  } else if (typeof raw === "string" && /[;；]/.test(raw)) {
    // 80;85 (or the full-width ；). An empty part is an error, never dropped.
    const parts = raw.split(/[;；]/);
    const empty = parts.findIndex((p) => p.trim() === "");
    if (empty >= 0) {
      report("DATA_BAD_SHAPE", { expected: `${LIST_TEXT}, with no empty part`, expects: "scores-no-empty", ...receivedOf(raw), position: empty + 1 });
      return undefined;
    }
    if (!list(parts)) return undefined;
  } else if (!one(raw, null)) return undefined;
  return { raters, values };
}

const VOTE_EXTRAS = ["abstain", "invalid", "issued"] as const;

function readVotes(spec: { levels: readonly string[] }, raw: unknown, report: Report): VoteCounts | undefined {
  if (!isMapping(raw)) {
    report("DATA_BAD_SHAPE", { expected: `vote counts {${spec.levels.join(", ")}, abstain?, invalid?, issued?}`, expects: "votes", levels: spec.levels, received: showValue(raw) });
    return undefined;
  }
  if (reportInherited(raw, report)) return undefined;
  const count = (key: string): Dec | undefined => {
    const d = parseDecimal(own(raw, key));
    if (d === undefined || !d.isInteger() || d.lt(0)) {
      report("DATA_INVALID_VALUE", { expected: `a whole number of votes for "${key}"`, expects: "vote-count", key, ...receivedOf(own(raw, key)) }, `.${key}`);
      return undefined;
    }
    return d;
  };
  const allowed = [...spec.levels, ...VOTE_EXTRAS];
  let unknownKey = false;
  for (const key of Object.keys(raw))
    if (!allowed.includes(key)) {
      unknownKey = true;
      report("DATA_BAD_SHAPE", { expected: `vote keys ${allowed.join(", ")}`, expects: "vote-key", allowed, key, received: `"${key}"` }, `.${key}`);
    }
  if (unknownKey) return undefined;
  const levels = Object.create(null) as Record<string, Dec>;
  for (const level of spec.levels) {
    if (own(raw, level) === undefined) {
      report("DATA_BAD_SHAPE", { expected: `a count for every level (${spec.levels.join(", ")})`, expects: "vote-levels", levels: spec.levels, level, allowed, received: `no "${level}"` });
      return undefined;
    }
    const d = count(level);
    if (d === undefined) return undefined;
    levels[level] = d;
  }
  const extra = (key: string) => (own(raw, key) === undefined ? ZERO : count(key));
  const abstain = extra("abstain");
  const invalid = extra("invalid");
  const issued = own(raw, "issued") === undefined ? undefined : count("issued");
  if (abstain === undefined || invalid === undefined || (own(raw, "issued") !== undefined && issued === undefined)) return undefined;
  return { levels, abstain, invalid, ...(issued !== undefined ? { issued } : {}) };
}

function readRecords(spec: { fields: Readonly<Record<string, "text" | "count" | "number">> }, raw: unknown, report: Report): RecordValue[] | undefined {
  const names = Object.keys(spec.fields);
  if (!Array.isArray(raw)) {
    report("DATA_BAD_SHAPE", { expected: `a list of records with ${names.join(", ")}`, expects: "records", fields: names, received: showValue(raw) });
    return undefined;
  }
  const out: RecordValue[] = [];
  for (let i = 0; i < raw.length; i++) {
    const rec: unknown = raw[i];
    const at = `[${i + 1}]`;
    if (!isMapping(rec)) {
      report("DATA_BAD_SHAPE", { expected: `a mapping (record ${i + 1})`, expects: "record", index: i + 1, received: Object.hasOwn(raw, i) ? showValue(rec) : "a hole in the list", ...(Object.hasOwn(raw, i) ? {} : { got: "hole" }) }, at);
      return undefined;
    }
    if (reportInherited(rec, report, at)) return undefined;
    // Null prototype: a field named toString or __proto__ is data, never a method or a prototype.
    const r = Object.create(null) as Record<string, string | Dec>;
    for (const k of Object.keys(rec)) {
      const v = rec[k];
      const type = Object.hasOwn(spec.fields, k) ? spec.fields[k] : undefined;
      if (!type) {
        report("DATA_BAD_SHAPE", { expected: `one of the record fields ${names.join(", ")}`, expects: "record-field", allowed: names, key: k, index: i + 1, received: `"${k}" in record ${i + 1}` }, `${at}.${k}`);
        return undefined;
      }
      if (type === "text") {
        const t = scalarText(v);
        if (t === undefined) {
          report("DATA_BAD_SHAPE", { expected: "text (a string or a number)", expects: "text", received: showValue(v) }, `${at}.${k}`);
          return undefined;
        }
        r[k] = t;
      } else {
        const d = readNumber({ type, min: ZERO }, v, (code, params) => report(code, params, `${at}.${k}`), false);
        if (d === undefined) return undefined;
        r[k] = d;
      }
    }
    out.push(r);
  }
  return out;
}
