/**
 * The points of some nodes for every subject of a batch, a block of rows at a time, from
 * the integer path over columns (score-columns.ts): what a batch figure over item
 * points (the feedback's common problems) reads instead of re-scoring each subject's
 * trail in Dec. Exact as the integer path is: only a clean row's values are given, and
 * any other row is left to the caller to re-score.
 * @internal
 */
import type { CompiledRubric, LinkedFacts } from "../compile/model.js";
import { planOf } from "../plan/plan.js";
import { BLOCK_ROWS, IntColumns } from "./score-columns.js";
import type { InputTable } from "./input-table.js";
import { IssueLog, ScoringContext } from "./state.js";
import type { CohortInputs } from "./cohort-inputs.js";
import type { Dec } from "../decimal/decimal.js";
import { scoreTree } from "./score-tree.js";
import type { PreparedSubject } from "./subject-data.js";

/** One block of rows lo … hi − 1. */
export interface PointsBlock {
  readonly lo: number;
  readonly hi: number;
  /** Per row of the block (j = r − lo): 1 when the row's points are in `scaled`; 0: read them with `exact`. */
  readonly clean: Uint8Array;
  /** Per requested node: its points at `scales[k]` for each clean row, NaN where the node does not apply. */
  readonly scaled: readonly Float64Array[];
  /**
   * Row r of the block (not clean) scored in Dec, as the scoring stage scores such a row
   * (its integer nodes read from the block's columns where the row is held there): per
   * requested node its points, undefined where it does not apply. The list is reused.
   */
  exact(r: number): readonly (Dec | undefined)[];
}

/** The points of some nodes, ready to be read block by block. */
export interface PointColumns {
  /** Per requested node: the scale of its integers. */
  readonly scales: readonly number[];
  /** Score every block of rows and hand each to `visit` (its arrays are reused from block to block). */
  blocks(visit: (block: PointsBlock) => void): void;
}

/**
 * The points of the nodes `ids` for every subject: where the whole tree is on the
 * integer path, exact integers at each node's scale read from the columns; any other row
 * through the Dec walk (`exact`). Undefined when a node is folded into a dot product
 * (its column is never computed) or the integer path is off for the rubric.
 */
export function pointBlocks(
  rubric: CompiledRubric,
  subjects: readonly PreparedSubject[],
  inputs: InputTable,
  cohort: CohortInputs,
  linked: ReadonlyMap<string, ReadonlyMap<string, LinkedFacts>>,
  ids: readonly string[],
): PointColumns | undefined {
  const plan = planOf(rubric);
  if (!plan.columns) return undefined;
  const nodes: number[] = [];
  const scales: number[] = [];
  for (const id of ids) {
    const i = plan.index.get(id);
    const p = i === undefined ? undefined : plan.nodes[i];
    if (p === undefined || p.folded) return undefined;
    nodes.push(i!);
    scales.push(p.numeric.path === "int" ? p.numeric.scale : 0);
  }
  const blocks = (visit: (block: PointsBlock) => void): void => {
    const ctx = new ScoringContext(rubric, plan, new IssueLog(rubric), linked, false);
    const block = new IntColumns(plan, subjects, inputs, ctx);
    const root = plan.root;
    // The root on the integer path: the whole tree is (a group is only when all its children are).
    const allInt = plan.nodes[root]!.numeric.path === "int";
    const clean = new Uint8Array(BLOCK_ROWS);
    const scaled = nodes.map(() => new Float64Array(BLOCK_ROWS));
    const values: (Dec | undefined)[] = nodes.map(() => undefined);
    let lo = 0;
    const exact = (r: number): readonly (Dec | undefined)[] => {
      ctx.reset(subjects[r]!);
      if (block.clean[r - lo] === 1) ctx.readColumns(block.cols, r - lo);
      scoreTree(ctx, cohort, rubric.rounding);
      for (let k = 0; k < nodes.length; k++) values[k] = ctx.valueOf(nodes[k]!);
      return values;
    };
    for (; lo < subjects.length; lo += BLOCK_ROWS) {
      const hi = Math.min(subjects.length, lo + BLOCK_ROWS);
      block.score(lo, hi);
      const rootCol = allInt ? block.cols[root]! : undefined;
      for (let j = 0; j < hi - lo; j++) {
        // A clean row where nothing applies at the root is one the scoring walked in Dec: so here.
        clean[j] = rootCol !== undefined && block.clean[j] === 1 && rootCol[j] === rootCol[j] ? 1 : 0;
      }
      if (allInt) for (let k = 0; k < nodes.length; k++) scaled[k]!.set(block.cols[nodes[k]!]!.subarray(0, hi - lo));
      visit({ lo, hi, clean, scaled, exact });
    }
  };
  return { scales, blocks };
}
