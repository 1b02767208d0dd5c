/**
 * Score → grade by the EFFECTIVE bands of the scale (compile.ts: an open upper
 * bound stops at the better grade's lower bound, so no band swallows a gap).
 * Bands are checked best first; a score in no band lies in a gap and follows the
 * rubric's bandGaps policy; then a grade whose `requires` condition fails passes
 * the subject to the next grade down.
 * @internal
 */
import type { CompiledRubric, FactContext, GradeSpec } from "../compile/model.js";
import type { Dec } from "../decimal/decimal.js";
import type { IssueLog } from "./state.js";
import { NO_GRADE, type RowContext, type ScoreTable, type Sparse } from "./tables.js";
import { testCondition } from "./condition.js";

function inBand(g: GradeSpec, score: Dec): boolean {
  if (g.lower && !(g.lower.inclusive ? score.gte(g.lower.value) : score.gt(g.lower.value))) return false;
  if (g.upper && !(g.upper.inclusive ? score.lte(g.upper.value) : score.lt(g.upper.value))) return false;
  return true;
}

function bandBelow(g: GradeSpec, score: Dec): boolean {
  return g.upper !== undefined && (g.upper.inclusive ? g.upper.value.lt(score) : g.upper.value.lte(score));
}

function bandAbove(g: GradeSpec, score: Dec): boolean {
  return g.lower !== undefined && (g.lower.inclusive ? g.lower.value.gt(score) : g.lower.value.gte(score));
}

/** Why a grade was assigned as it was, as data (report/trail-text.ts says it per locale). */
export type GradeNote =
  | { readonly key: "skipped"; readonly item: string; readonly column: string }
  | { readonly key: "gap"; readonly score: Dec; readonly policy: string; readonly grade: string }
  | { readonly key: "requires"; readonly grade: string; readonly condition: string };

export interface GradeAssignment {
  /** Grade index, undefined when the score falls in a gap and the policy is "error". */
  readonly grade: number | undefined;
  /** Grades skipped because their `requires` failed, and how the band was found. */
  readonly notes: readonly GradeNote[];
}

export function assignGrade(rubric: CompiledRubric, score: Dec, ctx: FactContext): GradeAssignment {
  const notes: GradeNote[] = [];
  return { grade: gradeIndex(rubric, score, ctx, notes), notes };
}

/**
 * The grades' effective bands as integer thresholds at one scale (the most decimals of
 * any bound, at least the total's places, else 6): grade g holds x when lower[g] ≤ x ≤ upper[g], an exclusive bound b being
 * b + 1 below and b − 1 above (x and b are integers at that scale). Undefined when a
 * bound does not fit (more than 15 decimals, past 2^53). Built once per rubric.
 */
interface IntBands {
  readonly scale: number;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

const intBandsOf = new WeakMap<CompiledRubric, IntBands | null>();

function intBands(rubric: CompiledRubric): IntBands | undefined {
  let b = intBandsOf.get(rubric);
  if (b === undefined) intBandsOf.set(rubric, (b = buildIntBands(rubric) ?? null));
  return b ?? undefined;
}

function buildIntBands(rubric: CompiledRubric): IntBands | undefined {
  const grades = rubric.grades;
  let scale = rubric.rounding?.places ?? 6;
  for (const g of grades) for (const bound of [g.lower, g.upper]) if (bound) scale = Math.max(scale, bound.value.decimalPlaces());
  if (scale > 15) return undefined;
  const lower = new Float64Array(grades.length);
  const upper = new Float64Array(grades.length);
  for (let k = 0; k < grades.length; k++) {
    const g = grades[k]!;
    const lo = g.lower ? g.lower.value.scaled(scale) : Number.NEGATIVE_INFINITY;
    const hi = g.upper ? g.upper.value.scaled(scale) : Number.POSITIVE_INFINITY;
    if (lo === undefined || hi === undefined) return undefined;
    lower[k] = g.lower && !g.lower.inclusive ? lo + 1 : lo;
    upper[k] = g.upper && !g.upper.inclusive ? hi - 1 : hi;
    if (!(Math.abs(lower[k]!) <= Number.MAX_SAFE_INTEGER || lower[k] === Number.NEGATIVE_INFINITY)) return undefined;
    if (!(Math.abs(upper[k]!) <= Number.MAX_SAFE_INTEGER || upper[k] === Number.POSITIVE_INFINITY)) return undefined;
  }
  return { scale, lower, upper };
}

/** The first grade whose band holds the score (as inBand decides), -1 when none does. */
function bandIndex(rubric: CompiledRubric, score: Dec): number {
  const grades = rubric.grades;
  const b = intBands(rubric);
  // The score as an integer at the bands' scale; undefined when it has more decimals (or is a fraction): compared in Dec.
  const x = b === undefined ? undefined : score.scaled(b.scale);
  if (x !== undefined) {
    const { lower, upper } = b!;
    for (let g = 0; g < grades.length; g++) if (x >= lower[g]! && x <= upper[g]!) return g;
    return -1;
  }
  for (let g = 0; g < grades.length; g++) if (inBand(grades[g]!, score)) return g;
  return -1;
}

/** The grade index (undefined in a gap under bandGaps "error"), pushing the notes of how it was found. */
function gradeIndex(rubric: CompiledRubric, score: Dec, ctx: FactContext, notes: GradeNote[]): number | undefined {
  const grades = rubric.grades;
  let index = bandIndex(rubric, score);
  if (index < 0) {
    if (rubric.policy.bandGaps === "lower") index = grades.findIndex((g) => bandBelow(g, score));
    else if (rubric.policy.bandGaps === "higher") index = grades.findLastIndex((g) => bandAbove(g, score));
    if (index < 0) return undefined;
    notes.push({ key: "gap", score, policy: rubric.policy.bandGaps, grade: grades[index]!.id });
  }
  while (index < grades.length - 1 && grades[index]!.requires && !testCondition(grades[index]!.requires!, ctx)) {
    notes.push({ key: "requires", grade: grades[index]!.id, condition: grades[index]!.requires!.text });
    index++;
  }
  return index;
}

/**
 * The grading stage: each scored subject's raw grade by bands (NO_GRADE when it could
 * not be scored, or its score lies in a gap under bandGaps "error": EVAL_NO_GRADE), and
 * its grade notes (items skipped, band gaps, unmet `requires`) where it has some.
 */
export function gradeStage(rubric: CompiledRubric, table: ScoreTable, ctx: RowContext, log: IssueLog): { readonly raw: Int32Array; readonly notes: Sparse<GradeNote> } {
  const n = table.subjects.length;
  const raw = new Int32Array(n).fill(NO_GRADE);
  const notes = new Map<number, GradeNote[]>();
  // One list reused from subject to subject: a subject's notes are copied only when it has some.
  const found: GradeNote[] = [];
  for (let i = 0; i < n; i++) {
    const total = table.total[i];
    if (total === undefined) continue;
    found.length = 0;
    const grade = gradeIndex(rubric, total, ctx.at(i, total, NO_GRADE, NO_GRADE), found);
    if (grade === undefined) log.fail(table.subjects[i]!, "EVAL_NO_GRADE", { score: total.toFixed() });
    else raw[i] = grade;
    const skipped = table.skipped.get(i);
    if (skipped || found.length) notes.set(i, [...(skipped ?? []).map((k): GradeNote => ({ key: "skipped", item: k.item, column: k.column })), ...found]);
  }
  return { raw, notes };
}
