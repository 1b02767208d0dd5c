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
 * columns (a row that turns unclean keeps whatever its columns hold: the kernels do not
 * clear them); any other row is scored in Dec, one subject at a time, by the same walk that
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
    this.dense = Uint8Array.from(plan.nodes, (p) => (p.dot !== undefined && p.dot.nodes.length > 0 && p.dot.nodes.every((t) => !plan.nodes[t]!.mayNotApply) ? 1 : 0));
  }

  /**
   * Per plan node with a dot product: 1 when none of its terms may not apply (plan.ts
   * mayNotApply), so that on a clean row every term has a value.
   */
  private readonly dense: Uint8Array;

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
      else if (p.dot) this.dot(i, p.dot.nodes, p.dot.coef, p.outside, p.children.length, num.group!, out);
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
   * Point blockCol, blockOff and blockFactor at a number input's values for the block's
   * rows (row lo + j at blockCol[blockOff + j], NaN for none) and the factor that brings
   * them to `scale` (-1: the column's own scale, factor 1); false when it cannot (then no
   * row is clean). A Float64Array column is read in place; an integer column is copied
   * into a Float64Array once per block, so that every kernel reads one array type.
   */
  private numberBlock(input: string, scale: number): boolean {
    const k = this.inputs.index.get(input);
    const c: InputColumn | undefined = k === undefined ? undefined : this.inputs.columns[k];
    if (!c?.scaled || (scale >= 0 && c.scale > scale)) return false;
    this.blockFactor = scale >= 0 ? 10 ** (scale - c.scale) : 1;
    if (c.narrow) {
      this.blockCol = this.blockOf(k!, c);
      this.blockOff = 0;
    } else {
      this.blockCol = c.scaled as Float64Array;
      this.blockOff = this.lo;
    }
    return true;
  }

  private blockCol: Float64Array = new Float64Array(0);
  private blockOff = 0;
  private blockFactor = 1;

  /** Integer input column k over the block's rows as a Float64Array (converted once per block). */
  private blockOf(k: number, c: InputColumn): Float64Array {
    let b = this.inputBlocks[k];
    if (b === undefined) this.inputBlocks[k] = b = new Float64Array(BLOCK_ROWS);
    if (this.inputBlockAt[k] !== this.lo + 1) {
      this.inputBlockAt[k] = this.lo + 1;
      const src = c.scaled!;
      const lo = this.lo;
      const n = this.hi - lo;
      if (src instanceof Int8Array) widen8(src, lo, n, c.none, b);
      else if (src instanceof Int16Array) widen16(src, lo, n, c.none, b);
      else if (src instanceof Int32Array) widen32(src, lo, n, c.none, b);
      else b.set(src.subarray(lo, lo + n));
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

  /** Every row of the block unclean (a form this path does not read). */
  private none(out: Float64Array): void {
    for (let j = 0; j < this.hi - this.lo; j++) this.unclean(j, out);
  }

  private item(node: ItemNode, f: IntItem, out: Float64Array): void {
    const { lo, hi, clean } = this;
    const n = hi - lo;
    switch (f.kind) {
      case "input":
      case "ratio": {
        const k = this.inputs.index.get(f.input);
        const c = k === undefined ? undefined : this.inputs.columns[k];
        if (!c?.scaled || c.scale > f.inputScale) return this.none(out);
        const times = 10 ** (f.inputScale - c.scale) * (f.kind === "ratio" ? f.max : 1);
        // An integer column is read in place by the loop for its array type (none: its least value).
        const src = c.scaled;
        if (src instanceof Float64Array) scaleKernel(src, lo, n, times, out, clean);
        else if (src instanceof Int8Array) scaleKernel8(src, lo, n, c.none, times, out, clean);
        else if (src instanceof Int16Array) scaleKernel16(src, lo, n, c.none, times, out, clean);
        else scaleKernel32(src, lo, n, c.none, times, out, clean);
        return;
      }
      case "yesno": {
        const c = this.codedColumn(f.input);
        if (!c) return this.none(out);
        if (c.codes instanceof Int8Array) yesnoKernel(c.codes, lo, n, f.yes, f.no, out, clean);
        else yesnoKernel32(c.codes, lo, n, f.yes, f.no, out, clean);
        return;
      }
      case "levels": {
        const c = this.codedColumn(f.input);
        if (!c) return this.none(out);
        // Points by code (NaN for an option the item does not score: the Dec walk reports it).
        const byCode = this.pointsByCode(node, f, c.options);
        if (c.codes instanceof Int8Array) levelsKernel(c.codes, lo, n, byCode, out, clean);
        else levelsKernel32(c.codes, lo, n, byCode, out, clean);
        return;
      }
      case "bands": {
        const b = this.bandsOf(node, f);
        if (!b || !this.numberBlock(f.input, -1)) return this.none(out);
        bandsKernel(this.blockCol, this.blockOff, n, b.thresholds, b.points, f.otherwise, out, clean);
        return;
      }
      case "periods": {
        const k = this.inputs.index.get(f.input);
        const c = k === undefined ? undefined : this.inputs.columns[k]!;
        const values = c?.values as readonly (readonly Dec[] | undefined)[] | undefined;
        // A series read from its period columns, at the scale the plan reads (any other: the Dec walk).
        const periods = c?.periods !== undefined && c.periods.scale === f.inputScale ? c.periods : undefined;
        if (!values && !periods) return this.none(out);
        for (let r = lo; r < hi; r++) {
          const j = r - lo;
          if (!clean[j]) {
            this.unclean(j, out);
            continue;
          }
          let total = 0;
          let ok = true;
          const first = periods?.columns[0]![r];
          if (first !== undefined && first !== periods!.none && first === first) {
            for (let e = 0; e < periods!.columns.length && ok; e++) {
              total += periods!.columns[e]![r]!;
              ok = Number.isSafeInteger(total);
            }
          } else {
            const list = values?.[r];
            if (!list) {
              this.unclean(j, out);
              continue;
            }
            for (let e = 0; e < list.length && ok; e++) {
              const x = list[e]!.scaled(f.inputScale);
              if (x === undefined) ok = false;
              else {
                total += x;
                ok = Number.isSafeInteger(total);
              }
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

  /** A levels item's points by code of its input's options (NaN for an option it does not score), built once. */
  private pointsByCode(node: ItemNode, f: Extract<IntItem, { kind: "levels" }>, options: readonly (string | boolean)[]): Float64Array {
    let byCode = this.byCode.get(node);
    if (!byCode) this.byCode.set(node, (byCode = Float64Array.from(options, (o) => f.levels.get(o as string) ?? Number.NaN)));
    return byCode;
  }

  private readonly byCode = new Map<ItemNode, Float64Array>();

  /**
   * A bands item's thresholds at its input's scale (a bound b itself when inclusive, else
   * b + 1: values are integers at that scale) and the points of each band, built once;
   * undefined when a bound has more decimals than the input's scale (or b + 1 would leave
   * ±(2^53 − 1)) or the input is not a number column: then its rows go to the Dec walk.
   */
  private bandsOf(node: ItemNode, f: Extract<IntItem, { kind: "bands" }>): { thresholds: Float64Array; points: Float64Array } | undefined {
    if (this.bands.has(node)) return this.bands.get(node);
    const m = node.method as Extract<ItemNode["method"], { kind: "bands" }>;
    const k = this.inputs.index.get(f.input);
    const c = k === undefined ? undefined : this.inputs.columns[k];
    const thresholds = c?.scaled
      ? m.bands.map((b) => {
          const at = b.bound.scaled(c.scale);
          return at === undefined ? undefined : b.inclusive ? at : at + 1;
        })
      : undefined;
    const out = thresholds && thresholds.every((t) => t !== undefined && safe(t)) ? { thresholds: Float64Array.from(thresholds as number[]), points: Float64Array.from(f.points) } : undefined;
    this.bands.set(node, out);
    return out;
  }

  private readonly bands = new Map<ItemNode, { thresholds: Float64Array; points: Float64Array } | undefined>();

  /**
   * base − Σ deductions (each within its max), then within [floor, max]: as items.ts
   * computes it in Dec. Entries that read a number input run one fused loop each
   * (deductKernel); the first writes the running sum, the last (when there is no
   * zeroIf) also takes it from the base and bounds the result. Entries with `when` and a
   * zeroIf test their condition row by row.
   */
  private deduct(node: ItemNode, f: Extract<IntItem, { kind: "deduct" }>, out: Float64Array): void {
    const { lo, hi, clean } = this;
    const m = node.method as Extract<ItemNode["method"], { kind: "deduct" }>;
    const n = hi - lo;
    const zeroIf = m.zeroIf;
    const entries = f.entries;
    const count = entries.length;
    // The running sum starts at 0 unless the first entry writes it.
    if (count === 0 || entries[0]!.type === "when") for (let j = 0; j < n; j++) out[j] = 0;
    for (let k = 0; k < count; k++) {
      const e = entries[k]!;
      const last = k === count - 1 && zeroIf === undefined;
      if (e.type === "when") {
        const when = (m.entries[k] as Extract<(typeof m.entries)[number], { type: "when" }>).when;
        const amount = e.max !== undefined && e.points > e.max ? e.max : e.points;
        for (let r = lo; r < hi; r++) if (clean[r - lo] && testCondition(when, this.at(r))) out[r - lo] = out[r - lo]! + amount;
        if (last) finishDeduct(n, f.base, f.floor, f.max, out, clean);
        continue;
      }
      if (!this.numberBlock(e.input, e.inputScale)) return this.none(out);
      const shortfall = e.type === "shortfall";
      // points × align: an exact integer (checked), so amount = units × it is exact while within ±(2^53 − 1).
      const perUnit = e.points * e.align;
      if (!safe(perUnit)) return this.none(out);
      deductKernel(this.blockCol, this.blockOff, n, this.blockFactor, shortfall ? 1 : 0, shortfall ? e.required : 0, perUnit, e.max ?? Number.POSITIVE_INFINITY, k === 0 ? 1 : 0, last ? 1 : 0, f.base, f.floor, f.max, out, clean);
    }
    if (count === 0 && zeroIf === undefined) finishDeduct(n, f.base, f.floor, f.max, out, clean);
    if (zeroIf === undefined) return;
    for (let r = lo; r < hi; r++) {
      const j = r - lo;
      const deducted = out[j]!;
      if (!clean[j] || deducted !== deducted) continue;
      if (testCondition(zeroIf, this.at(r))) {
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
  private dot(i: number, terms: readonly number[], coef: readonly number[], outside: readonly number[], childCount: number, f: IntGroup, out: Float64Array): void {
    const n = this.hi - this.lo;
    const cols = this.cols;
    if (this.dense[i]) {
      // No term can lack a value on a clean row (none may not apply): Σ without NaN tests,
      // four terms a pass. Every partial sum is within the group's proven bound, so exact
      // in any order; rows not clean may hold anything (they are not read).
      const count = terms.length;
      let k = 0;
      for (; k + 4 <= count; k += 4) {
        const c0 = cols[terms[k]!]!;
        const c1 = cols[terms[k + 1]!]!;
        const c2 = cols[terms[k + 2]!]!;
        const c3 = cols[terms[k + 3]!]!;
        const a0 = coef[k]!;
        const a1 = coef[k + 1]!;
        const a2 = coef[k + 2]!;
        const a3 = coef[k + 3]!;
        if (k === 0) for (let j = 0; j < n; j++) out[j] = c0[j]! * a0 + c1[j]! * a1 + c2[j]! * a2 + c3[j]! * a3;
        else for (let j = 0; j < n; j++) out[j] = out[j]! + (c0[j]! * a0 + c1[j]! * a1 + c2[j]! * a2 + c3[j]! * a3);
      }
      for (; k < count; k++) {
        const c = cols[terms[k]!]!;
        const a = coef[k]!;
        if (k === 0) for (let j = 0; j < n; j++) out[j] = c[j]! * a;
        else for (let j = 0; j < n; j++) out[j] = out[j]! + c[j]! * a;
      }
    } else {
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

/** A yes/no item from its input's codes (0 false, 1 true, -1 none: the row is unclean). One per array type, so that each loop reads one. */
function yesnoKernel(codes: Int8Array, lo: number, n: number, yes: number, no: number, out: Float64Array, clean: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    const code = codes[lo + j]!;
    if (code === 1) out[j] = yes;
    else if (code === 0) out[j] = no;
    else clean[j] = 0;
  }
}

function yesnoKernel32(codes: Int32Array, lo: number, n: number, yes: number, no: number, out: Float64Array, clean: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    const code = codes[lo + j]!;
    if (code === 1) out[j] = yes;
    else if (code === 0) out[j] = no;
    else clean[j] = 0;
  }
}

/** A levels item: points by code (NaN: an option it does not score, or none; the row is unclean). */
function levelsKernel(codes: Int8Array, lo: number, n: number, byCode: Float64Array, out: Float64Array, clean: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    const code = codes[lo + j]!;
    const v = code >= 0 ? byCode[code]! : Number.NaN;
    if (v === v) out[j] = v;
    else clean[j] = 0;
  }
}

function levelsKernel32(codes: Int32Array, lo: number, n: number, byCode: Float64Array, out: Float64Array, clean: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    const code = codes[lo + j]!;
    const v = code >= 0 ? byCode[code]! : Number.NaN;
    if (v === v) out[j] = v;
    else clean[j] = 0;
  }
}

/**
 * A bands item: the points of the first band whose threshold the value reaches, else
 * `otherwise`; none makes the row unclean. Values and bounds are integers at the input's
 * scale, so an exclusive bound b is the inclusive threshold b + 1 (bandsOf).
 */
function bandsKernel(col: Float64Array, off: number, n: number, thresholds: Float64Array, points: Float64Array, otherwise: number, out: Float64Array, clean: Uint8Array): void {
  const count = thresholds.length;
  for (let j = 0; j < n; j++) {
    const x = col[off + j]!;
    if (x !== x) {
      clean[j] = 0;
      continue;
    }
    let v = otherwise;
    for (let k = 0; k < count; k++)
      if (x >= thresholds[k]!) {
        v = points[k]!;
        break;
      }
    out[j] = v;
  }
}

/** An integer input column's rows lo … lo + n − 1 as numbers, NaN for none (its least value); one loop per array type. */
function widen8(src: Int8Array, lo: number, n: number, none: number, b: Float64Array): void {
  for (let j = 0; j < n; j++) {
    const x = src[lo + j]!;
    b[j] = x === none ? Number.NaN : x;
  }
}

function widen16(src: Int16Array, lo: number, n: number, none: number, b: Float64Array): void {
  for (let j = 0; j < n; j++) {
    const x = src[lo + j]!;
    b[j] = x === none ? Number.NaN : x;
  }
}

function widen32(src: Int32Array, lo: number, n: number, none: number, b: Float64Array): void {
  for (let j = 0; j < n; j++) {
    const x = src[lo + j]!;
    b[j] = x === none ? Number.NaN : x;
  }
}

/**
 * An integer column's value × times into out, rows lo … lo + n − 1 (none makes the row
 * unclean; a product past ±(2^53 − 1) too). One loop per array type.
 */
function scaleKernel8(src: Int8Array, lo: number, n: number, none: number, times: number, out: Float64Array, clean: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    const x = src[lo + j]!;
    const v = x * times;
    if (x !== none && v <= MAX && v >= -MAX) out[j] = v;
    else clean[j] = 0;
  }
}

function scaleKernel16(src: Int16Array, lo: number, n: number, none: number, times: number, out: Float64Array, clean: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    const x = src[lo + j]!;
    const v = x * times;
    if (x !== none && v <= MAX && v >= -MAX) out[j] = v;
    else clean[j] = 0;
  }
}

function scaleKernel32(src: Int32Array, lo: number, n: number, none: number, times: number, out: Float64Array, clean: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    const x = src[lo + j]!;
    const v = x * times;
    if (x !== none && v <= MAX && v >= -MAX) out[j] = v;
    else clean[j] = 0;
  }
}

/** x × times into out, row by row; a value that is none (NaN) or leaves ±(2^53 − 1) makes its row unclean. */
function scaleKernel(col: Float64Array, off: number, n: number, times: number, out: Float64Array, clean: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    const v = col[off + j]! * times;
    if (v <= MAX && v >= -MAX) out[j] = v;
    else clean[j] = 0;
  }
}

/**
 * One deduction entry over a number input, for the block's clean rows: units (the value,
 * or the shortfall below `required`) × perUnit, within `cap`, added to the running sum in
 * out (written when `first`). With `last`, the sum is then taken from `base` and the
 * result bounded to [floor, max] (finishDeduct in the same pass). Integers times integers:
 * each result is exact while within ±(2^53 − 1), and one whose true value is past it comes
 * out at least 2^53 in magnitude, so it is refused (the row goes to the Dec walk).
 */
function deductKernel(
  col: Float64Array,
  off: number,
  n: number,
  factor: number,
  shortfall: number,
  required: number,
  perUnit: number,
  cap: number,
  first: number,
  last: number,
  base: number,
  floor: number,
  max: number,
  out: Float64Array,
  clean: Uint8Array,
): void {
  // Every row is computed, the tests folded into one at the end, so that the loop has
  // few branches that depend on the data (a row already unclean may hold anything: it is
  // not read). NaN (none) fails the test as any value past ±(2^53 − 1) does.
  for (let j = 0; j < n; j++) {
    const x = col[off + j]! * factor;
    const units = shortfall === 1 ? Math.max(required - x, 0) : x;
    const raw = units * perUnit;
    const amount = raw > cap ? cap : raw;
    const sum = first === 1 ? amount : out[j]! + amount;
    const net = base - sum;
    if (!(Math.abs(x) <= MAX && Math.abs(raw) <= MAX && Math.abs(sum) <= MAX && (last === 0 || Math.abs(net) <= MAX))) clean[j] = 0;
    out[j] = last === 1 ? Math.min(Math.max(net, floor), max) : sum;
  }
}

/** base − the running sum in out, bounded to [floor, max], for the block's clean rows. */
function finishDeduct(n: number, base: number, floor: number, max: number, out: Float64Array, clean: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    if (clean[j] === 0) continue;
    let net = base - out[j]!;
    if (!(net <= MAX && net >= -MAX)) {
      clean[j] = 0;
      continue;
    }
    if (net < floor) net = floor;
    if (net > max) net = max;
    out[j] = net;
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
