/**
 * Which facts a condition may read, by the stage at which it is tested.
 *
 * The engine evaluates a rubric in a fixed order (src/pipeline/evaluate.ts): the tree is
 * scored, the raw grade is found by bands, then exclusions, vetoes, ranking,
 * downgrades, caps, quotas, actions and tiers. A fact is known only from the stage
 * that produces it on; a condition tested earlier would read nothing (or a 0 that is
 * not yet the total) and could never fire as written. Such a condition is
 * COND_STAGE_ORDER, naming the order of evaluation.
 *
 * | fact                                   | known from                                   |
 * |----------------------------------------|----------------------------------------------|
 * | input.*, group, rubric.<id>.*          | the start (data, and rubrics evaluated before)|
 * | score.<n>, ratio.<n>                   | once n is scored: in the tree, for nodes written before (not an ancestor); after the tree for everything |
 * | total, zeroItems                       | grade bands (after the whole tree)           |
 * | rawGrade, grade                        | exclusions (after grade bands)               |
 * | rank, groupRank                        | downgrades (after ranking)                   |
 * @internal
 */
import type { RubricPath } from "../parse/locate.js";
import type { ConditionSource, EntrySource, GroupSource, NodeSource, RubricSource } from "../schema/rubric-schema.js";
import type { CompileContext } from "./context.js";

/** The stages that test conditions, in the order the engine runs them. */
export const STAGES = ["scoring", "bands", "exclusions", "vetoes", "ranking", "downgrades", "caps", "actions"] as const;
export type ConditionStage = (typeof STAGES)[number];

const order = (s: ConditionStage): number => STAGES.indexOf(s);

/** A place where a condition (or a tie-breaker fact) is read. */
export interface ConditionSite {
  readonly stage: ConditionStage;
  /** How the message names the consumer, e.g. "a veto". */
  readonly consumer: string;
  /** The consumer as data, for the messages of every locale. */
  readonly who: { readonly kind: "only" | "entry" | "zeroIf" | "requires" | "rule" | "tieBreaker" | "action" | "tier"; readonly id?: string; readonly item?: string; readonly ruleKind?: string };
  /** A condition, or a bare fact reference (tie-breakers). */
  readonly condition: ConditionSource;
  readonly path: RubricPath;
  /** In the tree: the id of the node being scored when the condition is tested. */
  readonly node?: string;
}

const isGroup = (n: NodeSource): n is GroupSource => "children" in n;

/** Every condition of a rubric with the stage that tests it. */
export function conditionSites(source: RubricSource): ConditionSite[] {
  const sites: ConditionSite[] = [];
  const visit = (n: NodeSource, path: RubricPath): void => {
    if (n.only !== undefined) sites.push({ stage: "scoring", consumer: `the only condition of "${n.id}"`, who: { kind: "only", id: n.id }, condition: n.only, path: [...path, "only"], node: n.id });
    if (isGroup(n)) {
      n.children.forEach((c, i) => visit(c, [...path, "children", i]));
      n.outside?.forEach((c, i) => visit(c, [...path, "outside", i]));
      return;
    }
    const lists: [string, EntrySource[] | undefined][] = [];
    if (n.kind === "deduct") lists.push(["deductions", n.deductions]);
    if (n.kind === "bonus") lists.push(["additions", n.additions], ["outside", n.outside]);
    if (n.kind === "adjust") lists.push(["additions", n.additions], ["deductions", n.deductions]);
    for (const [key, entries] of lists)
      entries?.forEach((e, i) => {
        if (e.when !== undefined)
          sites.push({ stage: "scoring", consumer: `the when of entry "${e.id}" of item "${n.id}"`, who: { kind: "entry", id: e.id, item: n.id }, condition: e.when, path: [...path, key, i, "when"], node: n.id });
      });
    if (n.kind === "deduct" && n.zeroIf !== undefined)
      sites.push({ stage: "scoring", consumer: `the zeroIf of item "${n.id}"`, who: { kind: "zeroIf", item: n.id }, condition: n.zeroIf, path: [...path, "zeroIf"], node: n.id });
  };
  visit(source.scoring, ["scoring"]);
  source.grades.forEach((g, i) => {
    if (g.requires !== undefined) sites.push({ stage: "bands", consumer: `the requires of grade "${g.id}"`, who: { kind: "requires", id: g.id }, condition: g.requires, path: ["grades", i, "requires"] });
  });
  const ruleStage = { exclude: "exclusions", veto: "vetoes", downgrade: "downgrades", cap: "caps" } as const;
  const ruleName = { exclude: "an exclusion", veto: "a veto", downgrade: "a downgrade", cap: "a cap" } as const;
  (source.rules ?? []).forEach((r, i) => {
    sites.push({ stage: ruleStage[r.kind], consumer: `${ruleName[r.kind]} ("${r.id}")`, who: { kind: "rule", id: r.id, ruleKind: r.kind }, condition: r.when, path: ["rules", i, "when"] });
  });
  (source.ranking?.tieBreakers ?? []).forEach((t, i) => {
    sites.push({ stage: "ranking", consumer: "a ranking tie-breaker", who: { kind: "tieBreaker" }, condition: t.fact, path: ["ranking", "tieBreakers", i, "fact"] });
  });
  (source.actions ?? []).forEach((a, i) => {
    if (a.when !== undefined) sites.push({ stage: "actions", consumer: `action "${a.id}"`, who: { kind: "action", id: a.id }, condition: a.when, path: ["actions", i, "when"] });
  });
  (source.tiers ?? []).forEach((t, i) => {
    if (t.when !== undefined) sites.push({ stage: "actions", consumer: `tier "${t.id}"`, who: { kind: "tier", id: t.id }, condition: t.when, path: ["tiers", i, "when"] });
  });
  return sites;
}

/** Every fact reference in a condition, with the path of its text. */
export function factsOf(condition: ConditionSource, path: RubricPath): { fact: string; path: RubricPath; comparison?: Record<string, unknown> }[] {
  const out: { fact: string; path: RubricPath; comparison?: Record<string, unknown> }[] = [];
  const stack: { c: ConditionSource; path: RubricPath }[] = [{ c: condition, path }];
  while (stack.length > 0) {
    const { c, path: p } = stack.pop()!;
    if (typeof c === "string") out.push({ fact: c, path: p });
    else if ("all" in c) c.all.forEach((x, i) => stack.push({ c: x, path: [...p, "all", i] }));
    else if ("any" in c) c.any.forEach((x, i) => stack.push({ c: x, path: [...p, "any", i] }));
    else if ("not" in c) stack.push({ c: c.not, path: [...p, "not"] });
    else out.push({ fact: c.fact, path: [...p, "fact"], comparison: c as unknown as Record<string, unknown> });
  }
  return out.reverse();
}

const RUNS: Record<ConditionStage, string> = {
  scoring: "is tested while the indicator tree is scored",
  bands: "is tested while the raw grade is found by bands, after scoring",
  exclusions: "runs after grading by bands and before vetoes and ranking",
  vetoes: "runs after grading by bands and before ranking",
  ranking: "is read while subjects are ranked",
  downgrades: "runs after ranking",
  caps: "runs after ranking",
  actions: "runs last",
};

/** The first stage at which a fact is known, and how to say so; undefined: known from the start. */
function knownFrom(head: string): { stage: ConditionStage; known: string } | undefined {
  switch (head) {
    case "total":
    case "zeroItems":
      return { stage: "bands", known: `${head} is known once the whole tree is scored` };
    case "grade":
    case "rawGrade":
      return { stage: "exclusions", known: `${head} is known once the bands have given the raw grade` };
    case "rank":
    case "groupRank":
      return { stage: "downgrades", known: `${head} is known after ranking: downgrades, caps, actions and tiers may read it` };
    default:
      return undefined;
  }
}

/**
 * Reject every condition that reads a fact its stage has not produced yet
 * (COND_STAGE_ORDER at the fact).
 */
export function checkStageOrder(ctx: CompileContext, source: RubricSource): void {
  const positions = scoringOrder(source.scoring);
  for (const site of conditionSites(source)) {
    for (const { fact, path } of factsOf(site.condition, site.path)) {
      const parts = fact.split(".");
      const [head, id] = parts;
      const report = (known: string, why: Record<string, string>) =>
        ctx.error("COND_STAGE_ORDER", { fact, consumer: site.consumer, runs: RUNS[site.stage], known, stage: site.stage, who: site.who, why }, path);
      if ((head === "score" || head === "ratio") && parts.length === 2 && id && ctx.nodeIds.has(id)) {
        if (site.stage !== "scoring" || site.node === undefined) continue;
        const read = positions.get(id);
        const at = positions.get(site.node);
        // Readable when the node's subtree is scored before the consumer's node starts.
        if (read && at && !(read.end < at.start))
          report(
            id === site.node
              ? `it is the points of "${id}" itself, being scored`
              : read.start < at.start
                ? `"${id}" contains "${site.node}" and is scored after it`
                : `"${id}" is scored after "${site.node}": nodes are scored in the order written, a group after its children`,
            { reason: id === site.node ? "self" : read.start < at.start ? "contains" : "after", id, node: site.node },
          );
        continue;
      }
      if (parts.length !== 1 || head === undefined) continue;
      const known = knownFrom(head);
      if (known && order(site.stage) < order(known.stage)) report(known.known, { reason: "known-from", head, from: known.stage });
    }
  }
}

/** Pre-order position of each node and the last position inside its subtree. */
function scoringOrder(root: GroupSource): Map<string, { start: number; end: number }> {
  const out = new Map<string, { start: number; end: number }>();
  let counter = 0;
  // Iterative depth-first walk: children, then outside, as score-tree.ts scores them.
  const stack: { node: NodeSource; leaving: boolean }[] = [{ node: root, leaving: false }];
  const starts = new Map<NodeSource, number>();
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (leaving) {
      if (!out.has(node.id)) out.set(node.id, { start: starts.get(node)!, end: counter - 1 });
      continue;
    }
    starts.set(node, counter++);
    stack.push({ node, leaving: true });
    if (isGroup(node)) {
      const next = [...node.children, ...(node.outside ?? [])];
      for (let i = next.length - 1; i >= 0; i--) stack.push({ node: next[i]!, leaving: false });
    }
  }
  return out;
}
