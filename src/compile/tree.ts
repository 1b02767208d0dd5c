/**
 * The indicator tree: nodes, item methods, weights, maxima. Two walks: the first
 * registers ids and the inputs items imply; the second compiles (conditions may
 * then reference any node or input).
 * @internal
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import { dec, HUNDRED, ONE, sum, ZERO, type Dec } from "../decimal/decimal.js";
import type { RubricPath } from "../parse/locate.js";
import type { ConditionSource, EntrySource, GroupSource, ItemSource, NodeSource } from "../schema/rubric-schema.js";
import { nullPrototype, type CompileContext, type UsedBy } from "./context.js";
import { compileCondition } from "./facts.js";
import { impliedNumber, useInput } from "./inputs.js";
import type { Amount, CompiledCondition, Entry, GroupNode, InputSpec, ItemNode, Method, Rounding, TreeNode } from "./model.js";

const isGroup = (n: NodeSource): n is GroupSource => "children" in n;
const d = (v: number | string | undefined | null): Dec | undefined => (v === undefined || v === null ? undefined : dec(v));
const isPercent = (v: number | string): boolean => typeof v === "string" && v.includes("%");
const fmt = (v: Dec) => v.toFixed();

export interface TreeResult {
  readonly root: GroupNode;
  readonly nodes: Map<string, TreeNode>;
  readonly items: ItemNode[];
}

/** Walk 1: ids (unique across the tree) and the inputs items imply. */
export function registerTree(ctx: CompileContext, root: GroupSource): void {
  // Ids of the groups that contain the node visited: a node with the id of one of them
  // (the root's default id is "total") would make that group contain itself.
  const ancestors = new Set<string>();
  const visit = (node: NodeSource, path: RubricPath) => {
    const first = ctx.nodeIds.get(node.id);
    if (first) {
      const what = ancestors.has(node.id) ? "item/group (the same id as a group that contains it)" : "item/group";
      ctx.error("REF_DUPLICATE_ID", { what, id: node.id, first: ctx.where(first) }, [...path, "id"]);
    } else ctx.nodeIds.set(node.id, [...path, "id"]);
    if (isGroup(node)) {
      checkAdjustPlacement(ctx, node, path);
      const added = !ancestors.has(node.id);
      ancestors.add(node.id);
      node.children.forEach((c, i) => visit(c, [...path, "children", i]));
      node.outside?.forEach((c, i) => visit(c, [...path, "outside", i]));
      if (added) ancestors.delete(node.id);
    } else {
      ctx.itemIds.add(node.id);
      registerItemInputs(ctx, node, path);
    }
  };
  visit(root, ["scoring"]);
}

/** An item's full mark (分值): its max; an adjust item has none of its own (0). */
function itemFullMark(item: ItemSource): Dec {
  return item.kind === "adjust" ? ZERO : dec(item.max);
}

/** An adjust item adds to its group's sum: only a sum group's children or an outside list may hold it. */
function checkAdjustPlacement(ctx: CompileContext, g: GroupSource, path: RubricPath): void {
  const combine = g.combine ?? "sum";
  if (combine === "sum") return;
  g.children.forEach((c, i) => {
    if (!isGroup(c) && c.kind === "adjust") ctx.error("ADJUST_PLACEMENT", { id: c.id, combine }, [...path, "children", i, "kind"]);
  });
}

function registerItemInputs(ctx: CompileContext, item: ItemSource, path: RubricPath): void {
  const max = itemFullMark(item);
  const name = "input" in item && item.input !== undefined ? item.input : item.id;
  const by: UsedBy = { item: item.id };
  const number = (n: string, type: "number" | "count" | "ratio", min?: Dec, hi?: Dec, p: RubricPath = path) =>
    useInput(ctx, n, ["number", "count", "ratio"], impliedNumber(n, type, min, hi), p, by);
  const base = { declared: false, required: true } as const;
  switch (item.kind) {
    case "input": {
      const spec = number(name, "number", ZERO, max);
      if (spec && "max" in spec && spec.declared && (spec.max === undefined || spec.max.gt(max)))
        ctx.error("RANGE_INVALID", { reason: "input-above-item-max", input: name, ...(spec.max ? { inputMax: fmt(spec.max) } : {}), max: fmt(max) }, [...path, "max"]);
      break;
    }
    case "yesno":
      useInput(ctx, name, ["boolean"], { ...base, name, type: "boolean" }, path, by);
      break;
    case "levels":
      useInput(ctx, name, ["choice"], { ...base, name, type: "choice", values: Object.keys(item.levels) }, path, by);
      break;
    case "ratio":
      if (item.numerator !== undefined || item.denominator !== undefined) {
        if (item.numerator === undefined || item.denominator === undefined || item.input !== undefined)
          ctx.error("SCHEMA_CONSTRAINT", { reason: "ratio-input-or-pair" }, path);
        else {
          number(item.numerator, "number", ZERO);
          number(item.denominator, "number", ZERO);
        }
      } else useInput(ctx, name, ["ratio", "number"], impliedNumber(name, "ratio", ZERO, ONE), path, by);
      break;
    case "scale":
      number(name, "number");
      if (item.targetInput) number(item.targetInput, "number");
      break;
    case "bands":
      number(name, "number");
      break;
    case "rank": {
      if (item.proportional === undefined) {
        number(name, "number");
        break;
      }
      // Points proportional to the first's value need values of 0 or more: a ratio of
      // values is a share of the first's only then.
      const spec = number(name, "number", ZERO);
      if (spec && "min" in spec && spec.declared && (spec.min === undefined || spec.min.lt(0)))
        ctx.error("RANGE_INVALID", { reason: "proportional-rank-negative", input: name, ...(spec.min ? { inputMin: fmt(spec.min) } : {}) }, [...path, "proportional"]);
      break;
    }
    case "carry": {
      if (dec(item.share).lte(0)) break; // RANGE_INVALID (sanity.ts)
      const limit = max.div(dec(item.share));
      const spec = number(name, "number", ZERO, limit);
      if (spec && "max" in spec && spec.declared && (spec.max === undefined || spec.max.gt(limit)))
        ctx.error("RANGE_INVALID", { reason: "carry-above-item-max", input: name, ...(spec.max ? { inputMax: fmt(spec.max) } : {}), share: String(item.share), max: fmt(max), limit: fmt(limit) }, [...path, "max"]);
      break;
    }
    case "panel": {
      const groups = item.groups ?? [{ id: item.id }];
      for (const g of groups) {
        const input = item.groups ? `${name}_${g.id}` : name;
        const spec = useInput(ctx, input, ["scores"], { ...base, name: input, type: "scores", min: ZERO, max, ...optional("places", item.places) }, path, by);
        // 可评一位小数 on the panel: the fewer places of the panel and its input apply.
        if (spec?.type === "scores" && item.places !== undefined && (spec.places === undefined || spec.places > item.places)) ctx.inputs.set(input, { ...spec, places: item.places });
      }
      break;
    }
    case "votes":
      useInput(ctx, name, ["votes"], { ...base, name, type: "votes", levels: Object.keys(item.coefficients) }, path, by);
      break;
    case "periods": {
      const periodMax = d(item.periodMax) ?? (item.aggregate === "sum" ? max.div(item.count) : max);
      useInput(ctx, name, ["series"], { ...base, name, type: "series", length: item.count, min: ZERO, max: periodMax }, path, by);
      break;
    }
    case "deduct":
    case "bonus":
    case "adjust": {
      const lists: [EntrySource[], string][] =
        item.kind === "adjust"
          ? [
              [item.additions ?? [], "additions"],
              [item.deductions ?? [], "deductions"],
            ]
          : [[item.kind === "deduct" ? item.deductions : item.additions, item.kind === "deduct" ? "deductions" : "additions"]];
      if (item.kind === "bonus" && item.outside) lists.push([item.outside, "outside"]);
      for (const [entries, key] of lists)
        entries.forEach((e, i) => registerEntryInputs(ctx, e, [...path, key, i], { ...by, entry: e.id }));
      break;
    }
    case "linked":
      if (!ctx.dependencies.has(item.rubric)) ctx.dependencies.set(item.rubric, [...path, "rubric"]);
      break;
    default:
      unreachable(item, "item kind");
  }
}

function registerEntryInputs(ctx: CompileContext, e: EntrySource, path: RubricPath, by: UsedBy): void {
  const number = (n: string, p: RubricPath) => useInput(ctx, n, ["number", "count", "ratio"], impliedNumber(n, "number", ZERO), p, by);
  if (e.per !== undefined) number(e.per, [...path, "per"]);
  if (e.shortfall) number(e.shortfall.input, [...path, "shortfall", "input"]);
  if (e.chosen !== undefined && e.range) {
    const [lo, hi] = [dec(e.range[0]), dec(e.range[1])];
    if (lo.gt(hi)) ctx.error("RANGE_INVALID", { reason: "chosen-range", low: fmt(lo), high: fmt(hi) }, [...path, "range"]);
    useInput(ctx, e.chosen, ["scores"], { name: e.chosen, declared: false, required: true, type: "scores", min: lo, max: hi }, [...path, "chosen"], by);
  }
  if (e.records !== undefined) {
    const fields = nullPrototype<"text" | "count" | "number">({});
    if (e.points !== undefined && typeof e.points === "object") fields[e.points.by] = "text";
    for (const k of e.dedup?.key ?? []) fields[k] = "text";
    if (e.times) fields[e.times] = "number";
    if (e.split) fields[e.split] = "count";
    const spec = useInput(ctx, e.records, ["records"], { name: e.records, declared: false, required: false, type: "records", fields }, [...path, "records"], by);
    if (spec?.type === "records") {
      for (const f of Object.keys(fields))
        if (!(f in spec.fields)) ctx.error("REF_UNKNOWN_INPUT", { id: `${e.records}.${f}` }, path);
      if (!spec.declared) {
        const merged = nullPrototype({ ...spec.fields, ...fields });
        ctx.inputs.set(e.records, { ...spec, fields: merged });
      }
    }
  }
}

/** Walk 2: compile the tree. */
export function compileTree(ctx: CompileContext, root: GroupSource): TreeResult {
  const nodes = new Map<string, TreeNode>();
  const items: ItemNode[] = [];
  // Maxima are needed by ratio.<id> facts before every node is compiled: computed lazily from source.
  const sourceById = new Map<string, NodeSource>();
  const index = (n: NodeSource) => {
    if (!sourceById.has(n.id)) sourceById.set(n.id, n);
    if (isGroup(n)) [...n.children, ...(n.outside ?? [])].forEach(index);
  };
  index(root);
  const maxCache = new Map<string, Dec>();
  const computing = new Set<string>();
  const nodeMax = (id: string): Dec | undefined => {
    const cached = maxCache.get(id);
    if (cached) return cached;
    const n = sourceById.get(id);
    // An id inside a group of the same id (REF_DUPLICATE_ID from registerTree) would recurse forever.
    if (!n || computing.has(id)) return undefined;
    computing.add(id);
    const m = isGroup(n) ? fullMark(n, nodeMax) : itemFullMark(n);
    computing.delete(id);
    maxCache.set(id, m);
    return m;
  };
  const cond = (c: ConditionSource | undefined, path: RubricPath): CompiledCondition | undefined =>
    c === undefined ? undefined : compileCondition(ctx, c, path, nodeMax);

  const compileNode = (node: NodeSource, path: RubricPath, weight: { share: Dec; raw?: Dec } | undefined): TreeNode => {
    const common = {
      id: node.id,
      label: node.label ?? node.id,
      path,
      ...(weight ? { weight: weight.share, ...optional("rawWeight", weight.raw) } : {}),
      ...optional("only", cond(node.only, [...path, "only"])),
      ...(node.round ? { round: { places: node.round.places, mode: (node.round.mode ?? "half-up") as Rounding["mode"] } } : {}),
    };
    let compiled: TreeNode;
    if (isGroup(node)) {
      const combine = node.combine ?? "sum";
      const weights = combine === "weighted" ? normaliseWeights(ctx, node, path) : undefined;
      node.children.forEach((c, i) => {
        if (combine !== "weighted" && c.weight !== undefined)
          ctx.error("WEIGHT_UNEXPECTED", { id: c.id, combine }, [...path, "children", i, "weight"], undefined);
      });
      const children = node.children.map((c, i) =>
        compileNode(c, [...path, "children", i], weights && { share: weights.shares[i]!, ...(weights.sum ? { raw: weights.raw[i]! } : {}) }),
      );
      const outside = (node.outside ?? []).map((c, i) => compileNode(c, [...path, "outside", i], undefined));
      const max = nodeMax(node.id) ?? ZERO;
      checkDeclaredMax(ctx, node, path, nodeMax);
      compiled = {
        ...common,
        type: "group",
        max,
        combine,
        children,
        outside,
        ...optional("floor", d(node.floor)),
        ...optional("cap", d(node.cap)),
        ...optional("normalizeTo", d(node.normalizeTo)),
        ...optional("weightSum", weights?.sum),
        ...(node.normalizeTo !== undefined ? { maxBeforeNormalising: fullBeforeNormalising(node, nodeMax) } : {}),
        ...(node.limit !== undefined ? { limit: node.limit === null ? null : dec(node.limit) } : {}),
      };
    } else {
      const method = compileMethod(ctx, node, path, cond);
      compiled = { ...common, type: "item", max: itemFullMark(node), method: method ?? { kind: "input", input: node.id }, ...optional("missing", "missing" in node ? node.missing : undefined) };
      items.push(compiled);
    }
    nodes.set(node.id, compiled);
    return compiled;
  };
  const compiledRoot = compileNode(root, ["scoring"], undefined) as GroupNode;
  return { root: compiledRoot, nodes, items };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A group's full mark: children combined, capped, normalised. */
function fullMark(g: GroupSource, nodeMax: (id: string) => Dec | undefined): Dec {
  return g.normalizeTo !== undefined ? dec(g.normalizeTo) : fullBeforeNormalising(g, nodeMax);
}

/** A group's full mark before normalisation: children combined, capped. */
function fullBeforeNormalising(g: GroupSource, nodeMax: (id: string) => Dec | undefined): Dec {
  const maxes = g.children.map((c) => nodeMax(c.id) ?? ZERO);
  let full: Dec;
  const combine = g.combine ?? "sum";
  switch (combine) {
    case "sum": {
      const unconditional = g.children.filter((c) => c.only === undefined).map((c) => nodeMax(c.id) ?? ZERO);
      const conditional = g.children.filter((c) => c.only !== undefined).map((c) => nodeMax(c.id) ?? ZERO);
      full = sum(unconditional).plus(conditional.reduce((a, b) => (b.gt(a) ? b : a), ZERO));
      break;
    }
    case "weighted": {
      // Σ fullᵢ × weightᵢ / Σ weights: one exact division (3:6:3:3 → / 15).
      const weights = rawWeights(g);
      full = weights ? sum(maxes.map((m, i) => m.times(weights.raw[i]!))).div(weights.sum) : ZERO;
      break;
    }
    case "mean":
    case "max":
      full = maxes.reduce((a, b) => (b.gt(a) ? b : a), ZERO);
      break;
    case "min":
      full = maxes.reduce((a, b) => (b.lt(a) ? b : a), maxes[0] ?? ZERO);
      break;
    default:
      return unreachable(combine, "combine mode");
  }
  if (g.cap !== undefined && dec(g.cap).lt(full)) full = dec(g.cap);
  return full;
}

/** Weights as declared ("60%" → 0.6, 3 of 3:6:3:3) and their sum, or undefined when they are not usable. */
function rawWeights(g: GroupSource): { raw: Dec[]; sum: Dec } | undefined {
  const ws = g.children.map((c) => c.weight);
  if (ws.some((w) => w === undefined)) return undefined;
  const raw = ws.map((w) => dec(w!));
  const total = sum(raw);
  if (total.lte(0)) return undefined;
  return { raw, sum: total };
}

/**
 * A weighted group's weights: `shares` (weightᵢ / Σ weights, exact: 1/3 for 1:1:1) for
 * the report and the feedback factors; `raw` as declared; `sum` only when some share
 * does not terminate, so that the engine computes Σ pointsᵢ × rawᵢ / sum with one
 * division instead of summing products of non-terminating shares.
 */
interface Weights {
  readonly shares: Dec[];
  readonly raw: Dec[];
  readonly sum?: Dec;
}

function normaliseWeights(ctx: CompileContext, g: GroupSource, path: RubricPath): Weights | undefined {
  let okay = true;
  g.children.forEach((c, i) => {
    if (c.weight === undefined) {
      ctx.error("WEIGHT_MISSING", { id: c.id }, [...path, "children", i]);
      okay = false;
    }
  });
  if (!okay) return undefined;
  const raw = g.children.map((c) => c.weight!);
  const percents = raw.filter(isPercent).length;
  if (percents !== 0 && percents !== raw.length) {
    ctx.error("WEIGHT_MIXED", {}, [...path, "children"]);
    return undefined;
  }
  const values = raw.map((w) => dec(w));
  values.forEach((v, i) => {
    if (v.lte(0)) {
      ctx.error("RANGE_INVALID", { reason: "weight-positive", id: g.children[i]!.id, received: String(raw[i]) }, [...path, "children", i, "weight"]);
      okay = false;
    }
  });
  if (!okay) return undefined;
  const total = sum(values);
  const fractions = values.every((v) => v.lt(1));
  if ((percents > 0 || fractions) && !total.eq(1)) {
    ctx.error("WEIGHT_SUM", { sum: fmt(total.times(HUNDRED)) }, [...path, "children"], undefined);
    return undefined;
  }
  const shares = values.map((v) => v.div(total));
  const terminating = shares.every((w) => Number.isFinite(w.decimalPlaces()));
  return { shares, raw: values, ...(terminating ? {} : { sum: total }) };
}

function checkDeclaredMax(ctx: CompileContext, g: GroupSource, path: RubricPath, nodeMax: (id: string) => Dec | undefined): void {
  if (g.max === undefined) return;
  const declared = dec(g.max);
  const computed = nodeMax(g.id);
  if (computed && !computed.eq(declared)) {
    const how = g.normalizeTo !== undefined ? "normalizeTo" : g.combine === "weighted" ? "weighted-children" : "children";
    ctx.error("MAX_MISMATCH", { declared: fmt(declared), computed: fmt(computed), from: how }, [...path, "max"]);
  }
}

function compileMethod(
  ctx: CompileContext,
  item: ItemSource,
  path: RubricPath,
  cond: (c: ConditionSource | undefined, p: RubricPath) => CompiledCondition | undefined,
): Method | undefined {
  const max = itemFullMark(item);
  const input = "input" in item && item.input !== undefined ? item.input : item.id;
  const within = (v: Dec, what: string, p: RubricPath, extra: Record<string, unknown> = {}) => {
    if (v.lt(0) || v.gt(max)) ctx.error("RANGE_INVALID", { reason: "value-outside-max", what, ...extra, value: fmt(v), max: fmt(max) }, p);
  };
  switch (item.kind) {
    case "input":
      return { kind: "input", input };
    case "yesno": {
      const yes = d(item.yes) ?? max;
      const no = d(item.no) ?? ZERO;
      within(yes, "yes", [...path, "yes"]);
      within(no, "no", [...path, "no"]);
      return { kind: "yesno", input, yes, no };
    }
    case "levels": {
      const levels = new Map<string, Dec>();
      for (const [level, v] of Object.entries(item.levels)) {
        const points = isPercent(v) ? dec(v).times(max) : dec(v);
        within(points, "level", [...path, "levels", level], { level });
        levels.set(level, points);
      }
      return { kind: "levels", input, levels };
    }
    case "deduct": {
      const base = d(item.base) ?? max;
      const floor = d(item.floor) ?? ZERO;
      if (base.gt(max)) ctx.error("RANGE_INVALID", { reason: "base-above-max", base: fmt(base), max: fmt(max) }, [...path, "base"]);
      if (floor.gt(base)) ctx.error("RANGE_INVALID", { reason: "floor-above-base", floor: fmt(floor), base: fmt(base) }, [...path, "floor"]);
      const entries = compileEntries(ctx, item.deductions, [...path, "deductions"], cond);
      const zeroIf = cond(item.zeroIf, [...path, "zeroIf"]);
      return { kind: "deduct", base, floor, entries, ...(zeroIf ? { zeroIf } : {}) };
    }
    case "bonus":
      return {
        kind: "bonus",
        entries: compileEntries(ctx, item.additions, [...path, "additions"], cond),
        outside: compileEntries(ctx, item.outside ?? [], [...path, "outside"], cond),
      };
    case "adjust": {
      if ((item.additions?.length ?? 0) + (item.deductions?.length ?? 0) === 0)
        ctx.error("SCHEMA_CONSTRAINT", { reason: "adjust-empty" }, path);
      const cap = d(item.cap);
      const floor = d(item.floor);
      if (cap?.lt(0)) ctx.error("RANGE_INVALID", { reason: "adjust-cap-negative", cap: fmt(cap) }, [...path, "cap"]);
      if (floor?.gt(0)) ctx.error("RANGE_INVALID", { reason: "adjust-floor-positive", floor: fmt(floor) }, [...path, "floor"]);
      // Entry ids are unique across both lists: a trail line names its entry.
      const additions = compileEntries(ctx, item.additions ?? [], [...path, "additions"], cond);
      const added = new Map<string, RubricPath>((item.additions ?? []).map((e, i) => [e.id, [...path, "additions", i, "id"]]));
      const deductions = compileEntries(ctx, item.deductions ?? [], [...path, "deductions"], cond, added);
      return { kind: "adjust", additions, deductions, ...optional("cap", cap), ...optional("floor", floor) };
    }
    case "ratio":
      return item.numerator !== undefined && item.denominator !== undefined
        ? { kind: "ratio", numerator: item.numerator, denominator: item.denominator }
        : { kind: "ratio", input };
    case "scale": {
      if ((item.target === undefined) === (item.targetInput === undefined))
        ctx.error("SCHEMA_CONSTRAINT", { reason: "scale-target" }, path);
      const unit = dec(item.unit);
      if (unit.lte(0)) ctx.error("RANGE_INVALID", { reason: "unit-positive", received: fmt(unit) }, [...path, "unit"]);
      const base = d(item.base) ?? max;
      within(base, "base", [...path, "base"]);
      const zeroBelow = d(item.zeroBelow);
      const target = d(item.target);
      if (zeroBelow && target && zeroBelow.gt(target))
        ctx.error("RANGE_INVALID", { reason: "zero-below-above-target", zeroBelow: fmt(zeroBelow), target: fmt(target) }, [...path, "zeroBelow"]);
      return {
        kind: "scale",
        input,
        ...optional("target", d(item.target)),
        ...optional("targetInput", item.targetInput),
        base,
        unit,
        points: dec(item.points),
        above: item.above ?? "none",
        below: item.below ?? "none",
        steps: item.steps ?? "whole",
        floor: d(item.floor) ?? ZERO,
        ...optional("zeroBelow", zeroBelow),
      };
    }
    case "bands": {
      const bands = item.bands.map((b, i) => {
        const p = [...path, "bands", i];
        if ((b.min === undefined) === (b.above === undefined))
          ctx.error("SCHEMA_CONSTRAINT", { reason: "band-bound" }, p);
        const points = dec(b.points);
        within(points, "band", [...p, "points"]);
        return { bound: dec((b.min ?? b.above ?? 0) as number | string), inclusive: b.min !== undefined, points };
      });
      for (let i = 1; i < bands.length; i++)
        if (!bands[i]!.bound.lt(bands[i - 1]!.bound) && !(bands[i]!.bound.eq(bands[i - 1]!.bound) && bands[i - 1]!.inclusive === false && bands[i]!.inclusive))
          ctx.error("BAND_ORDER", { id: `band ${i + 1}`, band: i + 1, threshold: fmt(bands[i]!.bound), previous: fmt(bands[i - 1]!.bound) }, [...path, "bands", i]);
      const otherwise = d(item.otherwise) ?? ZERO;
      within(otherwise, "otherwise", [...path, "otherwise"]);
      return { kind: "bands", input, bands, otherwise };
    }
    case "rank": {
      const modes = [item.points, item.percentiles, item.proportional].filter((x) => x !== undefined).length;
      if (modes !== 1) ctx.error("SCHEMA_CONSTRAINT", { reason: "rank-mode" }, path);
      const positions = item.points?.map((p, i) => {
        const v = dec(p);
        within(v, "position", [...path, "points", i], { position: i + 1 });
        return v;
      });
      const percentiles = item.percentiles?.map((p, i) => {
        const v = dec(p.points);
        within(v, "points", [...path, "percentiles", i, "points"]);
        const top = dec(p.top);
        if (top.lte(0) || top.gt(1)) ctx.error("QUOTA_SHARE_RANGE", { received: String(p.top) }, [...path, "percentiles", i, "top"]);
        return { top, points: v };
      });
      return {
        kind: "rank",
        input,
        order: item.order ?? "desc",
        ...optional("positions", positions),
        ...optional("percentiles", percentiles),
        ...optional("proportionalTop", item.proportional?.top),
        otherwise: d(item.otherwise) ?? ZERO,
      };
    }
    case "panel": {
      let groups: { id: string; input: string; weight: Dec }[];
      if (item.groups) {
        const raw = item.groups.map((g) => g.weight);
        const percents = raw.filter(isPercent).length;
        if (percents !== 0 && percents !== raw.length) ctx.error("WEIGHT_MIXED", {}, [...path, "groups"]);
        const values = raw.map((w) => dec(w));
        const total = sum(values);
        if ((percents > 0 || values.every((v) => v.lt(1))) && !total.eq(1))
          ctx.error("WEIGHT_SUM", { sum: fmt(total.times(HUNDRED)) }, [...path, "groups"]);
        groups = item.groups.map((g, i) => ({ id: g.id, input: `${input}_${g.id}`, weight: total.isZero() ? ZERO : values[i]!.div(total) }));
      } else groups = [{ id: item.id, input, weight: ONE }];
      return {
        kind: "panel",
        groups,
        ...optional("trim", item.trim && compileTrim(ctx, item.trim, [...path, "trim"])),
        invalidBallots: item.invalidBallots ?? [],
        ballotLimits: (item.ballotLimits ?? []).map((l) => ({
          ...optional("gte", d(l.gte)),
          ...optional("lt", d(l.lt)),
          ...optional("most", l.most),
          ...optional("least", l.least),
        })),
      };
    }
    case "votes": {
      const coefficients = new Map<string, Dec>();
      for (const [level, c] of Object.entries(item.coefficients)) {
        const v = dec(c);
        if (v.lt(0) || v.gt(1)) ctx.error("RANGE_INVALID", { reason: "coefficient", level, received: fmt(v) }, [...path, "coefficients", level]);
        coefficients.set(level, v);
      }
      return { kind: "votes", input, coefficients, denominator: item.denominator ?? "valid" };
    }
    case "periods": {
      if ((item.aggregate ?? "mean") === "sum" && item.periodMax !== undefined && !dec(item.periodMax).times(item.count).eq(max))
        ctx.error("MAX_MISMATCH", { declared: fmt(max), computed: fmt(dec(item.periodMax).times(item.count)), from: "periodMax" }, [...path, "max"]);
      return { kind: "periods", input, count: item.count, aggregate: item.aggregate ?? "mean" };
    }
    case "carry":
      return { kind: "carry", input, share: dec(item.share) };
    case "linked":
      return { kind: "linked", rubric: item.rubric, ...optional("scaleFrom", d(item.scaleFrom)) };
    default:
      return unreachable(item, "item kind");
  }
}

/**
 * A panel's trim: drop `drop` at each end when at least `minScores` scores remain.
 * `above: n` is `minScores: n + 1`; neither gives 2 × drop + 1 (trim whenever a score
 * is left). A threshold that would trim 2 × drop scores or fewer is TRIM_MIN_SCORES.
 */
function compileTrim(
  ctx: CompileContext,
  trim: { drop?: number; above?: number; minScores?: number },
  path: RubricPath,
): { drop: number; minScores: number; stated: "above" | "minScores" | "default" } | undefined {
  const drop = trim.drop ?? 1;
  const needed = 2 * drop + 1;
  if (trim.above !== undefined && trim.minScores !== undefined) {
    ctx.error("SCHEMA_CONSTRAINT", { reason: "trim-above-and-min" }, path);
    return undefined;
  }
  if (trim.above === undefined && trim.minScores === undefined) return { drop, minScores: needed, stated: "default" };
  const stated = trim.above !== undefined ? "above" : "minScores";
  const minScores = trim.above !== undefined ? trim.above + 1 : trim.minScores!;
  if (minScores < needed) {
    ctx.error("TRIM_MIN_SCORES", { drop, needed, stated: `${stated}: ${trim[stated]}`, fewest: minScores }, [...path, stated]);
    return undefined;
  }
  return { drop, minScores, stated };
}

function compileEntries(
  ctx: CompileContext,
  entries: EntrySource[],
  path: RubricPath,
  cond: (c: ConditionSource | undefined, p: RubricPath) => CompiledCondition | undefined,
  seenBefore?: ReadonlyMap<string, RubricPath>,
): Entry[] {
  const seen = new Map<string, RubricPath>(seenBefore);
  const out: Entry[] = [];
  entries.forEach((e, i) => {
    const p = [...path, i];
    const first = seen.get(e.id);
    if (first) ctx.error("REF_DUPLICATE_ID", { what: "entry", id: e.id, first: ctx.where(first) }, [...p, "id"]);
    seen.set(e.id, [...p, "id"]);
    const common = { id: e.id, label: e.label ?? e.id, ...optional("max", d(e.max)) };
    const points = typeof e.points === "object" ? undefined : d(e.points);
    if (e.when !== undefined) {
      const when = cond(e.when, [...p, "when"]);
      if (when && points) out.push({ ...common, type: "when", when, points });
    } else if (e.per !== undefined && points) out.push({ ...common, type: "per", input: e.per, points });
    else if (e.shortfall && points) out.push({ ...common, type: "shortfall", input: e.shortfall.input, required: dec(e.shortfall.required), points });
    else if (e.chosen !== undefined && e.range) out.push({ ...common, type: "chosen", input: e.chosen, range: [dec(e.range[0]), dec(e.range[1])] });
    else if (e.records !== undefined && e.points !== undefined) {
      let amount: Amount;
      if (typeof e.points === "object") {
        const table = new Map<string, Dec>();
        let running = ZERO;
        for (const [k, v] of Object.entries(e.points.table)) {
          running = e.points.cumulative ? running.plus(dec(v)) : dec(v);
          table.set(k, running);
        }
        amount = { type: "table", by: e.points.by, table };
      } else amount = { type: "fixed", points: dec(e.points) };
      out.push({
        ...common,
        type: "records",
        input: e.records,
        amount,
        ...optional("times", e.times),
        ...optional("split", e.split),
        ...(e.dedup ? { dedup: { key: e.dedup.key, keep: e.dedup.keep ?? "max" } } : {}),
      });
    }
  });
  return out;
}

