/**
 * An independent reference evaluator: the oracle of the property tests (issue 9,
 * "Equivalence before deletion"). It reads the rubric's *source* (the YAML value, not
 * kaohe's compiled model) and computes with decimal.js at 60 significant digits,
 * written for clarity, not speed, from docs/rubric-language.md alone:
 *
 * - groups: sum, weighted (Σ wᵢ·pᵢ / Σ w), mean, max, min; `cap`; `normalizeTo`;
 *   `only: input.<boolean>` on any node (a node that does not apply adds nothing and is
 *   not counted; a group none of whose children apply does not apply)
 *   (points × normalizeTo / full points); full points as the docs define them;
 * - items: input, yesno, levels, deduct (base = max, floor 0, `per` and `when` entries);
 * - `rounding` of the total; grades by `min` (best first, the last without);
 * - rules: downgrade (one level) then cap, on boolean inputs;
 * - ranking by total, competition ranks (1, 2, 2, 4);
 * - one quota on the best grade: floor(graded × share), tied holders across the limit demoted.
 *
 * It is deliberately small: a subset of the language, kept apart from src/. Totals are
 * cut to 50 significant digits before the declared rounding (the engine keeps exact
 * fractions; 60 digits of decimal.js carry a third as 0.333…3), and without a rounding
 * the test compares the engine's 40-digit display with that.
 */
import { Decimal } from "decimal.js";

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
type Dn = InstanceType<typeof D>;

type Node = Record<string, unknown> & { id: string };
type Subject = Record<string, unknown> & { id: string };

export interface ReferenceUnit {
  readonly id: string;
  /** The total, exact (before display formatting). */
  readonly total: Dn;
  readonly rawGrade: string;
  readonly grade: string;
  readonly rank: number;
}

/** A rubric number: 12.5, "60%" or the fraction "1/3". */
function num(v: unknown): Dn {
  const text = String(v);
  if (text.endsWith("%")) return new D(text.slice(0, -1)).div(100);
  const [n, d] = text.split("/");
  return d === undefined ? new D(text) : new D(n!).div(d);
}

/** Full points of a node (满分), as the docs define them. */
function full(node: Node): Dn {
  if (!Array.isArray(node.children)) return num(node.max);
  const children = node.children as Node[];
  const fulls = children.map(full);
  let f: Dn;
  switch (node.combine ?? "sum") {
    case "sum":
      f = fulls.reduce((a, b) => a.plus(b), new D(0));
      break;
    case "weighted": {
      const w = children.map((c) => num(c.weight));
      f = fulls.reduce((a, b, i) => a.plus(b.times(w[i]!)), new D(0)).div(w.reduce((a, b) => a.plus(b), new D(0)));
      break;
    }
    case "mean":
    case "max":
      f = D.max(...fulls);
      break;
    case "min":
      f = D.min(...fulls);
      break;
    default:
      throw new Error(`oracle: combine ${String(node.combine)}`);
  }
  if (node.cap !== undefined) f = D.min(f, num(node.cap));
  return node.normalizeTo !== undefined ? num(node.normalizeTo) : f;
}

/** Whether a node applies to the subject: `only: input.<boolean>` (the one form of `only` the oracle reads). */
function applies(node: Node, s: Subject): boolean {
  return node.only === undefined || s[String(node.only).replace(/^input\./, "")] === true;
}

/** A node's points; undefined when it does not apply (its `only`, or a group none of whose children apply). */
function points(node: Node, s: Subject): Dn | undefined {
  if (!applies(node, s)) return undefined;
  if (Array.isArray(node.children)) {
    const children = node.children as Node[];
    const all = children.map((c) => points(c, s));
    if (all.every((p) => p === undefined)) return undefined;
    // A child that does not apply adds nothing (weights are not shared out again), and is not counted in a mean, max or min.
    const ps = all.map((p) => p ?? new D(0));
    const applying = all.filter((p): p is Dn => p !== undefined);
    let p: Dn;
    switch (node.combine ?? "sum") {
      case "sum":
        p = ps.reduce((a, b) => a.plus(b), new D(0));
        break;
      case "weighted": {
        const w = children.map((c) => num(c.weight));
        p = ps.reduce((a, b, i) => a.plus(b.times(w[i]!)), new D(0)).div(w.reduce((a, b) => a.plus(b), new D(0)));
        break;
      }
      case "mean":
        p = applying.reduce((a, b) => a.plus(b), new D(0)).div(applying.length);
        break;
      case "max":
        p = D.max(...applying);
        break;
      case "min":
        p = D.min(...applying);
        break;
      default:
        throw new Error(`oracle: combine ${String(node.combine)}`);
    }
    if (node.cap !== undefined) p = D.min(p, num(node.cap));
    if (node.normalizeTo !== undefined) {
      const before = node.cap !== undefined ? D.min(fullOfChildren(node), num(node.cap)) : fullOfChildren(node);
      p = p.times(num(node.normalizeTo)).div(before);
    }
    return p;
  }
  const max = num(node.max);
  switch (node.kind) {
    case "input":
      return num(s[node.id]);
    case "yesno":
      return s[node.id] === true ? max : new D(0);
    case "levels":
      return num((node.levels as Record<string, unknown>)[String(s[node.id])]);
    case "deduct": {
      let lost = new D(0);
      for (const e of node.deductions as Record<string, unknown>[]) {
        if (e.per !== undefined) lost = lost.plus(num(s[String(e.per)]).times(num(e.points)));
        else if (e.when !== undefined && s[String(e.when).replace(/^input\./, "")] === true) lost = lost.plus(num(e.points));
      }
      return D.max(new D(0), max.minus(lost));
    }
    default:
      throw new Error(`oracle: kind ${String(node.kind)}`);
  }
}

/** Full points of a group's children combined, before cap and normalisation. */
function fullOfChildren(node: Node): Dn {
  const { normalizeTo: _n, cap: _c, ...rest } = node;
  return full(rest as Node);
}

const ROUNDING: Record<string, Decimal.Rounding> = { "half-up": D.ROUND_HALF_UP, "half-even": D.ROUND_HALF_EVEN, down: D.ROUND_DOWN, up: D.ROUND_UP };

/** Score, grade, rank and quota a batch under a rubric given as its parsed YAML value. */
export function referenceAssess(rubric: Record<string, unknown>, subjects: readonly Subject[]): ReferenceUnit[] {
  const grades = rubric.grades as { id: string; min?: unknown }[];
  const rounding = rubric.rounding as { places: number; mode?: string } | undefined;
  const rules = (rubric.rules ?? []) as { kind: string; when: string; grade?: string }[];
  const quota = ((rubric.quotas ?? []) as { grade: string; share: string }[])[0];
  const root = rubric.scoring as Node;

  const rows = subjects.map((s) => {
    const scored = points({ ...root, id: "root" }, s);
    if (scored === undefined) throw new Error(`oracle: nothing applies to ${s.id}`);
    let total = scored;
    // The oracle's own precision limit: 60 digits carry a non-terminating value (the engine keeps it as an exact
    // fraction); 50 significant digits are kept, so that values equal in exact arithmetic compare equal here too.
    // Before any rounding: `up` would otherwise lift 9.6 computed as 9.600…01 (×100/15, then ×15%) to 9.7.
    total = total.toSignificantDigits(50);
    if (rounding) total = total.toDecimalPlaces(rounding.places, ROUNDING[rounding.mode ?? "half-up"]!);
    let raw = grades.findIndex((g) => g.min === undefined || total.gte(num(g.min)));
    const rawGrade = raw;
    const flag = (when: string) => s[when.replace(/^input\./, "")] === true;
    let byRule = false;
    for (const r of rules)
      if (r.kind === "downgrade" && flag(r.when) && raw < grades.length - 1) {
        raw++;
        byRule = true;
      }
    for (const r of rules) {
      const cap = grades.findIndex((g) => g.id === r.grade);
      if (r.kind === "cap" && flag(r.when) && raw < cap) {
        raw = cap;
        byRule = true;
      }
    }
    return { id: s.id, total, rawGrade, grade: raw, byRule, rank: 0 };
  });

  // Competition ranking by total.
  for (const r of rows) r.rank = 1 + rows.filter((o) => o.total.gt(r.total)).length;

  if (quota) {
    const g = grades.findIndex((x) => x.id === quota.grade);
    // An exact fraction's limit (9 × 1/3 = 3) must not fall to 2.999…: multiply before dividing.
    const [n, d] = quota.share.endsWith("%") ? [quota.share.slice(0, -1), "100"] : quota.share.split("/");
    const limit = new D(n!).times(rows.length).div(d ?? 1).floor().toNumber();
    const holders = rows.filter((r) => r.grade === g);
    // Rule-set holders keep the grade and fill places first (none can reach the best grade: rules never raise).
    let places = limit - holders.filter((r) => r.byRule).length;
    const competing = holders.filter((r) => !r.byRule).sort((a, b) => a.rank - b.rank);
    let i = 0;
    while (i < competing.length) {
      let j = i;
      while (j < competing.length && competing[j]!.rank === competing[i]!.rank) j++;
      if (j - i > places) break;
      places -= j - i;
      i = j;
    }
    for (const r of competing.slice(i)) r.grade = g + 1;
  }
  return rows.map((r) => ({ id: r.id, total: r.total, rawGrade: grades[r.rawGrade]!.id, grade: grades[r.grade]!.id, rank: r.rank }));
}
