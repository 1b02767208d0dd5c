/**
 * A condition may read only facts produced before the stage that tests it (order of
 * evaluation: scoring → grade bands → exclusions → vetoes → ranking → downgrades →
 * caps → quotas → actions and tiers). Reading a later fact is COND_STAGE_ORDER at the
 * fact; each stage accepts what is known by then.
 */
import { describe, expect, test } from "vitest";
import { formatIssues, safeLoadRubric } from "../../src/index.js";
import { compile, evaluate, positionOf, rubricText } from "../helpers.js";

const two = "scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: y, kind: input, max: 50 }\n";

/** A rubric whose condition site is `site(fact)`; `fact` is a comparison's fact. */
interface Site {
  readonly name: string;
  readonly body: (condition: string) => string;
}

const sites = {
  only: { name: "a node's only", body: (c: string) => `scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: y, kind: input, max: 50, only: ${c} }\n` },
  entry: {
    name: "an entry's when",
    body: (c: string) => `scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: d, kind: deduct, max: 50, deductions: [ { id: e, points: 5, when: ${c} } ] }\n`,
  },
  zeroIf: { name: "a deduct item's zeroIf", body: (c: string) => `scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: d, kind: deduct, max: 50, zeroIf: ${c}, deductions: [ { id: e, per: n, points: 1 } ] }\n` },
  requires: { name: "a grade's requires", body: (c: string) => `grades:\n  - { id: A, min: 90, requires: ${c} }\n  - { id: B, min: 60 }\n  - { id: C }\n${two}` },
  exclude: { name: "an exclusion", body: (c: string) => `${two}rules:\n  - { id: r, kind: exclude, reason: r, when: ${c} }\n` },
  veto: { name: "a veto", body: (c: string) => `${two}rules:\n  - { id: r, kind: veto, reason: r, when: ${c} }\n` },
  tieBreaker: { name: "a tie-breaker", body: (f: string) => `${two}ranking:\n  tieBreakers:\n    - { fact: ${f} }\n` },
  downgrade: { name: "a downgrade", body: (c: string) => `${two}rules:\n  - { id: r, kind: downgrade, reason: r, when: ${c} }\n` },
  cap: { name: "a cap", body: (c: string) => `${two}rules:\n  - { id: r, kind: cap, grade: B, reason: r, when: ${c} }\n` },
  action: { name: "an action", body: (c: string) => `${two}actions:\n  - { id: a, when: ${c} }\n` },
  tier: { name: "a tier", body: (c: string) => `${two}tiers:\n  - { id: t, when: ${c} }\n  - { id: rest }\n` },
} satisfies Record<string, Site>;

/** A comparison that type-checks for each fact. */
const comparison: Record<string, string> = {
  total: "{ fact: total, gte: 10 }",
  zeroItems: "{ fact: zeroItems, eq: 0 }",
  grade: "{ fact: grade, eq: A }",
  rawGrade: "{ fact: rawGrade, atMost: B }",
  rank: "{ fact: rank, top: 1 }",
  groupRank: "{ fact: groupRank, bottom: 10% }",
  "score.x": "{ fact: score.x, gt: 10 }",
  "score.y": "{ fact: score.y, gt: 10 }",
  "ratio.x": "{ fact: ratio.x, gte: 50% }",
  "input.x": "{ fact: input.x, gt: 10 }",
  group: "{ fact: group, eq: g1 }",
};

/** Where the fact's text starts: after "fact: ". */
function factPosition(text: string, fact: string): { line: number; col: number } {
  const at = positionOf(text, `fact: ${fact}`);
  return { line: at.line, col: at.col + "fact: ".length };
}

function stageIssues(text: string) {
  const r = safeLoadRubric(text, { file: "t.yaml" });
  return r.ok ? [] : r.issues;
}

const rejected: [keyof typeof sites, string][] = [
  ["only", "total"],
  ["only", "zeroItems"],
  ["only", "grade"],
  ["only", "rawGrade"],
  ["only", "rank"],
  ["only", "groupRank"],
  ["entry", "total"],
  ["entry", "grade"],
  ["entry", "rank"],
  ["zeroIf", "total"],
  ["zeroIf", "zeroItems"],
  ["zeroIf", "rank"],
  ["requires", "grade"],
  ["requires", "rawGrade"],
  ["requires", "rank"],
  ["requires", "groupRank"],
  ["exclude", "rank"],
  ["exclude", "groupRank"],
  ["veto", "rank"],
  ["veto", "groupRank"],
];

describe("COND_STAGE_ORDER: a fact read before its stage produces it", () => {
  test.each(rejected.map(([site, fact]) => [sites[site].name, fact, site] as const))("%s reading %s", (_n, fact, site) => {
    const text = rubricText(sites[site].body(comparison[fact]!));
    const issues = stageIssues(text);
    expect(issues.map((i) => i.code), formatIssues(issues)).toEqual(["COND_STAGE_ORDER"]);
    // at the fact's text, after "fact: "
    expect(issues[0]!.source).toEqual({ file: "t.yaml", ...factPosition(text, fact) });
    expect(issues[0]!.params).toMatchObject({ fact });
  });

  test.each([["rank"], ["groupRank"]])("a tie-breaker reading %s (ranking cannot read its own result)", (fact) => {
    const text = rubricText(sites.tieBreaker.body(fact));
    const issues = stageIssues(text);
    expect(issues.map((i) => [i.code, i.params.fact, i.params.stage])).toEqual([["COND_STAGE_ORDER", fact, "ranking"]]);
    expect(issues[0]!.source).toMatchObject(factPosition(text, fact));
  });

  test("the message names the order of evaluation", () => {
    const issues = stageIssues(rubricText(sites.veto.body(comparison.rank!)));
    expect(issues[0]!.message).toContain("a veto");
    expect(issues[0]!.message).toContain("before ranking");
    expect(issues[0]!.message).toContain("scoring → grade bands → exclusions → vetoes → ranking → downgrades → caps → quotas → actions and tiers");
  });

  test("inside all / any / not, and a bare boolean fact next to it", () => {
    const text = rubricText(`inputs:\n  flag: { type: boolean }\n${two}rules:\n  - { id: r, kind: veto, reason: r, when: { any: [ input.flag, { not: { all: [ { fact: total, gt: 1 }, { fact: rank, top: 3 } ] } } ] } }\n`);
    const issues = stageIssues(text);
    expect(issues.map((i) => [i.code, i.params.fact, i.path.join(".")])).toEqual([["COND_STAGE_ORDER", "rank", "rules.0.when.any.1.not.all.1.fact"]]);
    expect(issues[0]!.source).toMatchObject({ col: positionOf(text, "rank, top").col });
  });

  test("in the tree, a node's points are readable only once that node is scored", () => {
    const later = stageIssues(rubricText("scoring:\n  children:\n    - { id: x, kind: input, max: 50, only: { fact: score.y, gt: 10 } }\n    - { id: y, kind: input, max: 50 }\n"));
    expect(later.map((i) => [i.code, i.params.fact])).toEqual([["COND_STAGE_ORDER", "score.y"]]);
    expect(later[0]!.message).toContain('"y" is scored after "x"');
    const itself = stageIssues(rubricText("scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: d, kind: deduct, max: 50, deductions: [ { id: e, points: 5, when: { fact: ratio.d, lt: 50% } } ] }\n"));
    expect(itself.map((i) => [i.code, i.params.fact])).toEqual([["COND_STAGE_ORDER", "ratio.d"]]);
    const ancestor = stageIssues(
      rubricText("scoring:\n  children:\n    - id: g\n      children:\n        - { id: x, kind: input, max: 50 }\n        - { id: y, kind: input, max: 50, only: { fact: score.g, gt: 10 } }\n"),
    );
    expect(ancestor.map((i) => [i.code, i.params.fact])).toEqual([["COND_STAGE_ORDER", "score.g"]]);
    const child = stageIssues(rubricText("scoring:\n  children:\n    - { id: g, only: { fact: score.x, gt: 1 }, children: [ { id: x, kind: input, max: 100 } ] }\n"));
    expect(child.map((i) => [i.code, i.params.fact])).toEqual([["COND_STAGE_ORDER", "score.x"]]);
    // the root's outside nodes are scored after its children
    const outside = stageIssues(rubricText("scoring:\n  children:\n    - { id: x, kind: input, max: 100, only: { fact: score.b, gt: 0 } }\n  outside:\n    - { id: b, kind: input, max: 5 }\n"));
    expect(outside.map((i) => [i.code, i.params.fact])).toEqual([["COND_STAGE_ORDER", "score.b"]]);
  });
});

/** One accepted pairing (at least) per stage. */
const accepted: [keyof typeof sites, string][] = [
  ["only", "input.x"],
  ["only", "group"],
  ["only", "score.x"],
  ["entry", "ratio.x"],
  ["zeroIf", "score.x"],
  ["requires", "total"],
  ["requires", "zeroItems"],
  ["requires", "score.y"],
  ["exclude", "grade"],
  ["exclude", "rawGrade"],
  ["veto", "grade"],
  ["veto", "total"],
  ["downgrade", "rank"],
  ["cap", "groupRank"],
  ["action", "rank"],
  ["action", "grade"],
  ["tier", "rank"],
];

describe("each stage reads what is known by then", () => {
  test.each(accepted.map(([site, fact]) => [sites[site].name, fact, site] as const))("%s reading %s loads", (_n, fact, site) => {
    const text = rubricText(sites[site].body(comparison[fact]!));
    const r = safeLoadRubric(text, { file: "t.yaml" });
    expect(r.ok, r.ok ? "" : formatIssues(r.issues)).toBe(true);
  });

  test.each([["grade"], ["rawGrade"], ["total"], ["score.x"]])("a tie-breaker reading %s loads", (fact) => {
    expect(safeLoadRubric(rubricText(sites.tieBreaker.body(fact))).ok).toBe(true);
  });

  test("a node's only reading an earlier node's points applies as written", () => {
    // y applies only when x scored above 10: (20 + 30) applies, (5 + nothing) does not
    const r = compile("scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: y, kind: input, max: 50, only: { fact: score.x, gt: 10 } }\n");
    const units = evaluate(r, [{ id: "a", x: 20, y: 30 }, { id: "b", x: 5, y: 30 }])[0]!.units;
    expect(units.map((u) => [u.id, u.score])).toEqual([
      ["a", "50"], // 20 + 30
      ["b", "5"], // 5; y does not apply
    ]);
  });

  test("a downgrade on rank fires after ranking (where a veto on rank is refused)", () => {
    const r = compile(`${two}rules:\n  - { id: last, kind: downgrade, reason: r, when: { fact: rank, bottom: 1 } }\n`);
    const units = evaluate(r, [{ id: "a", x: 50, y: 45 }, { id: "b", x: 45, y: 45 }])[0]!.units;
    // a: 95 → A, rank 1 of 2, kept; b: 90 → A, rank 2 of 2 = bottom 1 → B
    expect(units.map((u) => [u.id, u.score, u.rawGrade, u.grade])).toEqual([
      ["a", "95", "A", "A"],
      ["b", "90", "A", "B"],
    ]);
  });
});
