/**
 * The printable report (考核结果通报 and one 反馈单 per unit) as one self-contained
 * HTML document: inline CSS, charts as inline SVG, no script, no external resource.
 * Pure: rubric, result and feedback in, a string out. Every text from the rubric or the
 * data is escaped.
 */
import { distributionChart, portraitChart, type ChartLibrary } from "./charts.js";
import { compareSection } from "./compare.js";
import { reportModel, type RankRow, type ReportInput, type ReportModel, type Sheet } from "./model.js";
import { STYLE } from "./style.js";
import { escapeHtml as esc } from "./text.js";

export type { ChartLibrary, ChartInstance } from "./charts.js";
export type { ReportInput } from "./model.js";

/**
 * Build the report.
 *
 * @param input - the rubric, one result of `assess` for it, and `buildFeedback` of that result
 * @param charts - the ECharts module (`import * as echarts from "echarts"`), used for server-side SVG
 * @returns the whole HTML document
 */
export function buildReportHtml(input: ReportInput, charts: ChartLibrary): string {
  const m = reportModel(input);
  const parts = [
    "<!DOCTYPE html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(`${m.name}（${m.year}年度）考核结果通报`)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    cover(m, charts),
    input.compare ? compareSection(input.compare) : "",
    ranking(m),
    m.groupLabel !== null ? groups(m) : "",
    common(m),
    ...m.sheets.map((s, i) => sheet(m, s, i, charts)),
    "</body>",
    "</html>",
    "",
  ];
  return parts.filter((p) => p !== "").join("\n");
}

function cover(m: ReportModel, charts: ChartLibrary): string {
  const summary = [
    ["考核对象", `${m.count}个`],
    ["参加定级", `${m.graded}个`],
    ...(m.excluded ? [["不参加定级", `${m.excluded}个`]] : []),
    ...(m.groupLabel !== null ? [[m.groupLabel, `${m.groups.length}个`]] : []),
  ];
  const moves = m.moves.length
    ? table(
        ["类别", "规则或名额", "调整", "单位数"],
        m.moves.map((x) => [nowrap(x.kind), esc(x.why), nowrap(`"${x.from}" → "${x.to}"`), num(String(x.count))]),
        "moves",
      )
    : '<p class="muted">本次考核没有按规则或名额调整等次的单位。</p>';
  return section(
    "page cover",
    "cover",
    [
      '<div class="org">考核结果通报</div>',
      `<h1>${esc(m.name)}</h1>`,
      `<div class="sub">${esc(`${m.year}年度`)}　<span class="muted small">${esc(`版本 ${m.version}`)}</span></div>`,
      '<div class="rule"></div>',
      `<div class="summary">${summary.map(([k, v]) => `<div><b>${esc(v!)}</b>${esc(k!)}</div>`).join("")}</div>`,
      "<h3>等次分布</h3>",
      `<div class="chart" data-chart="distribution">${distributionChart(charts, m.grades)}</div>`,
      table(
        ["等次", ...m.grades.map((g) => g.label)],
        [
          ["单位数", ...m.grades.map((g) => num(String(g.count)))],
          ["占比", ...m.grades.map((g) => num(g.share))],
        ].map(([h, ...cells]) => [`<b>${esc(h!)}</b>`, ...cells]),
        "distribution",
      ),
      "<h3>等次调整（规则与名额）</h3>",
      moves,
      m.description ? `<p class="muted small" style="margin-top:4mm">${esc(m.description)}</p>` : "",
    ].join("\n"),
  );
}

function ranking(m: ReportModel): string {
  const header = ["排名", "单位", ...(m.groupLabel !== null ? [m.groupLabel] : []), "得分", "等次", "调整及原因", "处理"];
  const rows = m.rows.map((r) => [num(r.rank), esc(r.name), ...(m.groupLabel !== null ? [esc(r.group)] : []), num(r.score), nowrap(r.grade), reasons(r), esc(r.actions)]);
  const widths = m.groupLabel !== null ? [6, 27, 9, 8, 6, 34, 10] : [6, 33, 8, 6, 37, 10];
  return section("page ranking", "ranking", `<h2>考核结果排名</h2>\n${table(header, rows, "ranking", widths)}`);
}

function groups(m: ReportModel): string {
  const label = m.groupLabel!;
  const grades = m.grades.map((g) => g.label);
  const distribution = table(
    [label, "单位数", ...grades],
    m.groups.map((g) => [esc(g.name), num(String(g.rows.length)), ...g.counts.map((c) => num(String(c)))]),
    "group-distribution",
  );
  const tables = m.groups.map(
    (g) =>
      `<h3>${esc(`${g.name}（${g.rows.length}个）`)}</h3>\n${table(
        ["组内排名", "总排名", "单位", "得分", "等次", "调整及原因"],
        g.rows.map((r) => [num(r.groupRank), num(r.rank), esc(r.name), num(r.score), nowrap(r.grade), reasons(r)]),
        "group-ranking",
        [9, 8, 30, 9, 7, 37],
      )}`,
  );
  return section("page groups", "groups", [`<h2>${esc(`分组排名（按${label}）`)}</h2>`, "<h3>各组等次分布</h3>", distribution, ...tables].join("\n"));
}

function common(m: ReportModel): string {
  const rule = `<p class="box">判定标准：某项指标失分达到该项分值的${esc(m.threshold.loss)}及以上的单位，占该项适用单位的${esc(m.threshold.share)}及以上，列为共性问题。</p>`;
  const body = m.common.length
    ? table(
        ["序号", "指标", "所属", "涉及单位", "占比", "平均失分"],
        m.common.map((c, i) => [num(String(i + 1)), esc(c.label), esc(c.parent), num(`${c.subjects} / ${c.applicable}`), num(c.share), num(`${c.averageLost}（满分${c.max}）`)]),
        "common",
      )
    : '<p class="muted">按上述标准，本次考核没有共性问题。</p>';
  return section("page common", "common", `<h2>共性问题</h2>\n${rule}\n${body}`);
}

function sheet(m: ReportModel, s: Sheet, index: number, charts: ChartLibrary): string {
  const facts: [string, string, string?][] = [
    ["单位", s.name],
    ["编号", s.id],
    [m.groupLabel ?? "分组", s.group ?? "—"],
    ["得分", `${s.score}${s.max ? `（满分${s.max}）` : ""}`],
    ["等次", s.grade, "grade"],
    ["总排名", s.rank],
    ["组内排名", s.groupRank ?? "—"],
    ["处理", s.actions.length ? s.actions.join("、") : "无"],
  ];
  const factsHtml = `<div class="facts">${facts.map(([k, v, cls]) => `<div class="fact"><span class="k">${esc(k)}</span><span class="v${cls ? ` ${cls}` : ""}">${esc(v)}</span></div>`).join("")}</div>`;
  const moves = s.adjustments.length
    ? `<div class="box"><b>等次调整：</b>${s.adjustments.map(esc).join("；")}${s.rawGrade ? `<span class="muted">（初定等次"${esc(s.rawGrade)}"）</span>` : ""}</div>`
    : "";
  // The legend matches the chart: lines for a radar, blocks for bars (fewer than three parts).
  const shape = s.portrait.length >= 3 ? "line" : "block";
  const legend = `<div class="legend small"><span class="key ${shape} unit"></span>本单位　<span class="key ${shape} average"></span>平均</div>`;
  const portrait = `<div class="portrait"><div class="chart" data-chart="portrait">${portraitChart(charts, s.portrait, m.portraitFrom)}${legend}</div>${table(
    ["组成部分", "得分 / 满分", "得分率", "平均"],
    s.portrait.map((a) => [esc(a.label), num(`${a.points} / ${a.max}`), num(a.share === null ? "—" : `${a.share}%`), num(`${a.average}%`)]),
    "portrait",
  )}</div>`;
  const problems = s.problems.length
    ? table(
        ["指标", "得分 / 分值", "失分", "平均分"],
        s.problems.map((p) => [esc(p.label), num(`${p.points} / ${p.max}`), num(p.lost), num(p.average)]),
        "problems",
      )
    : '<p class="muted">无（没有失分且得分不高于平均的指标）。</p>';
  const highlights = s.highlights.length
    ? table(
        ["指标", "得分 / 分值", "依据", "平均分"],
        s.highlights.map((h) => [esc(h.label), num(`${h.points} / ${h.max}`), nowrap(h.basis ?? ""), num(h.average)]),
        "highlights",
      )
    : '<p class="muted">无（没有高于平均且为满分或全体最高的指标）。</p>';
  const follow = [
    `<p>${esc(s.next)}</p>`,
    s.tier ? `<p>类别：${esc(s.tier)}</p>` : "",
    s.common.length ? `<p class="small">涉及共性问题：${s.common.slice(0, SHEET_COMMON).map(esc).join("、")}${s.common.length > SHEET_COMMON ? `等${s.common.length}项` : ""}</p>` : "",
  ].join("");
  return section(
    "page sheet",
    `sheet-${index + 1}`,
    [
      "<h1>考核结果反馈单</h1>",
      `<div class="sub">${esc(`${m.name}（${m.year}年度）`)}</div>`,
      factsHtml,
      moves,
      `<h3>画像：各组成部分得分率${m.portraitFrom > 0 ? `<span class="muted small">（刻度自${m.portraitFrom}%起）</span>` : ""}</h3>`,
      portrait,
      "<h3>个性问题</h3>",
      problems,
      "<h3>亮点</h3>",
      highlights,
      "<h3>等次提升</h3>",
      follow,
      '<p class="muted small" style="margin-top:3mm">说明：个性问题指本单位失分且得分不高于全体平均的指标，按折合总分的失分排列；亮点指本单位高于全体平均、且为满分或全体最高的指标。</p>',
    ]
      .filter((x) => x !== "")
      .join("\n"),
  );
}

/** 共性问题 named on a 反馈单 (the rest are counted): the sheet stays one page. */
const SHEET_COMMON = 6;

/** The reasons of a ranking row: one sentence per line. */
function reasons(r: RankRow): string {
  return r.adjustments.map(esc).join("<br>");
}

function section(cls: string, id: string, body: string): string {
  return `<section class="${cls}" id="${id}">\n${body}\n</section>`;
}

/**
 * A table; header texts are escaped here, cells arrive as HTML (escaped by the caller).
 * With `widths` (percent per column) the layout is fixed, so that tables of one kind line up.
 */
function table(header: readonly string[], rows: readonly (readonly string[])[], name: string, widths?: readonly number[]): string {
  const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join("")}</colgroup>` : "";
  const head = `<thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c) => (c.startsWith("<td") ? c : `<td>${c}</td>`)).join("")}</tr>`).join("\n")}</tbody>`;
  return `<table data-table="${name}"${widths ? ' class="fixed"' : ""}>${cols}${head}\n${body}</table>`;
}

/** A right-aligned number cell. */
function num(text: string): string {
  return `<td class="num">${esc(text)}</td>`;
}

function nowrap(text: string): string {
  return `<td class="nowrap">${esc(text)}</td>`;
}
