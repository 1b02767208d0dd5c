/**
 * Condition branches for coverage: each node of each condition (any / all / not and
 * the comparisons under them) decided true and decided false by some case.
 * @internal
 */
import type { CompiledRubric } from "../compile/model.js";
import type { CoverageTarget } from "./coverage.js";

/** Condition outcomes gathered from the cases of a set. */
export interface ConditionObserver {
  /** Per rubric, the condition targets with the cases that decided each. */
  targets(rubric: CompiledRubric): Omit<CoverageTarget, "source">[];
}

export function conditionTargets(rubric: CompiledRubric, observer: ConditionObserver): Omit<CoverageTarget, "source">[] {
  return observer.targets(rubric);
}
