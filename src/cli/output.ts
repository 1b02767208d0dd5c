/**
 * Rendering results for people (table, explain) and programs (JSON, CSV).
 */
import stringWidth from "string-width";
import type { CompiledRubric, RubricResult, SubjectResult } from "../index.js";
import type { Feedback, SubjectFeedback } from "../report/feedback.js";
import { writeCsv } from "./csv.js";

/**
 * The JSON document of `kaohe score`: the integrators' contract. Its units are the
 * library's SubjectResult, key for key (README "Results"); without --detail their
 * nodes carry points but no lines.
 */
export function scoreDocument(entries: readonly { rubric: CompiledRubric; result: RubricResult; feedback: Feedback }[]): unknown {
  return {
    results: entries.map(({ result, feedback }) => {
      const byId = new Map(feedback.subjects.map((f) => [f.id, f]));
      return {
        rubric: { id: result.rubric.id, version: result.rubric.version, name: result.rubric.name, year: result.rubric.year },
        grades: result.grades,
        gradeLabels: result.gradeLabels,
        units: result.units,
        summary: result.summary,
        feedback: { common: feedback.common, subjects: Object.fromEntries(result.units.map((u) => [u.id, strip(byId.get(u.id)!)])) },
        ...(result.warnings.length ? { warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })) } : {}),
      };
    }),
  };
}

function strip(f: SubjectFeedback): Omit<SubjectFeedback, "id"> {
  const { id: _id, ...rest } = f;
  return rest;
}

const label = (r: RubricResult, g: string | null) => (g === null ? "—" : (r.gradeLabels[g] ?? g));

function reasons(r: RubricResult, u: SubjectResult): string {
  const parts = u.adjustments.map((a) => `${label(r, a.from)}→${label(r, a.to)} ${a.reason}`);
  if (u.actions.length) parts.push(`措施: ${u.actions.map((a) => a.label).join("、")}`);
  return parts.join("; ");
}

/** Pad to a display width (CJK characters are two columns wide). */
function pad(text: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - stringWidth(text)));
  return right ? fill + text : text + fill;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!, rightAligned.has(i))))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function scoreTable(result: RubricResult): string {
  const hasNames = result.units.some((u) => u.name !== undefined);
  const hasGroups = result.units.some((u) => u.group !== undefined);
  const header = ["名次 rank", "id", ...(hasNames ? ["名称 name"] : []), ...(hasGroups ? ["分组 group"] : []), "得分 score", "等次 grade", "说明 reasons"];
  const rows = result.units.map((u) => [
    u.rank === null ? "—" : String(u.rank),
    u.id,
    ...(hasNames ? [u.name ?? ""] : []),
    ...(hasGroups ? [u.group ?? ""] : []),
    u.score,
    label(result, u.grade),
    reasons(result, u),
  ]);
  const dist = result.grades.map((g) => `${label(result, g)} ${result.summary.distribution[g]}`).join(", ");
  const title = `${result.rubric.name} (${result.rubric.id} v${result.rubric.version}): ${result.summary.count} subjects; ${dist}${result.summary.excluded ? `; excluded ${result.summary.excluded}` : ""}`;
  return `${title}\n${table(header, rows, new Set([0, header.indexOf("得分 score")]))}`;
}

export function scoreCsv(result: RubricResult): string {
  const hasGroups = result.units.some((u) => u.group !== undefined);
  const header = ["rubric", "rank", ...(hasGroups ? ["groupRank"] : []), "id", "name", ...(hasGroups ? ["group"] : []), "score", "grade", "gradeLabel", "rawGrade", "adjustments", "actions"];
  const rows = result.units.map((u) => [
    result.rubric.id,
    u.rank === null ? "" : String(u.rank),
    ...(hasGroups ? [u.groupRank === null ? "" : String(u.groupRank)] : []),
    u.id,
    u.name ?? "",
    ...(hasGroups ? [u.group ?? ""] : []),
    u.score,
    u.grade ?? "",
    u.grade === null ? "" : label(result, u.grade),
    u.rawGrade ?? "",
    u.adjustments.map((a) => `${a.kind}:${a.rule}:${a.from ?? ""}->${a.to ?? ""}:${a.reason}`).join(" | "),
    u.actions.map((a) => a.label).join(" | "),
  ]);
  return writeCsv(header, rows);
}

/** One subject's full trail, for people. */
export function explainText(result: RubricResult, u: SubjectResult, feedback: SubjectFeedback | undefined, common: Feedback["common"]): string {
  const out: string[] = [];
  out.push(`${result.rubric.name} (${result.rubric.id} v${result.rubric.version})`);
  out.push(`subject ${u.id}${u.name ? ` ${u.name}` : ""}${u.group ? ` [${u.group}]` : ""}`);
  out.push("", "points 得分明细:");
  for (const n of u.nodes) {
    const indent = "  ".repeat(n.depth + 1);
    out.push(`${indent}${n.label}${n.label !== n.id ? ` (${n.id})` : ""}: ${n.points} / ${n.max}${n.weight ? ` × weight ${n.weight}` : ""}`);
    for (const l of n.lines) if (l.detail) out.push(`${indent}  · ${l.label}: ${l.amount.startsWith("-") ? l.amount : `+${l.amount}`}  (${l.detail})`);
  }
  out.push("", `total 总分: ${u.score}`);
  out.push(`raw grade 初定等次: ${label(result, u.rawGrade)}`);
  for (const n of u.gradeNotes) out.push(`  · ${n}`);
  if (u.rules.length) {
    out.push("rules 规则:");
    for (const r of u.rules) out.push(`  · ${r.kind} ${r.rule}: ${r.condition}${r.changed ? "" : " (no change)"}`);
  }
  if (u.adjustments.length) {
    out.push("adjustments 调整:");
    for (const a of u.adjustments) {
      const nums = Object.entries(a.numbers).map(([k, v]) => `${k} ${v}`).join(", ");
      out.push(`  · ${a.kind} ${a.rule}: ${label(result, a.from)} → ${label(result, a.to)}  ${a.reason}${nums ? `  [${nums}]` : ""}`);
    }
  }
  out.push(`final grade 最终等次: ${label(result, u.grade)}${u.rank !== null ? `, rank ${u.rank} of ${result.summary.graded}` : ""}${u.groupRank !== null ? `, group rank ${u.groupRank}` : ""}`);
  if (u.actions.length) out.push(`actions 措施: ${u.actions.map((a) => a.label).join("、")}`);
  if (u.tier) out.push(`tier 类别: ${u.tier.label}${u.tier.followUp ? ` → ${u.tier.followUp}` : ""}`);
  if (feedback) {
    out.push("", "feedback 反馈:");
    if (feedback.problems.length) out.push(`  个性问题: ${feedback.problems.map((p) => `${p.label} (lost ${p.lost} of ${p.max})`).join("; ")}`);
    if (feedback.highlights.length) out.push(`  亮点: ${feedback.highlights.map((h) => `${h.label} (${h.points} of ${h.max}, batch average ${h.batchAverage})`).join("; ")}`);
    if (feedback.toNextGrade) out.push(`  to reach ${label(result, feedback.toNextGrade.grade)}: +${feedback.toNextGrade.points} points${feedback.toNextGrade.note ? ` (${feedback.toNextGrade.note})` : ""}`);
    const mine = common.filter((c) => feedback.problems.some((p) => p.item === c.item) || u.nodes.some((n) => n.id === c.item && n.lost !== "0"));
    if (mine.length) out.push(`  共性问题 shared with the batch: ${mine.map((c) => `${c.label} (${c.subjects} subjects)`).join("; ")}`);
  }
  return out.join("\n");
}
