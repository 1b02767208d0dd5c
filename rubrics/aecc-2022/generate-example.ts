/**
 * Generates example.csv: an illustrative 2022 for 36 Party branches of 中国航发中传 in
 * 6 党建协作区 (seed 003): monthly, quarterly and half-yearly checks, the 30 党风廉政
 * standards, and each unit's business score. Seeded: running it again writes the same file.
 *   npx tsx rubrics/aecc-2022/generate-example.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SeededRandom, toCsv, unit } from "../../scripts/seeded-random.js";

const AREAS = ["第一协作区", "第二协作区", "第三协作区", "第四协作区", "第五协作区", "第六协作区"];
const BRANCHES = ["齿轮加工", "热处理", "装配试验", "质量检验", "工艺技术", "设计研发", "生产计划", "设备动力", "物资供应", "财务审计", "人力资源", "党群工作"];
const LEVELS = ["好", "较好", "一般", "差"];
/** Kinds of the 30 standards, in order s01..s30 (see responsibility.yaml). */
const STANDARDS: [string, number?][] = [
  ["yes"], ["yes"], ["short", 4], ["level"], ["level"],
  ["short", 4], ["yes"], ["level"], ["yes"],
  ["yes"], ["yes"], ["per"], ["yes"],
  ["yes"], ["ratio"], ["short", 2], ["yes"], ["yes"],
  ["per"], ["level"], ["per"],
  ["ratio"], ["yes"], ["level"], ["yes"],
  ["per"], ["cases"], ["yes"], ["yes"], ["yes"],
];

export function generate(): string {
  const rnd = new SeededRandom(2022_004);
  const header = [
    "id", "name", "group",
    ...Array.from({ length: 12 }, (_, i) => `monthly.${i + 1}`),
    ...Array.from({ length: 4 }, (_, i) => `quarterly.${i + 1}`),
    "half-year.1", "half-year.2",
    ...STANDARDS.map((_, i) => `s${String(i + 1).padStart(2, "0")}`),
    "经营业绩考核得分",
  ];
  const rows: (string | number | boolean)[][] = [];
  for (let n = 1; n <= 36; n++) {
    const q = unit(0.3 + 0.65 * rnd.next() - (rnd.chance(0.12) ? 0.25 : 0));
    const period = () => rnd.decimal(60 + 30 * q, Math.min(100, 76 + 24 * q), 1);
    const standards = STANDARDS.map(([kind, required]) => {
      switch (kind) {
        case "yes":
          return rnd.chance(0.8 + 0.2 * q);
        case "short":
          return Math.max(0, required! - (rnd.chance(q) ? 0 : rnd.int(1, 2)));
        case "level":
          return LEVELS[Math.min(3, Math.floor((1 - q) * 3 + rnd.next() * 0.7))]!;
        case "per":
          return rnd.chance(0.6 + 0.4 * q) ? 0 : 1;
        case "ratio":
          return rnd.decimal(0.8 + 0.2 * q, 1, 2);
        default:
          return rnd.chance(0.1) ? JSON.stringify([{ case: `J${n}`, sanction: rnd.pick(["警告", "严重警告", "撤职"]) }]) : "";
      }
    });
    rows.push([
      `B${String(n).padStart(2, "0")}`,
      `${BRANCHES[(n - 1) % BRANCHES.length]}${n > 12 ? (n > 24 ? "三" : "二") : "一"}党支部`,
      AREAS[(n - 1) % AREAS.length]!,
      ...Array.from({ length: 12 }, period),
      ...Array.from({ length: 4 }, period),
      period(), period(),
      ...standards,
      rnd.decimal(70 + 25 * unit(q + 0.2 * (rnd.next() - 0.5)), 100, 2),
    ]);
  }
  return toCsv(header, rows);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("example.csv", import.meta.url), generate());
  console.log("wrote rubrics/aecc-2022/example.csv");
}
