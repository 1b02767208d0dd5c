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
import { transientNodes, type RubricResult, type SubjectResult } from "../report/result.js";
import type { Feedback, SubjectFeedback } from "../report/feedback.js";

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

/** Characters gathered before a chunk is handed on. */
export const CHUNK = 1 << 20;

/** Gathers small strings into chunks of about `size` characters for `write`. */
export class ChunkedWriter {
  private parts: string[] = [];
  private length = 0;

  constructor(
    private readonly write: (chunk: string) => void,
    private readonly size = CHUNK,
  ) {}

  add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= this.size) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const chunk = this.parts.length === 1 ? this.parts[0]! : this.parts.join("");
    this.parts = [];
    this.length = 0;
    this.write(chunk);
  }
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
    private readonly out: ChunkedWriter,
    private readonly depth: number,
  ) {
    out.add("{");
  }

  /** A member whose value is written by `value` (which writes at depth + 1). */
  member(key: string, value: () => void): void {
    this.out.add(`${this.count++ === 0 ? "" : ","}\n${"  ".repeat(this.depth + 1)}${JSON.stringify(key)}: `);
    value();
  }

  /** A member with a value stringified whole. */
  value(key: string, v: unknown): void {
    this.member(key, () => this.out.add(nested(v, this.depth + 1)));
  }

  close(): void {
    this.out.add(this.count === 0 ? "}" : `\n${"  ".repeat(this.depth)}}`);
  }
}

/** `[` … `]` of items written one by one at `depth`. */
function writeArray<T>(out: ChunkedWriter, depth: number, items: readonly T[], item: (x: T) => void): void {
  if (items.length === 0) {
    out.add("[]");
    return;
  }
  const pad = `\n${"  ".repeat(depth + 1)}`;
  out.add("[");
  for (let i = 0; i < items.length; i++) {
    out.add(i === 0 ? pad : `,${pad}`);
    item(items[i]!);
  }
  out.add(`\n${"  ".repeat(depth)}]`);
}

/**
 * Write the JSON score document:
 * `{ "results": [ { rubric, grades, gradeLabels, units, summary, feedback?, warnings? } ] }`,
 * byte for byte `JSON.stringify(document, null, 2)`, without a final line break.
 *
 * @param entries - one per rubric, in evaluation order
 * @param shape - whether units carry `nodes`, and how much feedback
 * @param write - receives the text in chunks, in order
 */
export function writeScoreJson(entries: readonly ScoreEntry[], shape: DocumentShape, write: (chunk: string) => void): void {
  const out = new ChunkedWriter(write);
  const doc = new ObjectWriter(out, 0);
  doc.member("results", () =>
    writeArray(out, 1, entries, ({ result, feedback }) => {
      const r = new ObjectWriter(out, 2);
      r.value("rubric", rubricHead(result));
      r.value("grades", result.grades);
      r.value("gradeLabels", result.gradeLabels);
      r.member("units", () => writeArray(out, 3, result.units, (u) => out.add(nested(unitView(u, shape.nodes), 4))));
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

/** feedback.subjects: unit id → its feedback, keys in the order an object built from the units lists them. */
function writeSubjects(out: ChunkedWriter, result: RubricResult, feedback: Feedback | undefined): void {
  const byId = feedbackById(feedback);
  // Later entries of one id replace earlier ones in place, as Object.fromEntries does (ids are unique).
  const ids = [...new Set(result.units.map((u) => u.id))];
  const s = new ObjectWriter(out, 4);
  for (const id of objectKeyOrder(ids)) {
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
export function writeScoreNdjson(entries: readonly ScoreEntry[], shape: DocumentShape, write: (chunk: string) => void): void {
  const out = new ChunkedWriter(write);
  for (const { result, feedback } of entries) {
    const byId = shape.feedback === "full" ? feedbackById(feedback) : undefined;
    const rubric = result.rubric.id;
    for (const u of result.units) {
      const f = byId?.get(u.id);
      out.add(`${JSON.stringify({ type: "unit", rubric, ...unitView(u, shape.nodes), ...(f ? { feedback: subjectFeedbackView(f) } : {}) })}\n`);
    }
    out.add(
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
