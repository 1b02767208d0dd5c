/**
 * Host-process guard: snapshots the own properties (names and descriptors) of the
 * built-ins user text could reach through a plain-object map — Object.prototype and
 * each of its methods (toString, hasOwnProperty, ...), Object, Array.prototype,
 * Function.prototype, String.prototype — and tells whether a call changed any of them.
 * `restore()` undoes a change so one polluting input cannot break the inputs after it
 * (a polluted Object.prototype makes csv-parse itself throw).
 */
type Snapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

function targets(): object[] {
  const out: object[] = [Object.prototype, Object, Array.prototype, Function.prototype, String.prototype, Number.prototype];
  for (const key of Reflect.ownKeys(Object.prototype)) {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, key);
    if (d && typeof d.value === "function") out.push(d.value as object);
  }
  return out;
}

function take(objects: readonly object[]): Snapshot {
  const snap: Snapshot = new Map();
  for (const o of objects) {
    const all = Object.getOwnPropertyDescriptors(o) as Record<PropertyKey, PropertyDescriptor>;
    snap.set(o, new Map(Reflect.ownKeys(all).map((key) => [key, all[key]!])));
  }
  return snap;
}

const same = (a: PropertyDescriptor, b: PropertyDescriptor) =>
  Object.is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;

function describeTarget(o: object): string {
  if (o === Object.prototype) return "Object.prototype";
  if (o === Object) return "Object";
  if (o === Array.prototype) return "Array.prototype";
  if (o === Function.prototype) return "Function.prototype";
  if (o === String.prototype) return "String.prototype";
  if (o === Number.prototype) return "Number.prototype";
  return `Object.prototype.${(o as { name?: string }).name ?? "?"}`;
}

export interface HostGuard {
  /** What changed since the snapshot, e.g. ["Object.prototype.good added"]; empty when nothing did. */
  changes(): string[];
  /** Put every snapshotted property back as it was. */
  restore(): void;
}

export function guardHost(): HostGuard {
  const objects = targets();
  const before = take(objects);
  return {
    changes() {
      const out: string[] = [];
      for (const [o, props] of take(objects)) {
        const old = before.get(o)!;
        for (const [key, d] of props) {
          const was = old.get(key);
          if (!was) out.push(`${describeTarget(o)}.${String(key)} added`);
          else if (!same(was, d)) out.push(`${describeTarget(o)}.${String(key)} changed`);
        }
        for (const key of old.keys()) if (!props.has(key)) out.push(`${describeTarget(o)}.${String(key)} deleted`);
      }
      return out;
    },
    restore() {
      for (const [o, old] of before) {
        for (const key of Reflect.ownKeys(o)) if (!old.has(key)) Reflect.deleteProperty(o, key);
        for (const [key, d] of old) {
          const now = Object.getOwnPropertyDescriptor(o, key);
          if (!now || !same(now, d)) Object.defineProperty(o, key, d);
        }
      }
    },
  };
}
