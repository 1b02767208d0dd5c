/**
 * Results in words for people, in English or Chinese: the sentence of each grade
 * adjustment (因"…"由"好"降为"较好"), and one subject's whole trail (explain), with
 * decimals at the rubric's display places and the caps and floors (扣完为止) said.
 */
import type { CompiledRubric } from "../compile/model.js";
import { dec, format, round, type Dec } from "../decimal/decimal.js";
import type { Locale } from "../diagnostics/locale.js";
import { buildFeedback, type Feedback } from "./feedback.js";
import { exactOf, exactScore, gradeNotesOf, lineNote, type Adjustment, type RubricResult } from "./result.js";
import { gradeNoteText, noteText } from "./trail-text.js";

/** Options of {@link explainSubject}. */
export interface ExplainOptions {
  /** "en" (default) or "zh-CN". */
  readonly locale?: Locale;
  /** The result's feedback (built with the same locale when not given). */
  readonly feedback?: Feedback;
}

/** Places used for people when the rubric declares no rounding. */
const DEFAULT_DISPLAY_PLACES = 4;

/**
 * How a rubric's decimals are written for people: rounded (half-up, or the rubric's
 * mode) to its `rounding.places`, 4 when it declares none, without padding zeros.
 *
 * @param rubric - the rubric
 * @returns a function Dec → text
 * @example
 * displayNumber(rubric)(dec("99.21259842519685039370078740157480314961"))
 * // => "99.21"
 */
export function displayNumber(rubric: CompiledRubric): (d: Dec) => string {
  const places = rubric.rounding?.places ?? DEFAULT_DISPLAY_PLACES;
  const mode = rubric.rounding?.mode ?? "half-up";
  return (d) => (d.decimalPlaces() <= places ? format(d) : format(round(d, places, mode)));
}

/** A grade's label as the rubric declares it (its id when it has none); "—" for no grade. */
export const gradeLabel = (result: RubricResult, g: string | null | undefined): string => (g === null || g === undefined ? "—" : (result.gradeLabels[g] ?? g));

/** "50%", "1/3" as written; a plain fraction (0.5) as a percentage. */
function shareText(text: string): string {
  if (text.includes("%") || text.includes("/")) return text.replace(/\s+/g, "");
  const d = dec(text);
  return `${format(d.times(100))}%`;
}

const ROUNDING_ZH: Readonly<Record<string, string>> = { floor: "向下取整", ceil: "向上取整", "half-up": "四舍五入" };

/**
 * One grade adjustment as a sentence.
 *
 * @param rubric - the rubric of the result (its quotas give the shares)
 * @param result - the rubric's result (its grade labels)
 * @param a - the adjustment
 * @param locale - "en" (default) or "zh-CN"
 * @returns e.g. `因"班子成员发生严重违规违纪行为"由"好"降为"较好"`, or for a quota
 *   `因"好"等次比例不超过50%（90个单位中至多45个）由"好"降为"较好"（排名第55）`
 */
export function adjustmentText(rubric: CompiledRubric, result: RubricResult, a: Adjustment, locale: Locale = "en"): string {
  const from = gradeLabel(result, a.from);
  const to = gradeLabel(result, a.to);
  const zh = locale === "zh-CN";
  const moved = a.from !== a.to;
  if (a.kind === "quota") return quotaText(rubric, result, a, zh);
  // A reason that holds ASCII quotes itself is set in Chinese quotes: 因“…为"一般"”.
  const because = a.reason.includes('"') ? `“${a.reason}”` : `"${a.reason}"`;
  if (a.kind === "exclusion") return zh ? `因${because}不参加等次评定` : `excluded from grading: "${a.reason}"`;
  const extras: string[] = [];
  if (a.kind === "veto" && a.numbers.scoreBefore !== undefined)
    extras.push(zh ? `得分记为 0（原得分 ${String(a.numbers.scoreBefore)}）` : `score set to 0 (was ${String(a.numbers.scoreBefore)})`);
  if (zh) {
    const veto = a.kind === "veto" ? "一票否决，" : "";
    const move = moved ? `由"${from}"降为"${to}"` : "";
    return `因${because}${veto}${move}${extras.length ? `${move ? "，" : ""}${extras.join("，")}` : ""}`.replace(/，$/, "");
  }
  const what = a.kind === "veto" ? "vetoed" : "lowered";
  return `${moved ? `${what} from "${from}" to "${to}"` : what} by "${a.reason}"${extras.length ? ` (${extras.join(", ")})` : ""}`;
}

function quotaText(rubric: CompiledRubric, result: RubricResult, a: Adjustment, zh: boolean): string {
  const from = gradeLabel(result, a.from);
  const to = gradeLabel(result, a.to);
  const n = a.numbers;
  const quota = rubric.quotas.find((q) => q.id === a.rule);
  const size = Number(n.scopeSize);
  const limit = Number(n.limit);
  const scope = String(n.scope ?? "all");
  const group = scope.startsWith("group ") ? scope.slice(6) : undefined;
  const held = typeof n.heldByRules === "number" ? n.heldByRules : 0;
  const tied = quota !== undefined && Number(n.admitted) < limit - held;
  let exact: Dec | undefined;
  if (quota?.share) exact = dec(size).times(quota.share.numerator).div(quota.share.denominator);
  const rounded = exact !== undefined && !exact.isInteger();
  if (zh) {
    const where = group !== undefined ? `在分组"${group}"内` : "";
    const share = quota?.share ? `比例不超过${shareText(quota.share.text)}` : `名额不超过${limit}个`;
    const numbers = [`${size}个单位中至多${limit}个`];
    if (rounded && quota?.share) numbers.push(`${size}×${shareText(quota.share.text)}=${format(exact!)}，${ROUNDING_ZH[quota.rounding] ?? quota.rounding}`);
    if (held) numbers.push(`其中${held}个名额由规则确定的单位占用`);
    return `因"${from}"等次${where}${share}（${numbers.join("；")}）由"${from}"降为"${to}"（排名第${String(n.rank)}${tied ? "，与名额边界并列" : ""}）`;
  }
  const where = group !== undefined ? ` in group "${group}"` : "";
  const share = quota?.share ? `${shareText(quota.share.text)}${rounded ? `, ${quota.rounding}` : ""}` : `count ${limit}`;
  return `lowered from "${from}" to "${to}" by the quota on "${from}"${where}: at most ${limit} of ${size} (${share})${held ? `, ${held} place(s) held by rule-set grades` : ""}; rank ${String(n.rank)}${tied ? " tied at the boundary" : ""}`;
}

/** Words of explain, per locale. */
const WORDS = {
  en: {
    subject: "subject",
    points: "points 得分明细:",
    weight: "weight",
    total: "total 总分:",
    raw: "raw grade 初定等次:",
    rules: "rules 规则:",
    noChange: " (no change)",
    adjustments: "adjustments 调整:",
    final: "final grade 最终等次:",
    rank: (rank: number, of: number) => `, rank ${rank} of ${of}`,
    groupRank: (rank: number) => `, group rank ${rank}`,
    actions: "actions 措施:",
    tier: "tier 类别:",
    feedback: "feedback 反馈:",
    problems: "  个性问题:",
    lost: (lost: string, max: string) => `lost ${lost} of ${max}`,
    highlights: "  亮点:",
    highlight: (points: string, max: string, avg: string) => `${points} of ${max}, batch average ${avg}`,
    toNext: (grade: string, points: string) => `  to reach ${grade}: +${points} points`,
    common: "  共性问题 shared with the batch:",
    commonItem: (subjects: number) => `${subjects} subjects`,
    colon: ": ",
    sep: "; ",
  },
  "zh-CN": {
    subject: "单位",
    points: "得分明细：",
    weight: "权重",
    total: "总分：",
    raw: "初定等次：",
    rules: "触发的规则：",
    noChange: "（等次未变）",
    adjustments: "等次调整：",
    final: "最终等次：",
    rank: (rank: number, of: number) => `，排名第 ${rank}（共 ${of} 个单位）`,
    groupRank: (rank: number) => `，组内排名第 ${rank}`,
    actions: "处理：",
    tier: "类别：",
    feedback: "反馈：",
    problems: "  个性问题：",
    lost: (lost: string, max: string) => `失 ${lost} 分，满分 ${max} 分`,
    highlights: "  亮点：",
    highlight: (points: string, max: string, avg: string) => `得 ${points} 分，满分 ${max} 分，全体平均 ${avg} 分`,
    toNext: (grade: string, points: string) => `  距"${grade}"：还差 ${points} 分`,
    common: "  共性问题（全体共有）：",
    commonItem: (subjects: number) => `${subjects} 个单位失分`,
    colon: "：",
    sep: "；",
  },
} as const;

const RULE_KIND_ZH: Readonly<Record<string, string>> = { veto: "一票否决", downgrade: "降档", cap: "等次上限", exclusion: "不参加定级", quota: "比例限制" };

/** A trail line's label for people: the rubric's label, or the words for a step of the engine. */
function lineLabel(rubric: CompiledRubric, node: { id: string; label: string }, line: { entry: string; label: string }, zh: boolean): string {
  const input = rubric.inputs.get(line.label);
  if (!zh) return line.label;
  switch (line.entry) {
    case "bound":
      return line.label === "cap" ? "上限" : "下限";
    case "limit":
      return "限额";
    case "round":
      return "保留小数";
    case "zeroIf":
      return "不得分条件";
    case "normalize":
      return "折算";
    default:
      if (line.entry.endsWith(".trim")) return "去掉最高最低分";
      if (line.label === node.id) return node.label;
      return input?.label ?? line.label;
  }
}

/**
 * One subject's trail and feedback, for people: item points and the lines behind them
 * (with each cap and floor said), the total, the raw grade, each rule, adjustment and
 * quota step, the final grade, ranks, actions, and the feedback. Decimals are written
 * at the rubric's display places (see {@link displayNumber}).
 *
 * @param rubric - the rubric of the result
 * @param result - one entry of `assess(...).results` (evaluated with the full trail)
 * @param subjectId - the subject's id
 * @param options - `locale` ("en" default, "zh-CN"), and the feedback if built already
 * @returns the text, or undefined when the result has no such subject
 * @example
 * explainSubject(rubric, result, "S011", { locale: "zh-CN" })
 */
export function explainSubject(rubric: CompiledRubric, result: RubricResult, subjectId: string, options: ExplainOptions = {}): string | undefined {
  const u = result.units.find((x) => x.id === subjectId);
  if (!u) return undefined;
  const locale = options.locale ?? "en";
  const zh = locale === "zh-CN";
  const w = WORDS[zh ? "zh-CN" : "en"];
  const feedback = options.feedback ?? buildFeedback(rubric, result, { locale });
  const num = displayNumber(rubric);
  // Values inside a line's note (data such as 0.992, or means): exact unless long, then ≈ at the display places.
  const places = rubric.rounding?.places ?? DEFAULT_DISPLAY_PLACES;
  const noteNum = (d: Dec) => (d.decimalPlaces() <= Math.max(places, 6) ? format(d) : `≈${num(d)}`);
  const shown = (text: string, exact?: Dec) => num(exact ?? dec(text));
  const label = (g: string | null | undefined) => gradeLabel(result, g);
  const out: string[] = [];
  out.push(zh ? `${result.rubric.name}（${result.rubric.id}，${result.rubric.version} 版）` : `${result.rubric.name} (${result.rubric.id} v${result.rubric.version})`);
  out.push(
    zh
      ? `单位：${u.name ? `${u.name}（${u.id}）` : u.id}${u.group ? `，分组：${u.group}` : ""}`
      : `${w.subject} ${u.id}${u.name ? ` ${u.name}` : ""}${u.group ? ` [${u.group}]` : ""}`,
  );
  out.push("", w.points);
  for (const n of u.nodes) {
    const indent = "  ".repeat(n.depth + 1);
    const x = exactOf(n);
    const name = zh ? n.label : `${n.label}${n.label !== n.id ? ` (${n.id})` : ""}`;
    out.push(`${indent}${name}${w.colon}${num(x.points)} / ${num(x.max)}${n.weight ? ` × ${w.weight} ${n.weight}` : ""}`);
    for (const l of n.lines) {
      const behind = lineNote(l);
      const amount = behind ? behind.amount : dec(l.amount);
      const text = behind ? noteText(behind.note, locale, noteNum) : l.detail;
      if (!text) continue;
      const signed = amount.lt(0) ? num(amount) : `+${num(amount)}`;
      // A rounding of the total moves it by less than the places shown: say the result, not "+0.00".
      if (l.entry === "round") out.push(`${indent}  · ${lineLabel(rubric, n, l, zh)}${w.colon}${text}`);
      else out.push(`${indent}  · ${lineLabel(rubric, n, l, zh)}${w.colon}${signed}${zh ? `，${text}` : `  (${text})`}`);
    }
  }
  out.push("", `${w.total}${zh ? "" : " "}${shown(u.score, exactScore(u))}`);
  out.push(`${w.raw}${zh ? "" : " "}${label(u.rawGrade)}`);
  const notes = gradeNotesOf(u);
  if (notes.length) for (const n of notes) out.push(`  · ${gradeNoteText(n, locale, label)}`);
  else for (const n of u.gradeNotes) out.push(`  · ${n}`);
  if (u.rules.length) {
    out.push(w.rules);
    for (const r of u.rules)
      out.push(
        zh
          ? `  · ${RULE_KIND_ZH[r.kind] ?? r.kind}规则 ${r.rule}：条件 ${r.condition} 成立${r.changed ? "" : w.noChange}`
          : `  · ${r.kind} ${r.rule}: ${r.condition}${r.changed ? "" : w.noChange}`,
      );
  }
  if (u.adjustments.length) {
    out.push(w.adjustments);
    for (const a of u.adjustments) out.push(`  · ${adjustmentText(rubric, result, a, locale)}`);
  }
  const graded = result.summary.graded;
  out.push(`${w.final}${zh ? "" : " "}${label(u.grade)}${u.rank !== null ? w.rank(u.rank, graded) : ""}${u.groupRank !== null ? w.groupRank(u.groupRank) : ""}`);
  if (u.actions.length) out.push(`${w.actions}${zh ? "" : " "}${u.actions.map((a) => a.label).join("、")}`);
  if (u.tier) out.push(`${w.tier}${zh ? "" : " "}${u.tier.label}${u.tier.followUp ? ` → ${u.tier.followUp}` : ""}`);
  const fb = feedback.subjects.find((f) => f.id === u.id);
  if (fb) {
    out.push("", w.feedback);
    const d = (text: string) => shown(text);
    if (fb.problems.length) out.push(`${w.problems}${zh ? "" : " "}${fb.problems.map((p) => `${p.label}${zh ? "（" : " ("}${w.lost(d(p.lost), d(p.max))}${zh ? "）" : ")"}`).join(w.sep)}`);
    if (fb.highlights.length)
      out.push(`${w.highlights}${zh ? "" : " "}${fb.highlights.map((h) => `${h.label}${zh ? "（" : " ("}${w.highlight(d(h.points), d(h.max), d(h.batchAverage))}${zh ? "）" : ")"}`).join(w.sep)}`);
    if (fb.toNextGrade) {
      const note = fb.toNextGrade.note ? (zh ? `（${fb.toNextGrade.note}）` : ` (${fb.toNextGrade.note})`) : "";
      out.push(`${w.toNext(label(fb.toNextGrade.grade), d(fb.toNextGrade.points))}${note}`);
    }
    const mine = feedback.common.filter((c) => fb.problems.some((p) => p.item === c.item) || u.nodes.some((n) => n.id === c.item && n.lost !== "0"));
    if (mine.length) out.push(`${w.common}${zh ? "" : " "}${mine.map((c) => `${c.label}${zh ? "（" : " ("}${w.commonItem(c.subjects)}${zh ? "）" : ")"}`).join(w.sep)}`);
  }
  return out.join("\n");
}
