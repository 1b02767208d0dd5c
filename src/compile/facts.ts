/**
 * Fact references (`total`, `input.x`, `score.a1`, `rubric.r.grade`, ...) resolved and
 * type-checked, and conditions compiled into plain data (ConditionNode, a tree of
 * all / any / not over comparisons) that one interpreter reads (src/engine/condition.ts).
 * The grammar is a fixed set of dotted names: nothing in rubric text is ever executed
 * as code, and the compiled condition holds no function.
 * @internal
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import { parseDate } from "../decimal/dates.js";
import { dec, parseDecimal, type Dec } from "../decimal/decimal.js";
import type { RubricPath } from "../parse/locate.js";
import { COMPARATORS, type Comparator, type ComparisonSource, type ConditionSource } from "../schema/rubric-schema.js";
import { didYouMean, type CompileContext } from "./context.js";
import type { CompiledCondition, FactRef, FactType, TieBreaker } from "./model.js";

export type { FactType };

/** A resolved fact: its type and what to read (plain data). Grades read as an index into `scale`. */
export interface Fact {
  readonly ref: string;
  readonly type: FactType;
  readonly read: FactRef;
  /** Grade facts: the scale, or "linked" when it is another rubric's (known at link time). */
  readonly scale?: readonly string[] | { readonly linked: string };
  /** Choice inputs: the allowed values. */
  readonly values?: readonly string[];
  /** Grade facts of this rubric's own scale (named by id or label). */
  readonly ownGrades?: boolean;
  /** Number facts that can hold decimals (for the closed-integer-range warning). */
  readonly decimal?: boolean;
  /** Number facts: the largest value the fact can take, when known. */
  readonly max?: Dec;
}

const RUBRIC_FIELDS = ["score", "grade", "rank", "excluded"] as const;

export function resolveFact(
  ctx: CompileContext,
  ref: string,
  path: RubricPath,
  nodeMax: (id: string) => Dec | undefined,
): Fact | undefined {
  const parts = ref.split(".");
  const bad = (reason: string, more: Record<string, unknown> = {}) => {
    ctx.error("REF_BAD_FACT", { fact: ref, reason, ...more }, path);
    return undefined;
  };
  const [head, a, b] = parts;
  switch (head) {
    case "total": {
      if (parts.length !== 1) return bad("no-part", { head });
      const max = ctx.ceiling(ctx.rootId, nodeMax(ctx.rootId));
      return { ref, type: "number", decimal: !ctx.wholeTotal, ...(max ? { max } : {}), read: { kind: "total" } };
    }
    case "grade":
    case "rawGrade":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "grade", scale: ctx.grades, ownGrades: true, read: { kind: head } };
    case "monthsSince":
    case "daysSince": {
      if (parts.length !== 2 || !a) return bad("shape", { shape: `${head}.<date input>` });
      const spec = ctx.inputs.get(a);
      if (!spec) {
        const hint = didYouMean(a, ctx.inputs.keys());
        ctx.error("REF_UNKNOWN_INPUT", { id: a, ...(hint ? { didYouMean: hint } : {}) }, path);
        return undefined;
      }
      if (spec.type !== "date") return bad("span-not-date", { head, input: a, type: spec.type });
      const asOf = ctx.asOf;
      if (asOf === undefined) {
        ctx.error("SPAN_WITHOUT_AS_OF", { fact: ref }, path);
        return undefined;
      }
      ctx.factInputs.add(a);
      return { ref, type: "number", decimal: false, read: { kind: "span", unit: head === "monthsSince" ? "months" : "days", input: a, asOf } };
    }
    case "rank":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "rank", read: { kind: "rank" } };
    case "groupRank":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "rank", read: { kind: "groupRank" } };
    case "group":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "text", read: { kind: "group" } };
    case "zeroItems":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "number", read: { kind: "zeroItems" } };
    case "score":
    case "ratio": {
      if (parts.length !== 2 || !a) return bad("shape", { shape: `${head}.<item or group id>` });
      if (!ctx.nodeIds.has(a)) {
        const hint = didYouMean(a, ctx.nodeIds.keys());
        ctx.error("REF_UNKNOWN_NODE", { id: a, ...(hint ? { didYouMean: hint } : {}) }, path);
        return undefined;
      }
      ctx.factNodes.add(a);
      if (head === "score") {
        const max = ctx.ceiling(a, nodeMax(a));
        return { ref, type: "number", decimal: !ctx.wholeNodes.has(a), ...(max ? { max } : {}), read: { kind: "score", node: a } };
      }
      const exceeds = ctx.exceedsMax.has(a) || ctx.ceilings.has(a);
      const full = nodeMax(a);
      return { ref, type: "number", decimal: true, ...(exceeds ? {} : { max: dec(1) }), read: { kind: "ratio", node: a, ...(full ? { max: full.toFixed() } : {}) } };
    }
    case "input": {
      if (parts.length !== 2 || !a) return bad("shape", { shape: "input.<name>" });
      const spec = ctx.inputs.get(a);
      if (!spec) {
        const hint = didYouMean(a, ctx.inputs.keys());
        ctx.error("REF_UNKNOWN_INPUT", { id: a, ...(hint ? { didYouMean: hint } : {}) }, path);
        return undefined;
      }
      ctx.factInputs.add(a);
      const read: FactRef = { kind: "input", input: a };
      switch (spec.type) {
        case "number":
        case "count":
        case "ratio": {
          const decimal = spec.type === "ratio" || (spec.type === "number" && spec.places !== 0);
          return { ref, type: "number", decimal, ...(spec.max ? { max: spec.max } : {}), read };
        }
        case "date":
          return { ref, type: "date", read };
        case "boolean":
          return { ref, type: "boolean", read };
        case "choice":
          return { ref, type: "text", read, values: spec.values };
        case "text":
          return { ref, type: "text", read };
        case "grade":
          return { ref, type: "grade", scale: spec.scale, read: { kind: "input", input: a, scale: spec.scale } };
        case "rank":
          return { ref, type: "rank", read };
        default:
          return bad("input-type", { input: a, type: spec.type });
      }
    }
    case "rubric": {
      const field = b as (typeof RUBRIC_FIELDS)[number] | undefined;
      if (parts.length !== 3 || !a || !field || !RUBRIC_FIELDS.includes(field))
        return bad("shape", { shape: `rubric.<id>.${RUBRIC_FIELDS.join("|")}` });
      if (a === ctx.rubricId) return bad("own-rubric");
      if (!ctx.dependencies.has(a)) ctx.dependencies.set(a, path);
      switch (field) {
        case "score":
          return { ref, type: "number", decimal: true, read: { kind: "linked", rubric: a, field } };
        case "grade":
          return { ref, type: "grade", scale: { linked: a }, read: { kind: "linked", rubric: a, field } };
        case "rank":
          return { ref, type: "rank", read: { kind: "linked", rubric: a, field } };
        case "excluded":
          return { ref, type: "boolean", read: { kind: "linked", rubric: a, field } };
      }
    }
    // falls through: unreachable, every field returns
    default: {
      const heads = ["total", "score.<id>", "ratio.<id>", "input.<name>", "grade", "rawGrade", "rank", "groupRank", "group", "zeroItems", "monthsSince.<date input>", "daysSince.<date input>", "rubric.<id>.<field>"];
      return bad("unknown", { known: heads });
    }
  }
}

const OPS_BY_TYPE: Record<FactType, readonly Comparator[]> = {
  boolean: ["is", "eq", "ne"],
  number: ["eq", "ne", "in", "notIn", "lt", "lte", "gt", "gte", "between"],
  text: ["eq", "ne", "in", "notIn"],
  grade: ["eq", "ne", "in", "notIn", "worseThan", "betterThan", "atLeast", "atMost"],
  rank: ["top", "bottom", "eq", "ne", "lt", "lte", "gt", "gte"],
  date: ["eq", "ne", "lt", "lte", "gt", "gte", "between"],
};

/**
 * Compile a condition into plain data. `nodeMax` gives a node's max for `ratio.<id>` facts.
 * Returns undefined after reporting issues.
 */
export function compileCondition(
  ctx: CompileContext,
  source: ConditionSource,
  path: RubricPath,
  nodeMax: (id: string) => Dec | undefined,
): CompiledCondition | undefined {
  if (typeof source === "string") {
    const fact = resolveFact(ctx, source, path, nodeMax);
    if (!fact) return undefined;
    if (fact.type !== "boolean") {
      ctx.error("COND_TYPE_MISMATCH", { op: "(bare fact)", fact: source, type: fact.type, reason: "bare-fact" }, path);
      return undefined;
    }
    return { node: { op: "fact", fact: fact.read, path }, text: source };
  }
  if ("all" in source || "any" in source) {
    const op = "all" in source ? "all" : "any";
    const list = "all" in source ? source.all : source.any;
    const parts = list.map((s, i) => compileCondition(ctx, s, [...path, op, i], nodeMax));
    if (parts.some((p) => !p)) return undefined;
    const ps = parts as CompiledCondition[];
    return { node: { op, of: ps.map((p) => p.node), path }, text: `${op}(${ps.map((p) => p.text).join(", ")})` };
  }
  if ("not" in source) {
    const inner = compileCondition(ctx, source.not, [...path, "not"], nodeMax);
    if (!inner) return undefined;
    return { node: { op: "not", of: inner.node, path }, text: `not(${inner.text})` };
  }
  return compileComparison(ctx, source, path, nodeMax);
}

function compileComparison(
  ctx: CompileContext,
  source: ComparisonSource,
  path: RubricPath,
  nodeMax: (id: string) => Dec | undefined,
): CompiledCondition | undefined {
  const fact = resolveFact(ctx, source.fact, [...path, "fact"], nodeMax);
  const op = COMPARATORS.find((o) => source[o] !== undefined);
  if (!fact || !op) return undefined;
  const raw = source[op] as unknown;
  const opPath = [...path, op];
  const text = `${source.fact} ${op} ${JSON.stringify(raw)}`;
  if (!OPS_BY_TYPE[fact.type].includes(op)) {
    ctx.error(
      "COND_TYPE_MISMATCH",
      { op, fact: source.fact, type: fact.type, reason: "operator", allowed: OPS_BY_TYPE[fact.type] },
      opPath,
      op,
    );
    return undefined;
  }
  const operands = compileOperands(ctx, fact, op, raw, opPath);
  return operands ? { node: { op: "compare", fact: fact.read, type: fact.type, cmp: op, ...operands, path }, text } : undefined;
}

type Operands = { readonly values: readonly (string | boolean)[]; readonly grades?: readonly number[]; readonly share?: boolean };

/** Check the operand(s) of a comparison against the fact's type and put them in canonical form (decimal text, ISO dates, grade indices). */
function compileOperands(ctx: CompileContext, fact: Fact, op: Comparator, raw: unknown, path: RubricPath): Operands | undefined {
  switch (fact.type) {
    case "boolean":
      return typeof raw === "boolean" ? { values: [raw] } : mismatch(ctx, op, fact, "boolean", path);
    case "number": {
      warnClosedIntegerRange(ctx, fact, op, raw, path);
      if (op === "in" || op === "notIn") {
        const list = (raw as unknown[]).map((v) => parseDecimal(v));
        if (list.some((v) => v === undefined)) return mismatch(ctx, op, fact, "number-list", path);
        return { values: (list as Dec[]).map((d) => d.toFixed()) };
      }
      if (op === "between") {
        const [lo, hi] = (raw as unknown[]).map((v) => parseDecimal(v));
        if (!lo || !hi) return mismatch(ctx, op, fact, "number-pair", path);
        if (lo.gt(hi)) {
          ctx.error("RANGE_INVALID", { reason: "between-numbers", low: lo.toFixed(), high: hi.toFixed() }, path);
          return undefined;
        }
        return { values: [lo.toFixed(), hi.toFixed()] };
      }
      const target = parseDecimal(raw);
      return target ? { values: [target.toFixed()] } : mismatch(ctx, op, fact, "number", path);
    }
    case "text": {
      if (op === "in" || op === "notIn") {
        const list = (raw as unknown[]).map(String);
        if (fact.values) for (const v of list) if (!fact.values.includes(v)) ctx.error("REF_UNKNOWN_LEVEL", { id: v, levels: fact.values }, path);
        return { values: list };
      }
      if (typeof raw !== "string") return mismatch(ctx, op, fact, "text", path);
      if (fact.values && !fact.values.includes(raw)) ctx.error("REF_UNKNOWN_LEVEL", { id: raw, levels: fact.values }, path);
      return { values: [raw] };
    }
    case "grade": {
      const ids = op === "in" || op === "notIn" ? (raw as unknown[]).map(String) : [String(raw)];
      return gradeOperands(ctx, fact, ids, path);
    }
    case "date": {
      // Dates compare as their ISO text, which orders like the dates.
      const date = (v: unknown): string | undefined => {
        const d = parseDate(v);
        return "iso" in d ? d.iso : undefined;
      };
      if (op === "between") {
        const [lo, hi] = (raw as unknown[]).map(date);
        if (!lo || !hi) return mismatch(ctx, op, fact, "date-pair", path);
        if (lo > hi) {
          ctx.error("RANGE_INVALID", { reason: "between-dates", low: lo, high: hi }, path);
          return undefined;
        }
        return { values: [lo, hi] };
      }
      const target = date(raw);
      return target ? { values: [target] } : mismatch(ctx, op, fact, "date", path);
    }
    case "rank": {
      if (op === "top" || op === "bottom") {
        const n = parseDecimal(raw);
        if (!n || n.lte(0)) return mismatch(ctx, op, fact, "count-or-share", path);
        const share = typeof raw === "string" && raw.includes("%");
        if (!share && !n.isInteger()) return mismatch(ctx, op, fact, "whole-count", path);
        return { values: [n.toFixed()], share };
      }
      const target = parseDecimal(raw);
      return target ? { values: [target.toFixed()] } : mismatch(ctx, op, fact, "rank", path);
    }
    default:
      return unreachable(fact.type, "fact type");
  }
}

/**
 * Grades named in a comparison: this rubric's own (by id or label; an ambiguous name is
 * an error) and an input's scale resolve to indices now; another rubric's are checked at
 * link time and resolved by the interpreter against that rubric's scale.
 */
function gradeOperands(ctx: CompileContext, fact: Fact, ids: string[], path: RubricPath): Operands | undefined {
  const scale = fact.scale;
  if (scale && "linked" in scale) {
    for (const id of ids) ctx.gradeReferences.push({ rubric: scale.linked, grade: id, path });
    return { values: ids };
  }
  if (fact.ownGrades) {
    const found = ids.map((id) => ctx.gradeIndex(id, path));
    if (found.some((i) => i === undefined)) return undefined;
    return { values: ids, grades: found as number[] };
  }
  const own = (scale ?? []) as readonly string[];
  let okAll = true;
  for (const id of ids) {
    if (!own.includes(id)) {
      ctx.error("REF_UNKNOWN_GRADE", { id, scale: own }, path);
      okAll = false;
    }
  }
  return okAll ? { values: ids, grades: ids.map((id) => own.indexOf(id)) } : undefined;
}

/** `expects` names what the operator's value must be (a key of the message tables). */
function mismatch(ctx: CompileContext, op: Comparator, fact: Fact, expects: string, path: RubricPath): undefined {
  ctx.error("COND_TYPE_MISMATCH", { op, fact: fact.ref, type: fact.type, reason: "value", expects }, path);
  return undefined;
}

/**
 * The value a tie-breaker compares (plain data): a number; a rank as its position; a
 * grade as its quality (the best grade highest, so `desc` puts it first, like totals);
 * a date as its day number (`asc` puts the earlier first); a boolean as 1 / 0.
 */
export function tieBreakerValue(ctx: CompileContext, ref: string, path: RubricPath, nodeMax: (id: string) => Dec | undefined): TieBreaker["value"] | undefined {
  const fact = resolveFact(ctx, ref, path, nodeMax);
  if (!fact) return undefined;
  if (fact.type === "text") {
    ctx.error("COND_TYPE_MISMATCH", { op: "tieBreaker", fact: ref, type: fact.type, reason: "tie-breaker" }, path);
    return undefined;
  }
  return { fact: fact.read, type: fact.type };
}

/**
 * "0—69分之间" written `between: [0, 69]` on a fact that can hold decimals lets 69.5
 * escape both it and the next range (70—79). Warn (COND_INTEGER_RANGE_ON_DECIMAL)
 * when a number fact that can hold decimals is tested by
 *   - `between: [low, high]`, `lte: high`: a whole high bound closes the range at an integer;
 *   - `gt: n` with a whole n: "more than 89" meant as "90 and above" takes in 89.5;
 * where a bound is whole when written as an integer (69) or a whole percentage (69%).
 * No warning when the bound is at or above the largest value the fact can take
 * (`between: [90, 100]` on a total whose full mark is 100), nor for `lt`, `gte`,
 * `eq`, `ne`, `in`, `notIn`, nor for a bound written with decimals ("69.0").
 */
function warnClosedIntegerRange(ctx: CompileContext, fact: Fact, op: Comparator, raw: unknown, path: RubricPath): void {
  if (!fact.decimal || (op !== "between" && op !== "lte" && op !== "gt")) return;
  const boundRaw = op === "between" ? (raw as unknown[])[1] : raw;
  const whole = wholeBound(boundRaw);
  if (!whole) return;
  const bound = parseDecimal(boundRaw);
  if (!bound || (fact.max !== undefined && bound.gte(fact.max))) return;
  const unit = whole.percent ? "%" : "";
  const n = whole.value;
  const [at, half, next] = [`${n}${unit}`, `${n}.5${unit}`, `${n + 1}${unit}`];
  const text = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  const f = fact.ref;
  const low = op === "between" ? text((raw as unknown[])[0]) : "";
  const condition = op === "between" ? `between: [${low}, ${text(boundRaw)}]` : `${op}: ${text(boundRaw)}`;
  const suggestion =
    op === "between" ? `{ all: [ { fact: ${f}, gte: ${low} }, { fact: ${f}, lt: ${next} } ] }` : op === "lte" ? `lt: ${next}` : `gte: ${next}`;
  const problem = op === "gt" ? `${half} meets it though it is below ${next}` : `${half} lies between ${at} and ${next} and escapes it`;
  ctx.warn("COND_INTEGER_RANGE_ON_DECIMAL", { condition, fact: f, problem, suggestion, keep: `"${n}.0${unit}"`, op, at, half, next }, path);
}

/** A bound written as an integer (69, "69") or a whole percentage ("69%"): its number and whether it is a percentage. */
function wholeBound(raw: unknown): { value: number; percent: boolean } | undefined {
  if (typeof raw === "number") return Number.isSafeInteger(raw) ? { value: raw, percent: false } : undefined;
  if (typeof raw !== "string") return undefined;
  const m = /^\s*(-?\d+)\s*(%?)\s*$/.exec(raw);
  return m ? { value: Number(m[1]), percent: m[2] === "%" } : undefined;
}
