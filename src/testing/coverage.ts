/**
 * Rubric test coverage (`kaohe test --coverage`): what a rubric's own test cases
 * touch, in the manner of `opa test --coverage` and of code coverage. Coverage says
 * what was touched; the mutation check (scripts/mutation-survivors.ts) says what was
 * checked. docs/testing.md defines every target.
 *
 * Built on the public results only (units: score, rawGrade, rules fired, adjustments,
 * nodes with points and max) and on the compiled rubric's description, so it does not
 * depend on how the engine computes them. Condition branches come from
 * coverage-conditions.ts.
 */
import type { CompiledRubric, ItemNode, QuotaSpec, RubricSet, TreeNode } from "../compile/model.js";
import { Dec, dec, roundToInteger, ZERO } from "../decimal/decimal.js";
import type { SourcePosition } from "../diagnostics/issue.js";
import type { RubricPath } from "../parse/locate.js";
import { exactOf, exactScore, type RubricResult, type SubjectResult } from "../report/result.js";
import { conditionHits, tieBreakerValues } from "./coverage-conditions.js";
import type { SubjectData } from "../engine/subject-data.js";
import { collectCaseRuns, type CaseRun, type TestCaseInput, type TestCaseOutcome } from "./run-tests.js";

/** The kinds of coverage target, in the order reports list them. */
export const COVERAGE_KINDS = ["band", "threshold", "rule", "condition", "quota", "tie", "item", "only"] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

/**
 * What a target asks for:
 * - band: `reached` (some subject's raw grade is the band);
 * - threshold: `on` (a total exactly on the bound), `past` (a total on the bound's
 *   other side within one step, see {@link thresholdStep});
 * - rule: `fired`, `not-fired` (evaluated for a subject and its condition did not hold);
 * - condition: `true`, `false` (a condition node decided each way);
 * - quota: `binding` (it demoted someone), `not-binding` (subjects held its grade and it demoted no one);
 * - tie: `demote` / `admit` (a quota's tie policy decided subjects tied across its limit),
 *   `decided` (a tie-breaker ordered two subjects tied on the total and every earlier tie-breaker);
 * - item: `zero`, `floor`, `max`, `cap` (points exactly there; only where the item has such a point);
 * - only: `applied`, `not-applied` (a node with `only:` scored for a subject and left out for one).
 */
export type CoverageOutcome =
  | "reached"
  | "on"
  | "past"
  | "fired"
  | "not-fired"
  | "true"
  | "false"
  | "binding"
  | "not-binding"
  | "demote"
  | "admit"
  | "decided"
  | "zero"
  | "floor"
  | "max"
  | "cap"
  | "applied"
  | "not-applied";

/** One thing the test cases should touch, and whether they did. */
export interface CoverageTarget {
  readonly kind: CoverageKind;
  /** What it is about: a grade, `grade.min` for a threshold, a rule, quota, item or node id, a condition's path. */
  readonly id: string;
  readonly outcome: CoverageOutcome;
  /** The number involved, as a decimal string: a threshold, an item's floor, max or cap. */
  readonly value?: string;
  /** threshold past: the side a total must fall on (below or above the value), within `step` of it. */
  readonly side?: "below" | "above";
  readonly step?: string;
  /** Where in the rubric (YAML path). */
  readonly path: RubricPath;
  /** file:line:col of `path`, when the rubric was parsed from YAML. */
  readonly source?: SourcePosition;
  readonly covered: boolean;
  /** Names of the cases that touched it, in case order. */
  readonly cases: readonly string[];
}

/** Covered and total targets. */
export interface CoverageCount {
  readonly covered: number;
  readonly total: number;
  /** covered / total as a percentage with one decimal, rounded down ("100.0" only when all are covered; "100.0" for 0 of 0). */
  readonly percent: string;
}

/** The coverage of one rubric by its own test cases. */
export interface RubricCoverage {
  readonly rubric: string;
  readonly file?: string;
  /** Cases that checked this rubric and produced a result (a case expecting an error touches nothing). */
  readonly cases: number;
  readonly overall: CoverageCount;
  /** Per kind (every kind listed, with 0 of 0 when the rubric has none). */
  readonly byKind: Readonly<Record<CoverageKind, CoverageCount>>;
  readonly targets: readonly CoverageTarget[];
}

/** The coverage of a set's rubrics. */
export interface CoverageReport {
  readonly overall: CoverageCount;
  readonly rubrics: readonly RubricCoverage[];
}

/** A percentage with one decimal, rounded down, exact (no floating point). */
export function percentOf(covered: number, total: number): string {
  if (total === 0) return "100.0";
  return dec(covered).times(1000).div(total).toDecimalPlaces(0, "floor").div(10).toFixed(1);
}

/** Whether covered / total reaches `min` percent, compared exactly. */
export function meetsMinimum(count: Pick<CoverageCount, "covered" | "total">, min: Dec): boolean {
  return count.total === 0 || dec(count.covered).times(100).gte(min.times(count.total));
}

const count = (targets: readonly CoverageTarget[]): CoverageCount => {
  const covered = targets.filter((t) => t.covered).length;
  return { covered, total: targets.length, percent: percentOf(covered, targets.length) };
};

/**
 * A target being collected: `hit(caseName)` marks it touched. Built once per rubric,
 * then every case's result is observed.
 */
interface Slot {
  readonly kind: CoverageKind;
  readonly id: string;
  readonly outcome: CoverageOutcome;
  readonly value?: Dec;
  readonly side?: "below" | "above";
  readonly step?: Dec;
  readonly path: RubricPath;
  readonly cases: string[];
}

/** One case's observation of a rubric: the case's name and the rubric's result; conditions also need its subjects and the set's results. */
export interface CaseObservation {
  readonly name: string;
  readonly result: RubricResult;
  readonly subjects?: readonly SubjectData[];
  readonly results?: readonly RubricResult[];
}

/**
 * The step "just past" a threshold means: 10^-places of the rubric's rounding (0.01 for
 * totals rounded to 2 places). Without rounding totals are exact and have no step of their
 * own: then one unit in the decimal place after the threshold's last written digit
 * (0.1 past 95, 0.01 past 89.5).
 */
export function thresholdStep(rubric: CompiledRubric, bound: Dec): Dec {
  return Dec.of(1, rubric.rounding ? rubric.rounding.places : bound.decimalPlaces() + 1);
}

/**
 * Coverage of one rubric by observed case results.
 *
 * @param rubric - the compiled rubric
 * @param observations - the results of the cases that check it
 */
export function rubricCoverage(rubric: CompiledRubric, observations: readonly CaseObservation[]): RubricCoverage {
  const slots: Slot[] = [];
  const add = (kind: CoverageKind, id: string, outcome: CoverageOutcome, path: RubricPath, value?: Dec, past?: { side: "below" | "above"; step: Dec }): Slot => {
    const slot: Slot = { kind, id, outcome, path, cases: [], ...(value !== undefined ? { value } : {}), ...(past ?? {}) };
    slots.push(slot);
    return slot;
  };
  const checks: ((o: CaseObservation, hit: (slot: Slot) => void) => void)[] = [];
  const hitter = (name: string) => (slot: Slot) => {
    if (slot.cases[slot.cases.length - 1] !== name) slot.cases.push(name);
  };

  // --- bands and thresholds (raw grade: the band the total falls in, before rules and quotas)
  rubric.grades.forEach((g, i) => {
    const reached = add("band", g.id, "reached", ["grades", i]);
    checks.push((o, hit) => {
      if (o.result.units.some((u) => u.rawGrade === g.id)) hit(reached);
    });
    const bounds: { key: string; value: Dec; inside: boolean; lower: boolean }[] = [];
    if (g.declared.lower) bounds.push({ key: g.declared.lower.inclusive ? "min" : "above", value: g.declared.lower.value, inside: g.declared.lower.inclusive, lower: true });
    if (g.declared.upper) bounds.push({ key: g.declared.upper.inclusive ? "max" : "below", value: g.declared.upper.value, inside: g.declared.upper.inclusive, lower: false });
    for (const b of bounds) {
      const path = ["grades", i, b.key];
      const step = thresholdStep(rubric, b.value);
      // The side the bound value is not on: below a lower bound it includes or an upper bound it excludes.
      const pastBelow = b.lower === b.inside;
      const on = add("threshold", `${g.id}.${b.key}`, "on", path, b.value);
      const past = add("threshold", `${g.id}.${b.key}`, "past", path, b.value, { side: pastBelow ? "below" : "above", step });
      checks.push((o, hit) => {
        for (const s of bandedTotals(rubric, o.result)) {
          if (s.eq(b.value)) hit(on);
          else if (pastBelow ? s.lt(b.value) && s.gte(b.value.minus(step)) : s.gt(b.value) && s.lte(b.value.plus(step))) hit(past);
        }
      });
    }
  });

  // --- rules: fired, and evaluated without firing
  const ruleOrder = [...rubric.rules.exclusions, ...rubric.rules.vetoes, ...rubric.rules.downgrades, ...rubric.rules.caps];
  const exclusionIds = rubric.rules.exclusions.map((r) => r.id);
  for (const rule of ruleOrder) {
    const path = rule.path ?? ["rules"];
    const fired = add("rule", rule.id, "fired", path);
    const notFired = add("rule", rule.id, "not-fired", path);
    const isExclusion = rule.kind === "exclude";
    checks.push((o, hit) => {
      for (const u of o.result.units) {
        if (u.rules.some((f) => f.rule === rule.id)) {
          hit(fired);
          continue;
        }
        // Exclusions are tried in order until one holds; the other rules apply to the subjects not excluded.
        const evaluated = isExclusion ? !u.excluded || exclusionIds.indexOf(excludedBy(u) ?? "") > exclusionIds.indexOf(rule.id) : !u.excluded;
        if (evaluated) hit(notFired);
      }
    });
  }

  // --- quotas: binding and not binding; their tie policy
  rubric.quotas.forEach((q, i) => {
    const path = ["quotas", i];
    const binding = add("quota", q.id, "binding", path);
    const notBinding = add("quota", q.id, "not-binding", path);
    const tie = add("tie", q.id, q.ties, [...path, "ties"]);
    checks.push((o, hit) => {
      const graded = o.result.units.filter((u) => !u.excluded && u.grade !== null);
      if (graded.length === 0) return;
      const grade = rubric.grades[q.grade]!.id;
      for (const [, members] of quotaScopes(q, graded)) {
        const demoted = members.filter((u) => u.adjustments.some((a) => a.kind === "quota" && a.rule === q.id));
        // Not binding: someone held the grade and the quota moved no one (a scope without holders proves nothing).
        if (demoted.length > 0) hit(binding);
        else if (members.some((u) => u.grade === grade)) hit(notBinding);
        if (tieDecided(rubric, q, members, demoted)) hit(tie);
      }
    });
  });

  // --- tie-breakers: each decided the order of two subjects tied on the total and every tie-breaker before it
  const breakers = rubric.tieBreakers.map((t, i) => add("tie", t.fact, "decided", ["ranking", "tieBreakers", i]));
  if (breakers.length > 0)
    checks.push((o, hit) => {
      if (!o.subjects) return;
      const values = tieBreakerValues(rubric, { name: o.name, subjects: o.subjects, result: o.result, results: o.results ?? [o.result] });
      const byTotal = new Map<string, string[]>();
      for (const u of o.result.units) {
        if (!values.has(u.id)) continue;
        const key = exactScore(u).toFixed();
        byTotal.set(key, [...(byTotal.get(key) ?? []), u.id]);
      }
      for (const ids of byTotal.values())
        for (let a = 0; a < ids.length; a++)
          for (let b = a + 1; b < ids.length; b++) {
            const x = values.get(ids[a]!)!;
            const y = values.get(ids[b]!)!;
            const first = x.findIndex((v, i) => !sameValue(v, y[i]));
            if (first >= 0) hit(breakers[first]!);
          }
    });

  // --- items at zero, floor, max and cap; nodes with only:
  for (const item of rubric.items)
    for (const p of itemPoints(item)) {
      const slot = add("item", item.id, p.outcome, item.path, p.value);
      checks.push((o, hit) => {
        for (const u of o.result.units) {
          const n = u.nodes.find((x) => x.id === item.id);
          if (!n) continue;
          const { points, max } = exactOf(n);
          if (points.eq(p.outcome === "max" ? max : p.value)) hit(slot);
        }
      });
    }
  for (const node of walk(rubric.root))
    if (node.only) {
      const path = [...node.path, "only"];
      const applied = add("only", node.id, "applied", path);
      const left = add("only", node.id, "not-applied", path);
      checks.push((o, hit) => {
        for (const u of o.result.units) {
          if (u.nodes.length === 0) continue;
          hit(u.nodes.some((n) => n.id === node.id) ? applied : left);
        }
      });
    }

  for (const o of observations) {
    const hit = hitter(o.name);
    for (const check of checks) check(o, hit);
  }

  // --- condition branches: every node of every condition decided true and false
  const decided = conditionHits(
    rubric,
    observations.flatMap((o) => (o.subjects ? [{ name: o.name, subjects: o.subjects, result: o.result, results: o.results ?? [o.result] }] : [])),
  );
  for (const [id, hit] of decided) {
    slots.push({ kind: "condition", id, outcome: "true", path: hit.node.path, cases: hit.true });
    slots.push({ kind: "condition", id, outcome: "false", path: hit.node.path, cases: hit.false });
  }
  const targets: CoverageTarget[] = slots.map((s) => targetOf(rubric, s)).sort((a, b) => COVERAGE_KINDS.indexOf(a.kind) - COVERAGE_KINDS.indexOf(b.kind));
  const byKind = Object.fromEntries(COVERAGE_KINDS.map((k) => [k, count(targets.filter((t) => t.kind === k))])) as Record<CoverageKind, CoverageCount>;
  return { rubric: rubric.id, ...(rubric.file !== undefined ? { file: rubric.file } : {}), cases: observations.length, overall: count(targets), byKind, targets };
}

function targetOf(rubric: CompiledRubric, s: Slot): CoverageTarget {
  const source = rubric.locate?.(s.path);
  return {
    kind: s.kind,
    id: s.id,
    outcome: s.outcome,
    ...(s.value !== undefined ? { value: s.value.toFixed() } : {}),
    ...(s.side !== undefined ? { side: s.side } : {}),
    ...(s.step !== undefined ? { step: s.step.toFixed() } : {}),
    path: s.path,
    ...(source ? { source } : {}),
    covered: s.cases.length > 0,
    cases: s.cases,
  };
}

/** The totals graded by bands: every subject with a raw grade, except a veto that zeroed its score. */
function bandedTotals(rubric: CompiledRubric, result: RubricResult): Dec[] {
  const zeroing = new Set(rubric.rules.vetoes.filter((r) => r.kind === "veto" && r.zeroScore).map((r) => r.id));
  return result.units.filter((u) => u.rawGrade !== null && !u.rules.some((f) => zeroing.has(f.rule))).map(exactScore);
}

function excludedBy(u: SubjectResult): string | undefined {
  return u.adjustments.find((a) => a.kind === "exclusion")?.rule;
}

function quotaScopes(q: QuotaSpec, graded: readonly SubjectResult[]): Map<string, SubjectResult[]> {
  const out = new Map<string, SubjectResult[]>();
  for (const u of graded) {
    const key = q.scope === "all" ? "" : (u.group ?? "");
    const list = out.get(key) ?? [];
    list.push(u);
    out.set(key, list);
  }
  return out;
}

/**
 * Whether the quota's tie policy decided anything in this scope: subjects tied on rank
 * across its last place, all demoted (demote: fewer admitted than places) or all admitted
 * (admit: more admitted than places).
 */
function tieDecided(rubric: CompiledRubric, q: QuotaSpec, members: readonly SubjectResult[], demoted: readonly SubjectResult[]): boolean {
  if (q.ties === "demote")
    return demoted.some((u) =>
      u.adjustments.some((a) => a.kind === "quota" && a.rule === q.id && Number(a.numbers.admitted) < Number(a.numbers.limit) - Number(a.numbers.heldByRules ?? 0)),
    );
  const grade = rubric.grades[q.grade]!.id;
  const limit = q.count ?? roundToInteger(dec(members.length).times(q.share!.numerator).div(q.share!.denominator), q.rounding);
  // Holders that got there by a rule keep their place and do not compete.
  const byRule = (u: SubjectResult) => u.adjustments.some((a) => a.kind !== "quota" && a.to === grade);
  const held = members.filter((u) => u.grade === grade && byRule(u)).length;
  const admitted = members.filter((u) => u.grade === grade && !byRule(u)).length;
  return admitted > Math.max(0, limit - held);
}

/** Two tie-breaker values compare equal (no value equals no value, as ranking sorts them together). */
function sameValue(a: Dec | undefined, b: Dec | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.eq(b);
}

function* walk(node: TreeNode): Generator<TreeNode> {
  yield node;
  if (node.type === "group") for (const c of [...node.children, ...node.outside]) yield* walk(c);
}

/**
 * The points an item has, by kind (docs/testing.md "Items"): zero where it can score 0
 * (levels, yesno, bands and votes: only when some level, answer, band or coefficient gives 0),
 * floor where it has one other than 0 (deduct, scale, adjust), max where it has a full
 * mark above 0 (not adjust, whose full mark is 0), cap where it has one (adjust).
 */
export function itemPoints(item: ItemNode): { outcome: "zero" | "floor" | "max" | "cap"; value: Dec }[] {
  const m = item.method;
  const out: { outcome: "zero" | "floor" | "max" | "cap"; value: Dec }[] = [];
  const zero = () => out.push({ outcome: "zero", value: ZERO });
  const maxPoint = () => out.push({ outcome: "max", value: item.max });
  const anyZero = (values: Iterable<Dec>) => [...values].some((v) => v.isZero());
  switch (m.kind) {
    case "deduct":
      if (m.floor.isZero()) zero();
      else out.push({ outcome: "floor", value: m.floor });
      maxPoint();
      break;
    case "adjust":
      zero();
      if (m.floor !== undefined && !m.floor.isZero()) out.push({ outcome: "floor", value: m.floor });
      if (m.cap !== undefined && !m.cap.isZero()) out.push({ outcome: "cap", value: m.cap });
      break;
    case "scale":
      if (m.floor.lte(0) || m.zeroBelow !== undefined) zero();
      if (!m.floor.isZero()) out.push({ outcome: "floor", value: m.floor });
      maxPoint();
      break;
    case "yesno":
      if (m.yes.isZero() || m.no.isZero()) zero();
      if (m.yes.eq(item.max) || m.no.eq(item.max)) maxPoint();
      break;
    case "levels":
      if (anyZero(m.levels.values())) zero();
      if ([...m.levels.values()].some((v) => v.eq(item.max))) maxPoint();
      break;
    case "bands":
      if (m.otherwise.isZero() || anyZero(m.bands.map((b) => b.points))) zero();
      if (m.bands.some((b) => b.points.eq(item.max)) || m.otherwise.eq(item.max)) maxPoint();
      break;
    case "votes":
      // Votes score 0 only when some level counts for nothing.
      if (anyZero(m.coefficients.values())) zero();
      if (item.max.gt(0)) maxPoint();
      break;
    case "bonus":
    case "input":
    case "ratio":
    case "rank":
    case "panel":
    case "periods":
    case "carry":
      zero();
      if (item.max.gt(0)) maxPoint();
      break;
    case "linked":
      // The other rubric's total: how low it can go is that rubric's matter (its own coverage).
      if (item.max.gt(0)) maxPoint();
      break;
    default:
      return unreachableKind(m);
  }
  return out;
}

function unreachableKind(m: never): never {
  throw new Error(`kaohe internal: unknown item kind ${String((m as { kind?: unknown }).kind)}`);
}

/**
 * Coverage of a set by case runs: each rubric by the cases that check it (a case's
 * `rubric`, or the rubric it is written in).
 *
 * @internal the public form is testCoverage in kaohe.ts
 */
export function setCoverage(
  set: RubricSet,
  runs: readonly { readonly name: string; readonly rubric: string; readonly run: CaseRun }[],
): CoverageReport {
  const rubrics = set.rubrics.map((r) =>
    rubricCoverage(
      r,
      runs
        .filter((x) => x.rubric === r.id && x.run.result)
        .map((x) => ({ name: x.name, result: x.run.result!, ...(x.run.subjects ? { subjects: x.run.subjects as readonly SubjectData[] } : {}), ...(x.run.results ? { results: x.run.results } : {}) })),
    ),
  );
  const all = rubrics.flatMap((r) => r.targets);
  return { overall: count(all), rubrics };
}

/** Options of coverage runs. */
export interface CoverageOptions {
  /**
   * Whether a case of `extra` counts towards coverage (default: every case). The CLI
   * runs recorded cases (golden.*.yaml) as tests but does not count them.
   */
  readonly counts?: (input: TestCaseInput) => boolean;
}

/** The cases' outcomes and the coverage they give, from one run of each case. */
export interface TestsWithCoverage {
  readonly passed: number;
  readonly failed: number;
  readonly cases: readonly TestCaseOutcome[];
  readonly coverage: CoverageReport;
}

/**
 * Run every case of a set once and measure the coverage of its rubrics.
 * @internal the public forms are testCoverage / safeTestCoverage in kaohe.ts
 */
export function runWithCoverage(set: RubricSet, extra: readonly TestCaseInput[] = [], options: CoverageOptions = {}): TestsWithCoverage {
  const internal = set.rubrics.reduce((n, r) => n + r.tests.length, 0);
  const runs = collectCaseRuns(set, extra).map((c, i) => ({
    name: c.name,
    rubric: c.rubric,
    run: c.run(),
    counted: i < internal || !options.counts || options.counts(extra[i - internal]!),
  }));
  const cases = runs.map((r) => r.run.outcome);
  const failed = cases.filter((c) => !c.passed).length;
  return { passed: cases.length - failed, failed, cases, coverage: setCoverage(set, runs.filter((r) => r.counted)) };
}
