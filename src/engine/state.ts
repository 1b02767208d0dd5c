/**
 * The working state of scoring: the issue log of a run, and the reusable context one
 * subject is scored in. Nothing here lives past the scoring stage except the issues.
 * @internal
 */
import { makeIssue, type Issue, type IssueCode } from "../diagnostics/issue.js";
import { keyOf } from "../diagnostics/show.js";
import type { CompiledRubric, FactContext, InputSpec, InputValue, LinkedFacts } from "../compile/model.js";
import type { Plan } from "../plan/plan.js";
import type { PreparedSubject } from "./subject-data.js";
import { Dec, ZERO } from "../decimal/decimal.js";

/** One line of an item's trail: an entry that added or removed points. */
export interface TrailLine {
  readonly entry: string;
  readonly label: string;
  /** Signed amount: negative for a deduction. */
  readonly amount: Dec;
  /** What produced the amount, as data; built only when the trail is reported (report/trail-text.ts says it per locale). */
  readonly note: () => TrailNote;
}

/**
 * The reason of a trail line: a key and the values behind it (Decs stay exact; the
 * report renders them at full precision in JSON, at the rubric's places for people).
 */
export interface TrailNote {
  readonly key: string;
  readonly [param: string]: unknown;
}

export interface NodeScore {
  readonly points: Dec;
  /** Full points for this subject (variants may change a group's). */
  readonly max: Dec;
  readonly lines: readonly TrailLine[];
}

export type AdjustmentKind = "veto" | "downgrade" | "cap" | "quota" | "exclusion";

export interface AdjustmentState {
  readonly kind: AdjustmentKind;
  readonly rule: string;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly reason: string;
  readonly numbers: Readonly<Record<string, string | number>>;
}

export interface FiredRule {
  readonly rule: string;
  readonly kind: AdjustmentKind;
  readonly condition: string;
  readonly changed: boolean;
}

/**
 * The issues of one rubric's run, recorded per subject once per code, field and params
 * (a subject whose missing input several conditions read is told once).
 */
export class IssueLog {
  readonly issues: Issue[] = [];
  /** Subject row → keys already reported (created on a subject's first issue only). */
  private readonly reported = new Map<number, Set<string>>();

  constructor(readonly rubric: CompiledRubric) {}

  /**
   * Record an issue for a subject. A field that is an input is reported as its column
   * as written (思想建设得分, not thought), with the input's name kept in params.input.
   */
  fail(subject: PreparedSubject, code: IssueCode, givenParams: Record<string, unknown>, givenField?: string): void {
    let params = givenParams;
    let field = givenField;
    if (field !== undefined && this.rubric.inputs.has(field)) {
      const input = field;
      const column = subject.columns.get(input) ?? input;
      const rename = (f: unknown) => (typeof f === "string" && (f === input || f.startsWith(`${input}.`) || f.startsWith(`${input}[`)) ? column + f.slice(input.length) : f);
      params = { ...params, field: rename(params.field ?? input), input };
      field = column;
    }
    const key = `${code}|${field ?? ""}|${keyOf(params)}`;
    let seen = this.reported.get(subject.row);
    if (!seen) this.reported.set(subject.row, (seen = new Set()));
    if (seen.has(key)) return;
    seen.add(key);
    this.issues.push(
      makeIssue(code, params, {
        rubric: this.rubric.id,
        row: subject.row,
        subject: subject.id,
        ...(field !== undefined ? { field } : {}),
        path: [subject.row - 1, ...(field !== undefined ? [field] : [])],
      }),
    );
  }

  /** DATA_MISSING_FIELD for an input, naming its column and saying what it expects. */
  missingField(subject: PreparedSubject, name: string, readBy?: string): void {
    const spec = this.rubric.inputs.get(name);
    const allowed = spec?.type === "choice" ? spec.values : spec?.type === "grade" ? spec.scale : undefined;
    const hint = readBy !== undefined ? `${name} is optional but item "${readBy}" reads it: declare missing: zero or skip to say what the item does then` : undefined;
    this.fail(
      subject,
      "DATA_MISSING_FIELD",
      {
        field: name,
        expected: spec ? describeSpec(spec) : "a value",
        ...(spec ? { expects: "input", type: spec.type } : {}),
        ...(spec?.type === "votes" ? { levels: spec.levels } : {}),
        ...(allowed ? { allowed } : {}),
        ...(hint ? { hint, reason: "optional-read", item: readBy } : {}),
      },
      name,
    );
  }
}

/** An item that did not apply because an input it reads was absent (missing: skip). */
export interface Skip {
  readonly item: string;
  readonly column: string;
}

const NO_SKIPS: readonly Skip[] = Object.freeze([]);

/**
 * One subject while its tree is scored: the FactContext that `only` and entry
 * conditions read, and what items read their inputs through. One instance serves a
 * whole batch (`reset` moves it to the next subject): node points live in a scratch
 * array indexed by plan node, reused from subject to subject.
 */
export class ScoringContext implements FactContext {
  subject!: PreparedSubject;
  failed = false;
  /** Items that did not apply because an input they read was absent (missing: skip). */
  skipped: readonly Skip[] = NO_SKIPS;
  /** Points of each plan node for the current subject; undefined = does not apply (or not yet scored). */
  readonly scratch: (Dec | undefined)[];
  /** Full mark of each plan node for the current subject (set where the node applies). */
  readonly full: Dec[];
  /**
   * The integer path's columns of the current block (score-columns.ts) and the subject's
   * row in them, when the subject is read from them (`fromColumns`): its nodes on the
   * integer path are then not scored again here.
   */
  private cols: readonly (Float64Array | undefined)[] | undefined;
  private at = 0;
  fromColumns = false;
  /**
   * Per plan node on the integer path: the topmost node on the integer path above it (or
   * itself). Its column values count for the subject only when the walk reached that
   * node (`reached`): below a node whose `only` failed, nothing applies.
   */
  private readonly topInt: Int32Array;
  private readonly reached: Uint8Array;
  /** Whether the current subject lacks some input (subject.absent is not empty), read once per subject. */
  anyAbsent = false;
  /** With detail: each applicable node's score with its trail lines, by node id. */
  readonly scores: Map<string, NodeScore> | undefined;
  /** Facts that are not known while scoring (as before: total 0, no grade, no rank). */
  readonly total: Dec = ZERO;
  readonly grade = undefined;
  readonly rawGrade = undefined;
  readonly rank = undefined;
  readonly groupRank = undefined;
  readonly zeroItems = 0;
  /** While one item is scored: absent inputs it reads as zero (its own missing: zero). */
  private itemZeros: ReadonlyMap<string, InputValue> | undefined;

  constructor(
    readonly rubric: CompiledRubric,
    readonly plan: Plan,
    private readonly log: IssueLog,
    private readonly linkedResults: ReadonlyMap<string, ReadonlyMap<string, LinkedFacts>>,
    /** Build trail lines (the detail re-score of one subject); false in the batch run. */
    readonly detail: boolean,
  ) {
    this.scratch = new Array<Dec | undefined>(plan.nodes.length).fill(undefined);
    this.full = plan.nodes.map((n) => n.node.max);
    this.topInt = Int32Array.from(plan.nodes, (n) => {
      let top = n.index;
      if (n.numeric.path !== "int") return -1;
      while (plan.nodes[top]!.parent >= 0 && plan.nodes[plan.nodes[top]!.parent]!.numeric.path === "int") top = plan.nodes[top]!.parent;
      return top;
    });
    this.reached = new Uint8Array(plan.nodes.length);
    this.scores = detail ? new Map() : undefined;
  }

  reset(subject: PreparedSubject): void {
    this.subject = subject;
    this.anyAbsent = subject.absent.size !== 0;
    this.failed = false;
    this.skipped = NO_SKIPS;
    this.scratch.fill(undefined);
    if (this.fromColumns) this.reached.fill(0);
    this.fromColumns = false;
    this.scores?.clear();
  }

  /** Read the current subject's nodes on the integer path from the block's columns, at row `at`. */
  readColumns(cols: readonly (Float64Array | undefined)[], at: number): void {
    this.cols = cols;
    this.at = at;
    this.fromColumns = true;
  }

  /**
   * The integer-path points of plan node i for the current subject, NaN when it does not
   * apply; only when fromColumns. The walk calls it for the topmost integer nodes it
   * reaches (`reach`), which makes the nodes below them readable too.
   */
  columnValue(i: number): number {
    return this.reached[this.topInt[i]!] ? this.cols![i]![this.at]! : Number.NaN;
  }

  reach(i: number): number {
    this.reached[i] = 1;
    return this.columnValue(i);
  }

  /**
   * Point the context at a subject to test a condition, without clearing what was scored
   * (the integer path over columns tests `only` and `when` for one row after another).
   */
  moveTo(subject: PreparedSubject): void {
    this.subject = subject;
    this.anyAbsent = subject.absent.size !== 0;
  }

  get id(): string {
    return this.subject.id;
  }

  get group(): string | undefined {
    return this.subject.group;
  }

  /**
   * An input's value. Absent (no value, no default): an error when the input is
   * required, otherwise no value (a condition on it is false). Items check their
   * inputs' missing policy before they read (see score-tree.ts).
   */
  input(name: string): InputValue | undefined {
    const v = this.itemZeros?.get(name) ?? this.subject.values.get(name);
    if (v === undefined && this.subject.absent.has(name) && this.rubric.inputs.get(name)?.required) this.missingField(name);
    return v;
  }

  /** The column the data names an input by (the name or the label, as written). */
  column(name: string): string {
    return this.subject.columns.get(name) ?? name;
  }

  skip(item: string, column: string): void {
    this.skipped = [...this.skipped, { item, column }];
  }

  missingField(name: string, readBy?: string): void {
    this.failed = true;
    this.log.missingField(this.subject, name, readBy);
  }

  /** Score one item with some absent inputs read as zero. */
  withZeros<T>(zeros: ReadonlyMap<string, InputValue> | undefined, score: () => T): T {
    this.itemZeros = zeros;
    try {
      return score();
    } finally {
      this.itemZeros = undefined;
    }
  }

  points(nodeId: string): Dec | undefined {
    const i = this.plan.index.get(nodeId);
    return i === undefined ? undefined : this.valueOf(i);
  }

  /** The points of plan node i, whichever path computed them; undefined when it does not apply. */
  valueOf(i: number): Dec | undefined {
    const d = this.scratch[i];
    if (d !== undefined || !this.fromColumns) return d;
    const n = this.plan.nodes[i]!.numeric;
    if (n.path !== "int") return undefined;
    const v = this.columnValue(i);
    return v === v ? Dec.of(v, n.scale) : undefined;
  }

  /** Whether plan node i applies (after it was scored). */
  applies(i: number): boolean {
    if (this.scratch[i] !== undefined) return true;
    return this.fromColumns && this.plan.nodes[i]!.numeric.path === "int" && this.columnValue(i) === this.columnValue(i);
  }

  linked(rubricId: string): LinkedFacts | undefined {
    return this.linkedResults.get(rubricId)?.get(this.subject.id);
  }

  /** Record an issue for this subject (once per code and field) and mark it failed. */
  fail(code: IssueCode, params: Record<string, unknown>, field?: string): void {
    this.failed = true;
    this.log.fail(this.subject, code, params, field);
  }
}

function describeSpec(spec: InputSpec): string {
  switch (spec.type) {
    case "choice":
      return `one of ${spec.values.join(", ")}`;
    case "grade":
      return `a grade, one of ${spec.scale.join(", ")}`;
    case "number":
      return "a number";
    case "count":
      return "a whole number";
    case "ratio":
      return 'a ratio such as 0.9685 or "96.85%"';
    case "boolean":
      return "true or false";
    case "scores":
      return "a list of scores";
    case "votes":
      return `vote counts for ${spec.levels.join(", ")}`;
    case "series":
      return "a list of period scores";
    default:
      return `a ${spec.type}`;
  }
}
