/**
 * The words of the trail: each line's note (what produced its amount, engine/state.ts
 * TrailNote) and each grade note, in English and in Chinese. The JSON result carries
 * the English text (`detail`, `gradeNotes`) as before; explain renders the same notes
 * in the locale asked for, with the rubric's display places.
 */
import { isDec, format, type Dec } from "../decimal/decimal.js";
import type { GradeNote } from "../engine/grade.js";
import type { TrailNote } from "../engine/state.js";
import type { Locale } from "../diagnostics/locale.js";
import { list, q, rec, s, type Params } from "../diagnostics/template.js";

/** Renders a decimal of a note: exact in JSON, at the rubric's places for people. */
export type NumberText = (d: Dec) => string;

type NoteTemplate = (p: Params, n: (v: unknown) => string, locale: Locale) => string;

const exact: NumberText = (d) => format(d);

const ballotEn = (p: Params, n: (v: unknown) => string): string => {
  switch (p.reason) {
    case "all-full":
      return "every score is full marks";
    case "same-score":
      return "every score is the same";
    default: {
      const band = [p.gte !== undefined ? `≥ ${n(p.gte)}` : "", p.lt !== undefined ? `< ${n(p.lt)}` : ""].filter(Boolean).join(" and ");
      return p.reason === "most" ? `${s(p.count)} scores ${band}, at most ${s(p.limit)} allowed` : `${s(p.count)} scores ${band}, at least ${s(p.limit)} required`;
    }
  }
};

const ballotZh = (p: Params, n: (v: unknown) => string): string => {
  switch (p.reason) {
    case "all-full":
      return "全部打满分";
    case "same-score":
      return "全部打同一分数";
    default: {
      const band = [p.gte !== undefined ? `≥ ${n(p.gte)}` : "", p.lt !== undefined ? `< ${n(p.lt)}` : ""].filter(Boolean).join(" 且 ");
      return p.reason === "most" ? `${band} 的分数有 ${s(p.count)} 个，最多允许 ${s(p.limit)} 个` : `${band} 的分数只有 ${s(p.count)} 个，至少需要 ${s(p.limit)} 个`;
    }
  }
};

const ROUNDING_ZH: Readonly<Record<string, string>> = {
  "half-up": "四舍五入",
  "half-even": "四舍六入五成双",
  "half-down": "五舍六入",
  up: "远离零进位",
  down: "截尾",
  ceil: "向上取整",
  floor: "向下取整",
};
const VOTE_BASIS_ZH: Readonly<Record<string, string>> = { valid: "有效票", "valid-and-abstain": "有效票与弃权票", returned: "收回票", issued: "发出票" };
const KEEP_ZH: Readonly<Record<string, string>> = { sum: "合计", max: "最高", min: "最低", first: "第一条" };
const zhOf = (table: Readonly<Record<string, string>>, v: unknown) => (typeof v === "string" && Object.hasOwn(table, v) ? table[v]! : s(v));

const NOTES_EN: Readonly<Record<string, NoteTemplate>> = {
  yesno: (p) => (p.value ? "yes" : "no"),
  level: (p, n) => `level ${s(p.level)} → ${n(p.points)}`,
  "zero-if": (p) => `${s(p.condition)}: the item scores 0`,
  "deduct-bound": (p, n) =>
    p.side === "floor" ? `deductions ${n(p.deducted)} from ${n(p.base)} stop at the floor ${n(p.points)}` : `${n(p.base)} − ${n(p.deducted)} bounded to the max ${n(p.points)}`,
  "bonus-cap": (p, n) => `additions ${n(p.added)} capped at ${n(p.max)}`,
  "bound-net": (p, n) => `net ${n(p.net)} bounded to ${n(p.points)}`,
  "ratio-percent": (p, n) => `${n(p.percent)}% × ${n(p.max)}`,
  "ratio-pair": (p, n) => `${n(p.numerator)} / ${n(p.denominator)} × ${n(p.max)}`,
  "scale-zero": (p, n) => `${n(p.value)} below the threshold ${n(p.threshold)}: the item scores 0`,
  "scale-base": (p, n) => `${n(p.value)} vs target ${n(p.target)}: base ${n(p.base)}`,
  "scale-steps": (p, n) =>
    `${n(p.value)} vs target ${n(p.target)}: ${n(p.units)} step(s) of ${n(p.unit)} × ${n(p.points)} ${p.side === "add" ? "added" : "deducted"}`,
  band: (p, n) => `${n(p.value)} ${s(p.op)} ${n(p.bound)} → ${n(p.points)}`,
  "band-none": (p, n) => `${n(p.value)} below every band → ${n(p.points)}`,
  rank: (p) => {
    const how = rec(p.how);
    const more =
      how.mode === "top"
        ? ` (within top ${(how.top as Dec).times(100).toFixed()}%)`
        : how.mode === "first"
          ? " (first: full points)"
          : how.mode === "proportional"
            ? ` (${(how.numerator as Dec).toFixed()} / ${(how.denominator as Dec).toFixed()} of full points)`
            : "";
    return `position ${s(p.position)} of ${s(p.of)}${more}`;
  },
  panel: (p, n) => {
    const trimmed = p.drop !== undefined ? `, dropped ${s(p.drop)} highest and lowest of ${s(p.of)}` : "";
    const voids = list(p.voids).length ? `, void: ${list(p.voids).map((v) => `${s(rec(v).rater)} (${ballotEn(rec(rec(v).problem), n)})`).join("; ")}` : "";
    return `mean ${n(p.mean)} of ${s(p.count)} score(s)${trimmed}${voids}${p.weight !== undefined ? ` × weight ${n(p.weight)}` : ""}`;
  },
  "panel-not-trimmed": (p) => {
    const min = Number(p.min);
    const rule = p.rule === "above" ? `more than ${min - 1} (trim.above)` : p.rule === "minScores" ? `at least ${min} (trim.minScores)` : `at least ${min} (2 × drop + 1)`;
    return `not trimmed: ${s(p.count)} score(s), trimming needs ${rule}`;
  },
  votes: (p, n) =>
    `(${list(p.parts).map((x) => `${s(rec(x).level)} ${n(rec(x).count)}×${n(rec(x).coefficient)}`).join(" + ")}) / ${n(p.denominator)} (${s(p.basis)}) × ${n(p.max)}`,
  periods: (p, n) => `${s(p.aggregate)} of ${s(p.count)} periods: ${list(p.values).map(n).join(", ")}`,
  carry: (p, n) => `${n(p.value)} × ${n(p.percent)}% carried over`,
  "linked-scaled": (p, n) => `${n(p.score)} / ${n(p.scaleFrom)} × ${n(p.max)} from ${s(p.rubric)}`,
  linked: (p) => `score of ${s(p.rubric)}`,
  outside: (p, n, locale) => `${noteText(rec(p.inner) as TrailNote, locale, n)} (outside the cap)`,
  limited: (p, n, locale) => `${noteText(rec(p.inner) as TrailNote, locale, n)}, limited to ${n(p.limit)}`,
  when: (p, n) => `${s(p.condition)}: ${n(p.points)}`,
  per: (p, n) => `${n(p.value)} × ${n(p.points)}`,
  shortfall: (p, n) => `${n(p.missing)} short of ${n(p.required)} × ${n(p.points)}`,
  chosen: (p, n) => `chosen ${list(p.values).map(n).join(" + ")} (each within ${n(p.low)}-${n(p.high)})`,
  records: (p, n) => {
    const d = rec(p.dedup);
    const dedup = p.dedup !== undefined ? ` (${s(d.records)} records, ${s(d.kept)} after dedup by ${s(d.key, "+")}, keep ${s(d.keep)})` : "";
    return `${list(p.amounts).map(n).join(" + ") || "no records"}${dedup}`;
  },
  round: (p, n) => `${n(p.raw)} rounded to ${s(p.places)} places (${s(p.mode)}): ${isDec(p.points) ? format(p.points, Number(p.places)) : s(p.points)}`,
  "absent-zero": (p) => `"${s(p.column)}" not given: read as ${p.empty ? "an empty list" : "0"} (missing: zero)`,
  "group-bound": (p, n) => `${n(p.value)} bounded to ${n(p.bounded)}`,
  normalize: (p, n) => `${n(p.value)} / ${n(p.full)} × ${n(p.to)}`,
  limit: (p, n) => `${n(p.value)} limited to ${n(p.limit)}`,
};

const NOTES_ZH: Readonly<Record<string, NoteTemplate>> = {
  yesno: (p) => (p.value ? '填报为"是"' : '填报为"否"'),
  level: (p, n) => `档次${q(p.level)} → ${n(p.points)} 分`,
  "zero-if": (p) => `${s(p.condition)}：本项不得分`,
  "deduct-bound": (p, n) =>
    p.side === "floor"
      ? `基础分 ${n(p.base)} 应扣 ${n(p.deducted)} 分，扣至下限 ${n(p.points)} 分为止（扣完为止）`
      : `基础分 ${n(p.base)} 减 ${n(p.deducted)} 超过满分，按满分 ${n(p.points)} 计`,
  "bonus-cap": (p, n) => `加分合计 ${n(p.added)} 分，超过本项上限，按 ${n(p.max)} 分计（封顶）`,
  "bound-net": (p, n) =>
    p.side === "cap" ? `净加分 ${n(p.net)} 超过上限，按 ${n(p.points)} 分计（封顶）` : `净扣分 ${n(p.net)} 超过下限，按 ${n(p.points)} 分计（扣完为止）`,
  "ratio-percent": (p, n) => `${n(p.percent)}% × ${n(p.max)}`,
  "ratio-pair": (p, n) => `${n(p.numerator)} / ${n(p.denominator)} × ${n(p.max)}`,
  "scale-zero": (p, n) => `${n(p.value)} 低于不得分线 ${n(p.threshold)}：本项得 0 分`,
  "scale-base": (p, n) => `${n(p.value)}，目标值 ${n(p.target)}：得基础分 ${n(p.base)}`,
  "scale-steps": (p, n) =>
    `${n(p.value)}，目标值 ${n(p.target)}：${n(p.units)} 个步长（每步 ${n(p.unit)}）× ${n(p.points)} 分，${p.side === "add" ? "加分" : "扣分"}`,
  band: (p, n) => `${n(p.value)} ${s(p.op)} ${n(p.bound)} → ${n(p.points)} 分`,
  "band-none": (p, n) => `${n(p.value)} 低于各档 → ${n(p.points)} 分`,
  rank: (p) => {
    const how = rec(p.how);
    const more =
      how.mode === "top"
        ? `，位于前 ${(how.top as Dec).times(100).toFixed()}%`
        : how.mode === "first"
          ? "，第一名得满分"
          : how.mode === "proportional"
            ? `，按 ${(how.numerator as Dec).toFixed()} / ${(how.denominator as Dec).toFixed()} 折算满分`
            : "";
    return `第 ${s(p.position)} 名（共 ${s(p.of)} 个）${more}`;
  },
  panel: (p, n) => {
    const trimmed = p.drop !== undefined ? `（${s(p.of)} 个分数去掉最高、最低各 ${s(p.drop)} 个）` : "";
    const voids = list(p.voids).length ? `，作废：${list(p.voids).map((v) => `${s(rec(v).rater)}（${ballotZh(rec(rec(v).problem), n)}）`).join("；")}` : "";
    return `${s(p.count)} 个分数的平均分 ${n(p.mean)}${trimmed}${voids}${p.weight !== undefined ? ` × 权重 ${n(p.weight)}` : ""}`;
  },
  "panel-not-trimmed": (p) => {
    const min = Number(p.min);
    return `未去掉最高最低分：只有 ${s(p.count)} 个分数，去掉最高最低分需要${p.rule === "above" ? `多于 ${min - 1} 个` : `至少 ${min} 个`}`;
  },
  votes: (p, n) =>
    `（${list(p.parts).map((x) => `${s(rec(x).level)} ${n(rec(x).count)}×${n(rec(x).coefficient)}`).join(" + ")}）÷ ${n(p.denominator)}（${zhOf(VOTE_BASIS_ZH, p.basis)}）× ${n(p.max)}`,
  periods: (p, n) => `${s(p.count)} 期${p.aggregate === "sum" ? "合计" : "平均"}：${list(p.values).map(n).join("、")}`,
  carry: (p, n) => `${n(p.value)} × ${n(p.percent)}%（结转上年得分）`,
  "linked-scaled": (p, n) => `考核方案${q(p.rubric)}得分 ${n(p.score)} / ${n(p.scaleFrom)} × ${n(p.max)}`,
  linked: (p) => `考核方案${q(p.rubric)}的得分`,
  outside: (p, n, locale) => `${noteText(rec(p.inner) as TrailNote, locale, n)}（不占本项分值）`,
  limited: (p, n, locale) => `${noteText(rec(p.inner) as TrailNote, locale, n)}，此项最多 ${n(p.limit)} 分`,
  when: (p, n) => `${s(p.condition)}：${n(p.points)} 分`,
  per: (p, n) => `${n(p.value)} × ${n(p.points)} 分`,
  shortfall: (p, n) => `比要求的 ${n(p.required)} 少 ${n(p.missing)}，× ${n(p.points)} 分`,
  chosen: (p, n) => `酌情 ${list(p.values).map(n).join(" + ")}（每项在 ${n(p.low)} 至 ${n(p.high)} 之间）`,
  records: (p, n) => {
    const d = rec(p.dedup);
    const dedup = p.dedup !== undefined ? `（${s(d.records)} 条记录，按 ${s(d.key, "+")} 去重后 ${s(d.kept)} 条，取${zhOf(KEEP_ZH, d.keep)}）` : "";
    return `${list(p.amounts).map(n).join(" + ") || "无记录"}${dedup}`;
  },
  round: (p) => `按${zhOf(ROUNDING_ZH, p.mode)}保留 ${s(p.places)} 位小数，得 ${isDec(p.points) ? format(p.points, Number(p.places)) : s(p.points)}`,
  "absent-zero": (p) => `"${s(p.column)}"未填写：按${p.empty ? "空列表" : " 0 "}计（missing: zero）`,
  "group-bound": (p, n) =>
    p.side === "cap" ? `${n(p.value)} 超过上限，按 ${n(p.bounded)} 分计（封顶）` : `${n(p.value)} 低于下限，按 ${n(p.bounded)} 分计（扣完为止）`,
  normalize: (p, n) => `${n(p.value)} / ${n(p.full)} × ${n(p.to)}（折算）`,
  limit: (p, n) => `${n(p.value)} 超过限额，按 ${n(p.limit)} 分计`,
};

/** The note tables of each locale (a test checks they hold the same keys). */
export const TRAIL_NOTES: Readonly<Record<Locale, Readonly<Record<string, NoteTemplate>>>> = { en: NOTES_EN, "zh-CN": NOTES_ZH };

/**
 * A trail line's note in a locale.
 *
 * @param note - the line's note
 * @param locale - "en" or "zh-CN"
 * @param num - how a decimal is written (exact by default)
 * @returns the text, e.g. "96.2% × 10" or "档次"好" → 10 分"
 */
export function noteText(note: TrailNote, locale: Locale = "en", num: NumberText | ((v: unknown) => string) = exact): string {
  const n = (v: unknown) => (isDec(v) ? (num as NumberText)(v) : s(v));
  const table = TRAIL_NOTES[locale] ?? NOTES_EN;
  const t = typeof note.key === "string" && Object.hasOwn(table, note.key) ? table[note.key]! : undefined;
  return t ? t(note as Params, n, locale) : s(note.key);
}

/**
 * A grade note in a locale; `label` names a grade (its label) for people.
 *
 * @param note - the note
 * @param locale - "en" (the text of SubjectResult.gradeNotes) or "zh-CN"
 * @param label - grade id → the words for it (the id itself by default)
 * @returns the text
 */
export function gradeNoteText(note: GradeNote, locale: Locale = "en", label: (grade: string) => string = (g) => g): string {
  if (locale === "zh-CN")
    switch (note.key) {
      case "skipped":
        return `指标${q(note.item)}不适用：${q(note.column)}没有数值（missing: skip）`;
      case "gap":
        return `得分 ${note.score.toFixed()} 落在两个等次的分数段之间；按 bandGaps: ${note.policy} 定为${q(label(note.grade))}`;
      case "requires":
        return `不符合等次${q(label(note.grade))}的附加条件 ${note.condition}`;
    }
  switch (note.key) {
    case "skipped":
      return `item ${note.item} does not apply: no value for "${note.column}" (missing: skip)`;
    case "gap":
      return `score ${note.score.toFixed()} lies between bands; bandGaps: ${note.policy} → ${note.grade}`;
    case "requires":
      return `${note.grade} requires ${note.condition}: not met`;
  }
}
