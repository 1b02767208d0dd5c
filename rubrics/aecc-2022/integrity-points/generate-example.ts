/**
 * Generates example.csv: an illustrative year of 廉洁积分 for 240 党员干部 in 12
 * branches (seed 003). Seeded: running it again writes the same file.
 *   npx tsx rubrics/aecc-2022/integrity-points/generate-example.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SeededRandom, toCsv } from "../../../scripts/seeded-random.js";

const BRANCHES = ["齿轮加工一党支部", "热处理党支部", "装配试验党支部", "质量检验党支部", "工艺技术党支部", "设计研发党支部", "生产计划党支部", "设备动力党支部", "物资供应党支部", "财务审计党支部", "人力资源党支部", "党群工作党支部"];

export function generate(): string {
  const rnd = new SeededRandom(2022_103);
  const header = ["id", "name", "group", "上年度积分", "handlings", "个人有关事项报告不及时次数", "参加廉洁文化活动次数", "主动上交礼金礼品次数", "受到党纪政务处分"];
  const rows: (string | number | boolean)[][] = [];
  for (let n = 1; n <= 240; n++) {
    const handlings = rnd.chance(0.15)
      ? JSON.stringify([{ matter: `M${n}`, type: rnd.weighted(["提醒谈话", "函询", "批评教育", "诫勉"], [6, 3, 2, 1]) }])
      : "";
    rows.push([
      `P${String(n).padStart(3, "0")}`,
      `党员${String(n).padStart(3, "0")}`,
      BRANCHES[(n - 1) % BRANCHES.length]!,
      rnd.decimal(80, 108, 1),
      handlings,
      rnd.chance(0.85) ? 0 : rnd.int(1, 4),
      rnd.int(0, 6),
      rnd.chance(0.05) ? 1 : 0,
      rnd.chance(0.015),
    ]);
  }
  return toCsv(header, rows);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("example.csv", import.meta.url), generate());
  console.log("wrote rubrics/aecc-2022/integrity-points/example.csv");
}
