/**
 * Public result types and the conversion from engine state. Decimals are strings.
 */
import type { CompiledRubric, TreeNode } from "../compile/model.js";
import { dec, format, ZERO, type Dec } from "../decimal/decimal.js";
import type { GradeNote } from "../engine/grade.js";
import type { AdjustmentKind, AdjustmentState, NodeScore, TrailNote } from "../engine/state.js";
import type { PointColumns } from "../engine/score-points.js";
import type { Issue } from "../diagnostics/issue.js";
import { gradeNoteText, noteText } from "./trail-text.js";

/** A change of grade, with its reason and the numbers behind it. */
export interface Adjustment {
  /** veto | downgrade | cap | quota | exclusion */
  readonly kind: AdjustmentKind;
  /** Id of the rule or quota. */
  readonly rule: string;
  /** Grade before (null when there was none). */
  readonly from: string | null;
  /** Grade after (null for an exclusion). */
  readonly to: string | null;
  /** The rule's reason text, or the quota's explanation. */
  readonly reason: string;
  /** Rank, limit, scope size, levels... */
  readonly numbers: Readonly<Record<string, string | number>>;
}

/** Points of one item or group, with the lines that produced them. */
export interface NodeResult {
  readonly id: string;
  readonly label: string;
  /** "item" or "group". */
  readonly type: "item" | "group";
  /** Item method (input, deduct, levels...) or group combine (sum, weighted...). */
  readonly kind: string;
  /** Depth in the tree, root = 0. */
  readonly depth: number;
  readonly parent: string | null;
  /** Decimal string. */
  readonly points: string;
  /** Full points for this subject. */
  readonly max: string;
  /** Points lost against max (max − points, never negative). */
  readonly lost: string;
  readonly weight?: string;
  readonly lines: readonly { readonly entry: string; readonly label: string; readonly amount: string; readonly detail: string }[];
}

/** A rule that matched, whether or not it changed the grade. */
export interface FiredRuleResult {
  readonly rule: string;
  readonly kind: AdjustmentKind;
  readonly condition: string;
  readonly changed: boolean;
}

/** The result for one subject. */
export interface SubjectResult {
  readonly id: string;
  readonly name?: string;
  readonly group?: string;
  /** Final total, a decimal string ("84.50" when the rubric rounds to 2 places). */
  readonly score: string;
  /** Final grade id; null when excluded. */
  readonly grade: string | null;
  /** Grade by bands, before rules and quotas. */
  readonly rawGrade: string | null;
  readonly rank: number | null;
  readonly groupRank: number | null;
  readonly excluded: boolean;
  readonly adjustments: readonly Adjustment[];
  readonly actions: readonly { readonly id: string; readonly label: string }[];
  readonly tier: { readonly id: string; readonly label: string; readonly followUp?: string } | null;
  /**
   * Every applicable node in tree order (root first). Computed when first read: the
   * subject is re-scored exactly with full detail (about the cost of scoring it once,
   * plus the trail's strings), then kept. Empty with trail "none"; no lines with
   * "points". See docs/engine.md, "What is lazy".
   */
  readonly nodes: readonly NodeResult[];
  /** Rules whose condition held. */
  readonly rules: readonly FiredRuleResult[];
  /** Notes on grade assignment (band gaps, unmet requires). */
  readonly gradeNotes: readonly string[];
}

/** The result of one rubric over a batch. */
export interface RubricResult {
  readonly rubric: { readonly id: string; readonly version: string; readonly name: string; readonly year: number };
  /** Grade ids, best first. */
  readonly grades: readonly string[];
  readonly gradeLabels: Readonly<Record<string, string>>;
  /** In rank order (ties by id), excluded subjects last. */
  readonly units: readonly SubjectResult[];
  readonly summary: {
    readonly count: number;
    readonly graded: number;
    readonly excluded: number;
    /** grade id → count. */
    readonly distribution: Readonly<Record<string, number>>;
    /** group → grade id → count (only when subjects have groups). */
    readonly byGroup?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  };
  /** Non-fatal findings, e.g. a quota that rule-set grades alone exceed. */
  readonly warnings: readonly Issue[];
}

/** The exact values behind a NodeResult's strings. @internal */
export interface ExactNode {
  readonly points: Dec;
  readonly max: Dec;
  readonly lost: Dec;
}

/**
 * A NodeResult that also keeps its exact values in a private field, so feedback need
 * not parse its strings back. Private fields are invisible to JSON and to spreads.
 */
class NodeRecord {
  readonly #exact: ExactNode;

  constructor(fields: NodeResult, exact: ExactNode) {
    Object.assign(this, fields);
    this.#exact = exact;
  }

  static exact(n: NodeResult): ExactNode | undefined {
    return n instanceof NodeRecord ? n.#exact : undefined;
  }
}

/** The exact values of a node result (parsed back from its strings when it was built elsewhere). */
export function exactOf(n: NodeResult): ExactNode {
  return NodeRecord.exact(n) ?? { points: dec(n.points), max: dec(n.max), lost: dec(n.lost) };
}

export function formatScore(rubric: CompiledRubric, d: Dec): string {
  return format(d, rubric.rounding?.places);
}

/**
 * How much of the trail results carry: "full" (every node with its lines, the
 * default), "points" (every node's points, no lines), "none" (no nodes: fastest, for
 * large batches that need only scores, grades and adjustments).
 */
export type TrailLevel = "full" | "points" | "none";

/**
 * Where a unit's trail comes from: the subject is re-scored, exactly and with full
 * detail, through the same engine, when its `nodes` are first read. Nothing of the
 * trail is kept from the batch run itself.
 * @internal
 */
export interface TrailSource {
  readonly rubric: CompiledRubric;
  readonly level: TrailLevel;
  /** Re-score subject number `ref` with full detail: each applicable node's score by node id. */
  rescore(ref: number): ReadonlyMap<string, NodeScore>;
  /**
   * The points of the nodes `ids` for every subject, a block of rows at a time, from the
   * integer path (engine/score-points.ts `pointBlocks`); undefined when it cannot give
   * them (then re-score each subject). Absent with trail "none".
   */
  points?(ids: readonly string[]): PointColumns | undefined;
}

const NO_NODES: readonly NodeResult[] = Object.freeze([]);
const NO_NOTES: readonly GradeNote[] = Object.freeze([]);
/**
 * The empty lists of a unit (no adjustments, actions, fired rules or grade notes; nodes
 * with trail "none"): one frozen array shared by every unit, not four new arrays per
 * unit. Equal to `[]` for JSON, spreads and toEqual; the lists are readonly in the types.
 */
const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Row i's adjustments as its unit shows them (grade codes as grade ids), an empty shared
 * list when it has none: for the unit, and for a writer that writes the row from the
 * tables without building the unit (io/json-write.ts). @internal
 */
export function adjustmentsOf(t: UnitTables, i: number): readonly Adjustment[] {
  const list = t.adjustments.size === 0 ? undefined : t.adjustments.get(i);
  if (list === undefined || list.length === 0) return EMPTY;
  const gradeIds = t.gradeIds;
  return list.map((a) => ({ kind: a.kind, rule: a.rule, from: a.from === undefined ? null : gradeIds[a.from]!, to: a.to === undefined ? null : gradeIds[a.to]!, reason: a.reason, numbers: a.numbers }));
}

/**
 * A unit of a result (SubjectResult). Every field is a plain own data property except
 * `nodes`, an own enumerable accessor in its place in the key order: the first read
 * re-scores the subject exactly with full detail (about the cost of scoring it once,
 * plus the trail's strings) and replaces the accessor by the value, so JSON.stringify,
 * spreads, structuredClone and toEqual see an ordinary object with the same keys in the
 * same order. With trail "none", `nodes` is an empty array and nothing is re-scored.
 * Empty lists are one shared frozen array. The exact total and the grade notes are read
 * from the tables through private fields.
 */
class SubjectView {
  // Assigned in the constructor, in this order (the key order), through `this` so that
  // V8 sizes the object for them: no out-of-object property store per unit.
  declare readonly id: string;
  declare readonly name?: string;
  declare readonly group?: string;
  declare readonly score: string;
  declare readonly grade: string | null;
  declare readonly rawGrade: string | null;
  declare readonly rank: number | null;
  declare readonly groupRank: number | null;
  declare readonly excluded: boolean;
  declare readonly adjustments: readonly Adjustment[];
  declare readonly actions: readonly { readonly id: string; readonly label: string }[];
  declare readonly tier: { readonly id: string; readonly label: string; readonly followUp?: string } | null;
  declare readonly nodes: readonly NodeResult[];
  declare readonly rules: readonly FiredRuleResult[];
  declare readonly gradeNotes: readonly string[];
  readonly #tables: UnitTables;
  readonly #ref: number;
  #source: TrailSource | undefined;

  /** The unit of row i of a rubric's tables, its fields read straight from the columns. */
  constructor(source: TrailSource, t: UnitTables, i: number) {
    const gradeIds = t.gradeIds;
    this.id = t.ids[i]!;
    if (t.names !== undefined && t.names[i] !== undefined) this.name = t.names[i];
    if (t.groups !== undefined && t.groups[i] !== undefined) this.group = t.groups[i];
    this.score = format(t.total[i]!, t.places);
    const excluded = t.excluded[i] === 1;
    const g = t.grade[i]!;
    const raw = t.rawGrade[i]!;
    this.grade = excluded || g === t.noGrade ? null : gradeIds[g]!;
    this.rawGrade = raw === t.noGrade ? null : gradeIds[raw]!;
    this.rank = t.rank[i] || null;
    this.groupRank = t.groupRank[i] || null;
    this.excluded = excluded;
    this.adjustments = adjustmentsOf(t, i);
    this.actions = (t.actions.size === 0 ? undefined : t.actions.get(i)) ?? EMPTY;
    this.tier = (t.tiers.size === 0 ? undefined : t.tiers.get(i)) ?? null;
    if (source.level === "none") this.nodes = EMPTY;
    else Object.defineProperty(this, "nodes", LAZY_NODES);
    this.rules = (t.fired.size === 0 ? undefined : t.fired.get(i)) ?? EMPTY;
    const notes = t.notes.size === 0 ? undefined : t.notes.get(i);
    this.gradeNotes = notes === undefined || notes.length === 0 ? EMPTY : notes.map((n) => gradeNoteText(n));
    this.#tables = t;
    this.#ref = i;
    this.#source = source.level === "none" ? undefined : source;
  }

  static total(u: object): Dec | undefined {
    return #tables in u ? u.#tables.total[u.#ref] : undefined;
  }

  static notes(u: object): readonly GradeNote[] | undefined {
    return #tables in u ? ((u.#tables.notes.size === 0 ? undefined : u.#tables.notes.get(u.#ref)) ?? NO_NOTES) : undefined;
  }

  /** The trail, re-scored (`keep`: this is the read that keeps it, so the source is let go). */
  static nodes(u: SubjectView, keep: boolean): readonly NodeResult[] {
    const source = u.#source;
    if (!source) return NO_NODES;
    if (keep) u.#source = undefined;
    return trailNodes(source.rubric, source.rescore(u.#ref), source.level);
  }

  static isView(u: object): u is SubjectView {
    return #source in u;
  }
}

/**
 * A unit's nodes without keeping them on the unit: for a writer that streams units one
 * by one, so that memory does not grow with the trails written. A unit whose `nodes`
 * were already read (or that was built elsewhere) gives its `nodes`. Each call on a
 * unit not yet read re-scores the subject. @internal
 */
export function transientNodes(u: SubjectResult): readonly NodeResult[] {
  const d = Object.getOwnPropertyDescriptor(u, "nodes");
  if (d?.get && SubjectView.isView(u)) return SubjectView.nodes(u, false);
  return u.nodes;
}

const LAZY_NODES: PropertyDescriptor = Object.freeze({
  enumerable: true,
  configurable: true,
  get(this: SubjectView) {
    const nodes = SubjectView.nodes(this, true);
    Object.defineProperty(this, "nodes", { value: nodes, enumerable: true, configurable: true, writable: true });
    return nodes;
  },
  set(this: SubjectView, value: unknown) {
    Object.defineProperty(this, "nodes", { value, enumerable: true, configurable: true, writable: true });
  },
});

/**
 * A rubric's stage tables, as the units read them: row i of each column is subject i
 * (the ref a unit's `nodes` re-scores). Sparse maps hold entries only for the subjects
 * that have one. Only identities and verdicts: the units (and a result whose units are
 * not yet read) keep these, not the subjects' data.
 */
export interface UnitTables {
  readonly ids: readonly string[];
  /** Each subject's name (undefined when none has one). */
  readonly names: readonly (string | undefined)[] | undefined;
  /** Each subject's group (undefined when none has one). */
  readonly groups: readonly (string | undefined)[] | undefined;
  readonly gradeIds: readonly string[];
  /** Places of the rubric's rounding (the score string), or undefined. */
  readonly places: number | undefined;
  readonly noGrade: number;
  readonly total: readonly Dec[];
  readonly grade: Int32Array;
  readonly rawGrade: Int32Array;
  readonly excluded: Uint8Array;
  readonly rank: Int32Array;
  readonly groupRank: Int32Array;
  readonly adjustments: ReadonlyMap<number, readonly AdjustmentState[]>;
  readonly actions: ReadonlyMap<number, readonly { readonly id: string; readonly label: string }[]>;
  readonly tiers: ReadonlyMap<number, { readonly id: string; readonly label: string; readonly followUp?: string }>;
  readonly fired: ReadonlyMap<number, readonly FiredRuleResult[]>;
  readonly notes: ReadonlyMap<number, readonly GradeNote[]>;
}

/** The unit of row i of the tables. */
export function unitView(source: TrailSource, tables: UnitTables, i: number): SubjectResult {
  return new SubjectView(source, tables, i) as unknown as SubjectResult;
}

/** Where the units of a result not yet read come from: the tables, and the rows in unit order. */
interface UnitSource {
  readonly source: TrailSource;
  readonly tables: UnitTables;
  /** Unit k is row order[k]. */
  readonly order: Uint32Array;
}

/** The sources of results whose `units` have not been read yet. */
const unitSources = new WeakMap<object, UnitSource>();

/**
 * Make `result.units` (already a key of `result`, so it keeps its place in the key
 * order) an own enumerable accessor: the first read builds every unit (a view, above)
 * in `order` and replaces the accessor by the array, so JSON.stringify, spreads,
 * structuredClone and toEqual see an ordinary array of units. Until then the result
 * keeps only the tables (identities and verdicts), and a streaming writer can go
 * through the units one at a time without keeping them (unitCursor). @internal
 */
export function defineLazyUnits(result: RubricResult, source: TrailSource, tables: UnitTables, order: Uint32Array): void {
  unitSources.set(result, { source, tables, order });
  Object.defineProperty(result, "units", LAZY_UNITS);
}

const LAZY_UNITS: PropertyDescriptor = Object.freeze({
  enumerable: true,
  configurable: true,
  get(this: RubricResult) {
    const from = unitSources.get(this);
    const units: SubjectResult[] = [];
    if (from) {
      const { source, tables, order } = from;
      for (let k = 0; k < order.length; k++) units.push(new SubjectView(source, tables, order[k]!) as unknown as SubjectResult);
      unitSources.delete(this);
    }
    Object.defineProperty(this, "units", { value: units, enumerable: true, configurable: true, writable: true });
    return units;
  },
  set(this: RubricResult, value: unknown) {
    unitSources.delete(this);
    Object.defineProperty(this, "units", { value, enumerable: true, configurable: true, writable: true });
  },
});

/**
 * The tables and trail source of a result whose `units` have not been read (undefined
 * once they have: the units, which a caller may have changed, are then the result), for
 * a batch figure computed from the columns. @internal
 */
export function unreadUnits(result: RubricResult): { readonly source: TrailSource; readonly tables: UnitTables; readonly order: Uint32Array } | undefined {
  const d = Object.getOwnPropertyDescriptor(result, "units");
  return d?.get ? unitSources.get(result) : undefined;
}

/**
 * The units of a result, one at a time, in their order. A result whose `units` have not
 * been read gives a new unit on each call of `unit(k)`, kept by nothing, and leaves
 * `units` unread (so a writer's memory does not grow with the batch); otherwise it gives
 * the units of the array. `ids` lists the units' ids in the same order without building
 * them. @internal
 */
export interface UnitCursor {
  readonly count: number;
  unit(k: number): SubjectResult;
  id(k: number): string;
  /** The units were built here just now and not changed: every key is the documented one, in order. */
  readonly fresh: boolean;
  /**
   * When `fresh`: the tables the units are read from, and unit k's row in them, so a
   * writer can read a unit's fields from the columns without building it (a unit's
   * fields are those of `new SubjectView(…, tables, row(k))`, see its constructor).
   */
  readonly tables?: UnitTables;
  row(k: number): number;
}

export function unitCursor(result: RubricResult): UnitCursor {
  const from = unreadUnits(result);
  if (from) {
    const { source, tables, order } = from;
    return {
      count: order.length,
      unit: (k) => new SubjectView(source, tables, order[k]!) as unknown as SubjectResult,
      id: (k) => tables.ids[order[k]!]!,
      fresh: true,
      tables,
      row: (k) => order[k]!,
    };
  }
  const units = result.units;
  return { count: units.length, unit: (k) => units[k]!, id: (k) => units[k]!.id, fresh: false, row: (k) => k };
}

/** The trail of one subject from its node scores, in tree order (root first). */
function trailNodes(rubric: CompiledRubric, scores: ReadonlyMap<string, NodeScore>, trail: TrailLevel): NodeResult[] {
  const nodes: NodeResult[] = [];
  const walk = (node: TreeNode, depth: number, parent: string | null) => {
    const score = scores.get(node.id);
    if (!score) return;
    // The root's points are the total (rounded when the rubric declares rounding): the same number as `score`.
    const places = depth === 0 ? (rubric.rounding?.places ?? node.round?.places) : node.round?.places;
    const lost = score.max.minus(score.points);
    const fields: NodeResult = {
      id: node.id,
      label: node.label,
      type: node.type,
      kind: node.type === "item" ? node.method.kind : node.combine,
      depth,
      parent,
      points: format(score.points, places),
      max: format(score.max),
      lost: lost.gt(0) ? format(lost) : "0",
      ...(node.weight ? { weight: format(node.weight) } : {}),
      lines:
        trail === "full"
          ? score.lines.map((l) => {
              const note = l.note();
              const out = { entry: l.entry, label: l.label, amount: format(l.amount), detail: noteText(note) };
              lineNotes.set(out, { note, amount: l.amount });
              return out;
            })
          : [],
    };
    const exact: ExactNode = { points: score.points, max: score.max, lost: lost.gt(0) ? lost : ZERO };
    nodes.push(new NodeRecord(fields, exact) as unknown as NodeResult);
    if (node.type === "group") {
      for (const c of node.children) walk(c, depth + 1, node.id);
      for (const c of node.outside) walk(c, depth + 1, node.id);
    }
  };
  walk(rubric.root, 0, null);
  return nodes;
}

/** The notes behind each line's `detail` and their exact amounts, for explain in any locale. */
const lineNotes = new WeakMap<object, { readonly note: TrailNote; readonly amount: Dec }>();

/** The note (and exact amount) behind a trail line of a result built here. @internal */
export function lineNote(line: NodeResult["lines"][number]): { readonly note: TrailNote; readonly amount: Dec } | undefined {
  return lineNotes.get(line);
}

/** The grade notes of a subject result built here, as data (empty otherwise). @internal */
export function gradeNotesOf(u: SubjectResult): readonly GradeNote[] {
  return SubjectView.notes(u) ?? [];
}

/** The exact total of a subject result (parsed back from `score` when it was built elsewhere). @internal */
export function exactScore(u: SubjectResult): Dec {
  return SubjectView.total(u) ?? dec(u.score);
}

