/**
 * `kaohe report`: the printable report (考核结果通报 and one 反馈单 per unit) as one
 * self-contained HTML file. The HTML is built by src/report/html (pure); this reads the
 * files, picks the rubric and loads ECharts, only for this command.
 */
import { createRequire } from "node:module";
import { buildFeedback } from "../report/feedback.js";
import { buildReportHtml, type ChartLibrary } from "../report/html/index.js";
import { formatIssue, type Assessment, type RubricSet, type TrailLevel } from "../index.js";
import { UsageError } from "./errors.js";
import { note, type RunIo, type SetAside } from "./main.js";
import { asideFromOthers, loadVersion, reportComparison } from "./diff.js";
import type { Data } from "./load.js";
import { t } from "./messages.js";
import { writeFileAtomic } from "./write.js";

export const REPORT_HELP = `usage: kaohe report <rubric file or scheme folder>... [data.csv|data.json|-] --out report.html [options]

Writes the printable report as one self-contained HTML file (no network, no script
needed to read or print it): a cover with the grade distribution and the rules and
quotas that moved grades, the ranking overall and per group, the 共性问题 with their
threshold, and one 反馈单 per unit (score, grade, ranks, portrait, 个性问题, 亮点,
points to the next grade, actions), one per printed A4 page. Open it in a browser and
print, or print it to PDF.

options:
  --out FILE      write the report to FILE (atomically); without it, to stdout
  --rubric ID     the rubric of a linked set to report on (default: the one no other
                  rubric of the set reads, e.g. the 述职评议 that reads the 责任制
                  assessment; required when there are several)
  --compare OLD   add a 版本对比 section: the old version (a rubric file or folder) of
                  the reported rubric, scored on the same data, as kaohe diff compares
                  them (columns only one version declares are set aside)
  --ignore COL,...          set these data columns aside (named on stderr)
  --ignore-folder-columns   set aside the columns the folder's other rubrics declare
  -h, --help      this help`;

export const REPORT_OPTIONS = { out: { type: "string" }, rubric: { type: "string" }, compare: { type: "string" } } as const;

type ScoreData = (
  positionals: readonly string[],
  io: RunIo,
  trail: TrailLevel,
  values: Record<string, string | boolean | undefined>,
  extraAside?: (set: RubricSet, rubricPaths: readonly string[]) => readonly SetAside[],
) => { set: RubricSet; evaluation: Assessment; data: Data; dataFile: string };

/** ECharts, loaded when a report is made (other commands start without it). */
function loadCharts(): ChartLibrary {
  return createRequire(import.meta.url)("echarts") as ChartLibrary;
}

export function reportCommand(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: RunIo, scoreData: ScoreData): number {
  if (values.out === "") throw new UsageError(t("out-needs-name"));
  if (values.compare === "") throw new UsageError(t("option-value", { option: "--compare" }));
  const old = typeof values.compare === "string" ? loadVersion(values.compare) : undefined;
  const { set, evaluation, data, dataFile } = scoreData(positionals, io, "points", values, old ? (s, paths) => asideFromOthers(s, [...paths, old.path], old.rubrics, io) : undefined);
  const results = evaluation.results;
  const wanted = values.rubric as string | undefined;
  let index: number;
  if (wanted === undefined) {
    // The final rubrics: those no other rubric of the set reads.
    const read = new Set(set.rubrics.flatMap((r) => [...r.dependencies.keys()]));
    const finals = set.rubrics.map((r, i) => i).filter((i) => !read.has(set.rubrics[i]!.id));
    if (finals.length !== 1) throw new UsageError(t("report-finals", { count: finals.length, rubrics: finals.map((i) => set.rubrics[i]!.id) }));
    index = finals[0]!;
  } else {
    index = results.findIndex((r) => r.rubric.id === wanted);
    if (index < 0) throw new UsageError(t("report-no-rubric", { id: wanted, rubrics: results.map((r) => r.rubric.id) }));
  }
  const rubric = set.rubrics[index]!;
  const result = results[index]!;
  const compare = old ? reportComparison(old, set, rubric, result, data, dataFile, io) : undefined;
  const html = buildReportHtml({ rubric, result, feedback: buildFeedback(rubric, result), ...(compare ? { compare } : {}) }, loadCharts());
  if (values.out !== undefined) writeFileAtomic(String(values.out), html);
  else io.out(html);
  for (const w of result.warnings) note(io, formatIssue(w, { locale: io.locale }));
  return 0;
}
