/**
 * The CLI's errors: each ends the command with a one-line cause on stderr (after
 * any issues it carries) and exit 1, or 2 for a usage error. Never a stack trace.
 */
import type { Issue } from "../index.js";

export class CliError extends Error {
  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

/** Wrong arguments or options: exit 2. */
export class UsageError extends CliError {}

/** A file system error code (ENOENT, EACCES...) if `e` carries one. */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : undefined;
}

const CAUSES: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "the file is too large",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
  ELOOP: "too many symbolic links",
  EBUSY: "the file is busy",
  EBADF: "it is closed",
  EAGAIN: "it is not ready (try again, or redirect a file)",
};

/**
 * A file system error as a CLI error naming the path and the cause in words.
 *
 * @param e - the error thrown by node:fs
 * @param path - the path to name
 * @param action - what was attempted ("cannot read", "cannot write")
 * @returns a CliError, or `e` itself when it is not a file system error
 * @example
 * fsError(Object.assign(new Error(), { code: "EACCES" }), "a.yaml", "cannot read")
 * // => CliError("cannot read a.yaml: permission denied")
 */
export function fsError(e: unknown, path: string, action: string): unknown {
  if (e instanceof CliError) return e;
  const code = errnoCode(e);
  if (!code) return e;
  return new CliError(`${action} ${path}: ${CAUSES[code] ?? code}`);
}
