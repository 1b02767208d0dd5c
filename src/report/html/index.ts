/** The printable report: 考核结果通报 and one 反馈单 per unit, as one self-contained HTML file. */
export { buildReportHtml } from "./render.js";
export type { ChartInstance, ChartLibrary, ReportInput } from "./render.js";
export { reportModel } from "./model.js";
export type { ReportModel, Sheet, RankRow } from "./model.js";
export { escapeHtml } from "./text.js";
