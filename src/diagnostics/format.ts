import type { Issue } from "./issue.js";

/**
 * One line per issue: `file:line:col  CODE  message`, or for data issues
 * `file:row N  subject "x"  field "f"  CODE  message`. A warning starts with
 * `warning: ` (`warning: file:line:col  CODE  message`).
 *
 * @param issue - the issue to format
 * @returns the one-line form
 * @example
 * formatIssue(issue)
 * // => 'rubrics/a.yaml:12:7  WEIGHT_SUM  weights must sum to 100%, they sum to 99%'
 */
export function formatIssue(issue: Issue): string {
  const where: string[] = [];
  if (issue.source) {
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

/**
 * Format every issue, one per line, in the order given.
 *
 * @param issues - the issues
 * @returns a multi-line string
 * @example
 * console.error(formatIssues(error.issues))
 */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map(formatIssue).join("\n");
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
