/**
 * npm run bench:report [-- --count 2000]
 *
 * The printable report (`kaohe report`): generation time and file size for the CHN
 * Energy example year (90 subsidiaries, the 述职评议 rubric) and for a generated batch
 * (default 2,000 subjects) of the 71-item Gansu-shaped rubric the main bench uses
 * (bench/gansu-shape.ts). Time is split into scoring (assess), feedback and the HTML
 * with its charts (one ECharts SVG per 反馈单 plus the cover's), in wall time and, for the
 * HTML, in CPU time. Figures are printed, never asserted.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findScheme, loadSet, readData } from "../src/cli/load.js";
import { assess, buildFeedback, loadRubric, type CompiledRubric, type SubjectData } from "../src/index.js";
import { buildReportHtml, type ChartLibrary } from "../src/report/html/index.js";
import { rubricYaml, subjects } from "./gansu-shape.js";

const args = process.argv.slice(2);
const countArg = args[args.indexOf("--count") + 1];
const count = args.includes("--count") && countArg ? Number(countArg) : 2000;
const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");

let t = performance.now();
const charts = createRequire(import.meta.url)("echarts") as ChartLibrary;
const loadMs = performance.now() - t;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;

function measure(label: string, rubrics: readonly CompiledRubric[], rows: SubjectData[], index: (n: number) => number): void {
  let t0 = performance.now();
  const results = assess(rubrics.length === 1 ? rubrics[0]! : { rubrics }, rows, { trail: "points" }).results;
  const assessMs = performance.now() - t0;
  const i = index(results.length);
  const rubric = rubrics[i]!;
  const result = results[i]!;
  t0 = performance.now();
  const feedback = buildFeedback(rubric, result);
  const feedbackMs = performance.now() - t0;
  t0 = performance.now();
  const cpu = process.cpuUsage();
  const html = buildReportHtml({ rubric, result, feedback }, charts);
  const htmlMs = performance.now() - t0;
  const htmlCpu = process.cpuUsage(cpu);
  const htmlCpuMs = (htmlCpu.user + htmlCpu.system) / 1000;
  const bytes = Buffer.byteLength(html, "utf8");
  const units = result.units.length;
  console.log(`== ${label}: ${units} units (${rubric.id})`);
  console.log(`  size:      ${kib(bytes)} (${(bytes / 1024 / 1024).toFixed(1)} MiB), ${kib(bytes / units)} per unit`);
  console.log(`  time:      ${ms(assessMs + feedbackMs + htmlMs)} = assess ${ms(assessMs)} + feedback ${ms(feedbackMs)} + HTML and charts ${ms(htmlMs)} (${(htmlMs / (units + 1)).toFixed(1)} ms per chart)`);
  console.log(`  HTML CPU:  ${ms(htmlCpuMs)} (${(htmlCpuMs / (units + 1)).toFixed(1)} ms per chart; wall time above is higher when the machine is busy)`);
}

console.log(`kaohe report benchmark (node ${process.version}); loading ECharts: ${ms(loadMs)}\n`);

const scheme = findScheme([join(root, "rubrics/chn-energy-2024")]);
const set = loadSet(scheme);
measure("CHN Energy example year", set.rubrics, readData(scheme.exampleData!, () => Buffer.alloc(0)).rows, (n) => n - 1);

const gansu = loadRubric(rubricYaml(), { file: "gansu-shape.yaml" });
measure(`generated, Gansu-shaped (71 items, 11 groups)`, [gansu], [...subjects(count)], () => 0);
