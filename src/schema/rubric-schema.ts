/**
 * The authoring format of a rubric, as zod schemas. This is the only module that
 * imports zod. Descriptions become the JSON Schema that editors use for completion.
 *
 * Error messages that start with "expected " are read by validate.ts as the
 * expected type of a value (see mapZodIssue).
 */
import { z } from "zod";
import { parseDate } from "../engine/dates.js";
import { DECIMAL_PATTERN, parseDecimal, PERCENT_PATTERN, ROUNDING_MODES } from "../engine/decimal.js";
import { expected } from "./expectations.js";
import { isReservedName, RESERVED_NAMES } from "./reserved.js";

export const ID_PATTERN = /^[\p{L}\p{N}_-]+$/u;

/** Refinement: not __proto__, constructor or prototype (validate.ts reports SCHEMA_RESERVED_NAME). */
const notReserved = [
  (s: string) => !isReservedName(s),
  { params: { reserved: true }, message: `a reserved name (${RESERVED_NAMES.join(", ")})` },
] as const;

export const Id = z
  .string({ error: expected("id") })
  .regex(ID_PATTERN, { error: expected("id-chars") })
  .refine(...notReserved);

/** A name that data keys or columns are matched against (choice values, record fields, labels). */
const Name = z.string().refine(...notReserved);

/** A decimal literal: a YAML number or a quoted decimal string ("0.1"). */
const DECIMAL_EXPECTED = expected("decimal");
const SHARE_EXPECTED = expected("share");
export const DecimalValue = z.union([z.number(), z.string().regex(DECIMAL_PATTERN, { error: DECIMAL_EXPECTED })], {
  error: DECIMAL_EXPECTED,
});

/** A decimal that must not be negative (full marks, maxima, required counts). */
const NonNegativeDecimal = DecimalValue.superRefine((v, ctx) => {
  if (parseDecimal(v)?.lt(0)) ctx.addIssue({ code: "too_small", minimum: 0, inclusive: true, origin: "number", input: v, message: "expected at least 0" });
}).meta({ minimum: 0 });

/** A mapping keyed by user names that must hold at least one entry (levels, coefficients, tables). */
const nonEmpty = <T extends z.ZodType>(record: T) =>
  record
    .superRefine((v, ctx) => {
      if (v && typeof v === "object" && Object.keys(v).length === 0)
        ctx.addIssue({ code: "too_small", minimum: 1, inclusive: true, origin: "object" as never, input: v, message: "expected at least one entry" });
    })
    .meta({ minProperties: 1 });

/** A share: a percentage string ("60%") or a number (a fraction, or a ratio part). */
export const ShareValue = z.union(
  [z.number(), z.string().regex(PERCENT_PATTERN, { error: SHARE_EXPECTED }), z.string().regex(DECIMAL_PATTERN, { error: SHARE_EXPECTED })],
  { error: SHARE_EXPECTED },
);

/** A calendar date: "2024-12-31", "2024/12/31" or "2024年12月31日"; impossible dates are rejected. */
export const DateText = z
  .string({ error: expected("date") })
  .refine((t) => "iso" in parseDate(t), { error: expected("real-date"), params: { reason: "real-date" } });

/** A bound of a comparison: a number, a share, or a date (for date facts; checked when compiled). */
const BOUND_EXPECTED = expected("bound");
const Bound = z.union([ShareValue, z.string().regex(/^\s*\d{4}(-\d{1,2}-\d{1,2}|\/\d{1,2}\/\d{1,2}|年\d{1,2}月\d{1,2}日?)\s*$/, { error: BOUND_EXPECTED })], {
  error: BOUND_EXPECTED,
});

/** A grade named by its id or its label (好 or good). */
const GradeName = z.string({ error: expected("grade-name") }).min(1).refine(...notReserved).describe("a grade of the scale, by id or label");

const Rounding = z
  .strictObject({
    places: z.number({ error: expected("places") }).int().min(0).max(10),
    mode: z.enum(ROUNDING_MODES).default("half-up").describe("rounding mode; default half-up (四舍五入)"),
  })
  .describe("round to `places` decimals with `mode`");

const Illustrative = z
  .union([z.boolean(), z.string()])
  .optional()
  .describe("marks a value the source document does not give (chosen for illustration)");

// ---------------------------------------------------------------- conditions

/** A condition: a bare fact (true when the fact is true), or all/any/not, or a comparison. */
export type ConditionSource =
  | string
  | { all: ConditionSource[] }
  | { any: ConditionSource[] }
  | { not: ConditionSource }
  | ComparisonSource;

export const COMPARATORS = [
  "is",
  "eq",
  "ne",
  "in",
  "notIn",
  "lt",
  "lte",
  "gt",
  "gte",
  "between",
  "worseThan",
  "betterThan",
  "atLeast",
  "atMost",
  "top",
  "bottom",
] as const;
export type Comparator = (typeof COMPARATORS)[number];

export interface ComparisonSource {
  fact: string;
  is?: boolean;
  eq?: string | number | boolean;
  ne?: string | number | boolean;
  in?: (string | number)[];
  notIn?: (string | number)[];
  lt?: string | number;
  lte?: string | number;
  gt?: string | number;
  gte?: string | number;
  between?: [string | number, string | number];
  worseThan?: string;
  betterThan?: string;
  atLeast?: string;
  atMost?: string;
  top?: string | number;
  bottom?: string | number;
}

const Scalar = z.union([z.string(), z.number(), z.boolean()], { error: expected("scalar") });

const Comparison = z
  .strictObject({
    fact: z
      .string({ error: expected("fact") })
      .describe("what is compared: total | score.<node> | ratio.<node> | input.<name> | grade | rawGrade | rank | groupRank | group | zeroItems | monthsSince.<date input> | daysSince.<date input> | rubric.<id>.(score|grade|rank)"),
    is: z.boolean().optional().describe("boolean fact equals"),
    eq: Scalar.optional(),
    ne: Scalar.optional(),
    in: z.array(z.union([z.string(), z.number()])).min(1).optional(),
    notIn: z.array(z.union([z.string(), z.number()])).min(1).optional(),
    lt: Bound.optional(),
    lte: Bound.optional(),
    gt: Bound.optional(),
    gte: Bound.optional(),
    between: z.tuple([Bound, Bound]).optional().describe("inclusive range [low, high] (numbers, or dates for a date fact)"),
    worseThan: GradeName.optional().describe("grade strictly worse than (未达到), by id or label"),
    betterThan: GradeName.optional().describe("grade strictly better than, by id or label"),
    atLeast: GradeName.optional().describe("grade equal or better, by id or label"),
    atMost: GradeName.optional().describe("grade equal or worse, by id or label"),
    top: ShareValue.optional().describe('rank within the first N, or the first "10%"'),
    bottom: ShareValue.optional().describe('rank within the last N, or the last "10%"'),
  })
  .superRefine((value, ctx) => {
    const ops = COMPARATORS.filter((op) => (value as Record<string, unknown>)[op] !== undefined);
    if (ops.length !== 1) {
      ctx.addIssue({
        code: "custom",
        params: { reason: "comparison-operators", found: ops, operators: [...COMPARATORS] },
        message:
          ops.length === 0
            ? `a comparison needs exactly one operator: ${COMPARATORS.join(", ")}`
            : `a comparison has exactly one operator, found ${ops.join(" and ")}`,
      });
    }
  });

export const Condition: z.ZodType<ConditionSource, ConditionSource> = z.lazy(() =>
  z.union(
    [
      z.string().describe("a boolean fact, e.g. input.serious_violation"),
      z.strictObject({ all: z.array(Condition).min(1) }),
      z.strictObject({ any: z.array(Condition).min(1) }),
      z.strictObject({ not: Condition }),
      Comparison,
    ],
    { error: expected("condition") },
  ),
);

// ---------------------------------------------------------------- inputs

/** What an item does when it reads an input the subject does not give. */
export const MISSING_POLICIES = ["error", "zero", "skip"] as const;
const MissingPolicy = z
  .enum(MISSING_POLICIES)
  .describe("an absent value read by an item: error (default, DATA_MISSING_FIELD), zero (read as 0; a scores input as an empty list) or skip (the item does not apply)");

const inputBase = {
  label: Name.optional().describe("human name; also accepted as the column header"),
  required: z.boolean().optional().describe("default true unless a default is given or missing is zero or skip"),
};
const inputMissing = { missing: MissingPolicy.optional() };
const Places = z.number().int().min(0).max(10).optional().describe("at most this many decimals (可评一位小数)");

const NumberRange = {
  min: DecimalValue.optional(),
  max: DecimalValue.optional(),
  places: Places,
  clamp: z.boolean().optional().describe("bring out-of-range values to the nearest bound instead of failing"),
};

export const InputDecl = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("number"), ...inputBase, ...inputMissing, ...NumberRange, default: DecimalValue.optional() }),
    z.strictObject({
      type: z.literal("count"),
      ...inputBase,
      ...inputMissing,
      max: z.number().int().min(0).optional(),
      clamp: z.boolean().optional(),
      default: z.number().int().min(0).optional(),
    }),
    z.strictObject({
      type: z.literal("ratio"),
      ...inputBase,
      ...inputMissing,
      min: ShareValue.optional(),
      max: ShareValue.optional(),
      clamp: z.boolean().optional(),
      default: ShareValue.optional(),
    }),
    z.strictObject({ type: z.literal("boolean"), ...inputBase, ...inputMissing, default: z.boolean().optional() }),
    z.strictObject({ type: z.literal("choice"), ...inputBase, ...inputMissing, values: z.array(Name).min(1), default: z.string().optional() }),
    z.strictObject({
      type: z.literal("grade"),
      ...inputBase,
      ...inputMissing,
      scale: z.array(Name).min(2).describe("grades of the other assessment, best first, e.g. [A, B, C, D]"),
      default: z.string().optional(),
    }),
    z.strictObject({ type: z.literal("text"), ...inputBase, ...inputMissing, default: z.string().optional() }),
    z
      .strictObject({ type: z.literal("date"), ...inputBase, ...inputMissing, default: DateText.optional() })
      .describe("a calendar date: 2024-03-01, 2024/3/1 or 2024年3月1日 (组建日期, 任职日期)"),
    z.strictObject({ type: z.literal("rank"), ...inputBase, ...inputMissing, default: z.string().optional() }).describe('a rank "k/N", e.g. the previous year\'s'),
    z.strictObject({
      type: z.literal("scores"),
      ...inputBase,
      ...inputMissing,
      min: DecimalValue.optional(),
      max: DecimalValue.optional(),
      places: Places.describe("at most this many decimals per score (可评一位小数)"),
    }),
    z.strictObject({ type: z.literal("votes"), ...inputBase, ...inputMissing, levels: z.array(Name).min(1) }),
    z.strictObject({
      type: z.literal("series"),
      ...inputBase,
      ...inputMissing,
      length: z.number().int().min(1),
      min: DecimalValue.optional(),
      max: DecimalValue.optional(),
    }),
    z.strictObject({
      type: z.literal("records"),
      ...inputBase,
      fields: z.record(Id, z.enum(["text", "count", "number"])).describe("field name → text | count | number"),
    }),
  ],
  { error: expected("input-type") },
);
export type InputDeclSource = z.input<typeof InputDecl>;

// ---------------------------------------------------------------- indicator tree

const nodeBase = {
  id: Id,
  label: z.string().optional().describe("name of the item as in the 评分细则"),
  weight: ShareValue.optional().describe('weight within a weighted group: "60%" or a ratio part'),
  only: Condition.optional().describe("the node applies only to subjects meeting this condition (加试题 by domain)"),
  round: Rounding.optional().describe("round this node's points"),
  note: z.string().optional(),
  illustrative: Illustrative,
};

const Amount = z.union(
  [
    DecimalValue,
    z.strictObject({
      by: Name.describe("record field whose value picks the amount"),
      table: nonEmpty(z.record(z.string(), DecimalValue)),
      cumulative: z.boolean().optional().describe("escalation chain: add the amounts of every key up to this one"),
    }),
  ],
  { error: expected("points") },
);

export const Entry = z
  .strictObject({
    id: Id,
    label: z.string().optional(),
    points: Amount.optional().describe("points per occurrence (or per unit)"),
    when: Condition.optional().describe("fixed amount when the condition holds (a failed check)"),
    per: Id.optional().describe("input whose value multiplies points (per occurrence, per person-time, ×10 multiplier)"),
    shortfall: z
      .strictObject({ input: Id, required: NonNegativeDecimal })
      .optional()
      .describe("points per occurrence missing against a required frequency (每少1次)"),
    records: Id.optional().describe("a records input: one amount per record"),
    times: Name.optional().describe("record field multiplying the record's amount"),
    split: Name.optional().describe("record field: the amount is shared evenly among this many (署名人数)"),
    dedup: z
      .strictObject({
        key: z.array(Name).min(1),
        keep: z.enum(["max", "min", "first", "sum"]).default("max"),
      })
      .optional()
      .describe("records with the same key count once (同一案件同一部门不累计)"),
    chosen: Id.optional().describe("input holding the evaluator's chosen amount(s) within range (酌情扣分)"),
    range: z.tuple([DecimalValue, DecimalValue]).optional().describe("allowed [low, high] for chosen amounts"),
    max: NonNegativeDecimal.optional().describe("this entry contributes at most this much (此项最多扣)"),
  })
  .superRefine((entry, ctx) => {
    const how = (["when", "per", "shortfall", "records", "chosen"] as const).filter((k) => entry[k] !== undefined);
    if (how.length !== 1) {
      ctx.addIssue({
        code: "custom",
        params: { reason: "entry-kind", found: how },
        message: `an entry needs exactly one of when, per, shortfall, records, chosen; found ${how.length ? how.join(", ") : "none"}`,
      });
      return;
    }
    const kind = how[0];
    if (kind === "chosen" && entry.range === undefined) ctx.addIssue({ code: "custom", path: ["range"], params: { reason: "entry-range" }, message: "a chosen entry needs range: [low, high]" });
    if (kind !== "chosen" && entry.points === undefined) ctx.addIssue({ code: "custom", path: ["points"], params: { reason: "entry-points", kind }, message: `a ${kind} entry needs points` });
    if (kind !== "records" && (entry.times || entry.split || entry.dedup))
      ctx.addIssue({ code: "custom", params: { reason: "entry-records-only" }, message: "times, split and dedup apply to records entries only" });
    if (kind !== "records" && entry.points !== undefined && typeof entry.points === "object")
      ctx.addIssue({ code: "custom", path: ["points"], params: { reason: "entry-table-records-only" }, message: "points by a table apply to records entries only" });
  });
export type EntrySource = z.input<typeof Entry>;

const itemInput = {
  input: Id.optional().describe("input name; defaults to the item id"),
  missing: MissingPolicy.optional().describe("an absent value of an input this item reads: overrides the input's missing policy for this item"),
};
const itemMissing = { missing: itemInput.missing };
const itemMax = { max: NonNegativeDecimal.describe("分值: the item's full points (0 or more)") };

export const ItemKinds = [
  z.strictObject({ kind: z.literal("input"), ...nodeBase, ...itemInput, ...itemMax }).describe("points given directly"),
  z
    .strictObject({
      kind: z.literal("yesno"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      yes: DecimalValue.optional().describe("points for yes; default max"),
      no: DecimalValue.optional().describe("points for no; default 0"),
    })
    .describe("yes/no"),
  z
    .strictObject({
      kind: z.literal("levels"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      levels: nonEmpty(z.record(z.string(), ShareValue)).describe('level → points, or share of max ("75%"), e.g. 好: 20'),
    })
    .describe("qualitative level → points"),
  z
    .strictObject({
      kind: z.literal("deduct"),
      ...nodeBase,
      ...itemMissing,
      ...itemMax,
      base: DecimalValue.optional().describe("starting points; default max"),
      floor: DecimalValue.optional().describe("lowest points after deductions; default 0 (扣完为止)"),
      deductions: z.array(Entry).min(1),
      zeroIf: Condition.optional().describe("the item scores 0 when this holds (凡出现一例,本项不得分)"),
    })
    .describe("start from base and deduct"),
  z
    .strictObject({
      kind: z.literal("bonus"),
      ...nodeBase,
      ...itemMissing,
      ...itemMax,
      additions: z.array(Entry).min(1),
      outside: z.array(Entry).optional().describe("bonuses added after the cap (另行加分,不占奖励分值)"),
    })
    .describe("add up bonuses, capped at max"),
  z
    .strictObject({
      kind: z.literal("adjust"),
      ...nodeBase,
      ...itemMissing,
      additions: z.array(Entry).optional().describe("entries that add points (直接加分, 表彰加分)"),
      deductions: z.array(Entry).optional().describe("entries that subtract points (直接扣分)"),
      cap: DecimalValue.optional().describe("the net adjustment is at most this (加分最多不超过); default: no ceiling"),
      floor: DecimalValue.optional().describe("the net adjustment is at least this, e.g. -10 (最多扣10分); default: no floor"),
    })
    .describe("直接加减分: add and subtract points with no full mark of its own; in a sum group's children or an outside list"),
  z
    .strictObject({
      kind: z.literal("ratio"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      numerator: Id.optional(),
      denominator: Id.optional(),
    })
    .describe("points = max × ratio (a ratio input, or numerator/denominator inputs)"),
  z
    .strictObject({
      kind: z.literal("scale"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      target: ShareValue.optional().describe("the value at which base points are given"),
      targetInput: Id.optional().describe("input holding the target (e.g. the average age)"),
      base: DecimalValue.optional().describe("points at the target; default max"),
      unit: ShareValue.describe("size of one step, e.g. 10% or 1 (year)"),
      points: DecimalValue.describe("points per step"),
      above: z.enum(["add", "deduct", "none"]).default("none"),
      below: z.enum(["add", "deduct", "none"]).default("none"),
      steps: z
        .enum(["whole", "exact", "started"])
        .default("whole")
        .describe("a partial step: whole (default) does not count it; exact counts its share (linear); started counts it as a whole step (不足一档按一档计)"),
      floor: DecimalValue.optional().describe("lowest points; default 0"),
      zeroBelow: ShareValue.optional().describe("a value below this earns 0 points (达30%方可得分; 低于10%不得分); default: no threshold"),
    })
    .describe("points around a target: per step above/below (每上升或下降10%加减1分; 每超过1岁扣3分)"),
  z
    .strictObject({
      kind: z.literal("bands"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      bands: z
        .array(z.strictObject({ min: ShareValue.optional(), above: ShareValue.optional(), points: DecimalValue }))
        .min(1)
        .describe("first band whose bound the value meets, best first; min is ≥, above is >"),
      otherwise: DecimalValue.optional().describe("points when no band matches; default 0"),
    })
    .describe("tiers by value (每年不少于4次得满分)"),
  z
    .strictObject({
      kind: z.literal("rank"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      order: z.enum(["desc", "asc"]).default("desc").describe("desc: higher value ranks first"),
      points: z.array(DecimalValue).min(1).optional().describe("points by position: 1st, 2nd, ..."),
      percentiles: z
        .array(z.strictObject({ top: ShareValue, points: DecimalValue }))
        .min(1)
        .optional()
        .describe('points for the top share: [{top: "5%", points: 8}, ...]'),
      proportional: z
        .strictObject({ top: z.number().int().min(1) })
        .optional()
        .describe("1st gets max; the next up to top get max × value / first value"),
      otherwise: DecimalValue.optional(),
    })
    .describe("points by rank across the batch"),
  z
    .strictObject({
      kind: z.literal("panel"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      places: Places.describe("at most this many decimals per score (可评一位小数); with a declared input, the fewer places apply"),
      trim: z
        .strictObject({
          drop: z.number().int().min(1).default(1).describe("scores dropped at each end; default 1"),
          above: z.number().int().min(0).optional().describe("trim only when more than this many scores remain (大于5人)"),
          minScores: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe("trim only when at least this many scores remain (不少于6人); default 2 × drop + 1"),
        })
        .optional()
        .describe("drop the `drop` highest and lowest scores (去掉最高最低) when enough remain: more than `above`, or at least `minScores` (default 2 × drop + 1)"),
      groups: z
        .array(z.strictObject({ id: Id, label: z.string().optional(), weight: ShareValue }))
        .min(1)
        .optional()
        .describe("rater groups with weights; input is then {group: scores}"),
      invalidBallots: z
        .array(z.enum(["same-score", "all-full"]))
        .optional()
        .describe("a rater whose whole ballot is all the same / all full marks is void (无效票)"),
      ballotLimits: z
        .array(
          z.strictObject({
            gte: DecimalValue.optional(),
            lt: DecimalValue.optional(),
            most: z.number().int().min(0).optional(),
            least: z.number().int().min(0).optional(),
          }),
        )
        .optional()
        .describe("per-ballot forced distribution; a violating ballot is void"),
    })
    .describe("evaluator panel: mean or trimmed mean, optionally by weighted rater groups"),
  z
    .strictObject({
      kind: z.literal("votes"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      coefficients: nonEmpty(z.record(z.string(), DecimalValue)).describe("vote level → coefficient, e.g. 好: 1, 较好: 0.8"),
      denominator: z
        .enum(["valid", "valid-and-abstain", "returned", "issued"])
        .default("valid")
        .describe("what the weighted votes are divided by; default valid"),
    })
    .describe("democratic votes → points"),
  z
    .strictObject({
      kind: z.literal("periods"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      count: z.number().int().min(1).describe("number of periods (12 months, 4 quarters)"),
      aggregate: z.enum(["mean", "sum"]).default("mean"),
      periodMax: NonNegativeDecimal.optional().describe("max of one period; default max (mean) or max/count (sum)"),
    })
    .describe("monthly/quarterly scores into an annual one"),
  z
    .strictObject({
      kind: z.literal("carry"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      share: ShareValue.describe("share of last year's points carried over (上年度积分的20%)"),
    })
    .describe("carry-over from the previous year"),
  z
    .strictObject({
      kind: z.literal("linked"),
      ...nodeBase,
      ...itemMax,
      rubric: Id.describe("id of a rubric evaluated in the same run"),
      scaleFrom: DecimalValue.optional().describe("full mark of that rubric; points = score / scaleFrom × max"),
    })
    .describe("the score of another assessment in the same run"),
] as const;

export const ITEM_KINDS = ItemKinds.map((k) => k.shape.kind.value);

export interface GroupSource {
  kind?: "group";
  id: string;
  label?: string;
  weight?: number | string;
  only?: ConditionSource;
  round?: { places: number; mode?: string };
  note?: string;
  illustrative?: boolean | string;
  max?: number | string;
  combine?: "sum" | "weighted" | "mean" | "max" | "min";
  children: NodeSource[];
  floor?: number | string;
  cap?: number | string;
  normalizeTo?: number | string;
  outside?: NodeSource[];
  limit?: number | string | null;
}
export type ItemSource = z.input<(typeof ItemKinds)[number]>;
export type NodeSource = GroupSource | ItemSource;

const groupShape = () => ({
    kind: z.literal("group").optional(),
    ...nodeBase,
    max: NonNegativeDecimal.optional().describe("分值; checked against the children"),
    combine: z.enum(["sum", "weighted", "mean", "max", "min"]).optional().describe("how children combine; default sum"),
    children: z.array(Node).min(1),
    floor: DecimalValue.optional().describe("lowest points of the block (基础分减完为止)"),
    cap: DecimalValue.optional().describe("highest points of the block before normalisation"),
    normalizeTo: DecimalValue.optional().describe("折算: rescale points to this full mark"),
    outside: z.array(Node).optional().describe("nodes added after normalisation and cap (bonus outside the cap)"),
    limit: DecimalValue.nullable().optional().describe("bound after outside nodes; null = 上不封顶"),
});

export const Group: z.ZodType<GroupSource> = z.lazy(() => z.strictObject(groupShape())) as z.ZodType<GroupSource>;

/** The root of the tree: a group whose id defaults to "total". */
export const RootGroup = z.lazy(() =>
  z.strictObject({ ...groupShape(), id: Id.default("total") }),
) as unknown as z.ZodType<GroupSource>;

export const Item = z.discriminatedUnion("kind", [...ItemKinds], {
  error: `${expected("item-kind")}: ${ITEM_KINDS.join(", ")} (or children: for a group)`,
});

export const Node: z.ZodType<NodeSource> = z.lazy(() =>
  z.union([Group, Item], { error: expected("node") }),
) as z.ZodType<NodeSource>;

// ---------------------------------------------------------------- grades, rules, quotas, ranking

export const GradeSchema = z.strictObject({
  id: Id,
  label: z.string().optional().describe("e.g. 好, 优秀"),
  min: DecimalValue.optional().describe("lower bound, inclusive (含本数)"),
  above: DecimalValue.optional().describe("lower bound, exclusive"),
  max: DecimalValue.optional().describe("upper bound, inclusive"),
  below: DecimalValue.optional().describe("upper bound, exclusive (以下不包括本数)"),
  requires: Condition.optional().describe("a further condition to hold this grade (各单项不为0分)"),
  illustrative: Illustrative,
});

const ruleBase = {
  id: Id,
  when: Condition,
  reason: z.string({ error: expected("reason-text") }).min(1),
  illustrative: Illustrative,
};

export const RuleSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .strictObject({
        kind: z.literal("veto"),
        ...ruleBase,
        grade: GradeName.optional().describe("grade set (直接确定为), by id or label; default the lowest"),
        score: z.enum(["keep", "zero"]).default("keep").describe("zero: the total becomes 0"),
        ranking: z.enum(["keep", "exclude"]).default("keep").describe("exclude: not ranked"),
      })
      .describe("一票否决: set a fixed grade"),
    z
      .strictObject({
        kind: z.literal("downgrade"),
        ...ruleBase,
        levels: z.number().int().min(1).default(1),
      })
      .describe("直接降档: move down N levels"),
    z.strictObject({ kind: z.literal("cap"), ...ruleBase, grade: GradeName }).describe("不能评定为: grade at most this (by id or label)"),
    z.strictObject({ kind: z.literal("exclude"), ...ruleBase }).describe("不参加定级: no grade, not ranked"),
  ],
  { error: expected("rule-kind") },
);

export const QuotaSchema = z
  .strictObject({
    id: Id,
    grade: GradeName.describe("the grade limited, by id or label; not the lowest grade"),
    share: z
      .union([ShareValue, z.string().regex(/^\s*\d+\s*\/\s*[1-9]\d*\s*$/, { error: SHARE_EXPECTED })], { error: SHARE_EXPECTED })
      .optional()
      .describe('at most this share of the scope: "50%", 0.5 or an exact fraction "1/3"'),
    count: z.number().int().min(0).optional().describe("at most this many"),
    scope: z.enum(["all", "group"]).default("all"),
    rounding: z.enum(["floor", "ceil", "half-up"]).default("floor").describe("rounding of scope size × share"),
    ties: z
      .enum(["demote", "admit"])
      .default("demote")
      .describe("subjects tied across the limit: demote all (never exceed) or admit all"),
    illustrative: Illustrative,
  })
  .superRefine((q, ctx) => {
    if ((q.share === undefined) === (q.count === undefined))
      ctx.addIssue({ code: "custom", params: { reason: "quota-share-or-count" }, message: "a quota needs exactly one of share or count" });
  });

export const RankingSchema = z.strictObject({
  tieBreakers: z
    .array(z.strictObject({ fact: z.string(), order: z.enum(["desc", "asc"]).default("desc") }))
    .default([])
    .describe("applied in order when totals are equal; remaining ties share a rank"),
});

export const ActionSchema = z.strictObject({
  id: Id,
  label: z.string().optional().describe("e.g. 约谈"),
  when: Condition.optional().describe("omit for an action on every graded subject"),
  illustrative: Illustrative,
});

export const TierSchema = z.strictObject({
  id: Id,
  label: z.string().optional().describe("先进 / 中间 / 后进"),
  followUp: z.string().optional().describe("看创新 / 促提升 / 抓基础"),
  when: Condition.optional().describe("first tier whose condition holds; omit on the last tier for the rest"),
});

export const PolicySchema = z.strictObject({
  bandGaps: z
    .enum(["lower", "higher", "error"])
    .default("lower")
    .describe("a score between two bands gets the lower grade (default), the higher, or is an error"),
  downgrades: z
    .enum(["sum", "max"])
    .default("sum")
    .describe("several downgrade rules: their levels add up (default) or only the largest applies"),
});

export const FeedbackSchema = z
  .strictObject({
    problems: z.number().int().min(0).max(20).default(3).describe("个性问题 listed per subject (items that lost the most points)"),
    highlights: z.number().int().min(0).max(20).default(3).describe("亮点 listed per subject (items furthest above the batch average)"),
    commonShare: ShareValue.default("50%").describe("an item is a 共性问题 when at least this share of subjects lost points on it"),
    within: z.array(Id).min(1).optional().describe("only items under these nodes (default: the whole tree)"),
  })
  .describe("feedback (问题清单) settings");

export const ExpectationSchema = z.strictObject({
  score: DecimalValue.optional(),
  grade: GradeName.nullable().optional().describe("grade id or label; null for an excluded subject"),
  rawGrade: GradeName.nullable().optional(),
  rank: z.number().int().nullable().optional(),
  groupRank: z.number().int().nullable().optional(),
  excluded: z.boolean().optional(),
  tier: Id.nullable().optional(),
  adjustments: z.array(Id).optional().describe("ids of the rules/quotas that changed the grade, in order"),
  actions: z.array(Id).optional(),
  points: z.record(Id, DecimalValue).optional().describe("node id → points"),
  problems: z.array(Id).optional().describe("ids of the subject's individual problems (个性问题), in order"),
  highlights: z.array(Id).optional().describe("ids of the subject's highlights (亮点), in order"),
});

export const TestCaseSchema = z.strictObject({
  name: z.string().min(1),
  rubric: Id.optional().describe("which rubric's results `expect` refers to; default the rubric holding the case"),
  subjects: z.array(z.record(z.string(), z.unknown())).min(1),
  expect: z.record(z.string(), ExpectationSchema).optional(),
  common: z.array(Id).optional().describe("ids of the batch's common problems (共性问题), in order"),
  error: z.string().optional().describe("the run must fail with this issue code"),
});
export type TestCaseSource = z.output<typeof TestCaseSchema>;

export const TestFileSchema = z.strictObject({
  $schema: z.string().optional(),
  tests: z.array(TestCaseSchema).min(1),
});

export const RubricSchema = z.strictObject({
  $schema: z.string().optional(),
  kaohe: z.literal(1, { error: expected("kaohe-version") }),
  id: Id,
  name: z.string().min(1),
  year: z.number().int().min(1900).max(3000),
  version: z.string({ error: expected("version") }),
  description: z.string().optional(),
  subject: z
    .strictObject({
      label: z.string().optional().describe("what a subject is, e.g. 党支部"),
      id: z.string().min(1).optional().describe('the column holding the subject id, e.g. 编号 (the column "id" is always accepted)'),
      name: z.string().min(1).optional().describe('the column holding the subject name, e.g. 支部名称 (the column "name" is always accepted)'),
      group: z
        .string()
        .min(1)
        .optional()
        .describe('label of the peer group, and the column holding it, e.g. 板块 (the column "group" is always accepted)'),
      ignore: z.array(z.string().min(1)).optional().describe("data columns to skip, e.g. [备注]; never an unknown field"),
    })
    .optional()
    .describe("the subject columns as the data names them"),
  asOf: DateText.optional().describe("the date spans (monthsSince.<input>, daysSince.<input>) are counted to, e.g. the assessment's cut-off 2024-12-31"),
  rounding: Rounding.optional().describe("rounding of the total; none unless declared"),
  policy: PolicySchema.default({ bandGaps: "lower", downgrades: "sum" }),
  inputs: z.record(Id, InputDecl).optional(),
  grades: z.array(GradeSchema).min(2).describe("ordered grade scale, best first"),
  scoring: RootGroup.describe("the indicator tree; its root is the total"),
  rules: z.array(RuleSchema).optional(),
  quotas: z.array(QuotaSchema).optional(),
  ranking: RankingSchema.optional(),
  actions: z.array(ActionSchema).optional(),
  tiers: z.array(TierSchema).optional(),
  feedback: FeedbackSchema.optional(),
  tests: z.array(TestCaseSchema).optional(),
});
export type RubricSource = z.output<typeof RubricSchema>;
