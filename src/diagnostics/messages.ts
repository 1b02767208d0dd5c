/**
 * The one table of issue messages. Tests assert on codes and params, not on text.
 */
import type { IssueCode } from "./issue.js";

type Params = Record<string, unknown>;
const s = (v: unknown): string => (Array.isArray(v) ? v.map((x) => String(x)).join(", ") : String(v));
const q = (v: unknown): string => `"${s(v)}"`;

const MESSAGES: Record<IssueCode, (p: Params) => string> = {
  YAML_SYNTAX: (p) => `YAML syntax error: ${s(p.detail)}`,
  YAML_DUPLICATE_KEY: (p) => `duplicate key ${q(p.key)} in the same mapping`,
  YAML_EMPTY: () => "the rubric file is empty; expected a mapping with kaohe, id, name, grades and scoring",
  SCHEMA_MISSING_KEY: (p) => `missing required key ${q(p.key)}${p.expected ? `: expected ${s(p.expected)}` : ""}`,
  SCHEMA_UNKNOWN_KEY: (p) => `unknown key ${q(p.key)}${p.hint ? ` (${s(p.hint)})` : ""}`,
  SCHEMA_INVALID_TYPE: (p) => `expected ${s(p.expected)}, got ${s(p.received)}`,
  SCHEMA_INVALID_VALUE: (p) => `${p.detail ? `${s(p.detail)}; ` : ""}got ${s(p.received)}`,
  SCHEMA_OUT_OF_RANGE: (p) => `${s(p.detail)}, got ${s(p.received)}`,
  SCHEMA_INVALID_KIND: (p) => `unknown kind ${q(p.received)}; expected ${s(p.expected)}`,
  SCHEMA_CONSTRAINT: (p) => s(p.detail),
  SCHEMA_RESERVED_NAME: (p) =>
    `${q(p.name)} is a reserved name (__proto__, constructor and prototype name JavaScript object internals): no key, id or name in a rubric may be one; rename it`,
  LIMIT_EXCEEDED: (p) =>
    `${s(p.what)}: more than ${s(p.value)} (the limit ${s(p.limit)}); raise it with the option limits: { ${s(p.limit)}: … } if this rubric is meant to be so large`,
  LIMIT_INVALID: (p) => `the option limits.${s(p.limit)} must be a whole number of at least 1, or Infinity; got ${s(p.received)}`,
  REF_DUPLICATE_ID: (p) => `duplicate ${s(p.what)} id ${q(p.id)} (first declared at ${s(p.first)})`,
  REF_UNKNOWN_NODE: (p) => `unknown item or group ${q(p.id)}${hint(p)}`,
  REF_UNKNOWN_INPUT: (p) => `unknown input ${q(p.id)}${hint(p)}`,
  REF_UNKNOWN_GRADE: (p) => `unknown grade ${q(p.id)} in scale [${s(p.scale)}]`,
  REF_UNKNOWN_LEVEL: (p) => `unknown level ${q(p.id)}; the levels are [${s(p.levels)}]`,
  REF_UNKNOWN_RUBRIC: (p) =>
    `rubric ${q(p.id)} is referenced but not loaded in the same set${p.loaded ? ` (loaded: ${s(p.loaded)})` : ""}`,
  REF_BAD_FACT: (p) => `bad fact reference ${q(p.fact)}: ${s(p.detail)}`,
  COND_TYPE_MISMATCH: (p) => `operator ${q(p.op)} does not apply to ${q(p.fact)} (a ${s(p.type)}); ${s(p.detail)}`,
  COND_STAGE_ORDER: (p) =>
    `${s(p.consumer)} ${s(p.runs)}; ${q(p.fact)} is not known yet (${s(p.known)}). Order of evaluation: scoring → grade bands → exclusions → vetoes → ranking → downgrades → caps → quotas → actions and tiers`,
  INPUT_TYPE_CONFLICT: (p) => `input ${q(p.id)} is used as ${s(p.first)} and as ${s(p.second)}`,
  WEIGHT_SUM: (p) => `weights must sum to 100%, they sum to ${s(p.sum)}%`,
  WEIGHT_MIXED: () => `weights must be all percentages ("60%") or all ratios (3, 6, 3); they are mixed`,
  WEIGHT_MISSING: (p) => `child ${q(p.id)} of a weighted group has no weight`,
  WEIGHT_UNEXPECTED: (p) => `child ${q(p.id)} has a weight but its group combines by ${s(p.combine)}, not weighted`,
  BAND_ORDER: (p) =>
    `grade ${q(p.id)} has a threshold ${s(p.threshold)} not below the previous grade's ${s(p.previous)}; grades are listed best first`,
  BAND_OVERLAP: (p) => `grade ${q(p.id)} band overlaps the band of ${q(p.other)}`,
  MAX_MISMATCH: (p) => `declared max ${s(p.declared)} but ${s(p.detail)} give ${s(p.computed)}`,
  RANGE_INVALID: (p) => `${s(p.detail)}`,
  QUOTA_SHARE_RANGE: (p) => `quota share must lie between 0% and 100%, got ${s(p.received)}`,
  TRIM_MIN_SCORES: (p) =>
    `trim drops ${s(p.drop)} highest and ${s(p.drop)} lowest score(s), so it needs at least ${s(p.needed)} scores; ${s(p.stated)} would trim ${s(p.fewest)}`,
  ADJUST_PLACEMENT: (p) =>
    `adjust item ${q(p.id)} adds to its group's sum: place it in the children of a sum group or in an outside list, not under combine: ${s(p.combine)}`,
  LINKAGE_CYCLE: (p) => `linkage cycle: ${s((p.cycle as string[]).join(" → "))}`,
  RUBRIC_DUPLICATE_ID: (p) => `two rubrics in the set have id ${q(p.id)}`,
  DATA_DUPLICATE_ID: (p) => `duplicate subject id ${q(p.id)} (first at row ${s(p.firstRow)})`,
  DATA_MISSING_ID: () => `subject has no id`,
  DATA_MISSING_FIELD: (p) => `missing value for ${q(p.field)}; expected ${s(p.expected)}`,
  DATA_UNKNOWN_FIELD: (p) =>
    `unknown field ${q(p.field)}${typeof p.rows === "number" && p.rows > 1 ? ` (in ${p.rows} rows)` : ""}; no rubric in the set declares it`,
  DATA_NOT_NUMBER: (p) => `${q(p.field)} must be a number, got ${JSON.stringify(p.received)}`,
  DATA_NOT_INTEGER: (p) => `${q(p.field)} must be a whole number, got ${JSON.stringify(p.received)}`,
  DATA_TOO_PRECISE: (p) => `${q(p.field)} allows at most ${s(p.places)} decimal place(s), got ${s(p.received)}`,
  DATA_OUT_OF_RANGE: (p) => `${q(p.field)} must be ${s(p.expected)}, got ${s(p.received)}`,
  DATA_INVALID_VALUE: (p) => `${q(p.field)} must be ${s(p.expected)}, got ${JSON.stringify(p.received)}`,
  DATA_BAD_SHAPE: (p) => `${q(p.field)} must be ${s(p.expected)}, got ${s(p.received)}`,
  EVAL_LINKED_OUT_OF_RANGE: (p) => `linked score ${s(p.value)} from ${q(p.rubric)} exceeds ${s(p.max)}`,
  EVAL_NO_VALID_SCORES: (p) => `panel ${q(p.item)} has no valid score left (${s(p.detail)})`,
  EVAL_ZERO_DENOMINATOR: (p) => `${q(p.item)}: the ${s(p.denominator)} count is zero`,
  EVAL_QUOTA_HELD_BY_RULES: (p) =>
    `quota ${q(p.quota)} in ${s(p.scope)}: ${s(p.holders)} subjects hold the grade by rules, above the limit ${s(p.limit)}`,
  EVAL_NO_GRADE: (p) => `score ${s(p.score)} falls in no grade band and the gap policy is "error"`,
};

function hint(p: Params): string {
  return p.didYouMean ? `; did you mean ${q(p.didYouMean)}?` : "";
}

export function renderMessage(code: IssueCode, params: Params): string {
  return MESSAGES[code](params);
}
