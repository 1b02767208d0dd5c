/**
 * The benchmark's hand-written twins compute the same job as the engine: a smoke test
 * on a few hundred subjects, so that `npm run bench` compares like with like. Nothing
 * here is timed (speed is measured by the benchmark, never asserted).
 */
import { describe, expect, test } from "vitest";
import { median, parseOptions } from "../../bench/bench.js";
import { plainLoop, rubricYaml, subjects as gansuSubjects } from "../../bench/gansu-shape.js";
import { apiFloor, differences, engineOutcomes, floatLoop, integerTwin, itemIds, peerRubricYaml, peerSubjects, twinOutcomes, type PeerSubject } from "../../bench/peer-shape.js";
import { assess, loadRubric } from "../../src/index.js";

const peer = loadRubric(peerRubricYaml(), { file: "peer-shape.yaml" });

describe("peer-shaped job", () => {
  test("the exact integer twin agrees with the engine on every subject: score, raw and final grade, rank, adjustments", () => {
    const subjects = peerSubjects(400, 7);
    const reference = twinOutcomes(subjects, integerTwin(subjects));
    // The batch exercises both adjustments: some downgrades, and quota moves (excellent ≤ 20%).
    expect(reference.filter((r) => r.adjustments.some((a) => a.startsWith("downgrade:"))).length).toBeGreaterThan(0);
    expect(reference.filter((r) => r.adjustments.some((a) => a.startsWith("quota:"))).length).toBeGreaterThan(0);
    for (const trail of ["none", "full"] as const) {
      const units = assess(peer, subjects, { trail }).results[0]!.units;
      expect(differences(reference, engineOutcomes(units))).toMatchObject({ count: 0, examples: [] });
    }
    // The float loop runs the same job; its differences are printed by the bench, not asserted.
    expect(floatLoop(subjects).hundredths.length).toBe(400);
  });

  test("the floor of assess() computes the job: the engine's units, in the engine's order, with the engine's keys", () => {
    const subjects = peerSubjects(400, 7);
    const floor = apiFloor(subjects);
    const units = assess(peer, subjects, { trail: "none" }).results[0]!.units;
    expect(differences(twinOutcomes(subjects, integerTwin(subjects)), engineOutcomes(floor))).toMatchObject({ count: 0 });
    expect(floor.map((u) => u.id)).toEqual(units.map((u) => u.id));
    expect(floor.map((u) => Object.keys(u))).toEqual(units.map((u) => Object.keys(u)));
    // A generic reader checks each row's keys: a row of another shape is not read as the first.
    const { violation: _, ...noViolation } = subjects[1]!;
    expect(() => apiFloor([subjects[0]!, noViolation as PeerSubject])).toThrow(/row 2 is not of the first row's shape/);
    expect(() => apiFloor([subjects[0]!, { ...subjects[1]!, extra: 1 } as PeerSubject])).toThrow(/row 2/);
  });

  test("hand-computed totals: weights 10/70/20 over items weighted within each component", () => {
    const all = (v: number) => Object.fromEntries([["id", "x"], ["violation", false], ...itemIds().map((id) => [id, v])]) as PeerSubject;
    // Every item 85.5: each component 85.5, total 85.5 → "85.50", good (80 ≤ 85.5 < 90).
    const a = { ...all(85.5), id: "a" };
    // self1 = 100, every other item 80: self = 0.3 × 100 + 0.3 × 80 + 0.4 × 80 = 86;
    // total = 0.1 × 86 + 0.7 × 80 + 0.2 × 80 = 8.6 + 56 + 16 = 80.6 → "80.60", good.
    const b = { ...all(80), id: "b", self1: 100 };
    // Every item 95 but a violation: excellent by bands, downgraded to good.
    const c = { ...all(95), id: "c", violation: true };
    const twin = twinOutcomes([a, b, c], integerTwin([a, b, c]));
    expect(twin).toEqual([
      { id: "a", score: "85.50", rawGrade: "good", grade: "good", rank: 2, adjustments: [] },
      { id: "b", score: "80.60", rawGrade: "good", grade: "good", rank: 3, adjustments: [] },
      { id: "c", score: "95.00", rawGrade: "excellent", grade: "good", rank: 1, adjustments: ["downgrade:excellent>good"] },
    ]);
    expect(differences(twin, engineOutcomes(assess(peer, [a, b, c]).results[0]!.units)).count).toBe(0);
  });

  test("a quota tie across the last place demotes every tied subject (floor(20% × 10) = 2 places)", () => {
    const all = (id: string, v: number) => Object.fromEntries([["id", id], ["violation", false], ...itemIds().map((i) => [i, v])]) as PeerSubject;
    // Three subjects tie at 95 for places 1-3, seven at 50: the tie crosses place 2, so all three are demoted.
    const subjects = [...["t1", "t2", "t3"].map((id) => all(id, 95)), ...Array.from({ length: 7 }, (_, i) => all(`f${i}`, 50))];
    const twin = twinOutcomes(subjects, integerTwin(subjects));
    expect(twin.slice(0, 3).map((t) => [t.rank, t.grade, t.adjustments])).toEqual([1, 1, 1].map((r) => [r, "good", ["quota:excellent>good"]]));
    expect(differences(twin, engineOutcomes(assess(peer, subjects).results[0]!.units)).count).toBe(0);
  });
});

test("71-item Gansu shape: the exact plain loop agrees with the engine (score and final grade)", () => {
  const rows = [...gansuSubjects(200, 11)];
  const units = assess(loadRubric(rubricYaml(), { file: "gansu-shape.yaml" }), rows, { trail: "none" }).results[0]!.units;
  const byId = new Map(units.map((u) => [u.id, [u.score, u.grade]]));
  const plain = plainLoop(rows);
  expect(plain.length).toBe(200);
  expect(plain.filter((p) => JSON.stringify(byId.get(p.id)) !== JSON.stringify([p.score, p.grade]))).toEqual([]);
});

test("differences count subjects, and each field on its own", () => {
  const r = { id: "a", score: "90.00", rawGrade: "excellent", grade: "excellent", rank: 1, adjustments: [] };
  const other = new Map([["a", { ...r, score: "89.99", rank: 2 }]]);
  expect(differences([r, { ...r, id: "b" }], other)).toMatchObject({ count: 2, byField: { score: 2, rawGrade: 1, grade: 1, rank: 2, adjustments: 1 } });
});

describe("bench options", () => {
  test("defaults, --quick and explicit values", () => {
    expect(parseOptions([])).toMatchObject({ quick: false, sizes: [10_000, 100_000, 1_000_000], runs: 3, peerSize: 100_000, formatsSize: 100_000, pointsSize: 1_000_000, timeoutS: 600, heapMb: 8192, json: false });
    expect(parseOptions(["--quick"])).toMatchObject({ quick: true, sizes: [1_000, 5_000], peerSize: 10_000, formatsSize: 2_000, pointsSize: 10_000 });
    expect(parseOptions(["--formats-size", "0", "--points-size", "0"])).toMatchObject({ formatsSize: 0, pointsSize: 0 });
    expect(parseOptions(["--sizes", "10,20", "--runs", "5", "--json", "--heap", "0"])).toMatchObject({ sizes: [10, 20], runs: 5, json: true, heapMb: 0 });
  });

  test("a bad option or value is refused", () => {
    expect(() => parseOptions(["--size", "10"])).toThrow("unknown option --size");
    expect(() => parseOptions(["--runs", "0"])).toThrow("--runs takes a whole number of at least 1, got 0");
    expect(() => parseOptions(["--formats-size", "-1"])).toThrow("--formats-size takes a whole number of at least 0, got -1");
    expect(() => parseOptions(["--sizes", "10,x"])).toThrow("--sizes takes whole numbers");
  });

  test("median: the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("the member-level job's data (bench/points-shape.ts)", () => {
  test("seeded rows the 廉洁积分 rubric reads without an issue: handlings, vetoes, and a quota that moves many 优秀", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { POINTS_RUBRIC, writePointsCsv } = await import("../../bench/points-shape.js");
    const { readData } = await import("../../src/cli/load.js");
    const { safeAssess } = await import("../../src/index.js");
    const dir = mkdtempSync(join(tmpdir(), "kaohe-points-"));
    await writePointsCsv(join(dir, "a.csv"), 3000);
    await writePointsCsv(join(dir, "b.csv"), 3000);
    expect(readFileSync(join(dir, "a.csv")).equals(readFileSync(join(dir, "b.csv")))).toBe(true);
    const rubric = loadRubric(readFileSync(POINTS_RUBRIC, "utf8"), { file: POINTS_RUBRIC });
    const data = readData(join(dir, "a.csv"), () => Buffer.alloc(0));
    if (data.format !== "csv" || data.table === undefined) throw new Error("not read as a CSV table");
    const r = safeAssess(rubric, data.table, { trail: "none" });
    expect(r.ok).toBe(true);
    const units = r.ok ? r.value.results[0]!.units : [];
    expect(units).toHaveLength(3000);
    expect(units.filter((u) => u.adjustments.some((a) => a.kind === "quota")).length).toBeGreaterThan(500);
    expect(units.filter((u) => u.grade === "unqualified").length).toBeGreaterThan(10);
  });
});
