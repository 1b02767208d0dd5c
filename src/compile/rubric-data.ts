/**
 * A compiled rubric is data: objects, arrays, Maps, Sets and exact decimals, with no
 * function in it (conditions and tie-breakers are ConditionNode / FactRef trees). So it
 * can be cached, sent to a worker or written to disk and scored again without its YAML:
 *
 * - `structuredClone(rubric)` copies it whole; Dec values arrive as their fields
 *   (m, e, q) without the class, and `reviveRubric` restores them.
 * - `JSON.stringify(rubric)` gives its JSON form (`toJSONForm`): a Dec is
 *   `{ "$dec": "0.7" }` (exact: "256/3" for a fraction), a Map `{ "$map": [[key, value], …] }`,
 *   a Set `{ "$set": [ … ] }`, and an object with a key starting with "$" (a data name
 *   such as a records field) `{ "$obj": [[key, value], …] }`; `reviveRubric` reads it back.
 * - `assess` accepts either copy and revives it once (cached per object), so a copy
 *   scores byte-for-byte like the original.
 *
 * What describes the loaded file rather than the rubric, its source locator (`locate`)
 * and its test cases (`tests`), are non-enumerable properties of the rubric `loadRubric`
 * returns: neither copy carries them, so a copy has no file:line:col positions.
 */
import { Dec, isDec } from "../decimal/decimal.js";
import type { CompiledRubric } from "./model.js";

/** The JSON form of a value of a compiled rubric (see the module comment). */
function toJSONForm(value: unknown): unknown {
  if (isDec(value)) return { $dec: value.toExact() };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [toJSONForm(k), toJSONForm(v)]) };
  if (value instanceof Set) return { $set: [...value].map(toJSONForm) };
  if (Array.isArray(value)) return value.map(toJSONForm);
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
    if (entries.some(([k]) => k.startsWith("$"))) return { $obj: entries.map(([k, v]) => [k, toJSONForm(v)]) };
    return Object.fromEntries(entries.map(([k, v]) => [k, toJSONForm(v)]));
  }
  return value;
}

const singleKey = (value: object, key: string): boolean => {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key;
};

class NotRubricData extends Error {}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value !== "object" || value === null || isDec(value)) return value;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [revive(k), revive(v)]));
  if (value instanceof Set) return new Set([...value].map(revive));
  const record = value as Record<string, unknown>;
  if (singleKey(value, "$dec")) {
    const d = typeof record.$dec === "string" ? Dec.fromExact(record.$dec) : undefined;
    if (!d) throw new NotRubricData();
    return d;
  }
  if (singleKey(value, "$map") || singleKey(value, "$set") || singleKey(value, "$obj")) {
    const list = record.$map ?? record.$set ?? record.$obj;
    if (!Array.isArray(list)) throw new NotRubricData();
    if ("$set" in record) return new Set(list.map(revive));
    const pairs = list.map((pair): [unknown, unknown] => {
      if (!Array.isArray(pair) || pair.length !== 2) throw new NotRubricData();
      return [revive(pair[0]), revive(pair[1])];
    });
    // Object.fromEntries defines own data properties: a key "__proto__" stays a key.
    return "$map" in record ? new Map(pairs) : Object.fromEntries(pairs);
  }
  const cloned = Dec.revive(value);
  if (cloned) return cloned;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
}

const revived = new WeakMap<object, CompiledRubric>();

/** A compiled rubric as loadRubric builds it (live Maps and Decs). */
export function isLiveRubric(value: unknown): value is CompiledRubric {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Partial<CompiledRubric>;
  return typeof r.id === "string" && r.inputs instanceof Map && r.nodes instanceof Map && Array.isArray(r.items) && Array.isArray(r.grades) && typeof r.root === "object" && r.root !== null && isDec(r.root.max);
}

/**
 * The compiled rubric behind `value`: the value itself when it is one, else the rubric
 * restored from its structured clone or its parsed JSON form (once per object, then
 * cached); undefined when `value` is neither.
 */
export function reviveRubric(value: unknown): CompiledRubric | undefined {
  if (isLiveRubric(value)) return value;
  if (typeof value !== "object" || value === null) return undefined;
  const known = revived.get(value);
  if (known) return known;
  const r = value as Record<string, unknown>;
  if (typeof r.id !== "string" || typeof r.root !== "object" || r.root === null || !Array.isArray(r.items) || !Array.isArray(r.grades) || typeof r.inputs !== "object") return undefined;
  try {
    const rubric = revive(value);
    if (!isLiveRubric(rubric)) return undefined;
    // A copy has no test cases (they belong to the loaded file) and no locator.
    if (!("tests" in rubric)) Object.assign(rubric, { tests: [] });
    const sealed = sealRubric(rubric);
    revived.set(value, sealed);
    return sealed;
  } catch (e) {
    // Not rubric data, or a cycle no compiled rubric has.
    if (e instanceof NotRubricData || e instanceof RangeError) return undefined;
    throw e;
  }
}

/**
 * Give a freshly compiled rubric its JSON form and keep what describes the loaded file
 * (`locate`, `tests`) out of its data: non-enumerable, so copies and JSON leave them out.
 */
export function sealRubric(rubric: CompiledRubric): CompiledRubric {
  for (const key of ["locate", "tests"] as const)
    if (key in rubric) Object.defineProperty(rubric, key, { value: rubric[key], enumerable: false, writable: false, configurable: false });
  Object.defineProperty(rubric, "toJSON", { value: () => toJSONForm(rubric), enumerable: false });
  return rubric;
}
