/**
 * The English table of issue messages: one template per IssueCode, and one per
 * sub-key (`reason`, `expects`) where a code covers several cases. Issue.message is
 * rendered from this table; messages.zh-CN.ts holds the same keys in Chinese. Tests
 * assert on codes and params, not on text.
 */
import type { IssueCode } from "./issue.js";
import { showValue } from "./show.js";
import { list, pick, q, received, rec, s, type Params, type Template } from "./template.js";

const pad2 = (v: unknown) => s(v).padStart(2, "0");
const got = (p: Params) => s(p.received);

/** SCHEMA_CONSTRAINT: a rule of the language that a rubric breaks, by `reason`. */
export const CONSTRAINT_EN: Readonly<Record<string, Template>> = {
  "tier-when-last": () => "only the last tier may omit when (it takes every remaining subject)",
  "grade-min-and-above": () => "a grade takes min (≥) or above (>), not both",
  "grade-max-and-below": () => "a grade takes max (≤) or below (<), not both",
  "grade-lower-bound": (p) => `grade ${q(p.grade)} needs a lower bound (min or above); only the last grade may omit it`,
  "test-expect-or-error": () => "a test case needs expect or error",
  "input-subject-column": (p) => `${q(p.input)} is reserved for the subject's ${s(p.input)}; choose another input name`,
  "missing-with-default": (p) => `input ${q(p.input)} has a default, so its value is never missing; remove missing or default`,
  "missing-with-required": (p) => `input ${q(p.input)}: required: true contradicts missing: ${s(p.missing)} (which lets the value be absent); remove one`,
  "missing-zero-type": (p) =>
    `missing: zero reads an absent value as 0 and applies to number, count, ratio and scores inputs; ${q(p.input)} is a ${s(p.type)} (${p.type === "boolean" ? "give it default: false" : "use missing: skip or error"})`,
  "missing-no-input": (p) => `item ${q(p.item)} reads no input itself (only conditions or records), so missing applies to nothing`,
  "missing-zero-panel": (p) => `item ${q(p.item)} is a panel: an absent score sheet cannot be read as zero (no scores); use missing: skip or error`,
  "column-also-input": (p) => `column ${q(p.column)} is the subject's ${columnRole(p.what)} and also input ${q(p.input)}; a column is read once`,
  "column-twice": (p) => `column ${q(p.column)} is the subject's ${columnRole(p.what)} and also its ${columnRole(p.other)}`,
  "ratio-input-or-pair": () => "a ratio item takes either input, or both numerator and denominator",
  "adjust-empty": () => "an adjust item needs at least one entry in additions or deductions",
  "scale-target": () => "a scale item needs exactly one of target or targetInput",
  "band-bound": () => "a band needs exactly one of min (≥) or above (>)",
  "rank-mode": () => "a rank item needs exactly one of points, percentiles, proportional",
  "trim-above-and-min": () => "trim takes one of above (more than n scores) or minScores (at least n scores), not both",
  "real-date": () => 'expected a real date such as "2024-12-31" (or 2024/12/31, 2024年12月31日)',
  "comparison-operators": (p) =>
    list(p.found).length === 0
      ? `a comparison needs exactly one operator: ${s(p.operators)}`
      : `a comparison has exactly one operator, found ${s(p.found, " and ")}`,
  "entry-kind": (p) => `an entry needs exactly one of when, per, shortfall, records, chosen; found ${list(p.found).length ? s(p.found) : "none"}`,
  "entry-range": () => "a chosen entry needs range: [low, high]",
  "entry-points": (p) => `a ${s(p.kind)} entry needs points`,
  "entry-records-only": () => "times, split and dedup apply to records entries only",
  "entry-table-records-only": () => "points by a table apply to records entries only",
  "quota-share-or-count": () => "a quota needs exactly one of share or count",
};

const columnRole = (what: unknown) => (what === "ignore" ? "ignored column" : s(what));

/** RANGE_INVALID: numbers of a rubric that contradict each other, by `reason`. */
export const RANGE_EN: Readonly<Record<string, Template>> = {
  "grade-empty-band": (p) => `grade ${q(p.grade)} has an empty band`,
  "common-share": (p) => `commonShare must lie within 0%..100%, got ${got(p)}`,
  "common-loss": (p) => `commonLoss must lie within 0%..100%, got ${got(p)}`,
  "normalize-to": (p) => `normalizeTo must be above 0 (the full mark points are rescaled to), got ${got(p)}`,
  "group-cap-negative": (p) => `cap ${s(p.cap)} is below 0: a group's points are capped at 0 or more`,
  "floor-above-cap": (p) => `floor ${s(p.floor)} is above cap ${s(p.cap)}`,
  "floor-above-limit": (p) => `floor ${s(p.floor)} is above limit ${s(p.limit)}`,
  "carry-share": (p) => `share of last year's points must lie within (0%, 100%], got ${got(p)}`,
  "scale-from": (p) => `scaleFrom (the linked rubric's full mark) must be above 0, got ${got(p)}`,
  "rater-weight": (p) => `weight of rater group ${q(p.group)} must be positive, got ${got(p)}`,
  "input-min-above-max": (p) => `min ${s(p.min)} is above max ${s(p.max)}`,
  "missing-zero-range": (p) => `input ${q(p.input)}: missing: zero reads an absent value as 0, outside its range ${s(p.min ?? "")}..${s(p.max ?? "")}`,
  "item-missing-zero-range": (p) => `item ${q(p.item)}: missing: zero reads ${q(p.input)} as 0, outside its range ${s(p.min ?? "")}..${s(p.max ?? "")}`,
  "between-numbers": (p) => `between: low ${s(p.low)} is above high ${s(p.high)}`,
  "between-dates": (p) => `between: ${s(p.low)} is after ${s(p.high)}`,
  "input-above-item-max": (p) => `input ${q(p.input)} allows values up to ${s(p.inputMax ?? "any size")}, above the item's max ${s(p.max)}`,
  "carry-above-item-max": (p) =>
    `input ${q(p.input)} allows values up to ${s(p.inputMax ?? "any size")}; × ${s(p.share)} that exceeds the item's max ${s(p.max)} (declare max: ${s(p.limit)}, with clamp: true to carry over at most that)`,
  "proportional-rank-negative": (p) =>
    `proportional points need values of 0 or more, but input ${q(p.input)} allows ${p.inputMin !== undefined ? `values down to ${s(p.inputMin)}` : "any value"}; declare min: 0`,
  "chosen-range": (p) => `range low ${s(p.low)} is above high ${s(p.high)}`,
  "weight-positive": (p) => `weight of ${q(p.id)} must be positive, got ${got(p)}`,
  "value-outside-max": (p) => `${pointsName(p)} ${s(p.value)} is outside 0..${s(p.max)} (the item's max)`,
  "base-above-max": (p) => `base ${s(p.base)} is above max ${s(p.max)}`,
  "floor-above-base": (p) => `floor ${s(p.floor)} is above base ${s(p.base)}`,
  "adjust-cap-negative": (p) => `cap ${s(p.cap)} is below 0: the cap bounds the net addition`,
  "adjust-floor-positive": (p) => `floor ${s(p.floor)} is above 0: the floor bounds the net deduction (write it negative, e.g. -10)`,
  "unit-positive": (p) => `unit must be positive, got ${got(p)}`,
  "zero-below-above-target": (p) => `zeroBelow ${s(p.zeroBelow)} is above the target ${s(p.target)}: the target itself would score 0`,
  coefficient: (p) => `coefficient of ${q(p.level)} must be between 0 and 1, got ${got(p)}`,
};

/** The points of an item method named as the rubric writes them (yes, level "好", points[0]...). */
function pointsName(p: Params): string {
  switch (p.what) {
    case "level":
      return `level ${q(p.level)}`;
    case "position":
      return `points[${typeof p.position === "number" ? p.position - 1 : s(p.position)}]`;
    case "band":
      return "band points";
    default:
      return s(p.what);
  }
}

/** REF_BAD_FACT, by `reason`. */
export const BAD_FACT_EN: Readonly<Record<string, Template>> = {
  "no-part": (p) => `${s(p.head)} takes no further part`,
  shape: (p) => `expected ${s(p.shape)}`,
  "span-not-date": (p) => `input ${q(p.input)} is a ${s(p.type)} input; ${s(p.head)} counts from a date input (type: date)`,
  "input-type": (p) => `input ${q(p.input)} is a ${s(p.type)} input; conditions read number, count, ratio, boolean, choice, text, grade, date and rank inputs`,
  "own-rubric": () => "a rubric cannot read its own result through rubric.<id>; use total, grade or rank",
  unknown: (p) => `unknown fact; expected one of ${s(p.known)}`,
};

/** COND_TYPE_MISMATCH with reason "value": what the operator's value must be, by `expects`. */
export const OPERAND_EN: Readonly<Record<string, string>> = {
  boolean: "expects true or false",
  "number-list": "expects a list of numbers",
  "number-pair": "expects [low, high] numbers",
  number: "expects a number",
  text: "expects a string",
  "date-pair": 'expects [first, last] dates such as ["2024-01-01", "2024-06-30"]',
  date: 'expects a real date such as "2024-06-30"',
  "count-or-share": 'expects a positive count or a share such as "10%"',
  "whole-count": "expects a whole count or a percentage",
  rank: "expects a rank number",
};

const TYPE_MISMATCH_EN: Readonly<Record<string, Template>> = {
  "bare-fact": () => "a bare fact must be a boolean; compare it with an operator",
  operator: (p) => `use one of ${s(p.allowed)}`,
  value: (p) => (typeof p.expects === "string" && Object.hasOwn(OPERAND_EN, p.expects) ? OPERAND_EN[p.expects]! : `expects ${s(p.expects)}`),
  "tie-breaker": () => "tie-breakers need a number, rank, grade, date or boolean fact",
};

const MAX_FROM_EN: Readonly<Record<string, string>> = {
  normalizeTo: "normalizeTo",
  "weighted-children": "the weighted children",
  children: "the children's points",
  periodMax: "periodMax × count",
};

const DATE_PROBLEM_EN: Readonly<Record<string, Template>> = {
  "not-text": () => "expected a date written as text",
  year: (p) => `year ${s(p.year)} is out of range`,
  month: (p) => `there is no month ${s(p.month)}`,
  day: (p) => `${s(p.year)}-${pad2(p.month)} has ${s(p.days)} days, not ${s(p.day)}`,
  "not-a-date": () => "not a date",
};

const SCHEMA_VALUE_EN: Readonly<Record<string, Template>> = {
  "one-of": (p) => `expected ${list(p.values).map((v) => showValue(v)).join(" | ")}; got ${got(p)}`,
  format: (p) => `expected ${s(p.expected)}; got ${got(p)}`,
};

function outOfRange(p: Params): string {
  const word = p.side === "min" ? "at least" : "at most";
  const entries = `${word} ${s(p.bound)} ${s(p.bound) === "1" ? "entry" : "entries"}`;
  const what = p.of === "list" ? `a list of ${entries}` : p.of === "mapping" ? `a mapping of ${entries}` : `${word} ${s(p.bound)}`;
  return `expected ${what}, got ${got(p)}`;
}

const NOT_GRADABLE_EN: Readonly<Record<string, Template>> = {
  "nothing-applies": (p) => {
    const skipped = list(p.skipped).map((k) => `${q(rec(k).item)} (no ${q(rec(k).column)})`);
    return `no item applies to it${skipped.length ? `; skipped for a missing value: ${skipped.join(", ")}` : ""}`;
  },
  "item-failed": (p) => `item ${q(p.item)} could not be scored`,
};

const MESSAGES: Record<IssueCode, Template> = {
  YAML_SYNTAX: (p) => `YAML syntax error: ${s(p.parserMessage ?? p.yamlCode)}`,
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
  SCHEMA_INVALID_TYPE: (p) => `expected ${s(p.expected)}, got ${got(p)}`,
  SCHEMA_INVALID_VALUE: (p) => pick(SCHEMA_VALUE_EN, p.reason, p, () => `${p.text !== undefined ? `${s(p.text)}; ` : ""}got ${got(p)}`),
  SCHEMA_OUT_OF_RANGE: outOfRange,
  SCHEMA_INVALID_KIND: (p) => `unknown kind ${q(p.received)}; expected ${s(p.expected)}`,
  SCHEMA_CONSTRAINT: (p) => pick(CONSTRAINT_EN, p.reason, p, () => s(p.text ?? "the rubric breaks a rule of the language")),
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
  REF_BAD_FACT: (p) => `bad fact reference ${q(p.fact)}: ${pick(BAD_FACT_EN, p.reason, p, () => "not a fact")}`,
  COND_TYPE_MISMATCH: (p) => `operator ${q(p.op)} does not apply to ${q(p.fact)} (a ${s(p.type)}); ${pick(TYPE_MISMATCH_EN, p.reason, p, () => s(p.reason))}`,
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
  MAX_MISMATCH: (p) =>
    `declared max ${s(p.declared)} but ${typeof p.from === "string" && Object.hasOwn(MAX_FROM_EN, p.from) ? MAX_FROM_EN[p.from] : s(p.from)} give ${s(p.computed)}`,
  RANGE_INVALID: (p) => pick(RANGE_EN, p.reason, p, () => s(p.text ?? "numbers of the rubric contradict each other")),
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
  LINKAGE_CYCLE: (p) => `linkage cycle: ${s(p.cycle, " → ")}`,
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
  DATA_INVALID_DATE: (p) =>
    `${q(p.field)} must be a date such as 2024-03-01, 2024/3/1 or 2024年3月1日, got ${received(p)}${p.reason !== undefined ? ` (${pick(DATE_PROBLEM_EN, p.reason, p, () => s(p.reason))})` : ""}`,
  DATA_BAD_SHAPE: (p) => `${p.field !== undefined ? q(p.field) : "the subject"} must be ${s(p.expected)}, got ${s(p.received)}`,
  DATA_DUPLICATE_COLUMN: (p) => `column ${q(p.column)} appears twice in the header, as columns ${s(p.first)} and ${s(p.second)}; give each column once`,
  DATA_TOO_LARGE: (p) =>
    `${p.field !== undefined ? `${q(p.field)}: ` : ""}${s(p.count)} ${s(p.what)}, above the limit of ${s(p.limit)} (raise it with the option ${s(p.option)})`,
  DATA_CELL_ERROR: (p) => `${q(p.field)} holds the spreadsheet error ${s(p.error)}; correct the cell or its formula`,
  DATA_FORMULA_NO_RESULT: (p) =>
    `${q(p.field)} is a formula with no saved result (the file was written by a program, not saved by Excel); open and save it in Excel or LibreOffice, or paste the values`,
  EVAL_LINKED_OUT_OF_RANGE: (p) => `linked score ${s(p.value)} from ${q(p.rubric)} exceeds ${s(p.max)}`,
  EVAL_NO_VALID_SCORES: (p) => `panel ${q(p.item)} has no valid score left (${p.reason === "void-ballots" ? `void ballots: ${s(p.raters)}` : "no scores"})`,
  EVAL_ZERO_DENOMINATOR: (p) => `${q(p.item)}: the ${s(p.denominator)} count is zero`,
  EVAL_QUOTA_HELD_BY_RULES: (p) =>
    `quota ${q(p.quota)} in ${s(p.scope)}: ${s(p.holders)} subjects hold the grade by rules, above the limit ${s(p.limit)}`,
  API_BAD_ARGUMENT: (p) => `${s(p.fn)}: ${s(p.argument)} must be ${s(p.expected)}, got ${s(p.received)}`,
  API_CALLBACK_FAILED: (p) => `${s(p.fn)}: the ${s(p.callback)} callback threw: ${s(p.error)}`,
  API_INTERNAL_ERROR: (p) =>
    `${s(p.fn)} stopped on an unexpected error: ${s(p.error)}; unless the input has throwing getters or proxies, this is a bug in kaohe (please report it with the input)`,
  EVAL_NO_GRADE: (p) => `score ${s(p.score)} falls in no grade band and the gap policy is "error"`,
  EVAL_NOT_GRADABLE: (p) => `the subject cannot be graded: ${pick(NOT_GRADABLE_EN, p.reason, p, () => s(p.reason))}`,
};

/** " (input x)" when the column the data used is not the input's name (its label). */
function inputOf(p: Params): string {
  return p.input !== undefined && p.input !== p.field ? ` (input ${q(p.input)})` : "";
}

function hint(p: Params): string {
  return p.didYouMean ? `; did you mean ${q(p.didYouMean)}?` : "";
}

/** The English table, one template per code. */
export const MESSAGES_EN: Readonly<Record<IssueCode, Template>> = MESSAGES;
