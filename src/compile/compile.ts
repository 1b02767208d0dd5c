/**
 * Stage 3: RubricSource → CompiledRubric. Resolves ids, compiles conditions,
 * normalises weights and checks the meaning of the rubric. Collects every issue.
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import type { Issue } from "../diagnostics/issue.js";
import { dec, ONE, type Dec } from "../decimal/decimal.js";
import type { Locator, RubricPath } from "../parse/locate.js";
import { parseDate } from "../decimal/dates.js";
import type { NodeSource, RubricSource } from "../schema/rubric-schema.js";
import { CompileContext, didYouMean, nullPrototype } from "./context.js";
import { compileCondition, tieBreakerValue } from "./facts.js";
import { sealRubric } from "./rubric-data.js";
import { checkItemMissing, checkSubjectColumns, declareInputs } from "./inputs.js";
import type { ActionSpec, CompiledRubric, GradeSpec, GroupNode, QuotaSpec, RuleSpec, TieBreaker, TierSpec, TreeNode } from "./model.js";
import { checkRubricSanity } from "./sanity.js";
import { compileTree, registerTree } from "./tree.js";

/**
 * Compile a validated rubric source. Returns the rubric, or every issue found.
 *
 * @param source - output of schema validation
 * @param options - `file` and `locate` to attach source positions to issues
 * @returns `{ rubric }` or `{ issues }`
 */
export function compileRubric(
  source: RubricSource,
  options: { file?: string; locate?: Locator } = {},
): { rubric?: CompiledRubric; issues: Issue[]; warnings: Issue[] } {
  const ctx = new CompileContext(source.id, options.locate);
  ctx.grades = source.grades.map((g) => g.id);
  ctx.gradeNames = source.grades.map((g) => ({ id: g.id, label: g.label ?? g.id }));
  ctx.rootId = source.scoring.id;
  ctx.wholeTotal = source.rounding?.places === 0;
  const markWhole = (n: NodeSource): void => {
    if (n.round?.places === 0) ctx.wholeNodes.add(n.id);
    if ("children" in n) for (const c of [...n.children, ...(n.outside ?? [])]) markWhole(c);
  };
  markWhole(source.scoring);
  markCeilings(ctx, source.scoring);
  if (source.asOf !== undefined) {
    const asOf = parseDate(source.asOf);
    if ("iso" in asOf) ctx.asOf = asOf.iso;
  }
  declareInputs(ctx, source.inputs);
  registerTree(ctx, source.scoring);
  checkRubricSanity(ctx, source);
  const tree = compileTree(ctx, source.scoring);
  checkItemMissing(ctx, tree.items);
  checkSubjectColumns(ctx, source.subject);
  // 满分: a summed or weighted total whose full mark is not declared is not checked.
  const rootCombine = source.scoring.combine ?? "sum";
  if (source.scoring.max === undefined && (rootCombine === "sum" || rootCombine === "weighted"))
    ctx.warn("ROOT_MAX_UNDECLARED", { combine: rootCombine, computed: tree.root.max.toFixed() }, ["scoring"], "scoring");
  const nodeMax = (id: string) => tree.nodes.get(id)?.max;
  const cond = (c: Parameters<typeof compileCondition>[1], path: RubricPath) => compileCondition(ctx, c, path, nodeMax);

  const grades = compileGrades(ctx, source, cond);
  const gradeIndex = (name: string, path: RubricPath): number | undefined => ctx.gradeIndex(name, path);

  // Rules, grouped by kind (applied veto → downgrade → cap after exclusions).
  const ruleIds = new Map<string, RubricPath>();
  const rules = { exclusions: [] as RuleSpec[], vetoes: [] as RuleSpec[], downgrades: [] as RuleSpec[], caps: [] as RuleSpec[] };
  (source.rules ?? []).forEach((r, i) => {
    const path = ["rules", i];
    uniqueId(ctx, ruleIds, r.id, "rule", path);
    const when = cond(r.when, [...path, "when"]);
    const base = { id: r.id, reason: r.reason, path };
    switch (r.kind) {
      case "veto": {
        const grade = r.grade === undefined ? ctx.grades.length - 1 : gradeIndex(r.grade, [...path, "grade"]);
        if (when && grade !== undefined)
          rules.vetoes.push({ ...base, kind: "veto", when, grade, zeroScore: r.score === "zero", unranked: r.ranking === "exclude" });
        break;
      }
      case "downgrade":
        if (when) rules.downgrades.push({ ...base, kind: "downgrade", when, levels: r.levels ?? 1 });
        break;
      case "cap": {
        const grade = gradeIndex(r.grade, [...path, "grade"]);
        if (when && grade !== undefined) rules.caps.push({ ...base, kind: "cap", when, grade });
        break;
      }
      case "exclude":
        if (when) rules.exclusions.push({ ...base, kind: "exclude", when });
        break;
      default:
        unreachable(r, "rule kind");
    }
  });

  const quotaIds = new Map<string, RubricPath>(ruleIds);
  const quotas: QuotaSpec[] = [];
  (source.quotas ?? []).forEach((q, i) => {
    const path = ["quotas", i];
    uniqueId(ctx, quotaIds, q.id, "rule or quota", path);
    const grade = gradeIndex(q.grade, [...path, "grade"]);
    // Quota moves go one grade down: the lowest grade has nowhere to send anyone.
    if (grade !== undefined && grade === ctx.grades.length - 1)
      ctx.error("QUOTA_LOWEST_GRADE", { quota: q.id, grade: ctx.grades[grade] }, [...path, "grade"]);
    let share: QuotaSpec["share"];
    if (q.share !== undefined) {
      const fraction = typeof q.share === "string" && q.share.includes("/") ? q.share.split("/").map((x) => dec(x.trim())) : undefined;
      share = fraction ? { numerator: fraction[0]!, denominator: fraction[1]!, text: q.share.toString().replace(/\s/g, "") } : { numerator: dec(q.share), denominator: dec(1), text: String(q.share) };
      const value = share.numerator.div(share.denominator);
      if (value.lt(0) || value.gt(1)) ctx.error("QUOTA_SHARE_RANGE", { received: String(q.share) }, [...path, "share"]);
    }
    if (grade !== undefined && grade < ctx.grades.length - 1)
      quotas.push({
        id: q.id,
        grade,
        ...(share !== undefined ? { share } : {}),
        ...(q.count !== undefined ? { count: q.count } : {}),
        scope: q.scope ?? "all",
        rounding: q.rounding ?? "floor",
        ties: q.ties ?? "demote",
      });
  });

  const tieBreakers: TieBreaker[] = [];
  (source.ranking?.tieBreakers ?? []).forEach((t, i) => {
    const value = tieBreakerValue(ctx, t.fact, ["ranking", "tieBreakers", i, "fact"], nodeMax);
    if (value) tieBreakers.push({ fact: t.fact, order: t.order ?? "desc", value });
  });

  const actionIds = new Map<string, RubricPath>();
  const actions: ActionSpec[] = [];
  (source.actions ?? []).forEach((a, i) => {
    uniqueId(ctx, actionIds, a.id, "action", ["actions", i]);
    const when = a.when === undefined ? undefined : cond(a.when, ["actions", i, "when"]);
    if (a.when === undefined || when) actions.push({ id: a.id, label: a.label ?? a.id, ...(when ? { when } : {}) });
  });

  const tierIds = new Map<string, RubricPath>();
  const tiers: TierSpec[] = [];
  (source.tiers ?? []).forEach((t, i) => {
    uniqueId(ctx, tierIds, t.id, "tier", ["tiers", i]);
    const when = t.when === undefined ? undefined : cond(t.when, ["tiers", i, "when"]);
    if (t.when !== undefined && !when) return;
    if (t.when === undefined && i !== (source.tiers?.length ?? 0) - 1)
      ctx.error("SCHEMA_CONSTRAINT", { reason: "tier-when-last" }, ["tiers", i]);
    tiers.push({ id: t.id, label: t.label ?? t.id, ...(t.followUp ? { followUp: t.followUp } : {}), ...(when ? { when } : {}) });
  });

  for (const [i, t] of (source.tests ?? []).entries()) checkTestCase(ctx, t, ["tests", i], source.id);

  const within = source.feedback?.within ?? [tree.root.id];
  within.forEach((id, i) => {
    if (!tree.nodes.has(id)) ctx.error("REF_UNKNOWN_NODE", { id, ...(didYouMean(id, tree.nodes.keys()) ? { didYouMean: didYouMean(id, tree.nodes.keys()) } : {}) }, ["feedback", "within", i]);
  });
  if (ctx.issues.length > 0) return { issues: ctx.issues, warnings: ctx.warnings };
  // Only now is every weight known to be valid.
  const factors = totalFactors(tree.root);
  const feedbackItems = new Map<string, Dec>();
  const collect = (n: TreeNode, inside: boolean): void => {
    const here = inside || within.includes(n.id);
    if (n.type === "item") {
      if (here) feedbackItems.set(n.id, factors.get(n.id)!);
    } else for (const c of [...n.children, ...n.outside]) collect(c, here);
  };
  collect(tree.root, false);

  const rubric: CompiledRubric = {
    id: source.id,
    name: source.name,
    year: source.year,
    version: source.version,
    ...(source.description ? { description: source.description } : {}),
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(source.subject?.label ? { subjectLabel: source.subject.label } : {}),
    ...(source.subject?.group ? { groupLabel: source.subject.group } : {}),
    ...(source.subject?.id ? { idColumn: source.subject.id } : {}),
    ...(source.subject?.name ? { nameColumn: source.subject.name } : {}),
    ignoredColumns: source.subject?.ignore ?? [],
    ...(ctx.asOf !== undefined ? { asOf: ctx.asOf } : {}),
    ...(source.rounding ? { rounding: { places: source.rounding.places, mode: source.rounding.mode ?? "half-up" } } : {}),
    policy: { bandGaps: source.policy?.bandGaps ?? "lower", downgrades: source.policy?.downgrades ?? "sum" },
    inputs: ctx.inputs,
    grades,
    root: tree.root,
    nodes: tree.nodes,
    items: tree.items,
    rules,
    quotas,
    tieBreakers,
    actions,
    tiers,
    feedback: {
      problems: source.feedback?.problems ?? 3,
      highlights: source.feedback?.highlights ?? 3,
      commonShare: dec(source.feedback?.commonShare ?? "50%"),
      commonLoss: dec(source.feedback?.commonLoss ?? "10%"),
      items: feedbackItems,
    },
    dependencies: ctx.dependencies,
    gradeReferences: ctx.gradeReferences,
    factInputs: ctx.factInputs,
    factNodes: ctx.factNodes,
    tests: (source.tests ?? []).map((t, i) => ({ ...t, ...(t.expect ? { expect: keyedExpectations(t.expect) } : {}), path: ["tests", i] })),
    ...(options.locate ? { locate: options.locate } : {}),
  };
  return { rubric: sealRubric(rubric), issues: [], warnings: ctx.warnings };
}

/**
 * Which nodes' points can rise above their max: a bonus item or a group with
 * `outside` entries, and every group above one unless a `cap` bounds its children;
 * a group's `limit` is its ceiling. Returns whether `n` can exceed its max with no
 * limit to bound it.
 */
function markCeilings(ctx: CompileContext, n: NodeSource): boolean {
  let exceeds: boolean;
  if ("children" in n) {
    // A cap bounds the combined children; outside nodes are added after it.
    const children = n.children.map((c) => markCeilings(ctx, c));
    (n.outside ?? []).forEach((c) => markCeilings(ctx, c));
    exceeds = (n.cap === undefined && children.some(Boolean)) || (n.outside ?? []).length > 0;
    if (n.limit !== undefined && n.limit !== null) ctx.ceilings.set(n.id, dec(n.limit));
  } else exceeds = n.kind === "bonus" && (n.outside ?? []).length > 0;
  if (exceeds) ctx.exceedsMax.add(n.id);
  return exceeds && !ctx.ceilings.has(n.id);
}

/**
 * How much one point of each node is worth in the total: the product of the weights
 * (weighted groups), 1/n (mean groups) and normalisation factors above it.
 */
function totalFactors(root: GroupNode): Map<string, Dec> {
  const out = new Map<string, Dec>();
  const visit = (n: TreeNode, factor: Dec) => {
    out.set(n.id, factor);
    if (n.type !== "group") return;
    // A normalised group rescales its children's points by normalizeTo / full points.
    const inner = n.maxBeforeNormalising;
    const base = n.normalizeTo && inner && !inner.isZero() ? factor.times(n.normalizeTo).div(inner) : factor;
    for (const c of n.children) {
      const w = n.combine === "weighted" ? c.weight! : n.combine === "mean" ? ONE.div(n.children.length) : ONE;
      visit(c, base.times(w));
    }
    for (const c of n.outside) visit(c, factor);
  };
  visit(root, ONE);
  return out;
}

/** A test case's expectations by subject id, and their points by node id, without prototypes. */
function keyedExpectations(expect: NonNullable<NonNullable<RubricSource["tests"]>[number]["expect"]>): typeof expect {
  const out = nullPrototype(expect);
  for (const [id, e] of Object.entries(out)) if (e.points) out[id] = { ...e, points: nullPrototype(e.points) };
  return out;
}

function uniqueId(ctx: CompileContext, seen: Map<string, RubricPath>, id: string, what: string, path: RubricPath): void {
  const first = seen.get(id);
  if (first) ctx.error("REF_DUPLICATE_ID", { what, id, first: ctx.where(first) }, [...path, "id"]);
  else seen.set(id, path);
}

/**
 * The grade scale with EFFECTIVE bands. A grade declared without an upper bound
 * (良好 `min: 80` under 优秀 `min: 90`) reaches up to the better grade's lower
 * bound, exclusive when that bound is inclusive (< 90 under `min: 90`), inclusive
 * when it is exclusive (≤ 90 under `above: 90`). So an open band never swallows a
 * gap between declared bands: a score there follows policy.bandGaps. Only the best
 * grade may stay unbounded above, only the last unbounded below.
 */
function compileGrades(
  ctx: CompileContext,
  source: RubricSource,
  cond: (c: Parameters<typeof compileCondition>[1], path: RubricPath) => ReturnType<typeof compileCondition>,
): GradeSpec[] {
  const ids = new Map<string, RubricPath>();
  const declared = source.grades.map((g, i) => {
    const path = ["grades", i];
    uniqueId(ctx, ids, g.id, "grade", path);
    if (g.min !== undefined && g.above !== undefined) ctx.error("SCHEMA_CONSTRAINT", { reason: "grade-min-and-above" }, path);
    if (g.max !== undefined && g.below !== undefined) ctx.error("SCHEMA_CONSTRAINT", { reason: "grade-max-and-below" }, path);
    const lowerRaw = g.min ?? g.above;
    const upperRaw = g.max ?? g.below;
    if (lowerRaw === undefined && i < source.grades.length - 1)
      ctx.error("SCHEMA_CONSTRAINT", { reason: "grade-lower-bound", grade: g.id }, path);
    return {
      ...(lowerRaw !== undefined ? { lower: { value: dec(lowerRaw), inclusive: g.min !== undefined } } : {}),
      ...(upperRaw !== undefined ? { upper: { value: dec(upperRaw), inclusive: g.max !== undefined } } : {}),
    } as Pick<GradeSpec, "lower" | "upper">;
  });
  const grades: GradeSpec[] = source.grades.map((g, i) => {
    const path = ["grades", i];
    const own = declared[i]!;
    const better = declared[i - 1]?.lower;
    const upper = own.upper ?? (better ? { value: better.value, inclusive: !better.inclusive } : undefined);
    const requires = g.requires === undefined ? undefined : cond(g.requires, [...path, "requires"]);
    return {
      id: g.id,
      label: g.label ?? g.id,
      ...(own.lower ? { lower: own.lower } : {}),
      ...(upper ? { upper } : {}),
      declared: own,
      ...(requires ? { requires } : {}),
    };
  });
  for (let i = 0; i < grades.length; i++) {
    const g = grades[i]!;
    const prev = grades[i - 1];
    if (prev && g.lower && prev.lower && !g.lower.value.lt(prev.lower.value) && !(g.lower.value.eq(prev.lower.value) && !prev.lower.inclusive && g.lower.inclusive)) {
      ctx.error("BAND_ORDER", { id: g.id, threshold: g.lower.value.toFixed(), previous: prev.lower.value.toFixed() }, ["grades", i]);
      continue;
    }
    // Bounds in order, the effective band is empty only when the declared one is.
    if (g.lower && g.upper && (g.upper.value.lt(g.lower.value) || (g.upper.value.eq(g.lower.value) && !(g.upper.inclusive && g.lower.inclusive)))) {
      ctx.error("RANGE_INVALID", { reason: "grade-empty-band", grade: g.id }, ["grades", i]);
      continue;
    }
    // The effective band must not share a score with any better grade's band
    // (open bands included: a better grade without an upper bound reaches to infinity).
    const other = grades.slice(0, i).find((better) => bandsOverlap(g, better));
    if (other) ctx.error("BAND_OVERLAP", { id: g.id, other: other.id }, ["grades", i]);
  }
  return grades;
}

type Bound = { readonly value: Dec; readonly inclusive: boolean };

/** Do two bands share a score? A missing bound is unbounded on that side. */
function bandsOverlap(a: Pick<GradeSpec, "lower" | "upper">, b: Pick<GradeSpec, "lower" | "upper">): boolean {
  // They overlap unless one lies entirely below the other.
  const below = (upper: Bound | undefined, lower: Bound | undefined) =>
    upper !== undefined && lower !== undefined && (upper.value.lt(lower.value) || (upper.value.eq(lower.value) && !(upper.inclusive && lower.inclusive)));
  return !below(a.upper, b.lower) && !below(b.upper, a.lower);
}

function checkTestCase(ctx: CompileContext, t: NonNullable<RubricSource["tests"]>[number], path: RubricPath, rubricId: string): void {
  if (t.rubric !== undefined && t.rubric !== rubricId) return; // checked against that rubric when the set is linked
  for (const [subject, e] of Object.entries(t.expect ?? {})) {
    for (const key of ["grade", "rawGrade"] as const) {
      const g = e[key];
      if (typeof g === "string") ctx.gradeIndex(g, [...path, "expect", subject, key]);
    }
    for (const id of Object.keys(e.points ?? {}))
      if (!ctx.nodeIds.has(id)) ctx.error("REF_UNKNOWN_NODE", { id }, [...path, "expect", subject, "points", id]);
  }
  if (!t.expect && !t.error) ctx.error("SCHEMA_CONSTRAINT", { reason: "test-expect-or-error" }, path);
}

