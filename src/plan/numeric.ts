/**
 * Exact scaled integers, proven at plan time (issue 9, "Exact scaled integers").
 *
 * For each node of the plan the planner tries to give a decimal `scale` (every value
 * the node can take is an integer number of 10^-scale points) and a `bound` (the
 * largest magnitude any intermediate value can reach, from the declared maxima, input
 * ranges, weights, floors, caps and places). Where bound × 10^scale stays within
 * 2^53 − 1, the node is "int": the engine computes it in plain JS numbers that are
 * integers at that scale (sums, products by weights, floors and caps, lookups,
 * rounding at declared places by integer arithmetic), and every such operation is
 * exact. Anything not proven is "dec" (exact Dec arithmetic, as before), with the
 * reason: a division (mean, normalizeTo, ratio weights 1:1:1), an input without a
 * declared range, a method the integer path does not cover, a scale above 15.
 *
 * Per subject, a value outside what was proven (an input with more decimals than its
 * scale, or a deduction count large enough to leave the safe range) sends that one
 * subject down the Dec path ("fallback"): results are never approximately right.
 * @internal
 */
import type { CompiledRubric, GroupNode, InputSpec, ItemNode, TreeNode } from "../compile/model.js";
import { dec, type Dec } from "../decimal/decimal.js";

/** Decimals an input gets on the integer path when it does not declare `places`. */
export const DEFAULT_INPUT_SCALE = 6;
const MAX_SCALE = 15;
const SAFE = dec(Number.MAX_SAFE_INTEGER);

export type IntItem =
  | { readonly kind: "input"; readonly input: string; readonly inputScale: number }
  | { readonly kind: "ratio"; readonly input: string; readonly inputScale: number; readonly max: number }
  | { readonly kind: "yesno"; readonly input: string; readonly yes: number; readonly no: number }
  | { readonly kind: "levels"; readonly input: string; readonly levels: ReadonlyMap<string, number> }
  | { readonly kind: "bands"; readonly input: string; readonly points: readonly number[]; readonly otherwise: number }
  /** Σ values × factor: the sum, or the mean when 1/count terminates (factor = 10^k / count). */
  | { readonly kind: "periods"; readonly input: string; readonly inputScale: number; readonly factor: number }
  | {
      readonly kind: "deduct";
      readonly base: number;
      readonly floor: number;
      readonly max: number;
      readonly entries: readonly (
        | { readonly type: "when"; readonly points: number; readonly max?: number }
        | { readonly type: "per"; readonly input: string; readonly inputScale: number; readonly points: number; readonly align: number; readonly max?: number }
        | { readonly type: "shortfall"; readonly input: string; readonly inputScale: number; readonly required: number; readonly points: number; readonly align: number; readonly max?: number }
      )[];
    };

export interface IntGroup {
  /** Per child (then outside node): the factor that brings its value (× its weight) to the group's scale. */
  readonly align: readonly number[];
  /** Weighted groups: each child's weight as an integer at `weightScale`. */
  readonly weights?: readonly number[];
  readonly floor?: number;
  readonly cap?: number;
  readonly limit?: number;
}

/** How a node computes: exact integers at a scale, or Dec (with the reason). */
export type Numeric =
  | { readonly path: "int"; readonly scale: number; readonly bound: Dec; readonly item?: IntItem; readonly group?: IntGroup; readonly round?: { readonly divisor: number; readonly mode: import("../decimal/decimal.js").RoundingMode } }
  | { readonly path: "dec"; readonly reason: string };

const places = (d: Dec) => d.decimalPlaces();
const at = (d: Dec, scale: number) => d.scaled(scale)!;
const pow10 = (k: number) => 10 ** k;
const absMax = (...ds: Dec[]) => ds.reduce((a, b) => (b.abs().gt(a) ? b.abs() : a), dec(0));

function inputScale(spec: InputSpec | undefined): number | undefined {
  if (!spec || (spec.type !== "number" && spec.type !== "count" && spec.type !== "ratio")) return undefined;
  return spec.places ?? DEFAULT_INPUT_SCALE;
}

function fits(bound: Dec, scale: number): boolean {
  return scale <= MAX_SCALE && bound.times(dec(pow10(scale))).lte(SAFE);
}

/** The numeric form of an item. */
export function itemNumeric(rubric: CompiledRubric, item: ItemNode): Numeric {
  const m = item.method;
  const dec_ = (reason: string): Numeric => ({ path: "dec", reason });
  let scale: number;
  let bound: Dec;
  let form: IntItem;
  switch (m.kind) {
    case "input": {
      const spec = rubric.inputs.get(m.input);
      const s = inputScale(spec);
      if (s === undefined || !spec || !("max" in spec) || spec.max === undefined || spec.min === undefined) return dec_("an input without a declared range");
      scale = s;
      bound = absMax(spec.min, spec.max);
      form = { kind: "input", input: m.input, inputScale: s };
      break;
    }
    case "ratio": {
      if (m.input === undefined) return dec_("a ratio of two inputs (a division)");
      const spec = rubric.inputs.get(m.input);
      const s = inputScale(spec);
      if (s === undefined || !spec || !("max" in spec) || spec.max === undefined || spec.min === undefined) return dec_("an input without a declared range");
      scale = s + places(item.max);
      bound = absMax(spec.min, spec.max).times(item.max.abs());
      form = { kind: "ratio", input: m.input, inputScale: s, max: at(item.max, places(item.max)) };
      break;
    }
    case "yesno":
      scale = Math.max(places(m.yes), places(m.no));
      bound = absMax(m.yes, m.no);
      form = { kind: "yesno", input: m.input, yes: at(m.yes, scale), no: at(m.no, scale) };
      break;
    case "levels": {
      const values = [...m.levels.values()];
      scale = Math.max(0, ...values.map(places));
      bound = absMax(...values);
      form = { kind: "levels", input: m.input, levels: new Map([...m.levels].map(([k, v]) => [k, at(v, scale)])) };
      break;
    }
    case "bands": {
      const values = [...m.bands.map((b) => b.points), m.otherwise];
      scale = Math.max(0, ...values.map(places));
      bound = absMax(...values);
      form = { kind: "bands", input: m.input, points: m.bands.map((b) => at(b.points, scale)), otherwise: at(m.otherwise, scale) };
      break;
    }
    case "periods": {
      const spec = rubric.inputs.get(m.input);
      if (!spec || spec.type !== "series" || spec.min === undefined || spec.max === undefined) return dec_("an input without a declared range");
      const count = dec(m.count);
      const k = m.aggregate === "sum" ? 0 : dec(1).div(count).decimalPlaces();
      if (!Number.isFinite(k)) return dec_("a mean over a count whose share does not terminate (a division)");
      scale = DEFAULT_INPUT_SCALE + k;
      // The list holds `length` values; its sum is bounded by length × the largest magnitude.
      const total = absMax(spec.min, spec.max).times(dec(Math.max(spec.length, m.count)));
      bound = m.aggregate === "sum" ? total : total.div(count);
      if (!fits(total, scale)) return dec_("a bound beyond 2^53 at its scale");
      form = { kind: "periods", input: m.input, inputScale: DEFAULT_INPUT_SCALE, factor: m.aggregate === "sum" ? 1 : at(dec(1).div(count), k) };
      break;
    }
    case "deduct": {
      // The result is bounded to [floor, max]; the deductions themselves are checked per subject.
      const consts = [m.base, m.floor, item.max];
      const parts: number[] = consts.map(places);
      for (const e of m.entries) {
        if (e.max) parts.push(places(e.max));
        if (e.type === "when") parts.push(places(e.points));
        else if (e.type === "per" || e.type === "shortfall") {
          const s = inputScale(rubric.inputs.get(e.input));
          if (s === undefined) return dec_("a deduction over an input that is not a number");
          parts.push(s + places(e.points));
          if (e.type === "shortfall") parts.push(places(e.required) + places(e.points));
        } else return dec_(`a ${e.type} entry`);
      }
      scale = Math.max(...parts);
      if (scale > MAX_SCALE) return dec_("more than 15 decimals");
      bound = absMax(...consts);
      form = {
        kind: "deduct",
        base: at(m.base, scale),
        floor: at(m.floor, scale),
        max: at(item.max, scale),
        entries: m.entries.map((e) => {
          const max = e.max ? { max: at(e.max, scale) } : {};
          if (e.type === "when") return { type: "when" as const, points: at(e.points, scale), ...max };
          const s = inputScale(rubric.inputs.get((e as { input: string }).input))!;
          if (e.type === "per") return { type: "per" as const, input: e.input, inputScale: s, points: at(e.points, places(e.points)), align: pow10(scale - s - places(e.points)), ...max };
          const sh = e as Extract<typeof e, { type: "shortfall" }>;
          const rs = Math.max(s, places(sh.required));
          return { type: "shortfall" as const, input: sh.input, inputScale: rs, required: at(sh.required, rs), points: at(sh.points, places(sh.points)), align: pow10(scale - rs - places(sh.points)), ...max };
        }),
      };
      // shortfall: the required amount and the value share one scale (the larger)
      for (const e of m.entries)
        if (e.type === "shortfall") {
          const rs = Math.max(inputScale(rubric.inputs.get(e.input))!, places(e.required));
          if (rs + places(e.points) > scale) return dec_("more than 15 decimals");
        }
      break;
    }
    default:
      return dec_(`a ${m.kind} item`);
  }
  const withRound = rounding(item, scale, bound);
  if (!fits(withRound.bound, scale)) return dec_(scale > MAX_SCALE ? "more than 15 decimals" : "a bound beyond 2^53 at its scale");
  return { path: "int", scale, bound: withRound.bound, item: form, ...(withRound.round ? { round: withRound.round } : {}) };
}

function rounding(node: TreeNode, scale: number, bound: Dec): { bound: Dec; round?: { divisor: number; mode: import("../decimal/decimal.js").RoundingMode } } {
  if (!node.round || node.round.places >= scale) return { bound };
  // Rounding may move a value up by less than one unit of the last kept place.
  return { bound: bound.plus(dec(1).div(pow10(node.round.places))), round: { divisor: pow10(scale - node.round.places), mode: node.round.mode } };
}

/** The numeric form of a group whose children's forms are known (outside nodes after children). */
export function groupNumeric(g: GroupNode, children: readonly Numeric[], outside: readonly Numeric[]): Numeric {
  const dec_ = (reason: string): Numeric => ({ path: "dec", reason });
  if (g.combine === "mean") return dec_("a mean (a division)");
  if (g.weightSum) return dec_("ratio weights whose shares do not terminate (a division)");
  if (g.normalizeTo) return dec_("normalizeTo (a division)");
  const all = [...children, ...outside];
  if (all.some((c) => c.path === "dec")) return dec_("a child computed in Dec");
  const ints = all as Extract<Numeric, { path: "int" }>[];
  const weighted = g.combine === "weighted";
  const weightScale = weighted ? Math.max(0, ...g.children.map((c) => places(c.weight!))) : 0;
  const consts = [g.floor, g.cap, g.limit ?? undefined].filter((d): d is Dec => d !== undefined);
  const childScales = ints.map((c, k) => c.scale + (weighted && k < children.length ? weightScale : 0));
  const scale = Math.max(0, ...childScales, ...consts.map(places));
  if (scale > MAX_SCALE) return dec_("more than 15 decimals");
  // Every partial sum is bounded by the sum of the children's bounds (× their weights), the outside nodes added.
  let inner = dec(0);
  ints.forEach((c, k) => {
    inner = inner.plus(weighted && k < children.length ? c.bound.times(g.children[k]!.weight!.abs()) : c.bound);
  });
  let bound = absMax(inner, ...consts);
  if (g.combine === "max") bound = absMax(bound, dec(0));
  const withRound = rounding(g, scale, bound);
  if (!fits(withRound.bound, scale)) return dec_("a bound beyond 2^53 at its scale");
  const group: IntGroup = {
    align: ints.map((_, k) => pow10(scale - childScales[k]!)),
    ...(weighted ? { weights: g.children.map((c) => at(c.weight!, weightScale)) } : {}),
    ...(g.floor ? { floor: at(g.floor, scale) } : {}),
    ...(g.cap ? { cap: at(g.cap, scale) } : {}),
    ...(g.limit ? { limit: at(g.limit, scale) } : {}),
  };
  return { path: "int", scale, bound: withRound.bound, group, ...(withRound.round ? { round: withRound.round } : {}) };
}
