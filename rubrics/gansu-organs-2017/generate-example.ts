/**
 * Generates example.csv: an illustrative 2017 for 105 provincial departments in
 * 11 考核组 (seed 001). Seeded: running it again writes the same file.
 *   npx tsx rubrics/gansu-organs-2017/generate-example.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { SeededRandom, toCsv, unit } from "../../scripts/seeded-random.js";

const NAMES = ["省委办公厅", "省政府办公厅", "省发展改革委", "省教育厅", "省科技厅", "省工信厅", "省民委", "省公安厅", "省民政厅", "省司法厅", "省财政厅", "省人社厅", "省自然资源厅", "省生态环境厅", "省住建厅", "省交通运输厅", "省水利厅", "省农业农村厅", "省商务厅", "省文旅厅", "省卫健委", "省退役军人厅", "省应急管理厅", "省审计厅", "省外事办", "省国资委", "省市场监管局", "省广电局", "省体育局", "省统计局", "省医保局", "省林草局", "省机关事务局", "省信访局", "省粮食和储备局", "省能源局", "省地方金融监管局", "省乡村振兴局", "省药监局", "省知识产权局"];
const GROUPS = Array.from({ length: 11 }, (_, i) => `第${i + 1}考核组`);
const LEVELS = ["好", "较好", "一般", "差"];

interface Item { id: string; kind: string; max: number; deductions?: { shortfall?: { required: number } }[]; bands?: { min: number | string }[] }

function itemsOf(node: { children?: unknown[]; outside?: unknown[] } & Partial<Item>): Item[] {
  if (!node.children) return [node as Item];
  return [...node.children, ...(node.outside ?? [])].flatMap((c) => itemsOf(c as never));
}

export function generate(): string {
  const rubric = parse(readFileSync(new URL("rubric.yaml", import.meta.url), "utf8"));
  const onsite = rubric.scoring.children[0];
  const items = itemsOf(onsite);
  const rnd = new SeededRandom(2017_001);
  const header: string[] = ["id", "name", "group"];
  for (const it of items) {
    if (it.kind === "panel") header.push(...["r1", "r2", "r3", "r4", "r5"].map((r) => `${it.id}.${r}`));
    else header.push(it.id);
  }
  header.push("regular_leaders.l1", "regular_leaders.l2", "regular_leaders.l3");
  header.push(...["d1", "d2", "d3", "d4", "d5"].map((d) => `regular_departments.${d}`));
  header.push(...LEVELS.map((l) => `democratic.${l}`));
  const rows: (string | number | boolean)[][] = [];
  for (let n = 1; n <= 105; n++) {
    const q = unit(0.45 + 0.5 * rnd.next() - (rnd.chance(0.12) ? 0.3 : 0));
    const row: (string | number | boolean)[] = [`D${String(n).padStart(3, "0")}`, NAMES[n - 1] ?? `省直单位${String(n).padStart(3, "0")}`, GROUPS[(n - 1) % 11]!];
    for (const it of items) {
      const shortfall = it.deductions?.[0]?.shortfall;
      switch (it.kind) {
        case "deduct":
          row.push(shortfall ? Math.max(0, shortfall.required - (rnd.chance(q) ? 0 : rnd.int(1, 3))) : rnd.chance(q) ? 0 : rnd.int(1, 2));
          break;
        case "yesno":
          row.push(rnd.chance(0.75 + 0.25 * q));
          break;
        case "levels":
          row.push(LEVELS[Math.min(3, Math.floor((1 - q) * 3.2 + rnd.next() * 0.8))]!);
          break;
        case "ratio":
          row.push(rnd.decimal(0.78 + 0.2 * q, 1, 3));
          break;
        case "bands": {
          const top = Number(String(it.bands![0]!.min).replace("%", ""));
          row.push(String(it.bands![0]!.min).includes("%") ? `${rnd.int(60 + Math.round(30 * q), 100)}%` : rnd.int(Math.max(0, Math.round(top * q) - 2), top + 2));
          break;
        }
        case "panel":
          row.push(...[1, 2, 3, 4, 5].map(() => rnd.decimal(0.6 + 0.3 * q, 1, 1)));
          break;
        case "bonus":
          row.push(rnd.chance(q * 0.5) ? rnd.int(1, 2) : 0);
          break;
      }
    }
    row.push(...[1, 2, 3].map(() => rnd.decimal(72 + 20 * q, 85 + 15 * q, 0)));
    row.push(...[1, 2, 3, 4, 5].map(() => rnd.decimal(70 + 22 * q, 85 + 15 * q, 0)));
    const voters = rnd.int(25, 80);
    const good = Math.round(voters * unit(0.4 + 0.55 * q));
    const fair = Math.round((voters - good) * 0.7);
    const average = Math.round((voters - good - fair) * 0.7);
    row.push(good, fair, average, voters - good - fair - average);
    rows.push(row);
  }
  return toCsv(header, rows);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("example.csv", import.meta.url), generate());
  console.log("wrote rubrics/gansu-organs-2017/example.csv");
}
