/**
 * The batch statistics of feedback (共性问题: per item, who lost enough, the sum and the
 * best of the points) over a result whose units are unread, from the score columns
 * instead of each subject's trail: the items' points come from the integer path a
 * block of rows at a time (TrailSource.points), summed as exact integers at each item's
 * scale; only a row the integer path does not hold is re-scored in Dec. The figures are
 * exactly those of reading every graded unit's trail (feedback.ts), which is what a
 * batch of a million subjects cannot afford (a Dec re-score and a trail of strings per
 * subject, some hundred microseconds each).
 * @internal
 */
import type { CompiledRubric } from "../compile/model.js";
import { Dec, ZERO } from "../decimal/decimal.js";
import type { TrailSource, UnitTables } from "./result.js";

/** Batch statistics of one item (feedback.ts reads them). */
export interface ItemStats {
  label: string;
  /** Subjects that lost at least commonLoss × max (and more than 0). */
  losers: number;
  /** Their points lost, summed. */
  lost: Dec;
  pointsSum: Dec;
  /** Graded subjects the item applies to. */
  seen: number;
  best: Dec;
}

const MAX = Number.MAX_SAFE_INTEGER;

/** One item's running figures: integers at the item's scale from clean rows, Dec from the rest. */
class ItemTally {
  seen = 0;
  losers = 0;
  /** Σ points and Σ lost of clean rows, at the scale (moved into the Dec sums before leaving 2^53). */
  sum = 0;
  lostSum = 0;
  best = Number.NEGATIVE_INFINITY;
  sumDec: Dec = ZERO;
  lostDec: Dec = ZERO;
  bestDec: Dec | undefined;

  constructor(
    readonly scale: number,
    /** The item's max at the scale. */
    readonly max: number,
    /** A loss of at least this many units counts (⌈max × commonLoss⌉ at the scale). */
    readonly counts: number,
    /** The item's max (its full mark in every trail). */
    readonly maxDec: Dec,
    readonly commonLoss: Dec,
    readonly bonus: boolean,
  ) {}

  /** A row re-scored in Dec: the same tests as feedback.ts makes on a trail node. */
  addDec(points: Dec, commonLoss: Dec, bonus: boolean): void {
    const max = this.maxDec;
    this.seen++;
    this.sumDec = this.sumDec.plus(points);
    if (this.bestDec === undefined || points.gt(this.bestDec)) this.bestDec = points;
    const lost = max.minus(points);
    if (lost.gt(0) && lost.gte(max.times(commonLoss)) && !bonus) {
      this.losers++;
      this.lostDec = this.lostDec.plus(lost);
    }
  }

  /** A clean row's points, an integer at the scale. */
  add(points: number): void {
    // A max or threshold not whole at the scale: this row in Dec (exact all the same).
    if (this.max !== this.max || this.counts !== this.counts) return this.addDec(Dec.of(points, this.scale), this.commonLoss, this.bonus);
    this.seen++;
    if (this.sum > MAX - Math.abs(points) || this.sum < -MAX + Math.abs(points)) {
      this.sumDec = this.sumDec.plus(Dec.of(this.sum, this.scale));
      this.sum = 0;
    }
    this.sum += points;
    if (points > this.best) this.best = points;
    const lost = this.max - points;
    if (lost > 0 && lost >= this.counts) {
      this.losers++;
      if (this.lostSum > MAX - lost) {
        this.lostDec = this.lostDec.plus(Dec.of(this.lostSum, this.scale));
        this.lostSum = 0;
      }
      this.lostSum += lost;
    }
  }
}

/**
 * The statistics per item of `items` (the rubric's feedback items; a loss on one in
 * `bonus` is no problem), over the graded rows of the tables (not excluded, with a
 * grade), or undefined when the columns cannot give them exactly (an item off the
 * integer path, or its max or threshold not whole at the item's scale): then the caller
 * reads the trails. An item no graded subject has is absent, as in the trail reading.
 */
export function statsFromColumns(
  rubric: CompiledRubric,
  source: TrailSource,
  tables: UnitTables,
  items: readonly string[],
  bonus: ReadonlySet<string>,
  commonLoss: Dec,
): Map<string, ItemStats> | undefined {
  const columns = source.points?.(items);
  if (columns === undefined) return undefined;
  const tallies: ItemTally[] = [];
  for (let k = 0; k < items.length; k++) {
    const node = rubric.nodes.get(items[k]!);
    if (node?.type !== "item") return undefined;
    const scale = columns.scales[k]!;
    // An item off the integer path has scale 0 and is only ever read in Dec (its max need not be whole).
    const max = node.max.scaled(scale) ?? Number.NaN;
    // A loss counts from max × commonLoss on: in whole units at the scale, its ceiling (a bonus's never counts).
    const threshold = node.max.times(commonLoss).times(Dec.of(10 ** scale, 0));
    const ceiling = threshold.toDecimalPlaces(0, "ceil").scaled(0) ?? Number.NaN;
    const isBonus = bonus.has(items[k]!);
    tallies.push(new ItemTally(scale, max, isBonus ? Number.POSITIVE_INFINITY : ceiling, node.max, commonLoss, isBonus));
  }
  const graded = (i: number) => tables.excluded[i] === 0 && tables.grade[i] !== tables.noGrade;
  columns.blocks((b) => {
    for (let r = b.lo; r < b.hi; r++) {
      if (!graded(r)) continue;
      const j = r - b.lo;
      if (b.clean[j] !== 1) {
        // Not held by the integer path: the row's points in Dec, as its trail has them.
        const exact = b.exact(r);
        for (let k = 0; k < tallies.length; k++) {
          const d = exact[k];
          if (d !== undefined) tallies[k]!.addDec(d, commonLoss, tallies[k]!.bonus);
        }
        continue;
      }
      for (let k = 0; k < tallies.length; k++) {
        const x = b.scaled[k]![j]!;
        if (x === x) tallies[k]!.add(x);
      }
    }
  });
  const stats = new Map<string, ItemStats>();
  for (let k = 0; k < items.length; k++) {
    const t = tallies[k]!;
    if (t.seen === 0) continue;
    const best = t.best === Number.NEGATIVE_INFINITY ? t.bestDec! : t.bestDec === undefined || Dec.of(t.best, t.scale).gte(t.bestDec) ? Dec.of(t.best, t.scale) : t.bestDec;
    stats.set(items[k]!, {
      label: rubric.nodes.get(items[k]!)!.label,
      losers: t.losers,
      lost: t.lostDec.plus(Dec.of(t.lostSum, t.scale)),
      pointsSum: t.sumDec.plus(Dec.of(t.sum, t.scale)),
      seen: t.seen,
      best,
    });
  }
  return stats;
}

/**
 * One row's points on the requested items, as `itemPointsByRow` hands them over: read
 * from the block's integers where the integer path holds the row, else from its Dec
 * re-score. Reused from row to row.
 */
export class RowPoints {
  /** Whether the row's points are the block's integers (`scaled`); else `at` reads its Dec re-score. */
  clean = false;
  private scaled: readonly Float64Array[] = [];
  private j = 0;
  private exact: readonly (Dec | undefined)[] = [];

  /** @param scales - per item, the scale of its integers */
  constructor(readonly scales: readonly number[]) {}

  /** @internal */
  moveTo(scaled: readonly Float64Array[], j: number, exact: readonly (Dec | undefined)[] | undefined): this {
    this.clean = exact === undefined;
    this.scaled = scaled;
    this.j = j;
    if (exact !== undefined) this.exact = exact;
    return this;
  }

  /** Item k's points (undefined where it does not apply). */
  at(k: number): Dec | undefined {
    if (!this.clean) return this.exact[k];
    const x = this.scaled[k]![this.j]!;
    return x === x ? Dec.of(x, this.scales[k]!) : undefined;
  }

  /** Of a clean row: item k's points as the integer at scales[k] that `at(k)` is made from (NaN where it does not apply). */
  scaledAt(k: number): number {
    return this.scaled[k]![this.j]!;
  }
}

/**
 * Each row's points on `items`, row by row in row order, from the columns as
 * `statsFromColumns` reads them: the per-subject feedback and item columns of a result
 * whose units are unread, without a trail per subject. False (and nothing visited) when
 * the columns cannot give them. The RowPoints is reused from row to row.
 */
export function itemPointsByRow(source: TrailSource, items: readonly string[], visit: (row: number, points: RowPoints) => void): boolean {
  const columns = source.points?.(items);
  if (columns === undefined) return false;
  const points = new RowPoints(columns.scales);
  columns.blocks((b) => {
    for (let r = b.lo; r < b.hi; r++) {
      const j = r - b.lo;
      visit(r, points.moveTo(b.scaled, j, b.clean[j] === 1 ? undefined : b.exact(r)));
    }
  });
  return true;
}
