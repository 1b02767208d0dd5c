/**
 * The data boundary: raw subject rows (from JSON or CSV) → validated input values.
 * Every problem names the row, the subject id and the field. Missing values are
 * recorded here and reported when the engine actually reads them, so an input
 * used only by another domain's extra items (加试题) is not demanded of everyone.
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import { parseDate } from "./dates.js";
import { decimalPlaces, parseDecimal, ZERO, type Dec } from "./decimal.js";
import type { CompiledRubric, InputSpec, InputValue, RankValue, RecordValue, ScoreSheet, VoteCounts } from "../compile/model.js";

/** One subject's raw data: `id` (required), optional `name` and `group`, and input values by name or label. */
export type SubjectData = Readonly<Record<string, unknown>>;

export const RESERVED_FIELDS = ["id", "name", "group"] as const;

/** A subject after the boundary: identity plus validated values for one rubric. */
export interface PreparedSubject {
  readonly id: string;
  readonly name?: string;
  readonly group?: string;
  /** 1-indexed position in the data. */
  readonly row: number;
  readonly values: ReadonlyMap<string, InputValue>;
  /**
   * Inputs the subject does not give and that have no default (records excepted: an
   * absent records input is an empty list). Those with `missing: zero` are also in
   * `values`, as zero (a scores input as an empty list).
   */
  readonly absent: ReadonlySet<string>;
  /** Input name → the column as the data writes it (the name or the label). */
  readonly columns: ReadonlyMap<string, string>;
}

export interface SubjectIdentity {
  readonly id: string;
  readonly name?: string;
  readonly group?: string;
  readonly row: number;
  readonly data: SubjectData;
}

/** The columns that hold a subject's id, name and group (beside "id", "name", "group"), and the ignored ones. */
function subjectColumns(rubrics: readonly CompiledRubric[]): { fields: Record<(typeof RESERVED_FIELDS)[number], string[]>; ignored: Set<string> } {
  const fields = { id: ["id"], name: ["name"], group: ["group"] };
  const ignored = new Set<string>();
  const add = (list: string[], column: string | undefined) => {
    if (column !== undefined && !list.includes(column)) list.push(column);
  };
  for (const r of rubrics) {
    add(fields.id, r.idColumn);
    add(fields.name, r.nameColumn);
    add(fields.group, r.groupLabel);
    for (const c of r.ignoredColumns) ignored.add(c);
  }
  return { fields, ignored };
}

const has = (data: SubjectData, key: string): boolean => Object.prototype.hasOwnProperty.call(data, key);

/** Check ids (present, unique) and that every field is known to some rubric. */
export function checkSubjects(rows: readonly SubjectData[], rubrics: readonly CompiledRubric[]): { subjects: SubjectIdentity[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const { fields, ignored } = subjectColumns(rubrics);
  const known = new Set<string>([...fields.id, ...fields.name, ...fields.group, ...ignored]);
  for (const r of rubrics)
    for (const spec of r.inputs.values()) {
      known.add(spec.name);
      if (spec.label) known.add(spec.label);
    }
  const nested = nestedInputs(rubrics);
  const firstRow = new Map<string, number>();
  // An unknown column is one problem, reported at its first row with the count of rows.
  const unknown = new Map<string, { row: number; id: string; index: number; rows: number }>();
  const subjects: SubjectIdentity[] = [];
  rows.forEach((raw, i) => {
    const data = foldColumns(raw, nested);
    const row = i + 1;
    // A subject field is read from one column: "id" or the rubric's id column (编号), never both.
    let conflict = false;
    const pick = (field: (typeof RESERVED_FIELDS)[number], id?: string): { column: string; value: unknown } | undefined => {
      const given = fields[field].filter((c) => has(data, c) && !isAbsent(data[c]));
      if (given.length > 1) {
        conflict = true;
        issues.push(
          makeIssue(
            "DATA_BAD_SHAPE",
            { field: given[1], expected: `given once (the subject's ${field})`, received: `both "${given[0]}" and "${given[1]}"` },
            { row, field: given[1], path: [i, given[1]!], ...(id !== undefined ? { subject: id } : {}) },
          ),
        );
      }
      return given.length ? { column: given[0]!, value: data[given[0]!] } : undefined;
    };
    const idCell = pick("id");
    const rawId = idCell?.value;
    const id = typeof rawId === "number" ? String(rawId) : typeof rawId === "string" ? rawId.trim() : "";
    if (conflict) return;
    if (id === "") {
      const column = idCell?.column ?? fields.id[fields.id.length - 1]!;
      issues.push(makeIssue("DATA_MISSING_ID", { field: column }, { row, field: column, path: [i, column] }));
      return;
    }
    const first = firstRow.get(id);
    if (first !== undefined) {
      issues.push(makeIssue("DATA_DUPLICATE_ID", { id, firstRow: first }, { row, subject: id, field: idCell!.column, path: [i, idCell!.column] }));
      return;
    }
    firstRow.set(id, row);
    for (const key of Object.keys(data)) {
      if (known.has(key)) continue;
      const seen = unknown.get(key);
      if (seen) seen.rows++;
      else unknown.set(key, { row, id, index: i, rows: 1 });
    }
    const text = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : String(v));
    const name = text(pick("name", id)?.value);
    const group = text(pick("group", id)?.value);
    if (conflict) return;
    subjects.push({ id, row, data, ...(name !== undefined ? { name } : {}), ...(group !== undefined ? { group } : {}) });
  });
  for (const [field, at] of unknown)
    issues.push(makeIssue("DATA_UNKNOWN_FIELD", { field, rows: at.rows }, { row: at.row, subject: at.id, field, path: [at.index, field] }));
  return { subjects, issues };
}

/** Inputs whose values are nested (lists or mappings), by name and by label. */
function nestedInputs(rubrics: readonly CompiledRubric[]): Map<string, InputSpec> {
  const out = new Map<string, InputSpec>();
  for (const r of rubrics)
    for (const spec of r.inputs.values())
      if (spec.type === "scores" || spec.type === "votes" || spec.type === "series" || spec.type === "records") {
        out.set(spec.name, spec);
        if (spec.label) out.set(spec.label, spec);
      }
  return out;
}

/**
 * The flat-column convention (CSV): `leaders.r1`, `leaders.r2` → leaders: {r1, r2};
 * `votes.好` → votes: {好}; `monthly.1` … `monthly.12` → monthly: [..]; a records
 * cell holds a JSON list. Empty cells are left out. Returns the row itself when
 * nothing folds, otherwise a view with the folded values over the row.
 */
export function foldColumns(row: SubjectData, nested: ReadonlyMap<string, InputSpec>): SubjectData {
  if (nested.size === 0) return row;
  let overlay: Record<string, unknown> | undefined;
  let dropped: Set<string> | undefined;
  for (const key in row) {
    const dot = key.indexOf(".");
    const spec = dot > 0 ? nested.get(key.slice(0, dot)) : nested.get(key);
    if (!spec) continue;
    const value = row[key];
    overlay ??= {};
    if (dot < 0) {
      if (spec.type === "records" && typeof value === "string" && value.trim().startsWith("[")) {
        try {
          overlay[key] = JSON.parse(value);
        } catch {
          /* left as text: the boundary reports it as a bad shape */
        }
      }
      continue;
    }
    (dropped ??= new Set()).add(key);
    if (isAbsent(value)) continue;
    const base = key.slice(0, dot);
    const sub = key.slice(dot + 1);
    if (spec.type === "series") {
      const list = (Array.isArray(overlay[base]) ? overlay[base] : []) as unknown[];
      const index = Number(sub);
      if (Number.isInteger(index) && index >= 1) list[index - 1] = value;
      else list.push(value);
      overlay[base] = list;
    } else {
      const obj = (overlay[base] && typeof overlay[base] === "object" ? overlay[base] : {}) as Record<string, unknown>;
      obj[sub] = value;
      overlay[base] = obj;
    }
  }
  if (!overlay) return row;
  for (const [k, v] of Object.entries(overlay)) if (Array.isArray(v)) overlay[k] = Array.from(v, (x) => x ?? null);
  const folded: Record<string, unknown> = {};
  for (const key in row) if (!dropped?.has(key)) folded[key] = row[key];
  return Object.assign(folded, overlay);
}

/** Validate one subject's values for one rubric. */
export function prepareSubject(subject: SubjectIdentity, rubric: CompiledRubric, issues: Issue[]): PreparedSubject {
  const values = new Map<string, InputValue>();
  const absent = new Set<string>();
  const columns = new Map<string, string>();
  const data = subject.data;
  for (const spec of rubric.inputs.values()) {
    // One column is read once, whether named by the input's name or its label (which may be the same).
    const keys = spec.label !== undefined && spec.label !== spec.name ? [spec.name, spec.label] : [spec.name];
    const given = keys.filter((k) => has(data, k) && !isAbsent(data[k]));
    // The column as the user writes it: the one given, else the one present (empty), else the label.
    const column = given[0] ?? keys.find((k) => has(data, k)) ?? spec.label ?? spec.name;
    columns.set(spec.name, column);
    const where = (at = "") => ({ row: subject.row, subject: subject.id, field: column + at, rubric: rubric.id, path: [subject.row - 1, column + at] });
    if (given.length > 1) {
      issues.push(makeIssue("DATA_BAD_SHAPE", { field: column, input: spec.name, expected: "given once", received: `both "${given[0]}" and "${given[1]}"` }, where()));
      continue;
    }
    if (given.length === 0) {
      const def = "default" in spec ? spec.default : undefined;
      if (def !== undefined) values.set(spec.name, def);
      else if (spec.type === "records") values.set(spec.name, []);
      else {
        absent.add(spec.name);
        // missing: zero on the input: every reader sees 0 (a scores input: an empty list, nothing chosen).
        if (spec.missing === "zero") values.set(spec.name, spec.type === "scores" ? EMPTY_SHEET : ZERO);
      }
      continue;
    }
    const report: Report = (code, params, at) => issues.push(makeIssue(code, { field: column + (at ?? ""), input: spec.name, ...params }, where(at)));
    const value = readValue(spec, data[given[0]!], report);
    if (value !== undefined) values.set(spec.name, value);
  }
  return {
    id: subject.id,
    row: subject.row,
    values,
    absent,
    columns,
    ...(subject.name !== undefined ? { name: subject.name } : {}),
    ...(subject.group !== undefined ? { group: subject.group } : {}),
  };
}

/** An empty list of scores: a chosen entry with nothing chosen. */
export const EMPTY_SHEET: ScoreSheet = Object.freeze({ raters: Object.freeze([]), values: Object.freeze([]) });

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** Report a problem with the value; `at` names a part of it (".r2" of a rater mapping, ".3" of a series). */
type Report = (
  code: "DATA_NOT_NUMBER" | "DATA_NOT_INTEGER" | "DATA_TOO_PRECISE" | "DATA_OUT_OF_RANGE" | "DATA_INVALID_VALUE" | "DATA_INVALID_DATE" | "DATA_BAD_SHAPE",
  params: Record<string, unknown>,
  at?: string,
) => void;

const TRUE = new Set(["true", "yes", "y", "1", "是", "有", "√"]);
const FALSE = new Set(["false", "no", "n", "0", "否", "无", "×"]);

function readValue(spec: InputSpec, raw: unknown, report: Report): InputValue | undefined {
  switch (spec.type) {
    case "number":
    case "count":
    case "ratio":
      return readNumber(spec, raw, report, spec.type !== "count");
    case "boolean": {
      if (typeof raw === "boolean") return raw;
      const t = String(raw).trim().toLowerCase();
      if (TRUE.has(t)) return true;
      if (FALSE.has(t)) return false;
      report("DATA_INVALID_VALUE", { expected: "true or false (also yes/no, 1/0, 是/否)", allowed: ["true", "false"], received: raw });
      return undefined;
    }
    case "choice":
    case "grade": {
      const options = spec.type === "choice" ? spec.values : spec.scale;
      const t = String(raw).trim();
      if (options.includes(t)) return t;
      report("DATA_INVALID_VALUE", { expected: `one of ${options.join(", ")}`, allowed: options, received: raw });
      return undefined;
    }
    case "text":
      return String(raw);
    case "date": {
      // 2024-03-01, 2024/3/1 or 2024年3月1日 → "2024-03-01"; an impossible date is an error.
      const d = parseDate(raw);
      if ("iso" in d) return d.iso;
      report("DATA_INVALID_DATE", { received: raw, detail: d.error });
      return undefined;
    }
    case "rank":
      return readRank(raw, report);
    case "scores":
      return readScores(spec, raw, report);
    case "series": {
      if (!Array.isArray(raw) || raw.length !== spec.length) {
        report("DATA_BAD_SHAPE", { expected: `a list of ${spec.length} numbers`, received: Array.isArray(raw) ? `${raw.length} values` : JSON.stringify(raw) });
        return undefined;
      }
      const out: Dec[] = [];
      for (const [i, v] of raw.entries()) {
        const d = readNumber({ ...spec, type: "number", clamp: false }, v, (code, params) => report(code, params, `.${i + 1}`), false);
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
  const text = typeof raw === "string" ? raw.trim() : raw;
  const d = typeof text === "string" && text.includes("%") && !percentAllowed ? undefined : parseDecimal(text);
  if (d === undefined) {
    report("DATA_NOT_NUMBER", { received: raw });
    return undefined;
  }
  if (spec.type === "count" && !d.isInteger()) {
    report("DATA_NOT_INTEGER", { received: raw });
    return undefined;
  }
  if (spec.places !== undefined && decimalPlaces(d) > spec.places) {
    report("DATA_TOO_PRECISE", { places: spec.places, received: raw });
    return undefined;
  }
  const below = spec.min !== undefined && d.lt(spec.min);
  const above = spec.max !== undefined && d.gt(spec.max);
  if (below || above) {
    if (spec.clamp) return below ? spec.min! : spec.max!;
    report("DATA_OUT_OF_RANGE", { expected: rangeText(spec.min, spec.max), received: raw });
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
  } else if (raw && typeof raw === "object" && "rank" in raw && "of" in raw) {
    const r = raw as { rank: unknown; of: unknown };
    if (Number.isInteger(r.rank) && Number.isInteger(r.of)) [rank, of] = [r.rank as number, r.of as number];
  }
  if (rank === undefined || of === undefined || rank < 1 || rank > of) {
    report("DATA_BAD_SHAPE", { expected: 'a rank "k/N" with 1 ≤ k ≤ N', received: JSON.stringify(raw) });
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
  const list = (items: readonly unknown[]) => items.every((v, i) => one(v, null, i + 1));
  if (Array.isArray(raw)) {
    if (!list(raw)) return undefined;
  } else if (raw && typeof raw === "object") {
    for (const [rater, v] of Object.entries(raw)) if (!one(v, rater)) return undefined;
  } else if (typeof raw === "string" && raw.trim().startsWith("[")) {
    // A list in one cell: [] is an empty list (nothing chosen), [80, 85] two scores.
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed)) {
      report("DATA_BAD_SHAPE", { expected: LIST_TEXT, received: raw });
      return undefined;
    }
    if (!list(parsed)) return undefined;
  } else if (typeof raw === "string" && /[;；]/.test(raw)) {
    // 80;85 (or the full-width ；). An empty part is an error, never dropped.
    const parts = raw.split(/[;；]/);
    const empty = parts.findIndex((p) => p.trim() === "");
    if (empty >= 0) {
      report("DATA_BAD_SHAPE", { expected: `${LIST_TEXT}, with no empty part`, received: raw, position: empty + 1 });
      return undefined;
    }
    if (!list(parts)) return undefined;
  } else if (!one(raw, null)) return undefined;
  return { raters, values };
}

const VOTE_EXTRAS = ["abstain", "invalid", "issued"] as const;

function readVotes(spec: { levels: readonly string[] }, raw: unknown, report: Report): VoteCounts | undefined {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    report("DATA_BAD_SHAPE", { expected: `vote counts {${spec.levels.join(", ")}, abstain?, invalid?, issued?}`, received: JSON.stringify(raw) });
    return undefined;
  }
  const obj = raw as Record<string, unknown>;
  const count = (key: string): Dec | undefined => {
    const d = parseDecimal(obj[key]);
    if (d === undefined || !d.isInteger() || d.lt(0)) {
      report("DATA_INVALID_VALUE", { expected: `a whole number of votes for "${key}"`, received: obj[key] }, `.${key}`);
      return undefined;
    }
    return d;
  };
  for (const key of Object.keys(obj))
    if (!spec.levels.includes(key) && !(VOTE_EXTRAS as readonly string[]).includes(key))
      report("DATA_BAD_SHAPE", { expected: `vote keys ${[...spec.levels, ...VOTE_EXTRAS].join(", ")}`, allowed: [...spec.levels, ...VOTE_EXTRAS], received: `"${key}"` });
  const levels: Record<string, Dec> = {};
  for (const level of spec.levels) {
    if (obj[level] === undefined) {
      report("DATA_BAD_SHAPE", { expected: `a count for every level (${spec.levels.join(", ")})`, allowed: [...spec.levels, ...VOTE_EXTRAS], received: `no "${level}"` });
      return undefined;
    }
    const d = count(level);
    if (d === undefined) return undefined;
    levels[level] = d;
  }
  const extra = (key: string) => (obj[key] === undefined ? ZERO : count(key));
  const abstain = extra("abstain");
  const invalid = extra("invalid");
  const issued = obj.issued === undefined ? undefined : count("issued");
  if (abstain === undefined || invalid === undefined || (obj.issued !== undefined && issued === undefined)) return undefined;
  return { levels, abstain, invalid, ...(issued !== undefined ? { issued } : {}) };
}

function readRecords(spec: { fields: Readonly<Record<string, "text" | "count" | "number">> }, raw: unknown, report: Report): RecordValue[] | undefined {
  if (!Array.isArray(raw)) {
    report("DATA_BAD_SHAPE", { expected: `a list of records with ${Object.keys(spec.fields).join(", ")}`, received: JSON.stringify(raw) });
    return undefined;
  }
  const out: RecordValue[] = [];
  for (const [i, rec] of raw.entries()) {
    if (!rec || typeof rec !== "object" || Array.isArray(rec)) {
      report("DATA_BAD_SHAPE", { expected: `record ${i + 1} to be a mapping`, received: JSON.stringify(rec) });
      return undefined;
    }
    const r: Record<string, string | Dec> = {};
    for (const [k, v] of Object.entries(rec as Record<string, unknown>)) {
      const type = spec.fields[k];
      if (!type) {
        report("DATA_BAD_SHAPE", { expected: `record fields ${Object.keys(spec.fields).join(", ")}`, received: `"${k}" in record ${i + 1}` });
        return undefined;
      }
      if (type === "text") r[k] = String(v);
      else {
        const d = readNumber({ type, min: ZERO }, v, report, false);
        if (d === undefined) return undefined;
        r[k] = d;
      }
    }
    out.push(r);
  }
  return out;
}
