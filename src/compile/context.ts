/**
 * State shared by the compile steps of one rubric: the issue list (with source
 * positions), the input table, node ids, grade ids and linkage found so far.
 * @internal
 */
import { makeIssue, type Issue, type IssueCode } from "../diagnostics/issue.js";
import type { Locator, RubricPath } from "../parse/locate.js";
import type { GradeReference, InputSpec } from "./model.js";

export class CompileContext {
  readonly issues: Issue[] = [];
  readonly inputs = new Map<string, InputSpec>();
  /** Where each implied input was first implied, for conflict messages. */
  readonly impliedAt = new Map<string, string>();
  readonly nodeIds = new Map<string, RubricPath>();
  readonly itemIds = new Set<string>();
  /** Rubrics this one reads, with where each is first referenced. */
  readonly dependencies = new Map<string, RubricPath>();
  readonly gradeReferences: GradeReference[] = [];
  /** Inputs and nodes that some condition or tie-breaker reads. */
  readonly factInputs = new Set<string>();
  readonly factNodes = new Set<string>();
  grades: readonly string[] = [];

  constructor(
    readonly rubricId: string,
    readonly locate?: Locator,
  ) {}

  error(code: IssueCode, params: Record<string, unknown>, path: RubricPath, key?: string): void {
    const source = this.locate?.(path, key !== undefined ? { key } : undefined);
    this.issues.push(makeIssue(code, params, { path, rubric: this.rubricId, ...(source ? { source } : {}) }));
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
