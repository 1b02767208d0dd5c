/**
 * Item methods: raw inputs → points, with a trail line for every entry that moved
 * points. Returns undefined when an input the item needs is missing or unusable
 * (the issue is recorded on the subject; no number is produced).
 * @internal
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import type { Entry, ItemNode, RecordValue, ScoreSheet, VoteCounts } from "../compile/model.js";
import type { CohortInputs } from "./cohort-inputs.js";
import { bound, format, max as maxOf, min as minOf, ONE, sum, ZERO, type Dec } from "../decimal/decimal.js";
import type { NodeScore, ScoringContext, TrailLine, TrailNote } from "./state.js";
import { testCondition } from "./condition.js";

const f = (d: Dec) => format(d);

/**
 * The points of an item without its trail (the batch run): the common methods are
 * computed here directly, with no trail line and no closure; the others through
 * scoreItem. Both give the same exact points (the detail re-score uses scoreItem).
 */
export function itemPoints(item: ItemNode, s: ScoringContext, cohort: CohortInputs): Dec | undefined {
  const m = item.method;
  switch (m.kind) {
    case "input":
      return s.input(m.input) as Dec | undefined;
    case "yesno": {
      const v = s.input(m.input) as boolean | undefined;
      return v === undefined ? undefined : v ? m.yes : m.no;
    }
    case "levels": {
      const v = s.input(m.input) as string | undefined;
      return v === undefined ? undefined : m.levels.get(v)!;
    }
    case "bands": {
      const v = s.input(m.input) as Dec | undefined;
      if (v === undefined) return undefined;
      for (const b of m.bands) if (b.inclusive ? v.gte(b.bound) : v.gt(b.bound)) return b.points;
      return m.otherwise;
    }
    case "ratio": {
      if (m.input === undefined) break;
      const ratio = s.input(m.input) as Dec | undefined;
      return ratio === undefined ? undefined : item.max.times(ratio);
    }
    case "deduct": {
      if ((m.zeroIf !== undefined && testCondition(m.zeroIf, s))) return ZERO;
      let deducted = ZERO;
      for (const e of m.entries) {
        let amount: Dec;
        switch (e.type) {
          case "when":
            amount = testCondition(e.when, s) ? e.points : ZERO;
            break;
          case "per": {
            const v = s.input(e.input) as Dec | undefined;
            if (v === undefined) return undefined;
            amount = v.times(e.points);
            break;
          }
          case "shortfall": {
            const v = s.input(e.input) as Dec | undefined;
            if (v === undefined) return undefined;
            amount = maxOf(ZERO, e.required.minus(v)).times(e.points);
            break;
          }
          default:
            return scoreItem(item, s, cohort)?.points;
        }
        if (e.max && amount.gt(e.max)) amount = e.max;
        deducted = deducted.plus(amount);
      }
      return bound(m.base.minus(deducted), m.floor, item.max);
    }
    case "periods": {
      const values = s.input(m.input) as readonly Dec[] | undefined;
      if (!values) return undefined;
      const total = sum(values);
      return m.aggregate === "sum" ? total : total.div(m.count);
    }
    case "carry": {
      const v = s.input(m.input) as Dec | undefined;
      return v === undefined ? undefined : v.times(m.share);
    }
    default:
      break;
  }
  return scoreItem(item, s, cohort)?.points;
}

export function scoreItem(item: ItemNode, s: ScoringContext, cohort: CohortInputs): NodeScore | undefined {
  const m = item.method;
  const max = item.max;
  const done = (points: Dec, lines: TrailLine[] = []): NodeScore => ({ points, max, lines });
  const num = (name: string) => s.input(name) as Dec | undefined;
  switch (m.kind) {
    case "input": {
      const v = num(m.input);
      return v === undefined ? undefined : done(v);
    }
    case "yesno": {
      const v = s.input(m.input) as boolean | undefined;
      return v === undefined ? undefined : done(v ? m.yes : m.no, [line(m.input, m.input, v ? m.yes : m.no.minus(m.yes), () => ({ key: "yesno", value: v }))]);
    }
    case "levels": {
      const v = s.input(m.input) as string | undefined;
      if (v === undefined) return undefined;
      const points = m.levels.get(v)!;
      return done(points, [line(m.input, m.input, points, () => ({ key: "level", level: v, points }))]);
    }
    case "deduct": {
      if ((m.zeroIf !== undefined && testCondition(m.zeroIf, s))) return done(ZERO, [line("zeroIf", "zeroIf", m.base.negated(), () => ({ key: "zero-if", condition: m.zeroIf!.text }))]);
      const lines = entryLines(m.entries, s);
      if (!lines) return undefined;
      const deducted = sum(lines.map((l) => l.amount));
      const net = m.base.minus(deducted);
      const points = bound(net, m.floor, max);
      const out = lines.map((l) => ({ ...l, amount: l.amount.negated() }));
      // 扣完为止: the floor stops the deductions; said in the trail, never silently.
      if (!points.eq(net)) out.push(line("bound", points.gt(net) ? "floor" : "cap", points.minus(net), () => ({ key: "deduct-bound", base: m.base, deducted, points, side: points.gt(net) ? "floor" : "cap" })));
      return done(points, out);
    }
    case "bonus": {
      const lines = entryLines(m.entries, s);
      const outside = entryLines(m.outside, s);
      if (!lines || !outside) return undefined;
      const added = sum(lines.map((l) => l.amount));
      const inside = minOf(added, max);
      // 加分最多不超过 max: the cap is a line of the trail when it applies.
      const capped = inside.eq(added) ? [] : [line("bound", "cap", inside.minus(added), () => ({ key: "bonus-cap", added, max }))];
      return done(inside.plus(sum(outside.map((l) => l.amount))), [...lines, ...capped, ...outside.map((l) => ({ ...l, note: () => ({ key: "outside", inner: l.note() }) }))]);
    }
    case "adjust": {
      const added = entryLines(m.additions, s);
      const deducted = entryLines(m.deductions, s);
      if (!added || !deducted) return undefined;
      const net = sum(added.map((l) => l.amount)).minus(sum(deducted.map((l) => l.amount)));
      const points = bound(net, m.floor, m.cap);
      const lines = [...added, ...deducted.map((l) => ({ ...l, amount: l.amount.negated() }))];
      if (!points.eq(net)) lines.push(line("bound", points.lt(net) ? "cap" : "floor", points.minus(net), () => ({ key: "bound-net", net, points, side: points.lt(net) ? "cap" : "floor" })));
      return done(points, lines);
    }
    case "ratio": {
      let ratio: Dec | undefined;
      let note: () => TrailNote;
      if (m.input !== undefined) {
        ratio = num(m.input);
        if (ratio === undefined) return undefined;
        const r = ratio;
        note = () => ({ key: "ratio-percent", percent: r.times(100), max });
      } else {
        const n = num(m.numerator!);
        const d = num(m.denominator!);
        if (n === undefined || d === undefined) return undefined;
        if (d.isZero()) return void s.fail("EVAL_ZERO_DENOMINATOR", { item: item.id, denominator: m.denominator }, m.denominator);
        if (n.gt(d)) return void s.fail("DATA_OUT_OF_RANGE", { field: m.numerator, expected: `at most ${m.denominator} (${f(d)})`, expects: "at-most-field", other: m.denominator, max: f(d), received: f(n) }, m.numerator);
        ratio = n.div(d);
        note = () => ({ key: "ratio-pair", numerator: n, denominator: d, max });
      }
      const points = max.times(ratio);
      return done(points, [line(item.id, item.label, points, note)]);
    }
    case "scale": {
      const v = num(m.input);
      const target = m.targetInput !== undefined ? num(m.targetInput) : m.target;
      if (v === undefined || target === undefined) return undefined;
      if (m.zeroBelow !== undefined && v.lt(m.zeroBelow)) {
        const threshold = m.zeroBelow;
        return done(ZERO, [line(item.id, item.label, m.base.negated(), () => ({ key: "scale-zero", value: v, threshold }))]);
      }
      const delta = v.minus(target);
      const side = delta.gt(0) ? m.above : delta.lt(0) ? m.below : "none";
      const exact = delta.abs().div(m.unit);
      // A partial step: whole ignores it, started counts it as a whole one, exact counts its share.
      const units = m.steps === "whole" ? exact.floor() : m.steps === "started" && !exact.isInteger() ? exact.floor().plus(1) : exact;
      const change = side === "none" ? ZERO : units.times(m.points).times(side === "add" ? 1 : -1);
      const points = bound(m.base.plus(change), m.floor, max);
      const note = (): TrailNote =>
        side === "none"
          ? { key: "scale-base", value: v, target, base: m.base }
          : { key: "scale-steps", value: v, target, units, unit: m.unit, points: m.points, side };
      return done(points, [line(item.id, item.label, points.minus(m.base), note)]);
    }
    case "bands": {
      const v = num(m.input);
      if (v === undefined) return undefined;
      const band = m.bands.find((b) => (b.inclusive ? v.gte(b.bound) : v.gt(b.bound)));
      const points = band ? band.points : m.otherwise;
      const note = (): TrailNote => (band ? { key: "band", value: v, op: band.inclusive ? "≥" : ">", bound: band.bound, points } : { key: "band-none", value: v, points });
      return done(points, [line(item.id, item.label, points, note)]);
    }
    case "rank": {
      if (num(m.input) === undefined) return undefined;
      const placement = cohort.rankPoints.get(item.id)?.get(s.id);
      if (!placement) return undefined;
      return done(placement.points, [line(item.id, item.label, placement.points, () => ({ key: "rank", position: placement.position, of: placement.of, ...(placement.how ? { how: placement.how } : {}) }))]);
    }
    case "panel": {
      const lines: TrailLine[] = [];
      let total = ZERO;
      for (const g of m.groups) {
        const sheet = s.input(g.input) as ScoreSheet | undefined;
        if (!sheet) return undefined;
        const voided = cohort.voidRaters.get(item.id)?.get(g.id);
        const kept = sheet.values.filter((_, i) => {
          const r = sheet.raters[i];
          return r === null || r === undefined || !voided?.has(r);
        });
        const droppedRaters = sheet.raters.filter((r) => r !== null && voided?.has(r));
        if (kept.length === 0)
          return void s.fail("EVAL_NO_VALID_SCORES", { item: item.id, ...(droppedRaters.length ? { reason: "void-ballots", raters: droppedRaters } : { reason: "no-scores" }) }, g.input);
        let used = [...kept].sort((a, b) => a.cmp(b));
        let trimmed: { drop: number; of: number } | undefined;
        let notTrimmed: TrailLine | undefined;
        const trim = m.trim;
        if (trim && used.length >= trim.minScores) {
          used = used.slice(trim.drop, used.length - trim.drop);
          trimmed = { drop: trim.drop, of: kept.length };
        } else if (trim) {
          const count = kept.length;
          notTrimmed = line(`${g.id}.trim`, `${g.id} trim`, ZERO, () => ({ key: "panel-not-trimmed", count, rule: trim.stated ?? "drop", min: trim.minScores }));
        }
        const mean = sum(used).div(used.length);
        const weighted = mean.times(g.weight);
        total = total.plus(weighted);
        const count = used.length;
        const voids = droppedRaters.map((r) => ({ rater: r!, problem: voided!.get(r!)! }));
        const weight = m.groups.length > 1 ? g.weight : undefined;
        lines.push(line(g.id, g.id, weighted, () => ({ key: "panel", mean, count, ...(trimmed ?? {}), ...(voids.length ? { voids } : {}), ...(weight ? { weight } : {}) })));
        if (notTrimmed) lines.push(notTrimmed);
      }
      return done(total, lines);
    }
    case "votes": {
      const v = s.input(m.input) as VoteCounts | undefined;
      if (!v) return undefined;
      const valid = sum(Object.values(v.levels));
      const returned = valid.plus(v.abstain).plus(v.invalid);
      let denominator: Dec | undefined;
      switch (m.denominator) {
        case "valid":
          denominator = valid;
          break;
        case "valid-and-abstain":
          denominator = valid.plus(v.abstain);
          break;
        case "returned":
          denominator = returned;
          break;
        case "issued":
          denominator = v.issued;
          if (denominator === undefined) return void s.fail("DATA_MISSING_FIELD", { field: `${m.input}.issued`, expected: "the number of ballots issued (denominator: issued)", expects: "issued" }, m.input);
          if (denominator.lt(returned)) return void s.fail("DATA_OUT_OF_RANGE", { field: `${m.input}.issued`, expected: `at least the ${f(returned)} ballots returned`, expects: "at-least-returned", min: f(returned), received: f(denominator) }, m.input);
          break;
      }
      if (denominator.isZero()) return void s.fail("EVAL_ZERO_DENOMINATOR", { item: item.id, denominator: m.denominator }, m.input);
      let weighted = ZERO;
      const parts: { level: string; count: Dec; coefficient: Dec }[] = [];
      for (const [level, c] of m.coefficients) {
        const n = v.levels[level]!;
        weighted = weighted.plus(n.times(c));
        parts.push({ level, count: n, coefficient: c });
      }
      const points = max.times(weighted).div(denominator);
      const denom = denominator;
      return done(points, [line(item.id, item.label, points, () => ({ key: "votes", parts, denominator: denom, basis: m.denominator, max }))]);
    }
    case "periods": {
      const values = s.input(m.input) as readonly Dec[] | undefined;
      if (!values) return undefined;
      const total = sum(values);
      const points = m.aggregate === "sum" ? total : total.div(m.count);
      return done(points, [line(item.id, item.label, points, () => ({ key: "periods", aggregate: m.aggregate, count: m.count, values }))]);
    }
    case "carry": {
      const v = num(m.input);
      if (v === undefined) return undefined;
      const points = v.times(m.share);
      return done(points, [line(item.id, item.label, points, () => ({ key: "carry", value: v, percent: m.share.times(100) }))]);
    }
    case "linked": {
      const l = s.linked(m.rubric);
      // Every rubric of a set evaluates the same subjects, in dependency order.
      if (!l) throw new Error(`kaohe internal: no result of ${m.rubric} for ${s.id}`);
      const points = m.scaleFrom ? l.score.times(max).div(m.scaleFrom) : l.score;
      if (points.gt(max)) return void s.fail("EVAL_LINKED_OUT_OF_RANGE", { rubric: m.rubric, value: f(points), max: f(max) });
      const note = (): TrailNote => (m.scaleFrom ? { key: "linked-scaled", score: l.score, scaleFrom: m.scaleFrom, max, rubric: m.rubric } : { key: "linked", rubric: m.rubric });
      return done(points, [line(item.id, item.label, points, note)]);
    }
    default:
      return unreachable(m, "item method");
  }
}

function line(entry: string, label: string, amount: Dec, note: () => TrailNote): TrailLine {
  return { entry, label, amount, note };
}

/** Each entry's (positive) amount, bounded by the entry's max. Undefined if an input is missing. */
function entryLines(entries: readonly Entry[], s: ScoringContext): TrailLine[] | undefined {
  const lines: TrailLine[] = [];
  for (const e of entries) {
    const r = entryAmount(e, s);
    if (!r) return undefined;
    let [amount, note] = r;
    if (e.max && amount.gt(e.max)) {
      const limit = e.max;
      const before = note;
      note = () => ({ key: "limited", inner: before(), limit });
      amount = e.max;
    }
    if (!amount.isZero()) lines.push({ entry: e.id, label: e.label, amount, note });
  }
  return lines;
}

function entryAmount(e: Entry, s: ScoringContext): [Dec, () => TrailNote] | undefined {
  switch (e.type) {
    case "when":
      return testCondition(e.when, s) ? [e.points, () => ({ key: "when", condition: e.when.text, points: e.points })] : [ZERO, () => ({ key: "when", condition: e.when.text, points: ZERO })];
    case "per": {
      const v = s.input(e.input) as Dec | undefined;
      return v === undefined ? undefined : [v.times(e.points), () => ({ key: "per", value: v, points: e.points })];
    }
    case "shortfall": {
      const v = s.input(e.input) as Dec | undefined;
      if (v === undefined) return undefined;
      const missing = maxOf(ZERO, e.required.minus(v));
      return [missing.times(e.points), () => ({ key: "shortfall", missing, required: e.required, points: e.points })];
    }
    case "chosen": {
      const sheet = s.input(e.input) as ScoreSheet | undefined;
      if (!sheet) return undefined;
      const total = sum(sheet.values);
      return [total, () => ({ key: "chosen", values: sheet.values, low: e.range[0], high: e.range[1] })];
    }
    case "records":
      return recordsAmount(e, s);
    default:
      return unreachable(e, "entry type");
  }
}

function recordsAmount(e: Extract<Entry, { type: "records" }>, s: ScoringContext): [Dec, () => TrailNote] | undefined {
  const records = (s.input(e.input) as readonly RecordValue[] | undefined) ?? [];
  const amounts: { key: string; amount: Dec; index: number }[] = [];
  for (const [i, rec] of records.entries()) {
    let amount: Dec;
    if (e.amount.type === "fixed") amount = e.amount.points;
    else {
      const k = rec[e.amount.by];
      const v = typeof k === "string" ? e.amount.table.get(k) : undefined;
      if (v === undefined)
        return void s.fail("DATA_INVALID_VALUE", { field: `${e.input}[${i + 1}].${e.amount.by}`, expected: `one of ${[...e.amount.table.keys()].join(", ")}`, expects: "one-of", allowed: [...e.amount.table.keys()], received: k ?? null }, e.input);
      amount = v;
    }
    if (e.times !== undefined) amount = amount.times((rec[e.times] as Dec | undefined) ?? ONE);
    if (e.split !== undefined) {
      const n = (rec[e.split] as Dec | undefined) ?? ONE;
      if (n.isZero()) return void s.fail("DATA_OUT_OF_RANGE", { field: `${e.input}[${i + 1}].${e.split}`, expected: "at least 1", expects: "range", min: "1", received: "0" }, e.input);
      amount = amount.div(n);
    }
    const key = e.dedup ? e.dedup.key.map((k) => String(rec[k] ?? "")).join("\u0000") : String(i);
    amounts.push({ key, amount, index: i });
  }
  let kept = amounts;
  let dedup: { records: number; kept: number; key: readonly string[]; keep: string } | undefined;
  if (e.dedup) {
    const byKey = new Map<string, { key: string; amount: Dec; index: number }>();
    for (const a of amounts) {
      const prev = byKey.get(a.key);
      if (!prev) byKey.set(a.key, a);
      else if (e.dedup.keep === "sum") byKey.set(a.key, { ...prev, amount: prev.amount.plus(a.amount) });
      else if (e.dedup.keep === "max" && a.amount.gt(prev.amount)) byKey.set(a.key, a);
      else if (e.dedup.keep === "min" && a.amount.lt(prev.amount)) byKey.set(a.key, a);
    }
    kept = [...byKey.values()];
    if (kept.length < amounts.length) dedup = { records: amounts.length, kept: kept.length, key: e.dedup.key, keep: e.dedup.keep };
  }
  const total = sum(kept.map((k) => k.amount));
  return [total, () => ({ key: "records", amounts: kept.map((k) => k.amount), ...(dedup ? { dedup } : {}) })];
}

