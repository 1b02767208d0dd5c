/**
 * Conditions are plain data read by one interpreter (src/engine/condition.ts): a JSON
 * round trip of a compiled condition decides exactly as the original, and a probe sees
 * every node decided, with short-circuit order.
 */
import { describe, expect, test } from "vitest";
import type { CompiledCondition, FactContext, LinkedFacts, RankValue } from "../../src/compile/model.js";
import { dec, type Dec } from "../../src/decimal/decimal.js";
import { readFact, testCondition, tieBreakerValue } from "../../src/engine/condition.js";
import { compile, linkedSet } from "../helpers.js";

/** A fact context with fixed values (what the engine's subject state answers). */
function facts(values: { total?: string; inputs?: Record<string, unknown>; points?: Record<string, string>; grade?: number; rank?: RankValue; linked?: LinkedFacts }): FactContext {
  return {
    input: (name) => values.inputs?.[name] as never,
    points: (id) => (values.points?.[id] !== undefined ? dec(values.points[id]!) : undefined),
    total: dec(values.total ?? "0"),
    grade: values.grade,
    rawGrade: values.grade,
    rank: values.rank,
    groupRank: undefined,
    group: undefined,
    zeroItems: 0,
    linked: () => values.linked,
  };
}

const RUBRIC = `
inputs:
  violation: { type: boolean, default: false }
  business: { type: grade, scale: [A, B, C], default: A }
  kind: { type: choice, values: [city, county], default: city }
scoring:
  combine: sum
  children:
    - { id: s, kind: input, max: 100 }
rules:
  - id: r
    kind: downgrade
    reason: test
    when:
      any:
        - input.violation
        - all:
            - { fact: input.business, worseThan: A }
            - { fact: total, gte: 89.5 }
            - not: { fact: input.kind, in: [county] }
        - { fact: score.s, between: [10, 20] }
`;

describe("conditions as plain data", () => {
  const rubric = compile(RUBRIC);
  const when = rubric.rules.downgrades[0]!.when;
  const cases = [
    facts({ inputs: { violation: true } }),
    facts({ inputs: { violation: false, business: "B", kind: "city" }, total: "89.5" }),
    facts({ inputs: { violation: false, business: "B", kind: "city" }, total: "89.49" }),
    facts({ inputs: { violation: false, business: "B", kind: "county" }, total: "95" }),
    facts({ inputs: { violation: false, business: "A", kind: "city" }, total: "95", points: { s: "20" } }),
    facts({ inputs: { violation: false, business: "A", kind: "city" }, total: "95", points: { s: "20.01" } }),
  ];

  test("hand-decided outcomes: violation; B at 89.5 (gte holds); B at 89.49; county; s = 20 (between is inclusive); s = 20.01", () => {
    expect(cases.map((c) => testCondition(when, c))).toEqual([true, true, false, false, true, false]);
  });

  test("a JSON round trip and structuredClone of the condition decide identically; it holds no function", () => {
    const json = JSON.parse(JSON.stringify(when)) as CompiledCondition;
    const cloned = structuredClone(when);
    expect(json).toEqual(when);
    for (const c of cases) {
      expect(testCondition(json, c)).toBe(testCondition(when, c));
      expect(testCondition(cloned, c)).toBe(testCondition(when, c));
    }
  });

  test("every node keeps its rubric path (for coverage and messages)", () => {
    const node = when.node;
    if (node.op !== "any") throw new Error(`expected any, got ${node.op}`);
    expect(node.path).toEqual(["rules", 0, "when"]);
    expect(node.of[1]!.path).toEqual(["rules", 0, "when", "any", 1]);
  });

  test("the probe sees each decided node once, inner first, and nothing after a deciding part", () => {
    const seen: string[] = [];
    testCondition(when, cases[1]!, (node, outcome) => seen.push(`${node.path.slice(3).join(".")}=${outcome}`));
    // violation false; then all(...) holds: worseThan true, gte true, in [county] false → not true; any stops there.
    expect(seen).toEqual(["any.0=false", "any.1.all.0=true", "any.1.all.1=true", "any.1.all.2.not=false", "any.1.all.2=true", "any.1=true", "=true"]);
  });

  test("a fact without a value makes every comparison false, ne and notIn included", () => {
    const r = compile(`
      inputs:
        note: { type: text, required: false }
      scoring:
        combine: sum
        children:
          - { id: s, kind: input, max: 100 }
      rules:
        - { id: a, kind: downgrade, reason: x, when: { fact: input.note, ne: "x" } }
        - { id: b, kind: downgrade, reason: x, when: { fact: input.note, notIn: ["x"] } }
        - { id: c, kind: downgrade, reason: x, when: { not: { fact: input.note, eq: "x" } } }
    `);
    const absent = facts({});
    expect(r.rules.downgrades.map((d) => testCondition(d.when, absent))).toEqual([false, false, true]);
    const given = facts({ inputs: { note: "y" } });
    expect(r.rules.downgrades.map((d) => testCondition(d.when, given))).toEqual([true, true, true]);
  });

  test("a linked grade is named by id or label and resolved against that rubric's scale when read", () => {
    const set = linkedSet(
      ["biz", "scoring:\n  combine: sum\n  children:\n    - { id: s, kind: input, max: 100 }\n"],
      ["rev", "scoring:\n  combine: sum\n  children:\n    - { id: s, kind: input, max: 100 }\nrules:\n  - { id: r, kind: downgrade, reason: x, when: { fact: rubric.biz.grade, worseThan: A } }\n"],
    );
    const rev = set.rubrics.find((r) => r.id === "rev")!;
    const linked = (grade: string | null): LinkedFacts => ({ score: dec(80), scale: ["A", "B", "C", "D"], labels: ["优", "良", "中", "差"], grade, rank: undefined, excluded: grade === null });
    const w = rev.rules.downgrades[0]!.when;
    expect([testCondition(w, facts({ linked: linked("A") })), testCondition(w, facts({ linked: linked("B") })), testCondition(w, facts({ linked: linked(null) }))]).toEqual([false, true, false]);
  });

  test("tie-breaker values: a grade reads as its quality (best highest), a rank as its position", () => {
    const r = compile(`
      inputs:
        business: { type: grade, scale: [A, B, C], default: A }
      scoring:
        combine: sum
        children:
          - { id: s, kind: input, max: 100 }
      ranking:
        tieBreakers:
          - { fact: input.business, order: desc }
          - { fact: score.s, order: desc }
    `);
    const [byGrade, byScore] = r.tieBreakers;
    const value = (d: Dec | undefined) => d?.toFixed();
    expect(value(tieBreakerValue(byGrade!, facts({ inputs: { business: "A" } })))).toBe("0");
    expect(value(tieBreakerValue(byGrade!, facts({ inputs: { business: "C" } })))).toBe("-2");
    expect(value(tieBreakerValue(byScore!, facts({ points: { s: "7.5" } })))).toBe("7.5");
    expect(tieBreakerValue(byScore!, facts({}))).toBeUndefined();
    expect(JSON.parse(JSON.stringify(r.tieBreakers))).toEqual(r.tieBreakers);
    expect(readFact({ kind: "ratio", node: "s", max: "0" }, facts({ points: { s: "1" } }))).toBeUndefined();
  });
});
