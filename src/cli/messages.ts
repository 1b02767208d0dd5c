/**
 * The CLI's own messages (usage errors, file problems, notes, summary lines), in
 * English; messages.zh-CN.ts holds the same keys in Chinese. Issues keep their own
 * tables (diagnostics/messages*.ts). A CliError carries a key and params, and main
 * renders it in the locale of the run.
 */
import type { Locale } from "../diagnostics/locale.js";
import { list, q, s, type Params, type Template } from "../diagnostics/template.js";
import { CLI_ZH } from "./messages.zh-CN.js";

export const CLI_EN = {
  // main
  "unknown-command": (p: Params) => `kaohe: unknown command ${q(p.command)}; run kaohe --help`,
  "unknown-option": (p: Params) => `unknown option ${s(p.option)}; see kaohe ${s(p.command)} --help`,
  "option-value": (p: Params) => `option ${s(p.option)} needs a value`,
  "option-no-value": (p: Params) => `option ${s(p.option)} takes no value`,
  "unexpected-argument": (p: Params) => `unexpected argument ${q(p.argument)}; see kaohe ${s(p.command)} --help`,
  "bad-lang": (p: Params) => `--lang must be zh or en, got ${q(p.received)}`,
  "schema-args": (p: Params) => `schema takes no arguments, got ${s(p.args, " ")}; see --help`,
  "more-problems": (p: Params) => `… and ${s(p.count)} more problem(s)`,
  internal: (p: Params) => `internal error: ${s(p.message)} (please report it)`,
  "need-rubric": () => "give a rubric file or a scheme folder; see --help",
  "problems-in-data": (p: Params) => `${s(p.count)} problem(s) in ${s(p.file)}`,
  "note-gbk": (p: Params) => `note: ${p.file === "-" ? "stdin" : s(p.file)} is not UTF-8; read as GBK`,
  "no-such-path": (p: Params) => `cannot open ${s(p.path)}: no such file or folder`,
  "one-data-file": (p: Params) => `give one data file, got ${s(p.files)}`,
  "no-example": () => "give a data file (CSV, .xlsx or JSON); the folder has no example.csv",
  "bad-common": (p: Params) => `--common must be a share from 0% to 100% (e.g. 30% or 0.3), got ${s(p.received)}`,
  "bad-format": (p: Params) => `--format must be table, json, csv or xlsx, got ${s(p.received)}`,
  "bad-format-text": (p: Params) => `--format must be text or json, got ${s(p.received)}`,
  "bad-format-draw": (p: Params) => `--format must be table, json or csv, got ${s(p.received)}`,
  "bad-format-hash-only": (p: Params) => `--format must be table or json with --hash-only, got ${s(p.received)}`,
  "xlsx-needs-out": () => "--format xlsx writes a workbook: give --out FILE.xlsx",
  "bom-csv-only": () => "--bom applies to --format csv",
  "items-csv-only": (p: Params) => `--items applies to --format csv${p.xlsx ? " (the workbook always has the items)" : ""}`,
  "option-shapes": (p: Params) => {
    const options = list(p.options);
    return `${options.join(", ")} ${options.length > 1 ? "shape" : "shapes"} the JSON output; ${options.length > 1 ? "they do" : "it does"} not apply to --format ${s(p.format)}`;
  },
  "option-elsewhere": (p: Params) => `${s(p.option)} does not apply to ${s(p.command)} (it is an option of ${s(p.commands)}); see kaohe ${s(p.command)} --help`,
  "hash-only-extra": (p: Params) => {
    const extra = [...(list(p.files).length > 0 ? [`the data file ${s(p.files, " ")}`] : []), ...list(p.options)];
    return `--hash-only prints the seed's SHA-256 and draws nothing: ${extra.join(", ")} ${extra.length > 1 ? "do" : "does"} not apply`;
  },
  "hash-only-seed": () => "give --seed TEXT: --hash-only prints its SHA-256",
  "note-header-row": (p: Params) =>
    `note: ${p.file === "-" ? "stdin" : s(p.file)}: sheet "${s(p.sheet)}", header on row ${s(p.row)} (found by its columns; --header-row N says where)`,
  "xlsx-option-not-workbook": (p: Params) => `${s(p.option)} applies to .xlsx data; ${s(p.name)} is not a workbook`,
  "report-finals": (p: Params) => `the set has ${s(p.count)} final rubrics (${s(p.rubrics)}); choose one with --rubric ID`,
  "report-no-rubric": (p: Params) => `no rubric ${q(p.id)} in the set; it has ${s(p.rubrics)}`,
  "bad-problems": (p: Params) => `--problems must be a whole number, got ${q(p.received)}`,
  "out-needs-name": () => "--out needs a file name",
  "validate-ok": (p: Params) =>
    `ok: ${(p.rubrics as { id: string; file: string; items: number }[]).map((r) => `${r.id} (${r.file}, ${r.items} items)`).join(", ")}${p.cases ? `; ${s(p.cases)} test case(s)` : ""}${p.warnings ? `; ${s(p.warnings)} warning(s)` : ""}`,
  "test-passed": (p: Params) => `  ✓ ${s(p.name)}`,
  "test-failed": (p: Params) => `  ✗ ${s(p.name)}  (${s(p.where)}rubric ${s(p.rubric)})`,
  "test-difference": (p: Params) => `      ${s(p.path)}: expected ${s(p.expected)}, got ${s(p.actual)}`,
  "test-count": (p: Params) => `${s(p.passed)} passed, ${s(p.failed)} failed`,
  "test-none": () => "kaohe test: no test cases found (add tests: to the rubric or a tests.yaml beside it)",
  "test-some-failed": (p: Params) => `kaohe test: ${s(p.failed)} of ${s(p.total)} case(s) failed`,
  "bad-coverage-min": (p: Params) => `--coverage-min must be a percentage from 0 to 100 (e.g. 90 or 92.5), got ${q(p.received)}`,
  "coverage-title": (p: Params) => `coverage by the hand-computed cases${list(p.skipped).length ? ` (recorded cases not counted: ${s(p.skipped, ", ")})` : ""}:`,
  "coverage-rubric": (p: Params) => `  ${s(p.rubric)}${p.file ? ` (${s(p.file)})` : ""}: ${s(p.percent)}% (${s(p.covered)} of ${s(p.total)}), ${s(p.cases)} case(s)`,
  "coverage-kinds": (p: Params) => `    by kind: ${((p.kinds ?? []) as { kind: string; covered: number; total: number }[]).map((k) => `${COVERAGE_KIND_EN[k.kind] ?? k.kind} ${k.covered}/${k.total}`).join(", ")}`,
  "coverage-uncovered": (p: Params) => `    ${s(p.where)}  ${coverageTextEn(p)}`,
  "coverage-overall": (p: Params) => `coverage ${s(p.percent)}% (${s(p.covered)} of ${s(p.total)} targets)`,
  "coverage-below": (p: Params) => `kaohe test: coverage ${s(p.percent)}% is below --coverage-min ${s(p.min)}%`,
  "need-unit": () => "give --unit ID",
  "no-subject": (p: Params) => `no subject ${q(p.id)} in the data`,
  "no-rubric-id": (p: Params) => `no rubric ${q(p.id)} in the set`,
  "draw-one-file": () => "give one data file (CSV, .xlsx or JSON, or - for stdin)",
  "draw-count": (p: Params) => `give --count N (a whole number, at least 1)${p.received !== undefined ? `, got ${q(p.received)}` : ""}`,
  "draw-seed": () => "give --seed TEXT; kaohe never draws without a seed",
  "draw-row-missing": (p: Params) => `${s(p.at)}: the row has no ${q(p.column)}`,
  "draw-too-many": (p: Params) => `cannot draw ${s(p.count)} from ${s(p.size)} candidates`,
  "draw-key-twice": (p: Params) => `candidate key ${q(p.key)} appears twice`,
  "draw-seed-hash": (p: Params) => `seed SHA-256: ${s(p.hash)}`,
  "draw-strata": (p: Params) => `strata (${s(p.by)}): ${(p.strata as { name: string; drawn: number; size: number }[]).map((x) => `${x.name} ${x.drawn}/${x.size}`).join(", ")}`,
  // diff and set-aside columns
  "diff-two-rubrics": (p: Params) => `give the old and the new rubric (a .yaml file or a scheme folder each), then optionally the data; got ${list(p.rubrics).length} rubric path(s)${list(p.rubrics).length ? `: ${s(p.rubrics)}` : ""}`,
  "diff-order": (p: Params) => `the old and the new rubric come first, then the data; ${q(p.argument)} is not a rubric (a .yaml file or a folder)`,
  "diff-unmatched": (p: Params) =>
    `cannot pair the rubrics: ${list(p.before).length ? `only in the old version ${s(p.before)}` : "none only in the old version"}, ${list(p.after).length ? `only in the new version ${s(p.after)}` : "none only in the new version"}; rubrics are paired by id, the others in the order given when both sides have as many`,
  "diff-bad-format": (p: Params) => `--format must be table or json, got ${s(p.received)}`,
  "note-diff-no-data": () => "note: no data file and no example.csv in the folders: the structural change only",
  "note-set-aside": (p: Params) => `note: ${s(p.rubric)}: set aside the data column(s) ${list(p.columns).map((c) => q(c)).join(", ")} (${p.why === "ignore" ? "--ignore" : `declared by ${s(p.by)}`})`,
  "note-folder-unloadable": (p: Params) => `note: ${s(p.file)} does not load; its columns are not set aside`,
  "ignore-read": (p: Params) => `--ignore: ${q(p.column)} is read by ${s(p.rubric)}; only a column no rubric reads can be set aside`,
  "ignore-empty": () => "--ignore needs column names, separated by commas (e.g. --ignore l5b,经营指标得分)",
  "report-compare-no-rubric": (p: Params) => `--compare: no rubric of ${s(p.path)} pairs with ${q(p.id)} (by id, or as the only one); it has ${s(p.rubrics)}`,
  // load
  "not-regular-file": (p: Params) => `cannot read ${s(p.file)}: not a regular file (a rubric is a .yaml file)`,
  "no-rubric-found": (p: Params) => `no rubric found in ${s(p.paths)} (a rubric is a .yaml file with "kaohe: 1")`,
  "problems-in-rubric": (p: Params) => `${s(p.count)} problem(s) in the rubric`,
  "problems-in-tests": (p: Params) => `${s(p.count)} problem(s) in the test files`,
  "data-empty": (p: Params) => `${s(p.name)}: no data (it is empty)`,
  "data-blank": (p: Params) => `${s(p.name)}: no data (only blank space)`,
  "data-bad-json": (p: Params) => `${s(p.name)}: invalid JSON: ${s(p.error)}`,
  "data-not-list": (p: Params) => `${s(p.name)}: expected a JSON list of subject objects (or { "subjects": [...] })`,
  "data-no-subjects": (p: Params) => `${s(p.name)}: no subjects (${p.json ? "the list is empty" : "a header but no rows"})`,
  // xlsx
  "xlsx-old": (p: Params) => `${s(p.name)}: an Excel 97-2003 workbook (.xls) or a password-protected one; in Excel, save it as "Excel Workbook (*.xlsx)" without a password`,
  "xlsx-not-zip": (p: Params) => `${s(p.name)}: not an .xlsx workbook (an .xlsx file is a zip archive; this one is not)`,
  "xlsx-unreadable": (p: Params) => `${s(p.name)}: cannot read the workbook: ${s(p.error)}`,
  "xlsx-no-such-sheet": (p: Params) => `${s(p.file)}: no sheet ${q(p.sheet)}; the sheets are ${list(p.sheets).map((x) => q(x)).join(", ") || "none"}`,
  "xlsx-no-sheet": (p: Params) => `${s(p.file)}: the workbook has no sheet`,
  "xlsx-sheet-empty": (p: Params) => `${s(p.at)}: the sheet is empty`,
  "xlsx-header-cell": (p: Params) => `${s(p.at)}: the header cell holds ${p.error !== undefined ? `the error ${s(p.error)}` : "a formula with no saved result"}`,
  "xlsx-header-row-empty": (p: Params) => `${s(p.at)}: --header-row ${s(p.row)} is an empty row`,
  "xlsx-no-header": (p: Params) =>
    `${s(p.at)}: no header row in rows 1 to ${s(p.rows)}: none holds an id column (${list(p.ids).map((c) => q(c)).join(" or ")})${
      list(p.examples).length ? ` and an input column (such as ${s(p.examples)})` : ""
    }; give the header's row with --header-row N`,
  "xlsx-header-merged": (p: Params) => `${s(p.at)}: the header cell is merged with ${s(p.range)}; give each column its own header`,
  "xlsx-column-twice": (p: Params) => `${s(p.at)}: the column ${q(p.column)} appears twice (also at ${s(p.also)})`,
  "xlsx-value-no-header": (p: Params) => `${s(p.at)}: a value under an empty header cell (${s(p.header)}); name the column or clear the value`,
  "xlsx-no-rows": (p: Params) => `${s(p.at)}: no subjects (a header on row ${s(p.row)} but no rows below it)`,
  "bad-header-row": (p: Params) => `--header-row must be a row number (1 or more), got ${q(p.received)}`,
  // csv
  "csv-utf16": (p: Params) => `${s(p.file)}: the file is UTF-16 (Excel "Unicode Text"); save it as "CSV UTF-8 (Comma delimited)"`,
  "csv-bom-not-utf8": (p: Params) => `${s(p.file)}: the file starts with a UTF-8 byte-order mark but is not UTF-8 (byte ${s(p.byte)} at byte offset ${s(p.offset)})`,
  "csv-not-gbk": (p: Params) =>
    `${s(p.file)}: the file is not UTF-8 (byte ${s(p.byte)} at byte offset ${s(p.offset)}) and not GBK (byte ${s(p.gbkByte)} at byte offset ${s(p.gbkOffset)}); save it as "CSV UTF-8"`,
  "csv-nul": (p: Params) => `${s(p.file)}: NUL byte at byte offset ${s(p.offset)} (a UTF-16 file without byte-order mark?); save it as "CSV UTF-8"`,
  "csv-delimiter": (p: Params) =>
    `${s(p.file)}:1: the columns are separated by ${p.delimiter === "tab" ? "tabs" : '";"'}; kaohe reads comma-separated CSV (in Excel: save as "CSV UTF-8 (Comma delimited)")`,
  "csv-cells": (p: Params) => `${s(p.where)}: the row has ${s(p.cells ?? "a different number of")} cells, the header has ${s(p.header ?? "another number")}`,
  "csv-unclosed": (p: Params) => `${s(p.where)}: a quoted cell is never closed (a " opens a cell but no " ends it)`,
  "csv-opening-quote": (p: Params) => `${s(p.where)}: a quote (") inside an unquoted cell${column(p)}; quote the whole cell and double the inner quote ("4""0")`,
  "csv-closing-quote": (p: Params) => `${s(p.where)}: text follows a closing quote${column(p)}; quote the whole cell and double the inner quote ("a""b")`,
  "csv-other": (p: Params) => `${s(p.where)}: CSV error: ${s(p.error)}`,
  "csv-header-problems": (p: Params) => `${s(p.file)}: ${s(p.count)} problem(s) in the header`,
  // files
  "fs-error": (p: Params) => `${actionEn(p.action)} ${s(p.path)}: ${causeEn(p.code)}`,
  "write-folder": (p: Params) => `cannot write ${s(p.path)}: it is a folder`,
  "write-parent-file": (p: Params) => `cannot write ${s(p.path)}: ${s(p.parent)} is a file, not a folder`,
  "write-no-folder": (p: Params) => `cannot write ${s(p.path)}: the folder ${s(p.dir)} does not exist`,
  "write-part-file": (p: Params) => `cannot write ${s(p.path)}: a part of ${s(p.dir)} is a file, not a folder`,
  "write-denied": (p: Params) => `cannot write ${s(p.path)}: permission denied in the folder ${s(p.dir)}`,
} satisfies Record<string, Template>;

/** An uncovered coverage target in words (p: kind, id, outcome, value, step, side). */
function coverageTextEn(p: Params): string {
  const id = s(p.id);
  const value = s(p.value);
  switch (`${s(p.kind)} ${s(p.outcome)}`) {
    case "band reached":
      return `grade ${id}: no total in its band`;
    case "threshold on":
      return `${id} ${value}: no total exactly on it`;
    case "threshold past":
      return `${id} ${value}: no total just past it (${p.side === "below" ? "below" : "above"} it by at most ${s(p.step)})`;
    case "rule fired":
      return `rule ${id}: never fired`;
    case "rule not-fired":
      return `rule ${id}: never evaluated without firing`;
    case "condition true":
      return `condition ${id}: never true`;
    case "condition false":
      return `condition ${id}: never false`;
    case "quota binding":
      return `quota ${id}: never binding (demoted no one)`;
    case "quota not-binding":
      return `quota ${id}: always binding`;
    case "tie demote":
    case "tie admit":
      return `quota ${id}: no tie across its limit (ties: ${s(p.outcome)} never decided)`;
    case "tie decided":
      return `tie-breaker ${id}: never decided a tie`;
    case "only applied":
      return `${id} (only): never applied`;
    case "only not-applied":
      return `${id} (only): never left out`;
    default:
      return p.outcome === "zero" ? `item ${id}: never scored 0` : `item ${id}: never at its ${s(p.outcome)} (${value})`;
  }
}

/** Coverage kinds as the summary line names them. */
const COVERAGE_KIND_EN: Readonly<Record<string, string>> = {
  band: "bands",
  threshold: "thresholds",
  rule: "rules",
  condition: "conditions",
  quota: "quotas",
  tie: "ties",
  item: "items",
  only: "only",
};

function column(p: Params): string {
  return p.column !== undefined ? ` in column ${q(p.column)}` : "";
}

const ACTIONS_EN: Readonly<Record<string, string>> = { read: "cannot read", open: "cannot open", list: "cannot list the folder", write: "cannot write" };
const actionEn = (a: unknown) => (typeof a === "string" && Object.hasOwn(ACTIONS_EN, a) ? ACTIONS_EN[a] : s(a));

/** File system error codes in words. */
export const CAUSES_EN: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "the file is too large",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
  ELOOP: "too many symbolic links",
  EBUSY: "the file is busy",
  EBADF: "it is closed",
  EAGAIN: "it is not ready (try again, or redirect a file)",
};
const causeEn = (code: unknown) => (typeof code === "string" && Object.hasOwn(CAUSES_EN, code) ? CAUSES_EN[code] : s(code));

export type CliKey = keyof typeof CLI_EN;

/** A CLI message: its key and the values behind it. */
export interface CliText {
  readonly key: CliKey;
  readonly params: Params;
}

/** A CLI message to render later, in the locale of the run. */
export function t(key: CliKey, params: Params = {}): CliText {
  return { key, params };
}

/** The CLI tables of each locale. */
export const CLI_TABLES: Readonly<Record<Locale, Readonly<Record<CliKey, Template>>>> = { en: CLI_EN, "zh-CN": CLI_ZH };

/** A CLI message (or text given as is) in `locale`. */
export function say(text: CliText | string, locale: Locale = "en"): string {
  if (typeof text === "string") return text;
  const table = CLI_TABLES[locale] ?? CLI_EN;
  return (table[text.key] ?? CLI_EN[text.key])(text.params);
}
