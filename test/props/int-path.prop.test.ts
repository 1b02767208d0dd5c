/**
 * The integer path (plan/numeric.ts) against the independent reference evaluator
 * (test/oracle/reference.ts, decimal.js): random rubrics of the integer subset (sum and
 * weighted groups with percentage weights, caps, input/yesno/levels/deduct items, the
 * total's rounding in every mode) × batches whose values have 0 to 9 decimals and
 * deduction counts up to 10^17, so that some subjects leave what the plan proved and
 * are scored in Dec. Every total, raw grade, grade and rank must agree, and the plan
 * must have chosen the integer path for the root.
 */
import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect } from "vitest";
import { parse, stringify } from "yaml";
import { formatIssues, safeAssess, safeLoadRubric } from "../../src/index.js";
import { planOf } from "../../src/plan/plan.js";
import { referenceAssess } from "../oracle/reference.js";

type G = fc.GeneratorValue;
type Obj = Record<string, unknown>;

const D = Decimal.clone({ precision: 60 });
const pick = <T>(g: G, xs: readonly T[]): T => xs[g(fc.integer, { min: 0, max: xs.length - 1 })]!;
const chance = (g: G, percent: number) => g(fc.integer, { min: 1, max: 100 }) <= percent;

function percents(g: G, n: number): string[] {
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(5 * g(fc.integer, { min: 1, max: 19 }));
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), 100];
  return sorted.slice(1).map((c, i) => `${c - sorted[i]!}%`);
}

/** A value in [0, max] with 0 to 9 decimals, as text (beyond 6 decimals the subject leaves the integer path). */
function decimalText(g: G, max: number): string {
  const places = pick(g, [0, 1, 2, 6, 7, 9]);
  const units = g(fc.integer, { min: 0, max: max * 10 ** Math.min(places, 6) }) * 10 ** Math.max(0, places - 6) + (places > 6 ? g(fc.integer, { min: 0, max: 10 ** (places - 6) - 1 }) : 0);
  const v = new D(units).div(new D(10).pow(places));
  return (v.gt(max) ? new D(max) : v).toFixed(places);
}

function draw(g: G, subjectCount?: number): { rubric: Obj; subjects: Obj[] } {
  const inputs: Obj = { down: { type: "boolean", default: false } };
  const makers: ((id: string) => { node: Obj; value: () => Obj })[] = [
    (id) => {
      const max = pick(g, [5, 10, 20, 100]);
      inputs[id] = { type: "number", min: 0, max };
      return { node: { id, kind: "input", max }, value: () => ({ [id]: decimalText(g, max) }) };
    },
    (id) => {
      const max = pick(g, [2, 3, 5]);
      return { node: { id, kind: "yesno", max }, value: () => ({ [id]: chance(g, 70) }) };
    },
    (id) => {
      const max = pick(g, [10, 20]);
      const levels = { 好: max, 较好: max * 0.75, 一般: max / 2, 差: 0 };
      return { node: { id, kind: "levels", max, levels }, value: () => ({ [id]: pick(g, Object.keys(levels)) }) };
    },
    (id) => {
      const max = pick(g, [5, 10, 15]);
      inputs[`${id}_n`] = { type: "count", default: 0 };
      inputs[`${id}_f`] = { type: "boolean", default: false };
      const deductions = [
        { id: `${id}-per`, per: `${id}_n`, points: pick(g, [0.5, 1, 2.5, 0.125]) },
        { id: `${id}-when`, when: `input.${id}_f`, points: pick(g, [1, 3]) },
      ];
      const count = () => (chance(g, 10) ? pick(g, ["9007199254740993", "100000000000000000"]) : g(fc.integer, { min: 0, max: 6 }));
      return { node: { id, kind: "deduct", max, deductions }, value: () => ({ [`${id}_n`]: count(), [`${id}_f`]: chance(g, 20) }) };
    },
  ];
  const values: (() => Obj)[] = [];
  const nComponents = g(fc.integer, { min: 1, max: 3 });
  const rootWeights = percents(g, nComponents);
  const rootCombine = pick(g, ["sum", "weighted"]);
  // `only: input.<flag>` on some components and items (never the first of each, so the root always applies):
  // where it is false the node does not apply, and neither does anything below it.
  const only = (id: string): Obj => {
    if (!chance(g, 30)) return {};
    inputs[`${id}_on`] = { type: "boolean", default: true };
    values.push(() => ({ [`${id}_on`]: chance(g, 60) }));
    return { only: `input.${id}_on` };
  };
  const components = Array.from({ length: nComponents }, (_, c) => {
    const combine = pick(g, ["sum", "weighted"]);
    const n = g(fc.integer, { min: 1, max: 4 });
    const weights = percents(g, n);
    const children = Array.from({ length: n }, (_, i) => {
      const made = pick(g, makers)(`c${c}i${i}`);
      values.push(made.value);
      const node = { ...made.node, ...(i > 0 ? only(`c${c}i${i}`) : {}) };
      return combine === "weighted" ? { ...node, weight: weights[i] } : node;
    });
    const component: Obj = { id: `c${c}`, combine, children, ...(c > 0 ? only(`c${c}`) : {}) };
    if (combine === "sum" && chance(g, 25)) component.cap = pick(g, [5, 10, 15]);
    if (rootCombine === "weighted") component.weight = rootWeights[c];
    return component;
  });
  const rubric: Obj = {
    kaohe: 1,
    id: "intpath",
    name: "Integer path",
    year: 2024,
    version: "1",
    ...(chance(g, 70) ? { rounding: { places: pick(g, [0, 1, 2]), mode: pick(g, ["half-up", "half-even", "down", "up"]) } } : {}),
    inputs,
    grades: [{ id: "A", min: pick(g, [10, 30, 60]) }, { id: "B", min: 5 }, { id: "C" }],
    scoring: { combine: rootCombine, children: components },
    rules: [{ id: "down", kind: "downgrade", when: "input.down", reason: "降一档" }],
  };
  const count = subjectCount ?? g(fc.integer, { min: 1, max: 20 });
  const subjects = Array.from({ length: count }, (_, k) => {
    const s: Obj = { id: `s${String(k + 1).padStart(5, "0")}`, down: chance(g, 15) };
    for (const v of values) Object.assign(s, v());
    return s;
  });
  return { rubric, subjects };
}

function check(rubric: Obj, subjects: Obj[]): void {
  const text = stringify(rubric);
  const loaded = safeLoadRubric(text, { file: "intpath.yaml" });
  if (!loaded.ok) throw new Error(`${formatIssues(loaded.issues)}\n${text}`);
  const plan = planOf(loaded.value);
  expect(plan.nodes[plan.root]!.numeric.path, text).toBe("int");
  const assessed = safeAssess(loaded.value, subjects);
  if (!assessed.ok) throw new Error(`${formatIssues(assessed.issues)}\n${text}`);
  const units = new Map(assessed.value.results[0]!.units.map((u) => [u.id, u]));
  for (const e of referenceAssess(parse(text) as Obj, subjects as never)) {
    const u = units.get(e.id)!;
    const got = { total: new D(u.score).toString(), rawGrade: u.rawGrade, grade: u.grade, rank: u.rank };
    const want = { total: e.total.toSignificantDigits(40, D.ROUND_HALF_UP).toString(), rawGrade: e.rawGrade, grade: e.grade, rank: e.rank };
    expect(got, `${e.id} in\n${text}\n${JSON.stringify(subjects.find((s) => s.id === e.id))}`).toEqual(want);
  }
}

describe("the integer path over columns agrees with the reference evaluator across blocks", () => {
  // 2 × 2,048 + 37 subjects: three blocks of the integer path (engine/score-columns.ts BLOCK_ROWS), the last one short,
  // with clean rows and rows walked in Dec (7 to 9 decimals, counts past 2^53) mixed in every block.
  test.prop([fc.gen()], { numRuns: 4, endOnFailure: true })("random rubrics of the integer subset × 4,133 subjects", (g) => {
    const { rubric, subjects } = draw(g, 2 * 2048 + 37);
    check(rubric, subjects);
  }, 300_000);
});

describe("the integer path agrees with the reference evaluator", () => {
  test.prop([fc.gen()], { numRuns: 80 })("random rubrics of the integer subset × values of 0 to 9 decimals", (g) => {
    const { rubric, subjects } = draw(g);
    check(rubric, subjects);
  }, 300_000);
});
