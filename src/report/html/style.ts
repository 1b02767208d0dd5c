/**
 * The report's stylesheet: A4 pages, one 反馈单 per printed page, Chinese fonts found on
 * a stock Debian (Noto Sans CJK SC from fonts-noto-cjk, WenQuanYi) or Windows (Microsoft
 * YaHei, SimSun) machine, declared as a fallback list.
 */

/** Sans-serif for text, the fallback list the report declares. */
export const FONT_STACK = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "微软雅黑", "PingFang SC", "SimSun", "宋体", sans-serif`;

/** Serif for titles (公文 style), falling back to the sans list. */
export const TITLE_FONTS = `"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", "Songti SC", ${FONT_STACK}`;

export const STYLE = `
@page { size: A4; margin: 14mm 15mm 14mm 15mm; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 10.5pt; line-height: 1.55; color: #1b1b1b; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1, h2, h3 { font-family: ${TITLE_FONTS}; font-weight: 700; margin: 0; }
h1 { font-size: 22pt; color: #b3261e; text-align: center; letter-spacing: 0.08em; line-height: 1.35; text-wrap: balance; }
h2 { font-size: 15pt; color: #b3261e; border-bottom: 2px solid #b3261e; padding-bottom: 1.5mm; margin: 0 0 4mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; color: #222; }
p { margin: 0 0 2mm; }
p, td, th, li, h1, h2, h3, dd, dt, .fact { overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
th, td { border: 1px solid #9a9a9a; padding: 1mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #f3e3e1; font-weight: 700; white-space: nowrap; }
thead { display: table-header-group; }
table.fixed { table-layout: fixed; }
table.fixed th { white-space: normal; overflow-wrap: anywhere; }
table[data-table="ranking"], table[data-table="group-ranking"] { font-size: 9pt; }
table[data-table="ranking"] td, table[data-table="group-ranking"] td { padding: 0.6mm 1.4mm; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
.muted { color: #666; }
.small { font-size: 9pt; }
.chart { text-align: center; margin: 2mm 0; }
.chart svg { max-width: 100%; height: auto; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { margin: 0 0 1mm; }

/* cover */
.cover .org { text-align: center; color: #b3261e; font-family: ${TITLE_FONTS}; font-size: 13pt; letter-spacing: 0.3em; margin: 6mm 0 2mm; }
.cover h1 { margin: 4mm 0 2mm; }
.cover .sub { text-align: center; font-size: 12pt; margin-bottom: 3mm; }
.cover .rule { border-top: 3px solid #b3261e; border-bottom: 1px solid #b3261e; height: 5px; margin: 3mm 0 5mm; }
.cover .summary { display: flex; justify-content: center; gap: 8mm; margin: 2mm 0 3mm; flex-wrap: wrap; }
.cover .summary div { text-align: center; min-width: 26mm; }
.cover .summary b { display: block; font-size: 18pt; color: #b3261e; line-height: 1.2; }

/* 反馈单 */
.sheet h1 { font-size: 16pt; margin-bottom: 0.5mm; }
.sheet .sub { text-align: center; color: #444; margin-bottom: 2.5mm; }
.facts { display: grid; grid-template-columns: repeat(4, 1fr); border: 1px solid #9a9a9a; border-right: 0; border-bottom: 0; margin-bottom: 2mm; }
.fact { border-right: 1px solid #9a9a9a; border-bottom: 1px solid #9a9a9a; padding: 0.8mm 2mm; min-width: 0; }
.fact .k { display: block; color: #666; font-size: 8pt; line-height: 1.3; }
.fact .v { display: block; font-size: 11pt; font-weight: 700; line-height: 1.4; }
.fact .v.grade { color: #b3261e; }
.portrait { display: flex; gap: 4mm; align-items: center; }
.portrait .chart { flex: 0 0 auto; margin: 0; }
.portrait table { flex: 1 1 auto; }
.sheet table { font-size: 9pt; }
.sheet td, .sheet th { padding: 0.7mm 1.6mm; }
.sheet h3 { margin: 2.5mm 0 1mm; font-size: 11pt; }
.sheet p { margin: 0 0 1mm; }
.legend { text-align: center; color: #333; }
.legend .key { display: inline-block; width: 18px; vertical-align: middle; margin-right: 1.5mm; }
.legend .key.line { height: 0; }
.legend .key.line.unit { border-top: 2px solid #b3261e; }
.legend .key.line.average { border-top: 2px dashed #7a7a7a; }
.legend .key.block { height: 10px; }
.legend .key.block.unit { background: #b3261e; }
.legend .key.block.average { background: #bdbdbd; }
.box { border-left: 3px solid #b3261e; background: #fbf3f2; padding: 1.5mm 3mm; margin: 1mm 0; }

@media screen {
  body { background: #e6e6e6; padding: 6mm 0; }
  .page { width: 210mm; min-height: 297mm; margin: 0 auto 6mm; background: #fff; padding: 14mm 15mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
}
@media print {
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .page + .page { break-before: page; }
  .sheet { break-inside: avoid; }
}
`;
