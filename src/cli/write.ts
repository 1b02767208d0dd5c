/**
 * `--out FILE`: written atomically. The text goes to a temporary file in the same
 * folder, is flushed to disk, then renamed over FILE, so a crash or a kill during
 * the write leaves the previous FILE whole (at worst a stray `.kaohe-*.tmp` file).
 */
import * as nodeFs from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { CliError, errnoCode, fsError } from "./errors.js";
import { t } from "./messages.js";

/** The file system calls the writer makes (tests pass a failing twin). */
export type WriteFs = Pick<typeof nodeFs, "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "renameSync" | "unlinkSync" | "statSync">;

/** A file being written atomically: `write` appends, `commit` renames it over the target, `abort` removes it. */
export interface AtomicFile {
  /** The temporary file's descriptor, for a writer thread (io/write-thread.ts) that writes in place of `write`. */
  readonly fd: number;
  write(data: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

/**
 * Open `path` for an atomic write: a temporary file in its folder, renamed over it by
 * `commit`. The text can come in many pieces (a streamed document), so the whole never
 * sits in memory.
 *
 * @param path - the file to create or replace
 * @param fs - file system calls (default node:fs)
 * @throws CliError naming the path and the cause (missing folder, a folder, permission...),
 *   from here and from write and commit (which remove the temporary file first)
 */
export function openAtomic(path: string, fs: WriteFs = nodeFs): AtomicFile {
  const dir = dirname(path);
  let mode = 0o666;
  try {
    const st = fs.statSync(path);
    if (st.isDirectory()) throw new CliError(t("write-folder", { path }));
    mode = st.mode & 0o777;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = errnoCode(e);
    if (code === "ENOTDIR") throw new CliError(t("write-parent-file", { path, parent: basename(dir) }));
    if (code !== "ENOENT") throw fsError(e, path, "write");
  }
  // A short name: the target's own name may already be as long as the file system allows.
  const tmp = join(dir, `.kaohe-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(tmp, "wx", mode);
  } catch (e) {
    const code = errnoCode(e);
    if (code === "ENOENT") throw new CliError(t("write-no-folder", { path, dir }));
    if (code === "ENOTDIR") throw new CliError(t("write-part-file", { path, dir }));
    if (code === "EACCES" || code === "EPERM") throw new CliError(t("write-denied", { path, dir }));
    throw fsError(e, path, "write");
  }
  let open = true;
  const abort = () => {
    if (!open) return;
    open = false;
    if (fd >= 0) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing: the first error is the one to report
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
  };
  const guarded = (step: () => void) => {
    try {
      step();
    } catch (e) {
      abort();
      throw fsError(e, path, "write");
    }
  };
  return {
    get fd() {
      return fd;
    },
    write(data) {
      guarded(() => {
        const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
        let done = 0;
        while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
      });
    },
    commit() {
      guarded(() => {
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fd = -1;
        fs.renameSync(tmp, path);
        open = false;
      });
    },
    abort,
  };
}

/**
 * Write `data` to `path` atomically (temporary file + rename).
 *
 * @param path - the file to create or replace
 * @param data - its new content (text is written as UTF-8)
 * @param fs - file system calls (default node:fs)
 * @throws CliError naming the path and the cause (missing folder, a folder, permission...)
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, fs: WriteFs = nodeFs): void {
  const file = openAtomic(path, fs);
  file.write(data);
  file.commit();
}
