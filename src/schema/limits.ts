/**
 * Limits on the size of a rubric, checked on the parsed value before validation and
 * compilation (the expensive work, which grows with the rubric). A rubric over a limit
 * is LIMIT_EXCEEDED, naming the limit and the option that raises it; the check itself
 * is one iterative pass that stops at the first oversized list or mapping.
 */
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import type { Locator, RubricPath } from "../parse/locate.js";

/** Limits on a rubric's size. Raise one with the `limits` option of loadRubric / loadRubricSet. */
export interface RubricLimits {
  /** Nodes (groups and items, the root included) in the indicator tree. Default 10,000. */
  readonly maxNodes: number;
  /** Levels of the indicator tree: the root is level 1, its children level 2. Default 32. */
  readonly maxTreeDepth: number;
  /** Entries of any one list or mapping (children, entries, values, levels, tests...). Default 10,000. */
  readonly maxEntries: number;
  /** Lists and mappings nested in one another anywhere in the rubric (conditions included). Default 200. */
  readonly maxNesting: number;
}

export const DEFAULT_LIMITS: RubricLimits = Object.freeze({ maxNodes: 10_000, maxTreeDepth: 32, maxEntries: 10_000, maxNesting: 200 });

const WHAT: Record<keyof RubricLimits, string> = {
  maxNodes: "nodes (groups and items) in the indicator tree",
  maxTreeDepth: "levels of the indicator tree",
  maxEntries: "entries in one list or mapping",
  maxNesting: "lists and mappings nested in one another",
};

/**
 * The limits in force: the defaults, with the caller's overrides. A bad override (not a
 * whole number ≥ 1 nor Infinity) is LIMIT_INVALID.
 */
export function resolveLimits(overrides: unknown): { limits: RubricLimits; issues: Issue[] } {
  const issues: Issue[] = [];
  const limits: Record<keyof RubricLimits, number> = { ...DEFAULT_LIMITS };
  if (overrides === undefined) return { limits, issues };
  if (overrides === null || typeof overrides !== "object" || Array.isArray(overrides)) {
    issues.push(makeIssue("LIMIT_INVALID", { limit: "(all)", received: describe(overrides) }, { path: ["limits"] }));
    return { limits, issues };
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(DEFAULT_LIMITS, name)) {
      issues.push(makeIssue("LIMIT_INVALID", { limit: name, received: `an unknown limit (known: ${Object.keys(DEFAULT_LIMITS).join(", ")})`, reason: "unknown", known: Object.keys(DEFAULT_LIMITS) }, { path: ["limits", name] }));
      continue;
    }
    if (value === undefined) continue;
    if (typeof value !== "number" || !(value === Infinity || (Number.isInteger(value) && value >= 1))) {
      issues.push(makeIssue("LIMIT_INVALID", { limit: name, received: describe(value) }, { path: ["limits", name] }));
      continue;
    }
    limits[name as keyof RubricLimits] = value;
  }
  return { limits, issues };
}

function describe(value: unknown): string {
  if (typeof value === "string") return `the string "${value}"`;
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `${typeof value} ${String(value)}`;
}

/**
 * Check a parsed rubric against the limits. Returns at most one issue per limit, at
 * the first place it is exceeded; nothing past an oversized list or mapping is visited.
 */
export function checkLimits(value: unknown, locate: Locator | undefined, limits: RubricLimits): Issue[] {
  const found = new Map<keyof RubricLimits, Issue>();
  const report = (limit: keyof RubricLimits, path: RubricPath, key?: string) => {
    if (found.has(limit)) return;
    const source = locate?.(path, key !== undefined ? { key } : undefined);
    found.set(limit, makeIssue("LIMIT_EXCEEDED", { limit, value: limits[limit], what: WHAT[limit] }, { path, ...(source ? { source } : {}) }));
  };
  // Pass 1: entries and nesting, over the whole value.
  const seen = new Set<object>();
  const stack: { v: unknown; path: RubricPath; depth: number }[] = [{ v: value, path: [], depth: 1 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v); // an alias repeats one object: count it once
    if (depth > limits.maxNesting) {
      report("maxNesting", path);
      continue;
    }
    const keys = Array.isArray(v) ? undefined : Object.keys(v);
    const size = keys ? keys.length : (v as unknown[]).length;
    if (size > limits.maxEntries) {
      report("maxEntries", path);
      continue;
    }
    if (keys) for (const k of keys) stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k], depth: depth + 1 });
    else (v as unknown[]).forEach((x, i) => stack.push({ v: x, path: [...path, i], depth: depth + 1 }));
  }
  // Pass 2: the indicator tree, when the entries limit let it through.
  const scoring = isMapping(value) ? value.scoring : undefined;
  if (isMapping(scoring) && !found.has("maxEntries") && !found.has("maxNesting")) checkTree(scoring, limits, report);
  return [...found.values()];
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function checkTree(root: Record<string, unknown>, limits: RubricLimits, report: (limit: keyof RubricLimits, path: RubricPath) => void): void {
  let nodes = 0;
  let tooDeep = false;
  const stack: { node: Record<string, unknown>; path: RubricPath; level: number }[] = [{ node: root, path: ["scoring"], level: 1 }];
  while (stack.length > 0) {
    const { node, path, level } = stack.pop()!;
    if (++nodes > limits.maxNodes) {
      report("maxNodes", path);
      return;
    }
    if (level > limits.maxTreeDepth) {
      if (!tooDeep) report("maxTreeDepth", path);
      tooDeep = true;
      continue;
    }
    for (const key of ["outside", "children"]) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (let i = list.length - 1; i >= 0; i--) if (isMapping(list[i])) stack.push({ node: list[i] as Record<string, unknown>, path: [...path, key, i], level: level + 1 });
    }
  }
}
