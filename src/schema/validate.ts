/**
 * Stage 2: plain value → RubricSource, or issues. Maps zod's issues to kaohe
 * issues with stable codes, and picks the most plausible branch of a union so an
 * author sees "unknown key gtt" rather than "expected a string".
 */
import type { z } from "zod";
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import type { Locator, RubricPath } from "../parse/locate.js";
import { expectationKey } from "./expectations.js";
import { reservedKeyIssues, reservedNameIssue, throughReservedKey } from "./reserved.js";

type ZodIssue = z.core.$ZodIssue;
type Path = (string | number)[];

/** Validate `value` against `schema`; issues carry rubric paths and source positions. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  locate?: Locator,
  basePath: RubricPath = [],
): { value?: z.output<S>; issues: Issue[] } {
  // Keys named __proto__, constructor or prototype: zod would drop __proto__ silently.
  const reserved = reservedKeyIssues(value, locate, basePath);
  const result = schema.safeParse(value);
  if (result.success && reserved.length === 0) return { value: result.data, issues: [] };
  const issues: Issue[] = [...reserved];
  for (const zi of result.error?.issues ?? []) {
    for (const leaf of flattenUnion(zi, [], value))
      for (const issue of toIssues(leaf.issue, leaf.prefix, value, locate, basePath))
        if (issue.code === "SCHEMA_RESERVED_NAME" || !throughReservedKey(issue.path.slice(basePath.length))) issues.push(issue);
  }
  return { issues: sortByPosition(dedupe(issues)) };
}

interface Leaf {
  issue: ZodIssue;
  prefix: Path;
}

/** Replace a union issue by the issues of its most plausible branch. */
function flattenUnion(issue: ZodIssue, prefix: Path, root: unknown): Leaf[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [{ issue, prefix }];
  const here = [...prefix, ...issue.path] as Path;
  const input = valueAt(root, here);
  // Every branch rejects the value as a whole: report the union's own expectation.
  if (issue.errors.every((branch) => branch.every((bi) => bi.path.length === 0 && bi.code !== "unrecognized_keys" && bi.code !== "custom"))) {
    return [{ issue: { ...issue, errors: [] } as ZodIssue, prefix }];
  }
  let best: ZodIssue[] | undefined;
  let bestScore = Infinity;
  for (const branch of issue.errors) {
    const score = branch.reduce((acc, bi) => acc + penalty(bi, input), 0);
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return (best ?? []).flatMap((bi) => flattenUnion(bi, here, root));
}

function penalty(issue: ZodIssue, input: unknown): number {
  const atRoot = issue.path.length === 0;
  switch (issue.code) {
    case "invalid_type":
      if (atRoot) return 100;
      return valueAt(input, issue.path as Path) === undefined ? 10 : 1;
    case "unrecognized_keys":
      return 10 * issue.keys.length;
    case "invalid_union":
      return issue.errors.length === 0 ? 5 : 1;
    default:
      return 1;
  }
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string "${value}"`;
  return `${typeof value} ${String(value)}`;
}

/**
 * A received value in words (params.received, English) and as data for the other
 * locales' messages (params.got: its kind, and the value itself when it is a scalar).
 */
function receivedOf(value: unknown): { received: string; got: { kind: string; value?: string | number | boolean } } {
  const kind =
    value === undefined ? "nothing" : value === null ? "null" : Array.isArray(value) ? "list" : typeof value === "object" ? "mapping" : typeof value;
  const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
  return { received: describe(value), got: { kind, ...(scalar ? { value } : {}) } };
}

/**
 * What the value must be: the English text (params.expected) and, when the schema's
 * message comes from the expectations table, its key (params.expects); otherwise the
 * zod type name (`string`, `number`...) as `expects: "type:<name>"`.
 */
function expectedFrom(message: string, fallback: string, zodType?: string): { expected: string; expects?: string } {
  const text = message.startsWith("expected ") ? message.slice("expected ".length) : fallback;
  const key = expectationKey(text) ?? (message.startsWith("expected ") ? undefined : zodType !== undefined ? `type:${zodType}` : expectationKey(fallback));
  return { expected: text, ...(key ? { expects: key } : {}) };
}

function toIssues(zi: ZodIssue, prefix: Path, root: unknown, locate: Locator | undefined, basePath: RubricPath): Issue[] {
  const path = [...basePath, ...prefix, ...(zi.path as Path)];
  const local = [...prefix, ...(zi.path as Path)];
  const at = (p: RubricPath, key?: string) => {
    const source = locate?.(p, key !== undefined ? { key } : undefined);
    return { path: p, ...(source ? { source } : {}) };
  };
  const received = valueAt(root, local);
  /** The value is absent: its key is not in the mapping that should hold it. */
  const missing = () => {
    const key = local[local.length - 1];
    const parent = local.length === 0 ? undefined : valueAt(root, local.slice(0, -1));
    return typeof key === "string" && parent !== null && typeof parent === "object" && !Array.isArray(parent) && !Object.hasOwn(parent, key);
  };
  switch (zi.code) {
    case "invalid_type": {
      if (received === undefined) {
        const key = path[path.length - 1];
        return [makeIssue("SCHEMA_MISSING_KEY", { key, ...expectedFrom(zi.message, zi.expected, zi.expected) }, at(path))];
      }
      return [makeIssue("SCHEMA_INVALID_TYPE", { ...expectedFrom(zi.message, zi.expected, zi.expected), ...receivedOf(received) }, at(path))];
    }
    case "unrecognized_keys":
      return zi.keys.map((key) => {
        // `{ reason: 甲,乙 }` reads "乙" as a key with no value: say so.
        const flowComma = valueAt(root, [...local, key]) === null;
        return makeIssue(
          "SCHEMA_UNKNOWN_KEY",
          { key, ...(flowComma ? { hint: 'it has no value: inside { } a "," ends the value before it; quote text that contains commas', reason: "flow-comma" } : {}) },
          at([...path, key], key),
        );
      });
    case "invalid_union": {
      if (zi.errors.length === 0 && zi.discriminator !== undefined) {
        const onKey = path[path.length - 1] === zi.discriminator;
        const objectPath = onKey ? path.slice(0, -1) : path;
        const object = onKey ? valueAt(root, local.slice(0, -1)) : received;
        const kind = object && typeof object === "object" ? (object as Record<string, unknown>)[zi.discriminator] : undefined;
        const keyPath = [...objectPath, zi.discriminator];
        if (kind === undefined)
          return [makeIssue("SCHEMA_MISSING_KEY", { key: zi.discriminator, ...expectedFrom(zi.message, "a kind") }, at(objectPath))];
        return [makeIssue("SCHEMA_INVALID_KIND", { received: kind, ...expectedFrom(zi.message, "a known kind") }, at(keyPath))];
      }
      // A key whose value may take several forms (points, a condition) and is absent: missing, like any other key.
      if (missing()) return [makeIssue("SCHEMA_MISSING_KEY", { key: path[path.length - 1], ...expectedFrom(zi.message, "another shape") }, at(path))];
      return [makeIssue("SCHEMA_INVALID_TYPE", { ...expectedFrom(zi.message, "another shape"), ...receivedOf(received) }, at(path))];
    }
    case "invalid_value":
      // An absent key that must hold one fixed value (kaohe: 1) is missing, like any other key.
      if (missing()) return [makeIssue("SCHEMA_MISSING_KEY", { key: path[path.length - 1], expected: zi.values.map((v) => JSON.stringify(v)).join(" | ") }, at(path))];
      return [
        makeIssue(
          "SCHEMA_INVALID_VALUE",
          { reason: "one-of", values: zi.values, ...receivedOf(received) },
          at(path),
        ),
      ];
    case "invalid_format":
      return [makeIssue("SCHEMA_INVALID_VALUE", { reason: "format", ...expectedFrom(zi.message, "another form"), ...receivedOf(received) }, at(path))];
    case "too_small":
    case "too_big": {
      const bound = zi.code === "too_small" ? zi.minimum : zi.maximum;
      const side = zi.code === "too_small" ? "min" : "max";
      const mapping = received !== null && typeof received === "object" && !Array.isArray(received);
      const count = Array.isArray(received) ? received.length : mapping ? Object.keys(received).length : undefined;
      const of = zi.origin === "array" ? "list" : mapping ? "mapping" : zi.origin === "string" ? "text" : "value";
      const shown = count !== undefined ? `${count} entries` : describe(received);
      return [
        makeIssue(
          "SCHEMA_OUT_OF_RANGE",
          { side, of, bound: String(bound), received: shown, ...(count !== undefined ? { count } : { got: receivedOf(received).got }) },
          at(path),
        ),
      ];
    }
    case "custom":
      if (zi.params?.reserved === true && typeof received === "string") return [reservedNameIssue(received, path, locate, false)];
      // Every refinement of the schema names its reason (and the values behind it) in params.
      return [makeIssue("SCHEMA_CONSTRAINT", { ...(typeof zi.params?.reason === "string" ? {} : { reason: "other", text: zi.message }), ...zi.params }, at(path))];
    default:
      return [makeIssue("SCHEMA_INVALID_VALUE", { reason: "other", text: zi.message, ...receivedOf(received) }, at(path))];
  }
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}|${i.path.join(".")}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortByPosition(issues: Issue[]): Issue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      const la = a.issue.source?.line ?? Infinity;
      const lb = b.issue.source?.line ?? Infinity;
      if (la !== lb) return la - lb;
      const ca = a.issue.source?.col ?? 0;
      const cb = b.issue.source?.col ?? 0;
      return ca !== cb ? ca - cb : a.index - b.index;
    })
    .map((x) => x.issue);
}
