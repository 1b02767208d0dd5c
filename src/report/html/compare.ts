/**
 * The report's 版本对比 section (`kaohe report --compare <old>`): what the new rubric
 * version changed against the old one, and what that does to the same units. Built
 * from the library's diffRubrics and diffAssessments (src/diff), laid out as the other
 * sections are; every text from the rubrics or the data is escaped.
 */
import type { AssessmentDiff, RubricChange, RubricDiff, SubjectChange } from "../../diff/types.js";
import { escapeHtml as esc } from "./text.js";

/** The two diffs of one rubric pair: its structure, and its effect on the units. */
export interface ReportComparison {
  readonly rubric: RubricDiff;
  readonly assessment: AssessmentDiff;
}

const CHANGE = { added: "新增", removed: "删除", changed: "修改" } as const;
const AREA = { rubric: "设置", input: "数据项", item: "指标", group: "分组", weight: "权重", band: "等次", rule: "规则", quota: "名额", ranking: "排名", action: "处理", tier: "类别" } as const;

const signed = (x: string): string => (x.startsWith("-") ? x : `+${x}`);

function shown(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && !Array.isArray(v) && typeof (v as { label?: unknown }).label === "string") return (v as { label: string }).label;
  const text = typeof v === "string" ? v : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function position(c: RubricChange): string {
  const s = c.source.after ?? c.source.before;
  return s ? `${s.file ?? ""}:${s.line}:${s.col}` : "";
}

function table(header: readonly string[], rows: readonly (readonly string[])[], name: string): string {
  const head = `<thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c) => (c.startsWith("<td") ? c : `<td>${c}</td>`)).join("")}</tr>`).join("\n")}</tbody>`;
  return `<table data-table="${name}">${head}\n${body}</table>`;
}

const num = (text: string): string => `<td class="num">${esc(text)}</td>`;

function causes(s: SubjectChange, grade: (side: "before" | "after", g: string | null) => string): string {
  const c = s.causes;
  if (!c) return "";
  return [
    ...c.items.map((i) => `${i.label}（${i.item}）${signed(i.contribution)}`),
    ...(c.rest !== "0" ? [`其他 ${signed(c.rest)}`] : []),
    ...c.rules.map((r) => `${r.kind === "quota" ? "名额" : "规则"} ${r.rule}（仅${r.only === "before" ? "原" : "新"}版本${r.kind === "quota" ? "调整" : "触发"}）`),
    ...(c.rawGrade.before !== c.rawGrade.after ? [`分数线：${grade("before", c.rawGrade.before)} → ${grade("after", c.rawGrade.after)}`] : []),
  ]
    .map(esc)
    .join("<br>");
}

/**
 * The 版本对比 section.
 *
 * @param c - diffRubrics and diffAssessments of the old and the new version
 * @returns one page of HTML
 */
export function compareSection(c: ReportComparison): string {
  const { rubric: r, assessment: a } = c;
  const grade = (side: "before" | "after", g: string | null) => (g === null ? "不参加定级" : (a[side].gradeLabels[g] ?? g));
  const intro = `<p class="box">${esc(`原版本：${r.before.name}（${r.before.version} 版）；新版本：${r.after.name}（${r.after.version} 版）。同一数据分别按两个版本计分：${a.counts.subjects} 个单位中，得分升高 ${a.counts.higher} 个、降低 ${a.counts.lower} 个、不变 ${a.counts.same} 个；等次变化 ${a.counts.gradeChanged} 个；排名变化 ${a.counts.rankChanged} 个。`)}</p>`;
  const structure = r.changes.length
    ? table(
        ["变化", "类别", "编号", "内容", "原值", "新值", "位置"],
        r.changes.map((x) => [esc(CHANGE[x.change]), esc(AREA[x.area]), esc(x.id ?? ""), esc(x.field), esc(shown(x.before)), esc(shown(x.after)), esc(position(x))]),
        "compare-structure",
      )
    : '<p class="muted">两个版本的结构相同。</p>';
  const moved = a.subjects.filter((s) => s.causes !== undefined || s.rankBefore !== s.rankAfter);
  const rank = (n: number | null) => (n === null ? "—" : String(n));
  const subjects = moved.length
    ? table(
        ["单位", "原得分", "新得分", "变化", "原等次", "新等次", "原排名", "新排名", "原因"],
        moved.map((s) => [esc(s.name ?? s.id), num(s.scoreBefore), num(s.scoreAfter), num(signed(s.scoreChange)), esc(grade("before", s.gradeBefore)), esc(grade("after", s.gradeAfter)), num(rank(s.rankBefore)), num(rank(s.rankAfter)), causes(s, grade)]),
        "compare-subjects",
      )
    : '<p class="muted">没有单位的得分、等次或排名发生变化。</p>';
  const rows = Object.keys(a.matrix);
  const cols = Object.keys(a.matrix[rows[0]!] ?? {});
  const matrix = table(
    ["原等次＼新等次", ...cols.map((g) => grade("after", g === "excluded" ? null : g))],
    rows.map((g) => [esc(grade("before", g === "excluded" ? null : g)), ...cols.map((k) => num(String(a.matrix[g]![k] ?? 0)))]),
    "compare-matrix",
  );
  const grades = [...a.before.grades, ...a.after.grades.filter((g) => !a.before.grades.includes(g))];
  const distribution = table(
    ["等次", "原版本", "新版本"],
    grades.map((g) => [esc(a.after.gradeLabels[g] ?? a.before.gradeLabels[g] ?? g), num(String(a.distribution.before[g] ?? "—")), num(String(a.distribution.after[g] ?? "—"))]),
    "compare-distribution",
  );
  return `<section class="page compare" id="compare">\n${[
    "<h2>版本对比</h2>",
    intro,
    "<h3>结构变化</h3>",
    structure,
    "<h3>得分、等次和排名的变化</h3>",
    subjects,
    "<h3>等次变化</h3>",
    matrix,
    "<h3>等次分布</h3>",
    distribution,
  ].join("\n")}\n</section>`;
}
