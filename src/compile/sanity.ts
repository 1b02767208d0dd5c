/**
 * Rubric values that the schema accepts by type but that have no sensible meaning:
 * each is refused at its line:col instead of being computed with.
 *
 * - group: `normalizeTo` must be above 0; `cap` must not be below 0; `floor` must not
 *   be above `cap`, nor above `limit` (when the group is not normalised: then both are
 *   in the same points);
 * - items: `carry.share` in (0, 100%]; `linked.scaleFrom` above 0; panel rater
 *   groups with distinct ids and positive weights;
 * - inputs: choice `values`, grade `scale` and vote `levels` without duplicates;
 * - conditions: `top` / `bottom` as a share at most 100%;
 * - feedback: `commonShare` and `commonLoss` within 0..100%.
 *
 * Checks the schema can state (an item's max ≥ 0, a non-empty `levels`) live there.
 * @internal
 */
import { dec, ONE, parseDecimal, type Dec } from "../decimal/decimal.js";
import type { RubricPath } from "../parse/locate.js";
import type { GroupSource, NodeSource, RubricSource } from "../schema/rubric-schema.js";
import type { CompileContext } from "./context.js";
import { checkStageOrder, conditionSites, factsOf } from "./stages.js";

const isGroup = (n: NodeSource): n is GroupSource => "children" in n;
const fmt = (v: Dec) => v.toFixed();

/** Values without a sensible meaning (this module), and conditions read too early (stages.ts). */
export function checkRubricSanity(ctx: CompileContext, source: RubricSource): void {
  checkRubricValues(ctx, source);
  checkStageOrder(ctx, source);
}

function checkRubricValues(ctx: CompileContext, source: RubricSource): void {
  checkInputs(ctx, source);
  const stack: { node: NodeSource; path: RubricPath }[] = [{ node: source.scoring, path: ["scoring"] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isGroup(node)) {
      checkGroup(ctx, node, path);
      node.children.forEach((c, i) => stack.push({ node: c, path: [...path, "children", i] }));
      node.outside?.forEach((c, i) => stack.push({ node: c, path: [...path, "outside", i] }));
    } else checkItem(ctx, node, path);
  }
  checkConditionShares(ctx, source);
  for (const key of ["commonShare", "commonLoss"] as const) {
    const share = source.feedback?.[key];
    if (share === undefined) continue;
    const v = dec(share);
    if (!v.lt(0) && !v.gt(ONE)) continue;
    if (key === "commonShare") ctx.error("RANGE_INVALID", { reason: "common-share", received: String(share) }, ["feedback", key]);
    else ctx.error("RANGE_INVALID", { reason: "common-loss", received: String(share) }, ["feedback", key]);
  }
}

function checkGroup(ctx: CompileContext, g: GroupSource, path: RubricPath): void {
  const normalizeTo = g.normalizeTo === undefined ? undefined : dec(g.normalizeTo);
  const cap = g.cap === undefined ? undefined : dec(g.cap);
  const floor = g.floor === undefined ? undefined : dec(g.floor);
  const limit = g.limit === undefined || g.limit === null ? undefined : dec(g.limit);
  if (normalizeTo?.lte(0))
    ctx.error("RANGE_INVALID", { reason: "normalize-to", received: fmt(normalizeTo) }, [...path, "normalizeTo"]);
  if (cap?.lt(0)) ctx.error("RANGE_INVALID", { reason: "group-cap-negative", cap: fmt(cap) }, [...path, "cap"]);
  if (floor && cap && floor.gt(cap)) ctx.error("RANGE_INVALID", { reason: "floor-above-cap", floor: fmt(floor), cap: fmt(cap) }, [...path, "floor"]);
  else if (floor && limit && normalizeTo === undefined && floor.gt(limit))
    ctx.error("RANGE_INVALID", { reason: "floor-above-limit", floor: fmt(floor), limit: fmt(limit) }, [...path, "floor"]);
}

function checkItem(ctx: CompileContext, item: Exclude<NodeSource, GroupSource>, path: RubricPath): void {
  switch (item.kind) {
    case "carry": {
      const share = dec(item.share);
      if (share.lte(0) || share.gt(ONE))
        ctx.error("RANGE_INVALID", { reason: "carry-share", received: String(item.share) }, [...path, "share"]);
      break;
    }
    case "linked":
      if (item.scaleFrom !== undefined && dec(item.scaleFrom).lte(0))
        ctx.error("RANGE_INVALID", { reason: "scale-from", received: String(item.scaleFrom) }, [...path, "scaleFrom"]);
      break;
    case "panel": {
      const seen = new Map<string, RubricPath>();
      item.groups?.forEach((g, i) => {
        const p = [...path, "groups", i];
        const first = seen.get(g.id);
        if (first) ctx.error("REF_DUPLICATE_ID", { what: "rater group", id: g.id, first: ctx.where(first) }, [...p, "id"]);
        else seen.set(g.id, [...p, "id"]);
        const w = dec(g.weight);
        if (w.lte(0)) ctx.error("RANGE_INVALID", { reason: "rater-weight", group: g.id, received: String(g.weight) }, [...p, "weight"]);
      });
      break;
    }
    default:
      break;
  }
}

function checkInputs(ctx: CompileContext, source: RubricSource): void {
  for (const [name, d] of Object.entries(source.inputs ?? {})) {
    const list = d.type === "choice" ? d.values : d.type === "grade" ? d.scale : d.type === "votes" ? d.levels : undefined;
    if (!list) continue;
    const key = d.type === "choice" ? "values" : d.type === "grade" ? "scale" : "levels";
    const what = d.type === "choice" ? "choice value" : d.type === "grade" ? "grade" : "vote level";
    const seen = new Map<string, number>();
    list.forEach((v, i) => {
      const first = seen.get(v);
      if (first !== undefined) ctx.error("REF_DUPLICATE_ID", { what, id: v, first: ctx.where(["inputs", name, key, first]) }, ["inputs", name, key, i]);
      else seen.set(v, i);
    });
  }
}

/** `top: "150%"` can never mean more than every subject: refused as for rank items. */
function checkConditionShares(ctx: CompileContext, source: RubricSource): void {
  for (const site of conditionSites(source)) {
    for (const { path, comparison } of factsOf(site.condition, site.path)) {
      if (!comparison) continue;
      for (const op of ["top", "bottom"] as const) {
        const raw = comparison[op];
        if (typeof raw !== "string" || !raw.includes("%")) continue;
        const v = parseDecimal(raw);
        if (v?.gt(ONE)) ctx.error("QUOTA_SHARE_RANGE", { received: raw }, [...path.slice(0, -1), op]);
      }
    }
  }
}
