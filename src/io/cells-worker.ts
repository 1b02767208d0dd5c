/**
 * The helper thread of io/cells-thread.ts, for one of two tasks given in its
 * workerData:
 * - `kaoheScan`: scan the second half of a large CSV (io/csv-bytes.ts scanPart);
 * - `kaoheCells`: read its share of a large CSV's input columns (io/cells-work.ts).
 * Either way, a thread that ends before its work is done says so in shared memory
 * (with a notify), so the main thread never waits on it for ever.
 */
import { workerData } from "node:worker_threads";
import type { HelperWork } from "../engine/prepare.js";
import { readHelperColumns } from "./cells-work.js";
import { scanPart, type ScanPart } from "./csv-bytes.js";

const task = workerData as { kaoheCells?: { work: HelperWork; state: Int32Array }; kaoheScan?: ScanPart };
let finished = false;

if (task.kaoheScan) {
  const part = task.kaoheScan;
  process.on("exit", () => {
    // Claimed and not done: declined (the main thread scans the part itself).
    if (Atomics.load(part.state, 0) !== 2 || Atomics.load(part.state, 1) === 1) return;
    Atomics.store(part.state, 2, 2);
    Atomics.store(part.state, 1, 1);
    Atomics.notify(part.state, 1);
  });
  scanPart(part);
} else if (task.kaoheCells) {
  const { work, state } = task.kaoheCells;
  const failed = () => {
    if (finished) return;
    Atomics.store(state, 0, 1);
    // A block claimed and not done: wake whoever waits on it (it then sees the failure).
    for (let b = 0; b < work.done.length; b++) Atomics.notify(work.done, b);
  };
  process.on("exit", failed);
  try {
    readHelperColumns(work);
    finished = true;
  } catch (e) {
    failed();
    throw e;
  }
}
