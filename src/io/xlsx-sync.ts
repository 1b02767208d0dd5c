/**
 * exceljs from a synchronous CLI. exceljs reads and writes only asynchronously, and
 * the CLI's main() returns its exit code synchronously (its tests and callers rely on
 * that), so .xlsx reads and writes run xlsx-worker.js in a worker thread while this
 * thread waits on a shared flag (Atomics.wait) and then takes the answer from the
 * message port (receiveMessageOnPort): the pattern of the synckit package. One worker
 * serves the process (exceljs loads once), unreferenced so it never keeps the process
 * alive. The worker raises the flag after every answer and when it ends, so a wait
 * always ends; a worker that ended is replaced on the next call.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { PlainSheet, WorkbookSpec } from "./xlsx-worker.js";

type Request = { op: "read"; bytes: Uint8Array; sheet: string | undefined } | { op: "write"; spec: WorkbookSpec };
type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

/** Thrown when exceljs fails (a file that is not a workbook, a broken zip...). */
export class XlsxLibraryError extends Error {}

let current: { worker: Worker; port: MessagePort; flag: Int32Array } | undefined;

function start(): NonNullable<typeof current> {
  // Beside this module: src/io/ when run from the sources, dist/ in the package.
  const url = new URL("./xlsx-worker.js", import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error(`kaohe internal: ${fileURLToPath(url)} is missing (the .xlsx reader and writer)`);
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(url, { workerData: { kaoheXlsx: 1, flag, port: port2 }, transferList: [port2] });
  worker.unref();
  port1.unref();
  const started = { worker, port: port1, flag };
  worker.on("exit", () => {
    if (current === started) current = undefined;
  });
  return started;
}

function call<T>(request: Request): T {
  const w = (current ??= start());
  Atomics.store(w.flag, 0, 0);
  w.port.postMessage(request);
  Atomics.wait(w.flag, 0, 0);
  const answer = receiveMessageOnPort(w.port)?.message as Answer<T> | undefined;
  if (!answer) {
    // The worker ended without answering: start a new one next time.
    current = undefined;
    void w.worker.terminate();
    throw new Error("kaohe internal: the .xlsx worker stopped without an answer");
  }
  if (!answer.ok) throw new XlsxLibraryError(answer.error);
  return answer.value;
}

/** Read one sheet of a workbook (the first when `sheet` is undefined). */
export function readSheetSync(bytes: Uint8Array, sheet: string | undefined): PlainSheet {
  return call<PlainSheet>({ op: "read", bytes, sheet });
}

/** Render a workbook description into .xlsx bytes. */
export function writeWorkbookSync(spec: WorkbookSpec): Uint8Array {
  return call<Uint8Array>({ op: "write", spec });
}
