/**
 * Generates example.csv: one illustrative year for CHN Energy's 90 subsidiaries
 * (seed 000: 纳入考核的90家子分公司). Seeded: running it again writes the same file.
 *   npx tsx rubrics/chn-energy-2024/generate-example.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SeededRandom, toCsv, unit } from "../../scripts/seeded-random.js";

const SECTORS: [string, number][] = [
  ["煤炭", 20],
  ["电力", 30],
  ["运输", 12],
  ["化工", 10],
  ["新能源", 10],
  ["科技金融", 8],
];
const PLACES = ["神东", "准能", "宁夏", "新疆", "包头", "胜利", "宝日希勒", "榆林", "广东", "浙江", "江苏", "山东", "河北", "福建", "四川", "云南", "广西", "湖南", "江西", "安徽", "辽宁", "吉林", "黑龙江", "内蒙古", "陕西", "甘肃", "青海", "西藏", "天津", "重庆"];
const LEADERS = ["m1", "m2", "m3", "m4", "m5", "m6", "m7"];

export function generate(): string {
  const rnd = new SeededRandom(2024_002);
  const header = [
    "id", "name", "group",
    "self.好", "self.较好", "self.一般", "self.差",
    ...LEADERS.map((m) => `leadership.${m}`),
    "serious_violation", "major_accident", "经营业绩考核等级",
    "first_topic_sessions", "pre_study", "rectification_rate", "missed_meetings", "branch_standard_rate",
    "dual_duty", "discipline_cases", "eight_rules_violations", "pioneer_projects", "brand",
  ];
  const rows: (string | number | boolean)[][] = [];
  let n = 0;
  for (const [sector, count] of SECTORS) {
    for (let i = 0; i < count; i++) {
      n++;
      const q = unit(0.7 + 0.32 * rnd.next() - (rnd.chance(0.1) ? 0.4 : 0)); // latent quality
      const voters = rnd.int(60, 220);
      const good = Math.round(voters * unit(0.45 + 0.5 * q + 0.1 * (rnd.next() - 0.5)));
      const fair = Math.round((voters - good) * 0.7);
      const average = Math.round((voters - good - fair) * 0.8);
      const level = (x: number) => (x > 0.85 ? "好" : x > 0.65 ? "较好" : x > 0.4 ? "一般" : "差");
      const discipline = rnd.chance(0.08)
        ? JSON.stringify([{ case: `C${n}`, sanction: rnd.weighted(["诫勉", "警告", "严重警告"], [5, 3, 1]) }])
        : "";
      rows.push([
        `S${String(n).padStart(3, "0")}`,
        `国家能源集团${PLACES[n % PLACES.length]}${sector}公司${Math.floor(n / PLACES.length) ? Math.floor(n / PLACES.length) + 1 : ""}`,
        sector,
        good, fair, average, voters - good - fair - average,
        ...LEADERS.map(() => rnd.decimal(Math.min(96, 72 + 20 * q), Math.min(99, 82 + 17 * q), 0)),
        rnd.chance(0.03), rnd.chance(0.02),
        q > 0.75 ? rnd.weighted(["A", "B"], [9, 1]) : q > 0.5 ? rnd.weighted(["A", "B", "C"], [4, 5, 1]) : rnd.weighted(["B", "C", "D"], [4, 4, 2]),
        rnd.int(q > 0.6 ? 11 : 9, 12 + rnd.int(0, 2)),
        rnd.chance(0.95),
        rnd.decimal(0.82 + 0.15 * q, 1, 3),
        rnd.chance(q) ? 0 : rnd.int(1, 4),
        rnd.decimal(0.78 + 0.2 * q, 1, 3),
        level(q + 0.15 * (rnd.next() - 0.5)),
        discipline,
        rnd.chance(0.1) ? 1 : 0,
        rnd.int(0, Math.round(2 + 5 * q)),
        level(q + 0.2 * (rnd.next() - 0.5)),
      ]);
    }
  }
  return toCsv(header, rows);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("example.csv", import.meta.url), generate());
  console.log("wrote rubrics/chn-energy-2024/example.csv");
}
