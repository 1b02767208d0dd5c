/**
 * Rendering any JS value for a message or a key without ever throwing: BigInt,
 * symbols, functions, cycles, null-prototype objects, throwing getters and proxies
 * all render as text. Plain data renders as JSON does (`"abc"`, `[1]`, `{"a":1}`).
 */

/** Depth and length bounds of {@link showValue}; deeper parts render as `…`. */
const MAX_DEPTH = 4;
const MAX_ITEMS = 20;
const MAX_LENGTH = 200;

/**
 * A short JSON-like rendering of a value for messages; never throws.
 *
 * @param value - anything
 * @param maxLength - longer renderings are cut with "…"
 * @returns the rendering
 * @example
 * showValue([1, "a", 10n])
 * // => '[1,"a",10n]'
 */
export function showValue(value: unknown, maxLength = MAX_LENGTH): string {
  const text = render(value, 0, new Set());
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/**
 * `String(value)` that never throws (a null-prototype object or a symbol inside a
 * template literal would).
 *
 * @param value - anything
 * @returns its text
 * @example
 * textOf(Object.create(null))
 * // => '{}'
 */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") return primitive(value);
  try {
    if (Array.isArray(value)) return value.map((v) => textOf(v)).join(",");
    const text = String(value);
    return text === "[object Object]" ? showValue(value) : text;
  } catch {
    return showValue(value);
  }
}

/**
 * A stable key for de-duplication: the full JSON of `value` when it has one,
 * otherwise (BigInt, cycles, too deep) the bounded rendering. Never throws.
 *
 * @param value - anything
 * @returns a string; equal values give equal keys
 */
export function keyOf(value: unknown): string {
  try {
    const seen = new WeakSet<object>();
    return JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === "bigint") return `${v}n`;
      if (typeof v === "symbol" || typeof v === "function") return primitive(v);
      if (v && typeof v === "object") {
        if (seen.has(v)) return "[Circular]";
        seen.add(v);
      }
      return v;
    }) ?? "undefined";
  } catch {
    return showValue(value, 10_000);
  }
}

function primitive(value: unknown): string {
  switch (typeof value) {
    case "bigint":
      return `${value}n`;
    case "symbol":
      return value.toString();
    case "function":
      return `[function${value.name ? ` ${value.name}` : ""}]`;
    case "undefined":
      return "undefined";
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    default:
      return String(value);
  }
}

function render(value: unknown, depth: number, stack: Set<object>): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (typeof value !== "object") return primitive(value);
  if (stack.has(value)) return "[Circular]";
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? "[…]" : "{…}";
  stack.add(value);
  try {
    if (Array.isArray(value)) {
      const parts: string[] = [];
      const n = Math.min(value.length, MAX_ITEMS);
      for (let i = 0; i < n; i++) parts.push(i in value ? render(value[i], depth + 1, stack) : "<hole>");
      if (value.length > n) parts.push(`… ${value.length - n} more`);
      return `[${parts.join(",")}]`;
    }
    if (value instanceof Map) return `Map(${value.size})`;
    if (value instanceof Set) return `Set(${value.size})`;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : JSON.stringify(value.toISOString());
    if (ArrayBuffer.isView(value)) return `${value.constructor?.name ?? "bytes"}(${value.byteLength} bytes)`;
    const keys = Object.keys(value);
    const parts = keys.slice(0, MAX_ITEMS).map((k) => {
      let v: unknown;
      try {
        v = (value as Record<string, unknown>)[k];
      } catch {
        return `${JSON.stringify(k)}:<unreadable>`;
      }
      return `${JSON.stringify(k)}:${render(v, depth + 1, stack)}`;
    });
    if (keys.length > MAX_ITEMS) parts.push(`… ${keys.length - MAX_ITEMS} more`);
    return `{${parts.join(",")}}`;
  } catch {
    return "<unreadable>";
  } finally {
    stack.delete(value);
  }
}
