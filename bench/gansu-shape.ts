/**
 * The benchmark's rubric and data: a 71-item rubric in the shape of the Gansu 2017
 * scheme (4 areas, 16 categories; deduction, level, ratio, yes/no and band items;
 * on-site 60% / regular 30% / democratic 10%; a downgrade rule, a quota, groups),
 * seeded synthetic subjects, and the same scoring as a plain JavaScript loop.
 */
import { SeededRandom } from "../scripts/seeded-random.js";

/** Items per category: 16 categories, 71 items. */
const CATEGORY_SIZES = [5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 4, 4];
const AREAS = ["服务中心工作", "落实主体责任", "完成重点任务", "强化基础保障"];
export const GROUPS = ["第1组", "第2组", "第3组", "第4组", "第5组", "第6组", "第7组", "第8组", "第9组", "第10组", "第11组"];
const LEVELS = ["好", "较好", "一般", "差"] as const;

export type ItemShape =
  | { id: string; kind: "per"; max: number; points: number } //  deduct `points` per occurrence, floor 0
  | { id: string; kind: "shortfall"; max: number; required: number; points: number }
  | { id: string; kind: "levels"; max: number; levels: readonly [number, number, number, number] }
  | { id: string; kind: "ratio"; max: number }
  | { id: string; kind: "yesno"; max: number }
  | { id: string; kind: "bands"; max: number; bands: readonly [number, number][] };

/** The 71 items with their points; the on-site tree sums to 100. */
export function items(): { area: number; category: number; item: ItemShape }[] {
  const out: { area: number; category: number; item: ItemShape }[] = [];
  let n = 0;
  // 71 items: maxima cycle so that the tree sums to exactly 100 (29 × 1 + 42 × 1.5 + …).
  CATEGORY_SIZES.forEach((size, c) => {
    for (let i = 0; i < size; i++, n++) {
      const id = `i${String(n + 1).padStart(2, "0")}`;
      const max = n < 58 ? 1.5 : 1; // 58 × 1.5 + 13 × 1 = 100
      let item: ItemShape;
      switch (n % 6) {
        case 0:
          item = { id, kind: "per", max, points: 0.5 };
          break;
        case 1:
          item = { id, kind: "shortfall", max, required: 4, points: 0.25 };
          break;
        case 2:
          item = { id, kind: "levels", max, levels: max === 1.5 ? [1.5, 1.2, 0.8, 0] : [1, 0.8, 0.5, 0] };
          break;
        case 3:
          item = { id, kind: "ratio", max };
          break;
        case 4:
          item = { id, kind: "yesno", max };
          break;
        default:
          item = { id, kind: "bands", max, bands: [[12, max], [8, max / 2 === 0.75 ? 0.75 : 0.5]] };
      }
      out.push({ area: Math.floor(c / 4), category: c, item });
    }
  });
  return out;
}

/** The rubric YAML. */
export function rubricYaml(): string {
  const all = items();
  const lines: string[] = [
    "kaohe: 1",
    "id: gansu-shape-bench",
    "name: 省直机关党建工作考核（基准测试）",
    "year: 2017",
    'version: "bench"',
    "rounding: { places: 2, mode: half-up }",
    "inputs:",
    "  major_problem: { type: boolean, default: false }",
    "grades:",
    "  - { id: excellent, label: 优秀, min: 90 }",
    "  - { id: good, label: 良好, min: 80 }",
    "  - { id: pass, label: 一般, min: 60 }",
    "  - { id: fail, label: 较差 }",
    "scoring:",
    "  combine: weighted",
    "  children:",
    "    - id: onsite",
    "      label: 实地考核",
    "      weight: 60%",
    "      max: 100",
    "      children:",
  ];
  for (let a = 0; a < 4; a++) {
    lines.push(`        - id: area${a + 1}`, `          label: ${AREAS[a]}`, "          children:");
    for (let c = a * 4; c < a * 4 + 4; c++) {
      lines.push(`            - id: cat${c + 1}`, `              label: 第${c + 1}类`, "              children:");
      for (const { item } of all.filter((x) => x.category === c)) lines.push(`                - ${itemYaml(item)}`);
    }
  }
  lines.push(
    "    - { id: regular, label: 平时考核, weight: 30%, kind: periods, count: 4, max: 100 }",
    "    - { id: democratic, label: 民主测评, weight: 10%, kind: input, max: 100 }",
    "rules:",
    "  - { id: major-problem, kind: downgrade, when: input.major_problem, reason: 发现突出问题，降一档 }",
    "quotas:",
    '  - { id: excellent-30, grade: excellent, share: 30%, rounding: floor }',
    "actions:",
    "  - { id: interview, label: 约谈, when: { fact: grade, eq: fail } }",
  );
  return `${lines.join("\n")}\n`;
}

function itemYaml(item: ItemShape): string {
  switch (item.kind) {
    case "per":
      return `{ id: ${item.id}, kind: deduct, max: ${item.max}, deductions: [ { id: each, per: ${item.id}, points: ${item.points} } ] }`;
    case "shortfall":
      return `{ id: ${item.id}, kind: deduct, max: ${item.max}, deductions: [ { id: fewer, shortfall: { input: ${item.id}, required: ${item.required} }, points: ${item.points} } ] }`;
    case "levels":
      return `{ id: ${item.id}, kind: levels, max: ${item.max}, levels: { ${LEVELS.map((l, i) => `${l}: ${item.levels[i]}`).join(", ")} } }`;
    case "ratio":
      return `{ id: ${item.id}, kind: ratio, max: ${item.max} }`;
    case "yesno":
      return `{ id: ${item.id}, kind: yesno, max: ${item.max} }`;
    case "bands":
      return `{ id: ${item.id}, kind: bands, max: ${item.max}, bands: [ ${item.bands.map(([min, p]) => `{ min: ${min}, points: ${p} }`).join(", ")} ] }`;
  }
}

/** Seeded subjects as flat rows (the CSV columns). */
export function* subjects(count: number, seed = 2017): Generator<Record<string, string>> {
  const rnd = new SeededRandom(seed);
  const all = items();
  for (let n = 0; n < count; n++) {
    const q = rnd.next();
    const row: Record<string, string> = { id: `U${String(n + 1).padStart(7, "0")}`, group: GROUPS[n % GROUPS.length]! };
    for (const { item } of all) {
      switch (item.kind) {
        case "per":
          row[item.id] = String(rnd.chance(q) ? 0 : rnd.int(1, 3));
          break;
        case "shortfall":
          row[item.id] = String(rnd.int(q > 0.5 ? 3 : 1, 5));
          break;
        case "levels":
          row[item.id] = LEVELS[Math.min(3, Math.floor((1 - q) * 3 + rnd.next()))]!;
          break;
        case "ratio":
          row[item.id] = rnd.decimal(0.7 + 0.3 * q, 1, 3);
          break;
        case "yesno":
          row[item.id] = rnd.chance(0.6 + 0.4 * q) ? "true" : "false";
          break;
        case "bands":
          row[item.id] = String(rnd.int(4, 14));
          break;
      }
    }
    for (let p = 1; p <= 4; p++) row[`regular.${p}`] = rnd.decimal(60 + 30 * q, 100, 1);
    row.democratic = rnd.decimal(70 + 25 * q, 100, 2);
    row.major_problem = rnd.chance(0.02) ? "true" : "false";
    yield row;
  }
}

/**
 * The same scoring written as a plain JavaScript number loop, in integer units of
 * 10⁻⁶ points so that it is exact too: every input has at most 3 decimals and
 * every rubric number at most 2. Returns scores as "84.50" and final grades.
 */
export function plainLoop(rows: readonly Record<string, string>[]): { id: string; score: string; grade: string }[] {
  const all = items();
  const U = 1_000_000; // units per point
  const toUnits = (s: string) => Math.round(Number(s) * U); // inputs have ≤ 3 decimals: exact after rounding
  const totals = rows.map((row) => {
    let onsite = 0;
    for (const { item } of all) {
      const max = Math.round(item.max * U);
      let p: number;
      switch (item.kind) {
        case "per":
          p = Math.max(0, max - Number(row[item.id]) * Math.round(item.points * U));
          break;
        case "shortfall":
          p = Math.max(0, max - Math.max(0, item.required - Number(row[item.id])) * Math.round(item.points * U));
          break;
        case "levels":
          p = Math.round(item.levels[LEVELS.indexOf(row[item.id] as (typeof LEVELS)[number])]! * U);
          break;
        case "ratio":
          p = (max * toUnits(row[item.id]!)) / U; // max(µ) × ratio: ratio has 3 decimals, max 2 → integer µ
          break;
        case "yesno":
          p = row[item.id] === "true" ? max : 0;
          break;
        case "bands": {
          const v = Number(row[item.id]);
          const band = item.bands.find(([min]) => v >= min);
          p = band ? Math.round(band[1] * U) : 0;
          break;
        }
      }
      onsite += p;
    }
    let regular = 0;
    for (let q = 1; q <= 4; q++) regular += toUnits(row[`regular.${q}`]!);
    // total (µ × 100) = 60 × onsite + 30 × regular/4 + 10 × democratic, all integers
    const total100 = 60 * onsite + (30 * regular) / 4 + 10 * toUnits(row.democratic!);
    // round half-up to 2 places: total100 is in units of 10⁻⁸ points
    const hundredths = Math.floor((total100 + 500_000) / 1_000_000);
    return { id: row.id!, hundredths, down: row.major_problem === "true", group: row.group! };
  });
  const gradeOf = (h: number) => (h >= 9000 ? 0 : h >= 8000 ? 1 : h >= 6000 ? 2 : 3);
  const grades = totals.map((t) => Math.min(3, gradeOf(t.hundredths) + (t.down ? 1 : 0)));
  // quota: excellent ≤ floor(30% × n); rule-moved subjects cannot be excellent (a downgrade moves down)
  const limit = Math.floor((rows.length * 30) / 100);
  const competitors = totals.map((t, i) => ({ t, i })).filter(({ i }) => grades[i] === 0);
  competitors.sort((a, b) => b.t.hundredths - a.t.hundredths);
  let admitted = Math.min(limit, competitors.length);
  if (admitted < competitors.length && admitted > 0 && competitors[admitted]!.t.hundredths === competitors[admitted - 1]!.t.hundredths) {
    const boundary = competitors[admitted - 1]!.t.hundredths;
    while (admitted > 0 && competitors[admitted - 1]!.t.hundredths === boundary) admitted--;
  }
  for (const { i } of competitors.slice(admitted)) grades[i] = 1;
  const names = ["excellent", "good", "pass", "fail"];
  return totals.map((t, i) => ({ id: t.id, score: (t.hundredths / 100).toFixed(2), grade: names[grades[i]!]! }));
}
