/**
 * npx tsx bench/check-rows.ts [--runs 5] [--peer 100000] [--gansu 20000]
 *
 * The row checks of the data boundary alone (engine/subject-data.ts `checkSubjects`:
 * ids, shape, unknown columns, folding, the cell-length limit), without prepareSubject:
 * ns per row, the median of several runs after a warm-up, on
 *
 * - the peer job's subjects (bench/peer-shape.ts, 100k plain objects, one shape);
 * - the 71-item Gansu-shape rows (bench/gansu-shape.ts, 20k) as objects (their
 *   `regular.1` … `regular.4` columns fold into a series) and as a DataTable of the
 *   same rows (RecordCells, as a CSV parser's records would give them).
 *
 * Figures are printed, never asserted. `node --expose-gc` (tsx passes it on) collects
 * garbage before each run, so one run's garbage is not charged to the next.
 */
import { loadRubric, type CompiledRubric } from "../src/index.js";
import { checkSubjects, type SubjectData } from "../src/engine/subject-data.js";
import { DataTable, RecordCells } from "../src/engine/data-table.js";
import { rubricYaml, subjects as gansuSubjects } from "./gansu-shape.js";
import { peerRubricYaml, peerSubjects } from "./peer-shape.js";

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = arg("runs", 5);
const peerSize = arg("peer", 100_000);
const gansuSize = arg("gansu", 20_000);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** ns per row of checkSubjects on `rows`: the median of `runs` runs after two warm-up runs; the issue count must be 0. */
function time(label: string, rows: readonly SubjectData[] | DataTable, rubric: CompiledRubric): void {
  const n = rows.length;
  for (let w = 0; w < 2; w++) {
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

const peerRubric = loadRubric(peerRubricYaml(), { file: "peer.yaml" });
const peerRows = peerSubjects(peerSize) as unknown as SubjectData[];
const gansuRubric = loadRubric(rubricYaml(), { file: "gansu.yaml" });
const gansuRows = [...gansuSubjects(gansuSize)];
const header = Object.keys(gansuRows[0]!);
const table = new DataTable(
  header,
  gansuRows.length,
  new RecordCells(gansuRows.map((r) => header.map((h) => r[h]!))),
);

console.log(`checkSubjects alone, median of ${runs} runs${(globalThis as { gc?: unknown }).gc ? "" : " (without --expose-gc)"}; node ${process.version}`);
time(`peer job, ${peerSize} objects (${Object.keys(peerRows[0]!).length} keys)`, peerRows, peerRubric);
time(`71-item, ${gansuSize} objects (${header.length} keys, folding)`, gansuRows, gansuRubric);
time(`71-item, ${gansuSize} rows as a DataTable`, table, gansuRubric);
