import { expect } from "vitest";
import {
  formatIssues,
  safeAssess,
  safeLoadRubric,
  safeLoadRubricSet,
  type CompiledRubric,
  type Issue,
  type RubricResult,
  type RubricSet,
  type SubjectData,
  type SubjectResult,
} from "../src/index.js";

/** Remove the common indentation of a template literal. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

export const GRADES = dedent(`
  grades:
    - { id: A, min: 90 }
    - { id: B, min: 75 }
    - { id: C, min: 60 }
    - { id: D }
`);

/** A complete rubric: a fixed header, the A/B/C/D scale unless `body` has grades, then `body`. */
export function rubricText(body: string, options: { id?: string; grades?: boolean } = {}): string {
  const b = dedent(body);
  const header = `kaohe: 1\nid: ${options.id ?? "t"}\nname: Test\nyear: 2024\nversion: "1"\n`;
  return header + (options.grades === false || /^grades:/m.test(b) ? "" : GRADES) + b;
}

export function compile(body: string, options: { id?: string } = {}): CompiledRubric {
  const r = safeLoadRubric(rubricText(body, options), { file: "t.yaml" });
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return r.value;
}

/** Issues of a rubric that must fail to load. */
export function issuesOf(text: string, file = "t.yaml"): readonly Issue[] {
  const r = safeLoadRubric(text, { file });
  if (r.ok) throw new Error("expected the rubric to be rejected");
  return r.issues;
}

export function linkedSet(...bodies: [string, string][]): RubricSet {
  const r = safeLoadRubricSet(bodies.map(([id, body]) => ({ text: rubricText(body, { id }), file: `${id}.yaml` })));
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return r.value;
}

export function evaluate(target: CompiledRubric | RubricSet, subjects: SubjectData[]): RubricResult[] {
  const r = safeAssess(target, subjects);
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return [...r.value.results];
}

/** Evaluate a one-rubric body and return its result. */
export function run(body: string, subjects: SubjectData[]): RubricResult {
  return evaluate(compile(body), subjects)[0]!;
}

export function dataIssues(target: CompiledRubric | RubricSet, subjects: SubjectData[]): readonly Issue[] {
  const r = safeAssess(target, subjects);
  if (r.ok) throw new Error("expected the data to be rejected");
  return r.issues;
}

export function unit(result: RubricResult, id: string): SubjectResult {
  const u = result.units.find((x) => x.id === id);
  expect(u, `no unit ${id}`).toBeDefined();
  return u!;
}

export function points(result: RubricResult, id: string, node: string): string | undefined {
  return unit(result, id).nodes.find((n) => n.id === node)?.points;
}

/** Score of one subject under a single-item rubric. */
export function itemPoints(itemYaml: string, values: Record<string, unknown>, extra = ""): string {
  const r = run(`scoring:\n  children:\n${indent(dedent(itemYaml), 4)}\n${dedent(extra)}`, [{ id: "s", ...values }]);
  return unit(r, "s").nodes[1]!.points;
}

export function indent(text: string, n: number): string {
  return text
    .split("\n")
    .map((l) => (l.trim() ? " ".repeat(n) + l : l))
    .join("\n");
}

/** 1-indexed line:col of the `nth` occurrence of `token` in `text`. */
export function positionOf(text: string, token: string, nth = 1): { line: number; col: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) index = text.indexOf(token, index + 1);
  if (index < 0) throw new Error(`token ${token} not in text`);
  const before = text.slice(0, index).split("\n");
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}
