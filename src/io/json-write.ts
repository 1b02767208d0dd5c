/**
 * The score document of `kaohe score --format json|ndjson`, written unit by unit.
 *
 * Never one giant string: the document is handed to `write` in chunks of about
 * `CHUNK` characters, each unit stringified on its own, so memory holds one chunk,
 * not the document (V8 cannot hold a string longer than about 512 MB, which a
 * million-unit document exceeds many times over).
 *
 * JSON: the bytes are exactly those of `JSON.stringify(document, null, 2)` for the
 * document the shape describes (key order, indentation and the order in which an
 * object's integer-like keys come first included), so a reader cannot tell it was
 * streamed. NDJSON: one JSON object per line (see `writeScoreNdjson`).
 */
import type { CompiledRubric } from "../compile/model.js";
import { adjustmentsOf, transientNodes, unitCursor, type RubricResult, type SubjectResult, type UnitCursor, type UnitTables } from "../report/result.js";
import type { Feedback, SubjectFeedback } from "../report/feedback.js";
import { format } from "../decimal/decimal.js";
import { ByteWriter, encodeText } from "./byte-writer.js";

/**
 * How much per-subject feedback the document carries (`--feedback`):
 * "none": no `feedback` at all; "summary": the batch's common problems (共性问题)
 * only; "full": also every subject's problems, highlights and points to the next grade.
 */
export type FeedbackLevel = "none" | "summary" | "full";

export const FEEDBACK_LEVELS: readonly FeedbackLevel[] = ["none", "summary", "full"];

/** What each unit of the document carries. */
export interface DocumentShape {
  /** Each unit's `nodes` (the points of every item and group; with lines when the trail has them). */
  readonly nodes: boolean;
  readonly feedback: FeedbackLevel;
}

/** One rubric's result with its feedback (absent only when the shape's feedback is "none"). */
export interface ScoreEntry {
  readonly rubric: CompiledRubric;
  readonly result: RubricResult;
  readonly feedback?: Feedback;
}

/**
 * `JSON.stringify(value, null, 2)` as it appears nested at `depth` (its lines after
 * the first indented by 2 × depth spaces). A JSON string never holds a raw line
 * break, so every "\n" of the text is a line of the layout.
 */
function nested(value: unknown, depth: number): string {
  if (depth === 0) return JSON.stringify(value, null, 2);
  // Stringified inside `depth` arrays, the value is laid out at that depth; the arrays' own
  // brackets are cut off: d² + 3d characters before ("[\n  [\n…" and the value's indent), d² + d after.
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(depth * depth + 3 * depth, text.length - (depth * depth + depth));
}

/** An array index as an object key ("0", "17"; not "01" or "4294967295"): such keys come first, in numeric order. */
const isIndexKey = (k: string) => /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4294967295;

/** Keys in the order an object created by inserting them in this order lists them (index keys first, ascending). */
export function objectKeyOrder(keys: readonly string[]): string[] {
  const index = keys.filter(isIndexKey);
  if (index.length === 0) return [...keys];
  index.sort((a, b) => Number(a) - Number(b));
  return [...index, ...keys.filter((k) => !isIndexKey(k))];
}

/**
 * A unit as the document shows it, keys in the unit's order: without `nodes` unless the
 * shape keeps them (then read with transientNodes, so a unit's trail is not kept on it
 * once written and memory does not grow with the trails; without them never read, so a
 * lazy trail is not computed).
 */
function unitView(u: SubjectResult, nodes: boolean): object {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(u)) {
    if (k === "nodes") {
      if (nodes) out.nodes = transientNodes(u);
    } else out[k] = (u as unknown as Record<string, unknown>)[k];
  }
  return out;
}

/** A string that JSON.stringify writes as it is between quotes: no quote, backslash, control character or surrogate. */
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** JSON.stringify(s) for a string: most ids, scores and grades need no escape. */
function quote(s: string): string {
  return PLAIN.test(s) ? `"${s}"` : JSON.stringify(s);
}

/**
 * A member value as JSON.stringify writes it inside an object at `depth` (pretty when
 * `pretty`, else compact), or undefined for a value it leaves out (undefined, a function,
 * a symbol). Strings, numbers, booleans, null and empty arrays directly; anything else
 * through JSON.stringify itself (toJSON, nesting, a BigInt's TypeError).
 */
function memberValue(v: unknown, depth: number, pretty: boolean): string | undefined {
  switch (typeof v) {
    case "string":
      return quote(v);
    case "number":
      return Number.isFinite(v) ? String(v) : "null";
    case "boolean":
      return v ? "true" : "false";
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    case "object":
      if (v === null) return "null";
      if (Array.isArray(v) && v.length === 0 && (v as { toJSON?: unknown }).toJSON === undefined) return "[]";
      break;
  }
  return pretty ? nested(v, depth) : JSON.stringify(v);
}

/**
 * Each unit of the document, written member by member instead of through an object
 * copy and JSON.stringify: the same bytes as `nested(unitView(u, nodes), depth)`
 * (pretty) or the members of `JSON.stringify({ type: "unit", rubric, ...unitView(u,
 * nodes), feedback? })` (NDJSON). Member prefixes (`,\n    "key": `) are encoded once.
 *
 * A unit the result has not built (unitCursor `fresh`) is written from the columns of
 * its tables when it is quiet (not excluded, no adjustments, actions, tier, fired rules
 * or grade notes, no nodes asked for): its score's digits from the exact total, its
 * grade pair and group as bytes made once, no unit object and no string per member. So
 * is a unit whose only other content is its adjustments (a quota's moves), with its
 * adjustments as the unit would list them (adjustmentsOf). Any other unit is built and
 * written from its fields (`fresh`, `members`).
 */
class UnitWriter {
  private readonly prefixes = new Map<string, string>();
  private readonly separated = new Map<string, string>();
  private readonly indent: string;
  private readonly groups = new Map<string, Uint8Array>();
  private readonly grades = new Map<string | null, Map<string | null, Uint8Array>>();
  /** Grade pairs by (grade, rawGrade) row codes, for units written from the tables. */
  private readonly gradeCodes = new Map<number, Uint8Array>();
  private readonly pId: Uint8Array;
  private readonly pIdNext: Uint8Array;
  private readonly pName: Uint8Array;
  private readonly pScore: Uint8Array;
  private readonly pRank: Uint8Array;
  private readonly pGroupRank: Uint8Array;
  private readonly pNull = encodeText("null");
  /** excluded false, no adjustments, no actions, no tier: the usual unit. */
  private readonly quietMiddle: Uint8Array;
  /** No fired rules, no grade notes. */
  private readonly quietEnd: Uint8Array;
  /** An adjusted row's members around its adjustments (`row`). */
  private readonly adjustedHead: Uint8Array;
  private readonly adjustedTail: Uint8Array;
  /** `{`, and `\n` + indent + `}`: a unit's braces (pretty). */
  private readonly close: Uint8Array;

  constructor(
    private readonly out: ByteWriter,
    private readonly depth: number,
    private readonly pretty: boolean,
    private readonly nodes: boolean,
  ) {
    this.indent = "  ".repeat(depth);
    this.pId = encodeText(this.prefix("id"));
    this.pIdNext = encodeText(this.sep("id"));
    this.pName = encodeText(this.sep("name"));
    this.pScore = encodeText(this.sep("score"));
    this.pRank = encodeText(this.sep("rank"));
    this.pGroupRank = encodeText(this.sep("groupRank"));
    this.quietMiddle = encodeText(`${this.sep("excluded")}false${this.sep("adjustments")}[]${this.sep("actions")}[]${this.sep("tier")}null`);
    this.quietEnd = encodeText(`${this.sep("rules")}[]${this.sep("gradeNotes")}[]`);
    this.adjustedHead = encodeText(`${this.sep("excluded")}false${this.sep("adjustments")}`);
    this.adjustedTail = encodeText(`${this.sep("actions")}[]${this.sep("tier")}null`);
    this.close = encodeText(`\n${this.indent}}`);
  }

  /** `"key": ` (pretty: on its own line, indented), the first member's. */
  private prefix(key: string): string {
    let p = this.prefixes.get(key);
    if (p === undefined) {
      p = this.pretty ? `\n${this.indent}  ${JSON.stringify(key)}: ` : `${JSON.stringify(key)}:`;
      this.prefixes.set(key, p);
    }
    return p;
  }

  /** `,` and the prefix: every member's but the first. */
  private sep(key: string): string {
    let p = this.separated.get(key);
    if (p === undefined) this.separated.set(key, (p = `,${this.prefix(key)}`));
    return p;
  }

  private value(v: unknown): string | undefined {
    return memberValue(v, this.depth + 1, this.pretty);
  }

  /** The unit's members, each after a comma but the first (`first`: nothing written before them). */
  members(u: SubjectResult, first: boolean): boolean {
    const fields = u as unknown as Record<string, unknown>;
    let text = "";
    for (const k of Object.keys(u)) {
      let value: string | undefined;
      if (k === "nodes") {
        if (!this.nodes) continue;
        value = this.value(transientNodes(u));
      } else value = this.value(fields[k]);
      if (value === undefined) continue;
      text += (first ? this.prefix(k) : this.sep(k)) + value;
      first = false;
    }
    this.out.text(text);
    return text !== "";
  }

  /**
   * The members of a unit that the result built just now (unitCursor's `fresh`): its keys
   * are id, name?, group?, score, grade, rawGrade, rank, groupRank, excluded,
   * adjustments, actions, tier, nodes, rules, gradeNotes, and no value is undefined.
   * The same bytes as `members(u, first)`.
   */
  fresh(u: SubjectResult, first: boolean): void {
    const out = this.out;
    this.identity(u.id, u.name, u.group, first);
    out.bytes(this.pScore);
    out.quoted(u.score);
    out.bytes(this.grade(u.grade, u.rawGrade));
    this.ranks(u.rank ?? 0, u.groupRank ?? 0);
    if (!u.excluded && u.adjustments.length === 0 && u.actions.length === 0 && u.tier === null) out.bytes(this.quietMiddle);
    else out.text(this.sep("excluded") + (u.excluded ? "true" : "false") + this.sep("adjustments") + this.value(u.adjustments)! + this.sep("actions") + this.value(u.actions)! + this.sep("tier") + this.value(u.tier)!);
    if (this.nodes) out.text(this.sep("nodes") + this.value(transientNodes(u))!);
    if (u.rules.length === 0 && u.gradeNotes.length === 0) out.bytes(this.quietEnd);
    else out.text(this.sep("rules") + this.value(u.rules)! + this.sep("gradeNotes") + this.value(u.gradeNotes)!);
  }

  /** The tables whose rows `quietRows` marks. */
  private quietOf: UnitTables | undefined;
  /** Per row: BUILT, QUIET or ADJUSTED (markQuiet). */
  private quietRows = new Uint8Array(0);

  /** How row i of the tables is written: QUIET or ADJUSTED by `row` (see the class comment), BUILT from its unit. */
  quiet(t: UnitTables, i: number): number {
    if (this.nodes) return BUILT;
    if (this.quietOf !== t) this.markQuiet(t);
    return this.quietRows[i]!;
  }

  /**
   * Mark the rows of the tables in one pass over the excluded column and the keys of the
   * sparse maps (a lookup per unit in five maps, in rank order, costs more): QUIET, or
   * ADJUSTED when all it has besides is adjustments (a quota's moves can reach most
   * subjects of a batch), else BUILT.
   */
  private markQuiet(t: UnitTables): void {
    const n = t.excluded.length;
    const rows = new Uint8Array(n);
    for (let i = 0; i < n; i++) rows[i] = t.excluded[i] === 0 ? QUIET : BUILT;
    for (const i of t.adjustments.keys()) if (rows[i] === QUIET) rows[i] = ADJUSTED;
    for (const map of [t.actions, t.tiers, t.fired, t.notes] as ReadonlyMap<number, unknown>[]) for (const i of map.keys()) rows[i] = BUILT;
    this.quietRows = rows;
    this.quietOf = t;
  }

  /** The members of quiet row i (or, `adjusted`, a row whose unit has only adjustments besides), read from the tables: the bytes `fresh` writes for the unit of that row. */
  row(t: UnitTables, i: number, first: boolean, adjusted = false): void {
    const out = this.out;
    this.identity(t.ids[i]!, t.names?.[i], t.groups?.[i], first);
    out.bytes(this.pScore);
    const total = t.total[i]!;
    const scaled = t.places === undefined ? undefined : total.scaled(t.places);
    if (scaled === undefined) out.quoted(format(total, t.places));
    else {
      out.byte(0x22);
      out.fixed(scaled, t.places!);
      out.byte(0x22);
    }
    // Not excluded (a quiet row): the grade is the row's grade.
    const g = t.grade[i]!;
    const raw = t.rawGrade[i]!;
    // Row codes run from −1 to the number of grades (noGrade is one of them): one key per pair.
    const key = (g + 1) * (t.gradeIds.length + 2) + (raw + 1);
    let pair = this.gradeCodes.get(key);
    if (pair === undefined) {
      const id = (c: number) => (c === t.noGrade ? null : t.gradeIds[c]!);
      this.gradeCodes.set(key, (pair = this.grade(id(g), id(raw))));
    }
    out.bytes(pair);
    this.ranks(t.rank[i]!, t.groupRank[i]!);
    if (adjusted) {
      out.bytes(this.adjustedHead);
      out.text(this.value(adjustmentsOf(t, i))!);
      out.bytes(this.adjustedTail);
    } else out.bytes(this.quietMiddle);
    out.bytes(this.quietEnd);
  }

  /** What `touch` read (kept so the reads are not dropped). */
  touched = 0;

  /**
   * Read what `row` reads for units from..to − 1 of the cursor, in one tight loop, before
   * they are written: units come in rank order, so each reads rows scattered over the
   * tables (and the totals and ids over the heap); here the loads of many rows are in
   * flight at once, where `row`'s own code between them would leave each to wait on
   * memory. It computes nothing the writing needs.
   */
  touch(t: UnitTables, units: UnitCursor, from: number, to: number): void {
    let x = 0;
    const { ids, groups, total, grade, rawGrade, rank, groupRank } = t;
    for (let k = from; k < to; k++) {
      const i = units.row(k);
      x += ids[i]!.charCodeAt(0) + grade[i]! + rawGrade[i]! + rank[i]! + groupRank[i]!;
      if (groups !== undefined) x += groups[i]?.length ?? 0;
      if (total[i]!.isZero()) x++;
    }
    this.touched += x;
  }

  /** `"id": "…"` (after a comma unless `first`), then `,"name": "…"` and `,"group": "…"` where given. */
  private identity(id: string, name: string | undefined, group: string | undefined, first: boolean): void {
    const out = this.out;
    out.bytes(first ? this.pId : this.pIdNext);
    out.quoted(id);
    if (name !== undefined) {
      out.bytes(this.pName);
      out.quoted(name);
    }
    if (group !== undefined) out.bytes(this.group(group));
  }

  /** `,"rank": n,"groupRank": n` (0: null). */
  private ranks(rank: number, groupRank: number): void {
    const out = this.out;
    out.bytes(this.pRank);
    if (rank === 0) out.bytes(this.pNull);
    else out.whole(rank);
    out.bytes(this.pGroupRank);
    if (groupRank === 0) out.bytes(this.pNull);
    else out.whole(groupRank);
  }

  /** `,"group": "…"`, made once per group. */
  private group(group: string): Uint8Array {
    let bytes = this.groups.get(group);
    if (bytes === undefined) this.groups.set(group, (bytes = encodeText(this.sep("group") + quote(group))));
    return bytes;
  }

  /** `,"grade": "…","rawGrade": "…"`, made once per pair. */
  private grade(grade: string | null, raw: string | null): Uint8Array {
    let byRaw = this.grades.get(grade);
    if (byRaw === undefined) this.grades.set(grade, (byRaw = new Map()));
    let bytes = byRaw.get(raw);
    if (bytes === undefined) byRaw.set(raw, (bytes = encodeText(this.sep("grade") + this.value(grade)! + this.sep("rawGrade") + this.value(raw)!)));
    return bytes;
  }

  /** Unit k of the cursor as JSON.stringify(unitView(u), null, 2) nested at the depth. */
  json(units: UnitCursor, k: number): void {
    const out = this.out;
    out.byte(0x7b);
    // No member at all: `{}`.
    if (this.unitMembers(units, k, true, undefined)) out.bytes(this.close);
    else out.byte(0x7d);
  }

  /** Unit k's members after others (NDJSON); `u` when the caller has the unit already. */
  line(units: UnitCursor, k: number, u: SubjectResult | undefined): void {
    this.unitMembers(units, k, false, u);
  }

  /** Unit k's members, from the tables (a quiet unit not yet built) or from its fields; whether any was written. */
  private unitMembers(units: UnitCursor, k: number, first: boolean, u: SubjectResult | undefined): boolean {
    const t = units.tables;
    const how = u === undefined && t !== undefined ? this.quiet(t, units.row(k)) : BUILT;
    if (how !== BUILT) this.row(t!, units.row(k), first, how === ADJUSTED);
    else if (units.fresh) this.fresh(u ?? units.unit(k), first);
    else return this.members(u ?? units.unit(k), first);
    return true;
  }
}

/** How a row is written (UnitWriter.quiet): from its unit, or from the tables (quiet, or with adjustments only). */
const BUILT = 0;
const QUIET = 1;
const ADJUSTED = 2;

/** Units whose rows are read ahead (UnitWriter.touch) at a time. */
const TOUCH_BLOCK = 256;

/** An array index as an object key ("0", "17"): a spread moves such keys first. */
const startsLikeIndex = (k: string) => k.length > 0 && k.charCodeAt(0) >= 48 && k.charCodeAt(0) <= 57;

/**
 * Whether a unit's NDJSON line can be written member by member: none of its keys is one
 * the line's own object defines (type, rubric, feedback: a spread would overwrite that
 * member in its place) or an index key (which a spread moves before `type`).
 */
function plainLineKeys(u: SubjectResult): boolean {
  for (const k of Object.keys(u)) if (k === "type" || k === "rubric" || k === "feedback" || startsLikeIndex(k)) return false;
  return true;
}

/** A subject's feedback without its id (the key it is listed under). */
function subjectFeedbackView(f: SubjectFeedback): Omit<SubjectFeedback, "id"> {
  const { id: _id, ...rest } = f;
  return rest;
}

/** The feedback of each unit, by id. */
function feedbackById(feedback: Feedback | undefined): Map<string, SubjectFeedback> {
  return new Map((feedback?.subjects ?? []).map((f) => [f.id, f]));
}

/** `{` … `}` of members written one by one at `depth` (the object's own indentation). */
class ObjectWriter {
  private count = 0;

  constructor(
    private readonly out: ByteWriter,
    private readonly depth: number,
  ) {
    out.text("{");
  }

  /** A member whose value is written by `value` (which writes at depth + 1). */
  member(key: string, value: () => void): void {
    this.out.text(`${this.count++ === 0 ? "" : ","}\n${"  ".repeat(this.depth + 1)}${JSON.stringify(key)}: `);
    value();
  }

  /** A member with a value stringified whole. */
  value(key: string, v: unknown): void {
    this.member(key, () => this.out.text(nested(v, this.depth + 1)));
  }

  close(): void {
    this.out.text(this.count === 0 ? "}" : `\n${"  ".repeat(this.depth)}}`);
  }
}

/** `[` … `]` of items written one by one at `depth`. */
function writeArray<T>(out: ByteWriter, depth: number, items: readonly T[], item: (x: T) => void): void {
  if (items.length === 0) {
    out.text("[]");
    return;
  }
  const pad = `\n${"  ".repeat(depth + 1)}`;
  out.text("[");
  for (let i = 0; i < items.length; i++) {
    out.text(i === 0 ? pad : `,${pad}`);
    item(items[i]!);
  }
  out.text(`\n${"  ".repeat(depth)}]`);
}

/**
 * Write the JSON score document:
 * `{ "results": [ { rubric, grades, gradeLabels, units, summary, feedback?, warnings? } ] }`,
 * byte for byte `JSON.stringify(document, null, 2)`, without a final line break.
 *
 * @param entries - one per rubric, in evaluation order
 * @param shape - whether units carry `nodes`, and how much feedback
 * @param write - receives the document's UTF-8 bytes in chunks, in order (each whole
 *   characters; the receiver may keep them)
 */
export function writeScoreJson(entries: readonly ScoreEntry[], shape: DocumentShape, write: (chunk: Uint8Array) => void): void {
  const out = new ByteWriter(write);
  const doc = new ObjectWriter(out, 0);
  doc.member("results", () =>
    writeArray(out, 1, entries, ({ result, feedback }) => {
      const r = new ObjectWriter(out, 2);
      r.value("rubric", rubricHead(result));
      r.value("grades", result.grades);
      r.value("gradeLabels", result.gradeLabels);
      r.member("units", () => writeUnits(out, unitCursor(result), new UnitWriter(out, 4, true, shape.nodes)));
      r.value("summary", result.summary);
      if (shape.feedback !== "none") {
        r.member("feedback", () => {
          const f = new ObjectWriter(out, 3);
          f.value("common", feedback?.common ?? []);
          if (shape.feedback === "full") f.member("subjects", () => writeSubjects(out, result, feedback));
          f.close();
        });
      }
      if (result.warnings.length) r.value("warnings", warningsView(result));
      r.close();
    }),
  );
  doc.close();
  out.flush();
}

/** The units array at depth 3: `[`, each unit at depth 4, `]` (as writeArray). */
function writeUnits(out: ByteWriter, units: UnitCursor, writer: UnitWriter): void {
  if (units.count === 0) {
    out.text("[]");
    return;
  }
  const pad = encodeText(`\n${"  ".repeat(4)}`);
  const next = encodeText(`,\n${"  ".repeat(4)}`);
  out.text("[");
  const t = units.tables;
  for (let k = 0; k < units.count; k++) {
    if (t !== undefined && k % TOUCH_BLOCK === 0) writer.touch(t, units, k, Math.min(units.count, k + TOUCH_BLOCK));
    out.bytes(k === 0 ? pad : next);
    writer.json(units, k);
  }
  out.text(`\n${"  ".repeat(3)}]`);
}

/** feedback.subjects: unit id → its feedback, keys in the order an object built from the units lists them. */
function writeSubjects(out: ByteWriter, result: RubricResult, feedback: Feedback | undefined): void {
  const byId = feedbackById(feedback);
  // Later entries of one id replace earlier ones in place, as Object.fromEntries does (ids are unique).
  const units = unitCursor(result);
  const ids = new Set<string>();
  for (let k = 0; k < units.count; k++) ids.add(units.id(k));
  const s = new ObjectWriter(out, 4);
  for (const id of objectKeyOrder([...ids])) {
    const f = byId.get(id);
    if (f) s.value(id, subjectFeedbackView(f));
  }
  s.close();
}

const rubricHead = (result: RubricResult) => ({ id: result.rubric.id, version: result.rubric.version, name: result.rubric.name, year: result.rubric.year });

const warningsView = (result: RubricResult) => result.warnings.map((w) => ({ code: w.code, message: w.message }));

/**
 * Write NDJSON: one JSON object per line, each line ending with "\n". Per rubric, in
 * evaluation order:
 *
 * - one line per unit, in the result's order (rank order, excluded last):
 *   `{"type":"unit","rubric":<rubric id>, …the unit's fields as in the JSON document…,
 *   "feedback":{problems, highlights, toNextGrade}}` (feedback only with --feedback full);
 * - then one line for the rubric:
 *   `{"type":"rubric","rubric":<rubric id>,"version","name","year","grades","gradeLabels",
 *   "summary","feedback":{"common":[…]},"warnings":[…]}` (feedback unless --feedback none;
 *   warnings only when there are some).
 *
 * So a reader can act on units as they come and finds the batch figures on the last
 * line of each rubric.
 */
export function writeScoreNdjson(entries: readonly ScoreEntry[], shape: DocumentShape, write: (chunk: Uint8Array) => void): void {
  const out = new ByteWriter(write);
  const end = encodeText("}\n");
  for (const { result, feedback } of entries) {
    const byId = shape.feedback === "full" ? feedbackById(feedback) : undefined;
    const rubric = result.rubric.id;
    const head = encodeText(`{"type":"unit","rubric":${JSON.stringify(rubric)}`);
    const writer = new UnitWriter(out, 0, false, shape.nodes);
    const units = unitCursor(result);
    for (let k = 0; k < units.count; k++) {
      const f = byId?.get(units.id(k));
      // A unit the result did not build (read or set by the caller) may have keys a spread moves or overwrites.
      const u = units.fresh ? undefined : units.unit(k);
      if (u !== undefined && !plainLineKeys(u)) {
        out.text(`${JSON.stringify({ type: "unit", rubric, ...unitView(u, shape.nodes), ...(f ? { feedback: subjectFeedbackView(f) } : {}) })}\n`);
        continue;
      }
      out.bytes(head);
      writer.line(units, k, u);
      if (f) out.text(`,"feedback":${JSON.stringify(subjectFeedbackView(f))}`);
      out.bytes(end);
    }
    out.text(
      `${JSON.stringify({
        type: "rubric",
        rubric,
        version: result.rubric.version,
        name: result.rubric.name,
        year: result.rubric.year,
        grades: result.grades,
        gradeLabels: result.gradeLabels,
        summary: result.summary,
        ...(shape.feedback !== "none" ? { feedback: { common: feedback?.common ?? [] } } : {}),
        ...(result.warnings.length ? { warnings: warningsView(result) } : {}),
      })}\n`,
    );
  }
  out.flush();
}
