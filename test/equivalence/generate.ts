/**
 * Random rubric × data cases for the equivalence corpus (issue 9, "Equivalence before
 * deletion"), made by fast-check from one fixed seed so that every case can be
 * regenerated exactly: `generateCases(n)` gives the same n cases on every run (for a
 * given fast-check version; each case's input hash in the recording tells a change of
 * the generator from a change of the engine).
 *
 * A case is one to three rubric texts (a linked set when more than one) and a batch of
 * subjects. The generator builds rubrics that load and data that score most of the
 * time, covering every item kind, combine mode, group option, entry form, rule,
 * quota, tie-breaker, action, tier, rounding mode and missing-value policy; a small
 * share of cases is perturbed on purpose (a broken rubric or a bad value) so that the
 * issues of today's evaluator are recorded too.
 *
 * Written with `fc.gen()`: the structure of the data follows the rubric drawn.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";

/** The generator seed of the recorded corpus. Changing it re-draws every case. */
export const SEED = 20240917;
/** Cases in the recorded corpus. */
export const CASE_COUNT = 1000;

export interface GeneratedCase {
  /** The rubric texts, in the order they are given to safeLoadRubricSet. */
  readonly rubrics: readonly { readonly file: string; readonly text: string }[];
  readonly subjects: readonly Record<string, unknown>[];
  /** What the generator meant to break, if anything (for the counts; not part of the input). */
  readonly perturbation: string | null;
  /** The language features the rubrics use (for the coverage counts; not part of the input). */
  readonly features: readonly string[];
}

type G = fc.GeneratorValue;
type Obj = Record<string, unknown>;

/** decimal.js with its own precision: Decimal.set would change the engine's (it uses decimal.js too). */
const Dx = Decimal.clone({ precision: 50 });
type D = InstanceType<typeof Dx>;
const D0 = new Dx(0);
const dec = (v: number | string | D) => new Dx(v);

/** Random words come from fast-check in chunks (one gen() call per 256 words: far cheaper than one call per draw). */
const WORD = fc.integer({ min: 0, max: 0x7fffffff });
const CHUNK = { minLength: 256, maxLength: 256 } as const;

/** Imperative draws over fast-check's gen(). */
class Draw {
  private words: number[] = [];
  private next = 0;
  constructor(private readonly g: G) {}
  private word(): number {
    if (this.next >= this.words.length) {
      this.words = this.g(fc.array, WORD, CHUNK);
      this.next = 0;
    }
    return this.words[this.next++]!;
  }
  /** A whole number in [min, max] (ranges up to 2^31). */
  int(min: number, max: number): number {
    return min >= max ? min : min + (this.word() % (max - min + 1));
  }
  /** True with probability pct %. */
  chance(pct: number): boolean {
    return pct > 0 && (pct >= 100 || this.int(0, 99) < pct);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /** Pick by weights: [[value, weight], ...]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((a, [, w]) => a + w, 0);
    let r = this.int(0, total - 1);
    for (const [v, w] of items) {
      if (r < w) return v;
      r -= w;
    }
    return items[items.length - 1]![0];
  }
  /** True once in 500. */
  rare(): boolean {
    return this.int(0, 499) === 0;
  }
  /** A decimal in [min, max] with at most `places` decimals, as an exact string. */
  decimal(min: D | number, max: D | number, places: number): string {
    const scale = 10 ** places;
    const lo = Math.ceil(Number(min) * scale - 1e-9);
    const hi = Math.floor(Number(max) * scale + 1e-9);
    if (hi < lo) return dec(min).toFixed();
    const edge = this.int(0, 9);
    return scaled(edge === 0 ? lo : edge === 1 ? hi : this.int(lo, hi), places);
  }
  /** A subset keeping order, at least `least` items. */
  subset<T>(items: readonly T[], least = 0): T[] {
    for (;;) {
      const out = items.filter(() => this.chance(50));
      if (out.length >= least) return out;
    }
  }
}

/** n × 10^-places as the shortest decimal text ("2.5", "3", "-0.25"). */
function scaled(n: number, places: number): string {
  if (places === 0) return String(n);
  const digits = String(Math.abs(n)).padStart(places + 1, "0");
  const text = `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/\.?0+$/, "");
  return n < 0 && text !== "0" ? `-${text}` : text;
}

/** A decimal written in YAML as a number or as a quoted string (both are exact). */
function num(d: Draw, v: D | string | number): number | string {
  const text = dec(v).toFixed();
  return d.chance(25) || String(Number(text)) !== text ? text : Number(text);
}

const ROUNDING_MODES = ["half-up", "half-even", "half-down", "up", "down", "ceil", "floor"] as const;
const MAXIMA = ["1", "2", "2.5", "3", "4", "5", "6", "8", "10", "12", "15", "20", "25", "30", "40", "50", "60", "100"];
const LEVEL_SETS = [
  ["好", "较好", "一般", "差"],
  ["A", "B", "C"],
  ["优", "良", "中", "差"],
  ["yes", "partly", "no"],
] as const;
const GRADE_LABELS = ["优秀", "良好", "一般", "较差", "差"];
const GROUPS = ["north", "south", "机关", "生产"];

// ---------------------------------------------------------------- facts

type FactType = "number" | "boolean" | "text" | "grade" | "rank" | "date";

interface FactChoice {
  readonly ref: string;
  readonly type: FactType;
  /** number facts: a plausible range for literals. */
  readonly lo?: number;
  readonly hi?: number;
  /** whole numbers only (counts, ranks, spans). */
  readonly whole?: boolean;
  /** text facts: values to compare with; grade facts: the scale (ids and labels). */
  readonly values?: readonly string[];
}

/** Stages at which a condition is tested (docs: "Which facts each stage may read"). */
type Stage = "tree" | "requires" | "veto" | "late" | "tie";

interface RubricCtx {
  readonly d: Draw;
  readonly p: string;
  readonly id: string;
  /** Condition inputs declared by this rubric. */
  readonly inputFacts: FactChoice[];
  /** Earlier rubrics of the set, readable through rubric.<id>.*. */
  readonly linkable: readonly LinkTarget[];
  /** Nodes finished so far in the tree walk (readable by later `only` / `when`), with their max. */
  readonly finished: { id: string; max: number; adjust: boolean }[];
  /** Every node (for facts read after the tree). */
  readonly allNodes: { id: string; max: number; adjust: boolean; root: boolean }[];
  /** Declared inputs (name → declaration). */
  readonly inputs: Obj;
  /** Column generators: each adds its columns to a subject row. */
  readonly columns: ((d: Draw, row: Obj, i: number, n: number) => void)[];
  /** Grades (ids, then labels), set after the tree. */
  grades: { id: string; label?: string }[];
  rootMax: number;
  counter: number;
  /** The total can exceed the root's full mark (bonus outside, adjust, outside nodes). */
  mayExceed: boolean;
  hasAsOf: boolean;
}

interface LinkTarget {
  readonly id: string;
  readonly max: number;
  readonly mayExceed: boolean;
  readonly grades: readonly { id: string; label?: string }[];
}

function gradeNames(grades: readonly { id: string; label?: string }[], d: Draw, count = 1): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const g = d.pick(grades);
    out.push(g.label !== undefined && d.chance(30) ? g.label : g.id);
  }
  return out;
}

/** The facts a condition at `stage` may read. */
function factsAt(ctx: RubricCtx, stage: Stage): FactChoice[] {
  const out: FactChoice[] = [...ctx.inputFacts];
  out.push({ ref: "group", type: "text", values: GROUPS.slice(0, 3) });
  for (const t of ctx.linkable) {
    out.push({ ref: `rubric.${t.id}.score`, type: "number", lo: 0, hi: t.max });
    out.push({ ref: `rubric.${t.id}.grade`, type: "grade", values: t.grades.map((g) => g.id) });
    out.push({ ref: `rubric.${t.id}.rank`, type: "rank" });
    out.push({ ref: `rubric.${t.id}.excluded`, type: "boolean" });
  }
  const nodes = stage === "tree" ? ctx.finished : ctx.allNodes;
  for (const n of nodes) {
    out.push({ ref: `score.${n.id}`, type: "number", lo: n.adjust ? -5 : 0, hi: n.adjust ? 5 : n.max });
    if (!n.adjust && n.max > 0) out.push({ ref: `ratio.${n.id}`, type: "number", lo: 0, hi: 1 });
  }
  if (stage !== "tree") {
    out.push({ ref: "total", type: "number", lo: 0, hi: ctx.rootMax });
    out.push({ ref: "zeroItems", type: "number", lo: 0, hi: 3, whole: true });
  }
  if (stage === "veto" || stage === "late" || stage === "tie") {
    const scale = ctx.grades.flatMap((g) => [g.id, ...(g.label !== undefined ? [g.label] : [])]);
    out.push({ ref: "grade", type: "grade", values: scale }, { ref: "rawGrade", type: "grade", values: scale });
  }
  if (stage === "late") out.push({ ref: "rank", type: "rank" }, { ref: "groupRank", type: "rank" });
  return out;
}

function literal(d: Draw, f: FactChoice): number | string {
  const lo = f.lo ?? 0;
  const hi = f.hi ?? 10;
  if (f.whole) return d.int(Math.floor(lo), Math.ceil(hi));
  if (f.hi !== undefined && f.hi <= 1 && f.lo !== undefined && f.lo >= 0 && d.chance(50)) return `${d.int(0, 100)}%`;
  return num(d, d.decimal(dec(lo), dec(hi), d.pick([0, 0, 1, 2])));
}

const DATES = ["2023-01-15", "2023-12-31", "2024-01-01", "2024-06-30", "2024/3/1", "2024年2月29日", "2022-12-31"];

function comparison(d: Draw, f: FactChoice): Obj | string {
  switch (f.type) {
    case "boolean":
      return d.weighted<Obj | string>([
        [f.ref, 4],
        [{ fact: f.ref, is: d.chance(70) }, 2],
        [{ fact: f.ref, eq: d.chance(50) }, 1],
        [{ fact: f.ref, ne: d.chance(50) }, 1],
      ]);
    case "number": {
      const op = d.pick(["lt", "lte", "gt", "gte", "gte", "eq", "ne", "between", "in", "notIn"] as const);
      const lo = Math.floor(f.lo ?? 0);
      const hi = Math.ceil(f.hi ?? 10);
      if (op === "between") {
        const [a, b] = [dec(d.decimal(dec(lo), dec(hi), 1)), dec(d.decimal(dec(lo), dec(hi), 1))];
        return { fact: f.ref, between: (a.lte(b) ? [a, b] : [b, a]).map((v) => num(d, v)) };
      }
      if (op === "in" || op === "notIn") return { fact: f.ref, [op]: Array.from({ length: d.int(1, 3) }, () => d.int(lo, hi)) };
      return { fact: f.ref, [op]: literal(d, f) };
    }
    case "text": {
      const values = f.values ?? ["x"];
      const op = d.pick(["eq", "ne", "in", "notIn"] as const);
      return op === "in" || op === "notIn" ? { fact: f.ref, [op]: d.subset(values, 1) } : { fact: f.ref, [op]: d.pick(values) };
    }
    case "grade": {
      const values = f.values ?? [];
      const op = d.pick(["eq", "ne", "in", "notIn", "worseThan", "betterThan", "atLeast", "atMost"] as const);
      return op === "in" || op === "notIn" ? { fact: f.ref, [op]: d.subset(values, 1) } : { fact: f.ref, [op]: d.pick(values) };
    }
    case "rank": {
      const op = d.pick(["top", "bottom", "top", "bottom", "eq", "lt", "lte", "gt", "gte", "ne"] as const);
      if (op === "top" || op === "bottom") return { fact: f.ref, [op]: d.chance(50) ? d.int(1, 5) : `${d.pick([10, 20, 25, 50, 100])}%` };
      return { fact: f.ref, [op]: d.int(1, 8) };
    }
    case "date": {
      const op = d.pick(["lt", "lte", "gt", "gte", "eq", "ne", "between"] as const);
      if (op === "between") return { fact: f.ref, between: ["2023-01-01", "2024-06-30"] };
      return { fact: f.ref, [op]: d.pick(DATES) };
    }
  }
}

function condition(ctx: RubricCtx, stage: Stage, depth = 0): Obj | string {
  const d = ctx.d;
  const facts = factsAt(ctx, stage);
  const kind = depth >= 2 ? "cmp" : d.weighted([
    ["cmp", 12],
    ["all", 2],
    ["any", 2],
    ["not", 1],
  ] as const);
  if (kind === "cmp") return comparison(d, d.pick(facts));
  if (kind === "not") return { not: condition(ctx, stage, depth + 1) };
  const parts = Array.from({ length: d.int(1, 3) }, () => condition(ctx, stage, depth + 1));
  return { [kind]: parts };
}

// ---------------------------------------------------------------- condition inputs

function declareConditionInputs(ctx: RubricCtx): void {
  const { d, p } = ctx;
  const add = (name: string, decl: Obj, fact: FactChoice, column: (d: Draw, row: Obj) => void) => {
    ctx.inputs[name] = decl;
    ctx.inputFacts.push(fact);
    ctx.columns.push((dd, row) => column(dd, row));
  };
  const name = (s: string) => `${p}${s}`;
  // A boolean: default false, required, or optional without a default.
  if (d.chance(80)) {
    const mode = d.pick(["default", "default", "required", "optional"] as const);
    const decl: Obj = { type: "boolean", ...(mode === "default" ? { default: false } : mode === "optional" ? { required: false } : {}), ...(d.chance(20) ? { label: `${p}违规` } : {}) };
    const key = name("flag");
    add(key, decl, { ref: `input.${key}`, type: "boolean" }, (dd, row) => {
      if (mode !== "required" && dd.chance(40)) return;
      row[(decl.label as string | undefined) && dd.chance(50) ? (decl.label as string) : key] = dd.pick([true, false, false, "true", "false", "是", "否", 1, 0, "yes", "no"]);
    });
  }
  if (d.chance(60)) {
    const key = name("cnt");
    const mode = d.pick(["default", "zero", "required"] as const);
    const decl: Obj = { type: "count", ...(d.chance(50) ? { max: 5 } : {}), ...(mode === "default" ? { default: 0 } : mode === "zero" ? { missing: "zero" } : {}) };
    add(key, decl, { ref: `input.${key}`, type: "number", lo: 0, hi: 4, whole: true }, (dd, row) => {
      if (mode !== "required" && dd.chance(30)) return;
      row[key] = dd.chance(50) ? dd.int(0, 5) : String(dd.int(0, 3));
    });
  }
  if (d.chance(50)) {
    const key = name("dom");
    const values = ["village", "organ", "soe"];
    add(key, { type: "choice", values }, { ref: `input.${key}`, type: "text", values }, (dd, row) => {
      row[key] = dd.pick(values);
    });
  }
  if (d.chance(50)) {
    const key = name("biz");
    const scale = ["A", "B", "C", "D"];
    const hasDefault = d.chance(30);
    add(key, { type: "grade", scale, ...(hasDefault ? { default: "B" } : {}) }, { ref: `input.${key}`, type: "grade", values: scale }, (dd, row) => {
      if (hasDefault && dd.chance(30)) return;
      row[key] = dd.pick(scale);
    });
  }
  if (d.chance(40)) {
    const key = name("rate");
    add(key, { type: "ratio" }, { ref: `input.${key}`, type: "number", lo: 0, hi: 1 }, (dd, row) => {
      row[key] = dd.chance(50) ? `${dd.decimal(dec(0), dec(100), 1)}%` : dd.decimal(dec(0), dec(1), 3);
    });
  }
  if (d.chance(30)) {
    const key = name("since");
    ctx.hasAsOf = true;
    add(key, { type: "date", ...(d.chance(20) ? { label: `${p}组建日期` } : {}) }, { ref: `input.${key}`, type: "date" }, (dd, row) => {
      row[key] = dd.pick(["2023-01-15", "2023-12-31", "2024-01-01", "2024-02-29", "2024/6/30", "2024年1月31日", "2022-05-20"]);
    });
    ctx.inputFacts.push({ ref: `monthsSince.${key}`, type: "number", lo: 0, hi: 24, whole: true });
    ctx.inputFacts.push({ ref: `daysSince.${key}`, type: "number", lo: 0, hi: 700, whole: true });
  }
  if (d.chance(30)) {
    const key = name("prev");
    add(key, { type: "rank" }, { ref: `input.${key}`, type: "rank" }, (dd, row, ) => {
      const of = dd.int(5, 40);
      row[key] = dd.chance(70) ? `${dd.int(1, of)}/${of}` : { rank: dd.int(1, of), of };
    });
  }
  if (d.chance(20)) {
    const key = name("memo");
    const values = ["甲", "乙", "丙"];
    add(key, { type: "text" }, { ref: `input.${key}`, type: "text", values }, (dd, row) => {
      row[key] = dd.pick(values);
    });
  }
}

// ---------------------------------------------------------------- tree

interface Built {
  readonly node: Obj;
  /** Full mark (分值); 0 for adjust. */
  readonly max: D;
  /** The full mark is a terminating decimal (it can be declared as `max`). */
  readonly exact: boolean;
  readonly approxMax: number;
  readonly adjust: boolean;
  /** Points may exceed the full mark, or the node adds points outside it. */
  readonly exceeds: boolean;
}

const ITEM_KINDS = ["input", "yesno", "levels", "deduct", "bonus", "adjust", "ratio", "scale", "bands", "rank", "panel", "votes", "periods", "carry", "linked"] as const;
type ItemKind = (typeof ITEM_KINDS)[number];

function nextId(ctx: RubricCtx, what: string): string {
  ctx.counter++;
  return `${ctx.p}${what}${ctx.counter}`;
}

/** Common node keys: label, only, round. */
function nodeExtras(ctx: RubricCtx, node: Obj, allowOnly: boolean): void {
  const d = ctx.d;
  if (d.chance(30)) node.label = `${d.pick(["学习", "组织", "作风", "纪律", "制度", "述职"])}${ctx.counter}`;
  if (allowOnly && d.chance(8)) node.only = condition(ctx, "tree");
  if (d.chance(10)) node.round = { places: d.int(0, 2), ...(d.chance(70) ? { mode: d.pick(ROUNDING_MODES) } : {}) };
}

function missingPolicy(d: Draw, allowed: readonly ("error" | "zero" | "skip")[]): "error" | "zero" | "skip" | undefined {
  if (!d.chance(25)) return undefined;
  return d.pick(allowed);
}

/** Whether a subject leaves out a value under the item's policy. */
function leaveOut(d: Draw, policy: string | undefined): boolean {
  return policy !== undefined && policy !== "error" && d.chance(20);
}

/** One deduction or bonus entry; `policy` is the item's missing-value policy for the inputs it reads. */
function entry(ctx: RubricCtx, itemId: string, index: number, sign: "deduct" | "add", policy: string | undefined): Obj {
  const d = ctx.d;
  const id = `e${index}`;
  const form = d.weighted([
    ["when", 3],
    ["per", 3],
    ["shortfall", 2],
    ["records", 2],
    ["chosen", 2],
  ] as const);
  const points = dec(d.pick(["0.5", "1", "2", "0.25", "3", "1.5"]));
  const e: Obj = { id };
  if (d.chance(20)) e.label = `${sign === "deduct" ? "扣分" : "加分"}${index}`;
  switch (form) {
    case "when":
      e.when = condition(ctx, "tree");
      e.points = num(d, points);
      break;
    case "per": {
      const input = `${itemId}_${id}`;
      e.per = input;
      e.points = num(d, points);
      ctx.columns.push((dd, row) => {
        if (leaveOut(dd, policy)) return;
        row[input] = dd.chance(80) ? dd.int(0, 4) : dd.decimal(dec(0), dec(3), 1);
      });
      break;
    }
    case "shortfall": {
      const input = `${itemId}_${id}`;
      const required = d.int(1, 6);
      e.shortfall = { input, required: num(d, required) };
      e.points = num(d, points);
      ctx.columns.push((dd, row) => {
        if (leaveOut(dd, policy)) return;
        row[input] = dd.int(0, required + 1);
      });
      break;
    }
    case "records": {
      const input = `${itemId}_${id}`;
      const table = d.chance(60);
      const keys = ["轻", "中", "重"];
      if (table) {
        const values = keys.map(() => d.pick(["0.5", "1", "2", "3"]));
        e.points = { by: "level", table: Object.fromEntries(keys.map((k, i) => [k, num(d, values[i]!)])), ...(d.chance(30) ? { cumulative: true } : {}) };
      } else e.points = num(d, points);
      e.records = input;
      const times = d.chance(30);
      const split = d.chance(25);
      const dedup = d.chance(35);
      if (times) e.times = "times";
      if (split) e.split = "authors";
      if (dedup) e.dedup = { key: d.chance(70) ? ["case"] : ["case", "dept"], ...(d.chance(70) ? { keep: d.pick(["max", "min", "first", "sum"]) } : {}) };
      const keyFields = dedup ? ((e.dedup as { key: string[] }).key) : [];
      ctx.columns.push((dd, row) => {
        const n = dd.int(0, 3);
        if (n === 0 && dd.chance(50)) return;
        const list = Array.from({ length: n }, () => {
          const r: Obj = {};
          if (table) r.level = dd.pick(keys);
          for (const k of keyFields) r[k] = dd.pick(k === "case" ? ["c1", "c2"] : ["财务部", "人事部"]);
          if (times) r.times = dd.int(1, 3);
          if (split) r.authors = dd.int(1, 3);
          return r;
        });
        row[input] = dd.chance(50) ? JSON.stringify(list) : list;
      });
      break;
    }
    case "chosen": {
      const input = `${itemId}_${id}`;
      const lo = d.int(0, 2);
      const hi = lo + d.int(0, 3);
      e.chosen = input;
      e.range = [num(d, lo), num(d, hi)];
      ctx.columns.push((dd, row) => {
        if (leaveOut(dd, policy)) return;
        const k = dd.int(0, 2);
        const values = Array.from({ length: k }, () => dd.decimal(dec(lo), dec(hi), 1));
        const form = dd.int(0, 3);
        row[input] = k === 0 ? "[]" : form === 0 ? values.join(";") : form === 1 ? values.map(Number) : form === 2 && k === 1 ? values[0] : JSON.stringify(values.map(Number));
      });
      break;
    }
  }
  if (d.chance(20)) e.max = num(d, d.pick(["1", "2", "0.5", "3"]));
  return e;
}

/** Whether entries read an input themselves (per, shortfall, chosen): only then may the item say what a missing one means. */
function readsInput(entries: readonly Obj[]): boolean {
  return entries.some((e) => e.per !== undefined || e.shortfall !== undefined || e.chosen !== undefined);
}

function maxOf(d: Draw): D {
  return dec(d.pick(MAXIMA));
}

function item(ctx: RubricCtx, kind: ItemKind, inSum: boolean): Built {
  const d = ctx.d;
  const id = nextId(ctx, "n");
  const node: Obj = { id, kind };
  let max = kind === "adjust" ? D0 : maxOf(d);
  let exceeds = false;
  switch (kind) {
    case "input": {
      const declare = d.chance(35);
      const places = d.chance(30) ? d.int(0, 2) : undefined;
      let column = id;
      let clamp = false;
      if (declare) {
        const decl: Obj = { type: "number", min: 0, max: num(d, max) };
        if (places !== undefined) decl.places = places;
        if (d.chance(30)) {
          decl.label = `${id}得分`;
          column = decl.label as string;
        }
        if (d.chance(20)) {
          decl.clamp = true;
          clamp = true;
        }
        if (d.chance(15)) decl.missing = d.pick(["zero", "skip"]);
        ctx.inputs[id] = decl;
      }
      const policy = declare ? (ctx.inputs[id] as Obj).missing === undefined ? missingPolicy(d, ["error", "zero", "skip"]) : undefined : missingPolicy(d, ["error", "zero", "skip"]);
      if (policy) node.missing = policy;
      const effective = policy ?? (declare ? ((ctx.inputs[id] as Obj).missing as string | undefined) : undefined);
      ctx.columns.push((dd, row) => {
        if (leaveOut(dd, effective)) return;
        const key = column !== id && dd.chance(30) ? id : column;
        const v = clamp && dd.chance(20) ? (dd.chance(50) ? max.plus(5).toFixed() : "-1") : dd.decimal(D0, max, places ?? dd.pick([0, 1, 2]));
        row[key] = dd.chance(50) ? Number(v) : v;
      });
      break;
    }
    case "yesno": {
      if (d.chance(30)) node.yes = num(d, d.decimal(D0, max, 1));
      if (d.chance(30)) node.no = num(d, d.decimal(D0, max, 1));
      const policy = d.chance(15) ? "skip" : undefined;
      if (policy) node.missing = policy;
      ctx.columns.push((dd, row) => {
        if (leaveOut(dd, policy)) return;
        row[id] = dd.pick([true, false, "true", "false", "是", "否", 1, 0, "yes", "no", "Y", "n"]);
      });
      break;
    }
    case "levels": {
      const names = d.pick(LEVEL_SETS);
      const shares = d.chance(30);
      const levels: Obj = {};
      let prev = 100;
      names.forEach((n, i) => {
        const pct = i === 0 ? (d.chance(80) ? 100 : d.int(50, 100)) : i === names.length - 1 && d.chance(60) ? 0 : d.int(0, prev);
        prev = pct;
        levels[n] = shares ? `${pct}%` : num(d, max.times(pct).div(100).toDecimalPlaces(2, Dx.ROUND_DOWN));
      });
      node.levels = levels;
      const policy = d.chance(15) ? "skip" : undefined;
      if (policy) node.missing = policy;
      ctx.columns.push((dd, row) => {
        if (leaveOut(dd, policy)) return;
        row[id] = dd.pick(names);
      });
      break;
    }
    case "deduct": {
      node.max = num(d, max);
      if (d.chance(20)) node.base = num(d, d.decimal(max.div(2), max, 1));
      if (d.chance(25)) node.floor = num(d, d.chance(50) ? d.decimal(dec(-5), dec(0), 0) : d.decimal(D0, max.div(2), 1));
      if (node.floor !== undefined && dec(node.floor as string).gt(dec((node.base as string | undefined) ?? max))) delete node.floor;
      if (d.chance(15)) node.zeroIf = condition(ctx, "tree");
      const policy = missingPolicy(d, ["zero", "skip", "error"]);
      node.deductions = Array.from({ length: d.int(1, 3) }, (_, i) => entry(ctx, id, i + 1, "deduct", policy));
      if (policy && readsInput(node.deductions as Obj[])) node.missing = policy;
      break;
    }
    case "bonus": {
      const policy = missingPolicy(d, ["zero", "skip", "error"]);
      const additions = Array.from({ length: d.int(1, 3) }, (_, i) => entry(ctx, id, i + 1, "add", policy));
      node.additions = additions;
      if (d.chance(30)) {
        node.outside = [entry(ctx, id, 9, "add", policy)];
        exceeds = true;
      }
      if (policy && readsInput([...additions, ...((node.outside as Obj[] | undefined) ?? [])])) node.missing = policy;
      break;
    }
    case "adjust": {
      const policy = missingPolicy(d, ["zero", "skip", "error"]);
      const additions = d.chance(60) ? Array.from({ length: d.int(1, 2) }, (_, i) => entry(ctx, id, i + 1, "add", policy)) : [];
      const deductions = additions.length === 0 || d.chance(50) ? Array.from({ length: d.int(1, 2) }, (_, i) => entry(ctx, id, i + 5, "deduct", policy)) : [];
      if (policy && readsInput([...additions, ...deductions])) node.missing = policy;
      if (additions.length) node.additions = additions;
      if (deductions.length) node.deductions = deductions;
      if (d.chance(30)) node.cap = num(d, d.int(0, 5));
      if (d.chance(30)) node.floor = num(d, -d.int(0, 10));
      exceeds = additions.length > 0;
      break;
    }
    case "ratio": {
      if (d.chance(40)) {
        const [a, b] = [`${id}_num`, `${id}_den`];
        node.numerator = a;
        node.denominator = b;
        ctx.columns.push((dd, row) => {
          const den = dd.rare() ? 0 : dd.int(1, 20);
          row[b] = den;
          row[a] = dd.int(0, den);
        });
      } else {
        const policy = missingPolicy(d, ["zero", "skip"]);
        if (policy) node.missing = policy;
        ctx.columns.push((dd, row) => {
          if (leaveOut(dd, policy)) return;
          row[id] = dd.chance(50) ? `${dd.decimal(D0, dec(100), 2)}%` : dd.decimal(D0, dec(1), 4);
        });
      }
      break;
    }
    case "scale": {
      const percent = d.chance(60);
      const unit = percent ? `${d.pick([1, 5, 10])}%` : d.pick(["1", "0.5", "2"]);
      const target = percent ? dec(d.pick([30, 50, 55, 60])).div(100) : dec(d.int(3, 10));
      const targetInput = d.chance(20);
      if (targetInput) {
        node.targetInput = `${id}_target`;
        ctx.columns.push((dd, row) => {
          row[`${id}_target`] = dd.decimal(target.times(0.8), target.times(1.2), 2);
        });
      } else node.target = percent ? `${target.times(100).toFixed()}%` : num(d, target);
      if (d.chance(50)) node.base = num(d, d.decimal(D0, max, 1));
      node.unit = d.chance(50) && !percent ? num(d, unit) : unit;
      node.points = num(d, d.pick(["0.5", "1", "0.25", "2"]));
      node.above = d.pick(["add", "deduct", "none"]);
      node.below = d.pick(["add", "deduct", "none"]);
      if (d.chance(60)) node.steps = d.pick(["whole", "exact", "started"]);
      if (d.chance(20)) node.floor = num(d, d.decimal(D0, max.div(2), 1));
      if (d.chance(25) && !targetInput) node.zeroBelow = percent ? `${target.times(100).minus(d.int(0, 20)).toFixed()}%` : num(d, target.minus(d.int(0, 2)));
      const policy = missingPolicy(d, ["zero", "skip"]);
      if (policy) node.missing = policy;
      ctx.columns.push((dd, row) => {
        if (leaveOut(dd, policy)) return;
        row[id] = percent ? `${dd.decimal(D0, dec(100), 1)}%` : dd.decimal(D0, target.times(2), 2);
      });
      break;
    }
    case "bands": {
      const count = d.int(1, 3);
      let bound = d.int(6, 15);
      const bands: Obj[] = [];
      let points = max;
      for (let i = 0; i < count; i++) {
        const b: Obj = d.chance(70) ? { min: bound } : { above: bound };
        b.points = num(d, points);
        bands.push(b);
        bound -= d.int(1, 4);
        points = dec(d.decimal(D0, points, 1));
      }
      node.bands = bands;
      if (d.chance(40)) node.otherwise = num(d, d.decimal(D0, points, 1));
      const policy = missingPolicy(d, ["zero", "skip"]);
      if (policy) node.missing = policy;
      ctx.columns.push((dd, row) => {
        if (leaveOut(dd, policy)) return;
        row[id] = dd.chance(70) ? dd.int(0, 16) : dd.decimal(D0, dec(16), 1);
      });
      break;
    }
    case "rank": {
      const mode = d.pick(["points", "percentiles", "proportional"] as const);
      if (mode === "points") {
        const pts: (number | string)[] = [];
        let p = max;
        for (let i = d.int(1, 5); i > 0; i--) {
          pts.push(num(d, p));
          p = dec(d.decimal(D0, p, 1));
        }
        node.points = pts;
      } else if (mode === "percentiles") {
        node.percentiles = [
          { top: `${d.pick([5, 10, 20])}%`, points: num(d, max) },
          ...(d.chance(60) ? [{ top: d.pick(["50%", 0.5, "40%"]), points: num(d, max.div(2)) }] : []),
        ];
      } else node.proportional = { top: d.int(1, 5) };
      if (d.chance(40)) node.order = d.pick(["desc", "asc"]);
      if (d.chance(30)) node.otherwise = num(d, d.decimal(D0, max.div(4), 1));
      ctx.columns.push((dd, row) => {
        row[id] = dd.chance(80) ? dd.int(1, 9) : dd.decimal(D0, dec(9), 1);
      });
      break;
    }
    case "panel": {
      max = dec(d.pick(["10", "20", "100"]));
      const groups = d.chance(25) ? [{ id: "main", weight: "30%" }, { id: "others", weight: "70%" }] : undefined;
      if (groups) node.groups = d.chance(50) ? groups : groups.map((g, i) => ({ ...g, weight: [1, 2][i] }));
      const trim = d.chance(40);
      if (trim) {
        const drop = d.chance(80) ? 1 : 2;
        const t: Obj = {};
        if (drop !== 1 || d.chance(30)) t.drop = drop;
        const how = d.pick(["above", "minScores", "none"] as const);
        if (how === "above") t.above = 2 * drop + d.int(0, 3);
        else if (how === "minScores") t.minScores = 2 * drop + 1 + d.int(0, 3);
        node.trim = t;
      }
      const places = d.chance(25) ? d.int(0, 1) : undefined;
      if (places !== undefined) node.places = places;
      const ballots = d.chance(25);
      if (ballots) {
        if (d.chance(70)) node.invalidBallots = d.subset(["same-score", "all-full"], 1);
        if (d.chance(50)) node.ballotLimits = [{ gte: num(d, max.times(0.9)), most: d.int(2, 6) }];
      }
      const policy = d.chance(15) ? "skip" : undefined;
      if (policy) node.missing = policy;
      const raters = ["r1", "r2", "r3", "r4", "r5", "r6", "r7"].slice(0, d.int(3, 7));
      const inputs = groups ? groups.map((g) => `${id}_${g.id}`) : [id];
      ctx.columns.push((dd, row) => {
        if (leaveOut(dd, policy)) return;
        for (const input of inputs) {
          const score = () => dd.decimal(max.times(0.5), max, places ?? 1);
          if (ballots || dd.chance(30)) {
            const sheet: Obj = {};
            for (const r of raters) if (!dd.chance(10)) sheet[r] = dd.chance(50) ? Number(score()) : score();
            if (Object.keys(sheet).length === 0) sheet.r1 = score();
            if (dd.chance(50)) row[input] = sheet;
            else for (const [r, v] of Object.entries(sheet)) row[`${input}.${r}`] = v;
          } else {
            const list = Array.from({ length: dd.int(1, 7) }, score);
            const form = dd.int(0, 2);
            row[input] = form === 0 ? list.map(Number) : form === 1 ? list.join(";") : list.length === 1 ? list[0] : JSON.stringify(list.map(Number));
          }
        }
      });
      break;
    }
    case "votes": {
      const names = d.pick(LEVEL_SETS);
      const coefficients: Obj = {};
      names.forEach((n, i) => (coefficients[n] = num(d, i === 0 ? 1 : d.pick(["0.8", "0.6", "0.5", "0", "0.4"]))));
      node.coefficients = coefficients;
      const denominator = d.chance(60) ? d.pick(["valid", "valid-and-abstain", "returned", "issued"]) : undefined;
      if (denominator) node.denominator = denominator;
      ctx.columns.push((dd, row) => {
        const v: Obj = {};
        let total = 0;
        for (const n of names) {
          const c = dd.int(0, 12);
          total += c;
          v[n] = dd.chance(70) ? c : String(c);
        }
        if (total === 0) v[names[0]!] = 1;
        const abstain = dd.chance(50) ? dd.int(0, 3) : 0;
        const invalid = dd.chance(50) ? dd.int(0, 2) : 0;
        if (abstain) v.abstain = abstain;
        if (invalid) v.invalid = invalid;
        if (denominator === "issued" || dd.chance(20)) v.issued = total + abstain + invalid + dd.int(0, 3) + (total === 0 ? 1 : 0);
        if (dd.chance(50)) row[id] = v;
        else for (const [k, c] of Object.entries(v)) row[`${id}.${k}`] = c;
      });
      break;
    }
    case "periods": {
      const count = d.pick([2, 3, 4, 4, 12]);
      const sum = d.chance(40);
      if (sum) node.aggregate = "sum";
      else if (d.chance(30)) node.aggregate = "mean";
      node.count = count;
      const periodMax = sum ? max.div(count) : max;
      if (d.chance(30) && periodMax.decimalPlaces() <= 4) node.periodMax = num(d, periodMax);
      ctx.columns.push((dd, row) => {
        const values = Array.from({ length: count }, () => dd.decimal(D0, periodMax, 1));
        if (dd.chance(50)) row[id] = values.map(Number);
        else values.forEach((v, i) => (row[`${id}.${i + 1}`] = v));
      });
      break;
    }
    case "carry": {
      const share = d.pick(["20%", "50%", "100%", "0.25", "1/4"]);
      const shareValue = share === "1/4" ? dec(0.25) : share.endsWith("%") ? dec(share.slice(0, -1)).div(100) : dec(share);
      node.share = share === "1/4" ? "25%" : share.endsWith("%") ? share : num(d, share);
      const limit = max.div(shareValue);
      const policy = missingPolicy(d, ["zero", "skip"]);
      if (policy) node.missing = policy;
      ctx.columns.push((dd, row) => {
        if (leaveOut(dd, policy)) return;
        row[id] = dd.decimal(D0, limit, 1);
      });
      break;
    }
    case "linked": {
      const target = d.pick(ctx.linkable);
      node.rubric = target.id;
      const full = dec(target.max);
      if (!target.mayExceed && d.chance(40) && full.lte(max)) {
        // points = the other's total, at most its full mark ≤ this max
      } else node.scaleFrom = num(d, target.mayExceed ? full.times(2) : full);
      break;
    }
  }
  if (kind !== "adjust" && kind !== "deduct") node.max = num(d, max);
  if (kind === "deduct") node.max = num(d, max);
  nodeExtras(ctx, node, true);
  // `only` in a sum group only: in a weighted group a variant would leave the weights short.
  if (node.only && !inSum) delete node.only;
  return { node, max, exact: true, approxMax: max.toNumber(), adjust: kind === "adjust", exceeds: exceeds || kind === "adjust" };
}

type Combine = "sum" | "weighted" | "mean" | "max" | "min";

function pickKind(ctx: RubricCtx, combine: Combine, outside: boolean): ItemKind {
  const d = ctx.d;
  const kinds: [ItemKind, number][] = [
    ["input", 6],
    ["yesno", 4],
    ["levels", 4],
    ["deduct", 6],
    ["bonus", 3],
    ["adjust", combine === "sum" || outside ? 3 : 0],
    ["ratio", 3],
    ["scale", 3],
    ["bands", 3],
    ["rank", 2],
    ["panel", 3],
    ["votes", 2],
    ["periods", 2],
    ["carry", 2],
    ["linked", ctx.linkable.length > 0 ? 12 : 0],
  ];
  return d.weighted(kinds.filter(([, w]) => w > 0));
}

/** Weights of `n` children: percentages, fractions or ratios. */
function weights(d: Draw, n: number): { values: (string | number)[]; raw: D[] } {
  const style = d.weighted([
    ["percent", 5],
    ["fraction", 2],
    ["ratio", 3],
  ] as const);
  if (style === "ratio") {
    const raw = Array.from({ length: n }, () => dec(d.int(1, 6)));
    if (raw.every((w) => w.lt(1))) raw[0] = dec(1);
    return { values: raw.map((w) => num(d, w)), raw };
  }
  // Split 100 (or 20 twentieths) into n positive parts.
  const units = style === "percent" ? 20 : 20;
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(d.int(1, units - 1));
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), units];
  const parts = sorted.slice(1).map((c, i) => c - sorted[i]!);
  const raw = parts.map((p) => dec(p).div(units));
  return { values: style === "percent" ? raw.map((w) => `${w.times(100).toFixed()}%`) : raw.map((w) => num(d, w)), raw };
}

function group(ctx: RubricCtx, depth: number, isRoot: boolean, parentCombine: Combine | null): Built {
  const d = ctx.d;
  const id = isRoot ? (d.chance(60) ? undefined : `${ctx.p}root`) : nextId(ctx, "g");
  const combine: Combine = d.weighted([
    ["sum", 8],
    ["weighted", 6],
    ["mean", 2],
    ["max", 2],
    ["min", 2],
  ] as const);
  const node: Obj = { ...(id ? { id } : {}) };
  if (combine !== "sum" || d.chance(30)) node.combine = combine;
  const n = isRoot ? d.int(2, 4) : d.int(1, 3);
  // Nodes finished before this group starts: the only ones its own `only` may read.
  const finishedBefore = ctx.finished.length;
  const children: Built[] = [];
  let anyOnly = false;
  for (let i = 0; i < n; i++) {
    const sub = depth < 2 && d.chance(isRoot ? 35 : 15);
    const built = sub ? group(ctx, depth + 1, false, combine) : item(ctx, pickKind(ctx, combine, false), combine === "sum");
    if (built.node.only !== undefined) {
      if (combine !== "sum" || anyOnly) delete built.node.only;
      else anyOnly = true;
    }
    children.push(built);
    ctx.finished.push({ id: built.node.id as string, max: built.approxMax, adjust: built.adjust });
    ctx.allNodes.push({ id: built.node.id as string, max: built.approxMax, adjust: built.adjust, root: false });
  }
  if (children.every((c) => c.adjust || c.max.isZero())) {
    const extra = item(ctx, "input", combine === "sum");
    children.push(extra);
    ctx.finished.push({ id: extra.node.id as string, max: extra.approxMax, adjust: false });
    ctx.allNodes.push({ id: extra.node.id as string, max: extra.approxMax, adjust: false, root: false });
  }
  let full: D;
  let exact = true;
  const maxes = children.map((c) => c.max);
  switch (combine) {
    case "sum": {
      const uncond = children.filter((c) => c.node.only === undefined).map((c) => c.max);
      const cond = children.filter((c) => c.node.only !== undefined).map((c) => c.max);
      full = uncond.reduce((a, b) => a.plus(b), D0).plus(cond.reduce((a, b) => Dx.max(a, b), D0));
      break;
    }
    case "weighted": {
      const w = weights(d, children.length);
      children.forEach((c, i) => (c.node.weight = w.values[i]));
      const total = w.raw.reduce((a, b) => a.plus(b), D0);
      const num_ = maxes.reduce((a, m, i) => a.plus(m.times(w.raw[i]!)), D0);
      full = num_.div(total);
      exact = full.times(total).eq(num_) && full.decimalPlaces() < 20;
      break;
    }
    case "mean":
    case "max":
      full = maxes.reduce((a, b) => Dx.max(a, b), D0);
      break;
    case "min":
      full = maxes.reduce((a, b) => Dx.min(a, b));
      break;
  }
  node.children = children.map((c) => c.node);
  exact = exact && children.every((c) => c.exact);
  let exceeds = children.some((c) => c.exceeds);
  if (d.chance(12)) {
    const cap = dec(d.decimal(full.times(0.5), full, 0));
    node.cap = num(d, cap);
    if (cap.lt(full)) exact = true;
    full = Dx.min(full, cap);
    exceeds = false;
  }
  if (d.chance(12)) {
    const floor = d.chance(50) ? dec(-d.int(0, 5)) : dec(d.decimal(D0, full.div(3), 0));
    node.floor = num(d, node.cap !== undefined ? Dx.min(floor, dec(node.cap as string)) : floor);
  }
  if (d.chance(15) && (full.gt(0) || d.chance(50))) {
    const to = dec(d.pick(["100", "10", "20", "50"]));
    node.normalizeTo = num(d, to);
    full = to;
    exact = true;
  }
  if (d.chance(15)) {
    const outs: Built[] = [];
    for (let i = d.int(1, 2); i > 0; i--) {
      const o = item(ctx, d.pick(["bonus", "adjust", "adjust", "input", "yesno"] as const), false);
      delete o.node.only;
      outs.push(o);
      ctx.finished.push({ id: o.node.id as string, max: o.approxMax, adjust: o.adjust });
      ctx.allNodes.push({ id: o.node.id as string, max: o.approxMax, adjust: o.adjust, root: false });
    }
    node.outside = outs.map((o) => o.node);
    exceeds = true;
  }
  if (d.chance(12)) {
    if (d.chance(30)) node.limit = null;
    else {
      node.limit = num(d, full);
      exceeds = false;
    }
  }
  if (node.floor !== undefined && node.limit !== undefined && node.limit !== null && node.normalizeTo === undefined && dec(node.floor as string).gt(dec(node.limit as string))) delete node.floor;
  if (exact && d.chance(isRoot ? 60 : 30) && (combine !== "weighted" || full.decimalPlaces() <= 6)) node.max = num(d, full);
  const inside = ctx.finished.splice(finishedBefore);
  nodeExtras(ctx, node, !isRoot && parentCombine === "sum");
  ctx.finished.push(...inside);
  if (isRoot) delete node.only;
  return { node, max: full, exact, approxMax: full.toNumber(), adjust: false, exceeds };
}

// ---------------------------------------------------------------- grades, rules, quotas, ...

function grades(ctx: RubricCtx): Obj[] {
  const d = ctx.d;
  const count = d.int(2, 5);
  const top = ctx.rootMax > 0 ? ctx.rootMax : 10;
  const fractions = [0.9, 0.8, 0.7, 0.6, 0.5].slice(0, count - 1).map((f) => f - d.int(0, 5) / 100);
  const labelled = d.chance(60);
  const out: Obj[] = [];
  let prevLower: D | undefined;
  for (let i = 0; i < count; i++) {
    const g: Obj = { id: `${ctx.p}G${i + 1}` };
    if (labelled) g.label = GRADE_LABELS[i];
    if (i < count - 1) {
      let lower = dec(top).times(fractions[i]!).toDecimalPlaces(d.pick([0, 0, 1, 2]), Dx.ROUND_DOWN);
      if (prevLower && !lower.lt(prevLower)) lower = prevLower.minus(1);
      if (d.chance(75)) g.min = num(d, lower);
      else g.above = num(d, lower);
      // A declared upper bound below the better grade's lower bound leaves a gap.
      if (prevLower && d.chance(20)) {
        const upper = prevLower.minus(d.pick(["0.5", "1", "0.01"]));
        if (upper.gt(lower)) g[d.chance(50) ? "max" : "below"] = num(d, upper);
      }
      prevLower = lower;
    } else if (d.chance(10) && prevLower) {
      g.min = num(d, Dx.min(D0, prevLower.minus(1)));
    }
    out.push(g);
  }
  ctx.grades = out.map((g) => ({ id: g.id as string, ...(g.label !== undefined ? { label: g.label as string } : {}) }));
  if (d.chance(15)) out[0]!.requires = d.chance(50) ? { fact: "zeroItems", eq: 0 } : condition(ctx, "requires");
  return out;
}

function rules(ctx: RubricCtx): Obj[] {
  const d = ctx.d;
  const out: Obj[] = [];
  const n = d.weighted([
    [0, 3],
    [1, 3],
    [2, 3],
    [3, 2],
    [4, 1],
  ] as const);
  for (let i = 0; i < n; i++) {
    const kind = d.pick(["exclude", "veto", "veto", "downgrade", "downgrade", "cap"] as const);
    const r: Obj = { id: `${ctx.p}rule${i + 1}`, kind, when: condition(ctx, kind === "exclude" || kind === "veto" ? "veto" : "late"), reason: `理由${i + 1}` };
    if (kind === "veto") {
      if (d.chance(50)) r.grade = gradeNames(ctx.grades, d)[0];
      if (d.chance(40)) r.score = d.pick(["keep", "zero"]);
      if (d.chance(40)) r.ranking = d.pick(["keep", "exclude"]);
    } else if (kind === "downgrade") {
      if (d.chance(40)) r.levels = d.int(1, 2);
    } else if (kind === "cap") r.grade = gradeNames(ctx.grades, d)[0];
    out.push(r);
  }
  return out;
}

function quotas(ctx: RubricCtx): Obj[] {
  const d = ctx.d;
  const out: Obj[] = [];
  const n = d.weighted([
    [0, 4],
    [1, 4],
    [2, 2],
  ] as const);
  for (let i = 0; i < n; i++) {
    const grade = ctx.grades[d.int(0, ctx.grades.length - 2)]!;
    const q: Obj = { id: `${ctx.p}quota${i + 1}`, grade: grade.label !== undefined && d.chance(30) ? grade.label : grade.id };
    const how = d.weighted([
      ["percent", 4],
      ["fraction", 2],
      ["decimal", 2],
      ["count", 2],
    ] as const);
    if (how === "percent") q.share = `${d.pick([10, 20, 30, 33, 50, 70])}%`;
    else if (how === "fraction") q.share = d.pick(["1/3", "2/3", "1/4", "3/7"]);
    else if (how === "decimal") q.share = num(d, d.pick(["0.5", "0.25", "0.3", "0.15"]));
    else q.count = d.int(0, 5);
    if (d.chance(40)) q.scope = d.pick(["all", "group"]);
    if (d.chance(50)) q.rounding = d.pick(["floor", "ceil", "half-up"]);
    if (d.chance(50)) q.ties = d.pick(["demote", "admit"]);
    out.push(q);
  }
  return out;
}

function tieBreakers(ctx: RubricCtx): Obj[] {
  const d = ctx.d;
  const facts = factsAt(ctx, "tie").filter((f) => f.ref !== "group" && f.type !== "text" && f.ref !== "rank" && f.ref !== "groupRank");
  return Array.from({ length: d.int(1, 2) }, () => ({ fact: d.pick(facts).ref, ...(d.chance(50) ? { order: d.pick(["desc", "asc"]) } : {}) }));
}

function actions(ctx: RubricCtx): Obj[] {
  const d = ctx.d;
  return Array.from({ length: d.int(1, 3) }, (_, i) => ({
    id: `${ctx.p}act${i + 1}`,
    ...(d.chance(60) ? { label: d.pick(["约谈", "通报", "表扬"]) } : {}),
    ...(d.chance(85) ? { when: condition(ctx, "late") } : {}),
  }));
}

function tiers(ctx: RubricCtx): Obj[] {
  const d = ctx.d;
  const n = d.int(1, 3);
  return Array.from({ length: n }, (_, i) => ({
    id: `${ctx.p}tier${i + 1}`,
    ...(d.chance(60) ? { label: ["先进", "中间", "后进"][i] } : {}),
    ...(d.chance(40) ? { followUp: ["看创新", "促提升", "抓基础"][i] } : {}),
    ...(i < n - 1 || d.chance(40) ? { when: condition(ctx, "late") } : {}),
  }));
}

// ---------------------------------------------------------------- rubric and case

interface BuiltRubric {
  readonly id: string;
  readonly source: Obj;
  readonly ctx: RubricCtx;
}

function rubric(d: Draw, p: string, linkable: readonly LinkTarget[]): BuiltRubric {
  const id = `rubric-${p}`;
  const ctx: RubricCtx = { d, p, id, inputFacts: [], linkable, finished: [], allNodes: [], inputs: {}, columns: [], grades: [], rootMax: 100, counter: 0, mayExceed: false, hasAsOf: false };
  declareConditionInputs(ctx);
  const root = group(ctx, 0, true, null);
  ctx.rootMax = root.approxMax;
  ctx.mayExceed = root.exceeds;
  const rootId = (root.node.id as string | undefined) ?? "total";
  ctx.allNodes.push({ id: rootId, max: root.approxMax, adjust: false, root: true });
  const source: Obj = { kaohe: 1, id, name: `随机考核 ${p}`, year: 2024, version: "1" };
  if (d.chance(20)) source.description = "generated";
  if (ctx.hasAsOf) source.asOf = d.pick(["2024-12-31", "2024/6/30", "2024年12月31日"]);
  if (d.chance(60)) source.rounding = { places: d.int(0, 3), ...(d.chance(80) ? { mode: d.pick(ROUNDING_MODES) } : {}) };
  if (d.chance(35)) source.policy = { ...(d.chance(60) ? { bandGaps: d.weighted([["lower", 4], ["higher", 4], ["error", 1]] as const) } : {}), ...(d.chance(60) ? { downgrades: d.pick(["sum", "max"]) } : {}) };
  if (Object.keys(ctx.inputs).length) source.inputs = ctx.inputs;
  source.grades = grades(ctx);
  source.scoring = root.node;
  const r = rules(ctx);
  // A linked set reads the earlier rubric's result in a rule too (rubric.<id>.grade, .score, .excluded).
  if (linkable.length && d.chance(60)) {
    const t = d.pick(linkable);
    const when = d.pick<Obj>([
      { fact: `rubric.${t.id}.grade`, worseThan: gradeNames(t.grades, d)[0] },
      { fact: `rubric.${t.id}.score`, lt: num(d, dec(t.max).times(0.6).toDecimalPlaces(1)) },
      { fact: `rubric.${t.id}.excluded`, is: true },
      { fact: `rubric.${t.id}.rank`, bottom: 1 },
    ]);
    const kind = String(when.fact).endsWith(".rank") ? "downgrade" : d.pick(["cap", "downgrade", "veto"]);
    r.push({ id: `${ctx.p}linked-rule`, kind, when, reason: "联动", ...(kind === "cap" ? { grade: gradeNames(ctx.grades, d)[0] } : {}) });
  }
  if (r.length) source.rules = r;
  const q = quotas(ctx);
  if (q.length) source.quotas = q;
  if (d.chance(35)) source.ranking = { tieBreakers: tieBreakers(ctx) };
  if (d.chance(45)) source.actions = actions(ctx);
  if (d.chance(35)) source.tiers = tiers(ctx);
  if (d.chance(25)) {
    const items = ctx.allNodes.filter((n) => !n.root);
    source.feedback = {
      ...(d.chance(50) ? { problems: d.int(0, 5) } : {}),
      ...(d.chance(50) ? { highlights: d.int(0, 5) } : {}),
      ...(d.chance(50) ? { commonShare: d.pick(["30%", "50%", 0.75, "100%", "0%"]) } : {}),
      ...(d.chance(30) && items.length ? { within: [d.pick(items).id] } : {}),
    };
  }
  if (d.chance(10) && p === "a") source.subject = { label: "党支部", id: "编号", ...(d.chance(50) ? { name: "名称" } : {}), ...(d.chance(50) ? { group: "板块" } : {}), ...(d.chance(50) ? { ignore: ["备注"] } : {}) };
  return { id, source, ctx };
}

const PERTURBATIONS = [
  "rubric:weight-sum",
  "rubric:duplicate-id",
  "rubric:unknown-input",
  "rubric:max-mismatch",
  "rubric:quota-lowest",
  "rubric:stage-order",
  "rubric:unknown-key",
  "data:duplicate-id",
  "data:unknown-field",
  "data:out-of-range",
  "data:not-a-number",
  "data:missing-id",
  "data:missing-value",
] as const;

function perturbRubric(what: string, r: BuiltRubric): void {
  const s = r.source;
  const root = s.scoring as Obj;
  const children = root.children as Obj[];
  switch (what) {
    case "rubric:weight-sum":
      root.combine = "weighted";
      delete root.max;
      children.forEach((c, i) => (c.weight = i === 0 ? "60%" : "15%"));
      if (children.length === 2) children[1]!.weight = "30%";
      break;
    case "rubric:duplicate-id":
      children[children.length - 1]!.id = children[0]!.id;
      break;
    case "rubric:unknown-input":
      s.rules = [...((s.rules as Obj[] | undefined) ?? []), { id: "typo", kind: "downgrade", when: { fact: "input.serious_violaton", is: true }, reason: "typo" }];
      break;
    case "rubric:max-mismatch":
      root.max = 1234.5;
      break;
    case "rubric:quota-lowest": {
      const gs = s.grades as Obj[];
      s.quotas = [{ id: "lowest", grade: gs[gs.length - 1]!.id, share: "50%" }];
      break;
    }
    case "rubric:stage-order":
      s.rules = [{ id: "early", kind: "veto", when: { fact: "rank", bottom: 1 }, reason: "排名末位" }];
      break;
    case "rubric:unknown-key":
      children[0]!.weigth = "10%";
      break;
  }
}

function perturbData(d: Draw, what: string, rows: Obj[]): void {
  const i = d.int(0, rows.length - 1);
  const row = rows[i]!;
  switch (what) {
    case "data:duplicate-id":
      if (rows.length > 1) rows[rows.length - 1]!.id = rows[0]!.id;
      else rows.push({ ...row });
      break;
    case "data:unknown-field":
      row.undeclared_column = "1";
      break;
    case "data:out-of-range": {
      const items = Object.entries(row).filter(([k, v]) => k !== "id" && (typeof v === "number" || (typeof v === "string" && /^\d+(\.\d+)?$/.test(v))));
      if (items.length) row[d.pick(items)[0]] = "100000";
      else row.undeclared_column = "1";
      break;
    }
    case "data:not-a-number": {
      const items = Object.entries(row).filter(([k, v]) => k !== "id" && typeof v === "number");
      if (items.length) row[d.pick(items)[0]] = "abc";
      else row.undeclared_column = "x";
      break;
    }
    case "data:missing-id":
      delete row.id;
      delete row["编号"];
      break;
    case "data:missing-value": {
      const keys = Object.keys(row).filter((k) => k !== "id" && k !== "name" && k !== "group" && k !== "编号");
      if (keys.length) delete row[d.pick(keys)];
      break;
    }
  }
}

/** One random case. */
export function buildCase(g: G): GeneratedCase {
  const d = new Draw(g);
  const size = d.weighted([
    [1, 7],
    [2, 2],
    [3, 1],
  ] as const);
  const built: BuiltRubric[] = [];
  const prefixes = ["a", "b", "c"];
  for (let i = 0; i < size; i++) {
    const linkable: LinkTarget[] = built.map((b) => ({ id: b.id, max: b.ctx.rootMax, mayExceed: b.ctx.mayExceed, grades: b.ctx.grades }));
    built.push(rubric(d, prefixes[i]!, linkable));
  }
  const perturbation = d.chance(9) ? d.pick(PERTURBATIONS) : null;
  if (perturbation?.startsWith("rubric:")) perturbRubric(perturbation, d.pick(built));

  // Subjects: ids, names, groups, then every rubric's columns.
  const n = d.weighted([
    [1, 1],
    [d.int(2, 4), 4],
    [d.int(5, 9), 4],
    [d.int(10, 16), 1],
  ] as const);
  const subjectCols = built[0]!.source.subject as { id?: string; name?: string; group?: string; ignore?: string[] } | undefined;
  const withNames = d.chance(40);
  const withGroups = d.chance(75);
  const groups = GROUPS.slice(0, d.int(1, 3));
  const rows: Obj[] = [];
  for (let i = 0; i < n; i++) {
    const row: Obj = {};
    const idValue = d.chance(10) ? i + 1 : `u${String(i + 1).padStart(3, "0")}`;
    row[subjectCols?.id && d.chance(70) ? subjectCols.id : "id"] = idValue;
    if (withNames) row[subjectCols?.name && d.chance(50) ? subjectCols.name : "name"] = `单位${i + 1}`;
    if (withGroups) row[subjectCols?.group && d.chance(50) ? subjectCols.group : "group"] = d.pick(groups);
    if (subjectCols?.ignore && d.chance(50)) row["备注"] = "x";
    for (const b of built) for (const col of b.ctx.columns) col(d, row, i, n);
    rows.push(row);
  }
  // Rows in a shuffled order sometimes: results must not depend on it.
  if (d.chance(30)) rows.reverse();
  if (perturbation?.startsWith("data:")) perturbData(d, perturbation, rows);
  const features = [...new Set([`set:${built.length}`, ...(perturbation ? [`perturbed:${perturbation}`] : []), ...built.flatMap((b) => featuresOf(b.source))])].sort();
  const rubrics = built.map((b) => ({ file: `${b.id}.yaml`, text: toYaml(b.source) }));
  // A set is given in any order: the loader orders it by dependency.
  if (rubrics.length > 1 && d.chance(50)) rubrics.reverse();
  return { rubrics, subjects: rows, perturbation, features };
}

export const caseArbitrary: fc.Arbitrary<GeneratedCase> = fc.gen().map(buildCase);

/** The first `count` cases of the corpus (or case `index` alone with `only`). */
export function generateCases(count = CASE_COUNT, seed = SEED): GeneratedCase[] {
  return fc.sample(caseArbitrary, { seed, numRuns: count, unbiased: true });
}

/** Case `index` of the corpus, without generating the ones before it. */
export function generateCase(index: number, seed = SEED): GeneratedCase {
  return fc.sample(caseArbitrary, { seed, numRuns: 1, path: String(index), unbiased: true })[0]!;
}

// ---------------------------------------------------------------- coverage

const factFeature = (ref: string) => {
  const [head, , field] = ref.split(".");
  return `fact:${head === "rubric" ? `rubric.${field}` : head}`;
};

/** The language features a rubric source uses, as "area:feature" names. */
export function featuresOf(source: Obj): string[] {
  const out = new Set<string>();
  const has = (o: Obj, k: string) => o[k] !== undefined;
  const shareForm = (v: unknown) => (typeof v === "string" && v.includes("%") ? "percent" : typeof v === "string" && v.includes("/") ? "fraction" : "decimal");
  const condition = (c: unknown): void => {
    if (typeof c === "string") {
      out.add("condition:bare-fact");
      out.add(factFeature(c));
      return;
    }
    if (!c || typeof c !== "object") return;
    const o = c as Obj;
    for (const k of ["all", "any"]) if (Array.isArray(o[k])) {
      out.add(`condition:${k}`);
      (o[k] as unknown[]).forEach(condition);
    }
    if (has(o, "not")) {
      out.add("condition:not");
      condition(o.not);
    }
    if (typeof o.fact === "string") {
      out.add(factFeature(o.fact));
      for (const op of Object.keys(o)) if (op !== "fact") out.add(`operator:${op}`);
    }
  };
  const entry = (e: Obj) => {
    for (const form of ["when", "per", "shortfall", "records", "chosen"]) if (has(e, form)) out.add(`entry:${form}`);
    if (has(e, "when")) condition(e.when);
    if (has(e, "max")) out.add("entry:max");
    if (e.points && typeof e.points === "object") out.add((e.points as Obj).cumulative ? "entry:records-table-cumulative" : "entry:records-table");
    if (has(e, "times")) out.add("entry:records-times");
    if (has(e, "split")) out.add("entry:records-split");
    if (e.dedup) out.add(`entry:records-dedup-${((e.dedup as Obj).keep as string | undefined) ?? "default"}`);
  };
  const node = (n: Obj, root: boolean) => {
    if (has(n, "only")) {
      out.add(`node:only`);
      condition(n.only);
    }
    if (n.round) out.add(`node:round-${((n.round as Obj).mode as string | undefined) ?? "default"}`);
    if (Array.isArray(n.children)) {
      out.add(`group:combine-${(n.combine as string | undefined) ?? "sum (default)"}`);
      if (n.combine === "weighted") out.add(`group:weights-${shareForm((n.children as Obj[])[0]?.weight) === "percent" ? "percent" : (n.children as Obj[]).every((c) => Number(c.weight) < 1) ? "fraction" : "ratio"}`);
      for (const k of ["floor", "cap", "normalizeTo", "outside", "max"]) if (has(n, k)) out.add(`group:${k}`);
      if (n.limit === null) out.add("group:limit-null");
      else if (has(n, "limit")) out.add("group:limit");
      if (root) out.add(has(n, "id") ? "root:id" : "root:default-id");
      for (const c of [...(n.children as Obj[]), ...((n.outside as Obj[] | undefined) ?? [])]) node(c, false);
      return;
    }
    const kind = n.kind as string;
    out.add(`item:${kind}`);
    if (has(n, "missing")) out.add(`missing:item-${n.missing}`);
    for (const list of ["deductions", "additions", "outside"]) if (Array.isArray(n[list])) (n[list] as Obj[]).forEach(entry);
    switch (kind) {
      case "deduct":
        for (const k of ["base", "floor", "zeroIf"]) if (has(n, k)) out.add(`deduct:${k}`);
        if (has(n, "zeroIf")) condition(n.zeroIf);
        break;
      case "bonus":
        if (has(n, "outside")) out.add("bonus:outside");
        break;
      case "adjust":
        for (const k of ["cap", "floor", "additions", "deductions"]) if (has(n, k)) out.add(`adjust:${k}`);
        break;
      case "yesno":
        for (const k of ["yes", "no"]) if (has(n, k)) out.add(`yesno:${k}`);
        break;
      case "levels":
        out.add(`levels:${Object.values(n.levels as Obj).some((v) => typeof v === "string" && v.includes("%")) ? "shares" : "points"}`);
        break;
      case "ratio":
        out.add(has(n, "numerator") ? "ratio:numerator-denominator" : "ratio:input");
        break;
      case "scale":
        out.add(`scale:steps-${(n.steps as string | undefined) ?? "default"}`);
        out.add(`scale:above-${(n.above as string | undefined) ?? "none"}`);
        out.add(`scale:below-${(n.below as string | undefined) ?? "none"}`);
        for (const k of ["targetInput", "zeroBelow", "floor", "base"]) if (has(n, k)) out.add(`scale:${k}`);
        break;
      case "bands":
        if ((n.bands as Obj[]).some((b) => has(b, "above"))) out.add("bands:above");
        if ((n.bands as Obj[]).some((b) => has(b, "min"))) out.add("bands:min");
        if (has(n, "otherwise")) out.add("bands:otherwise");
        break;
      case "rank":
        for (const k of ["points", "percentiles", "proportional"]) if (has(n, k)) out.add(`rank:${k}`);
        out.add(`rank:order-${(n.order as string | undefined) ?? "default"}`);
        if (has(n, "otherwise")) out.add("rank:otherwise");
        break;
      case "panel":
        for (const k of ["trim", "groups", "places"]) if (has(n, k)) out.add(`panel:${k}`);
        if (n.trim) out.add(`panel:trim-${has(n.trim as Obj, "above") ? "above" : has(n.trim as Obj, "minScores") ? "minScores" : "default"}`);
        for (const b of (n.invalidBallots as string[] | undefined) ?? []) out.add(`panel:invalid-${b}`);
        if (has(n, "ballotLimits")) out.add("panel:ballotLimits");
        break;
      case "votes":
        out.add(`votes:denominator-${(n.denominator as string | undefined) ?? "default"}`);
        break;
      case "periods":
        out.add(`periods:${(n.aggregate as string | undefined) ?? "mean (default)"}`);
        if (has(n, "periodMax")) out.add("periods:periodMax");
        break;
      case "carry":
        out.add(`carry:share-${shareForm(n.share)}`);
        break;
      case "linked":
        out.add(has(n, "scaleFrom") ? "linked:scaleFrom" : "linked:plain");
        break;
    }
  };
  node(source.scoring as Obj, true);
  const rounding = source.rounding as Obj | undefined;
  if (rounding) out.add(`rounding:${(rounding.mode as string | undefined) ?? "default"}`);
  const policy = source.policy as Obj | undefined;
  if (policy?.bandGaps) out.add(`policy:bandGaps-${policy.bandGaps}`);
  if (policy?.downgrades) out.add(`policy:downgrades-${policy.downgrades}`);
  for (const [, decl] of Object.entries((source.inputs as Obj | undefined) ?? {})) {
    const d = decl as Obj;
    out.add(`input:${d.type}`);
    if (has(d, "missing")) out.add(`missing:input-${d.missing}`);
    for (const k of ["default", "label", "clamp", "places", "required"]) if (has(d, k)) out.add(`input:${k}`);
  }
  for (const g of source.grades as Obj[]) {
    for (const k of ["min", "above", "max", "below"]) if (has(g, k)) out.add(`grade:${k}`);
    if (has(g, "requires")) {
      out.add("grade:requires");
      condition(g.requires);
    }
  }
  for (const r of (source.rules as Obj[] | undefined) ?? []) {
    out.add(`rule:${r.kind}`);
    condition(r.when);
    if (r.kind === "veto") {
      if (has(r, "grade")) out.add("rule:veto-grade");
      if (r.score === "zero") out.add("rule:veto-score-zero");
      if (r.ranking === "exclude") out.add("rule:veto-ranking-exclude");
    }
    if (r.kind === "downgrade" && r.levels === 2) out.add("rule:downgrade-2-levels");
  }
  for (const q of (source.quotas as Obj[] | undefined) ?? []) {
    out.add(has(q, "count") ? "quota:count" : `quota:share-${shareForm(q.share)}`);
    out.add(`quota:scope-${(q.scope as string | undefined) ?? "default"}`);
    out.add(`quota:rounding-${(q.rounding as string | undefined) ?? "default"}`);
    out.add(`quota:ties-${(q.ties as string | undefined) ?? "default"}`);
  }
  for (const t of ((source.ranking as Obj | undefined)?.tieBreakers as Obj[] | undefined) ?? []) {
    out.add(`tieBreaker:${(t.order as string | undefined) ?? "default"}`);
    out.add(`tieBreaker-fact:${String(t.fact).split(".")[0]}`);
  }
  for (const a of (source.actions as Obj[] | undefined) ?? []) {
    out.add(has(a, "when") ? "action:when" : "action:always");
    condition(a.when);
  }
  for (const t of (source.tiers as Obj[] | undefined) ?? []) {
    out.add(has(t, "when") ? "tier:when" : "tier:rest");
    condition(t.when);
  }
  if (source.feedback) out.add("feedback");
  if (source.subject) out.add("subject-columns");
  if (source.asOf) out.add("asOf");
  return [...out];
}

// ---------------------------------------------------------------- YAML

const PLAIN_KEY = /^[\p{L}\p{N}_][\p{L}\p{N}_-]*$/u;
const key = (k: string) => (PLAIN_KEY.test(k) && !/^(true|false|null|~|yes|no|on|off|y|n)$/i.test(k) && !/^[\d.+-]/.test(k) ? k : JSON.stringify(k));
const scalar = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : v === null ? "null" : String(v));
const isScalar = (v: unknown) => v === null || typeof v !== "object";

/** Flow style for small mappings of scalars ({ id: a1, kind: input, max: 10 }), as rubric authors write them. */
function flow(v: unknown): string | undefined {
  if (isScalar(v)) return scalar(v);
  if (Array.isArray(v)) return v.length <= 8 && v.every(isScalar) ? `[${v.map(scalar).join(", ")}]` : undefined;
  const entries = Object.entries(v as Obj).filter(([, x]) => x !== undefined);
  if (entries.length > 5 || !entries.every(([, x]) => isScalar(x) || (Array.isArray(x) && x.length <= 3 && x.every(isScalar)))) return undefined;
  return entries.length === 0 ? "{}" : `{ ${entries.map(([k, x]) => `${key(k)}: ${flow(x)}`).join(", ")} }`;
}

/**
 * Block YAML with every string double-quoted (a JSON string is a YAML scalar), so no
 * value changes type; small mappings and lists of scalars in flow style. Far cheaper
 * than a general YAML writer, and the loader sees the forms rubric authors use.
 */
export function toYaml(value: Obj, indent = ""): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const f = flow(v);
    if (f !== undefined) lines.push(`${indent}${key(k)}: ${f}`);
    else if (Array.isArray(v)) {
      lines.push(`${indent}${key(k)}:`);
      for (const item of v) lines.push(listItem(item, `${indent}  `));
    } else lines.push(`${indent}${key(k)}:`, toYaml(v as Obj, `${indent}  `).replace(/\n$/, ""));
  }
  return `${lines.join("\n")}\n`;
}

function listItem(item: unknown, indent: string): string {
  const f = flow(item);
  if (f !== undefined) return `${indent}- ${f}`;
  if (Array.isArray(item)) return `${indent}-\n${item.map((x) => listItem(x, `${indent}  `)).join("\n")}`;
  const body = toYaml(item as Obj, `${indent}  `).replace(/\n$/, "");
  return `${indent}- ${body.slice(indent.length + 2)}`;
}
