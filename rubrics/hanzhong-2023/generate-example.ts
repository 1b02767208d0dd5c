/**
 * Generates example.csv (200 secretaries in 5 domains) and the 三随机 draw pools
 * (organisations.csv, interviewees.csv, routes.csv) for seed 002 (汉中市).
 * Seeded: running it again writes the same files.
 *   npx tsx rubrics/hanzhong-2023/generate-example.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SeededRandom, toCsv, unit } from "../../scripts/seeded-random.js";

const COUNTIES = ["汉台区", "南郑区", "城固县", "洋县", "西乡县", "勉县", "宁强县", "略阳县", "镇巴县", "留坝县", "佛坪县"];
const DOMAINS: [string, number][] = [
  ["村社区", 60],
  ["市直机关", 82],
  ["国有企业", 20],
  ["公立医院", 15],
  ["学校", 23],
];
const LEVELS = ["好", "较好", "一般", "差"];
const level = (x: number) => LEVELS[x > 0.85 ? 0 : x > 0.62 ? 1 : x > 0.35 ? 2 : 3]!;

export function generate(): string {
  const rnd = new SeededRandom(2023_002);
  const header = [
    "id", "name", "group", "县区",
    "theme-education", "first_topic_sessions", "footsteps", "rectified", "listed", "secretary-project", "satisfaction",
    "village-star", "organ-model", "soe-charter", "soe-brand", "hospital-governance", "hospital-integrity", "school-lunch", "school-governance",
    "onsite-vote.好", "onsite-vote.较好", "onsite-vote.一般", "onsite-vote.差",
    "field-check.c1", "field-check.c2", "field-check.c3",
  ];
  const rows: (string | number | boolean)[][] = [];
  let n = 0;
  for (const [domain, count] of DOMAINS) {
    for (let i = 0; i < count; i++) {
      n++;
      const q = unit(0.5 + 0.5 * rnd.next() - (rnd.chance(0.1) ? 0.3 : 0));
      const county = COUNTIES[rnd.int(0, COUNTIES.length - 1)]!;
      const listed = rnd.int(2, 8);
      const only = (d: string, v: () => string | number | boolean) => (domain === d ? v() : "");
      const voters = rnd.int(30, 90);
      const good = Math.round(voters * unit(0.35 + 0.6 * q));
      const fair = Math.round((voters - good) * 0.65);
      const avg = Math.round((voters - good - fair) * 0.7);
      rows.push([
        `H${String(n).padStart(3, "0")}`,
        `${county}${domain}党组织书记${String(i + 1).padStart(2, "0")}`,
        domain,
        county,
        level(q + 0.1 * (rnd.next() - 0.5)),
        rnd.int(q > 0.6 ? 11 : 8, 12),
        rnd.chance(0.7 + 0.3 * q),
        Math.min(listed, Math.round(listed * unit(0.55 + 0.5 * q))),
        listed,
        level(q + 0.2 * (rnd.next() - 0.5)),
        `${rnd.decimal(82 + 14 * q, Math.min(99.9, 90 + 10 * q), 2)}%`,
        only("村社区", () => level(q + 0.1 * (rnd.next() - 0.5))),
        only("市直机关", () => level(q + 0.1 * (rnd.next() - 0.5))),
        only("国有企业", () => rnd.chance(0.85)),
        only("国有企业", () => level(q)),
        only("公立医院", () => level(q)),
        only("公立医院", () => level(q + 0.1 * (rnd.next() - 0.5))),
        only("学校", () => `${rnd.decimal(85 + 12 * q, 99, 2)}%`),
        only("学校", () => level(q)),
        good, fair, avg, voters - good - fair - avg,
        ...[1, 2, 3].map(() => rnd.decimal(68 + 25 * q, 80 + 20 * q, 0)),
      ]);
    }
  }
  return toCsv(header, rows);
}

/** The 三随机 pools: 基层党组织随机抽, 访谈群众随机找, 检查路线随机定. */
export function drawPools(): Record<string, string> {
  const rnd = new SeededRandom(2023_102);
  const organisations = Array.from({ length: 160 }, (_, i) => {
    const county = COUNTIES[i % COUNTIES.length]!;
    const type = rnd.pick(["村党支部", "社区党委", "机关党支部", "企业党支部", "医院党总支", "学校党支部"]);
    return [`O${String(i + 1).padStart(3, "0")}`, `${county}${type}${String(Math.floor(i / COUNTIES.length) + 1).padStart(2, "0")}`, county, type];
  });
  const interviewees = Array.from({ length: 300 }, (_, i) => {
    const county = COUNTIES[i % COUNTIES.length]!;
    return [`P${String(i + 1).padStart(3, "0")}`, `${county}群众${String(Math.floor(i / COUNTIES.length) + 1).padStart(2, "0")}`, county, rnd.pick(["党员", "群众", "村（居）民代表", "服务对象"])];
  });
  const routes = Array.from({ length: 22 }, (_, i) => {
    const a = COUNTIES[i % COUNTIES.length]!;
    const b = COUNTIES[(i * 3 + 1) % COUNTIES.length]!;
    return [`R${String(i + 1).padStart(2, "0")}`, `${a}—${b}线${Math.floor(i / COUNTIES.length) + 1}`, a];
  });
  return {
    "organisations.csv": toCsv(["id", "name", "county", "type"], organisations),
    "interviewees.csv": toCsv(["id", "name", "county", "role"], interviewees),
    "routes.csv": toCsv(["id", "name", "county"], routes),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("example.csv", import.meta.url), generate());
  for (const [name, text] of Object.entries(drawPools())) writeFileSync(new URL(name, import.meta.url), text);
  console.log("wrote rubrics/hanzhong-2023/example.csv and the draw pools");
}
