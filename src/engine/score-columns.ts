/**
 * The integer path over columns (issue 9, "Exact scaled integers"; docs/engine.md).
 *
 * Scoring runs over blocks of rows. For each block, every plan node on the integer path
 * (plan/numeric.ts) gets a column: its points as an exact integer at the node's scale,
 * one number per row, NaN where the node does not apply. Nodes are computed in plan
 * order (children before parents), each by one loop over the block's rows that reads
 * the input table's typed columns (engine/input-table.ts) and its children's columns:
 * no object per subject, no Dec.
 *
 * A row is `clean` when the subject lacks no input and every value its integer nodes
 * read is held at the proven scale, and nothing went beyond what the plan proved (a
 * deduction count large enough to leave 2^53). Only clean rows are read from these
 * columns; any other row is scored in Dec, one subject at a time, by the same walk that
 * builds trails (score-tree.ts). So the integer path is never approximately right: it
 * computes exactly what the Dec walk would, or it is not used for that subject.
 *
 * Conditions tested while scoring (`only`, a deduction's `when` and `zeroIf`) are read
 * by the one interpreter (condition.ts) per row, through the scoring context pointed at
 * the row's subject; the plan runs this path only when none of them reads the points of
 * a node (plan.columns).
 * @internal
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import type { ItemNode } from "../compile/model.js";
import { roundScaled, type Dec } from "../decimal/decimal.js";
import type { IntGroup, IntItem } from "../plan/numeric.js";
import type { Plan } from "../plan/plan.js";
import { testCondition } from "./condition.js";
import type { InputColumn, InputTable } from "./input-table.js";
import type { ScoringContext } from "./state.js";
import type { PreparedSubject } from "./subject-data.js";

const MAX = Number.MAX_SAFE_INTEGER;
/** Within ±(2^53 − 1): for a sum or product of integers, that it is exact. */
const safe = (x: number): boolean => x <= MAX && x >= -MAX;

/** Rows per block: the block's columns (a few hundred KB on the largest rubrics) stay in cache. */
export const BLOCK_ROWS = 2048;

export class IntColumns {
  /** Per plan node on the integer path: its points at the node's scale, by row of the block; undefined for Dec nodes. */
  readonly cols: (Float64Array | undefined)[];
  /** Per row of the block: 1 when the row is scored here (see the file's comment). */
  readonly clean = new Uint8Array(BLOCK_ROWS);
  private lo = 0;
  private hi = 0;

  constructor(
    private readonly plan: Plan,
    private readonly subjects: readonly PreparedSubject[],
    private readonly inputs: InputTable,
    /** Moved from subject to subject to test conditions (its scratch is not read). */
    private readonly ctx: ScoringContext,
  ) {
    this.cols = plan.nodes.map((p) => (p.numeric.path === "int" ? new Float64Array(BLOCK_ROWS) : undefined));
    this.below = plan.nodes.map((p) => (p.node.only && p.numeric.path === "int" ? descendants(plan, p.index) : []));
  }

  /** Per node with `only`: the nodes below it (where it does not apply, neither do they). */
  private readonly below: readonly (readonly number[])[];

  /** Score rows lo … hi − 1 (at most BLOCK_ROWS of them) into the columns. */
  score(lo: number, hi: number): void {
    this.lo = lo;
    this.hi = hi;
    const clean = this.clean;
    for (let r = lo; r < hi; r++) clean[r - lo] = this.subjects[r]!.absent.size === 0 ? 1 : 0;
    const nodes = this.plan.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const p = nodes[i]!;
      if (p.numeric.path !== "int") continue;
      // Folded into its parent's dot product: its column is not read.
      if (p.folded) continue;
      const out = this.cols[i]!;
      const num = p.numeric;
      if (p.node.type === "item") this.item(p.node, num.item!, out);
      else if (p.dot) this.dot(p.dot.nodes, p.dot.coef, p.outside, p.children.length, num.group!, out);
      else this.group(p.children, p.outside, p.node.combine, num.group!, out);
      if (p.node.only) {
        const only = p.node.only;
        const below = this.below[i]!;
        for (let r = lo; r < hi; r++) {
          const j = r - lo;
          if (!clean[j] || testCondition(only, this.at(r))) continue;
          out[j] = Number.NaN;
          for (const d of below) this.cols[d]![j] = Number.NaN;
        }
      }
      if (num.round) {
        const { divisor, mode } = num.round;
        for (let j = 0; j < hi - lo; j++) {
          const v = out[j]!;
          if (v === v) out[j] = roundScaled(v, divisor, mode) * divisor;
        }
      }
    }
  }

  /** The scoring context at row r's subject, for a condition. */
  private at(r: number): ScoringContext {
    this.ctx.moveTo(this.subjects[r]!);
    return this.ctx;
  }

  /** Row r (of the block: r − lo) leaves the integer path. */
  private unclean(j: number, out: Float64Array): void {
    this.clean[j] = 0;
    out[j] = Number.NaN;
  }

  /**
   * A number input's values for the block's rows (indexed from 0, NaN for none), and the
   * factor that brings them to `scale`; undefined when it cannot (then no row is clean).
   */
  private numberColumn(input: string, scale: number): { col: Float64Array; factor: number } | undefined {
    const k = this.inputs.index.get(input);
    const c: InputColumn | undefined = k === undefined ? undefined : this.inputs.columns[k];
    if (!c?.scaled || c.scale > scale) return undefined;
    return { col: this.blockOf(k!, c), factor: 10 ** (scale - c.scale) };
  }

  /** Input column k over the block's rows as a Float64Array (read once per block, whatever the column's own array). */
  private blockOf(k: number, c: InputColumn): Float64Array {
    let b = this.inputBlocks[k];
    if (b === undefined) this.inputBlocks[k] = b = new Float64Array(BLOCK_ROWS);
    if (this.inputBlockAt[k] !== this.lo + 1) {
      this.inputBlockAt[k] = this.lo + 1;
      const src = c.scaled!;
      const none = c.none;
      if (c.narrow) for (let r = this.lo; r < this.hi; r++) b[r - this.lo] = src[r] === none ? Number.NaN : src[r]!;
      else b.set(src.subarray(this.lo, this.hi));
    }
    return b;
  }

  private readonly inputBlocks: (Float64Array | undefined)[] = [];
  /** Per input column: 1 + the first row of the block its inputBlocks entry holds. */
  private readonly inputBlockAt: number[] = [];

  /** A boolean, choice or grade input's column of codes. */
  private codedColumn(input: string): { codes: Int8Array | Int32Array; options: readonly (string | boolean)[] } | undefined {
    const k = this.inputs.index.get(input);
    const c = k === undefined ? undefined : this.inputs.columns[k];
    return c?.codes && c.options ? { codes: c.codes, options: c.options } : undefined;
  }

  private valuesOf(input: string): readonly unknown[] | undefined {
    const k = this.inputs.index.get(input);
    return k === undefined ? undefined : this.inputs.columns[k]!.values;
  }

  /** Every row of the block unclean (a form this path does not read). */
  private none(out: Float64Array): void {
    for (let j = 0; j < this.hi - this.lo; j++) this.unclean(j, out);
  }

  private item(node: ItemNode, f: IntItem, out: Float64Array): void {
    const { lo, hi, clean } = this;
    switch (f.kind) {
      case "input":
      case "ratio": {
        const c = this.numberColumn(f.input, f.inputScale);
        if (!c) return this.none(out);
        const times = c.factor * (f.kind === "ratio" ? f.max : 1);
        for (let r = lo; r < hi; r++) {
          const j = r - lo;
          const v = c.col[j]! * times;
          if (safe(v)) out[j] = v;
          else this.unclean(j, out);
        }
        return;
      }
      case "yesno": {
        const c = this.codedColumn(f.input);
        if (!c) return this.none(out);
        // Codes: 0 false, 1 true, -1 none.
        for (let r = lo; r < hi; r++) {
          const code = c.codes[r]!;
          if (code === 1) out[r - lo] = f.yes;
          else if (code === 0) out[r - lo] = f.no;
          else this.unclean(r - lo, out);
        }
        return;
      }
      case "levels": {
        const c = this.codedColumn(f.input);
        if (!c) return this.none(out);
        // Points by code (NaN for an option the item does not score: the Dec walk reports it).
        const byCode = Float64Array.from(c.options, (o) => f.levels.get(o as string) ?? Number.NaN);
        for (let r = lo; r < hi; r++) {
          const code = c.codes[r]!;
          const v = code >= 0 ? byCode[code]! : Number.NaN;
          if (v === v) out[r - lo] = v;
          else this.unclean(r - lo, out);
        }
        return;
      }
      case "bands": {
        const m = node.method as Extract<ItemNode["method"], { kind: "bands" }>;
        const k = this.inputs.index.get(f.input);
        const c = k === undefined ? undefined : this.inputs.columns[k];
        // The bounds at the input's scale; a bound with more decimals leaves the rows to the Dec walk.
        const bounds = c?.scaled ? m.bands.map((b) => b.bound.scaled(c.scale)) : undefined;
        if (!c?.scaled || !bounds || bounds.some((b) => b === undefined)) return this.none(out);
        const col = this.blockOf(k!, c);
        for (let r = lo; r < hi; r++) {
          const x = col[r - lo]!;
          if (x !== x) {
            this.unclean(r - lo, out);
            continue;
          }
          let v = f.otherwise;
          for (let b = 0; b < bounds.length; b++)
            if (m.bands[b]!.inclusive ? x >= bounds[b]! : x > bounds[b]!) {
              v = f.points[b]!;
              break;
            }
          out[r - lo] = v;
        }
        return;
      }
      case "periods": {
        const values = this.valuesOf(f.input) as readonly (readonly Dec[] | undefined)[] | undefined;
        if (!values) return this.none(out);
        for (let r = lo; r < hi; r++) {
          const j = r - lo;
          const list = values[r];
          if (!clean[j] || !list) {
            this.unclean(j, out);
            continue;
          }
          let total = 0;
          let ok = true;
          for (let e = 0; e < list.length && ok; e++) {
            const x = list[e]!.scaled(f.inputScale);
            if (x === undefined) ok = false;
            else {
              total += x;
              ok = Number.isSafeInteger(total);
            }
          }
          const v = total * f.factor;
          if (ok && Number.isSafeInteger(v)) out[j] = v;
          else this.unclean(j, out);
        }
        return;
      }
      case "deduct":
        return this.deduct(node, f, out);
      default:
        return unreachable(f, "integer item");
    }
  }

  /** base − Σ deductions (each within its max), then within [floor, max]: as items.ts computes it in Dec. */
  private deduct(node: ItemNode, f: Extract<IntItem, { kind: "deduct" }>, out: Float64Array): void {
    const { lo, hi, clean } = this;
    const m = node.method as Extract<ItemNode["method"], { kind: "deduct" }>;
    const n = hi - lo;
    for (let j = 0; j < n; j++) out[j] = 0;
    // Σ deductions, entry by entry over the block (out holds the running sum).
    for (let k = 0; k < f.entries.length; k++) {
      const e = f.entries[k]!;
      if (e.type === "when") {
        const when = (m.entries[k] as Extract<(typeof m.entries)[number], { type: "when" }>).when;
        const amount = e.max !== undefined && e.points > e.max ? e.max : e.points;
        for (let r = lo; r < hi; r++) if (clean[r - lo] && testCondition(when, this.at(r))) out[r - lo] = out[r - lo]! + amount;
        continue;
      }
      const c = this.numberColumn(e.input, e.inputScale);
      if (!c) return this.none(out);
      for (let r = lo; r < hi; r++) {
        const j = r - lo;
        const x = c.col[j]! * c.factor;
        if (x !== x || !clean[j]) {
          this.unclean(j, out);
          continue;
        }
        // Integers times integers: each result is exact while within ±(2^53 − 1), and one
        // whose true value is past it comes out at least 2^53 in magnitude (so refused).
        const units = e.type === "per" ? x : Math.max(0, e.required - x);
        const product = units * e.points;
        let amount = product * e.align;
        if (!(safe(x) && safe(product) && safe(amount))) {
          this.unclean(j, out);
          continue;
        }
        if (e.max !== undefined && amount > e.max) amount = e.max;
        const sum = out[j]! + amount;
        if (safe(sum)) out[j] = sum;
        else this.unclean(j, out);
      }
    }
    const zeroIf = m.zeroIf;
    for (let r = lo; r < hi; r++) {
      const j = r - lo;
      const deducted = out[j]!;
      if (!clean[j] || deducted !== deducted) continue;
      if (zeroIf !== undefined && testCondition(zeroIf, this.at(r))) {
        out[j] = 0;
        continue;
      }
      let net = f.base - deducted;
      if (!safe(net)) {
        this.unclean(j, out);
        continue;
      }
      if (net < f.floor) net = f.floor;
      if (net > f.max) net = f.max;
      out[j] = net;
    }
  }

  /** A sum or weighted group as one dot product over its terms (plan.ts foldDotProducts), then floor, cap, outside nodes and limit. */
  private dot(terms: readonly number[], coef: readonly number[], outside: readonly number[], childCount: number, f: IntGroup, out: Float64Array): void {
    const n = this.hi - this.lo;
    const cols = this.cols;
    // NaN until a term applies: a group none of whose children apply does not apply.
    for (let j = 0; j < n; j++) out[j] = Number.NaN;
    for (let k = 0; k < terms.length; k++) {
      const c = cols[terms[k]!]!;
      const a = coef[k]!;
      for (let j = 0; j < n; j++) {
        const x = c[j]!;
        if (x !== x) continue;
        const acc = out[j]!;
        out[j] = acc === acc ? acc + x * a : x * a;
      }
    }
    this.bounds(outside, childCount, f, out);
  }

  private group(children: readonly number[], outside: readonly number[], combine: string, f: IntGroup, out: Float64Array): void {
    const n = this.hi - this.lo;
    const cols = this.cols;
    const align = f.align;
    // NaN until a child applies: a group none of whose children apply does not apply.
    for (let j = 0; j < n; j++) out[j] = Number.NaN;
    for (let k = 0; k < children.length; k++) {
      const c = cols[children[k]!]!;
      const a = f.weights ? f.weights[k]! * align[k]! : align[k]!;
      switch (combine) {
        case "sum":
        case "weighted":
          for (let j = 0; j < n; j++) {
            const x = c[j]!;
            if (x !== x) continue;
            const acc = out[j]!;
            out[j] = acc === acc ? acc + x * a : x * a;
          }
          break;
        case "max":
          for (let j = 0; j < n; j++) {
            const x = c[j]!;
            if (x !== x) continue;
            const v = x * a;
            const acc = out[j]!;
            // max starts from 0 (as the Dec walk does): a group of negative children scores 0.
            out[j] = acc === acc ? (v > acc ? v : acc) : v > 0 ? v : 0;
          }
          break;
        case "min":
          for (let j = 0; j < n; j++) {
            const x = c[j]!;
            if (x !== x) continue;
            const v = x * a;
            const acc = out[j]!;
            out[j] = acc === acc && acc <= v ? acc : v;
          }
          break;
        default:
          // mean, and ratio weights, are never planned as int (a division).
          throw new Error(`kaohe internal: ${combine} on the integer path`);
      }
    }
    this.bounds(outside, children.length, f, out);
  }

  /** A group's floor and cap, then its outside nodes (bonus outside the cap), then its limit. */
  private bounds(outside: readonly number[], childCount: number, f: IntGroup, out: Float64Array): void {
    const n = this.hi - this.lo;
    const cols = this.cols;
    const align = f.align;
    const { floor, cap, limit } = f;
    for (let j = 0; j < n; j++) {
      let v = out[j]!;
      if (v !== v) continue;
      if (floor !== undefined && v < floor) v = floor;
      if (cap !== undefined && v > cap) v = cap;
      out[j] = v;
    }
    for (let k = 0; k < outside.length; k++) {
      const c = cols[outside[k]!]!;
      const a = align[childCount + k]!;
      for (let j = 0; j < n; j++) {
        const x = c[j]!;
        const acc = out[j]!;
        if (x === x && acc === acc) out[j] = acc + x * a;
      }
    }
    if (limit !== undefined)
      for (let j = 0; j < n; j++) {
        const v = out[j]!;
        if (v === v && v > limit) out[j] = limit;
      }
  }
}

/** Every node below plan node i (children and outside nodes, recursively). */
function descendants(plan: Plan, i: number): number[] {
  const out: number[] = [];
  const visit = (k: number) => {
    const p = plan.nodes[k]!;
    for (const c of [...p.children, ...p.outside]) {
      out.push(c);
      visit(c);
    }
  };
  visit(i);
  return out;
}
