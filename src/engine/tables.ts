/**
 * The tables the stages exchange (issue 9, "Stages that exchange tables"): one row per
 * subject, in the order of the data. A stage reads tables and returns new ones; it
 * never changes a table it was given. Sparse lists (adjustments, fired rules, actions,
 * tiers, grade notes) hold an entry only for the subjects that have one.
 *
 * Conditions read a subject's facts through a RowContext, a cursor over the tables
 * moved from row to row (no object per subject).
 * @internal
 */
import type { CompiledRubric, FactContext, InputValue, LinkedFacts, RankValue } from "../compile/model.js";
import type { Dec } from "../decimal/decimal.js";
import type { Plan } from "../plan/plan.js";
import type { GradeNote } from "./grade.js";
import type { AdjustmentState, FiredRule, IssueLog, Skip } from "./state.js";
import type { PreparedSubject } from "./subject-data.js";
import type { InputTable } from "./input-table.js";

/** No grade (the score fell in a band gap, or the subject is excluded): -1 in a grade column. */
export const NO_GRADE = -1;

/** The score table: what scoring leaves for the later stages. */
export interface ScoreTable {
  readonly subjects: readonly PreparedSubject[];
  /** The subjects' input values, by row (the boundary's table). */
  readonly inputs: InputTable;
  /** The total (rounded when the rubric rounds) of each subject that scored. */
  readonly total: readonly Dec[];
  /** Items scored 0 (bonus and adjustment items not counted); counted only when some fact reads it (Plan.readsZeroItems), else all 0. */
  readonly zeroItems: Int32Array;
  /** Points of the nodes later stages read (the root, and nodes named in conditions and tie-breakers), by node id; undefined = does not apply. */
  readonly kept: ReadonlyMap<string, readonly (Dec | undefined)[]>;
  /** Items skipped for an absent input (missing: skip), by row index. */
  readonly skipped: ReadonlyMap<number, readonly Skip[]>;
}

/** A sparse per-subject list: entries only for the subjects that have some. */
export type Sparse<T> = ReadonlyMap<number, readonly T[]>;

/** Grades and what rules did to them. */
export interface Verdicts {
  /** Current grade index (0 = best), NO_GRADE when excluded. */
  readonly grade: Int32Array;
  /** Grade by bands, before rules and quotas. */
  readonly rawGrade: Int32Array;
  /** The final total (a veto may set it to zero). */
  readonly total: readonly Dec[];
  readonly excluded: Uint8Array;
  readonly unranked: Uint8Array;
  /** Moved into its grade by a rule (it then keeps a quota place: does not compete). */
  readonly moved: Uint8Array;
  readonly adjustments: Sparse<AdjustmentState>;
  readonly fired: Sparse<FiredRule>;
}

/** Ranks: 0 = not ranked. `of` is the number of subjects ranked overall; groupOf each subject's group size. */
export interface Ranks {
  readonly rank: Int32Array;
  readonly of: number;
  readonly groupRank: Int32Array;
  readonly groupOf: Int32Array;
}

export const NO_RANKS = (n: number): Ranks => ({ rank: new Int32Array(n), of: 0, groupRank: new Int32Array(n), groupOf: new Int32Array(n) });

/** Copy-on-write helpers for the stages: a new sparse map with one subject's list extended. */
export function appendTo<T>(map: Map<number, T[]>, i: number, value: T): void {
  const list = map.get(i);
  if (list) list.push(value);
  else map.set(i, [value]);
}

export function copySparse<T>(map: Sparse<T>): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const [k, v] of map) out.set(k, [...v]);
  return out;
}

/**
 * A subject's facts read from the tables, for conditions after scoring: point it at a
 * row with `at`, and set `grade` as a stage moves it. Reading a required input the
 * subject does not give records DATA_MISSING_FIELD (once per subject).
 */
export class RowContext implements FactContext {
  row = 0;
  total!: Dec;
  grade: number | undefined;
  rawGrade: number | undefined;
  private ranks: Ranks | undefined;

  constructor(
    readonly rubric: CompiledRubric,
    readonly plan: Plan,
    private readonly table: ScoreTable,
    private readonly log: IssueLog,
    private readonly linkedResults: ReadonlyMap<string, ReadonlyMap<string, LinkedFacts>>,
  ) {}

  /** Point at row i with its current total, grades and ranks (undefined before ranking). */
  at(i: number, total: Dec, grade: number, rawGrade: number, ranks?: Ranks): this {
    this.row = i;
    this.total = total;
    this.grade = grade === NO_GRADE ? undefined : grade;
    this.rawGrade = rawGrade === NO_GRADE ? undefined : rawGrade;
    this.ranks = ranks;
    return this;
  }

  /** The subjects' ids, by row. */
  idsOf(): readonly string[] {
    return (this.ids ??= this.table.subjects.map((s) => s.id));
  }

  groupOf(i: number): string | undefined {
    return this.table.subjects[i]!.group;
  }

  private ids: string[] | undefined;

  get subject(): PreparedSubject {
    return this.table.subjects[this.row]!;
  }

  get group(): string | undefined {
    return this.subject.group;
  }

  get zeroItems(): number {
    return this.table.zeroItems[this.row]!;
  }

  get rank(): RankValue | undefined {
    const r = this.ranks?.rank[this.row];
    return r ? { rank: r, of: this.ranks!.of } : undefined;
  }

  get groupRank(): RankValue | undefined {
    const r = this.ranks?.groupRank[this.row];
    return r ? { rank: r, of: this.ranks!.groupOf[this.row]! } : undefined;
  }

  input(name: string): InputValue | undefined {
    const s = this.subject;
    const inputs = this.table.inputs;
    const k = inputs.index.get(name);
    const v = k === undefined ? undefined : inputs.value(k, this.row);
    if (v === undefined && s.absent.has(name) && this.rubric.inputs.get(name)?.required) this.log.missingField(s, name);
    return v;
  }

  points(nodeId: string): Dec | undefined {
    return this.table.kept.get(nodeId)?.[this.row];
  }

  linked(rubricId: string): LinkedFacts | undefined {
    return this.linkedResults.get(rubricId)?.get(this.subject.id);
  }
}
