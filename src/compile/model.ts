/**
 * The compiled rubric: normalised, Decimal-valued, ids resolved, conditions turned
 * into plain data (ConditionNode, FactRef) read by one interpreter (src/engine/condition.ts);
 * nothing from rubric text is ever code.
 * The engine only ever sees this model, never YAML.
 */
import type { Dec, RoundingMode } from "../decimal/decimal.js";
import type { Locator, RubricPath } from "../parse/locate.js";
import type { Comparator, TestCaseSource } from "../schema/rubric-schema.js";

export interface Rounding {
  readonly places: number;
  readonly mode: RoundingMode;
}

// ------------------------------------------------------------------ inputs

/** What an item does when an input it reads is absent: error, read it as zero, or not apply. */
export type MissingPolicy = "error" | "zero" | "skip";

interface InputBase {
  readonly name: string;
  readonly label?: string;
  /** Declared in `inputs:` (false: implied by an item). */
  readonly declared: boolean;
  /** A condition reading the absent value is an error (false: the fact has no value). */
  readonly required: boolean;
  /** An item reading the absent value (and no default): error, zero or skip. Default error. */
  readonly missing?: MissingPolicy;
}

export type InputSpec =
  | (InputBase & { readonly type: "number" | "count" | "ratio"; readonly min?: Dec; readonly max?: Dec; readonly places?: number; readonly clamp: boolean; readonly default?: Dec })
  | (InputBase & { readonly type: "boolean"; readonly default?: boolean })
  | (InputBase & { readonly type: "choice"; readonly values: readonly string[]; readonly default?: string })
  | (InputBase & { readonly type: "grade"; readonly scale: readonly string[]; readonly default?: string })
  | (InputBase & { readonly type: "text"; readonly default?: string })
  /** A calendar date, held as its ISO text "YYYY-MM-DD". */
  | (InputBase & { readonly type: "date"; readonly default?: string })
  | (InputBase & { readonly type: "rank"; readonly default?: string })
  | (InputBase & { readonly type: "scores"; readonly min?: Dec; readonly max?: Dec; readonly places?: number })
  | (InputBase & { readonly type: "votes"; readonly levels: readonly string[] })
  | (InputBase & { readonly type: "series"; readonly length: number; readonly min?: Dec; readonly max?: Dec })
  | (InputBase & { readonly type: "records"; readonly fields: Readonly<Record<string, "text" | "count" | "number">> });

export type InputType = InputSpec["type"];

/** A rank as "k/N": position k of N. */
export interface RankValue {
  readonly rank: number;
  readonly of: number;
}

/** Scores given by raters; rater is null for an anonymous list. */
export interface ScoreSheet {
  readonly raters: readonly (string | null)[];
  readonly values: readonly Dec[];
}

export interface VoteCounts {
  readonly levels: Readonly<Record<string, Dec>>;
  readonly abstain: Dec;
  readonly invalid: Dec;
  readonly issued?: Dec;
}

export type RecordValue = Readonly<Record<string, string | Dec>>;

/** A validated input value. */
export type InputValue = Dec | boolean | string | RankValue | ScoreSheet | VoteCounts | readonly Dec[] | readonly RecordValue[];

// ------------------------------------------------------------------ facts and conditions

/** What the engine exposes to compiled conditions. */
export interface FactContext {
  input(name: string): InputValue | undefined;
  /** Points of a node, undefined when it does not apply to the subject. */
  points(nodeId: string): Dec | undefined;
  readonly total: Dec;
  /** Current grade index (0 = best), undefined when excluded. */
  readonly grade: number | undefined;
  readonly rawGrade: number | undefined;
  readonly rank: RankValue | undefined;
  readonly groupRank: RankValue | undefined;
  readonly group: string | undefined;
  readonly zeroItems: number;
  /** Result of another rubric for this subject. */
  linked(rubricId: string): LinkedFacts | undefined;
}

export interface LinkedFacts {
  readonly score: Dec;
  /** The linked rubric's grade ids, best first. */
  readonly scale: readonly string[];
  /** Their labels (a label defaults to the id), so conditions may name a linked grade by label. */
  readonly labels: readonly string[];
  readonly grade: string | null;
  readonly rank: RankValue | undefined;
  readonly excluded: boolean;
}

/**
 * A fact a condition or tie-breaker reads, resolved at compile time (plain data). One
 * interpreter reads it (src/engine/condition.ts `readFact`).
 */
export type FactRef =
  | { readonly kind: "total" | "grade" | "rawGrade" | "rank" | "groupRank" | "group" | "zeroItems" }
  /** monthsSince.<date input> / daysSince.<date input>, counted to `asOf` (ISO text). */
  | { readonly kind: "span"; readonly unit: "months" | "days"; readonly input: string; readonly asOf: string }
  | { readonly kind: "score"; readonly node: string }
  /** points / max of a node; `max` is the node's full mark as decimal text ("0" or absent: no value). */
  | { readonly kind: "ratio"; readonly node: string; readonly max?: string }
  /** An input; a grade input reads as its index in `scale` (best first). */
  | { readonly kind: "input"; readonly input: string; readonly scale?: readonly string[] }
  | { readonly kind: "linked"; readonly rubric: string; readonly field: "score" | "grade" | "rank" | "excluded" };

/** The type of a fact's value, which decides the comparisons allowed on it. */
export type FactType = "number" | "boolean" | "text" | "grade" | "rank" | "date";

/** The comparison operators of a condition (as in the rubric: `lt`, `in`, `worseThan`, `top`...). */
export type ComparisonOperator = Comparator;

/**
 * A condition as plain data (JSON-safe, structuredClone-able): a tree of all / any /
 * not over bare boolean facts and comparisons. Every node keeps its rubric path, so
 * coverage and messages can point at the YAML. Literal numbers are decimal text,
 * dates ISO text; a grade named in the rubric is resolved to its index (`grades`) when
 * it belongs to this rubric or an input's scale, and kept by name for a linked rubric
 * (resolved against that rubric's scale, by id, else by label).
 */
export type ConditionNode =
  | { readonly op: "all" | "any"; readonly of: readonly ConditionNode[]; readonly path: RubricPath }
  | { readonly op: "not"; readonly of: ConditionNode; readonly path: RubricPath }
  | { readonly op: "fact"; readonly fact: FactRef; readonly path: RubricPath }
  | {
      readonly op: "compare";
      readonly fact: FactRef;
      readonly type: FactType;
      readonly cmp: ComparisonOperator;
      /** The operand(s): one value, the list of in/notIn, or the low and high of between. */
      readonly values: readonly (string | boolean)[];
      /** Grade comparisons on this rubric's or an input's scale: the indices of `values`. */
      readonly grades?: readonly number[];
      /** top/bottom: the operand is a share of the ranked ("10%"), not a count. */
      readonly share?: boolean;
      readonly path: RubricPath;
    };

export interface CompiledCondition {
  /** The condition as data; evaluate it with `testCondition` (src/engine/condition.ts). */
  readonly node: ConditionNode;
  /** Human-readable form for trails, e.g. `input.business_grade worseThan A`. */
  readonly text: string;
}

// ------------------------------------------------------------------ tree

interface NodeBase {
  readonly id: string;
  readonly label: string;
  readonly path: RubricPath;
  /** Full points of the node (分值). */
  readonly max: Dec;
  /** Normalised weight (fraction) within a weighted parent. */
  readonly weight?: Dec;
  /** The weight as declared (3 of 3:6:3:3), when the parent divides once by `weightSum`. */
  readonly rawWeight?: Dec;
  readonly only?: CompiledCondition;
  readonly round?: Rounding;
}

export interface GroupNode extends NodeBase {
  readonly type: "group";
  readonly combine: "sum" | "weighted" | "mean" | "max" | "min";
  readonly children: readonly TreeNode[];
  /**
   * Weighted groups whose normalised weights do not terminate (1:1:1 → 1/3): the sum of
   * the declared weights. Points are then Σ pointsᵢ × rawWeightᵢ / weightSum (divided
   * once); otherwise Σ pointsᵢ × weightᵢ.
   */
  readonly weightSum?: Dec;
  readonly floor?: Dec;
  readonly cap?: Dec;
  readonly normalizeTo?: Dec;
  /** With normalizeTo: the full mark the children add up to, which normalisation rescales. */
  readonly maxBeforeNormalising?: Dec;
  readonly outside: readonly TreeNode[];
  /** Bound after outside nodes; null = uncapped (上不封顶). Default: none applied. */
  readonly limit?: Dec | null;
}

export interface ItemNode extends NodeBase {
  readonly type: "item";
  readonly method: Method;
  /** Overrides the missing policy of the inputs this item reads. */
  readonly missing?: MissingPolicy;
}

export type TreeNode = GroupNode | ItemNode;

export type Amount =
  | { readonly type: "fixed"; readonly points: Dec }
  | { readonly type: "table"; readonly by: string; readonly table: ReadonlyMap<string, Dec> };

export type Entry = {
  readonly id: string;
  readonly label: string;
  readonly max?: Dec;
} & (
  | { readonly type: "when"; readonly when: CompiledCondition; readonly points: Dec }
  | { readonly type: "per"; readonly input: string; readonly points: Dec }
  | { readonly type: "shortfall"; readonly input: string; readonly required: Dec; readonly points: Dec }
  | {
      readonly type: "records";
      readonly input: string;
      readonly amount: Amount;
      readonly times?: string;
      readonly split?: string;
      readonly dedup?: { readonly key: readonly string[]; readonly keep: "max" | "min" | "first" | "sum" };
    }
  | { readonly type: "chosen"; readonly input: string; readonly range: readonly [Dec, Dec] }
);

export type Method =
  | { readonly kind: "input"; readonly input: string }
  | { readonly kind: "yesno"; readonly input: string; readonly yes: Dec; readonly no: Dec }
  | { readonly kind: "levels"; readonly input: string; readonly levels: ReadonlyMap<string, Dec> }
  | { readonly kind: "deduct"; readonly base: Dec; readonly floor: Dec; readonly entries: readonly Entry[]; readonly zeroIf?: CompiledCondition }
  | { readonly kind: "bonus"; readonly entries: readonly Entry[]; readonly outside: readonly Entry[] }
  /** 直接加减分: net = Σ additions − Σ deductions, bounded by cap/floor when declared. Full mark 0. */
  | { readonly kind: "adjust"; readonly additions: readonly Entry[]; readonly deductions: readonly Entry[]; readonly cap?: Dec; readonly floor?: Dec }
  | { readonly kind: "ratio"; readonly input?: string; readonly numerator?: string; readonly denominator?: string }
  | {
      readonly kind: "scale";
      readonly input: string;
      readonly target?: Dec;
      readonly targetInput?: string;
      readonly base: Dec;
      readonly unit: Dec;
      readonly points: Dec;
      readonly above: "add" | "deduct" | "none";
      readonly below: "add" | "deduct" | "none";
      /** A partial step: whole ignores it, exact counts its share, started counts it as one. */
      readonly steps: "whole" | "exact" | "started";
      readonly floor: Dec;
      /** A value below this earns 0 (a threshold gate). */
      readonly zeroBelow?: Dec;
    }
  | { readonly kind: "bands"; readonly input: string; readonly bands: readonly { readonly bound: Dec; readonly inclusive: boolean; readonly points: Dec }[]; readonly otherwise: Dec }
  | {
      readonly kind: "rank";
      readonly input: string;
      readonly order: "desc" | "asc";
      readonly positions?: readonly Dec[];
      readonly percentiles?: readonly { readonly top: Dec; readonly points: Dec }[];
      readonly proportionalTop?: number;
      readonly otherwise: Dec;
    }
  | {
      readonly kind: "panel";
      /** One sheet per group; a plain panel is one group of weight 1. */
      readonly groups: readonly { readonly id: string; readonly input: string; readonly weight: Dec }[];
      /** Drop `drop` highest and lowest when at least `minScores` scores remain (always > 2 × drop). */
      readonly trim?: { readonly drop: number; readonly minScores: number; readonly stated: "above" | "minScores" | "default" };
      readonly invalidBallots: readonly ("same-score" | "all-full")[];
      readonly ballotLimits: readonly { readonly gte?: Dec; readonly lt?: Dec; readonly most?: number; readonly least?: number }[];
    }
  | {
      readonly kind: "votes";
      readonly input: string;
      readonly coefficients: ReadonlyMap<string, Dec>;
      readonly denominator: "valid" | "valid-and-abstain" | "returned" | "issued";
    }
  | { readonly kind: "periods"; readonly input: string; readonly count: number; readonly aggregate: "mean" | "sum" }
  | { readonly kind: "carry"; readonly input: string; readonly share: Dec }
  | { readonly kind: "linked"; readonly rubric: string; readonly scaleFrom?: Dec };

// ------------------------------------------------------------------ grades, rules, cohort

export interface GradeBound {
  readonly value: Dec;
  readonly inclusive: boolean;
}

export interface GradeSpec {
  readonly id: string;
  readonly label: string;
  /** Effective lower bound; undefined = no lower bound (the catch-all bottom grade). */
  readonly lower?: GradeBound;
  /**
   * Effective upper bound: the declared `max`/`below`, or else the better grade's
   * lower bound (exclusive when that one is inclusive); undefined only for the best grade.
   */
  readonly upper?: GradeBound;
  /** The bounds as written in the rubric. */
  readonly declared: { readonly lower?: GradeBound; readonly upper?: GradeBound };
  readonly requires?: CompiledCondition;
}

interface RuleBase {
  readonly id: string;
  /** Where the rule is written (["rules", i]), for coverage and messages. */
  readonly path?: RubricPath;
  readonly when: CompiledCondition;
  readonly reason: string;
}

export type RuleSpec =
  | (RuleBase & { readonly kind: "veto"; readonly grade: number; readonly zeroScore: boolean; readonly unranked: boolean })
  | (RuleBase & { readonly kind: "downgrade"; readonly levels: number })
  | (RuleBase & { readonly kind: "cap"; readonly grade: number })
  | (RuleBase & { readonly kind: "exclude" });

export interface QuotaSpec {
  readonly id: string;
  readonly grade: number;
  /** The share as an exact fraction numerator / denominator ("1/3", or 50% as 0.5 / 1). */
  readonly share?: { readonly numerator: Dec; readonly denominator: Dec; readonly text: string };
  readonly count?: number;
  readonly scope: "all" | "group";
  readonly rounding: "floor" | "ceil" | "half-up";
  readonly ties: "demote" | "admit";
}

export interface TieBreaker {
  readonly fact: string;
  readonly order: "asc" | "desc";
  /** What is compared (a number, a rank's position, a grade's quality, a date's day number, a boolean as 1/0); no value sorts last. */
  readonly value: { readonly fact: FactRef; readonly type: FactType };
}

export interface ActionSpec {
  readonly id: string;
  readonly label: string;
  /** Undefined: the action applies to every graded subject. */
  readonly when?: CompiledCondition;
}

export interface TierSpec {
  readonly id: string;
  readonly label: string;
  readonly followUp?: string;
  readonly when?: CompiledCondition;
}

/** A reference to another rubric's grade, checked when the set is linked. */
export interface GradeReference {
  readonly rubric: string;
  readonly grade: string;
  readonly path: RubricPath;
}

/** A rubric ready to evaluate. Build it with `loadRubric` or `compileRubric`. */
export interface CompiledRubric {
  readonly id: string;
  readonly name: string;
  readonly year: number;
  readonly version: string;
  readonly description?: string;
  readonly file?: string;
  readonly subjectLabel?: string;
  /** The peer group's label, also accepted as the group column. */
  readonly groupLabel?: string;
  /** Columns the data names the subject id and name by (beside "id" and "name"). */
  readonly idColumn?: string;
  readonly nameColumn?: string;
  /** Data columns skipped (never DATA_UNKNOWN_FIELD). */
  readonly ignoredColumns: readonly string[];
  readonly rounding?: Rounding;
  /** The date spans (monthsSince, daysSince) are counted to, as ISO text "YYYY-MM-DD". */
  readonly asOf?: string;
  readonly policy: { readonly bandGaps: "lower" | "higher" | "error"; readonly downgrades: "sum" | "max" };
  readonly inputs: ReadonlyMap<string, InputSpec>;
  /** Best first; a grade's index is its level. */
  readonly grades: readonly GradeSpec[];
  readonly root: GroupNode;
  readonly nodes: ReadonlyMap<string, TreeNode>;
  /** Leaves in tree order (outside nodes included). */
  readonly items: readonly ItemNode[];
  readonly rules: {
    readonly exclusions: readonly RuleSpec[];
    readonly vetoes: readonly RuleSpec[];
    readonly downgrades: readonly RuleSpec[];
    readonly caps: readonly RuleSpec[];
  };
  readonly quotas: readonly QuotaSpec[];
  readonly tieBreakers: readonly TieBreaker[];
  readonly actions: readonly ActionSpec[];
  readonly tiers: readonly TierSpec[];
  /** Feedback (问题清单) settings. */
  readonly feedback: {
    readonly problems: number;
    readonly highlights: number;
    readonly commonShare: Dec;
    /** A subject counts towards a common problem when it lost at least this share of the item's max. */
    readonly commonLoss: Dec;
    /** Items feedback looks at, each with the factor from its points to the total. */
    readonly items: ReadonlyMap<string, Dec>;
  };
  /** Ids of rubrics whose results this one reads (linkage). */
  readonly dependencies: ReadonlyMap<string, RubricPath>;
  readonly gradeReferences: readonly GradeReference[];
  /** Inputs that conditions or tie-breakers read (kept after scoring). */
  readonly factInputs: ReadonlySet<string>;
  /** Nodes whose points conditions or tie-breakers read (kept after scoring). */
  readonly factNodes: ReadonlySet<string>;
  readonly tests: readonly (TestCaseSource & { readonly path: RubricPath })[];
  /** Source positions of this rubric's text, when it was parsed from YAML. */
  readonly locate?: Locator;
}

/** Several rubrics linked by their references, in evaluation (topological) order. */
export interface RubricSet {
  readonly rubrics: readonly CompiledRubric[];
}
