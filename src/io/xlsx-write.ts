/**
 * `kaohe score --format xlsx --out results.xlsx`: the results as a workbook to hand
 * on, in Chinese. Per rubric, seven sheets:
 *
 * - 汇总: 排名, 编号, 单位, 分组, 组内排名, 得分, 等次, (类别), 调整及原因, 处理;
 * - 逐项得分: one column per item (the leaves of the tree, in tree order) with its points;
 * - 逐项失分: the same layout with the points lost (满分 − 得分), beside 总失分: a second
 *   sheet rather than a second block of columns, so each sheet reads across one
 *   measure and both freeze the same columns;
 * - 分布: the grade counts and shares, overall (全部) and per group;
 * - 共性问题: the items where at least commonShare of the graded subjects lost at least
 *   commonLoss of the item's points (the thresholds the feedback states);
 * - 问题清单: per subject, its 共性问题 (the common items it lost points on) and its
 *   个性问题 (its largest losses, common items left out), each with the points lost;
 * - 说明: the rubric, the data file, the thresholds, what the columns mean.
 *
 * With several rubrics (a linked set), each gets its own sheets, numbered in evaluation
 * order (1-汇总, 1-逐项得分, ..., 2-汇总, ...); 说明 lists which number is which rubric.
 * Every sheet has a title row (the rubric's name and the sheet's subject) above a
 * frozen header row. The 单位 and 分组 columns are headed by the rubric's subject and
 * group labels when it declares them (子分公司党委书记, 板块).
 *
 * Numbers (ranks, points, counts, shares) are number cells with the rubric's places as
 * their format (places 2 → 0.00; shares 0.0%): Excel can sum and sort them. A number
 * cell is a binary double, so a score is exact to 15 significant digits, as Excel
 * holds every number. Text cells are strings, which Excel and LibreOffice never
 * evaluate when opening the file; but a string starting with = + - @ (also after
 * leading spaces) would run as a formula once someone re-enters the cell or saves the
 * sheet as CSV, so it gets a leading apostrophe, as in the CSV output (exceljs cannot
 * set Excel's hidden quotePrefix instead). Column widths fit the longest cell, a CJK
 * character counting as two (string-width), between 6 and 50; longer text wraps.
 */
import { displayWidth } from "./display-width.js";
import type { CompiledRubric, RubricResult, SubjectResult } from "../index.js";
import type { Adjustment } from "../report/result.js";
import type { Feedback } from "../report/feedback.js";
import { gradeLabel } from "../report/explain.js";
import { safeCell } from "../cli/csv.js";
import { dec, format, parseDecimal, type Dec } from "../decimal/decimal.js";
import { itemColumns } from "./score-csv.js";
import { writeWorkbookSync } from "./xlsx-sync.js";
import type { ColumnSpec, SheetSpec, WorkbookSpec } from "./xlsx-worker.js";

export interface ResultsEntry {
  readonly rubric: CompiledRubric;
  readonly result: RubricResult;
  readonly feedback: Feedback;
}

export interface WorkbookOptions {
  /** The data file's name, shown in 说明. */
  readonly dataFile?: string;
}

type Cell = string | number | null;

interface Column {
  readonly header: string;
  readonly numFmt?: string;
  readonly wrap?: boolean;
  /** Narrower than MAX_WIDTH: the header wraps (item columns). */
  readonly maxWidth?: number;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
/** Points per line of 11-point text (CJK glyphs included); Excel's highest row is 409 points. */
const LINE_HEIGHT = 15;
const MAX_HEIGHT = 409;

/** Fit each column to its header and cells (the filter button takes two more). */
function fitted(columns: readonly Column[], rows: readonly (readonly Cell[])[], filter: boolean): ColumnSpec[] {
  return columns.map((c, i) => {
    // A loop, not Math.max(...rows): a large sheet has too many rows for one call's arguments.
    let widest = displayWidth(c.header) + (filter ? 2 : 0);
    for (const r of rows) if (r[i] !== null && r[i] !== undefined) widest = Math.max(widest, displayWidth(String(r[i])));
    const width = Math.min(c.maxWidth ?? MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
    return { header: c.header, width, ...(c.numFmt ? { numFmt: c.numFmt } : {}), ...(c.wrap || widest + 2 > width ? { wrap: true } : {}) };
  });
}

/** Lines a text takes in a wrapping column of `width`. */
export function wrappedLines(text: string, width: number): number {
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))), 0);
}

/**
 * The height of a row whose wrapping cells need more than one line, else null (the
 * default height). Set explicitly: LibreOffice does not grow such rows on opening.
 */
function heightOf(cells: readonly Cell[], columns: readonly ColumnSpec[]): number | null {
  const lines = Math.max(1, ...cells.map((c, i) => (typeof c === "string" && columns[i]?.wrap ? wrappedLines(c, columns[i].width) : 1)));
  return lines > 1 ? Math.min(MAX_HEIGHT, lines * LINE_HEIGHT) : null;
}

function sheet(name: string, title: string, columns: readonly Column[], rows: readonly (readonly Cell[])[], freezeColumns: number, more: { autoFilter?: boolean; landscape?: boolean; fitWidth?: boolean } = {}): SheetSpec {
  const filter = more.autoFilter ?? true;
  const cells = rows.map((r) => r.map((c) => (typeof c === "string" ? safeCell(c) : c)));
  const specs = fitted(columns, cells, filter);
  const header = Math.max(1, ...specs.map((c) => wrappedLines(c.header + (filter ? "  " : ""), c.width)));
  return {
    name,
    title,
    columns: specs,
    rows: cells,
    rowHeights: cells.map((r) => heightOf(r, specs)),
    ...(header > 1 ? { headerHeight: Math.min(MAX_HEIGHT, header * LINE_HEIGHT) } : {}),
    freezeColumns,
    autoFilter: filter,
    landscape: more.landscape ?? true,
    ...(more.fitWidth === false ? { fitWidth: false } : {}),
  };
}

/** A decimal string as a number cell (Excel holds doubles: exact to 15 significant digits). */
const num = (text: string): number => Number(text);

/** Number format for the rubric's places: 2 → 0.00, 0 → 0; none declared: General. */
export function placesFormat(places: number | undefined): string | undefined {
  if (places === undefined) return undefined;
  return places === 0 ? "0" : `0.${"0".repeat(places)}`;
}


/**
 * One adjustment as a sentence: 因“严重违规违纪”由“好”降为“较好”; a quota names its
 * limit and the rank: 因“好”等次名额限制（全部90个中至多45个，排名第55）由“好”降为“较好”;
 * an exclusion: 因“…”不参加等次评定. Chinese quotation marks, so that the straight
 * quotes of a rubric's reason ("优秀") stay distinct from the sentence's own.
 */
export function adjustmentSentence(result: RubricResult, u: SubjectResult, a: Adjustment): string {
  const from = gradeLabel(result, a.from);
  const to = gradeLabel(result, a.to);
  const change = a.from === null ? `定为“${to}”` : `由“${from}”降为“${to}”`;
  switch (a.kind) {
    case "exclusion":
      return `因“${a.reason}”不参加等次评定`;
    case "quota": {
      const n = a.numbers;
      const scope = n.scope === "all" ? "全部" : `${u.group ?? ""}组`;
      return `因“${from}”等次名额限制（${scope}${String(n.scopeSize)}个中至多${String(n.limit)}个，排名第${String(n.rank)}）${change}`;
    }
    case "veto":
    case "downgrade":
    case "cap":
      return `因“${a.reason}”${change}`;
  }
}

/** At most 4 decimals, trailing zeros dropped: 2.5, 0.3333. */
const short = (d: Dec) => format(d.toDecimalPlaces(4));

/** 三会一课（失2分） */
const lossText = (label: string, lost: string) => `${label}（失${short(dec(lost))}分）`;

/** A share as a number cell: the exact quotient to 6 decimals (shown as 0.0%). */
const shareCell = (count: number, of: number): Cell => (of === 0 ? null : num(format(dec(count).div(of).toDecimalPlaces(6))));

interface Layout {
  readonly prefix: string;
  readonly title: (what: string) => string;
  readonly unitHeader: string;
  readonly groupHeader: string;
  readonly hasNames: boolean;
  readonly hasGroups: boolean;
  readonly pointsFormat: string | undefined;
}

function layoutOf(entry: ResultsEntry, index: number, several: boolean): Layout {
  const { rubric, result } = entry;
  const name = rubric.name.includes(String(rubric.year)) ? rubric.name : `${rubric.name}（${rubric.year}年度）`;
  return {
    prefix: several ? `${index + 1}-` : "",
    title: (what) => `${name} ${what}`,
    unitHeader: rubric.subjectLabel ?? "单位",
    groupHeader: rubric.groupLabel ?? "分组",
    hasNames: result.units.some((u) => u.name !== undefined),
    hasGroups: result.units.some((u) => u.group !== undefined),
    pointsFormat: placesFormat(rubric.rounding?.places),
  };
}

/** The identity columns every per-subject sheet starts with: 排名, 编号, 单位, 分组. */
function identity(l: Layout): { columns: Column[]; cells: (u: SubjectResult) => Cell[] } {
  return {
    columns: [{ header: "排名", numFmt: "0" }, { header: "编号" }, ...(l.hasNames ? [{ header: l.unitHeader }] : []), ...(l.hasGroups ? [{ header: l.groupHeader }] : [])],
    cells: (u) => [u.rank, u.id, ...(l.hasNames ? [u.name ?? ""] : []), ...(l.hasGroups ? [u.group ?? ""] : [])],
  };
}

function summarySheet(entry: ResultsEntry, l: Layout): SheetSpec {
  const { result } = entry;
  const id = identity(l);
  const hasTiers = result.units.some((u) => u.tier !== null);
  const columns: Column[] = [
    ...id.columns,
    ...(l.hasGroups ? [{ header: "组内排名", numFmt: "0" }] : []),
    { header: "得分", ...(l.pointsFormat ? { numFmt: l.pointsFormat } : {}) },
    { header: "等次" },
    ...(hasTiers ? [{ header: "类别" }] : []),
    { header: "调整及原因", wrap: true },
    { header: "处理", wrap: true },
  ];
  const rows = result.units.map((u) => [
    ...id.cells(u),
    ...(l.hasGroups ? [u.groupRank] : []),
    num(u.score),
    gradeLabel(result, u.grade),
    ...(hasTiers ? [u.tier ? `${u.tier.label}${u.tier.followUp ? `（${u.tier.followUp}）` : ""}` : ""] : []),
    u.adjustments.map((a) => adjustmentSentence(result, u, a)).join("；"),
    u.actions.map((a) => a.label).join("、"),
  ]);
  return sheet(`${l.prefix}汇总`, l.title("考核结果汇总"), columns, rows, id.columns.length);
}

/** Item columns hold short numbers: a long label wraps in the header instead of widening the sheet. */
const ITEM_WIDTH = 14;

function itemSheets(entry: ResultsEntry, l: Layout): SheetSpec[] {
  const { rubric, result } = entry;
  const id = identity(l);
  const items = itemColumns([rubric]);
  const fmt = l.pointsFormat ? { numFmt: l.pointsFormat } : {};
  const build = (name: string, title: string, total: string, value: (n: SubjectResult["nodes"][number]) => string, totalOf: (u: SubjectResult) => Cell) => {
    const columns: Column[] = [...id.columns, { header: total, ...fmt }, ...items.map((c) => ({ header: c.header, maxWidth: ITEM_WIDTH, ...fmt }))];
    const rows = result.units.map((u) => {
      const nodes = new Map(u.nodes.map((n) => [n.id, n]));
      return [...id.cells(u), totalOf(u), ...items.map((c) => (nodes.has(c.item) ? num(value(nodes.get(c.item)!)) : null))];
    });
    // Wide: printed across pages rather than shrunk to one page's width.
    return sheet(`${l.prefix}${name}`, l.title(title), columns, rows, id.columns.length, { fitWidth: columns.length <= 12 });
  };
  return [
    build("逐项得分", "逐项得分", "得分", (n) => n.points, (u) => num(u.score)),
    build("逐项失分", "逐项失分（满分减得分）", "总失分", (n) => n.lost, (u) => {
      const root = u.nodes.find((n) => n.depth === 0);
      return root ? num(root.lost) : null;
    }),
  ];
}

function distributionSheet(entry: ResultsEntry, l: Layout): SheetSpec {
  const { result } = entry;
  const scopes: { name: string; units: readonly SubjectResult[] }[] = [{ name: "全部", units: result.units }];
  if (l.hasGroups) {
    const groups = new Map<string, SubjectResult[]>();
    for (const g of Object.keys(result.summary.byGroup ?? {})) groups.set(g, []);
    for (const u of result.units) if (u.group !== undefined) (groups.get(u.group) ?? groups.set(u.group, []).get(u.group)!).push(u);
    for (const [name, units] of groups) scopes.push({ name, units });
  }
  const hasExcluded = result.units.some((u) => u.grade === null);
  const columns: Column[] = [
    { header: "范围" },
    ...result.grades.map((g) => ({ header: gradeLabel(result, g), numFmt: "0" })),
    ...(hasExcluded ? [{ header: "不定等次", numFmt: "0" }] : []),
    { header: "合计", numFmt: "0" },
    ...result.grades.map((g) => ({ header: `${gradeLabel(result, g)}占比`, numFmt: "0.0%" })),
  ];
  const rows = scopes.map(({ name, units }) => {
    const graded = units.filter((u) => u.grade !== null).length;
    const counts = result.grades.map((g) => units.filter((u) => u.grade === g).length);
    return [name, ...counts, ...(hasExcluded ? [units.length - graded] : []), units.length, ...counts.map((c) => shareCell(c, graded))];
  });
  return sheet(`${l.prefix}分布`, l.title("等次分布（占比为占已定等次者的比例）"), columns, rows, 1, { autoFilter: false, landscape: false });
}

/** The thresholds that made the 共性问题, as the feedback states them (rubric, or --common). */
function commonRuleText(entry: ResultsEntry): string {
  const percent = (share: string) => `${short(parseDecimal(share)!.times(100))}%`;
  const { commonShare, commonLoss } = entry.feedback.threshold;
  const loss = parseDecimal(commonLoss)!.isZero() ? "失分" : `失分达到分值的${percent(commonLoss)}`;
  return `已定等次对象中至少${percent(commonShare)}在该项${loss}`;
}

function commonSheet(entry: ResultsEntry, l: Layout, options: WorkbookOptions): SheetSpec {
  const fmt = l.pointsFormat ? { numFmt: l.pointsFormat } : {};
  const columns: Column[] = [
    { header: "序号", numFmt: "0" },
    { header: "指标" },
    { header: "失分对象数", numFmt: "0" },
    { header: "占比", numFmt: "0.0%" },
    { header: "平均失分", ...fmt },
    { header: "折合总分平均失分", ...fmt },
  ];
  const rows = entry.feedback.common.map((c, i) => [i + 1, c.label, c.subjects, num(c.share), num(c.averageLost), num(c.averageLostInTotal)]);
  return sheet(`${l.prefix}共性问题`, l.title(`共性问题（${commonRuleText(entry)}）`), columns, rows, 2, { landscape: false });
}

function problemSheet(entry: ResultsEntry, l: Layout): SheetSpec {
  const { result, feedback } = entry;
  const id = identity(l);
  const common = new Set(feedback.common.map((c) => c.item));
  const byId = new Map(feedback.subjects.map((f) => [f.id, f]));
  const columns: Column[] = [...id.columns, { header: "等次" }, { header: "共性问题", wrap: true }, { header: "个性问题", wrap: true }];
  const rows = result.units.map((u) => {
    const nodes = new Map(u.nodes.map((n) => [n.id, n]));
    const mine = feedback.common.flatMap((c) => {
      const node = nodes.get(c.item);
      return node && dec(node.lost).gt(0) ? [lossText(c.label, node.lost)] : [];
    });
    const own = (byId.get(u.id)?.problems ?? []).filter((p) => !common.has(p.item)).map((p) => lossText(p.label, p.lost));
    return [...id.cells(u), gradeLabel(result, u.grade), mine.join("；"), own.join("；")];
  });
  return sheet(`${l.prefix}问题清单`, l.title("问题清单"), columns, rows, id.columns.length);
}

function notesSheet(entries: readonly ResultsEntry[], layouts: readonly Layout[], options: WorkbookOptions): SheetSpec {
  const rows: Cell[][] = [];
  entries.forEach((e, k) => {
    const { rubric, result } = e;
    const l = layouts[k]!;
    const head = entries.length > 1 ? `考核 ${k + 1}` : "考核";
    rows.push([head, `${rubric.name}（${rubric.id}，版本 ${rubric.version}，${rubric.year}年度）`]);
    if (entries.length > 1) rows.push(["", `工作表 ${["汇总", "逐项得分", "逐项失分", "分布", "共性问题", "问题清单"].map((s) => l.prefix + s).join("、")}`]);
    rows.push(["", `对象 ${result.summary.count} 个：定等次 ${result.summary.graded} 个${result.summary.excluded ? `，不定等次 ${result.summary.excluded} 个` : ""}`]);
    rows.push(["", `得分${rubric.rounding ? `保留 ${rubric.rounding.places} 位小数` : "不舍入（单元格显示 Excel 的常规格式）"}；共性问题：${commonRuleText(e)}；个性问题：每个对象失分（折合总分）最多的 ${rubric.feedback.problems} 项中的非共性问题`]);
  });
  if (options.dataFile) rows.push(["数据", options.dataFile]);
  rows.push(["排名", "按得分从高到低；不定等次者排在最后，不排名"]);
  rows.push(["失分", "满分减得分；逐项失分表的总失分为总分满分减得分"]);
  rows.push(["调整及原因", "规则与名额对等次的调整，如：因“…”由“好”降为“较好”"]);
  rows.push(["数值", "排名、得分、失分、人数与占比均为数值单元格，可直接排序与计算；以 = + - @ 开头的文字前加了撇号（'），以免被当作公式"]);
  rows.push(["生成", "kaohe（党建考核评分工具）"]);
  return sheet("说明", "说明", [{ header: "项目" }, { header: "内容", wrap: true }], rows, 0, { autoFilter: false, landscape: false });
}

/**
 * The results workbook's description: sheets, columns, cells (pure; rendered by
 * xlsx-worker.js).
 *
 * @param entries - each rubric with its result and feedback, in evaluation order
 * @param options - the data file's name and the --common share, for 说明
 */
export function resultsWorkbookSpec(entries: readonly ResultsEntry[], options: WorkbookOptions = {}): WorkbookSpec {
  const several = entries.length > 1;
  const layouts = entries.map((e, k) => layoutOf(e, k, several));
  const sheets = entries.flatMap((e, k) => {
    const l = layouts[k]!;
    return [summarySheet(e, l), ...itemSheets(e, l), distributionSheet(e, l), commonSheet(e, l, options), problemSheet(e, l)];
  });
  return { creator: "kaohe", sheets: [...sheets, notesSheet(entries, layouts, options)] };
}

/**
 * The results workbook as .xlsx bytes.
 *
 * @param entries - each rubric with its result and feedback
 * @param options - the data file's name and the --common share
 * @returns the file's bytes
 */
export function resultsWorkbook(entries: readonly ResultsEntry[], options: WorkbookOptions = {}): Uint8Array {
  return writeWorkbookSync(resultsWorkbookSpec(entries, options));
}
