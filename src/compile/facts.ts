/**
 * Fact references (`total`, `input.x`, `score.a1`, `rubric.r.grade`, ...) and
 * conditions compiled into closures. The grammar is a fixed set of dotted names:
 * nothing in rubric text is ever executed as code.
 * @internal
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import { daysBetween, monthsBetween, parseDate } from "../decimal/dates.js";
import { dec, isDec, parseDecimal, type Dec } from "../decimal/decimal.js";
import type { RubricPath } from "../parse/locate.js";
import { COMPARATORS, type Comparator, type ComparisonSource, type ConditionSource } from "../schema/rubric-schema.js";
import { didYouMean, type CompileContext } from "./context.js";
import type { CompiledCondition, FactContext, RankValue } from "./model.js";

export type FactType = "number" | "boolean" | "text" | "grade" | "rank" | "date";

/** A resolved fact: its type and how to read it. Grades read as an index into `scale`. */
export interface Fact {
  readonly ref: string;
  readonly type: FactType;
  readonly get: (ctx: FactContext) => unknown;
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
      return { ref, type: "number", decimal: !ctx.wholeTotal, ...(max ? { max } : {}), get: (c) => c.total };
    }
    case "grade":
    case "rawGrade":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "grade", scale: ctx.grades, ownGrades: true, get: head === "grade" ? (c) => c.grade : (c) => c.rawGrade };
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
      const span = head === "monthsSince" ? monthsBetween : daysBetween;
      return {
        ref,
        type: "number",
        decimal: false,
        get: (c) => {
          const v = c.input(a);
          return typeof v === "string" ? dec(span(v, asOf)) : undefined;
        },
      };
    }
    case "rank":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "rank", get: (c) => c.rank };
    case "groupRank":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "rank", get: (c) => c.groupRank };
    case "group":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "text", get: (c) => c.group };
    case "zeroItems":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "number", get: (c) => dec(c.zeroItems) };
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
        return { ref, type: "number", decimal: !ctx.wholeNodes.has(a), ...(max ? { max } : {}), get: (c) => c.points(a) };
      }
      const exceeds = ctx.exceedsMax.has(a) || ctx.ceilings.has(a);
      return {
        ref,
        type: "number",
        decimal: true,
        ...(exceeds ? {} : { max: dec(1) }),
        get: (c) => {
          const p = c.points(a);
          const m = nodeMax(a);
          return p === undefined || !m || m.isZero() ? undefined : p.div(m);
        },
      };
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
      const get = (c: FactContext) => c.input(a);
      switch (spec.type) {
        case "number":
        case "count":
        case "ratio": {
          const decimal = spec.type === "ratio" || (spec.type === "number" && spec.places !== 0);
          return { ref, type: "number", decimal, ...(spec.max ? { max: spec.max } : {}), get };
        }
        case "date":
          return { ref, type: "date", get };
        case "boolean":
          return { ref, type: "boolean", get };
        case "choice":
          return { ref, type: "text", get, values: spec.values };
        case "text":
          return { ref, type: "text", get };
        case "grade":
          return { ref, type: "grade", scale: spec.scale, get: (c) => indexIn(spec.scale, c.input(a)) };
        case "rank":
          return { ref, type: "rank", get };
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
          return { ref, type: "number", decimal: true, get: (c) => c.linked(a)?.score };
        case "grade":
          return {
            ref,
            type: "grade",
            scale: { linked: a },
            get: (c) => {
              const l = c.linked(a);
              return l && l.grade !== null ? l.scale.indexOf(l.grade) : undefined;
            },
          };
        case "rank":
          return { ref, type: "rank", get: (c) => c.linked(a)?.rank };
        case "excluded":
          return { ref, type: "boolean", get: (c) => c.linked(a)?.excluded };
      }
    }
    // falls through: unreachable, every field returns
    default: {
      const heads = ["total", "score.<id>", "ratio.<id>", "input.<name>", "grade", "rawGrade", "rank", "groupRank", "group", "zeroItems", "monthsSince.<date input>", "daysSince.<date input>", "rubric.<id>.<field>"];
      return bad("unknown", { known: heads });
    }
  }
}

function indexIn(scale: readonly string[], value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const i = scale.indexOf(value);
  return i < 0 ? undefined : i;
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
 * Compile a condition. `nodeMax` gives a node's max for `ratio.<id>` facts.
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
    return { test: (c) => fact.get(c) === true, text: source };
  }
  if ("all" in source) {
    const parts = source.all.map((s, i) => compileCondition(ctx, s, [...path, "all", i], nodeMax));
    if (parts.some((p) => !p)) return undefined;
    const ps = parts as CompiledCondition[];
    return { test: (c) => ps.every((p) => p.test(c)), text: `all(${ps.map((p) => p.text).join(", ")})` };
  }
  if ("any" in source) {
    const parts = source.any.map((s, i) => compileCondition(ctx, s, [...path, "any", i], nodeMax));
    if (parts.some((p) => !p)) return undefined;
    const ps = parts as CompiledCondition[];
    return { test: (c) => ps.some((p) => p.test(c)), text: `any(${ps.map((p) => p.text).join(", ")})` };
  }
  if ("not" in source) {
    const inner = compileCondition(ctx, source.not, [...path, "not"], nodeMax);
    if (!inner) return undefined;
    return { test: (c) => !inner.test(c), text: `not(${inner.text})` };
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
  const test = compileTest(ctx, fact, op, raw, opPath);
  return test ? { test, text } : undefined;
}

function compileTest(ctx: CompileContext, fact: Fact, op: Comparator, raw: unknown, path: RubricPath): ((c: FactContext) => boolean) | undefined {
  const get = fact.get;
  switch (fact.type) {
    case "boolean": {
      if (typeof raw !== "boolean") return mismatch(ctx, op, fact, "boolean", path);
      return op === "ne" ? (c) => get(c) !== undefined && get(c) !== raw : (c) => get(c) === raw;
    }
    case "number": {
      warnClosedIntegerRange(ctx, fact, op, raw, path);
      const num = (v: unknown): Dec | undefined => parseDecimal(v);
      if (op === "in" || op === "notIn") {
        const list = (raw as unknown[]).map(num);
        if (list.some((v) => v === undefined)) return mismatch(ctx, op, fact, "number-list", path);
        const ds = list as Dec[];
        const has = (v: Dec) => ds.some((d) => d.eq(v));
        return op === "in" ? (c) => isDec(get(c)) && has(get(c) as Dec) : (c) => isDec(get(c)) && !has(get(c) as Dec);
      }
      if (op === "between") {
        const [lo, hi] = (raw as unknown[]).map(num);
        if (!lo || !hi) return mismatch(ctx, op, fact, "number-pair", path);
        if (lo.gt(hi)) {
          ctx.error("RANGE_INVALID", { reason: "between-numbers", low: lo.toFixed(), high: hi.toFixed() }, path);
          return undefined;
        }
        return (c) => {
          const v = get(c);
          return isDec(v) && v.gte(lo) && v.lte(hi);
        };
      }
      const target = num(raw);
      if (!target) return mismatch(ctx, op, fact, "number", path);
      return numberTest(op, target, get);
    }
    case "text": {
      if (op === "in" || op === "notIn") {
        const list = (raw as unknown[]).map(String);
        if (fact.values) for (const v of list) if (!fact.values.includes(v)) ctx.error("REF_UNKNOWN_LEVEL", { id: v, levels: fact.values }, path);
        return op === "in" ? (c) => list.includes(get(c) as string) : (c) => get(c) !== undefined && !list.includes(get(c) as string);
      }
      if (typeof raw !== "string") return mismatch(ctx, op, fact, "text", path);
      if (fact.values && !fact.values.includes(raw)) ctx.error("REF_UNKNOWN_LEVEL", { id: raw, levels: fact.values }, path);
      return op === "eq" ? (c) => get(c) === raw : (c) => get(c) !== undefined && get(c) !== raw;
    }
    case "grade": {
      const ids = op === "in" || op === "notIn" ? (raw as unknown[]).map(String) : [String(raw)];
      const indexOf = gradeIndexer(ctx, fact, ids, path);
      if (!indexOf) return undefined;
      const targets = (c: FactContext) => ids.map((id) => indexOf(c, id));
      const cmp = (pred: (g: number, t: number) => boolean) => (c: FactContext) => {
        const g = get(c);
        const t = indexOf(c, ids[0]!);
        return typeof g === "number" && t !== undefined && pred(g, t);
      };
      switch (op) {
        case "eq":
          return cmp((g, t) => g === t);
        case "ne":
          return cmp((g, t) => g !== t);
        case "worseThan":
          return cmp((g, t) => g > t);
        case "betterThan":
          return cmp((g, t) => g < t);
        case "atLeast":
          return cmp((g, t) => g <= t);
        case "atMost":
          return cmp((g, t) => g >= t);
        case "in":
          return (c) => typeof get(c) === "number" && targets(c).includes(get(c) as number);
        case "notIn":
          return (c) => typeof get(c) === "number" && !targets(c).includes(get(c) as number);
        default:
          return undefined;
      }
    }
    case "date": {
      // Dates compare as their ISO text, which orders like the dates.
      const date = (v: unknown): string | undefined => {
        const d = parseDate(v);
        return "iso" in d ? d.iso : undefined;
      };
      const on = (pred: (v: string) => boolean) => (c: FactContext) => {
        const v = get(c);
        return typeof v === "string" && pred(v);
      };
      if (op === "between") {
        const [lo, hi] = (raw as unknown[]).map(date);
        if (!lo || !hi) return mismatch(ctx, op, fact, "date-pair", path);
        if (lo > hi) {
          ctx.error("RANGE_INVALID", { reason: "between-dates", low: lo, high: hi }, path);
          return undefined;
        }
        return on((v) => v >= lo && v <= hi);
      }
      const target = date(raw);
      if (!target) return mismatch(ctx, op, fact, "date", path);
      switch (op) {
        case "eq":
          return on((v) => v === target);
        case "ne":
          return on((v) => v !== target);
        case "lt":
          return on((v) => v < target);
        case "lte":
          return on((v) => v <= target);
        case "gt":
          return on((v) => v > target);
        case "gte":
          return on((v) => v >= target);
        default:
          return undefined;
      }
    }
    case "rank": {
      if (op === "top" || op === "bottom") {
        const n = parseDecimal(raw);
        if (!n || n.lte(0)) return mismatch(ctx, op, fact, "count-or-share", path);
        const share = typeof raw === "string" && raw.includes("%");
        if (!share && !n.isInteger()) return mismatch(ctx, op, fact, "whole-count", path);
        return (c) => {
          const r = get(c) as RankValue | undefined;
          if (!r) return false;
          const limit = share ? n.times(r.of) : n;
          const position = op === "top" ? r.rank : r.of - r.rank + 1;
          return limit.gte(position);
        };
      }
      const target = parseDecimal(raw);
      if (!target) return mismatch(ctx, op, fact, "rank", path);
      const asDec = (c: FactContext) => {
        const r = get(c) as RankValue | undefined;
        return r ? dec(r.rank) : undefined;
      };
      return numberTest(op, target, asDec);
    }
    default:
      return unreachable(fact.type, "fact type");
  }
}

function numberTest(op: Comparator, target: Dec, get: (c: FactContext) => unknown): ((c: FactContext) => boolean) | undefined {
  const on = (pred: (v: Dec) => boolean) => (c: FactContext) => {
    const v = get(c);
    return isDec(v) && pred(v);
  };
  switch (op) {
    case "eq":
      return on((v) => v.eq(target));
    case "ne":
      return on((v) => !v.eq(target));
    case "lt":
      return on((v) => v.lt(target));
    case "lte":
      return on((v) => v.lte(target));
    case "gt":
      return on((v) => v.gt(target));
    case "gte":
      return on((v) => v.gte(target));
    default:
      return undefined;
  }
}

function gradeIndexer(
  ctx: CompileContext,
  fact: Fact,
  ids: string[],
  path: RubricPath,
): ((c: FactContext, id: string) => number | undefined) | undefined {
  const scale = fact.scale;
  if (scale && "linked" in scale) {
    for (const id of ids) ctx.gradeReferences.push({ rubric: scale.linked, grade: id, path });
    const rubric = scale.linked;
    // By id, else by label (link time has checked the name is one grade of that rubric).
    return (c, id) => {
      const l = c.linked(rubric);
      if (!l) return undefined;
      const i = l.scale.indexOf(id);
      const j = i < 0 ? l.labels.indexOf(id) : i;
      return j < 0 ? undefined : j;
    };
  }
  if (fact.ownGrades) {
    // This rubric's grades: by id or label (好 or good); an ambiguous name is an error.
    const found = ids.map((id) => ctx.gradeIndex(id, path));
    if (found.some((i) => i === undefined)) return undefined;
    const index = new Map(ids.map((id, k) => [id, found[k]!]));
    return (_c, id) => index.get(id);
  }
  const own = (scale ?? []) as readonly string[];
  let okAll = true;
  for (const id of ids) {
    if (!own.includes(id)) {
      ctx.error("REF_UNKNOWN_GRADE", { id, scale: own }, path);
      okAll = false;
    }
  }
  if (!okAll) return undefined;
  const index = new Map(own.map((g, i) => [g, i]));
  return (_c, id) => index.get(id);
}

/** `expects` names what the operator's value must be (a key of the message tables). */
function mismatch(ctx: CompileContext, op: Comparator, fact: Fact, expects: string, path: RubricPath): undefined {
  ctx.error("COND_TYPE_MISMATCH", { op, fact: fact.ref, type: fact.type, reason: "value", expects }, path);
  return undefined;
}

/** Numeric value of a fact for tie-breakers (ranks read as their position). */
export function numericFact(ctx: CompileContext, ref: string, path: RubricPath, nodeMax: (id: string) => Dec | undefined): ((c: FactContext) => Dec | undefined) | undefined {
  const fact = resolveFact(ctx, ref, path, nodeMax);
  if (!fact) return undefined;
  if (fact.type === "number") return (c) => fact.get(c) as Dec | undefined;
  if (fact.type === "rank")
    return (c) => {
      const r = fact.get(c) as RankValue | undefined;
      return r ? dec(r.rank) : undefined;
    };
  if (fact.type === "grade")
    // A grade reads as its quality: the best grade (index 0) is the highest value
    // (0, −1, −2, …), so `order: desc` puts the best grade first, like totals.
    return (c) => {
      const g = fact.get(c);
      return typeof g === "number" ? dec(0 - g) : undefined;
    };
  if (fact.type === "date")
    // A date reads as its day number: `asc` puts the earlier date first.
    return (c) => {
      const v = fact.get(c);
      return typeof v === "string" ? dec(daysBetween("1970-01-01", v)) : undefined;
    };
  if (fact.type === "boolean")
    return (c) => {
      const v = fact.get(c);
      return v === undefined ? undefined : dec(v === true ? 1 : 0);
    };
  ctx.error("COND_TYPE_MISMATCH", { op: "tieBreaker", fact: ref, type: fact.type, reason: "tie-breaker" }, path);
  return undefined;
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
