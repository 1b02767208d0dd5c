/**
 * npm run bench [-- --quick] [-- --sizes 10000,100000]
 *
 * For a 71-item rubric in the shape of the Gansu 2017 scheme (bench/gansu-shape.ts),
 * for each batch size: in-memory evaluation throughput, end-to-end time from CSV to
 * the JSON output (the CLI in a child process), peak memory, the same scoring as a
 * plain JavaScript loop, and how many results differ from the exact engine (must be 0).
 * Figures are printed, never asserted: speed is measured here, not in tests.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assess, loadRubric } from "../src/index.js";
import { plainLoop, rubricYaml, subjects } from "./gansu-shape.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const sizesArg = args[args.indexOf("--sizes") + 1];
const sizes = args.includes("--sizes") && sizesArg ? sizesArg.split(",").map(Number) : quick ? [10_000] : [10_000, 100_000, 1_000_000];
/** Above this, rows are not held in memory for the in-memory figures (the CSV path streams them through the CLI). */
const IN_MEMORY_LIMIT = Number(process.env.KAOHE_BENCH_IN_MEMORY_LIMIT ?? 200_000);
const E2E_TIMEOUT_MS = Number(process.env.KAOHE_BENCH_TIMEOUT_S ?? 600) * 1000;

const here = fileURLToPath(new URL(".", import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
const hook = join(here, "..", "bench", "rss-hook.cjs");
const dir = mkdtempSync(join(tmpdir(), "kaohe-bench-"));
const rubricFile = join(dir, "gansu-shape.yaml");
writeFileSync(rubricFile, rubricYaml());
const rubric = loadRubric(rubricYaml(), { file: rubricFile });

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

console.log(`kaohe benchmark: ${rubric.items.length - 2} on-site items in 4 areas / 16 categories + regular (periods) + democratic; 60/30/10; downgrade, quota, groups`);
console.log(`node ${process.version}, sizes ${sizes.map(fmt).join(", ")}${quick ? " (--quick)" : ""}\n`);

for (const n of sizes) {
  console.log(`== ${fmt(n)} subjects`);
  const csvFile = join(dir, `data-${n}.csv`);
  await writeCsv(csvFile, n);
  console.log(`  data:        ${mb(statSync(csvFile).size)} CSV (seeded)`);

  if (n <= IN_MEMORY_LIMIT) {
    const rows = [...subjects(n)];
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let t = performance.now();
    const result = assess(rubric, rows, { trail: "none" }).results[0]!;
    const engineMs = performance.now() - t;
    const heap = process.memoryUsage().heapUsed - before;
    t = performance.now();
    const plain = plainLoop(rows);
    const plainMs = performance.now() - t;
    const byId = new Map(result.units.map((u) => [u.id, u]));
    const differ = plain.filter((p) => {
      const u = byId.get(p.id);
      return !u || u.score !== p.score || u.grade !== p.grade;
    }).length;
    console.log(`  in memory:   ${fmt(engineMs)} ms, ${fmt((n / engineMs) * 1000)} subjects/s (heap +${mb(heap)})`);
    console.log(`  plain loop:  ${fmt(plainMs)} ms, ${fmt((n / plainMs) * 1000)} subjects/s; the engine takes ${(engineMs / plainMs).toFixed(1)}× as long`);
    console.log(`  differences: ${differ} of ${fmt(n)} results differ from the plain loop (score or final grade)`);
  } else {
    console.log(`  in memory:   skipped above ${fmt(IN_MEMORY_LIMIT)} rows (set KAOHE_BENCH_IN_MEMORY_LIMIT to change)`);
  }

  const out = join(dir, `out-${n}.json`);
  const t = performance.now();
  const child = spawnSync(process.execPath, ["--max-old-space-size=8192", "-r", hook, cli, "score", rubricFile, csvFile, "--format", "json", "--out", out], {
    encoding: "utf8",
    timeout: E2E_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - t;
  const rss = /KAOHE_BENCH_MAXRSS_KB=(\d+)/.exec(child.stderr ?? "")?.[1];
  if (child.status === 0) {
    console.log(`  CSV → JSON:  ${(wall / 1000).toFixed(1)} s end to end (kaohe score --format json), ${fmt((n / wall) * 1000)} subjects/s, peak RSS ${rss ? mb(Number(rss) * 1024) : "?"}, output ${mb(statSync(out).size)}`);
  } else {
    const why = child.error ? String(child.error.message) : `exit ${child.status ?? child.signal}: ${(child.stderr ?? "").trim().split("\n").filter((l) => !l.startsWith("KAOHE_BENCH")).slice(-1)[0] ?? ""}`;
    console.log(`  CSV → JSON:  did not complete after ${(wall / 1000).toFixed(1)} s (${why}); peak RSS ${rss ? mb(Number(rss) * 1024) : "?"}`);
  }
  rmSync(out, { force: true });
  rmSync(csvFile, { force: true });
  console.log("");
}
rmSync(dir, { recursive: true, force: true });

async function writeCsv(file: string, n: number): Promise<void> {
  const stream = createWriteStream(file);
  let header: string[] | undefined;
  for (const row of subjects(n)) {
    if (!header) {
      header = Object.keys(row);
      stream.write(`${header.join(",")}\n`);
    }
    if (!stream.write(`${header.map((h) => row[h]).join(",")}\n`)) await once(stream, "drain");
  }
  stream.end();
  await once(stream, "close");
}
