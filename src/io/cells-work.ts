/**
 * A helper's share of the data boundary (engine/prepare.ts ColumnHelper): the blocks it
 * claims, each helped column of each read plainly (engine/plain-cells.ts readPlainBlock,
 * the code the main thread runs) from the shared cells into the shared columns, the
 * misses marked for the main thread to read as text. Run by io/cells-worker.ts on its
 * thread; tests run it in place to check the protocol.
 */
import { CodeSpellings } from "../engine/data-table.js";
import { PlainScratch, readPlainBlock } from "../engine/plain-cells.js";
import type { HelperWork } from "../engine/prepare.js";
import { ByteCells } from "./csv-bytes.js";

/**
 * Claim and read the blocks of `work` still free, in order (with `take`, only the blocks
 * it accepts), marking each done with a notify.
 *
 * @param work - the work as the engine gave it (its spellings may be structured clones)
 * @param take - which blocks to try for (default all)
 */
export function readHelperColumns(work: HelperWork, take: (block: number) => boolean = () => true): void {
  const cells = ByteCells.fromShared(work.cells);
  const columns = work.columns.map((c) => ({ ...c, spellings: c.spellings === undefined ? undefined : CodeSpellings.revive(c.spellings) }));
  const n = work.rows.length;
  const scratch = new PlainScratch(work.block);
  const missed = new Int32Array(work.block);
  for (let b = 0, lo = 0; lo < n; b++, lo += work.block) {
    // A block claimed first by the main thread is its own.
    if (!take(b) || Atomics.compareExchange(work.claims, b, 0, 2) !== 0) continue;
    const hi = Math.min(n, lo + work.block);
    for (const column of columns) {
      const misses = readPlainBlock(cells, column, work.rows, lo, hi, column.out, scratch, missed);
      for (let m = 0; m < misses; m++) column.missed[missed[m]!] = 1;
    }
    Atomics.store(work.done, b, 1);
    Atomics.notify(work.done, b);
  }
}
