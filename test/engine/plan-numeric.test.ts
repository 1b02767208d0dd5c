/**
 * The plan's numeric choice per node (plan/numeric.ts): exact integers at a scale where
 * the bound is proven, Dec otherwise. These tests pin the choice, and that a subject
 * whose values leave what was proven is scored in Dec with the same exact result.
 */
import { describe, expect, test } from "vitest";
import { assess, loadRubric } from "../../src/index.js";
import { planOf } from "../../src/plan/plan.js";
import { peerRubricYaml } from "../../bench/peer-shape.js";

const head = `kaohe: 1
id: n
name: n
year: 2024
version: "1"
grades:
  - { id: A, min: 60 }
  - { id: B }
`;

const paths = (yaml: string) => {
  const plan = planOf(loadRubric(yaml));
  return Object.fromEntries(plan.nodes.map((n) => [n.node.id, n.numeric.path === "int" ? `int@${n.numeric.scale}` : `dec: ${n.numeric.reason}`]));
};

describe("the numeric path of each node is decided by the plan", () => {
  test("the peer-shaped rubric: every node is int (inputs 0..100 at 6 places, item weights of 1-2 places, component weights 10/70/20%)", () => {
    const plan = planOf(loadRubric(peerRubricYaml()));
    expect(plan.nodes.filter((n) => n.numeric.path !== "int").map((n) => n.node.id)).toEqual([]);
    // self1: an input at 6 places; self (weights 30%, 30%, 40%: 1 place) at 6 + 1 = 7; the root (10%: 1 place) at 7 + 1 = 8,
    // and duty (weights 10%, 5%: 2 places) at 6 + 2 = 8, so the root is at max(7, 8, 7) + 1 = 9.
    const at = (id: string) => {
      const n = plan.nodes[plan.index.get(id)!]!.numeric;
      return n.path === "int" ? n.scale : -1;
    };
    expect([at("self1"), at("self"), at("duty"), at("peers"), at("total")]).toEqual([6, 7, 8, 7, 9]);
  });

  test("the peer-shaped rubric's weights fold into one dot product at the root: item weight × component weight × alignment", () => {
    const plan = planOf(loadRubric(peerRubricYaml()));
    const node = (id: string) => plan.nodes[plan.index.get(id)!]!;
    // The three components only add up their items: folded into the root, no column of their own.
    expect(["self", "duty", "peers", "total"].map((id) => node(id).folded)).toEqual([true, true, true, false]);
    const dot = node("total").dot!;
    const coef = Object.fromEntries(dot.nodes.map((n, k) => [plan.nodes[n]!.node.id, dot.coef[k]]));
    expect(Object.keys(coef)).toHaveLength(20);
    // The root is at scale 9, items at 6: one point of an item is 10^6 units, of the root 10^9.
    // self1: 30% of 10%: 0.03 × 10^9 / 10^6 = 30; duty1: 10% of 70% = 0.07 → 70; duty4: 5% of 70% → 35; peers1: 20% of 20% → 40.
    expect([coef.self1, coef.self3, coef.duty1, coef.duty4, coef.peers1]).toEqual([30, 40, 70, 35, 40]);
  });

  test("a group is not folded where its column is needed: a floor, a cap, a rounding, an only, or a node a condition reads", () => {
    const plan = planOf(
      loadRubric(`${head}inputs:
  a: { type: number, min: 0, max: 10 }
  b: { type: number, min: 0, max: 10 }
scoring:
  max: 55
  children:
    - { id: plain, label: plain, children: [ { id: a1, label: a1, kind: input, input: a, max: 10 } ] }
    - { id: capped, label: capped, cap: 5, children: [ { id: a2, label: a2, kind: input, input: a, max: 10 } ] }
    - { id: rounded, label: rounded, round: { places: 0 }, children: [ { id: b1, label: b1, kind: input, input: b, max: 10 } ] }
    - { id: some, label: some, only: { fact: input.b, gt: 5 }, children: [ { id: b2, label: b2, kind: input, input: b, max: 10 } ] }
    - { id: read, label: read, children: [ { id: b3, label: b3, kind: input, input: b, max: 10 } ] }
    - { id: floored, label: floored, floor: 1, children: [ { id: b4, label: b4, kind: input, input: b, max: 10 } ] }
rules:
  - { id: r, kind: downgrade, when: { fact: score.read, lt: 1 }, reason: r }
`),
    );
    const folded = (id: string) => plan.nodes[plan.index.get(id)!]!.folded;
    expect(["plain", "capped", "rounded", "some", "read", "floored"].map(folded)).toEqual([true, false, false, false, false, false]);
  });

  test("a 1:1:1 weighted group is Dec (its shares 1/3 do not terminate); a mean and normalizeTo too; an input without a range too", () => {
    const p = paths(`${head}inputs:
  free: { type: number }
scoring:
  combine: sum
  children:
    - id: thirds
      combine: weighted
      children:
        - { id: a, kind: input, max: 10, weight: 1 }
        - { id: b, kind: input, max: 10, weight: 1 }
        - { id: c, kind: input, max: 10, weight: 1 }
    - id: avg
      combine: mean
      children:
        - { id: d, kind: input, max: 10 }
        - { id: e, kind: input, max: 10 }
    - id: norm
      normalizeTo: 10
      children:
        - { id: f, kind: input, max: 20 }
    - { id: free, kind: input, max: 10 }
`);
    expect(p.thirds).toBe("dec: ratio weights whose shares do not terminate (a division)");
    expect(p.a).toBe("int@6");
    expect(p.avg).toBe("dec: a mean (a division)");
    expect(p.norm).toBe("dec: normalizeTo (a division)");
    expect(p.total).toBe("dec: a child computed in Dec");
  });
});

describe("a value outside what the plan proved is scored in Dec, exactly", () => {
  const yaml = `${head}rounding: { places: 2, mode: half-up }
inputs:
  late: { type: count }
scoring:
  combine: weighted
  children:
    - { id: a, kind: input, max: 100, weight: 50% }
    - { id: b, kind: deduct, max: 100, weight: 50%, deductions: [{ id: late, per: late, points: 0.5 }] }
`;

  test("the plan is int throughout", () => {
    expect(paths(yaml)).toEqual({ a: "int@6", b: "int@1", total: "int@7" });
  });

  test("an input with 9 decimals (beyond the 6 of its scale): a = 80.123456789 → 0.5 × 80.123456789 + 0.5 × 99 = 89.5617283945 → 89.56", () => {
    const r = assess(loadRubric(yaml), [
      { id: "x", a: "80.123456789", late: 2 },
      { id: "y", a: 80, late: 2 },
    ]).results[0]!;
    const byId = Object.fromEntries(r.units.map((u) => [u.id, u]));
    // b = 100 − 2 × 0.5 = 99
    expect(byId.x!.score).toBe("89.56");
    // y: 0.5 × 80 + 0.5 × 99 = 89.5 (on the integer path)
    expect(byId.y!.score).toBe("89.50");
    expect(byId.x!.nodes.map((n) => [n.id, n.points])).toEqual([
      ["total", "89.56"],
      ["a", "80.123456789"],
      ["b", "99"],
    ]);
  });

  test("a count large enough to leave the safe range: late = 10^17 deducts everything (floor 0): 0.5 × 80 + 0 = 40", () => {
    const r = assess(loadRubric(yaml), [{ id: "x", a: 80, late: "100000000000000000" }]).results[0]!;
    expect(r.units[0]!.score).toBe("40.00");
  });
});

describe("ranking compares exact totals (as integers at one scale when every total terminates)", () => {
  const thirds = `${head}scoring:
  combine: weighted
  children:
    - { id: a, kind: input, max: 100, weight: 1 }
    - { id: b, kind: input, max: 100, weight: 1 }
    - { id: c, kind: input, max: 100, weight: 1 }
`;
  const ranks = (rows: Record<string, unknown>[]) => Object.fromEntries(assess(loadRubric(thirds), rows).results[0]!.units.map((u) => [u.id, u.rank]));

  test("a non-terminating total among them: 256/3 = 85.333… ranks between 85.34 and 85.3333", () => {
    // s1: (85 + 86 + 85) / 3 = 256/3; s2: 85.3333; s3: 85.34
    expect(ranks([
      { id: "s1", a: 85, b: 86, c: 85 },
      { id: "s2", a: 85.3333, b: 85.3333, c: 85.3333 },
      { id: "s3", a: 85.34, b: 85.34, c: 85.34 },
    ])).toEqual({ s3: 1, s1: 2, s2: 3 });
  });

  test("terminating totals of different places: 90.5 > 90.25 > 90.125; equal totals share a rank", () => {
    expect(ranks([
      { id: "s1", a: 90.125, b: 90.125, c: 90.125 },
      { id: "s2", a: 90.5, b: 90.5, c: 90.5 },
      { id: "s3", a: 90.25, b: 90.25, c: 90.25 },
      { id: "s4", a: 90, b: 91, c: 90.5 }, // 271.5 / 3 = 90.5
    ])).toEqual({ s2: 1, s4: 1, s3: 3, s1: 4 });
  });
});

describe("periods: the mean over a count whose share terminates is int", () => {
  const yaml = (count: number) => `${head}inputs:
  q: { type: series, length: ${count}, min: 0, max: 100 }
scoring:
  combine: sum
  children:
    - { id: p, kind: periods, input: q, count: ${count}, max: 100 }
`;

  test("count 4: 1/4 = 0.25 adds 2 places to the input's 6 → int at 8; count 3: Dec", () => {
    expect(paths(yaml(4)).p).toBe("int@8");
    expect(paths(yaml(3)).p).toBe("dec: a mean over a count whose share does not terminate (a division)");
  });

  test("(80 + 85.5 + 90 + 91.25) / 4 = 346.75 / 4 = 86.6875", () => {
    const r = assess(loadRubric(yaml(4)), [{ id: "x", "q.1": 80, "q.2": 85.5, "q.3": 90, "q.4": 91.25 }]).results[0]!;
    expect(r.units[0]!.score).toBe("86.6875");
  });
});
