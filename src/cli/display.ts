/**
 * The score table and the people's CSV, in the user's terms: labels rather than ids,
 * adjustments as sentences (因"…"由"好"降为"较好"), headers in the locale of the run
 * (排名, 单位, 分组, 得分, 等次, 调整及原因, 处理). The English CSV keeps its columns
 * (output.ts scoreCsv) for scripts; JSON is the integrators' contract (unchanged).
 */
import type { CompiledRubric, RubricResult, SubjectResult } from "../index.js";
import type { Locale } from "../diagnostics/locale.js";
import { adjustmentText, gradeLabel } from "../report/explain.js";
import { writeCsv } from "./csv.js";
import { subjectCells, table } from "./output.js";

const HEADERS = {
  en: { rank: "rank", subject: "subject", group: "group", score: "score", grade: "grade", adjustments: "adjustments and reasons", actions: "actions" },
  "zh-CN": { rank: "排名", subject: "单位", group: "分组", score: "得分", grade: "等次", adjustments: "调整及原因", actions: "处理" },
} as const;

/** Every adjustment of a subject as sentences, one after another. */
export function adjustmentsText(rubric: CompiledRubric, result: RubricResult, u: SubjectResult, locale: Locale): string {
  return u.adjustments.map((a) => adjustmentText(rubric, result, a, locale)).join(locale === "zh-CN" ? "；" : "; ");
}

/** The title line: the rubric, the number of subjects and the grade distribution. */
export function scoreTitle(result: RubricResult, locale: Locale): string {
  const { summary, rubric } = result;
  if (locale === "zh-CN") {
    const dist = result.grades.map((g) => `${gradeLabel(result, g)} ${summary.distribution[g]} 个`).join("，");
    return `${rubric.name}（${rubric.id}，${rubric.version} 版）：共 ${summary.count} 个单位；${dist}${summary.excluded ? `；不参加定级 ${summary.excluded} 个` : ""}`;
  }
  const dist = result.grades.map((g) => `${gradeLabel(result, g)} ${summary.distribution[g]}`).join(", ");
  return `${rubric.name} (${rubric.id} v${rubric.version}): ${summary.count} subjects; ${dist}${summary.excluded ? `; excluded ${summary.excluded}` : ""}`;
}

/**
 * The table of `kaohe score`: one row per subject in rank order.
 *
 * @param rubric - the rubric of the result (its quotas give the shares of quota sentences)
 * @param result - the result
 * @param locale - the language of the headers and sentences
 * @returns the title line and the table
 */
export function scoreTable(rubric: CompiledRubric, result: RubricResult, locale: Locale = "en"): string {
  const h = HEADERS[locale === "zh-CN" ? "zh-CN" : "en"];
  const hasGroups = result.units.some((u) => u.group !== undefined);
  const header = [h.rank, h.subject, ...(hasGroups ? [h.group] : []), h.score, h.grade, h.adjustments, h.actions];
  const rows = result.units.map((u) => [
    u.rank === null ? "—" : String(u.rank),
    u.name ?? u.id,
    ...(hasGroups ? [u.group ?? ""] : []),
    u.score,
    gradeLabel(result, u.grade),
    adjustmentsText(rubric, result, u, locale),
    u.actions.map((a) => a.label).join("、"),
  ]);
  return `${scoreTitle(result, locale)}\n${table(header, rows, new Set([0, header.indexOf(h.score)]))}`;
}

/**
 * The CSV of `kaohe score` for people (zh-CN): Chinese headers, grade labels, the
 * adjustments as sentences; the subject's id stays in its own column (编号) so the
 * rows can be matched with other tables.
 *
 * @param rubric - the rubric of the result
 * @param result - the result
 * @returns CSV text with CRLF line ends (no BOM: the writer adds it)
 */
export function scoreCsvZh(rubric: CompiledRubric, result: RubricResult): string {
  const hasGroups = result.units.some((u) => u.group !== undefined);
  const header = ["考核方案", "排名", ...(hasGroups ? ["组内排名"] : []), "编号", "单位", ...(hasGroups ? ["分组"] : []), "得分", "等次", "初定等次", "调整及原因", "处理"];
  const rows = result.units.map((u) => [
    result.rubric.name,
    ...subjectCells(u, hasGroups),
    u.grade === null ? "" : gradeLabel(result, u.grade),
    u.rawGrade === null ? "" : gradeLabel(result, u.rawGrade),
    adjustmentsText(rubric, result, u, "zh-CN"),
    u.actions.map((a) => a.label).join("、"),
  ]);
  return writeCsv(header, rows);
}
