/**
 * The mutable working state of one subject while one rubric is evaluated. It is
 * the FactContext that compiled conditions read.
 * @internal
 */
import { makeIssue, type Issue, type IssueCode } from "../diagnostics/issue.js";
import { keyOf } from "../diagnostics/show.js";
import type { CompiledRubric, FactContext, InputSpec, InputValue, LinkedFacts, RankValue } from "../compile/model.js";
import type { PreparedSubject } from "./subject-data.js";
import { ZERO, type Dec } from "../decimal/decimal.js";

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

const NO_LINES: readonly TrailLine[] = Object.freeze([]);

export class SubjectState implements FactContext {
  scores = new Map<string, NodeScore>();
  total: Dec = ZERO;
  /** The total before a veto set it to zero. */
  scoredTotal: Dec = ZERO;
  grade: number | undefined;
  rawGrade: number | undefined;
  rank: RankValue | undefined;
  groupRank: RankValue | undefined;
  zeroItems = 0;
  excluded = false;
  unranked = false;
  movedByRule = false;
  failed = false;
  readonly adjustments: AdjustmentState[] = [];
  readonly fired: FiredRule[] = [];
  readonly actions: { id: string; label: string }[] = [];
  tier: { id: string; label: string; followUp?: string } | undefined;
  /** Items that did not apply because an input they read was absent (missing: skip). */
  readonly skipped: { readonly item: string; readonly column: string }[] = [];
  /** While one item is scored: absent inputs it reads as zero (its own missing: zero). */
  private itemZeros: ReadonlyMap<string, InputValue> | undefined;
  private readonly reported = new Set<string>();

  constructor(
    readonly rubric: CompiledRubric,
    public subject: PreparedSubject,
    private readonly linkedResults: ReadonlyMap<string, ReadonlyMap<string, LinkedFacts>>,
    private readonly issues: Issue[],
    /** Keep each node's trail lines (only when the full trail is reported). */
    readonly keepLines = true,
  ) {}

  /** Record a node's score; its lines are dropped unless the full trail is kept. */
  record(nodeId: string, score: NodeScore): void {
    this.scores.set(nodeId, this.keepLines || score.lines.length === 0 ? score : { points: score.points, max: score.max, lines: NO_LINES });
  }

  /**
   * After scoring, for large batches without a trail: keep only what later stages
   * read (the total, the nodes and inputs named in conditions and tie-breakers).
   */
  compact(): void {
    const scores = new Map<string, NodeScore>();
    const root = this.scores.get(this.rubric.root.id);
    if (root) scores.set(this.rubric.root.id, root);
    for (const id of this.rubric.factNodes) {
      const s = this.scores.get(id);
      if (s) scores.set(id, s);
    }
    this.scores = scores;
    const values = new Map<string, InputValue>();
    for (const name of this.rubric.factInputs) {
      const v = this.subject.values.get(name);
      if (v !== undefined) values.set(name, v);
    }
    this.subject = { ...this.subject, values };
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

  /** DATA_MISSING_FIELD for an input, naming its column and saying what it expects. */
  missingField(name: string, readBy?: string): void {
    const spec = this.rubric.inputs.get(name);
    const allowed = spec?.type === "choice" ? spec.values : spec?.type === "grade" ? spec.scale : undefined;
    const hint = readBy !== undefined ? `${name} is optional but item "${readBy}" reads it: declare missing: zero or skip to say what the item does then` : undefined;
    this.fail(
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
    return this.scores.get(nodeId)?.points;
  }

  linked(rubricId: string): LinkedFacts | undefined {
    return this.linkedResults.get(rubricId)?.get(this.subject.id);
  }

  /**
   * Record an issue for this subject (once per code and field) and mark it failed.
   * A field that is an input is reported as its column as written (思想建设得分, not
   * thought), with the input's name kept in params.input.
   */
  fail(code: IssueCode, givenParams: Record<string, unknown>, givenField?: string): void {
    let params = givenParams;
    let field = givenField;
    if (field !== undefined && this.rubric.inputs.has(field)) {
      const input = field;
      const column = this.column(input);
      const rename = (f: unknown) => (typeof f === "string" && (f === input || f.startsWith(`${input}.`) || f.startsWith(`${input}[`)) ? column + f.slice(input.length) : f);
      params = { ...params, field: rename(params.field ?? input), input };
      field = column;
    }
    const key = `${code}|${field ?? ""}|${keyOf(params)}`;
    this.failed = true;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.issues.push(
      makeIssue(code, params, {
        rubric: this.rubric.id,
        row: this.subject.row,
        subject: this.subject.id,
        ...(field !== undefined ? { field } : {}),
        path: [this.subject.row - 1, ...(field !== undefined ? [field] : [])],
      }),
    );
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
