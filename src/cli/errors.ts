/**
 * The CLI's errors: each ends the command with a one-line cause on stderr (after
 * any issues it carries) and exit 1, or 2 for a usage error. Never a stack trace.
 */
import type { Issue } from "../index.js";
import { say, t, type CliText } from "./messages.js";

export class CliError extends Error {
  /** The message as a key and params (rendered in the locale of the run), or as text. */
  readonly text: CliText | string;

  constructor(
    text: CliText | string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(say(text));
    this.text = text;
  }
}

/** Wrong arguments or options: exit 2. */
export class UsageError extends CliError {}

/** A file system error code (ENOENT, EACCES...) if `e` carries one. */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/**
 * A file system error as a CLI error naming the path and the cause in words.
 *
 * @param e - the error thrown by node:fs
 * @param path - the path to name
 * @param action - what was attempted: read, open, list (a folder) or write
 * @returns a CliError, or `e` itself when it is not a file system error
 * @example
 * fsError(Object.assign(new Error(), { code: "EACCES" }), "a.yaml", "read")
 * // => CliError("cannot read a.yaml: permission denied")
 */
export function fsError(e: unknown, path: string, action: "read" | "open" | "list" | "write"): unknown {
  if (e instanceof CliError) return e;
  const code = errnoCode(e);
  if (!code) return e;
  return new CliError(t("fs-error", { action, path, code }));
}
