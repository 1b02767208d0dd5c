/**
 * `kaohe diff <old> <new> [data]`: what a new rubric version changes. Both versions
 * are loaded (a .yaml file or a scheme folder each), their rubrics paired by id (the
 * others in the order given), the structural change listed, and the same data scored
 * under both: per subject the score, grade and rank change with their causes, the
 * grade → grade matrix and both distributions. Table (in the language of the run) or
 * JSON (docs/diff.md, "The JSON document").
 */
import { existsSync, statSync } from "node:fs";
import { diffAssessments, diffRubrics, safeLoadRubricSet, type AssessmentDiff, type CompiledRubric, type RubricDiff, type RubricResult, type RubricSet, type RubricText } from "../index.js";
import type { Locale } from "../diagnostics/locale.js";
import type { DiffDocument, RubricChange, SubjectChange } from "../diff/types.js";

export type { DiffDocument, DiffPairDocument } from "../diff/types.js";
import { headerHints } from "../io/xlsx-read.js";
import type { ReportComparison } from "../report/html/compare.js";
import { otherColumns, folderSiblings } from "./columns.js";
import { CliError, UsageError } from "./errors.js";
import { findScheme, isYaml, readRubricTexts, type Data, type Scheme } from "./load.js";
import { evaluateData, note, readDataNoting, type RunIo, type SetAside } from "./main.js";
import { t } from "./messages.js";
import { table } from "./output.js";
import { writeFileAtomic } from "./write.js";

export const DIFF_OPTIONS = { format: { type: "string" }, out: { type: "string" } } as const;

export const DIFF_HELP = `usage: kaohe diff <old rubric file or folder> <new rubric file or folder> [data.csv|data.xlsx|data.json|-] [options]

What a new version of a rubric changes. The rubrics of the two versions are paired
by id (the others in the order given, when both sides have as many), and for each
pair it prints the structural change (items, weights, bands, rules, quotas, inputs,
ranking, actions, tiers added, removed or changed, with file:line:col and old → new),
then scores the same data under both: each subject whose score, grade or rank
changed, with the items and rules that caused it, the grade → grade matrix and both
distributions. Without a data file, the new (else the old) folder's example.csv;
with neither, the structural change only.

A data column that only the other version, or another rubric of a given file's
folder, declares is set aside (named on stderr), not an error.

options:
  --format table|json   json: one document (docs/diff.md); default table
  --out FILE            write the output to FILE (atomically)
  --sheet NAME          .xlsx data: the sheet (default: the first)
  --header-row N        .xlsx data: the header's row (default: found by its columns)
  -q, --quiet           errors only: no notes on stderr
  -h, --help            this help`;

/** One version as given: the path, its rubrics in file order, the linked set and the texts. */
export interface Version {
  readonly path: string;
  readonly scheme: Scheme;
  readonly set: RubricSet;
  /** The set's rubrics in the order of their files (a folder's files sorted by name). */
  readonly rubrics: readonly CompiledRubric[];
  readonly texts: ReadonlyMap<string, RubricText>;
}

export function loadVersion(path: string): Version {
  if (!existsSync(path)) throw new CliError(t("no-such-path", { path }));
  const scheme = findScheme([path]);
  const texts = readRubricTexts(scheme.rubricFiles);
  const loaded = safeLoadRubricSet(texts);
  if (!loaded.ok) throw new CliError(t("problems-in-rubric", { count: loaded.issues.length }), loaded.issues);
  const set = loaded.value;
  const byFile = new Map(set.rubrics.map((r) => [r.file, r]));
  return { path, scheme, set, rubrics: scheme.rubricFiles.map((f) => byFile.get(f)!), texts: new Map(texts.map((x) => [x.file!, x])) };
}

/** A rubric of the old version and one of the new, paired by id or by order. */
export interface Pair {
  readonly before: CompiledRubric;
  readonly after: CompiledRubric;
  readonly matchedBy: "id" | "order";
}

/** Pair by id; the rubrics left on both sides pair in order when they are as many. */
export function pairRubrics(before: readonly CompiledRubric[], after: readonly CompiledRubric[]): Pair[] {
  const ids = new Set(after.map((r) => r.id));
  const byId = before.filter((r) => ids.has(r.id)).map((b): Pair => ({ before: b, after: after.find((a) => a.id === b.id)!, matchedBy: "id" }));
  const leftBefore = before.filter((r) => !ids.has(r.id));
  const paired = new Set(byId.map((p) => p.after.id));
  const leftAfter = after.filter((r) => !paired.has(r.id));
  if (leftBefore.length !== leftAfter.length) throw new CliError(t("diff-unmatched", { before: leftBefore.map((r) => r.id), after: leftAfter.map((r) => r.id) }));
  const byOrder = leftBefore.map((b, i): Pair => ({ before: b, after: leftAfter[i]!, matchedBy: "order" }));
  // In the new version's file order.
  return [...byId, ...byOrder].sort((p, q) => after.indexOf(p.after) - after.indexOf(q.after));
}

const isRubricPath = (p: string): boolean => {
  if (p === "-") return false;
  if (isYaml(p)) return true;
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The columns a set sets aside: those the other version's rubrics, or the other rubrics of a given file's folder, declare. */
export function asideFromOthers(set: RubricSet, paths: readonly string[], other: readonly CompiledRubric[], io: RunIo): SetAside[] {
  const siblings = folderSiblings(paths, set);
  for (const f of siblings.unloadable) note(io, t("note-folder-unloadable", { file: f }));
  const others = [...other.map((r) => ({ rubric: r, name: r.file ?? r.id })), ...siblings.rubrics.filter((s) => !other.some((r) => r.file === s.name))];
  const found = otherColumns(set, others);
  return found.columns.length ? [{ columns: found.columns, why: "declared", by: found.by }] : [];
}

const asideFor = (mine: Version, other: Version, io: RunIo): SetAside[] => asideFromOthers(mine.set, [mine.path, other.path], other.rubrics, io);

/**
 * `kaohe report --compare <old>`: the old version's rubric that pairs with the reported
 * one (by id; else the old version's only rubric; else paired as diff pairs them),
 * scored on the same data, and both diffs.
 */
export function reportComparison(old: Version, set: RubricSet, rubric: CompiledRubric, result: RubricResult, data: Data, dataFile: string, io: RunIo): ReportComparison {
  let before = old.rubrics.find((r) => r.id === rubric.id) ?? (old.rubrics.length === 1 ? old.rubrics[0] : undefined);
  if (!before) {
    try {
      before = pairRubrics(old.rubrics, set.rubrics).find((p) => p.after.id === rubric.id)?.before;
    } catch {
      before = undefined;
    }
  }
  if (!before) throw new UsageError(t("report-compare-no-rubric", { path: old.path, id: rubric.id, rubrics: old.rubrics.map((r) => r.id) }));
  const evaluation = evaluateData(old.set, data, dataFile, io, "points", asideFromOthers(old.set, [old.path], set.rubrics, io));
  const oldResult = evaluation.results.find((r) => r.rubric.id === before.id)!;
  const [text] = readRubricTexts([rubric.file!]);
  return { rubric: diffRubrics(old.texts.get(before.file!)!, text!), assessment: diffAssessments(oldResult, result) };
}

/** Score a version's set on the data, setting aside the other's columns. */
function scoreVersion(v: Version, other: Version, data: Data, dataFile: string, io: RunIo): { results: readonly RubricResult[]; setAside: readonly string[] } {
  const evaluation = evaluateData(v.set, data, dataFile, io, "points", asideFor(v, other, io));
  return { results: evaluation.results, setAside: evaluation.setAside ?? [] };
}

/** Both versions compared: the document the table and JSON are made from. */
export function compareVersions(before: Version, after: Version, dataFile: string | undefined, io: RunIo, values: Record<string, string | boolean | undefined>): DiffDocument {
  const pairs = pairRubrics(before.rubrics, after.rubrics);
  let scored: { before: ReturnType<typeof scoreVersion>; after: ReturnType<typeof scoreVersion> } | undefined;
  if (dataFile !== undefined) {
    const data = readDataNoting(dataFile, io, values, headerHints(after.set));
    scored = { before: scoreVersion(before, after, data, dataFile, io), after: scoreVersion(after, before, data, dataFile, io) };
  } else note(io, t("note-diff-no-data"));
  const resultOf = (results: readonly RubricResult[], id: string) => results.find((r) => r.rubric.id === id)!;
  return {
    before: { path: before.path, rubrics: before.rubrics.map((r) => r.id) },
    after: { path: after.path, rubrics: after.rubrics.map((r) => r.id) },
    data: dataFile ?? null,
    setAside: { before: scored?.before.setAside ?? [], after: scored?.after.setAside ?? [] },
    pairs: pairs.map((p) => ({
      matchedBy: p.matchedBy,
      rubric: diffRubrics(before.texts.get(p.before.file!)!, after.texts.get(p.after.file!)!),
      assessment: scored ? diffAssessments(resultOf(scored.before.results, p.before.id), resultOf(scored.after.results, p.after.id)) : null,
    })),
  };
}

export function diffCommand(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: RunIo): number {
  const format = (values.format as string | undefined) ?? "table";
  if (format !== "table" && format !== "json") throw new UsageError(t("diff-bad-format", { received: format }));
  if (values.out === "") throw new UsageError(t("out-needs-name"));
  for (const p of positionals) if (p !== "-" && !existsSync(p)) throw new CliError(t("no-such-path", { path: p }));
  const rubricPaths = positionals.filter(isRubricPath);
  if (rubricPaths.length !== 2) throw new UsageError(t("diff-two-rubrics", { rubrics: rubricPaths }));
  if (!isRubricPath(positionals[0]!) || !isRubricPath(positionals[1]!)) throw new UsageError(t("diff-order", { argument: positionals.find((p) => !isRubricPath(p)) }));
  const rest = positionals.slice(2);
  if (rest.length > 1) throw new UsageError(t("one-data-file", { files: rest }));
  const before = loadVersion(positionals[0]!);
  const after = loadVersion(positionals[1]!);
  const dataFile = rest[0] ?? after.scheme.exampleData ?? before.scheme.exampleData;
  const doc = compareVersions(before, after, dataFile, io, values);
  const text = format === "json" ? JSON.stringify(doc, null, 2) : diffTable(doc, io.locale);
  if (values.out !== undefined) writeFileAtomic(String(values.out), `${text}\n`);
  else io.out(text);
  return 0;
}

// ------------------------------------------------------------------ the table

const WORDS = {
  en: {
    title: (b: string, a: string) => `kaohe diff: ${b} → ${a}`,
    matched: { id: "paired by id", order: "paired by order" },
    structure: (n: number) => (n === 0 ? "Structure: no change" : `Structure: ${n} change(s)`),
    change: { added: "added", removed: "removed", changed: "changed" },
    area: { rubric: "setting", input: "input", item: "item", group: "group", weight: "weight", band: "grade", rule: "rule", quota: "quota", ranking: "ranking", action: "action", tier: "tier" },
    subjects: (c: AssessmentDiff["counts"]) =>
      `Subjects: ${c.subjects}; score higher ${c.higher}, lower ${c.lower}, same ${c.same}; grade changed ${c.gradeChanged}; rank changed ${c.rankChanged}`,
    header: ["subject", "score", "new score", "change", "grade", "new grade", "rank", "new rank", "causes"],
    matrix: "Grades (rows: old, columns: new)",
    distribution: "Distribution",
    distHeader: ["grade", "old", "new", ""],
    only: (side: string, ids: readonly string[]) => `Only in the ${side} result: ${ids.join(", ")}`,
    old: "old",
    fresh: "new",
    rule: (r: { rule: string; only: string }) => `rule ${r.rule} (${r.only === "before" ? "old version only" : "new version only"})`,
    quota: (r: { rule: string; only: string }) => `quota ${r.rule} (${r.only === "before" ? "old version only" : "new version only"})`,
    raw: (b: string, a: string) => `bands: ${b} → ${a}`,
    rest: (x: string) => `rest ${x}`,
    excluded: "excluded",
    none: "no data: structural change only",
    sep: "; ",
  },
  "zh-CN": {
    title: (b: string, a: string) => `版本对比：${b} → ${a}`,
    matched: { id: "按编号配对", order: "按顺序配对" },
    structure: (n: number) => (n === 0 ? "结构变化：无" : `结构变化：${n} 处`),
    change: { added: "新增", removed: "删除", changed: "修改" },
    area: { rubric: "设置", input: "数据项", item: "指标", group: "分组", weight: "权重", band: "等次", rule: "规则", quota: "名额", ranking: "排名", action: "处理", tier: "类别" },
    subjects: (c: AssessmentDiff["counts"]) =>
      `考核对象：${c.subjects} 个；得分升高 ${c.higher} 个，降低 ${c.lower} 个，不变 ${c.same} 个；等次变化 ${c.gradeChanged} 个；排名变化 ${c.rankChanged} 个`,
    header: ["单位", "原得分", "新得分", "变化", "原等次", "新等次", "原排名", "新排名", "原因"],
    matrix: "等次变化（行：原等次，列：新等次）",
    distribution: "等次分布",
    distHeader: ["等次", "原", "新", ""],
    only: (side: string, ids: readonly string[]) => `仅${side}结果中有：${ids.join("、")}`,
    old: "原",
    fresh: "新",
    rule: (r: { rule: string; only: string }) => `规则 ${r.rule}（仅${r.only === "before" ? "原" : "新"}版本触发）`,
    quota: (r: { rule: string; only: string }) => `名额 ${r.rule}（仅${r.only === "before" ? "原" : "新"}版本调整）`,
    raw: (b: string, a: string) => `分数线：${b} → ${a}`,
    rest: (x: string) => `其他 ${x}`,
    excluded: "不参加定级",
    none: "没有数据：只比较结构变化",
    sep: "；",
  },
} as const;

const signed = (x: string): string => (x.startsWith("-") ? x : `+${x}`);

/** An item's label in a table cell: at most 12 characters. */
const short = (label: string): string => ([...label].length > 12 ? `${[...label].slice(0, 11).join("")}…` : label);

/** A YAML value in one line: text as it is, anything else as compact JSON, cut at 80 characters. */
function shown(v: unknown): string {
  const text = typeof v === "string" ? v : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

const where = (c: RubricChange): string => {
  const s = c.source.after ?? c.source.before;
  return s ? `${s.file ?? ""}:${s.line}:${s.col}` : "";
};

function changeLine(c: RubricChange, w: (typeof WORDS)["en" | "zh-CN"]): string {
  const colon = w === WORDS["zh-CN"] ? "：" : ": ";
  const what = `${w.change[c.change]}  ${w.area[c.area]}${c.id !== null ? ` ${c.id}` : ""}${c.field ? ` ${c.field}` : ""}`;
  const value = c.change === "changed" ? `${shown(c.before)} → ${shown(c.after)}` : shown(labelOf(c.change === "added" ? c.after : c.before));
  return `  ${what}${colon}${value}  ${where(c)}`.trimEnd();
}

/** An added or removed thing by its label when it has one. */
function labelOf(v: unknown): unknown {
  if (typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { label?: unknown }).label === "string") return (v as { label: string }).label;
  return v;
}

function causesText(s: SubjectChange, gradeName: (side: "before" | "after", g: string | null) => string, w: (typeof WORDS)["en" | "zh-CN"]): string {
  const c = s.causes;
  if (!c) return "";
  const parts = [
    ...c.items.map((i) => `${i.item} ${short(i.label)} ${signed(i.contribution)}`),
    ...(c.rest !== "0" ? [w.rest(signed(c.rest))] : []),
    ...c.rules.map((r) => (r.kind === "quota" ? w.quota(r) : w.rule(r))),
    ...(c.rawGrade.before !== c.rawGrade.after ? [w.raw(gradeName("before", c.rawGrade.before), gradeName("after", c.rawGrade.after))] : []),
  ];
  return parts.join(w.sep);
}

/** The table of a diff, in the language of the run. */
export function diffTable(doc: DiffDocument, locale: Locale): string {
  const w = WORDS[locale === "zh-CN" ? "zh-CN" : "en"];
  const blocks: string[] = [];
  for (const p of doc.pairs) {
    const r = p.rubric;
    const name = (x: RubricDiff["before"]) => (locale === "zh-CN" ? `${x.name}（${x.id}，${x.version} 版）` : `${x.name} (${x.id} v${x.version})`);
    const lines = [w.title(name(r.before), name(r.after)) + (locale === "zh-CN" ? `（${w.matched[p.matchedBy]}）` : ` (${w.matched[p.matchedBy]})`), "", w.structure(r.changes.length), ...r.changes.map((c) => changeLine(c, w))];
    const a = p.assessment;
    if (a) {
      const gradeName = (side: "before" | "after", g: string | null) => (g === null ? w.excluded : (a[side].gradeLabels[g] ?? g));
      lines.push("", w.subjects(a.counts));
      // Causes are given when the score, raw grade or grade changed.
      const moved = a.subjects.filter((s) => s.causes !== undefined || s.rankBefore !== s.rankAfter);
      if (moved.length > 0) {
        const rank = (n: number | null) => (n === null ? "—" : String(n));
        const rows = moved.map((s) => [
          s.name ?? s.id,
          s.scoreBefore,
          s.scoreAfter,
          signed(s.scoreChange),
          gradeName("before", s.gradeBefore),
          gradeName("after", s.gradeAfter),
          rank(s.rankBefore),
          rank(s.rankAfter),
          causesText(s, gradeName, w),
        ]);
        lines.push(table(w.header, rows, new Set([1, 2, 3, 6, 7])));
      }
      const cols = Object.keys(a.matrix[Object.keys(a.matrix)[0]!] ?? {});
      lines.push("", w.matrix);
      // An empty last column, so that the last count is aligned as the others (table() leaves the last column unpadded).
      lines.push(
        table(
          ["", ...cols.map((g) => (g === "excluded" ? w.excluded : gradeName("after", g))), ""],
          Object.entries(a.matrix).map(([g, row]) => [g === "excluded" ? w.excluded : gradeName("before", g), ...cols.map((c) => String(row[c] ?? 0)), ""]),
          new Set(cols.map((_, i) => i + 1)),
        ),
      );
      const grades = [...a.before.grades, ...a.after.grades.filter((g) => !a.before.grades.includes(g))];
      lines.push("", w.distribution);
      lines.push(
        table(
          w.distHeader,
          grades.map((g) => [a.after.gradeLabels[g] ?? a.before.gradeLabels[g] ?? g, String(a.distribution.before[g] ?? "—"), String(a.distribution.after[g] ?? "—"), ""]),
          new Set([1, 2]),
        ),
      );
      if (a.onlyBefore.length) lines.push(w.only(w.old, a.onlyBefore));
      if (a.onlyAfter.length) lines.push(w.only(w.fresh, a.onlyAfter));
    }
    blocks.push(lines.join("\n"));
  }
  return blocks.join("\n\n");
}
