/**
 * Checks on what a caller passed to a public function, as issues: the safe
 * functions never throw, whatever they are given.
 */
import { makeIssue, type Issue } from "./issue.js";
import { showValue } from "./show.js";

/**
 * What a value is, in words, for "expected X, got Y" messages.
 *
 * @param value - anything
 * @returns e.g. "undefined", "a number (123)", "a Buffer of 12 bytes", "an array"
 * @example
 * describeValue(Buffer.from("ab"))
 * // => 'a Buffer of 2 bytes'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return `a string (${showValue(value, 40)})`;
    case "number":
    case "boolean":
    case "bigint":
      return `a ${typeof value === "bigint" ? "BigInt" : typeof value} (${showValue(value, 40)})`;
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      break;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof Buffer !== "undefined" && Buffer.isBuffer(value)) return `a Buffer of ${value.length} bytes`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor?.name ?? "typed array"} of ${value.byteLength} bytes`;
  if (value instanceof Map) return "a Map";
  if (value instanceof Set) return "a Set";
  return Object.getPrototypeOf(value) === null ? "an object with no prototype" : "an object";
}

/**
 * The issue for a bad argument.
 *
 * @param fn - the public function ("safeAssess")
 * @param argument - which argument ("subjects[3]", "options.trail")
 * @param expected - what it must be, in words
 * @param value - what it was
 * @param row - 1-indexed row, for an element of the subjects
 */
export function badArgument(fn: string, argument: string, expected: string, value: unknown, row?: number): Issue {
  return makeIssue("API_BAD_ARGUMENT", { fn, argument, expected, received: describeValue(value) }, { path: [argument], ...(row !== undefined ? { row } : {}) });
}

/** A plain options object: undefined, or an object that is not an array. */
export function isOptionsObject(value: unknown): value is Record<string, unknown> | undefined {
  return value === undefined || (typeof value === "object" && value !== null && !Array.isArray(value));
}

/** Reads a property without running into a throwing getter or proxy trap. */
export function readProperty(value: object, key: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: (value as Record<string, unknown>)[key] };
  } catch {
    return { ok: false };
  }
}
