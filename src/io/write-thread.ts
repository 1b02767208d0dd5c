/**
 * A large streamed document written from a second thread. The JSON and NDJSON writers
 * hand on 1 MiB chunks (io/byte-writer.ts); written with writeSync on the main thread,
 * the kernel's copy of 390 MB (1M subjects) took about 1.3 s of a 10 s run. Here the
 * chunks go to write-worker.js, which writes them in order to the file descriptor while
 * the main thread makes the next ones.
 *
 * - Bounded: at most QUEUED_CHUNKS chunks wait; past that, `write` waits (Atomics.wait)
 *   until the thread catches up, so memory stays flat however large the document.
 * - Synchronous to its caller: `close` returns once every byte is written, and throws
 *   the first write error (an Error with the code, errno and syscall of node's own), so
 *   `--out`'s atomic file is committed only when whole and an error is reported as
 *   before. `write` throws it too, as soon as it is known, which stops the run.
 * - A reader that went away (EPIPE, `kaohe score … | head`): the rest is dropped
 *   quietly, as the CLI does on stdout.
 * - Chunks: a chunk that is the whole of its own buffer (the byte writer's are) is
 *   handed over, not copied; the caller must not use it again (the byte writer never
 *   does). Any other chunk (a view into a larger buffer, text) is copied.
 *
 * Used by the CLI for documents of WRITE_THREAD_FROM subjects or more: below that a
 * thread's start (about 10 ms) costs more than the writes it takes over.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";

/** Subjects from which the CLI writes a streamed document from a second thread. */
export const WRITE_THREAD_FROM = 20_000;
/** Chunks that may wait to be written (1 MiB each from the byte writer). */
export const QUEUED_CHUNKS = 16;

// The worker's state flags (write-worker.js).
const FAILED = 1;
const CLOSED = 2;
const GONE = 3;

/** A chunk's buffer can be handed over when the chunk is all of it, or all but a little slack at its end (the byte writer's last chunk). */
const SLACK = 1 << 16;

export class ThreadedWriter {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  /** [0] chunks queued, [1] the worker's state (write-worker.js). */
  private readonly state: Int32Array;
  private ended = false;
  /** The write error met, once known (thrown again by any later call). */
  private error: Error | undefined;

  /** @param fd - an open file descriptor, written from the thread; the caller closes it after `close` */
  constructor(fd: number) {
    // Beside this module: src/io/ when run from the sources, dist/ in the package.
    const url = new URL("./write-worker.js", import.meta.url);
    if (!existsSync(fileURLToPath(url))) throw new Error(`kaohe internal: ${fileURLToPath(url)} is missing (the writer thread)`);
    this.state = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(url, { workerData: { kaoheWrite: { fd, state: this.state, port: port2 } }, transferList: [port2] });
    this.worker.unref();
    port1.unref();
    this.port = port1;
  }

  /** A writer thread for `fd`, or undefined when no thread can be started (the caller then writes itself). */
  static open(fd: number): ThreadedWriter | undefined {
    try {
      return new ThreadedWriter(fd);
    } catch {
      return undefined;
    }
  }

  /** Queue a chunk (waiting while QUEUED_CHUNKS are queued); throws a write error already met. */
  write(chunk: Uint8Array | string): void {
    if (this.ended) throw this.error ?? new Error("kaohe internal: a write after the writer thread ended");
    this.failIfFailed();
    if (Atomics.load(this.state, 1) === CLOSED) return;
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    if (bytes.length === 0) return;
    for (let queued = Atomics.load(this.state, 0); queued >= QUEUED_CHUNKS; queued = Atomics.load(this.state, 0)) {
      Atomics.wait(this.state, 0, queued, 1000);
      this.failIfFailed();
    }
    const whole = bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer && bytes.buffer.byteLength - bytes.length <= SLACK && bytes.length >= SLACK;
    const sent = whole ? bytes : bytes.slice();
    Atomics.add(this.state, 0, 1);
    this.port.postMessage(sent, [sent.buffer as ArrayBuffer]);
  }

  /** Wait until every chunk is written, then end the thread; throws the first write error. */
  close(): void {
    if (this.ended) {
      if (this.error) throw this.error;
      return;
    }
    try {
      for (let queued = Atomics.load(this.state, 0); queued > 0; queued = Atomics.load(this.state, 0)) {
        if (Atomics.load(this.state, 1) === GONE) break;
        Atomics.wait(this.state, 0, queued, 1000);
      }
      this.failIfFailed();
    } finally {
      this.end();
    }
  }

  /** End the thread without waiting (after an error elsewhere); what is queued may be lost. */
  abort(): void {
    this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.port.close();
    void this.worker.terminate();
  }

  private failIfFailed(): void {
    const s = Atomics.load(this.state, 1);
    if (s !== FAILED && s !== GONE) return;
    const posted = receiveMessageOnPort(this.port)?.message as { code?: string; errno?: number; syscall?: string; message: string } | undefined;
    this.end();
    this.error = posted ? Object.assign(new Error(posted.message), { code: posted.code, errno: posted.errno, syscall: posted.syscall }) : new Error("kaohe internal: the writer thread stopped");
    throw this.error;
  }
}
