/**
 * The member-level job of the bench: the bundled 廉洁积分 rubric
 * (rubrics/aecc-2022/integrity-points, one row per Party member) over a generated,
 * seeded batch shaped as its example.csv is (rubrics/aecc-2022/integrity-points/
 * generate-example.ts): last year's points, a handling now and then (a records cell of
 * JSON), late reports, culture activities, gifts returned, a sanction now and then; 400
 * branches. A points rubric is what the largest batches run (every member of an
 * enterprise), and this one is outside the integer path: its deduction reads records,
 * its carry and bonus items are Dec, its ranking has a tie-breaker, and a third-per-branch
 * quota moves most raw 优秀 (an adjustment on most units).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { SeededRandom } from "../scripts/seeded-random.js";

/** The rubric's file in the repository. */
export const POINTS_RUBRIC = fileURLToPath(new URL("../rubrics/aecc-2022/integrity-points/rubric.yaml", import.meta.url));

const HEADER = ["id", "name", "group", "上年度积分", "handlings", "个人有关事项报告不及时次数", "参加廉洁文化活动次数", "主动上交礼金礼品次数", "受到党纪政务处分"];
const HANDLINGS = ["提醒谈话", "函询", "批评教育", "诫勉"];

/** Row n (from 1) of the batch as CSV cells (a handling's JSON quoted, its quotes doubled). */
function row(rnd: SeededRandom, n: number): string {
  const handling = rnd.chance(0.15) ? `"[{""matter"":""M${n}"",""type"":""${rnd.weighted(HANDLINGS, [6, 3, 2, 1])}""}]"` : "";
  return [`P${String(n).padStart(7, "0")}`, `党员${n}`, `第${(n % 400) + 1}党支部`, rnd.decimal(80, 108, 1), handling, rnd.chance(0.85) ? 0 : rnd.int(1, 4), rnd.int(0, 6), rnd.chance(0.05) ? 1 : 0, rnd.chance(0.015)].join(",");
}

/** Write n members' rows (seeded: the same file every time) as a UTF-8 CSV with CRLF. */
export async function writePointsCsv(file: string, n: number, seed = 2022): Promise<void> {
  const rnd = new SeededRandom(seed);
  const stream = createWriteStream(file);
  stream.write(`${HEADER.join(",")}\r\n`);
  for (let k = 1; k <= n; k++) if (!stream.write(`${row(rnd, k)}\r\n`)) await once(stream, "drain");
  stream.end();
  await once(stream, "close");
}
