/**
 * diffRubrics: the structural change between two versions of a rubric, read from the
 * texts as written (so every change has the file:line:col of both versions), after
 * both have loaded without error. Items, groups, weights, grade bands, rules, quotas,
 * inputs, ranking, actions and tiers are matched by id (an input by its name), so a
 * moved item is one change of `parent`, not a removal and an addition.
 */
import { badArgument, readProperty } from "../diagnostics/arguments.js";
import { fail, makeIssue, ok, type Issue, type Result } from "../diagnostics/issue.js";
import { KaoheError } from "../diagnostics/kaohe-error.js";
import { parseDecimal, type Dec } from "../decimal/decimal.js";
import { safeLoadRubric, type RubricText } from "../kaohe.js";
import { parseYaml } from "../parse/parse-yaml.js";
import type { Locator } from "../parse/locate.js";
import type { RubricArea, RubricChange, RubricDiff, RubricIdentity } from "./types.js";

type Path = readonly (string | number)[];
type Value = unknown;
type Mapping = Readonly<Record<string, Value>>;

interface Version {
  readonly value: Mapping;
  readonly locate: Locator;
  readonly identity: RubricIdentity;
}

const isMapping = (v: Value): v is Mapping => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (m: Mapping, k: string): boolean => Object.hasOwn(m, k);

/** A number, or a decimal or percentage string ("10%" is 0.1): compared by value. */
function numeric(v: Value): Dec | undefined {
  if (typeof v === "number") return parseDecimal(v);
  if (typeof v === "string" && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*%?\s*$/.test(v)) return parseDecimal(v);
  return undefined;
}

/** Equal as YAML values, numbers by value (20, "20" and "20.0" alike; "10%" and 0.1 alike). */
function same(a: Value, b: Value): boolean {
  if (a === b) return true;
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined && nb !== undefined) return na.eq(nb);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isMapping(a) && isMapping(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => own(b, k) && same(a[k], b[k]));
  }
  return false;
}

/** A list whose elements are all mappings with distinct text ids: matched by id. */
function idsOf(v: Value): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const ids: string[] = [];
  for (const e of v) {
    if (!isMapping(e) || typeof e.id !== "string" || ids.includes(e.id)) return undefined;
    ids.push(e.id);
  }
  return ids;
}

/** Ids of `before` and `after` in one order: the old order, each new id placed after the node that precedes it in the new order (and after what was removed there). */
function mergedOrder(before: readonly string[], after: readonly string[]): string[] {
  const out = [...before];
  const inAfter = new Set(after);
  after.forEach((id, i) => {
    if (out.includes(id)) return;
    let at = i === 0 ? -1 : out.indexOf(after[i - 1]!);
    while (at + 1 < out.length && !inAfter.has(out[at + 1]!)) at++;
    out.splice(at + 1, 0, id);
  });
  return out;
}

class Collector {
  readonly changes: RubricChange[] = [];

  constructor(
    private readonly before: Version,
    private readonly after: Version,
  ) {}

  private source(pb: Path | undefined, pa: Path | undefined): RubricChange["source"] {
    const b = pb ? this.before.locate(pb) : undefined;
    const a = pa ? this.after.locate(pa) : undefined;
    return { ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) };
  }

  emit(area: RubricArea, id: string | null, change: RubricChange["change"], pb: Path | undefined, pa: Path | undefined, field: readonly string[], before: Value, after: Value): void {
    this.changes.push({
      area,
      change,
      id,
      path: [...(pa ?? pb ?? [])],
      field: field.join("."),
      before: change === "added" ? null : (before ?? null),
      after: change === "removed" ? null : (after ?? null),
      source: this.source(change === "added" ? undefined : pb, change === "removed" ? undefined : pa),
    });
  }

  /** Every difference of two values: mappings key by key, id lists id by id, anything else whole. */
  walk(area: (field: readonly string[]) => RubricArea, id: string | null, b: Value, a: Value, pb: Path, pa: Path, field: readonly string[], skip: readonly string[] = []): void {
    if (same(b, a)) return;
    if (isMapping(b) && isMapping(a)) {
      const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !own(b, k))].filter((k) => !skip.includes(k));
      for (const k of keys) {
        const f = [...field, k];
        if (!own(b, k)) this.emit(area(f), id, "added", undefined, [...pa, k], f, undefined, a[k]);
        else if (!own(a, k)) this.emit(area(f), id, "removed", [...pb, k], undefined, f, b[k], undefined);
        else this.walk(area, id, b[k], a[k], [...pb, k], [...pa, k], f);
      }
      return;
    }
    const ib = idsOf(b);
    const ia = idsOf(a);
    if (ib && ia && Array.isArray(b) && Array.isArray(a)) {
      for (const key of mergedOrder(ib, ia)) {
        const i = ib.indexOf(key);
        const j = ia.indexOf(key);
        const f = [...field, key];
        if (i < 0) this.emit(area(f), id, "added", undefined, [...pa, j], f, undefined, a[j]);
        else if (j < 0) this.emit(area(f), id, "removed", [...pb, i], undefined, f, b[i], undefined);
        else this.walk(area, id, b[i], a[j], [...pb, i], [...pa, j], f);
      }
      return;
    }
    this.emit(area(field), id, "changed", pb, pa, field, b, a);
  }

  /** A list of things with ids (grades, rules, quotas, actions, tiers): each added, removed or changed. */
  entities(key: string, area: RubricArea): void {
    const b = this.before.value[key] ?? [];
    const a = this.after.value[key] ?? [];
    const ib = idsOf(b);
    const ia = idsOf(a);
    if (!ib || !ia || !Array.isArray(a) || !Array.isArray(b)) return this.walk(() => area, null, b, a, [key], [key], []);
    for (const id of mergedOrder(ib, ia)) {
      const i = ib.indexOf(id);
      const j = ia.indexOf(id);
      if (i < 0) this.emit(area, id, "added", undefined, [key, j], [], undefined, a[j]);
      else if (j < 0) this.emit(area, id, "removed", [key, i], undefined, [], b[i], undefined);
      else this.walk(() => area, id, b[i], a[j], [key, i], [key, j], []);
    }
  }

  inputs(): void {
    const b = isMapping(this.before.value.inputs) ? this.before.value.inputs : {};
    const a = isMapping(this.after.value.inputs) ? this.after.value.inputs : {};
    for (const name of mergedOrder(Object.keys(b), Object.keys(a))) {
      if (!own(b, name)) this.emit("input", name, "added", undefined, ["inputs", name], [], undefined, a[name]);
      else if (!own(a, name)) this.emit("input", name, "removed", ["inputs", name], undefined, [], b[name], undefined);
      else this.walk(() => "input", name, b[name], a[name], ["inputs", name], ["inputs", name], []);
    }
  }

  tree(): void {
    const b = treeNodes(this.before.value.scoring);
    const a = treeNodes(this.after.value.scoring);
    for (const id of mergedOrder([...b.keys()], [...a.keys()])) {
      const nb = b.get(id);
      const na = a.get(id);
      const kind = (n: TreeEntry) => (own(n.node, "children") ? "group" : "item");
      if (!nb) this.emit(kind(na!), id, "added", undefined, na!.path, [], undefined, shallow(na!.node));
      else if (!na) this.emit(kind(nb), id, "removed", nb.path, undefined, [], shallow(nb.node), undefined);
      else {
        const own = kind(na);
        this.walk((f) => (f[0] === "weight" ? "weight" : own), id, nb.node, na.node, nb.path, na.path, [], ["children", "outside"]);
        if (nb.parent !== na.parent) this.emit(own, id, "changed", nb.path, na.path, ["parent"], nb.parent, na.parent);
      }
    }
  }
}

interface TreeEntry {
  readonly node: Mapping;
  readonly path: Path;
  readonly parent: string | null;
}

/** Every node of the scoring tree by id, in tree order (the root first; children, then outside). */
function treeNodes(scoring: Value): Map<string, TreeEntry> {
  const out = new Map<string, TreeEntry>();
  const visit = (node: Value, path: Path, parent: string | null) => {
    if (!isMapping(node)) return;
    const id = typeof node.id === "string" ? node.id : parent === null ? "total" : undefined;
    if (id === undefined || out.has(id)) return;
    out.set(id, { node, path, parent });
    for (const key of ["children", "outside"]) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((c, i) => visit(c, [...path, key, i], id));
    }
  };
  visit(scoring, ["scoring"], null);
  return out;
}

/** A node without its children (a group's children are changes of their own). */
function shallow(node: Mapping): Mapping {
  return Object.fromEntries(Object.entries(node).filter(([k]) => k !== "children" && k !== "outside"));
}

/** The keys that identify a rubric (shown in the diff's header), its test cases, and the language version: not changes. */
const NOT_COMPARED = new Set(["$schema", "kaohe", "id", "name", "year", "version", "description", "tests"]);
/** Top-level keys with a comparison of their own. */
const OWN_COMPARISON = new Set(["inputs", "grades", "scoring", "rules", "quotas", "ranking", "actions", "tiers"]);

function compare(before: Version, after: Version): RubricDiff {
  const c = new Collector(before, after);
  const settings = mergedOrder(Object.keys(before.value), Object.keys(after.value)).filter((k) => !NOT_COMPARED.has(k) && !OWN_COMPARISON.has(k) && !k.startsWith("x-"));
  for (const k of settings) {
    const b = before.value[k];
    const a = after.value[k];
    if (!own(before.value, k)) c.emit("rubric", null, "added", undefined, [k], [k], undefined, a);
    else if (!own(after.value, k)) c.emit("rubric", null, "removed", [k], undefined, [k], b, undefined);
    else c.walk(() => "rubric", null, b, a, [k], [k], [k]);
  }
  c.inputs();
  c.entities("grades", "band");
  c.tree();
  c.entities("rules", "rule");
  c.entities("quotas", "quota");
  c.walk(() => "ranking", null, before.value.ranking ?? {}, after.value.ranking ?? {}, ["ranking"], ["ranking"], []);
  c.entities("actions", "action");
  c.entities("tiers", "tier");
  return { before: before.identity, after: after.identity, changes: c.changes };
}

function checkText(fn: string, argument: string, value: unknown): Issue[] {
  const expected = "{ text, file? } with text a string holding a rubric's YAML";
  if (!isMapping(value)) return [badArgument(fn, argument, expected, value)];
  const text = readProperty(value, "text");
  const file = readProperty(value, "file");
  const ok = text.ok && typeof text.value === "string" && file.ok && (file.value === undefined || typeof file.value === "string");
  return ok ? [] : [badArgument(fn, argument, expected, value)];
}

function version(t: RubricText, issues: Issue[]): Version | undefined {
  const loaded = safeLoadRubric(t.text, t.file !== undefined ? { file: t.file } : {});
  if (!loaded.ok) {
    issues.push(...loaded.issues);
    return undefined;
  }
  const { parsed } = parseYaml(t.text, t.file);
  const r = loaded.value;
  const value = isMapping(parsed.value) ? parsed.value : {};
  return { value, locate: parsed.locate, identity: { id: r.id, name: r.name, version: r.version, year: r.year, ...(t.file !== undefined ? { file: t.file } : {}) } };
}

/**
 * The structural change between two versions of a rubric; never throws.
 *
 * @param before - the old version's text (and file name, for positions)
 * @param after - the new version's text
 * @returns `{ ok: true, value: RubricDiff }`, or `{ ok: false, issues }` with every
 *   problem of either text (they must both load) or API_BAD_ARGUMENT
 * @example
 * const d = safeDiffRubrics({ text: h1, file: "h1.yaml" }, { text: h2, file: "h2.yaml" });
 * d.ok && d.value.changes.map((c) => `${c.change} ${c.id} ${c.field}`)
 * // => ["removed l5 ", "added l5b ", "changed d3 label", "changed d3 deductions.each.points"]
 */
export function safeDiffRubrics(before: RubricText, after: RubricText): Result<RubricDiff> {
  const fn = "safeDiffRubrics";
  try {
    const bad = [...checkText(fn, "before", before), ...checkText(fn, "after", after)];
    if (bad.length > 0) return fail(bad);
    const issues: Issue[] = [];
    const b = version(before, issues);
    const a = version(after, issues);
    if (!b || !a) return fail(issues);
    return ok(compare(b, a));
  } catch (e) {
    return fail([makeIssue("API_INTERNAL_ERROR", { fn, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) })]);
  }
}

/**
 * The structural change between two versions of a rubric: items, groups, weights,
 * grade bands, rules, quotas, inputs, ranking, actions and tiers added, removed or
 * changed, each with its rubric path, its file:line:col in both texts and its old and
 * new value as written. Pure: texts in, data out. Both texts must load (each alone).
 *
 * @param before - the old version: `{ text, file? }`
 * @param after - the new version
 * @returns the changes, in rubric order
 * @throws KaoheError listing every problem of either text
 * @example
 * const d = diffRubrics({ text: h1, file: "party-building-h1.yaml" }, { text: h2, file: "party-building-h2.yaml" });
 * d.changes.find((c) => c.id === "d3" && c.field === "deductions.each.points")
 * // => { area: "item", change: "changed", id: "d3", before: 5, after: 10,
 * //      path: ["scoring","children",5,"children",2,"deductions",0,"points"],
 * //      source: { before: { file: "party-building-h1.yaml", line: 88, col: ... }, after: { ... line: 92 ... } } }
 */
export function diffRubrics(before: RubricText, after: RubricText): RubricDiff {
  const r = safeDiffRubrics(before, after);
  if (!r.ok) throw new KaoheError(r.issues);
  return r.value;
}
