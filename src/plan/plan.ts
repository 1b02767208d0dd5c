/**
 * The evaluation plan of a compiled rubric: its scoring tree as a flat array of nodes
 * indexed by number, children before parents, built once per compiled rubric (cached
 * in a WeakMap, so a rubric is planned once however many batches it scores).
 *
 * The engine scores a subject by walking the plan by index into a scratch buffer that
 * is reused from subject to subject: no Map, Set or closure per subject. What cannot
 * vary per subject is computed here once:
 *
 * - `fixedMax`: a group's full mark when every node below it always applies (no `only`
 *   and no `missing: skip` anywhere under it); otherwise the engine adds up the full
 *   marks of the children that apply to the subject, as before.
 * - `skippable`: an item that reads an input whose missing policy may be `skip`.
 * - the nodes whose points later stages read (conditions, tie-breakers): `kept`.
 * @internal
 */
import type { CompiledRubric, ConditionNode, GroupNode, TreeNode } from "../compile/model.js";
import { methodInputs } from "../compile/inputs.js";
import { groupNumeric, itemNumeric, type Numeric } from "./numeric.js";
import { max as maxOf, min as minOf, sum, ZERO, type Dec } from "../decimal/decimal.js";

export interface PlanNode {
  /** Position in `Plan.nodes` (children before parents). */
  readonly index: number;
  readonly node: TreeNode;
  /** The parent's index, -1 for the root. */
  readonly parent: number;
  /** Indices of the children (then of the `outside` nodes) of a group; empty for an item. */
  readonly children: readonly number[];
  readonly outside: readonly number[];
  /** The full mark of a group when it cannot vary per subject; undefined when it can (or for an item). */
  readonly fixedMax: Dec | undefined;
  /** Whether the node may not apply to a subject (its own or a descendant's `only`, a `missing: skip`). */
  readonly mayNotApply: boolean;
  /** The node's points are read after scoring (a condition, a tie-breaker, the total): kept in a column. */
  readonly kept: boolean;
  /** Exact integers at a scale, or Dec (plan/numeric.ts): the choice is visible here, per node. */
  readonly numeric: Numeric;
  /**
   * An integer sum or weighted group: its value before floor, cap, outside nodes and
   * limit as one dot product, Σ points × coefficient over `nodes`, where a child group that
   * only adds up its own children (below) is replaced by them, its weights folded into
   * the coefficients (issue 9: "chains of sums and weights ... collapse into one dot
   * product"). Undefined for any other node.
   */
  readonly dot: { readonly nodes: readonly number[]; readonly coef: readonly number[] } | undefined;
  /**
   * Folded into its parent's dot product, so the integer path does not compute its
   * column: an integer sum or weighted group under one, with no `only`, floor, cap,
   * limit, rounding or outside nodes, a fixed full mark, and not kept.
   */
  readonly folded: boolean;
}

export interface Plan {
  /** Every node of the tree (outside nodes included), children before parents; the root is last. */
  readonly nodes: readonly PlanNode[];
  readonly root: number;
  /** Node id → index. */
  readonly index: ReadonlyMap<string, number>;
  /** Indices of the kept nodes, in plan order. */
  readonly kept: readonly number[];
  /** Indices of the items that count towards `zeroItems` (not bonus, not adjust), in tree order. */
  readonly countedItems: readonly number[];
  /**
   * Whether the integer path may run over columns (engine/score-columns.ts): some node is
   * on it, and no condition of a node on it (`only`, a deduction's `when` or `zeroIf`)
   * reads the points of a node (`score.X`, `ratio.X`), which depend on the order a
   * subject's tree is walked in. Otherwise every subject is scored in Dec, one by one.
   */
  readonly columns: boolean;
  /**
   * Whether some fact reference of the rubric reads `zeroItems` (a rule, a grade's
   * `requires`, an action, a tier, a tie-breaker): otherwise the scoring stage does not
   * count the items scored 0 (the count is read by nothing else).
   */
  readonly readsZeroItems: boolean;
}

const plans = new WeakMap<CompiledRubric, Plan>();

/** The plan of a compiled rubric (built on first use, then cached). */
export function planOf(rubric: CompiledRubric): Plan {
  let plan = plans.get(rubric);
  if (!plan) plans.set(rubric, (plan = buildPlan(rubric)));
  return plan;
}

function buildPlan(rubric: CompiledRubric): Plan {
  const nodes: PlanNode[] = [];
  const index = new Map<string, number>();
  const keptIds = new Set<string>([rubric.root.id, ...rubric.factNodes]);
  const visit = (node: TreeNode): number => {
    let children: number[] = [];
    let outside: number[] = [];
    if (node.type === "group") {
      children = node.children.map(visit);
      outside = node.outside.map(visit);
    }
    // A group none of whose children apply does not apply either.
    const mayNotApply = node.only !== undefined || (node.type === "item" ? skippable(rubric, node) : children.every((c) => nodes[c]!.mayNotApply));
    const varies = (c: number) => nodes[c]!.mayNotApply || (nodes[c]!.node.type === "group" && nodes[c]!.fixedMax === undefined);
    const fixedMax =
      node.type === "group" && !children.some(varies)
        ? groupFull(node, children.map((c) => nodes[c]!.fixedMax ?? nodes[c]!.node.max), node.children)
        : undefined;
    const numeric =
      node.type === "item"
        ? itemNumeric(rubric, node)
        : groupNumeric(
            node,
            children.map((c) => nodes[c]!.numeric),
            outside.map((c) => nodes[c]!.numeric),
          );
    const self = nodes.length;
    nodes.push({ index: self, node, parent: -1, children, outside, fixedMax, mayNotApply, kept: keptIds.has(node.id), numeric, dot: undefined, folded: false });
    index.set(node.id, self);
    return self;
  };
  const root = visit(rubric.root);
  for (const n of nodes) for (const c of [...n.children, ...n.outside]) (nodes[c] as { parent: number }).parent = n.index;
  const countedItems: number[] = [];
  for (const item of rubric.items) if (item.method.kind !== "bonus" && item.method.kind !== "adjust") countedItems.push(index.get(item.id)!);
  foldDotProducts(nodes);
  const ints = nodes.filter((n) => n.numeric.path === "int");
  const columns = ints.length > 0 && !ints.some((n) => nodeConditions(n.node).some(readsPoints));
  return { nodes, root, index, kept: nodes.filter((n) => n.kept).map((n) => n.index), countedItems, columns, readsZeroItems: mentionsZeroItems(rubric) };
}

/**
 * Whether the compiled rubric holds a fact reference `{ kind: "zeroItems" }` anywhere:
 * every condition and tie-breaker is plain data in it (compile/model.ts FactRef), so a
 * walk of the whole value finds them all, wherever they are read. Conservative: any
 * object of that kind counts, and so does a function (data it might hide is not seen).
 */
function mentionsZeroItems(rubric: CompiledRubric): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [rubric];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "function") return true;
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Map) {
      for (const [k, x] of v) stack.push(k, x);
      continue;
    }
    if (v instanceof Set || Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    if ((v as { kind?: unknown }).kind === "zeroItems") return true;
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return false;
}

/** An integer sum or weighted group (the kind whose value is a dot product of its children's). */
function isDotGroup(p: PlanNode): boolean {
  return p.node.type === "group" && (p.node.combine === "sum" || p.node.combine === "weighted") && p.numeric.path === "int";
}

/**
 * Each integer sum or weighted group's dot product (PlanNode.dot), children before
 * parents, folding in the child groups that only add up their own children. A term's
 * coefficient is the child's weight (as an integer at the group's weight scale) times
 * the factor aligning it to the group's scale, multiplied down a folded chain; every
 * product is an integer no larger than what the plan proved for the group (its bound
 * covers Σ |bound × weight| of its children), so the dot product is exact.
 */
function foldDotProducts(nodes: PlanNode[]): void {
  const MAX = Number.MAX_SAFE_INTEGER;
  for (const p of nodes) {
    if (!isDotGroup(p)) continue;
    const g = (p.numeric as Extract<Numeric, { path: "int" }>).group!;
    const terms: number[] = [];
    const coef: number[] = [];
    p.children.forEach((c, k) => {
      const a = (g.weights ? g.weights[k]! : 1) * g.align[k]!;
      const child = nodes[c]!;
      if (child.folded && child.dot) {
        child.dot.nodes.forEach((d, j) => {
          terms.push(d);
          coef.push(a * child.dot!.coef[j]!);
        });
      } else {
        terms.push(c);
        coef.push(a);
      }
    });
    if (coef.some((x) => !(Math.abs(x) <= MAX))) continue;
    (p as { dot: PlanNode["dot"] }).dot = { nodes: terms, coef };
    // May its own parent fold it in? (Decided here: a parent comes after its children.)
    const num = p.numeric as Extract<Numeric, { path: "int" }>;
    (p as { folded: boolean }).folded =
      !p.kept && p.node.only === undefined && p.outside.length === 0 && p.fixedMax !== undefined && num.round === undefined && g.floor === undefined && g.cap === undefined && g.limit === undefined;
  }
  // A group is folded only into a parent whose dot product took it in; the others keep their column.
  for (const p of nodes) if (p.folded && !(p.parent >= 0 && nodes[p.parent]!.dot !== undefined)) (p as { folded: boolean }).folded = false;
}

/** The conditions a node tests while it is scored: its `only`, a deduction's `zeroIf` and `when` entries. */
function nodeConditions(node: TreeNode): ConditionNode[] {
  const out: ConditionNode[] = [];
  if (node.only) out.push(node.only.node);
  if (node.type === "item" && node.method.kind === "deduct") {
    if (node.method.zeroIf) out.push(node.method.zeroIf.node);
    for (const e of node.method.entries) if (e.type === "when") out.push(e.when.node);
  }
  return out;
}

/** Whether a condition reads the points of a node (score.X or ratio.X). */
function readsPoints(c: ConditionNode): boolean {
  switch (c.op) {
    case "all":
    case "any":
      return c.of.some(readsPoints);
    case "not":
      return readsPoints(c.of);
    default:
      return c.fact.kind === "score" || c.fact.kind === "ratio";
  }
}

/** Whether an item reads an input that may be absent under `missing: skip`. */
function skippable(rubric: CompiledRubric, item: Extract<TreeNode, { type: "item" }>): boolean {
  return methodInputs(item.method).some(({ input }) => (item.missing ?? rubric.inputs.get(input)?.missing) === "skip");
}

/**
 * A group's full mark from its children's full marks (all of them applying): the same
 * arithmetic as the engine's per-subject one (engine/score-tree.ts groupFull), cap and
 * normalisation included.
 */
export function groupFull(g: GroupNode, maxes: readonly Dec[], children: readonly TreeNode[]): Dec {
  let full: Dec;
  switch (g.combine) {
    case "sum":
      full = sum(maxes);
      break;
    case "weighted":
      full = g.weightSum ? sum(maxes.map((m, i) => m.times(children[i]!.rawWeight!))).div(g.weightSum) : sum(maxes.map((m, i) => m.times(children[i]!.weight!)));
      break;
    case "mean":
    case "max":
      full = maxes.reduce(maxOf, ZERO);
      break;
    case "min":
      full = maxes.length ? maxes.reduce(minOf) : ZERO;
      break;
  }
  if (g.cap && full.gt(g.cap)) full = g.cap;
  if (g.normalizeTo) full = g.normalizeTo;
  return full;
}
