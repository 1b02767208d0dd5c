/**
 * npx tsx bench/check-rows.ts [--runs 5] [--peer 100000] [--gansu 20000] [--job NAME] [--gc]
 *
 * The row checks of the data boundary alone (engine/subject-data.ts `checkSubjects`:
 * ids, shape, unknown columns, folding, the cell-length limit), without prepareSubject:
 * ns per row, the median of several runs after a warm-up, on
 *
 * - the peer job's subjects (bench/peer-shape.ts, 100k plain objects, one shape), in
 *   their order (ids ascending), shuffled (ids in no order), and with some keys left out
 *   at random (32 shapes mixed, as JSON.parse gives them);
 * - the 71-item Gansu-shape rows (bench/gansu-shape.ts, 20k) as objects (their
 *   `regular.1` … `regular.4` columns fold into a series): as the generator makes them
 *   (keys added one by one: V8 keeps such objects as dictionaries, and listing their keys
 *   alone costs microseconds) and as JSON.parse makes them (one shape, fast properties);
 * - the same rows as a DataTable: of csv-parse's records (RecordCells: a row's bound
 *   is the sum of its cells' lengths, so every cell is touched) and of the CSV scanner
 *   (src/io/csv-scan.ts, the CLI's path: offsets into the text).
 *
 * Each job runs in a child process of its own (the same script with --job), so that
 * one job's shapes do not make another's calls polymorphic; five warm-up runs, then the
 * median of `--runs`, wall time and the process's CPU time (which counts the garbage
 * collector's threads too). Figures are printed, never asserted.
 *
 * `--gc` collects all garbage (global.gc) before each run. It is off by default: after a
 * forced full collection the next run pays for sweeping the heap it left (lazily, on
 * allocation, and on the collector's threads), which on this machine made a run of the
 * 71-item table three times as long as the same run in a process left alone.
 */
import { execFileSync } from "node:child_process";
import { loadRubric, type CompiledRubric } from "../src/index.js";
import { checkSubjects, type SubjectData } from "../src/engine/subject-data.js";
import { DataTable, RecordCells } from "../src/engine/data-table.js";
import { scanCsv } from "../src/io/csv-scan.js";
import { rubricYaml, subjects as gansuSubjects } from "./gansu-shape.js";
import { peerRubricYaml, peerSubjects } from "./peer-shape.js";

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = arg("runs", 5);
const peerSize = arg("peer", 100_000);
const gansuSize = arg("gansu", 20_000);
const forceGc = process.argv.includes("--gc");
const gc = (): void => {
  if (forceGc) (globalThis as { gc?: () => void }).gc?.();
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** ns per row of checkSubjects on `rows`: the median of `runs` runs after two warm-up runs; the issue count must be 0. */
function time(label: string, rows: readonly SubjectData[] | DataTable, rubric: CompiledRubric): void {
  const n = rows.length;
  for (let w = 0; w < 5; w++) {
    const { subjects, issues } = checkSubjects(rows, [rubric]);
    if (issues.length > 0 || subjects.length !== n) throw new Error(`${label}: ${issues.length} issues, ${subjects.length} of ${n} subjects (expected clean rows)`);
  }
  const all: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    checkSubjects(rows, [rubric]);
    const used = process.cpuUsage(c);
    all.push(Number(process.hrtime.bigint() - t) / n);
    cpu.push(((used.user + used.system) * 1000) / n);
  }
  const m = median(all);
  console.log(
    `${label.padEnd(44)} ${m.toFixed(1).padStart(8)} ns/row wall (${(1e3 / m).toFixed(2)} M rows/s), ${median(cpu).toFixed(1)} ns/row CPU; wall runs ${all.map((x) => x.toFixed(0)).join(" ")}`,
  );
}

const jobs: Record<string, () => void> = {
  peer: () => {
    const rubric = loadRubric(peerRubricYaml(), { file: "peer.yaml" });
    const rows = peerSubjects(peerSize) as unknown as SubjectData[];
    time(`peer job, ${peerSize} objects (${Object.keys(rows[0]!).length} keys)`, rows, rubric);
  },
  "peer-shuffled": () => {
    // The same subjects in a seeded random order: the ids are no longer ascending, so each goes through IdRows's table.
    const rubric = loadRubric(peerRubricYaml(), { file: "peer.yaml" });
    const rows = peerSubjects(peerSize) as unknown as SubjectData[];
    let x = 2024;
    for (let k = rows.length - 1; k > 0; k--) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const j = x % (k + 1);
      [rows[k], rows[j]] = [rows[j]!, rows[k]!];
    }
    time(`peer job, ${peerSize} objects, ids shuffled`, rows, rubric);
  },
  "peer-mixed": () => {
    // The same subjects as JSON.parse gives them when an exporter leaves out some keys: up to 32 shapes, mixed at random.
    const rubric = loadRubric(peerRubricYaml(), { file: "peer.yaml" });
    let x = 7;
    const rows = peerSubjects(peerSize).map((subject) => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const o: Record<string, unknown> = { ...subject };
      if (x & 0x100) o.name = "n";
      if (x & 0x200) o.group = "g";
      for (const [bit, key] of [[0x400, "self1"], [0x800, "duty3"], [0x1000, "peers2"]] as const) if (x & bit) delete o[key];
      return o;
    });
    time(`peer job, ${peerSize} objects of 32 shapes mixed`, JSON.parse(JSON.stringify(rows)) as SubjectData[], rubric);
  },
  "gansu-dictionary": () => gansu((rows) => time(`71-item, ${gansuSize} objects, dictionary mode`, rows, gansuRubric())),
  "gansu-json": () => gansu((rows) => time(`71-item, ${gansuSize} objects from JSON.parse`, JSON.parse(JSON.stringify(rows)) as SubjectData[], gansuRubric())),
  "gansu-records": () =>
    gansu((rows, header) => time(`71-item, ${gansuSize} rows, DataTable of records`, new DataTable(header, rows.length, new RecordCells(rows.map((r) => header.map((h) => r[h]!)))), gansuRubric())),
  "gansu-scanned": () =>
    gansu((rows, header) => {
      const scanned = scanCsv([header.join(","), ...rows.map((r) => header.map((h) => r[h]!).join(","))].join("\n"))!;
      time(`71-item, ${gansuSize} rows, DataTable of scanned CSV`, new DataTable(scanned.header, scanned.length, scanned.cells), gansuRubric());
    }),
};

const gansuRubric = () => loadRubric(rubricYaml(), { file: "gansu.yaml" });
function gansu(run: (rows: Record<string, string>[], header: string[]) => void): void {
  const rows = [...gansuSubjects(gansuSize)];
  run(rows, Object.keys(rows[0]!));
}

const job = process.argv[process.argv.indexOf("--job") + 1];
if (process.argv.includes("--job") && job !== undefined && jobs[job]) jobs[job]!();
else {
  console.log(`checkSubjects alone, median of ${runs} runs after 5 warm-up runs, each job in its own process${forceGc ? ", garbage collected before each run" : ""}; node ${process.version}`);
  for (const name of Object.keys(jobs))
    process.stdout.write(execFileSync(process.execPath, [...process.execArgv, "--expose-gc", process.argv[1]!, ...process.argv.slice(2), "--job", name], { encoding: "utf8" }));
}
