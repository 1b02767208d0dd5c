import type { Issue } from "./issue.js";
import type { LocaleOptions } from "./locale.js";
import { renderMessage } from "./render.js";

/**
 * One line per issue. English (the default): `file:line:col  CODE  message`, or for
 * data issues `file:row N  subject "x"  field "f"  CODE  message`, or for a spreadsheet
 * cell `data.xlsx!评分表!B7  subject "x"  field "f"  CODE  message`; a warning starts
 * with `warning: ` (`warning: file:line:col  CODE  message`). Chinese
 * (`locale: "zh-CN"`): the message from the Chinese table, where it is first and the
 * code last, e.g.
 * `第3行 单位"u1" 字段"思想建设得分"：应在 0 到 25 之间，实际为 30（DATA_OUT_OF_RANGE）`;
 * a warning starts with `警告：`. `issue.message` itself is always English.
 *
 * @param issue - the issue to format
 * @param options - `locale`: "en" (default) or "zh-CN"; a number (the index, when
 *   formatIssue is given to `issues.map`) is ignored
 * @returns the one-line form
 * @example
 * formatIssue(issue)
 * // => 'rubrics/a.yaml:12:7  WEIGHT_SUM  weights must sum to 100%, they sum to 99%'
 * formatIssue(issue, { locale: "zh-CN" })
 * // => 'rubrics/a.yaml:12:7  权重之和应为 100%，实际为 99%（WEIGHT_SUM）'
 */
export function formatIssue(issue: Issue, options: LocaleOptions | number = {}): string {
  if (typeof options === "object" && options?.locale === "zh-CN") return formatZh(issue);
  const where: string[] = [];
  if (issue.source?.cell !== undefined) {
    const sheet = issue.source.sheet !== undefined ? `${sheetReference(issue.source.sheet)}!` : "";
    where.push(`${issue.source.file ?? "<data>"}!${sheet}${issue.source.cell}`);
  } else if (issue.source) {
    where.push(`${issue.source.file ?? "<rubric>"}:${issue.source.line}:${issue.source.col}`);
  } else if (issue.row !== undefined || issue.subject !== undefined) {
    const row = issue.row !== undefined ? `row ${issue.row}` : "";
    where.push([issue.rubric && !issue.field ? `rubric ${issue.rubric}` : "", row].filter(Boolean).join(" "));
  } else if (issue.rubric) {
    where.push(`rubric ${issue.rubric}`);
  }
  if (issue.subject !== undefined) where.push(`subject "${issue.subject}"`);
  if (issue.field !== undefined) where.push(`field "${issue.field}"`);
  if (!issue.source && issue.path.length > 0 && issue.subject === undefined) where.push(`at ${formatPath(issue.path)}`);
  const severity = issue.severity === "warning" ? "warning: " : "";
  const at = where.filter(Boolean).join("  ");
  return `${severity}${at}${at ? "  " : ""}${issue.code}  ${issue.message}`;
}

function formatZh(issue: Issue): string {
  const position =
    issue.source?.cell !== undefined
      ? `${issue.source.file ?? "<数据>"}!${issue.source.sheet !== undefined ? `${sheetReference(issue.source.sheet)}!` : ""}${issue.source.cell}`
      : issue.source
        ? `${issue.source.file ?? "<方案>"}:${issue.source.line}:${issue.source.col}`
        : "";
  const where: string[] = [];
  if (!issue.source) {
    if (issue.rubric && !issue.field) where.push(`考核方案"${issue.rubric}"`);
    if (issue.row !== undefined) where.push(`第${issue.row}行`);
  }
  if (issue.subject !== undefined) where.push(`单位"${issue.subject}"`);
  if (issue.field !== undefined) {
    // The part of the field the problem is in (民主测评.issued), when the params name it.
    const part = issue.params.field;
    where.push(`字段"${typeof part === "string" && part.startsWith(issue.field) ? part : issue.field}"`);
  }
  // The rubric path where there is no file position; in data, the row says where already.
  if (!issue.source && issue.path.length > 0 && issue.subject === undefined && issue.row === undefined) where.push(`位置 ${formatPath(issue.path)}`);
  const severity = issue.severity === "warning" ? "警告：" : "";
  const message = `${renderMessage(issue.code, issue.params, "zh-CN")}（${issue.code}）`;
  const head = [position, where.join(" ")].filter(Boolean).join("  ");
  return `${severity}${head}${where.length ? "：" : head ? "  " : ""}${message}`;
}

/**
 * Format every issue, one per line, in the order given.
 *
 * @param issues - the issues
 * @param options - `locale`: "en" (default) or "zh-CN"
 * @returns a multi-line string
 * @example
 * console.error(formatIssues(error.issues, { locale: "zh-CN" }))
 */
export function formatIssues(issues: readonly Issue[], options: LocaleOptions = {}): string {
  return issues.map((i) => formatIssue(i, options)).join("\n");
}

/** `["scoring","children",0,"max"]` → `scoring.children[0].max` */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/**
 * A sheet's name as a spreadsheet reference writes it: as is when it is letters,
 * digits and _ (评分表, Sheet1), otherwise in single quotes with inner quotes doubled
 * ('Sheet 1', 'It''s').
 *
 * @example
 * sheetReference("2024 评分") // => "'2024 评分'"
 */
export function sheetReference(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
