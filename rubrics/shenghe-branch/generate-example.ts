/**
 * Generates example.csv: an illustrative 2024 for the 12 companies under 盛和城镇党支部
 * (seed 004), with the inputs of both half-year rubrics and the business target book.
 * Seeded: running it again writes the same file.
 *   npx tsx rubrics/shenghe-branch/generate-example.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SeededRandom, toCsv, unit } from "../../scripts/seeded-random.js";

const COMPANIES = ["盛和置业", "盛和物业", "盛和商贸", "盛和建设", "盛和物流", "盛和酒店", "盛和农业", "盛和能源", "盛和水务", "盛和文旅", "盛和科技", "盛和供应链"];
const LEVELS = ["好", "较好", "一般", "差"];
/** Inputs and their kinds: both half-year rubrics (l5 only in the first half, l5b only in the second). */
const ITEMS: [string, string, number?][] = [
  ["o1", "yes"], ["o2", "short", 12], ["o3", "yes"], ["o4", "yes"], ["o5", "per"],
  ["l1", "level"], ["l2", "yes"], ["l3", "short", 4], ["l4", "count", 10], ["l5", "yes"], ["l5b", "level"],
  ["t1", "ratio"], ["t2", "count", 4], ["t3", "yes"], ["t4", "yes"], ["t5", "level"],
  ["r1", "yes"], ["r2", "per"], ["r3", "per"], ["r4", "level"], ["r5", "ratio"],
  ["s1", "yes"], ["s2", "yes"], ["s3", "ratio"], ["s4", "count", 8], ["s5", "level"],
  ["d1", "short", 4], ["d2", "rare"], ["d3", "rare"], ["d4", "yes"], ["d5", "level"],
];

export function generate(): string {
  const rnd = new SeededRandom(2024_004);
  const header = ["id", "name", ...ITEMS.map(([id]) => id), "经营目标完成率", "i2", "经营指标得分"];
  const rows: (string | number | boolean)[][] = COMPANIES.map((name, i) => {
    const q = unit(0.35 + 0.65 * rnd.next());
    const values = ITEMS.map(([, kind, n]) => {
      switch (kind) {
        case "yes":
          return rnd.chance(0.75 + 0.25 * q);
        case "short":
          return Math.max(0, n! - (rnd.chance(q) ? 0 : rnd.int(1, 2)));
        case "per":
          return rnd.chance(q) ? 0 : rnd.int(1, 2);
        case "rare":
          return rnd.chance(0.1) ? 1 : 0;
        case "count":
          return rnd.int(Math.round(n! * q * 0.6), n!);
        case "ratio":
          return rnd.decimal(0.75 + 0.25 * q, 1, 2);
        default:
          return LEVELS[Math.min(3, Math.floor((1 - q) * 3 + rnd.next() * 0.6))]!;
      }
    });
    return [`C${String(i + 1).padStart(2, "0")}`, name, ...values, `${rnd.decimal(88 + 18 * q, 96 + 16 * q, 1)}%`, rnd.chance(0.08) ? 1 : 0, rnd.decimal(70 + 25 * q, 100, 2)];
  });
  return toCsv(header, rows);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("example.csv", import.meta.url), generate());
  console.log("wrote rubrics/shenghe-branch/example.csv");
}
