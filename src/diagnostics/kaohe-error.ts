import type { Issues } from "./issue.js";
import { formatIssues } from "./format.js";

/**
 * Thrown by the throwing API wrappers (`loadRubric`, `assess`, ...) when a stage
 * fails. Carries every issue found; `message` lists them one per line.
 */
export class KaoheError extends Error {
  /** Every problem found, in source order. */
  readonly issues: Issues;

  constructor(issues: Issues) {
    super(
      issues.length === 1
        ? formatIssues(issues)
        : `${issues.length} problems:\n${formatIssues(issues)}`,
    );
    this.name = "KaoheError";
    this.issues = issues;
  }
}

/** True when `error` is a KaoheError (also across bundles). */
export function isKaoheError(error: unknown): error is KaoheError {
  return error instanceof KaoheError || (error instanceof Error && error.name === "KaoheError" && "issues" in error);
}

/**
 * The default branch of a switch over a closed union (item kinds, rule kinds, combine
 * modes): a new member that a switch does not handle fails to compile here.
 * @internal
 */
export function unreachable(value: never, what: string): never {
  throw new Error(`kaohe internal: unhandled ${what} ${String((value as { kind?: unknown } | undefined)?.kind ?? value)}`);
}
