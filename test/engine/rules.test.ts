import { describe, expect, test } from "vitest";
import { compile, run, unit } from "../helpers.js";

const tree = `
scoring:
  children:
    - { id: x, kind: input, max: 100 }
`;

describe("downgrade (直接降档)", () => {
  const body = `
inputs:
  serious_violation: { type: boolean, default: false }
  major_accident: { type: boolean, default: false }
${tree}
rules:
  - { id: violation, kind: downgrade, when: input.serious_violation, reason: 班子成员发生严重违规违纪行为 }
  - { id: accident, kind: downgrade, when: input.major_accident, reason: 发生重大安全生产责任事故 }
`;
  test("one level down from the raw grade, with the reason", () => {
    const u = unit(run(body, [{ id: "s", x: 95, serious_violation: true }]), "s");
    expect(u.rawGrade).toBe("A");
    expect(u.grade).toBe("B");
    expect(u.adjustments).toEqual([{ kind: "downgrade", rule: "violation", from: "A", to: "B", reason: "班子成员发生严重违规违纪行为", numbers: { levels: 1 } }]);
  });
  test("policy sum (default): two matching rules move two levels", () => {
    expect(unit(run(body, [{ id: "s", x: 95, serious_violation: true, major_accident: true }]), "s").grade).toBe("C");
  });
  test("policy max: only the largest downgrade applies", () => {
    const u = unit(run(`policy: { downgrades: max }\n${body}`, [{ id: "s", x: 95, serious_violation: true, major_accident: true }]), "s");
    expect(u.grade).toBe("B");
    expect(u.adjustments.map((a) => a.rule)).toEqual(["violation"]);
    expect(u.rules.map((r) => [r.rule, r.changed])).toEqual([["violation", true], ["accident", false]]);
  });
  test("stops at the lowest grade and records no adjustment there", () => {
    const u = unit(run(body, [{ id: "s", x: 10, serious_violation: true }]), "s");
    expect(u.grade).toBe("D");
    expect(u.adjustments).toEqual([]);
    expect(u.rules).toMatchObject([{ rule: "violation", changed: false }]);
  });
  test("levels: 2", () => {
    const b = body.replace("kind: downgrade, when: input.major_accident", "kind: downgrade, levels: 2, when: input.major_accident");
    expect(unit(run(b, [{ id: "s", x: 95, major_accident: true }]), "s").grade).toBe("C");
  });
});

describe("cap (不能评定为优秀)", () => {
  const body = `
inputs:
  business_grade: { type: grade, scale: [A, B, C, D] }
${tree}
rules:
  - { id: business, kind: cap, grade: B, when: { fact: input.business_grade, worseThan: A }, reason: 经营业绩考核未达到A级 }
`;
  test.each([
    ["A", 95, "A"],
    ["B", 95, "B"],
    ["D", 95, "B"],
    ["B", 80, "B"],
    ["B", 70, "C"],
  ])("business %s, score %s → %s (a cap never raises)", (bg, x, g) => {
    expect(unit(run(body, [{ id: "s", x, business_grade: bg }]), "s").grade).toBe(g);
  });
  test("a downgrade applies before a cap", () => {
    const b = `
inputs:
  v: { type: boolean }
${tree}
rules:
  - { id: cap, kind: cap, grade: B, when: { fact: total, gte: 0 }, reason: cap }
  - { id: down, kind: downgrade, when: input.v, reason: down }
`;
    const u = unit(run(b, [{ id: "s", x: 95, v: true }]), "s");
    expect(u.grade).toBe("B");
    expect(u.adjustments.map((a) => `${a.rule}:${a.from}->${a.to}`)).toEqual(["down:A->B"]);
  });
});

describe("veto (一票否决)", () => {
  const body = (extra: string) => `
inputs:
  corruption: { type: count, default: 0 }
${tree}
rules:
  - { id: veto, kind: veto, when: { fact: input.corruption, gte: 2 }, reason: 班子2名以上成员违纪违法${extra} }
`;
  test("count threshold trigger: 1 does not fire, 2 does; default grade is the lowest", () => {
    expect(unit(run(body(""), [{ id: "s", x: 95, corruption: 1 }]), "s").grade).toBe("A");
    const u = unit(run(body(""), [{ id: "s", x: 95, corruption: 2 }]), "s");
    expect(u.grade).toBe("D");
    expect(u.score).toBe("95");
    expect(u.adjustments[0]).toMatchObject({ kind: "veto", from: "A", to: "D" });
  });
  test("a fixed grade (直接确定为较差等次)", () => {
    expect(unit(run(body(", grade: C"), [{ id: "s", x: 95, corruption: 2 }]), "s").grade).toBe("C");
  });
  test("score: zero sets the total to 0 and ranks last", () => {
    const r = run(body(", score: zero"), [
      { id: "s", x: 95, corruption: 2 },
      { id: "t", x: 50 },
    ]);
    expect(unit(r, "s")).toMatchObject({ score: "0", grade: "D", rank: 2 });
    expect(unit(r, "s").adjustments[0]!.numbers).toEqual({ scoreBefore: "95" });
    expect(unit(r, "t").rank).toBe(1);
  });
  test("ranking: exclude takes the subject out of the ranking", () => {
    const r = run(body(", ranking: exclude"), [
      { id: "s", x: 95, corruption: 2 },
      { id: "t", x: 50 },
    ]);
    expect(unit(r, "s").rank).toBeNull();
    expect(unit(r, "t").rank).toBe(1);
    expect(r.units.map((u) => u.id)).toEqual(["t", "s"]);
  });
  test("score range trigger (年终考核分值在0—69分之间的)", () => {
    const b = `${tree}\nrules:\n  - { id: v, kind: veto, when: { fact: total, between: [0, 69] }, reason: r }`;
    expect(unit(run(b, [{ id: "s", x: 0 }]), "s").adjustments).toEqual([]); // already the lowest grade
    expect(unit(run(b, [{ id: "s", x: 69 }]), "s").grade).toBe("D");
    expect(unit(run(b, [{ id: "s", x: 69 }]), "s").adjustments).toMatchObject([{ kind: "veto", from: "C", to: "D" }]);
    expect(unit(run(b, [{ id: "s", x: "69.5" }]), "s").grade).toBe("C");
  });
  test("ratio trigger (群众信任率达不到50%)", () => {
    const b = `
scoring:
  children:
    - { id: trust, kind: ratio, max: 10 }
    - { id: x, kind: input, max: 90 }
rules:
  - { id: v, kind: veto, when: { fact: ratio.trust, lt: 50% }, reason: 群众信任率达不到50% }
`;
    expect(unit(run(b, [{ id: "s", trust: "50%", x: 90 }]), "s").grade).toBe("A");
    expect(unit(run(b, [{ id: "s", trust: "49.9%", x: 90 }]), "s").grade).toBe("D");
  });
  test("previous year's rank trigger (上年度排名末位的)", () => {
    const b = `
inputs:
  previous_rank: { type: rank }
${tree}
rules:
  - { id: last, kind: veto, grade: C, when: { fact: input.previous_rank, bottom: 1 }, reason: 上年度排名末位 }
`;
    expect(unit(run(b, [{ id: "s", x: 95, previous_rank: "90/90" }]), "s").grade).toBe("C");
    expect(unit(run(b, [{ id: "s", x: 95, previous_rank: "89/90" }]), "s").grade).toBe("A");
  });
});

describe("exclude (不参加定级)", () => {
  const body = `
inputs:
  months_since_founded: { type: count }
${tree}
rules:
  - { id: new-branch, kind: exclude, when: { fact: input.months_since_founded, lt: 12 }, reason: 新组建不满一年的基层党支部不参加定级 }
quotas:
  - { id: a-third, grade: A, share: 50% }
`;
  test("an excluded subject has no grade, no rank and is outside quota scope", () => {
    const r = run(body, [
      { id: "new", x: 99, months_since_founded: 11 },
      { id: "b", x: 95, months_since_founded: 12 },
      { id: "c", x: 94, months_since_founded: 40 },
    ]);
    expect(unit(r, "new")).toMatchObject({ grade: null, rank: null, excluded: true, rawGrade: "A" });
    expect(unit(r, "new").adjustments).toMatchObject([{ kind: "exclusion", from: "A", to: null }]);
    expect(unit(r, "b")).toMatchObject({ grade: "A", rank: 1 });
    expect(unit(r, "c")).toMatchObject({ grade: "B", rank: 2 });
    expect(r.summary).toMatchObject({ count: 3, graded: 2, excluded: 1, distribution: { A: 1, B: 1, C: 0, D: 0 } });
  });
});

describe("conditions", () => {
  const body = (when: string) => `
inputs:
  domain: { type: choice, values: [village, hospital, school] }
  flag: { type: boolean, default: false }
scoring:
  children:
    - { id: a, kind: input, max: 50 }
    - { id: b, kind: input, max: 50 }
rules:
  - { id: r, kind: cap, grade: C, when: ${when}, reason: test }
`;
  const fires = (when: string, subject: Record<string, unknown>) =>
    unit(run(body(when), [{ id: "s", a: 50, b: 45, domain: "village", ...subject }]), "s").grade === "C";
  test.each([
    ["{ all: [input.flag, { fact: input.domain, eq: village }] }", { flag: true }, true],
    ["{ all: [input.flag, { fact: input.domain, eq: village }] }", { flag: false }, false],
    ["{ any: [input.flag, { fact: score.b, lt: 46 }] }", {}, true],
    ["{ not: { fact: input.domain, in: [village, school] } }", {}, false],
    ["{ not: { fact: input.domain, in: [village, school] } }", { domain: "hospital" }, true],
    ["{ fact: score.b, gte: 45 }", {}, true],
    ["{ fact: score.b, gt: 45 }", {}, false],
    ["{ fact: total, eq: 95 }", {}, true],
    ["{ fact: total, ne: 95 }", {}, false],
    ["{ fact: rawGrade, eq: A }", {}, true],
    ["{ fact: grade, atLeast: A }", {}, true],
    ["{ fact: grade, atMost: B }", {}, false],
    ["{ fact: grade, betterThan: B }", {}, true],
    ["{ fact: input.domain, notIn: [hospital] }", {}, true],
    ["{ fact: input.flag, is: false }", {}, true],
    ["{ fact: ratio.b, gte: 90% }", {}, true],
  ])("%s with %o fires: %s", (when, subject, expected) => {
    expect(fires(when, subject)).toBe(expected);
  });
  test("rank conditions read the rank before downgrades (bottom three)", () => {
    const b = `${tree}\nrules:\n  - { id: r, kind: cap, grade: C, when: { fact: rank, bottom: 2 }, reason: bottom two }`;
    const r = run(b, [1, 2, 3, 4].map((i) => ({ id: `s${i}`, x: 90 + i })));
    expect(r.units.map((u) => u.grade)).toEqual(["A", "A", "C", "C"]);
  });
  test("top as a share: rank ≤ share × count", () => {
    const b = `${tree}\nrules:\n  - { id: r, kind: cap, grade: C, when: { not: { fact: rank, top: 25% } }, reason: r }`;
    const r = run(b, [1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ id: `s${i}`, x: 90 + i })));
    expect(r.units.map((u) => u.grade)).toEqual(["A", "A", "C", "C", "C", "C", "C", "C"]);
  });
  test("compiled conditions are closures over a fixed fact grammar, not code", () => {
    const r = compile(body("{ fact: input.domain, eq: \"process.exit(1)\" }").replace("values: [village, hospital, school]", 'values: [village, hospital, school, "process.exit(1)"]'));
    expect(r.rules.caps[0]!.when.text).toBe('input.domain eq "process.exit(1)"');
  });
});
