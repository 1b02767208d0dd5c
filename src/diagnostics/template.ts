/**
 * Helpers shared by the message tables of every locale. Never throw while rendering:
 * params may hold any value a caller passed (BigInt, cycles, null-prototype objects).
 * @internal
 */
import { showValue, textOf } from "./show.js";

export type Params = Record<string, unknown>;
export type Template = (p: Params) => string;

/** A param as text; a list joined with `sep`. */
export const s = (v: unknown, sep = ", "): string => (Array.isArray(v) ? v.map((x) => textOf(x)).join(sep) : textOf(v));
/** A param in double quotes. */
export const q = (v: unknown): string => `"${s(v)}"`;
/** A param as a list of strings (empty when it is not a list). */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A param as a record (empty when it is not one). */
export const rec = (v: unknown): Params => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Params) : {});

/** A received value: rendered already when the data boundary gave `receivedType` (a list, a mapping), otherwise rendered here. */
export function received(p: Params): string {
  return p.receivedType !== undefined && typeof p.received === "string" ? p.received : showValue(p.received);
}

/**
 * The template of a sub-key (`reason`, `expects`...) from a table, or `fallback` when
 * the key is not in it (a param a caller made up): rendering never fails.
 */
export function pick(table: Readonly<Record<string, Template>>, key: unknown, p: Params, fallback: Template): string {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key]!(p) : fallback(p);
}
