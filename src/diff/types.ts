/**
 * The diff contract (`kaohe diff --format json` and the library's diffRubrics and
 * diffAssessments): what changed between two versions of a rubric, and what that change
 * does to the same subjects. Every decimal is a string, exact; every position is a
 * file:line:col of the text the rubric was loaded from. docs/diff.md describes it.
 */
import type { SourcePosition } from "../diagnostics/issue.js";

/** What part of a rubric a structural change is in. */
export type RubricArea =
  /** rounding, policy, subject columns, asOf, feedback settings */
  | "rubric"
  /** a declared input (`inputs:`) */
  | "input"
  /** a leaf of the scoring tree (an item with a `kind`) */
  | "item"
  /** a group of the scoring tree (with `children`) */
  | "group"
  /** the `weight` of an item or group */
  | "weight"
  /** a grade band (`grades:`: min, max, below, label, requires) */
  | "band"
  /** a rule (`rules:`: veto, downgrade, cap, exclude) */
  | "rule"
  /** a quota (`quotas:`) */
  | "quota"
  /** `ranking:` (tie-breakers) */
  | "ranking"
  /** an action (`actions:`) */
  | "action"
  /** a tier (`tiers:`) */
  | "tier";

/** One structural change between two rubric versions. */
export interface RubricChange {
  readonly area: RubricArea;
  /** added: only in the new version; removed: only in the old; changed: in both, with another value. */
  readonly change: "added" | "removed" | "changed";
  /** The id of the item, group, grade, rule, quota, action or tier (the input's name); null for rubric-wide settings and ranking. */
  readonly id: string | null;
  /** The rubric path of the value (in the new version; in the old one for a removal), e.g. `["scoring","children",5,"children",2,"deductions",0,"points"]`. */
  readonly path: readonly (string | number)[];
  /** The path's part inside the thing named by `id` (`deductions.each.points`, `weight`, `min`); "" for the whole thing. */
  readonly field: string;
  /** The old value as written in the YAML (null when added). */
  readonly before: unknown;
  /** The new value as written in the YAML (null when removed). */
  readonly after: unknown;
  /** Where the value is written in each version's text (absent for the version that lacks it). */
  readonly source: { readonly before?: SourcePosition; readonly after?: SourcePosition };
}

/** A rubric's identity in a diff. */
export interface RubricIdentity {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly year: number;
  /** The file name the text was loaded with, when given. */
  readonly file?: string;
}

/** The structural difference between two rubric versions ({@link diffRubrics}). */
export interface RubricDiff {
  readonly before: RubricIdentity;
  readonly after: RubricIdentity;
  /** In the order: rubric settings, inputs, grades, the scoring tree (tree order), rules, quotas, ranking, actions, tiers. */
  readonly changes: readonly RubricChange[];
}

/** An item's part in a subject's score change. */
export interface ItemContribution {
  readonly item: string;
  readonly label: string;
  /** The item's points before (null when it does not apply, or is not in the old version). */
  readonly pointsBefore: string | null;
  readonly pointsAfter: string | null;
  /**
   * The change of the item's share of the total: points × factor after minus points ×
   * factor before, where the factor is the product of the weights above the item (1 under
   * a sum, 1/n under a mean of n). Exact.
   */
  readonly contribution: string;
}

/** A rule or quota that acted on a subject in one version only. */
export interface RuleCause {
  /** The rule's or quota's id. */
  readonly rule: string;
  /** veto | downgrade | cap | exclusion | quota */
  readonly kind: string;
  /** "before": it applied under the old version only; "after": under the new one only. */
  readonly only: "before" | "after";
  /** Whether it changed the grade where it applied (a quota always did). */
  readonly changed: boolean;
  /** The rule's condition (rules) or the quota's reason text. */
  readonly detail: string;
}

/** Why a subject's score or grade changed. */
export interface GradeCauses {
  /** The items with the largest contributions to the score change (at most five, largest |contribution| first, then tree order). */
  readonly items: readonly ItemContribution[];
  /** What the items' contributions leave unexplained: rounding, a floor, cap or limit, a max/min group. Exact; "0" when none. */
  readonly rest: string;
  /** Rules and quotas that acted in one version and not the other. */
  readonly rules: readonly RuleCause[];
  /** The grade by bands before rules and quotas, in each version. */
  readonly rawGrade: { readonly before: string | null; readonly after: string | null };
}

/** One subject under both versions. */
export interface SubjectChange {
  readonly id: string;
  readonly name?: string;
  readonly scoreBefore: string;
  readonly scoreAfter: string;
  /** scoreAfter − scoreBefore, exact ("-0.80"). */
  readonly scoreChange: string;
  /** Grade ids (null: excluded). */
  readonly gradeBefore: string | null;
  readonly gradeAfter: string | null;
  readonly rankBefore: number | null;
  readonly rankAfter: number | null;
  /** rankBefore − rankAfter: positive when the subject moved up; null when either rank is null. */
  readonly rankChange: number | null;
  /** Present when the score, the raw grade or the grade changed: why. */
  readonly causes?: GradeCauses;
}

/** The effect of a new rubric version on the same subjects ({@link diffAssessments}). */
export interface AssessmentDiff {
  readonly before: { readonly id: string; readonly version: string; readonly name: string; readonly grades: readonly string[]; readonly gradeLabels: Readonly<Record<string, string>> };
  readonly after: { readonly id: string; readonly version: string; readonly name: string; readonly grades: readonly string[]; readonly gradeLabels: Readonly<Record<string, string>> };
  /** Every subject scored under both versions, in the new version's rank order. */
  readonly subjects: readonly SubjectChange[];
  /** Subjects under one version only (when the batches differ). */
  readonly onlyBefore: readonly string[];
  readonly onlyAfter: readonly string[];
  /** Counts of subjects scored under both: how many scored higher, lower, the same; how many changed grade. */
  readonly counts: { readonly subjects: number; readonly higher: number; readonly lower: number; readonly same: number; readonly gradeChanged: number; readonly rankChanged: number };
  /** old grade → new grade → count (subjects under both; the key "excluded" for none). Every pair of the two scales, zeros included. */
  readonly matrix: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The grade distributions of each version (every subject it scored; its own scale). */
  readonly distribution: { readonly before: Readonly<Record<string, number>>; readonly after: Readonly<Record<string, number>> };
  /** True when the results carried no item points (trail "none"): causes then list no items. */
  readonly withoutItems: boolean;
}

/** One pair of rubrics in `kaohe diff --format json`: how it was matched, the structural change and the effect on the data. */
export interface DiffPairDocument {
  /** "id": the same rubric id in both versions; "order": paired in the order given. */
  readonly matchedBy: "id" | "order";
  readonly rubric: RubricDiff;
  /** null when there was no data (the structural change only). */
  readonly assessment: AssessmentDiff | null;
}

/**
 * The JSON document of `kaohe diff --format json` (docs/diff.md): both versions as given
 * (their rubrics in file order), the data file (null: none), the columns each version
 * set aside, and one entry per pair of rubrics. The same in every language.
 */
export interface DiffDocument {
  readonly before: { readonly path: string; readonly rubrics: readonly string[] };
  readonly after: { readonly path: string; readonly rubrics: readonly string[] };
  readonly data: string | null;
  /** The data columns each version set aside (declared only by the other version or by another rubric of a given file's folder). */
  readonly setAside: { readonly before: readonly string[]; readonly after: readonly string[] };
  readonly pairs: readonly DiffPairDocument[];
}
