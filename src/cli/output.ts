/**
 * Rendering results for programs (JSON, the English CSV) and the table layout; the
 * table of results for people is in display.ts, explain in report/explain.ts.
 */
import { lineWidth } from "../io/display-width.js";
import type { RubricResult, SubjectResult } from "../index.js";
import { gradeLabel } from "../report/explain.js";
import { writeCsv } from "./csv.js";

export function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  /** Pad to a display width (CJK characters are two columns wide). */
  const pad = (text: string, w: number, right: boolean): string => {
    const fill = " ".repeat(Math.max(0, w - lineWidth(text)));
    return right ? fill + text : text + fill;
  };
  // A loop, not Math.max(...rows): a million rows are too many arguments for one call.
  const widths = header.map((h, i) => {
    let w = lineWidth(h);
    for (const r of rows) w = Math.max(w, lineWidth(r[i] ?? ""));
    return w;
  });
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!, rightAligned.has(i))))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function scoreCsv(result: RubricResult): string {
  const { header, rows } = scoreCsvTable(result);
  return writeCsv(header, rows);
}

/**
 * The cells every score CSV shares, in its column order: rank, group rank (when the
 * batch has groups), id, name, group (likewise) and score.
 */
export function subjectCells(u: SubjectResult, hasGroups: boolean): string[] {
  return [
    u.rank === null ? "" : String(u.rank),
    ...(hasGroups ? [u.groupRank === null ? "" : String(u.groupRank)] : []),
    u.id,
    u.name ?? "",
    ...(hasGroups ? [u.group ?? ""] : []),
    u.score,
  ];
}

/** The CSV columns and cells of one result, before quoting. */
export function scoreCsvTable(result: RubricResult): { header: string[]; rows: string[][] } {
  const hasGroups = result.units.some((u) => u.group !== undefined);
  const header = ["rubric", "rank", ...(hasGroups ? ["groupRank"] : []), "id", "name", ...(hasGroups ? ["group"] : []), "score", "grade", "gradeLabel", "rawGrade", "adjustments", "actions"];
  const rows = result.units.map((u) => [
    result.rubric.id,
    ...subjectCells(u, hasGroups),
    u.grade ?? "",
    u.grade === null ? "" : gradeLabel(result, u.grade),
    u.rawGrade ?? "",
    u.adjustments.map((a) => `${a.kind}:${a.rule}:${a.from ?? ""}->${a.to ?? ""}:${a.reason}`).join(" | "),
    u.actions.map((a) => a.label).join(" | "),
  ]);
  return { header, rows };
}
