/**
 * The one interpreter of compiled conditions and tie-breakers (plain data, see
 * ConditionNode and FactRef in src/compile/model.ts). It reads facts through a
 * FactContext and never runs code from rubric text.
 *
 * Semantics (docs/rubric-language.md, "Conditions"): a fact without a value makes every
 * comparison on it false, `ne` and `notIn` included (so `not` of a comparison is true
 * there); `all` and `any` decide left to right and stop at the first deciding part.
 */
import { daysBetween, monthsBetween } from "../decimal/dates.js";
import { dec, isDec, type Dec } from "../decimal/decimal.js";
import { unreachable } from "../diagnostics/kaohe-error.js";
import type { CompiledCondition, ConditionNode, FactContext, FactRef, RankValue, TieBreaker } from "../compile/model.js";

/** Called with every condition node the interpreter decides, and how (for coverage). */
export type ConditionProbe = (node: ConditionNode, outcome: boolean) => void;

/**
 * Decimal literals of conditions, parsed once: a rubric has a handful. The cache is
 * emptied past LITERAL_CACHE entries, so a host that loads many rubrics keeps it bounded.
 */
const LITERAL_CACHE = 10_000;
const literals = new Map<string, Dec>();
function literal(text: string | boolean): Dec {
  const key = String(text);
  let d = literals.get(key);
  if (d === undefined) {
    if (literals.size >= LITERAL_CACHE) literals.clear();
    literals.set(key, (d = dec(key)));
  }
  return d;
}

/** Whether a compiled condition holds for the subject behind `ctx`. */
export function testCondition(condition: CompiledCondition, ctx: FactContext, probe?: ConditionProbe): boolean {
  return decide(condition.node, ctx, probe);
}

function decide(node: ConditionNode, ctx: FactContext, probe: ConditionProbe | undefined): boolean {
  let outcome: boolean;
  switch (node.op) {
    case "all":
      outcome = true;
      for (const part of node.of)
        if (!decide(part, ctx, probe)) {
          outcome = false;
          break;
        }
      break;
    case "any":
      outcome = false;
      for (const part of node.of)
        if (decide(part, ctx, probe)) {
          outcome = true;
          break;
        }
      break;
    case "not":
      outcome = !decide(node.of, ctx, probe);
      break;
    case "fact":
      outcome = readFact(node.fact, ctx) === true;
      break;
    case "compare":
      outcome = compare(node, readFact(node.fact, ctx), ctx);
      break;
    default:
      return unreachable(node, "condition node");
  }
  probe?.(node, outcome);
  return outcome;
}

/** The value of a fact for one subject: Dec, boolean, text, grade index, RankValue or undefined (no value). */
export function readFact(fact: FactRef, ctx: FactContext): unknown {
  switch (fact.kind) {
    case "total":
      return ctx.total;
    case "grade":
      return ctx.grade;
    case "rawGrade":
      return ctx.rawGrade;
    case "rank":
      return ctx.rank;
    case "groupRank":
      return ctx.groupRank;
    case "group":
      return ctx.group;
    case "zeroItems":
      return dec(ctx.zeroItems);
    case "span": {
      const v = ctx.input(fact.input);
      return typeof v === "string" ? dec((fact.unit === "months" ? monthsBetween : daysBetween)(v, fact.asOf)) : undefined;
    }
    case "score":
      return ctx.points(fact.node);
    case "ratio": {
      const p = ctx.points(fact.node);
      if (p === undefined || fact.max === undefined) return undefined;
      const max = literal(fact.max);
      return max.isZero() ? undefined : p.div(max);
    }
    case "input": {
      const v = ctx.input(fact.input);
      if (fact.scale === undefined) return v;
      if (typeof v !== "string") return undefined;
      const i = fact.scale.indexOf(v);
      return i < 0 ? undefined : i;
    }
    case "linked": {
      const l = ctx.linked(fact.rubric);
      switch (fact.field) {
        case "score":
          return l?.score;
        case "grade":
          return l && l.grade !== null ? l.scale.indexOf(l.grade) : undefined;
        case "rank":
          return l?.rank;
        case "excluded":
          return l?.excluded;
        default:
          return unreachable(fact.field, "linked field");
      }
    }
    default:
      return unreachable(fact, "fact");
  }
}

type Comparison = Extract<ConditionNode, { op: "compare" }>;

function compare(node: Comparison, v: unknown, ctx: FactContext): boolean {
  const { cmp, values } = node;
  switch (node.type) {
    case "boolean":
      return cmp === "ne" ? v !== undefined && v !== values[0] : v === values[0];
    case "number":
      return isDec(v) && compareNumber(cmp, v, values);
    case "text":
      if (typeof v !== "string") return false;
      switch (cmp) {
        case "in":
        case "eq":
          return values.includes(v);
        case "notIn":
        case "ne":
          return !values.includes(v);
        default:
          return false;
      }
    case "date": {
      if (typeof v !== "string") return false;
      const [a, b] = values as readonly string[];
      switch (cmp) {
        case "between":
          return v >= a! && v <= b!;
        case "eq":
          return v === a;
        case "ne":
          return v !== a;
        case "lt":
          return v < a!;
        case "lte":
          return v <= a!;
        case "gt":
          return v > a!;
        case "gte":
          return v >= a!;
        default:
          return false;
      }
    }
    case "grade": {
      if (typeof v !== "number") return false;
      const targets = node.grades ?? linkedIndices(node, ctx);
      if (cmp === "in") return targets.includes(v);
      if (cmp === "notIn") return !targets.includes(v);
      const t = targets[0];
      if (t === undefined || t < 0) return false;
      switch (cmp) {
        case "eq":
          return v === t;
        case "ne":
          return v !== t;
        case "worseThan":
          return v > t;
        case "betterThan":
          return v < t;
        case "atLeast":
          return v <= t;
        case "atMost":
          return v >= t;
        default:
          return false;
      }
    }
    case "rank": {
      const r = v as RankValue | undefined;
      if (!r) return false;
      if (cmp === "top" || cmp === "bottom") {
        const n = literal(values[0]!);
        const limit = node.share ? n.times(r.of) : n;
        return limit.gte(cmp === "top" ? r.rank : r.of - r.rank + 1);
      }
      return compareNumber(cmp, dec(r.rank), values);
    }
    default:
      return unreachable(node.type, "fact type");
  }
}

function compareNumber(cmp: Comparison["cmp"], v: Dec, values: Comparison["values"]): boolean {
  switch (cmp) {
    case "in":
      return values.some((x) => v.eq(literal(x)));
    case "notIn":
      return !values.some((x) => v.eq(literal(x)));
    case "between":
      return v.gte(literal(values[0]!)) && v.lte(literal(values[1]!));
    case "eq":
      return v.eq(literal(values[0]!));
    case "ne":
      return !v.eq(literal(values[0]!));
    case "lt":
      return v.lt(literal(values[0]!));
    case "lte":
      return v.lte(literal(values[0]!));
    case "gt":
      return v.gt(literal(values[0]!));
    case "gte":
      return v.gte(literal(values[0]!));
    default:
      return false;
  }
}

/** Grades of a linked rubric named in a comparison, as indices of its scale (by id, else by label; −1 when absent). */
function linkedIndices(node: Comparison, ctx: FactContext): number[] {
  if (node.fact.kind !== "linked") return [];
  const l = ctx.linked(node.fact.rubric);
  if (!l) return [];
  return (node.values as readonly string[]).map((id) => {
    const i = l.scale.indexOf(id);
    return i < 0 ? l.labels.indexOf(id) : i;
  });
}

/** The number a tie-breaker compares for one subject; undefined (no value) sorts last. */
export function tieBreakerValue(tie: TieBreaker, ctx: FactContext): Dec | undefined {
  const v = readFact(tie.value.fact, ctx);
  switch (tie.value.type) {
    case "number":
      return isDec(v) ? v : undefined;
    case "rank":
      return v ? dec((v as RankValue).rank) : undefined;
    case "grade":
      return typeof v === "number" ? dec(0 - v) : undefined;
    case "date":
      return typeof v === "string" ? dec(daysBetween("1970-01-01", v)) : undefined;
    case "boolean":
      return v === undefined ? undefined : dec(v === true ? 1 : 0);
    case "text":
      return undefined;
    default:
      return unreachable(tie.value.type, "tie-breaker type");
  }
}
