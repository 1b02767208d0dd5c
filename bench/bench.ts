/**
 * npm run bench [-- --quick] [-- --sizes 10000,100000,1000000] [-- --runs 3] [-- --json]
 *
 * The benchmark of issue 9 ("Benchmark"), every figure from one run, each the median of
 * several runs:
 *
 * 1. the peer-shaped job (bench/peer-shape.ts: 20 items in 3 components 10/70/20, total
 *    to 2 places half-up, 4 bands, a downgrade, a quota, the ranking) on 100k subjects as
 *    plain objects through the public assess(): subjects/s with the default trail and with
 *    trail "none"; the same job as an exact scaled-integer twin and as a plain float loop,
 *    subjects/s each and the engine's time as a multiple of theirs; subjects on which the
 *    engine differs from the integer twin (must be 0) and on which the float loop does;
 * 2. the 71-item Gansu-shape rubric (bench/gansu-shape.ts) in memory: subjects/s (default
 *    trail and "none"), and the subjects on which its exact plain loop differs (must be 0);
 * 3. `kaohe score <71-item rubric> data.csv --format json` through dist/cli.js in a child
 *    process at each size (seeded CSV): wall time and peak RSS measured from outside;
 *    a run over the time limit (or out of memory) is "did not complete", with its peak RSS;
 * 4. the other formats once each (csv, table, JSON with the common problems or every
 *    subject's feedback at --formats-size; csv --items and xlsx at 5,000): wall time and
 *    peak RSS, so a format that reads every subject's trail again shows;
 * 5. growth: the CLI's time per subject at each size;
 * 6. the member-level job: `kaohe score` of the bundled 廉洁积分 rubric
 *    (rubrics/aecc-2022/integrity-points) as JSON over --points-size generated members
 *    (bench/points-shape.ts), once: a points rubric outside the integer path.
 *
 * Options: --quick (small sizes, a smoke run), --sizes N,N,... (CLI sizes), --runs N
 * (runs per figure, default 3; CLI sizes above 100k run once), --peer-size N (default
 * 100000), --memory-size N (71-item in-memory batch, default 20000), --formats-size N
 * (the other formats, default 100000; 0 skips them), --points-size N (the member-level
 * job, default 1000000; 0 skips it), --timeout S (CLI
 * time limit per run, default 600), --heap MB (the CLI child's --max-old-space-size,
 * default 8192; 0 for node's default), --json (one JSON document on stdout; progress on
 * stderr). Figures are printed, never asserted: there are no timed tests.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assess, loadRubric, type AssessOptions, type CompiledRubric } from "../src/index.js";
import { runChild, type ChildRun } from "./child.js";
import { ioPart } from "./io-split.js";
import { checkSubjects, type SubjectData } from "../src/engine/subject-data.js";
import { EarlyValues, prepareSubjects } from "../src/engine/prepare.js";
import { plainLoop, rubricYaml, subjects as gansuSubjects } from "./gansu-shape.js";
import { apiFloor, differences, engineOutcomes, floatLoop, integerTwin, peerRubricYaml, peerSubjects, twinOutcomes } from "./peer-shape.js";
import { POINTS_RUBRIC, writePointsCsv } from "./points-shape.js";

// ---------------------------------------------------------------- options

export interface BenchOptions {
  readonly quick: boolean;
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly peerSize: number;
  readonly memorySize: number;
  /** Subjects for the other formats (0: not run). */
  readonly formatsSize: number;
  /** Members for the member-level job (0: not run). */
  readonly pointsSize: number;
  readonly timeoutS: number;
  readonly heapMb: number;
  readonly json: boolean;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const known = new Set(["--quick", "--json", "--sizes", "--runs", "--peer-size", "--memory-size", "--formats-size", "--points-size", "--timeout", "--heap"]);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!known.has(a)) throw new Error(`unknown option ${a}; see the head of bench/bench.ts`);
    if (a !== "--quick" && a !== "--json") i++;
  }
  const whole = (name: string, fallback: number, min = 1): number => {
    const v = value(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min) throw new Error(`${name} takes a whole number of at least ${min}, got ${v}`);
    return Number(v);
  };
  const quick = argv.includes("--quick");
  const sizesText = value("--sizes");
  const sizes = sizesText !== undefined ? sizesText.split(",").map((s) => {
    if (!/^\d+$/.test(s.trim()) || Number(s) < 1) throw new Error(`--sizes takes whole numbers separated by commas, got ${sizesText}`);
    return Number(s);
  }) : quick ? [1_000, 5_000] : [10_000, 100_000, 1_000_000];
  return {
    quick,
    sizes,
    runs: whole("--runs", 3),
    peerSize: whole("--peer-size", quick ? 10_000 : 100_000),
    memorySize: whole("--memory-size", quick ? 2_000 : 20_000),
    formatsSize: whole("--formats-size", quick ? 2_000 : 100_000, 0),
    pointsSize: whole("--points-size", quick ? 10_000 : 1_000_000, 0),
    timeoutS: whole("--timeout", 600),
    heapMb: whole("--heap", 8192, 0),
    json: argv.includes("--json"),
  };
}

// ---------------------------------------------------------------- measuring

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Run `fn` `runs` times (after a collection each time, and then `warm`, untimed, when
 * given); the median time in ms and the last result.
 */
function timed<T>(runs: number, fn: () => T, warm?: () => void): { ms: number; all: number[]; last: T } {
  const all: number[] = [];
  let last: T | undefined;
  for (let r = 0; r < runs; r++) {
    last = undefined;
    gc();
    warm?.();
    const t = performance.now();
    last = fn();
    all.push(performance.now() - t);
  }
  return { ms: median(all), all, last: last as T };
}

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
/** Milliseconds: whole above 10, else with two decimals (a twin on 10k subjects takes about 1 ms). */
const ms = (v: number) => (v >= 10 ? fmt(v) : v.toFixed(2));
const mb = (bytes: number | undefined) => (bytes === undefined ? "?" : `${fmt(bytes / 1024 / 1024)} MB`);

// ---------------------------------------------------------------- the jobs

/** The rate of the engine without its boundary, when the difference is larger than the noise of the two timings. */
function rest(n: number, engineMs: number, boundaryMs: number): string {
  const left = engineMs - boundaryMs;
  return left > 0.05 * engineMs ? `the rest ${fmt(perSecond(n, left))} subjects/s` : "the rest is within the noise of the two timings";
}

/**
 * The data boundary alone (engine/subject-data.ts checkSubjects, then engine/prepare.ts
 * prepareSubjects: the input table), the first stage of every assess(), as assess() runs
 * it for one rubric (values read as the rows are checked, EarlyValues): how much of the
 * engine's time it is.
 */
function boundaryOnly(rubric: CompiledRubric, rows: readonly SubjectData[]): number {
  const early = new EarlyValues(rubric, rows.length);
  const { subjects } = checkSubjects(rows, [rubric], undefined, early);
  const issues: never[] = [];
  return prepareSubjects(subjects, rubric, issues, early).subjects.length;
}

/**
 * The floor of any reader of these rows: one for-in loop over each row reading each
 * value once (what the boundary's loop does before it looks at a value).
 */
function enumerateOnly(rows: readonly SubjectData[]): number {
  let text = 0;
  for (const row of rows)
    for (const key in row) {
      const v = row[key];
      if (typeof v === "string") text += v.length;
    }
  return text;
}

/** Subjects of the batch assessed (three times, untimed) to warm the code again before a "warmed" run. */
const WARM_ROWS = 3000;

/**
 * The engine on one batch, as both in-memory jobs time it: `assess()` with the default
 * trail and with trail "none" (also with its code warmed again after the collection),
 * and the data boundary alone; logged, and as JSON fields.
 */
function timeEngine(o: BenchOptions, rubric: CompiledRubric, rows: readonly SubjectData[], log: (s: string) => void) {
  const n = rows.length;
  const engine = (options?: AssessOptions) => timed(o.runs, () => assess(rubric, rows, options).results[0]!.units);
  const full = engine();
  log(`  engine, assess() (default trail "full"): ${ms(full.ms)} ms, ${fmt(perSecond(n, full.ms))} subjects/s`);
  const none = engine({ trail: "none" });
  log(`  engine, assess(…, { trail: "none" }):    ${ms(none.ms)} ms, ${fmt(perSecond(n, none.ms))} subjects/s`);
  // The collection before each run drops the hidden classes of the last batch's objects, and with them the
  // code compiled against them (docs/engine.md, "Not done here"): the same runs with the code warmed again first.
  const sample = rows.slice(0, Math.min(n, WARM_ROWS));
  const warmed = timed(
    o.runs,
    () => assess(rubric, rows, { trail: "none" }).results[0]!.units,
    () => {
      for (let i = 0; i < 3; i++) void assess(rubric, sample, { trail: "none" }).results[0]!.units;
    },
  );
  log(`    the same, warmed on ${fmt(sample.length)} subjects after the collection (untimed): ${ms(warmed.ms)} ms, ${fmt(perSecond(n, warmed.ms))} subjects/s`);
  const boundary = timed(o.runs, () => boundaryOnly(rubric, rows));
  log(`    of which the data boundary alone (checkSubjects + prepareSubjects): ${ms(boundary.ms)} ms (${((100 * boundary.ms) / none.ms).toFixed(0)}%); ${rest(n, none.ms, boundary.ms)}`);
  const fields = {
    engineFullTrail: { ms: full.ms, subjectsPerSecond: perSecond(n, full.ms), runsMs: full.all },
    engineNoTrail: { ms: none.ms, subjectsPerSecond: perSecond(n, none.ms), runsMs: none.all },
    engineNoTrailWarmed: { ms: warmed.ms, subjectsPerSecond: perSecond(n, warmed.ms), warmRows: sample.length, runsMs: warmed.all },
    boundary: { ms: boundary.ms, share: boundary.ms / none.ms, runsMs: boundary.all },
  };
  return { full, none, fields };
}

function peerJob(o: BenchOptions, log: (s: string) => void) {
  const n = o.peerSize;
  const rubric = loadRubric(peerRubricYaml(), { file: "peer-shape.yaml" });
  let subjects = peerSubjects(n);
  log(`== peer-shaped job: 20 items in 3 components (10/70/20), 2 places half-up, 4 bands, a downgrade, a quota, ranking; ${fmt(n)} subjects as plain objects`);
  // Warm up on a small batch first, so that no figure times the compiler.
  const sample = subjects.slice(0, 1000);
  for (let i = 0; i < 3; i++) {
    assess(rubric, sample, { trail: "none" });
    integerTwin(sample);
    floatLoop(sample);
    apiFloor(sample);
  }
  const { full, none, fields: engineFields } = timeEngine(o, rubric, subjects, log);
  const twin = timed(o.runs, () => integerTwin(subjects));
  const float = timed(o.runs, () => floatLoop(subjects));
  const floor = timed(o.runs, () => apiFloor(subjects));
  const reference = twinOutcomes(subjects, twin.last);
  const engineDiff = differences(reference, engineOutcomes(none.last));
  const engineFullDiff = differences(reference, engineOutcomes(full.last));
  const floatDiff = differences(reference, new Map(twinOutcomes(subjects, float.last).map((x) => [x.id, x])));
  const floorDiff = differences(reference, engineOutcomes(floor.last));
  log(`  exact integer twin: ${ms(twin.ms)} ms, ${fmt(perSecond(n, twin.ms))} subjects/s; the engine ("none") takes ${(none.ms / twin.ms).toFixed(0)}× as long`);
  log(`  plain float loop:   ${ms(float.ms)} ms, ${fmt(perSecond(n, float.ms))} subjects/s; the engine ("none") takes ${(none.ms / float.ms).toFixed(0)}× as long`);
  const fields = (d: typeof floatDiff) => Object.entries(d.byField).map(([k, v]) => `${k} ${fmt(v)}`).join(", ");
  log(
    `  the floor of assess() here (apiFloor: the twin reading the rows with a generic for-in loop and building units of the API's shape in rank order, nothing checked): ${ms(floor.ms)} ms, ${fmt(perSecond(n, floor.ms))} subjects/s; the engine ("none") takes ${(none.ms / floor.ms).toFixed(1)}× as long; ${fmt(floorDiff.count)} subjects differ from the twin`,
  );
  log(`  subjects that differ from the integer twin: engine ${fmt(engineDiff.count)} ("full" trail: ${fmt(engineFullDiff.count)}); float loop ${fmt(floatDiff.count)} of ${fmt(n)} (${fields(floatDiff)})`);
  for (const e of [...engineDiff.examples, ...floatDiff.examples.map((x) => `float loop ${x}`)]) log(`    ${e}`);
  const adjustments = reference.reduce((a, r) => a + r.adjustments.length, 0);
  log(`  (${fmt(adjustments)} adjustments: downgrades and quota moves)\n`);
  subjects = [];
  return {
    subjects: n,
    runs: o.runs,
    ...engineFields,
    integerTwin: { ms: twin.ms, subjectsPerSecond: perSecond(n, twin.ms), engineRatio: none.ms / twin.ms, runsMs: twin.all },
    floatLoop: { ms: float.ms, subjectsPerSecond: perSecond(n, float.ms), engineRatio: none.ms / float.ms, runsMs: float.all },
    apiFloor: { ms: floor.ms, subjectsPerSecond: perSecond(n, floor.ms), engineRatio: none.ms / floor.ms, differences: floorDiff.count, runsMs: floor.all },
    differences: { engine: engineDiff.count, engineFullTrail: engineFullDiff.count, floatLoop: floatDiff.count, floatLoopByField: floatDiff.byField, examples: [...engineDiff.examples, ...floatDiff.examples] },
    adjustments,
  };
}

function gansuInMemory(o: BenchOptions, rubric: CompiledRubric, log: (s: string) => void) {
  const n = o.memorySize;
  let rows = [...gansuSubjects(n)];
  log(`== 71-item Gansu-shape rubric in memory: ${fmt(n)} subjects`);
  const sample = rows.slice(0, 200);
  for (let i = 0; i < 3; i++) {
    assess(rubric, sample, { trail: "none" });
    plainLoop(sample);
  }
  const { none, fields } = timeEngine(o, rubric, rows, log);
  const plain = timed(o.runs, () => plainLoop(rows));
  const byId = new Map(none.last.map((u) => [u.id, u]));
  const differ = plain.last.filter((p) => {
    const u = byId.get(p.id);
    return !u || u.score !== p.score || u.grade !== p.grade;
  }).length;
  log(`  exact plain loop:   ${ms(plain.ms)} ms, ${fmt(perSecond(n, plain.ms))} subjects/s; the engine ("none") takes ${(none.ms / plain.ms).toFixed(0)}× as long`);
  log(`  differences from the plain loop (score, final grade): ${differ} of ${fmt(n)}`);
  // The rows are built key by key (as code filling a row per spreadsheet column does): V8 keeps objects of 79 keys
  // made so as dictionaries, whose every enumeration is slow. JSON.parse makes the same rows as fast objects.
  const enumerated = timed(o.runs, () => enumerateOnly(rows));
  log(`  for-in over the rows alone (each value read once, nothing else): ${ms(enumerated.ms)} ms, ${fmt(perSecond(n, enumerated.ms))} rows/s: the floor of any reader of these rows`);
  let parsed = JSON.parse(JSON.stringify(rows)) as SubjectData[];
  rows = [];
  assess(rubric, parsed.slice(0, 200), { trail: "none" });
  const parsedNone = timed(o.runs, () => assess(rubric, parsed, { trail: "none" }).results[0]!.units);
  const parsedEnumerated = timed(o.runs, () => enumerateOnly(parsed));
  log(`  the same rows as JSON.parse gives them (fast objects): assess(…, { trail: "none" }) ${ms(parsedNone.ms)} ms, ${fmt(perSecond(n, parsedNone.ms))} subjects/s; for-in alone ${ms(parsedEnumerated.ms)} ms\n`);
  parsed = [];
  return {
    subjects: n,
    runs: o.runs,
    ...fields,
    plainLoop: { ms: plain.ms, subjectsPerSecond: perSecond(n, plain.ms), engineRatio: none.ms / plain.ms, differences: differ },
    enumerateOnly: { ms: enumerated.ms, rowsPerSecond: perSecond(n, enumerated.ms), runsMs: enumerated.all },
    jsonParsedRows: {
      engineNoTrail: { ms: parsedNone.ms, subjectsPerSecond: perSecond(n, parsedNone.ms), runsMs: parsedNone.all },
      enumerateOnly: { ms: parsedEnumerated.ms, rowsPerSecond: perSecond(n, parsedEnumerated.ms), runsMs: parsedEnumerated.all },
    },
  };
}

async function writeCsv(file: string, n: number): Promise<void> {
  const stream = createWriteStream(file);
  let header: string[] | undefined;
  for (const row of gansuSubjects(n)) {
    if (!header) {
      header = Object.keys(row);
      stream.write(`${header.join(",")}\n`);
    }
    if (!stream.write(`${header.map((h) => row[h]).join(",")}\n`)) await once(stream, "drain");
  }
  stream.end();
  await once(stream, "close");
}

/** The CLI's own parts at one size (bench/io-split.ts in a child): read, boundary, write, and csv-parse beside the scanner. */
interface IoFigure {
  readonly subjects: number;
  /** CPU time (user + system) of each part: steadier than wall time on a shared machine. */
  readonly cpuMs: { readonly read: number; readonly check: number; readonly prepare: number; readonly writeJson: number; readonly writeNdjson: number };
  readonly readMs: number;
  readonly csvParseMs?: number;
  readonly csvParseCpuMs?: number;
  readonly csvParsePeakRssBytes?: number;
  readonly checkMs: number;
  readonly prepareMs: number;
  readonly boundaryMs: number;
  readonly writeJsonMs: number;
  readonly jsonBytes: number;
  readonly writeNdjsonMs: number;
  readonly peakRssBytes?: number;
  readonly rssAfterReadBytes: number;
}

async function ioJob(o: BenchOptions, csv: string, rubricFile: string, dir: string, n: number, log: (s: string) => void): Promise<IoFigure | undefined> {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const self = join(here, "..", "dist", "bench.js");
  const heap = o.heapMb ? [`--max-old-space-size=${o.heapMb}`] : [];
  const stdoutFile = join(dir, `io-${n}.jsonl`);
  const out = join(dir, `io-out-${n}.json`);
  const run = await runChild(process.execPath, [...heap, self, "--io-part", String(n), csv, rubricFile, out], { timeoutMs: o.timeoutS * 1000, stdoutFile });
  const line = run.ok ? readFileSync(stdoutFile, "utf8").trim() : "";
  rmSync(out, { force: true });
  if (!run.ok || !line) {
    log(`  ${fmt(n).padStart(9)} subjects: the I/O parts did not complete (${run.failure ?? "no output"})`);
    return undefined;
  }
  const ours = JSON.parse(line) as Omit<IoFigure, "peakRssBytes">;
  // csv-parse alone, for comparison (its records of strings are what the CLI held before the scanner).
  const cp = await runChild(process.execPath, [...heap, self, "--io-part", String(n), csv, rubricFile, out, "csv-parse"], { timeoutMs: o.timeoutS * 1000, stdoutFile });
  const cpLine = cp.ok ? (JSON.parse(readFileSync(stdoutFile, "utf8").trim()) as { csvParseMs: number; csvParseCpuMs: number }) : undefined;
  rmSync(stdoutFile, { force: true });
  const fig: IoFigure = { ...ours, ...(run.peakRss !== undefined ? { peakRssBytes: run.peakRss } : {}), ...(cpLine ? { csvParseMs: cpLine.csvParseMs, csvParseCpuMs: cpLine.csvParseCpuMs } : {}), ...(cp.peakRss !== undefined ? { csvParsePeakRssBytes: cp.peakRss } : {}) };
  const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
  const c = fig.cpuMs;
  log(
    `  ${fmt(n).padStart(9)} subjects, CLI parts (CPU time): read ${s(c.read)} (csv-parse ${fig.csvParseCpuMs !== undefined ? s(fig.csvParseCpuMs) : "?"}), boundary ${s(c.check + c.prepare)} (check ${s(c.check)}, values ${s(c.prepare)}), write JSON ${s(c.writeJson)}, NDJSON ${s(c.writeNdjson)}`,
  );
  log(
    `  ${fmt(n).padStart(9)} subjects, CLI parts (wall): read ${s(fig.readMs)} (csv-parse ${fig.csvParseMs !== undefined ? s(fig.csvParseMs) : cp.failure}, peak RSS ${mb(fig.csvParsePeakRssBytes)}), boundary ${s(fig.boundaryMs)} (check ${s(fig.checkMs)}, values ${s(fig.prepareMs)}), write JSON ${s(fig.writeJsonMs)} (${mb(fig.jsonBytes)}), NDJSON ${s(fig.writeNdjsonMs)}; peak RSS ${mb(fig.peakRssBytes)}`,
  );
  return fig;
}

interface CliFigure {
  readonly subjects: number;
  readonly csvBytes: number;
  readonly completed: boolean;
  readonly runs: number;
  readonly wallMs?: number;
  readonly msPerSubject?: number;
  readonly subjectsPerSecond?: number;
  readonly peakRssBytes?: number;
  readonly outputBytes?: number;
  readonly failure?: string;
  readonly runsMs: number[];
  /** The CLI's own parts (read, boundary, write), measured apart. */
  readonly io?: IoFigure;
}

async function cliJob(o: BenchOptions, dir: string, rubricFile: string, log: (s: string) => void): Promise<CliFigure[]> {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const cli = join(here, "..", "dist", "cli.js");
  const hook = join(here, "..", "bench", "rss-hook.cjs");
  const out: CliFigure[] = [];
  log(`== kaohe score <71-item rubric> data.csv --format json (dist/cli.js in a child process${o.heapMb ? `, --max-old-space-size=${o.heapMb}` : ""}; time limit ${o.timeoutS} s)`);
  for (const n of o.sizes) {
    const csv = join(dir, `data-${n}.csv`);
    await writeCsv(csv, n);
    const csvBytes = statSync(csv).size;
    const io = await ioJob(o, csv, rubricFile, dir, n, log);
    const runs = n > 100_000 ? 1 : o.runs;
    const results: ChildRun[] = [];
    const output = join(dir, `out-${n}.json`);
    let outputBytes: number | undefined;
    for (let r = 0; r < runs; r++) {
      const args = [...(o.heapMb ? [`--max-old-space-size=${o.heapMb}`] : []), "-r", hook, cli, "score", rubricFile, csv, "--format", "json"];
      const run = await runChild(process.execPath, args, { timeoutMs: o.timeoutS * 1000, stdoutFile: output });
      results.push(run);
      if (run.ok) outputBytes = statSync(output).size;
      rmSync(output, { force: true });
      if (!run.ok) break;
    }
    rmSync(csv, { force: true });
    const done = results.filter((r) => r.ok);
    const peaks = results.map((r) => r.peakRss).filter((p): p is number => p !== undefined);
    if (done.length === results.length) {
      const wall = median(done.map((r) => r.wallMs));
      const peak = peaks.length ? median(peaks) : undefined;
      log(`  ${fmt(n).padStart(9)} subjects: ${(wall / 1000).toFixed(1)} s wall, ${fmt(perSecond(n, wall))} subjects/s, peak RSS ${mb(peak)} (CSV ${mb(csvBytes)}, JSON ${mb(outputBytes)}; median of ${runs})`);
      out.push({ subjects: n, csvBytes, completed: true, runs, wallMs: wall, ...(io ? { io } : {}), msPerSubject: wall / n, subjectsPerSecond: perSecond(n, wall), ...(peak !== undefined ? { peakRssBytes: peak } : {}), ...(outputBytes !== undefined ? { outputBytes } : {}), runsMs: done.map((r) => r.wallMs) });
    } else {
      const failed = results[results.length - 1]!;
      log(`  ${fmt(n).padStart(9)} subjects: did not complete (${failed.failure}) after ${(failed.wallMs / 1000).toFixed(1)} s; peak RSS ${mb(failed.peakRss)} (CSV ${mb(csvBytes)})`);
      out.push({ subjects: n, csvBytes, completed: false, ...(io ? { io } : {}), runs: results.length, wallMs: failed.wallMs, ...(failed.peakRss !== undefined ? { peakRssBytes: failed.peakRss } : {}), failure: failed.failure!, runsMs: results.map((r) => r.wallMs) });
    }
  }
  return out;
}

/** One run of the CLI in another format than the JSON above (people's formats, feedback). */
interface FormatFigure {
  readonly label: string;
  readonly subjects: number;
  readonly args: readonly string[];
  readonly completed: boolean;
  readonly wallMs: number;
  readonly peakRssBytes?: number;
  readonly failure?: string;
}

/**
 * The other formats of `kaohe score` once each: the CSV and the table (no trail), JSON with
 * the common problems or with every subject's feedback (item points from the columns),
 * the CSV with item columns (a trail per unit) and the workbook (ExcelJS), the last two at
 * smaller sizes. So a format that reads every trail again shows here.
 */
async function formatsJob(o: BenchOptions, dir: string, rubricFile: string, log: (s: string) => void): Promise<FormatFigure[]> {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const cli = join(here, "..", "dist", "cli.js");
  const hook = join(here, "..", "bench", "rss-hook.cjs");
  const n = o.formatsSize;
  const small = Math.min(n, o.quick ? 1_000 : 5_000);
  const jobs: { label: string; subjects: number; args: string[] }[] = [
    { label: "csv", subjects: n, args: ["--format", "csv"] },
    { label: "table", subjects: n, args: ["--format", "table"] },
    { label: "json --feedback summary", subjects: n, args: ["--format", "json", "--feedback", "summary"] },
    { label: "json --feedback full", subjects: n, args: ["--format", "json", "--feedback", "full"] },
    { label: "csv --items", subjects: small, args: ["--format", "csv", "--items"] },
    { label: "xlsx", subjects: small, args: ["--format", "xlsx", "--out", join(dir, "out.xlsx")] },
  ];
  log(`\n== kaohe score in the other formats (one run each; peak RSS of the process)`);
  const out: FormatFigure[] = [];
  for (const size of [...new Set(jobs.map((j) => j.subjects))]) {
    const csv = join(dir, `formats-${size}.csv`);
    await writeCsv(csv, size);
    for (const job of jobs.filter((j) => j.subjects === size)) {
      const output = join(dir, "formats-out");
      const run = await runChild(process.execPath, [...(o.heapMb ? [`--max-old-space-size=${o.heapMb}`] : []), "-r", hook, cli, "score", rubricFile, csv, ...job.args], { timeoutMs: o.timeoutS * 1000, stdoutFile: output });
      rmSync(output, { force: true });
      log(`  ${job.label.padEnd(24)} ${fmt(size).padStart(9)} subjects: ${run.ok ? `${(run.wallMs / 1000).toFixed(1)} s wall, ${((run.wallMs / size) * 1000).toFixed(0)} µs/subject, peak RSS ${mb(run.peakRss)}` : `did not complete (${run.failure}) after ${(run.wallMs / 1000).toFixed(1)} s`}`);
      out.push({ label: job.label, subjects: size, args: job.args.filter((a) => !a.startsWith(dir)), completed: run.ok, wallMs: run.wallMs, ...(run.peakRss !== undefined ? { peakRssBytes: run.peakRss } : {}), ...(run.ok ? {} : { failure: run.failure! }) });
    }
    rmSync(csv, { force: true });
  }
  rmSync(join(dir, "out.xlsx"), { force: true });
  return out;
}

/** The member-level job's one run. */
interface PointsFigure {
  readonly subjects: number;
  readonly completed: boolean;
  readonly wallMs: number;
  readonly peakRssBytes?: number;
  readonly failure?: string;
}

/** `kaohe score <廉洁积分 rubric> members.csv --format json` once (bench/points-shape.ts). */
async function pointsJob(o: BenchOptions, dir: string, log: (s: string) => void): Promise<PointsFigure> {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const cli = join(here, "..", "dist", "cli.js");
  const hook = join(here, "..", "bench", "rss-hook.cjs");
  const n = o.pointsSize;
  const csv = join(dir, `points-${n}.csv`);
  await writePointsCsv(csv, n);
  log(`\n== member level: kaohe score rubrics/aecc-2022/integrity-points (廉洁积分) members.csv --format json (one run)`);
  const output = join(dir, "points-out");
  const run = await runChild(process.execPath, [...(o.heapMb ? [`--max-old-space-size=${o.heapMb}`] : []), "-r", hook, cli, "score", POINTS_RUBRIC, csv, "--format", "json"], { timeoutMs: o.timeoutS * 1000, stdoutFile: output });
  rmSync(output, { force: true });
  rmSync(csv, { force: true });
  log(`  ${fmt(n).padStart(9)} members: ${run.ok ? `${(run.wallMs / 1000).toFixed(1)} s wall, ${((run.wallMs / n) * 1000).toFixed(1)} µs/member, peak RSS ${mb(run.peakRss)}` : `did not complete (${run.failure}) after ${(run.wallMs / 1000).toFixed(1)} s`}`);
  return { subjects: n, completed: run.ok, wallMs: run.wallMs, ...(run.peakRss !== undefined ? { peakRssBytes: run.peakRss } : {}), ...(run.ok ? {} : { failure: run.failure! }) };
}

// ---------------------------------------------------------------- main

export async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === "--io-part") return ioPart(argv.slice(1));
  const o = parseOptions(argv);
  const log = (s: string) => (o.json ? process.stderr : process.stdout).write(`${s}\n`);
  const dir = mkdtempSync(join(tmpdir(), "kaohe-bench-"));
  try {
    const rubricFile = join(dir, "gansu-shape.yaml");
    writeFileSync(rubricFile, rubricYaml());
    const gansu = loadRubric(rubricYaml(), { file: rubricFile });
    const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? "?", memoryBytes: totalmem() };
    log(`kaohe benchmark (issue 9): node ${machine.node}, ${machine.cpus} × ${machine.cpu}, ${mb(machine.memoryBytes)}; median of ${o.runs} run(s)${o.quick ? "; --quick" : ""}${(globalThis as { gc?: unknown }).gc ? "" : "; without --expose-gc"}\n`);
    const peer = peerJob(o, log);
    const memory = gansuInMemory(o, gansu, log);
    const cli = await cliJob(o, dir, rubricFile, log);
    const formats = o.formatsSize > 0 ? await formatsJob(o, dir, rubricFile, log) : [];
    const points = o.pointsSize > 0 ? await pointsJob(o, dir, log) : undefined;
    const done = cli.filter((c) => c.completed);
    log(`\n== growth: the CLI's time per subject`);
    for (const c of cli)
      log(`  ${fmt(c.subjects).padStart(9)} subjects: ${c.completed ? `${((c.msPerSubject ?? 0) * 1000).toFixed(1)} µs/subject${done[0] && c !== done[0] ? ` (${((c.msPerSubject ?? 0) / (done[0].msPerSubject ?? 1)).toFixed(2)}× that at ${fmt(done[0].subjects)})` : ""}` : "did not complete"}`);
    const growth = cli.map((c) => ({ subjects: c.subjects, completed: c.completed, ...(c.completed ? { microsecondsPerSubject: (c.msPerSubject ?? 0) * 1000 } : {}) }));
    if (o.json) process.stdout.write(`${JSON.stringify({ machine, options: o, peer, gansuInMemory: memory, cli, formats, growth, ...(points ? { points } : {}) }, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /bench\.(js|ts)$/.test(process.argv[1])) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
