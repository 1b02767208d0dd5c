/**
 * State shared by the compile steps of one rubric: the issue list (with source
 * positions), the input table, node ids, grade ids and linkage found so far.
 * @internal
 */
import { makeIssue, type Issue, type IssueCode } from "../diagnostics/issue.js";
import type { Dec } from "../decimal/decimal.js";
import type { Locator, RubricPath } from "../parse/locate.js";
import { matchGrade, type GradeName } from "./grade-names.js";
import type { GradeReference, InputSpec } from "./model.js";

/** The item (and entry) that uses an input. */
export interface UsedBy {
  readonly item: string;
  readonly entry?: string;
}

export class CompileContext {
  readonly issues: Issue[] = [];
  /** Findings that do not stop the rubric from loading (severity "warning"). */
  readonly warnings: Issue[] = [];
  readonly inputs = new Map<string, InputSpec>();
  /** Where each implied input was first implied, for conflict messages. */
  readonly impliedAt = new Map<string, UsedBy>();
  readonly nodeIds = new Map<string, RubricPath>();
  readonly itemIds = new Set<string>();
  /** Rubrics this one reads, with where each is first referenced. */
  readonly dependencies = new Map<string, RubricPath>();
  readonly gradeReferences: GradeReference[] = [];
  /** Inputs and nodes that some condition or tie-breaker reads. */
  readonly factInputs = new Set<string>();
  readonly factNodes = new Set<string>();
  /** The rubric's grade ids, best first. */
  grades: readonly string[] = [];
  /** The date spans are counted to (ISO text), when the rubric declares asOf. */
  asOf: string | undefined;
  /** Nodes whose points are always whole (rounded to 0 places), and whether the total is. */
  readonly wholeNodes = new Set<string>();
  wholeTotal = false;
  /** Nodes whose points can rise above their max (outside bonuses), and groups bounded by a limit. */
  readonly exceedsMax = new Set<string>();
  readonly ceilings = new Map<string, Dec>();
  /** Id of the root group (its points are the total). */
  rootId = "total";
  /** The grades' ids and labels (a label defaults to the id), best first. */
  gradeNames: readonly GradeName[] = [];

  constructor(
    readonly rubricId: string,
    readonly locate?: Locator,
  ) {}

  error(code: IssueCode, params: Record<string, unknown>, path: RubricPath, key?: string): void {
    const source = this.locate?.(path, key !== undefined ? { key } : undefined);
    this.issues.push(makeIssue(code, params, { path, rubric: this.rubricId, ...(source ? { source } : {}) }));
  }

  /** The largest points a node can have, when known: its limit, or its max unless outside bonuses can exceed it. */
  ceiling(id: string, max: Dec | undefined): Dec | undefined {
    return this.ceilings.get(id) ?? (this.exceedsMax.has(id) ? undefined : max);
  }

  /**
   * Index of one of this rubric's grades named by id or label (好 or good). Reports
   * REF_UNKNOWN_GRADE or GRADE_NAME_AMBIGUOUS at `path` and returns undefined.
   */
  gradeIndex(name: string, path: RubricPath, key?: string): number | undefined {
    const m = matchGrade(this.gradeNames, name);
    if (m && "index" in m) return m.index;
    if (m) this.error("GRADE_NAME_AMBIGUOUS", { name, candidates: m.ambiguous, matches: m.matches }, path, key);
    else {
      const hint = didYouMean(name, [...this.grades, ...this.gradeNames.map((g) => g.label)]);
      this.error("REF_UNKNOWN_GRADE", { id: name, scale: this.grades, ...(hint ? { didYouMean: hint } : {}) }, path, key);
    }
    return undefined;
  }

  /** A warning: reported with the loaded rubric (Result.warnings), never fails the load. */
  warn(code: IssueCode, params: Record<string, unknown>, path: RubricPath, key?: string): void {
    const source = this.locate?.(path, key !== undefined ? { key } : undefined);
    this.warnings.push(makeIssue(code, params, { path, rubric: this.rubricId, severity: "warning", ...(source ? { source } : {}) }));
  }

  /** "at line:col" text for the first declaration of something, used in messages. */
  where(path: RubricPath): string {
    const p = this.locate?.(path);
    return p ? `${p.line}:${p.col}` : path.join(".");
  }
}

/**
 * A copy of `record` with no prototype: a user-named key (a record field, a level)
 * never reads an inherited property such as `toString`.
 */
export function nullPrototype<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

/** Closest candidate by edit distance, for "did you mean". */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
