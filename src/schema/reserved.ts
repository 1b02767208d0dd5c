/**
 * Reserved names. `__proto__`, `constructor` and `prototype` name the internals of
 * JavaScript objects: a key spelled so is dropped by some readers (zod drops
 * `__proto__`), changes an object's prototype in others, and reads an inherited
 * function where data was expected. A CSV or JSON column can never carry such a name
 * safely, so an id, input, level or field named so could never be supplied.
 *
 * kaohe rejects them everywhere in a rubric (SCHEMA_RESERVED_NAME at line:col):
 * - as a mapping key at any depth (inputs, levels, coefficients, tables, record
 *   fields, test expectations, and keys of the language itself), found here on the
 *   parsed value before validation, since zod would drop `__proto__` silently;
 * - as a value that names something (every id, choice values, grade scales, vote
 *   levels, record field references, input labels), by the schema (rubric-schema.ts).
 */
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import type { Locator, RubricPath } from "../parse/locate.js";

export const RESERVED_NAMES: readonly string[] = ["__proto__", "constructor", "prototype"];

export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.includes(name);
}

/** Issue for a reserved name used as a mapping key (`key`) or as a value. */
export function reservedNameIssue(name: string, path: RubricPath, locate: Locator | undefined, asKey: boolean): Issue {
  const source = locate?.(path, asKey ? { key: name } : undefined);
  return makeIssue("SCHEMA_RESERVED_NAME", { name, as: asKey ? "key" : "value" }, { path, ...(source ? { source } : {}) });
}

/**
 * Every mapping key named `__proto__`, `constructor` or `prototype` in a parsed
 * value, at any depth. Iterative (no recursion), own keys only.
 */
export function reservedKeyIssues(value: unknown, locate?: Locator, basePath: RubricPath = []): Issue[] {
  const issues: Issue[] = [];
  const stack: { value: unknown; path: RubricPath }[] = [{ value, path: basePath }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v); // aliases share objects: visit each once
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (isReservedName(key)) issues.push(reservedNameIssue(key, [...path, key], locate, true));
      else stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

/** True when a path passes through a reserved key (issues under it are already reported). */
export function throughReservedKey(path: readonly (string | number)[]): boolean {
  return path.some((p) => typeof p === "string" && isReservedName(p));
}
