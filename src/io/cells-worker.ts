/**
 * The helper thread of io/cells-thread.ts: reads its share of a large CSV's input
 * columns (io/cells-work.ts) and ends.
 *
 * State (`state`, shared): [0] 1 once this thread ended before its work was done (an
 * error), with a notify on every block, so the main thread never waits on it for ever.
 */
import { workerData } from "node:worker_threads";
import type { HelperWork } from "../engine/prepare.js";
import { readHelperColumns } from "./cells-work.js";

const { work, state } = (workerData as { kaoheCells: { work: HelperWork; state: Int32Array } }).kaoheCells;
let finished = false;

function failed(): void {
  if (finished) return;
  Atomics.store(state, 0, 1);
  // A block claimed and not done: wake whoever waits on it (it then sees the failure).
  for (let b = 0; b < work.done.length; b++) Atomics.notify(work.done, b);
}

process.on("exit", failed);
try {
  readHelperColumns(work);
  finished = true;
} catch (e) {
  failed();
  throw e;
}
