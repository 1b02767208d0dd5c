/**
 * The writer thread of io/write-thread.ts: writes the chunks it is sent, in order, to
 * one file descriptor, so that a large streamed document's writes (the kernel's copy
 * into the page cache or a pipe) run on the second core while the main thread goes on
 * making the next chunks.
 *
 * Plain JavaScript, so that a worker thread can run it from the sources as well as from
 * dist/ (tsup copies it there as dist/write-worker.js), like xlsx-worker.js.
 *
 * Shared state (an Int32Array over a SharedArrayBuffer, written here and in the main
 * thread with Atomics):
 * - [0] chunks sent and not yet written: lowered after each chunk, with a notify, so
 *   the main thread can wait while too many are queued and until all are written;
 * - [1] 0 while writing, FAILED after a write error (its code, errno, syscall and
 *   message are posted on the port first, so the main thread finds them there once it
 *   sees the flag), CLOSED when the reader went away (EPIPE: the rest is dropped, as a
 *   `| head` expects), GONE when this thread ended.
 * After a failure the chunks still queued are only counted off.
 */
import { writeSync } from "node:fs";
import { workerData } from "node:worker_threads";

const FAILED = 1;
const CLOSED = 2;
const GONE = 3;

const { fd, state, port } = workerData.kaoheWrite;
/** For a short sleep while a non-blocking pipe is full (EAGAIN). */
const nap = new Int32Array(new SharedArrayBuffer(4));

/** @param {Uint8Array} bytes */
function writeAll(bytes) {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== "EAGAIN") throw e;
      Atomics.wait(nap, 0, 0, 2);
    }
  }
}

port.on("message", (/** @type {Uint8Array} */ chunk) => {
  if (Atomics.load(state, 1) === 0) {
    try {
      writeAll(chunk);
    } catch (e) {
      const err = /** @type {NodeJS.ErrnoException} */ (e);
      if (err.code === "EPIPE") Atomics.store(state, 1, CLOSED);
      else {
        port.postMessage({ code: err.code, errno: err.errno, syscall: err.syscall, message: String(err.message) });
        Atomics.store(state, 1, FAILED);
      }
    }
  }
  Atomics.sub(state, 0, 1);
  Atomics.notify(state, 0);
});

process.on("exit", () => {
  // A main thread waiting on the queue must not wait for ever on a thread that is gone.
  if (Atomics.load(state, 1) === 0) Atomics.store(state, 1, GONE);
  Atomics.notify(state, 0);
});
