/**
 * Stage 4: link several compiled rubrics into a set. Every referenced rubric must
 * be present; grade references must exist in the referenced scale; the linkage
 * graph must be acyclic. Returns the rubrics in evaluation (topological) order.
 */
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import type { RubricPath } from "../parse/locate.js";
import { matchGrade } from "./grade-names.js";
import type { CompiledRubric, RubricSet } from "./model.js";

export function linkRubrics(rubrics: readonly CompiledRubric[]): { set?: RubricSet; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (r: CompiledRubric, path: RubricPath) => {
    const source = r.locate?.(path);
    return { path, rubric: r.id, ...(source ? { source } : {}) };
  };
  const byId = new Map<string, CompiledRubric>();
  for (const r of rubrics) {
    if (byId.has(r.id)) issues.push(makeIssue("RUBRIC_DUPLICATE_ID", { id: r.id }, at(r, ["id"])));
    else byId.set(r.id, r);
  }
  for (const r of rubrics) {
    for (const [dep, path] of r.dependencies)
      if (!byId.has(dep)) issues.push(makeIssue("REF_UNKNOWN_RUBRIC", { id: dep, loaded: [...byId.keys()] }, at(r, path)));
    for (const ref of r.gradeReferences) {
      const target = byId.get(ref.rubric);
      if (!target) continue;
      // Another rubric's grade, by id or label, as for the rubric's own grades.
      const m = matchGrade(target.grades, ref.grade);
      if (!m) issues.push(makeIssue("REF_UNKNOWN_GRADE", { id: ref.grade, scale: target.grades.map((g) => g.id) }, at(r, ref.path)));
      else if ("ambiguous" in m) issues.push(makeIssue("GRADE_NAME_AMBIGUOUS", { name: ref.grade, candidates: m.ambiguous.map((c) => `${c} of rubric "${target.id}"`), matches: m.matches, rubric: target.id }, at(r, ref.path)));
    }
  }
  if (issues.length > 0) return { issues };

  // Depth-first topological sort, stable in the given order; a back edge is a cycle.
  const order: CompiledRubric[] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (r: CompiledRubric): boolean => {
    const s = state.get(r.id);
    if (s === "done") return true;
    if (s === "visiting") {
      const cycle = [...stack.slice(stack.indexOf(r.id)), r.id];
      const closing = byId.get(stack[stack.length - 1]!)!; // its reference to r closes the cycle
      issues.push(makeIssue("LINKAGE_CYCLE", { cycle }, at(closing, closing.dependencies.get(r.id) ?? ["id"])));
      return false;
    }
    state.set(r.id, "visiting");
    stack.push(r.id);
    for (const dep of r.dependencies.keys()) if (!visit(byId.get(dep)!)) return false;
    stack.pop();
    state.set(r.id, "done");
    order.push(r);
    return true;
  };
  for (const r of rubrics) if (!visit(r)) break;
  if (issues.length > 0) return { issues };
  return { set: { rubrics: order }, issues };
}
