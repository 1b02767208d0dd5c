/**
 * The Chinese wording of the printed report (考核结果通报, 反馈单): grade moves as
 * sentences, quota limits, shares as percentages. Pure: strings in, strings out.
 */
import type { QuotaSpec } from "../../compile/model.js";
import { dec, format } from "../../decimal/decimal.js";
import type { Adjustment } from "../result.js";

/** Escape text for HTML element content and attribute values (both quote kinds). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** A decimal share ("0.5667") as a percentage with at most 1 decimal ("56.7%"). */
export function percent(share: string): string {
  return `${format(dec(share).times(100).toDecimalPlaces(1))}%`;
}

/** The kind of a grade move, for the cover's list of rules and quotas. */
export const KIND_LABELS: Readonly<Record<Adjustment["kind"], string>> = {
  veto: "一票否决",
  downgrade: "直接降档",
  cap: "等次上限",
  quota: "等次名额",
  exclusion: "不参加定级",
};

const ROUNDING_LABELS: Readonly<Record<QuotaSpec["rounding"], string>> = { floor: "向下取整", ceil: "向上取整", "half-up": "四舍五入" };

/** Grade id → label (the id when the rubric gives no label); null → 不定级. */
export type GradeLabel = (grade: string | null) => string;

/**
 * A quota's limit: 好等次名额：全部90个单位中不超过45个（50%，向下取整）.
 * `numbers` are the engine's (limit, scopeSize, scope "all" | "group NAME", heldByRules).
 */
export function quotaLimit(quota: QuotaSpec | undefined, a: Adjustment, label: GradeLabel): string {
  const n = a.numbers;
  const scope = typeof n.scope === "string" && n.scope.startsWith("group ") ? `${n.scope.slice("group ".length)}组${n.scopeSize}个单位中` : `全部${n.scopeSize}个单位中`;
  const rule = quota?.share ? `（${quota.share.text}，${ROUNDING_LABELS[quota.rounding]}）` : "";
  const held = n.heldByRules !== undefined ? `，其中${n.heldByRules}个由规则确定` : "";
  return `${label(a.from)}等次名额：${scope}不超过${n.limit}个${rule}${held}`;
}

/** Why a quota moved a subject: the limit and the subject's rank. */
export function quotaWhy(quota: QuotaSpec | undefined, a: Adjustment, label: GradeLabel): string {
  return `${quotaLimit(quota, a, label)}，排名第${a.numbers.rank}位`;
}

/**
 * One grade move as a sentence: 因"…"由"好"降为"较好"; a quota: 因"好等次名额…"由"好"降为"较好";
 * an exclusion: 因"…"不参加定级.
 */
export function adjustmentSentence(a: Adjustment, quota: QuotaSpec | undefined, label: GradeLabel): string {
  const why = a.kind === "quota" ? quotaWhy(quota, a, label) : a.reason;
  if (a.kind === "exclusion" || a.to === null) return `因"${why}"不参加定级`;
  if (a.from === null) return `因"${why}"定为"${label(a.to)}"`;
  return `因"${why}"由"${label(a.from)}"降为"${label(a.to)}"`;
}

/** Insert line breaks into a long label so that a chart axis name stays narrow. */
export function wrapLabel(text: string, width: number): string {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(""));
  return lines.join("\n");
}
