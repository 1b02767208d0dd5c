/**
 * The writer thread of large streamed documents (io/write-thread.ts): every byte in
 * order, chunks handed over or copied as documented, and a write error thrown where
 * the caller can report it.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { QUEUED_CHUNKS, ThreadedWriter } from "../../src/io/write-thread.js";

const dir = mkdtempSync(join(tmpdir(), "kaohe-write-thread-"));

describe("ThreadedWriter", () => {
  test("writes every chunk in order: whole buffers, views into a larger buffer, text", () => {
    const path = join(dir, "mixed.out");
    const fd = openSync(path, "w");
    const w = new ThreadedWriter(fd);
    const expected: Buffer[] = [];
    // More chunks than may be queued, so the writer must wait for the thread on the way.
    for (let i = 0; i < QUEUED_CHUNKS * 4; i++) {
      const whole = Buffer.allocUnsafe(1 << 20).fill(0x41 + (i % 26));
      expected.push(Buffer.from(whole));
      w.write(whole);
      const parent = Buffer.from(`[${i}]<${"x".repeat(i)}>`);
      const view = parent.subarray(1, parent.length - 1);
      expected.push(Buffer.from(view));
      w.write(view);
      // A view is copied: its buffer stays the caller's.
      expect(parent.toString()).toBe(`[${i}]<${"x".repeat(i)}>`);
      const text = `第${i}行，${"好".repeat(i % 5)}\n`;
      expected.push(Buffer.from(text, "utf8"));
      w.write(text);
    }
    w.close();
    closeSync(fd);
    expect(readFileSync(path).equals(Buffer.concat(expected))).toBe(true);
  });

  test("a chunk that is all of its own buffer is handed over, not copied (the byte writer's chunks)", () => {
    const fd = openSync(join(dir, "handed.out"), "w");
    const w = new ThreadedWriter(fd);
    const chunk = Buffer.allocUnsafe(1 << 20).fill(0x30);
    // The byte writer's last chunk: its buffer has a little room left at the end.
    const last = new Uint8Array(new ArrayBuffer((1 << 20) + 100), 0, 1 << 20).fill(0x31);
    w.write(chunk);
    w.write(last);
    expect(chunk.byteLength).toBe(0);
    expect(last.byteLength).toBe(0);
    w.close();
    closeSync(fd);
    expect(readFileSync(join(dir, "handed.out")).length).toBe(2 << 20);
  });

  test("a write error (EBADF: a descriptor open for reading) is thrown by close, with node's code and syscall", () => {
    const path = join(dir, "read-only.out");
    writeFileSync(path, "");
    const fd = openSync(path, "r");
    const w = new ThreadedWriter(fd);
    w.write("text that cannot be written");
    let error: unknown;
    try {
      w.close();
    } catch (e) {
      error = e;
    }
    closeSync(fd);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: "EBADF", syscall: "write" });
    // Ended: a later write or close throws the same error.
    expect(() => w.write("more")).toThrow(error as Error);
    expect(() => w.close()).toThrow(error as Error);
  });

  test("a write error stops the writer at its next write, before close", () => {
    const path = join(dir, "read-only-2.out");
    writeFileSync(path, "");
    const fd = openSync(path, "r");
    const w = new ThreadedWriter(fd);
    let thrown: unknown;
    try {
      // The first write fails in the thread; a later write (at the latest once the queue is full) throws it.
      for (let i = 0; i < 10_000 && thrown === undefined; i++) w.write(Buffer.alloc(70_000));
    } catch (e) {
      thrown = e;
    }
    closeSync(fd);
    expect(thrown).toMatchObject({ code: "EBADF" });
  });

  test("nothing written: close returns, the file stays empty", () => {
    const fd = openSync(join(dir, "empty.out"), "w");
    const w = new ThreadedWriter(fd);
    w.write("");
    w.write(new Uint8Array(0));
    w.close();
    w.close();
    closeSync(fd);
    expect(readFileSync(join(dir, "empty.out")).length).toBe(0);
    expect(() => w.write("late")).toThrow(/after the writer thread ended/);
  });
});
