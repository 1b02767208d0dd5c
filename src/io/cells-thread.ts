/**
 * Second threads for a large CSV: one scans the second half of the file while the main
 * thread scans the first (ScanThread); one reads half of the input columns while the main
 * thread reads the rest (CellsThread).
 *
 * CellsThread: the data boundary of a large CSV (engine/prepare.ts ColumnHelper):
 * while the main thread reads half of the input columns, block by block, this one reads
 * the other half plainly (io/cells-worker.ts). At 1M rows of the 71-item rubric the
 * plain reading of the columns is about 2.7 s of one thread.
 *
 * The file's bytes and the scanner's offsets must be in shared memory (the CLI reads a
 * large file into a SharedArrayBuffer: cli/load.ts); otherwise the engine does not ask.
 * The worker is a module beside this one: dist/cells-worker.js in the package; from the
 * sources (tests) cells-worker.ts, run through tsx (a dev dependency). Without either,
 * the engine reads every column itself.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ColumnHelper, HelperRun, HelperWork } from "../engine/prepare.js";
import type { ScanHelper, ScanPart } from "./csv-bytes.js";

/** Rows from which a table's columns are read on two threads (a thread's start costs about 20 ms). */
export const CELLS_THREAD_FROM = 50_000;
/** Bytes from which a CSV is scanned in two halves at once. */
export const SCAN_THREAD_FROM = 8 << 20;

/**
 * The worker: the module built beside this one (dist/cells-worker.js), else, from the
 * sources (tests), a few lines that register tsx's loader in the new thread and then
 * import cells-worker.ts.
 */
function startWorker(workerData: unknown): Worker | undefined {
  try {
    // Unreferenced: a helper never keeps the process alive (the main thread ends it, or waits on shared memory).
    const worker = newWorker(workerData);
    worker?.unref();
    return worker;
  } catch {
    // No thread to be had (resources, a missing module): the main thread does the work.
    return undefined;
  }
}

function newWorker(workerData: unknown): Worker | undefined {
  const built = new URL("./cells-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData });
  const source = new URL("./cells-worker.ts", import.meta.url);
  if (!existsSync(fileURLToPath(source))) return undefined;
  let tsx: string;
  try {
    // tsx's ESM entry (dist/esm/api/index.mjs) beside its package.json: require would resolve its CommonJS one.
    tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
  } catch {
    return undefined;
  }
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export class CellsThread implements ColumnHelper {
  /** @param minRows - fewer rows than this are read on the main thread alone */
  constructor(readonly minRows: number = CELLS_THREAD_FROM) {}

  start(work: HelperWork): HelperRun | undefined {
    if (work.columns.length === 0) return undefined;
    const state = new Int32Array(new SharedArrayBuffer(4));
    const worker = startWorker({ kaoheCells: { work, state } });
    if (worker === undefined) return undefined;
    return {
      wait(b: number): void {
        while (Atomics.load(work.done, b) === 0) {
          if (Atomics.load(state, 0) === 1) throw new Error("kaohe internal: the thread reading the data's columns stopped");
          Atomics.wait(work.done, b, 0, 1000);
        }
      },
      end(): void {
        void worker.terminate();
      },
    };
  }
}

/**
 * The second half of a large CSV's scan on another thread (io/csv-bytes.ts ScanHelper,
 * scanPart): the scan of 330 MB (1M rows of the 71-item rubric) is about 1.2 s of one
 * thread.
 */
export class ScanThread implements ScanHelper {
  /** @param minBytes - smaller files are scanned by the main thread alone */
  constructor(readonly minBytes: number = SCAN_THREAD_FROM) {}

  start(part: ScanPart): { end(): void } | undefined {
    const worker = startWorker({ kaoheScan: part });
    if (worker === undefined) return undefined;
    return {
      end(): void {
        void worker.terminate();
      },
    };
  }
}
