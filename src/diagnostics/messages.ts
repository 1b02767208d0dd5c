/**
 * The one table of issue messages. Tests assert on codes and params, not on text.
 */
import type { IssueCode } from "./issue.js";
import { showValue, textOf } from "./show.js";

type Params = Record<string, unknown>;
// Never throw while rendering: params may hold any value a caller passed (BigInt, cycles, null-prototype objects).
const s = (v: unknown): string => (Array.isArray(v) ? v.map((x) => textOf(x)).join(", ") : textOf(v));
const q = (v: unknown): string => `"${s(v)}"`;

const MESSAGES: Record<IssueCode, (p: Params) => string> = {
  YAML_SYNTAX: (p) => `YAML syntax error: ${s(p.detail)}`,
  YAML_DUPLICATE_KEY: (p) => `duplicate key ${q(p.key)} in the same mapping`,
  YAML_EMPTY: () => "the rubric file is empty; expected a mapping with kaohe, id, name, grades and scoring",
  YAML_ALIAS: (p) =>
    p.reason === "cycle"
      ? `alias *${s(p.alias)} is inside its own anchor &${s(p.alias)}; a value cannot contain itself`
      : `alias *${s(p.alias)} names no anchor defined before it (an anchor &${s(p.alias)} must come first)`,
  YAML_ALIAS_LIMIT: (p) =>
    `anchor &${s(p.alias)} is expanded more than ${s(p.limit)} times (counting aliases inside it); raise the maxAliasCount load option if this is intended`,
  YAML_MERGE: (p) => `a merge (<<) takes a mapping, an alias of a mapping, or a list of those; got ${s(p.received)}`,
  YAML_TOO_LARGE: (p) => `the text holds ${s(p.length)} characters, more than the limit of ${s(p.limit)}; raise the maxLength load option if this is intended`,
  YAML_TOO_DEEP: (p) => `the YAML nests more than ${s(p.limit)} levels deep; raise the maxDepth load option if this is intended`,
  YAML_UNKNOWN_TAG: (p) =>
    `unknown tag ${s(p.tag)}; a rubric uses plain YAML values (the only tags allowed are !!str, !!int, !!float, !!bool, !!null, !!map and !!seq)`,
  YAML_CONTROL_CHARACTER: (p) =>
    `control character ${s(p.char)} is not allowed in a rubric${typeof p.count === "number" && p.count > 1 ? ` (${p.count} in the text)` : ""}`,
  YAML_NOT_UTF8: (p) =>
    `the file is not valid UTF-8: byte 0x${s(p.byte)} at byte offset ${s(p.offset)}${p.hint ? ` (${s(p.hint)})` : ""}; save the rubric as UTF-8`,
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
  REF_UNKNOWN_GRADE: (p) => `unknown grade ${q(p.id)} in scale [${s(p.scale)}]${hint(p)}`,
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
  QUOTA_LOWEST_GRADE: (p) =>
    `quota ${q(p.quota)} is on the lowest grade ${q(p.grade)}: nobody can be moved below it, so the quota could never apply; put the quota on a better grade`,
  GRADE_NAME_AMBIGUOUS: (p) => `grade name ${q(p.name)} is ambiguous: it names ${s(p.candidates)}; use the grade's id`,
  SPAN_WITHOUT_AS_OF: (p) => `${q(p.fact)} counts up to the rubric's asOf date, but the rubric declares none; add asOf: "YYYY-MM-DD" at the top level`,
  COND_INTEGER_RANGE_ON_DECIMAL: (p) =>
    `${s(p.condition)} on ${q(p.fact)}, which can hold decimals: ${s(p.problem)}; write ${s(p.suggestion)}, or write the bound with decimals (${s(p.keep)}) to keep it as it is`,
  ROOT_MAX_UNDECLARED: (p) =>
    `the ${s(p.combine)} root declares no max: the full mark (满分) is not checked, and it computes as ${s(p.computed)}; declare max: ${s(p.computed)} if that is the scheme's full mark`,
  LINKAGE_CYCLE: (p) => `linkage cycle: ${s((p.cycle as string[]).join(" → "))}`,
  RUBRIC_DUPLICATE_ID: (p) => `two rubrics in the set have id ${q(p.id)}`,
  DATA_DUPLICATE_ID: (p) => `duplicate subject id ${q(p.id)} (first at row ${s(p.firstRow)})`,
  DATA_MISSING_ID: () => `subject has no id`,
  DATA_MISSING_FIELD: (p) => `missing value for ${q(p.field)}${inputOf(p)}; expected ${s(p.expected)}${p.hint ? ` (${s(p.hint)})` : ""}`,
  DATA_UNKNOWN_FIELD: (p) =>
    `unknown field ${q(p.field)}${typeof p.rows === "number" && p.rows > 1 ? ` (in ${p.rows} rows)` : ""}; no rubric in the set declares it${p.hint ? ` (${s(p.hint)})` : ""}`,
  DATA_NOT_NUMBER: (p) => `${q(p.field)} must be a number, got ${received(p)}`,
  DATA_NOT_INTEGER: (p) => `${q(p.field)} must be a whole number, got ${received(p)}`,
  DATA_TOO_PRECISE: (p) => `${q(p.field)} allows at most ${s(p.places)} decimal place(s), got ${s(p.received)}`,
  DATA_OUT_OF_RANGE: (p) => `${q(p.field)} must be ${s(p.expected)}, got ${s(p.received)}`,
  DATA_INVALID_VALUE: (p) => `${q(p.field)} must be ${s(p.expected)}, got ${received(p)}`,
  DATA_INVALID_DATE: (p) => `${q(p.field)} must be a date such as 2024-03-01, 2024/3/1 or 2024年3月1日, got ${received(p)}${p.detail ? ` (${s(p.detail)})` : ""}`,
  DATA_BAD_SHAPE: (p) => `${p.field !== undefined ? q(p.field) : "the subject"} must be ${s(p.expected)}, got ${s(p.received)}`,
  DATA_DUPLICATE_COLUMN: (p) => `column ${q(p.column)} appears twice in the header, as columns ${s(p.first)} and ${s(p.second)}; give each column once`,
  DATA_TOO_LARGE: (p) =>
    `${p.field !== undefined ? `${q(p.field)}: ` : ""}${s(p.count)} ${s(p.what)}, above the limit of ${s(p.limit)} (raise it with the option ${s(p.option)})`,
  EVAL_LINKED_OUT_OF_RANGE: (p) => `linked score ${s(p.value)} from ${q(p.rubric)} exceeds ${s(p.max)}`,
  EVAL_NO_VALID_SCORES: (p) => `panel ${q(p.item)} has no valid score left (${s(p.detail)})`,
  EVAL_ZERO_DENOMINATOR: (p) => `${q(p.item)}: the ${s(p.denominator)} count is zero`,
  EVAL_QUOTA_HELD_BY_RULES: (p) =>
    `quota ${q(p.quota)} in ${s(p.scope)}: ${s(p.holders)} subjects hold the grade by rules, above the limit ${s(p.limit)}`,
  API_BAD_ARGUMENT: (p) => `${s(p.fn)}: ${s(p.argument)} must be ${s(p.expected)}, got ${s(p.received)}`,
  API_CALLBACK_FAILED: (p) => `${s(p.fn)}: the ${s(p.callback)} callback threw: ${s(p.detail)}`,
  API_INTERNAL_ERROR: (p) =>
    `${s(p.fn)} stopped on an unexpected error: ${s(p.detail)}; unless the input has throwing getters or proxies, this is a bug in kaohe (please report it with the input)`,
  EVAL_NO_GRADE: (p) => `score ${s(p.score)} falls in no grade band and the gap policy is "error"`,
  EVAL_NOT_GRADABLE: (p) => `the subject cannot be graded: ${s(p.detail)}`,
};

/** A received value: rendered already when the data boundary gave `receivedType` (a list, a mapping), otherwise rendered here. */
function received(p: Params): string {
  return p.receivedType !== undefined && typeof p.received === "string" ? p.received : showValue(p.received);
}

/** " (input x)" when the column the data used is not the input's name (its label). */
function inputOf(p: Params): string {
  return p.input !== undefined && p.input !== p.field ? ` (input ${q(p.input)})` : "";
}

function hint(p: Params): string {
  return p.didYouMean ? `; did you mean ${q(p.didYouMean)}?` : "";
}

export function renderMessage(code: IssueCode, params: Params): string {
  return MESSAGES[code](params);
}
