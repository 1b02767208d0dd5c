/**
 * The authoring format of a rubric, as zod schemas. This is the only module that
 * imports zod. Descriptions become the JSON Schema that editors use for completion.
 *
 * Error messages that start with "expected " are read by validate.ts as the
 * expected type of a value (see mapZodIssue).
 */
import { z } from "zod";
import { parseDate } from "../decimal/dates.js";
import { DECIMAL_PATTERN, parseDecimal, PERCENT_PATTERN, ROUNDING_MODES } from "../decimal/decimal.js";
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
  .refine(...notReserved)
  .meta({ id: "Id", description: "标识：字母、数字、_ 或 -，不含空格和点 / an id: letters, digits, _ or - (no spaces or dots)" });

/** A name that data keys or columns are matched against (choice values, record fields, labels). */
const Name = z.string().refine(...notReserved).meta({ id: "Name", description: "名称：与数据中的键或列相对应 / a name matched against data keys or columns" });

/** A decimal literal: a YAML number or a quoted decimal string ("0.1"). */
const DECIMAL_EXPECTED = expected("decimal");
const SHARE_EXPECTED = expected("share");
export const DecimalValue = z
  .union([z.number(), z.string().regex(DECIMAL_PATTERN, { error: DECIMAL_EXPECTED })], {
    error: DECIMAL_EXPECTED,
  })
  .meta({ id: "Decimal", description: '数值：数字，或带引号的小数如 "0.1" / a number, or a quoted decimal such as "0.1"' });

/** A decimal that must not be negative (full marks, maxima, required counts). */
const NonNegativeDecimal = DecimalValue.superRefine((v, ctx) => {
  if (parseDecimal(v)?.lt(0)) ctx.addIssue({ code: "too_small", minimum: 0, inclusive: true, origin: "number", input: v, message: "expected at least 0" });
}).meta({ id: "NonNegativeDecimal", minimum: 0, description: "非负数值 / a number of at least 0" });

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
).meta({ id: "Share", description: '比例：百分数如 "60%"，或数字（小数或比例份数） / a share: a percentage such as "60%", or a number (a fraction, or a ratio part)' });

/** A calendar date: "2024-12-31", "2024/12/31" or "2024年12月31日"; impossible dates are rejected. */
export const DateText = z
  .string({ error: expected("date") })
  .refine((t) => "iso" in parseDate(t), { error: expected("real-date"), params: { reason: "real-date" } })
  .meta({ id: "Date", description: '日期：2024-12-31、2024/12/31 或 2024年12月31日 / a calendar date: "2024-12-31", "2024/12/31" or "2024年12月31日"' });

/** A bound of a comparison: a number, a share, or a date (for date facts; checked when compiled). */
const BOUND_EXPECTED = expected("bound");
const Bound = z.union([ShareValue, z.string().regex(/^\s*\d{4}(-\d{1,2}-\d{1,2}|\/\d{1,2}\/\d{1,2}|年\d{1,2}月\d{1,2}日?)\s*$/, { error: BOUND_EXPECTED })], {
  error: BOUND_EXPECTED,
}).meta({ id: "Bound", description: '比较的界限：数字、百分数或日期 / a bound: a number, a percentage such as "50%", or a date such as 2024-12-31' });

/** A grade named by its id or its label (好 or good). */
const GradeName = z.string({ error: expected("grade-name") }).min(1).refine(...notReserved).meta({ id: "GradeName", description: "等次：等次的 id 或名称（如 好） / a grade of the scale, by id or label (e.g. 好)" });

const Rounding = z
  .strictObject({
    places: z
      .number({ error: expected("places") })
      .int()
      .min(0)
      .max(10)
      .describe("保留小数位数（0–10） / decimal places kept (0 to 10)"),
    mode: z.enum(ROUNDING_MODES).default("half-up").describe("舍入方式，默认 half-up（四舍五入） / rounding mode; default half-up"),
  })
  .meta({ id: "Rounding", description: "舍入：按 mode 保留 places 位小数 / round to `places` decimals with `mode`" });

const Illustrative = z
  .union([z.boolean(), z.string()])
  .optional()
  .describe("示意值：标记原文未给出、为举例而设的数值（true 或说明文字） / marks a value the source document does not give (chosen for illustration): true or a note");

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
      .describe(
        "比较对象：total | score.<节点> | ratio.<节点> | input.<输入> | grade | rawGrade | rank | groupRank | group | zeroItems | monthsSince.<日期输入> | daysSince.<日期输入> | rubric.<id>.(score|grade|rank) / what is compared: total | score.<node> | ratio.<node> | input.<name> | grade | rawGrade | rank | groupRank | group | zeroItems | monthsSince.<date input> | daysSince.<date input> | rubric.<id>.(score|grade|rank)",
      ),
    is: z.boolean().optional().describe("是否：布尔事实等于此值 / boolean fact equals"),
    eq: Scalar.optional().describe("等于 / equals"),
    ne: Scalar.optional().describe("不等于 / differs from"),
    in: z.array(z.union([z.string(), z.number()])).min(1).optional().describe("属于其中之一 / is one of"),
    notIn: z.array(z.union([z.string(), z.number()])).min(1).optional().describe("不属于其中任何一个 / is none of"),
    lt: Bound.optional().describe("小于（不含本数） / less than"),
    lte: Bound.optional().describe("小于或等于（含本数） / at most"),
    gt: Bound.optional().describe("大于（不含本数） / greater than"),
    gte: Bound.optional().describe("大于或等于（含本数） / at least"),
    between: z.tuple([Bound, Bound]).optional().describe("介于 [下限, 上限] 之间（含两端；日期事实可用日期） / inclusive range [low, high] (numbers, or dates for a date fact)"),
    worseThan: GradeName.optional().describe("未达到：等次严格低于（id 或名称） / grade strictly worse than, by id or label"),
    betterThan: GradeName.optional().describe("等次严格高于（id 或名称） / grade strictly better than, by id or label"),
    atLeast: GradeName.optional().describe("等次不低于（id 或名称） / grade equal or better, by id or label"),
    atMost: GradeName.optional().describe("等次不高于（id 或名称） / grade equal or worse, by id or label"),
    top: ShareValue.optional().describe('排名在前 N 名或前 "10%" / rank within the first N, or the first "10%"'),
    bottom: ShareValue.optional().describe('排名在后 N 名或后 "10%" / rank within the last N, or the last "10%"'),
  })
  .meta({ id: "Comparison", description: "比较：fact 与恰好一个比较符 / a comparison: fact and exactly one operator" })
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

export const Condition: z.ZodType<ConditionSource, ConditionSource> = z
  .lazy(() =>
    z.union(
      [
        z.string().describe("布尔事实，如 input.serious_violation / a boolean fact, e.g. input.serious_violation"),
        z
          .strictObject({ all: z.array(Condition).min(1).describe("全部成立：列出的条件都成立 / all of these conditions hold") })
          .meta({ id: "Condition.all", description: "全部成立 / all conditions hold" }),
        z
          .strictObject({ any: z.array(Condition).min(1).describe("任一成立：列出的条件至少一个成立 / at least one of these conditions holds") })
          .meta({ id: "Condition.any", description: "任一成立 / at least one condition holds" }),
        z
          // A lazy reference: describing Condition itself here would clone it on every evaluation.
          .strictObject({ not: z.lazy(() => Condition).describe("不成立：该条件不成立 / this condition does not hold") })
          .meta({ id: "Condition.not", description: "不成立 / the condition does not hold" }),
        Comparison,
      ],
      { error: expected("condition") },
    ),
  )
  .meta({
    id: "Condition",
    description: "条件：布尔事实、all/any/not 或比较 {fact, 比较符} / a condition: a boolean fact, all/any/not, or a comparison {fact, operator}",
  });

// ---------------------------------------------------------------- inputs

/** What an item does when it reads an input the subject does not give. */
export const MISSING_POLICIES = ["error", "zero", "skip"] as const;
const MissingPolicy = z
  .enum(MISSING_POLICIES)
  .meta({
    id: "MissingPolicy",
    description:
      "缺值处理：error（默认，报 DATA_MISSING_FIELD）、zero（按 0 计；scores 按空列表）或 skip（该项不适用） / an absent value read by an item: error (default, DATA_MISSING_FIELD), zero (read as 0; a scores input as an empty list) or skip (the item does not apply)",
  });

const inputBase = {
  label: Name.optional().describe("名称：便于阅读的名字，也可作为数据列标题 / human name; also accepted as the column header"),
  required: z
    .boolean()
    .optional()
    .describe("是否必填：默认 true，除非给了 default 或 missing 为 zero/skip / default true unless a default is given or missing is zero or skip"),
};
const inputMissing = { missing: MissingPolicy.optional().describe("缺值处理：该输入缺失时读取它的项如何处理 / what an item does when this value is absent") };
const Places = z.number().int().min(0).max(10).optional().describe("小数位数：最多允许的小数位（可评一位小数） / at most this many decimals");
const inputMin = (zh: string, en: string) => `最小值：${zh} / the least value ${en}`;
const inputMax = (zh: string, en: string) => `最大值：${zh} / the greatest value ${en}`;
const CLAMP = "越界取界：超出范围的值取最近的界限，而不是报错 / bring out-of-range values to the nearest bound instead of failing";
const DEFAULT = "缺省值：数据未给出时使用 / the value used when the data gives none";
/** The `type` key of an input declaration, described for the editor. */
const inputType = <T extends string>(type: T, zh: string) => z.literal(type).describe(`输入类型：${zh} / input type: ${type}`);

const NumberRange = {
  min: DecimalValue.optional().describe(inputMin("不得小于此值", "allowed")),
  max: DecimalValue.optional().describe(inputMax("不得大于此值", "allowed")),
  places: Places,
  clamp: z.boolean().optional().describe(CLAMP),
};

export const InputDecl = z
  .discriminatedUnion(
    "type",
    [
      z
        .strictObject({ type: inputType("number", "数值"), ...inputBase, ...inputMissing, ...NumberRange, default: DecimalValue.optional().describe(DEFAULT) })
        .meta({ id: "Input.number", description: "数值：小数（百分数按除以 100 读取） / a decimal (a percentage is divided by 100)" }),
      z
        .strictObject({
          type: inputType("count", "次数"),
          ...inputBase,
          ...inputMissing,
          max: z.number().int().min(0).optional().describe(inputMax("次数上限", "allowed")),
          clamp: z.boolean().optional().describe(CLAMP),
          default: z.number().int().min(0).optional().describe(DEFAULT),
        })
        .meta({ id: "Input.count", description: "次数：不小于 0 的整数 / a whole number of 0 or more" }),
      z
        .strictObject({
          type: inputType("ratio", "比率"),
          ...inputBase,
          ...inputMissing,
          min: ShareValue.optional().describe(inputMin("默认 0", "allowed; default 0")),
          max: ShareValue.optional().describe(inputMax("默认 1（100%）", "allowed; default 1 (100%)")),
          clamp: z.boolean().optional().describe(CLAMP),
          default: ShareValue.optional().describe(DEFAULT),
        })
        .meta({ id: "Input.ratio", description: '比率：0 到 1 的小数或百分数，如 0.9685 或 "96.85%" / a ratio in 0..1 or a percentage, e.g. 0.9685 or "96.85%"' }),
      z
        .strictObject({ type: inputType("boolean", "是否"), ...inputBase, ...inputMissing, default: z.boolean().optional().describe(DEFAULT) })
        .meta({ id: "Input.boolean", description: "是否：true/false、yes/no、1/0、是/否 / yes or no: true/false, yes/no, 1/0, 是/否" }),
      z
        .strictObject({
          type: inputType("choice", "选项"),
          ...inputBase,
          ...inputMissing,
          values: z.array(Name).min(1).describe("可选值：数据只能取其中之一 / the values allowed"),
          default: z.string().optional().describe(DEFAULT),
        })
        .meta({ id: "Input.choice", description: "选项：values 中的一个 / one of `values`" }),
      z
        .strictObject({
          type: inputType("grade", "其他考核的等次"),
          ...inputBase,
          ...inputMissing,
          scale: z.array(Name).min(2).describe("等次序列：另一项考核的等次，从好到差，如 [A, B, C, D] / grades of the other assessment, best first, e.g. [A, B, C, D]"),
          default: z.string().optional().describe(DEFAULT),
        })
        .meta({ id: "Input.grade", description: "等次：另一项考核的等次之一 / a grade of another assessment, one of `scale`" }),
      z
        .strictObject({ type: inputType("text", "文字"), ...inputBase, ...inputMissing, default: z.string().optional().describe(DEFAULT) })
        .meta({ id: "Input.text", description: "文字：任意文本 / any text" }),
      z
        .strictObject({ type: inputType("date", "日期"), ...inputBase, ...inputMissing, default: DateText.optional().describe(DEFAULT) })
        .meta({ id: "Input.date", description: "日期：2024-03-01、2024/3/1 或 2024年3月1日（组建日期、任职日期） / a calendar date: 2024-03-01, 2024/3/1 or 2024年3月1日" }),
      z
        .strictObject({ type: inputType("rank", "名次"), ...inputBase, ...inputMissing, default: z.string().optional().describe(DEFAULT) })
        .meta({ id: "Input.rank", description: '名次："k/N"，如上年度名次 "88/90" / a rank "k/N", e.g. the previous year\'s' }),
      z
        .strictObject({
          type: inputType("scores", "评分列表"),
          ...inputBase,
          ...inputMissing,
          min: DecimalValue.optional().describe(inputMin("每个评分不得小于此值", "allowed per score")),
          max: DecimalValue.optional().describe(inputMax("每个评分不得大于此值", "allowed per score")),
          places: Places.describe("小数位数：每个评分最多允许的小数位（可评一位小数） / at most this many decimals per score"),
        })
        .meta({ id: "Input.scores", description: "评分列表：多位评委的评分，列表、评委→分数或 80;85 / evaluators' scores: a list, rater → score, or one cell 80;85" }),
      z
        .strictObject({
          type: inputType("votes", "民主测评票数"),
          ...inputBase,
          ...inputMissing,
          levels: z.array(Name).min(1).describe("测评档次：如 [好, 较好, 一般, 差] / the vote levels, e.g. [好, 较好, 一般, 差]"),
        })
        .meta({ id: "Input.votes", description: "票数：每个档次的票数，及 abstain、invalid、issued / votes per level, with abstain, invalid, issued" }),
      z
        .strictObject({
          type: inputType("series", "数列"),
          ...inputBase,
          ...inputMissing,
          length: z.number().int().min(1).describe("个数：数列的长度，如 12 个月 / the number of values, e.g. 12 months"),
          min: DecimalValue.optional().describe(inputMin("每个值不得小于此值", "allowed per value")),
          max: DecimalValue.optional().describe(inputMax("每个值不得大于此值", "allowed per value")),
        })
        .meta({ id: "Input.series", description: "数列：恰好 length 个数（如逐月得分） / exactly `length` numbers (e.g. monthly scores)" }),
      z
        .strictObject({
          type: inputType("records", "记录"),
          ...inputBase,
          fields: z
            .record(Id, z.enum(["text", "count", "number"]))
            .describe("字段：字段名 → text | count | number / field name → text | count | number"),
        })
        .meta({ id: "Input.records", description: "记录：带声明字段的记录列表（如违纪案件） / a list of records with the declared fields (e.g. cases)" }),
    ],
    { error: expected("input-type") },
  )
  .meta({ id: "Input", description: "输入声明：每个考核对象的一个数据值 / an input: a per-subject value the rubric reads" });
export type InputDeclSource = z.input<typeof InputDecl>;

// ---------------------------------------------------------------- indicator tree

const nodeBase = {
  id: Id.describe("编号：在整个细则中唯一 / id, unique in the rubric"),
  label: z.string().optional().describe("名称：评分细则中的指标名称 / name of the item as in the 评分细则"),
  weight: ShareValue.optional().describe('权重：在 weighted 分组中的权重，"60%" 或比例份数 / weight within a weighted group: "60%" or a ratio part'),
  only: Condition.optional().describe("适用条件：仅对满足该条件的对象适用（如按领域的加试题） / the node applies only to subjects meeting this condition (加试题 by domain)"),
  round: Rounding.optional().describe("舍入：对本节点得分舍入 / round this node's points"),
  note: z.string().optional().describe("备注：说明文字，不参与计算 / a note; not used in scoring"),
  illustrative: Illustrative,
};

const Amount = z
  .union(
    [
      DecimalValue,
      z
        .strictObject({
          by: Name.describe("依据字段：按记录中该字段的值查表确定分值 / record field whose value picks the amount"),
          table: nonEmpty(z.record(z.string(), DecimalValue)).describe("分值表：字段值 → 分值 / field value → amount"),
          cumulative: z
            .boolean()
            .optional()
            .describe("累进：逐级累加到该级为止的各级分值 / escalation chain: add the amounts of every key up to this one"),
        })
        .meta({ id: "Amount.table", description: "查表分值：{by, table} / an amount looked up by a record field: {by, table}" }),
    ],
    { error: expected("points") },
  )
  .meta({ id: "Amount", description: "分值：数字，或按记录字段查表 {by, table} / points: a number, or {by, table}" });

export const Entry = z
  .strictObject({
    id: Id.describe("编号：在本项内唯一 / id of the entry"),
    label: z.string().optional().describe("名称：评分细则中的扣分或加分情形 / the case as the 评分细则 words it"),
    points: Amount.optional().describe("分值：每次（或每单位）的分值 / points per occurrence (or per unit)"),
    when: Condition.optional().describe("条件：条件成立时计固定分值（未通过某项检查） / fixed amount when the condition holds (a failed check)"),
    per: Id.optional().describe("按次数：其值乘以分值的输入（每次、每人次） / input whose value multiplies points (per occurrence, per person-time)"),
    shortfall: z
      .strictObject({
        input: Id.describe("实际次数的输入 / input holding the actual count"),
        required: NonNegativeDecimal.describe("应达次数 / the required count"),
      })
      .optional()
      .describe("每少1次：按未达到规定次数的差额计分 / points per occurrence missing against a required frequency"),
    records: Id.optional().describe("按记录：records 输入，每条记录计一次 / a records input: one amount per record"),
    times: Name.optional().describe("倍数字段：记录中乘以该记录分值的字段 / record field multiplying the record's amount"),
    split: Name.optional().describe("分摊字段：分值由该数目均分（署名人数） / record field: the amount is shared evenly among this many"),
    dedup: z
      .strictObject({
        key: z.array(Name).min(1).describe("去重键：这些字段相同的记录只计一次 / fields that together identify duplicates"),
        keep: z
          .enum(["max", "min", "first", "sum"])
          .default("max")
          .describe("保留：重复记录取 max（默认）、min、first 或 sum / which amount of duplicates is kept: max (default), min, first or sum"),
      })
      .optional()
      .describe("不累计：去重键相同的记录只计一次（同一案件同一部门不累计） / records with the same key count once"),
    chosen: Id.optional().describe("酌情扣分：保存评委在 range 内所选分值的输入 / input holding the evaluator's chosen amount(s) within range"),
    range: z.tuple([DecimalValue, DecimalValue]).optional().describe("范围：酌情分值的 [下限, 上限] / allowed [low, high] for chosen amounts"),
    max: NonNegativeDecimal.optional().describe("此项最多扣（加）：本情形合计不超过此值 / this entry contributes at most this much"),
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
  })
  .meta({
    id: "Entry",
    description: "扣分或加分情形：恰好一个 when、per、shortfall、records 或 chosen / a deduction or bonus entry: exactly one of when, per, shortfall, records, chosen",
  });
export type EntrySource = z.input<typeof Entry>;

const itemInput = {
  input: Id.optional().describe("输入：本项读取的输入名，默认与本项 id 相同 / input name; defaults to the item id"),
  missing: MissingPolicy.optional().describe(
    "缺值处理：本项读取的输入缺失时如何处理，覆盖该输入的 missing / an absent value of an input this item reads: overrides the input's missing policy for this item",
  ),
};
const itemMissing = { missing: itemInput.missing };
const itemMax = { max: NonNegativeDecimal.describe("分值：该项满分（0 或以上） / the item's full points (0 or more)") };
/** The `kind` key of an item, described for the editor. */
const kindIs = <K extends string>(kind: K, zh: string, en: string) => z.literal(kind).describe(`种类：${zh} / kind: ${en}`);
const OTHERWISE = "其他情况：没有匹配时的得分，默认 0 / points when nothing matches; default 0";

export const ItemKinds = [
  z
    .strictObject({ kind: kindIs("input", "直接给分", "points given directly"), ...nodeBase, ...itemInput, ...itemMax })
    .meta({ id: "Item.input", description: "直接给分：得分由数据直接给出 / points given directly" }),
  z
    .strictObject({
      kind: kindIs("yesno", "是否", "yes/no"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      yes: DecimalValue.optional().describe("是：为是时的得分，默认满分 / points for yes; default max"),
      no: DecimalValue.optional().describe("否：为否时的得分，默认 0 / points for no; default 0"),
    })
    .meta({ id: "Item.yesno", description: "是否：是得 yes 分，否得 no 分 / yes/no" }),
  z
    .strictObject({
      kind: kindIs("levels", "定性档次", "qualitative level → points"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      levels: nonEmpty(z.record(z.string(), ShareValue)).describe(
        '档次：档次 → 得分，或满分的比例（"75%"），如 好: 20 / level → points, or share of max ("75%"), e.g. 好: 20',
      ),
    })
    .meta({ id: "Item.levels", description: "定性档次：按评定档次给分 / qualitative level → points" }),
  z
    .strictObject({
      kind: kindIs("deduct", "扣分", "start from base and deduct"),
      ...nodeBase,
      ...itemMissing,
      ...itemMax,
      base: DecimalValue.optional().describe("基础分：扣分的起点，默认满分 / starting points; default max"),
      floor: DecimalValue.optional().describe("最低分：扣分后的最低得分，默认 0（扣完为止） / lowest points after deductions; default 0"),
      deductions: z.array(Entry).min(1).describe("扣分情形：每种情形的扣分规则 / the deduction entries"),
      zeroIf: Condition.optional().describe("不得分条件：成立时本项得 0 分（凡出现一例，本项不得分） / the item scores 0 when this holds"),
    })
    .meta({ id: "Item.deduct", description: "扣分：从基础分起逐项扣减 / start from base and deduct" }),
  z
    .strictObject({
      kind: kindIs("bonus", "加分", "add up bonuses, capped at max"),
      ...nodeBase,
      ...itemMissing,
      ...itemMax,
      additions: z.array(Entry).min(1).describe("加分情形：每种情形的加分规则 / the bonus entries"),
      outside: z.array(Entry).optional().describe("另行加分：封顶后另加，不占本项分值 / bonuses added after the cap"),
    })
    .meta({ id: "Item.bonus", description: "加分：逐项累加，不超过满分 / add up bonuses, capped at max" }),
  z
    .strictObject({
      kind: kindIs("adjust", "直接加减分", "add and subtract points, no full mark"),
      ...nodeBase,
      ...itemMissing,
      additions: z.array(Entry).optional().describe("加分情形：直接加分、表彰加分 / entries that add points"),
      deductions: z.array(Entry).optional().describe("扣分情形：直接扣分 / entries that subtract points"),
      cap: DecimalValue.optional().describe("上限：净加分不超过此值（加分最多不超过），默认不设上限 / the net adjustment is at most this; default: no ceiling"),
      floor: DecimalValue.optional().describe("下限：净调整不低于此值，如 -10（最多扣10分），默认不设下限 / the net adjustment is at least this, e.g. -10; default: no floor"),
    })
    .meta({
      id: "Item.adjust",
      description:
        "直接加减分：没有自身满分，用于求和分组的子节点或 outside 列表 / add and subtract points with no full mark of its own; in a sum group's children or an outside list",
    }),
  z
    .strictObject({
      kind: kindIs("ratio", "比率", "points = max × ratio"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      numerator: Id.optional().describe("分子：作分子的输入 / input holding the numerator"),
      denominator: Id.optional().describe("分母：作分母的输入 / input holding the denominator"),
    })
    .meta({ id: "Item.ratio", description: "比率：得分 = 满分 × 比率（比率输入，或分子/分母输入） / points = max × ratio (a ratio input, or numerator/denominator inputs)" }),
  z
    .strictObject({
      kind: kindIs("scale", "按档增减", "points per step around a target"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      target: ShareValue.optional().describe("目标值：达到此值得基础分 / the value at which base points are given"),
      targetInput: Id.optional().describe("目标值输入：保存目标值的输入（如平均年龄） / input holding the target (e.g. the average age)"),
      base: DecimalValue.optional().describe("基础分：达到目标值时的得分，默认满分 / points at the target; default max"),
      unit: ShareValue.describe("每档大小：如 10% 或 1（岁） / size of one step, e.g. 10% or 1 (year)"),
      points: DecimalValue.describe("每档分值 / points per step"),
      above: z
        .enum(["add", "deduct", "none"])
        .default("none")
        .describe("高于目标：每档 add（加分）、deduct（扣分）或 none（默认，不变） / above the target: each step adds, deducts or nothing (default)"),
      below: z
        .enum(["add", "deduct", "none"])
        .default("none")
        .describe("低于目标：每档 add（加分）、deduct（扣分）或 none（默认，不变） / below the target: each step adds, deducts or nothing (default)"),
      steps: z
        .enum(["whole", "exact", "started"])
        .default("whole")
        .describe(
          "不足一档：whole（默认，不计）、exact（按比例计）或 started（不足一档按一档计） / a partial step: whole (default) does not count it; exact counts its share (linear); started counts it as a whole step",
        ),
      floor: DecimalValue.optional().describe("最低分：默认 0 / lowest points; default 0"),
      zeroBelow: ShareValue.optional().describe(
        "得分门槛：低于此值得 0 分（达30%方可得分；低于10%不得分），默认无门槛 / a value below this earns 0 points; default: no threshold",
      ),
    })
    .meta({
      id: "Item.scale",
      description:
        "按档增减：围绕目标值每档加减分（每上升或下降10%加减1分；每超过1岁扣3分） / points around a target: per step above/below",
    }),
  z
    .strictObject({
      kind: kindIs("bands", "分段", "tiers by value"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      bands: z
        .array(
          z.strictObject({
            min: ShareValue.optional().describe("下限：不小于此值（含本数） / the value is at least this"),
            above: ShareValue.optional().describe("下限：大于此值（不含本数） / the value is greater than this"),
            points: DecimalValue.describe("得分：落入本段的得分 / points for this band"),
          }),
        )
        .min(1)
        .describe("分段：从好到差，取第一个满足下限的段；min 为 ≥，above 为 > / first band whose bound the value meets, best first; min is ≥, above is >"),
      otherwise: DecimalValue.optional().describe(OTHERWISE),
    })
    .meta({ id: "Item.bands", description: "分段：按数值所在区间给分（每年不少于4次得满分） / tiers by value" }),
  z
    .strictObject({
      kind: kindIs("rank", "按名次", "points by rank across the batch"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      order: z.enum(["desc", "asc"]).default("desc").describe("排序：desc（默认，数值高者在前）或 asc / desc (default): higher value ranks first; asc: lower"),
      points: z.array(DecimalValue).min(1).optional().describe("名次分值：第1名、第2名……的得分 / points by position: 1st, 2nd, ..."),
      percentiles: z
        .array(
          z.strictObject({
            top: ShareValue.describe('前多少：如 "5%" / the top share, e.g. "5%"'),
            points: DecimalValue.describe("得分 / points"),
          }),
        )
        .min(1)
        .optional()
        .describe('按比例：排名前若干比例的得分，如 [{top: "5%", points: 8}, ...] / points for the top share: [{top: "5%", points: 8}, ...]'),
      proportional: z
        .strictObject({ top: z.number().int().min(1).describe("前几名：按比例计分的名次数 / how many positions score proportionally") })
        .optional()
        .describe("按比例计分：第1名得满分，其后至 top 名得 满分 × 数值 / 第1名数值 / 1st gets max; the next up to top get max × value / first value"),
      otherwise: DecimalValue.optional().describe(OTHERWISE),
    })
    .meta({ id: "Item.rank", description: "按名次：按本批次中的排名给分 / points by rank across the batch" }),
  z
    .strictObject({
      kind: kindIs("panel", "评委评分", "evaluator panel"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      places: Places.describe("小数位数：每个评分最多允许的小数位（可评一位小数）；与输入声明都给出时取较少者 / at most this many decimals per score; with a declared input, the fewer places apply"),
      trim: z
        .strictObject({
          drop: z.number().int().min(1).default(1).describe("两端各去掉的个数，默认 1 / scores dropped at each end; default 1"),
          above: z.number().int().min(0).optional().describe("多于此数时才去掉（大于5人） / trim only when more than this many scores remain"),
          minScores: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe("不少于此数时才去掉（不少于6人），默认 2 × drop + 1 / trim only when at least this many scores remain; default 2 × drop + 1"),
        })
        .optional()
        .describe(
          "去掉最高最低：评分足够多时去掉 drop 个最高分和最低分 / drop the `drop` highest and lowest scores when enough remain: more than `above`, or at least `minScores` (default 2 × drop + 1)",
        ),
      groups: z
        .array(
          z.strictObject({
            id: Id.describe("评委组编号 / id of the rater group"),
            label: z.string().optional().describe("评委组名称 / name of the rater group"),
            weight: ShareValue.describe("权重：该组评分的权重 / weight of the group's scores"),
          }),
        )
        .min(1)
        .optional()
        .describe("评委组：带权重的评委分组，输入为 {组: 评分} / rater groups with weights; input is then {group: scores}"),
      invalidBallots: z
        .array(z.enum(["same-score", "all-full"]))
        .optional()
        .describe("无效票：整张票全部同分（same-score）或全部满分（all-full）的评委作废 / a rater whose whole ballot is all the same / all full marks is void"),
      ballotLimits: z
        .array(
          z.strictObject({
            gte: DecimalValue.optional().describe("分数不低于此值 / scores at least this"),
            lt: DecimalValue.optional().describe("分数低于此值 / scores below this"),
            most: z.number().int().min(0).optional().describe("最多个数 / at most this many"),
            least: z.number().int().min(0).optional().describe("最少个数 / at least this many"),
          }),
        )
        .optional()
        .describe("每票分布限制：违反的票作废 / per-ballot forced distribution; a violating ballot is void"),
    })
    .meta({ id: "Item.panel", description: "评委评分：平均或去掉最高最低后平均，可按评委组加权 / evaluator panel: mean or trimmed mean, optionally by weighted rater groups" }),
  z
    .strictObject({
      kind: kindIs("votes", "民主测评", "democratic votes → points"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      coefficients: nonEmpty(z.record(z.string(), DecimalValue)).describe("系数：档次 → 系数，如 好: 1, 较好: 0.8 / vote level → coefficient, e.g. 好: 1, 较好: 0.8"),
      denominator: z
        .enum(["valid", "valid-and-abstain", "returned", "issued"])
        .default("valid")
        .describe("分母：加权票数除以 valid（默认，有效票）、valid-and-abstain、returned 或 issued / what the weighted votes are divided by; default valid"),
    })
    .meta({ id: "Item.votes", description: "民主测评：票数 → 得分 / democratic votes → points" }),
  z
    .strictObject({
      kind: kindIs("periods", "按期汇总", "monthly/quarterly scores into an annual one"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      count: z.number().int().min(1).describe("期数：如 12 个月、4 个季度 / number of periods (12 months, 4 quarters)"),
      aggregate: z.enum(["mean", "sum"]).default("mean").describe("汇总：mean（默认，平均）或 sum（求和） / mean (default) or sum of the periods"),
      periodMax: NonNegativeDecimal.optional().describe("每期满分：默认 max（mean）或 max/count（sum） / max of one period; default max (mean) or max/count (sum)"),
    })
    .meta({ id: "Item.periods", description: "按期汇总：逐月或逐季得分汇总为年度得分 / monthly/quarterly scores into an annual one" }),
  z
    .strictObject({
      kind: kindIs("carry", "上年结转", "carry-over from the previous year"),
      ...nodeBase,
      ...itemInput,
      ...itemMax,
      share: ShareValue.describe("结转比例：上年度积分的比例（上年度积分的20%） / share of last year's points carried over"),
    })
    .meta({ id: "Item.carry", description: "上年结转：结转上年度积分的一部分 / carry-over from the previous year" }),
  z
    .strictObject({
      kind: kindIs("linked", "关联考核", "the score of another assessment"),
      ...nodeBase,
      ...itemMax,
      rubric: Id.describe("关联细则：同一次运行中另一细则的 id / id of a rubric evaluated in the same run"),
      scaleFrom: DecimalValue.optional().describe("原满分：该细则的满分；得分 = 其得分 / scaleFrom × max / full mark of that rubric; points = score / scaleFrom × max"),
    })
    .meta({ id: "Item.linked", description: "关联考核：同一次运行中另一项考核的得分 / the score of another assessment in the same run" }),
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
    kind: z.literal("group").optional().describe("种类：分组（可省略，有 children 即为分组） / kind: group (may be omitted: a node with children is a group)"),
    ...nodeBase,
    max: NonNegativeDecimal.optional().describe("分值：声明的满分，与子节点核对 / declared full points; checked against the children"),
    combine: z
      .enum(["sum", "weighted", "mean", "max", "min"])
      .optional()
      .describe("合成方式：sum（默认，求和）、weighted（加权）、mean、max、min / how children combine; default sum"),
    children: z.array(Node).min(1).describe("子节点：下级指标或分组 / the child items or groups"),
    floor: DecimalValue.optional().describe("最低分：本块得分不低于此值（基础分减完为止） / lowest points of the block"),
    cap: DecimalValue.optional().describe("封顶：折算前本块得分不高于此值 / highest points of the block before normalisation"),
    normalizeTo: DecimalValue.optional().describe("折算：把得分折算到此满分 / rescale points to this full mark"),
    outside: z.array(Node).optional().describe("另行加分：折算和封顶之后再加的节点 / nodes added after normalisation and cap (bonus outside the cap)"),
    limit: DecimalValue.nullable().optional().describe("总分上限：加上 outside 后的界限；null 为上不封顶 / bound after outside nodes; null = no ceiling"),
});

export const Group: z.ZodType<GroupSource> = z
  .lazy(() => z.strictObject(groupShape()))
  .meta({ id: "Group", description: "分组：由 children 合成得分 / a group: its points combine its children" }) as z.ZodType<GroupSource>;

/** The root of the tree: a group whose id defaults to "total". */
export const RootGroup = z
  .lazy(() => z.strictObject({ ...groupShape(), id: Id.default("total").describe("编号：默认 total / id; default total") }))
  .meta({ id: "RootGroup", description: "指标体系的根分组：其得分即总分 / the root group of the indicator tree: its points are the total" }) as unknown as z.ZodType<GroupSource>;

export const Item = z
  .discriminatedUnion("kind", [...ItemKinds], {
    error: `${expected("item-kind")}: ${ITEM_KINDS.join(", ")} (or children: for a group)`,
  })
  .meta({ id: "Item", description: "指标项：由 kind 决定计分方法 / an item: its kind is its scoring method" });

export const Node: z.ZodType<NodeSource> = z
  .lazy(() => z.union([Group, Item], { error: expected("node") }))
  .meta({ id: "Node", description: "节点：指标项（有 kind）或分组（有 children） / a node: an item (with kind) or a group (with children)" }) as z.ZodType<NodeSource>;

// ---------------------------------------------------------------- grades, rules, quotas, ranking

export const GradeSchema = z
  .strictObject({
    id: Id.describe("等次编号 / id of the grade"),
    label: z.string().optional().describe("等次名称：如 好、优秀 / name of the grade, e.g. 好, 优秀"),
    min: DecimalValue.optional().describe("下限（含本数） / lower bound, inclusive"),
    above: DecimalValue.optional().describe("下限（不含本数） / lower bound, exclusive"),
    max: DecimalValue.optional().describe("上限（含本数） / upper bound, inclusive"),
    below: DecimalValue.optional().describe("上限（以下不包括本数） / upper bound, exclusive"),
    requires: Condition.optional().describe("附加条件：评为该等次还须满足（各单项不为0分） / a further condition to hold this grade"),
    illustrative: Illustrative,
  })
  .meta({ id: "Grade", description: "等次：分数区间及附加条件 / a grade: its score band and further conditions" });

const ruleBase = {
  id: Id.describe("规则编号 / id of the rule"),
  when: Condition.describe("触发条件：条件成立时规则生效 / the rule applies when this holds"),
  reason: z.string({ error: expected("reason-text") }).min(1).describe("原因：向对象说明的理由 / the reason stated to the subject"),
  illustrative: Illustrative,
};
/** The `kind` key of a rule, described for the editor. */
const ruleIs = <K extends string>(kind: K, zh: string, en: string) => z.literal(kind).describe(`规则种类：${zh} / rule kind: ${en}`);

export const RuleSchema = z
  .discriminatedUnion(
    "kind",
    [
      z
        .strictObject({
          kind: ruleIs("veto", "一票否决", "set a fixed grade"),
          ...ruleBase,
          grade: GradeName.optional().describe("直接确定为：所定等次（id 或名称），默认最低等次 / grade set, by id or label; default the lowest"),
          score: z.enum(["keep", "zero"]).default("keep").describe("分数：keep（默认，保留）或 zero（总分记 0） / keep (default) or zero: the total becomes 0"),
          ranking: z.enum(["keep", "exclude"]).default("keep").describe("排名：keep（默认）或 exclude（不参加排名） / keep (default) or exclude: not ranked"),
        })
        .meta({ id: "Rule.veto", description: "一票否决：直接确定为某一等次 / set a fixed grade" }),
      z
        .strictObject({
          kind: ruleIs("downgrade", "直接降档", "move down N levels"),
          ...ruleBase,
          levels: z.number().int().min(1).default(1).describe("降档数：默认 1 / levels moved down; default 1"),
        })
        .meta({ id: "Rule.downgrade", description: "直接降档：下降 N 个等次 / move down N levels" }),
      z
        .strictObject({
          kind: ruleIs("cap", "不能评定为", "grade at most"),
          ...ruleBase,
          grade: GradeName.describe("最高等次：至多评为此等次（id 或名称） / the best grade allowed, by id or label"),
        })
        .meta({ id: "Rule.cap", description: "不能评定为：等次至多为此 / grade at most this (by id or label)" }),
      z
        .strictObject({ kind: ruleIs("exclude", "不参加定级", "no grade, not ranked"), ...ruleBase })
        .meta({ id: "Rule.exclude", description: "不参加定级：不定等次，不参加排名 / no grade, not ranked" }),
    ],
    { error: expected("rule-kind") },
  )
  .meta({ id: "Rule", description: "规则：一票否决、直接降档、不能评定为或不参加定级 / a rule: veto, downgrade, cap or exclude" });

export const QuotaSchema = z
  .strictObject({
    id: Id.describe("名额编号 / id of the quota"),
    grade: GradeName.describe("限额等次：受名额限制的等次（id 或名称），不能是最低等次 / the grade limited, by id or label; not the lowest grade"),
    share: z
      .union([ShareValue, z.string().regex(/^\s*\d+\s*\/\s*[1-9]\d*\s*$/, { error: SHARE_EXPECTED })], { error: SHARE_EXPECTED })
      .optional()
      .describe('比例：至多占范围内对象的比例，"50%"、0.5 或分数 "1/3" / at most this share of the scope: "50%", 0.5 or an exact fraction "1/3"'),
    count: z.number().int().min(0).optional().describe("名额数：至多这么多个 / at most this many"),
    scope: z.enum(["all", "group"]).default("all").describe("范围：all（默认，全体）或 group（每个分组） / all subjects (default) or each group"),
    rounding: z
      .enum(["floor", "ceil", "half-up"])
      .default("floor")
      .describe("取整：范围人数 × 比例的取整方式，默认 floor（向下） / rounding of scope size × share; default floor"),
    ties: z
      .enum(["demote", "admit"])
      .default("demote")
      .describe("并列：跨名额线的并列者 demote（默认，全部下调，绝不超额）或 admit（全部入选） / subjects tied across the limit: demote all (never exceed) or admit all"),
    illustrative: Illustrative,
  })
  .superRefine((q, ctx) => {
    if ((q.share === undefined) === (q.count === undefined))
      ctx.addIssue({ code: "custom", params: { reason: "quota-share-or-count" }, message: "a quota needs exactly one of share or count" });
  })
  .meta({ id: "Quota", description: "名额：某等次至多的比例或个数（share 或 count 之一） / a quota: at most a share or a count of a grade" });

export const RankingSchema = z
  .strictObject({
    tieBreakers: z
      .array(
        z.strictObject({
          fact: z.string().describe("比较事实：如 score.a1 / the fact compared, e.g. score.a1"),
          order: z.enum(["desc", "asc"]).default("desc").describe("排序：desc（默认，高者在前）或 asc / desc (default): higher first; asc: lower first"),
        }),
      )
      .default([])
      .describe("同分排序：总分相同时依次比较，仍相同则名次并列 / applied in order when totals are equal; remaining ties share a rank"),
  })
  .meta({ id: "Ranking", description: "排名设置 / ranking settings" });

export const ActionSchema = z
  .strictObject({
    id: Id.describe("处理编号 / id of the action"),
    label: z.string().optional().describe("处理名称：如 约谈 / name, e.g. 约谈"),
    when: Condition.optional().describe("条件：省略则对每个定级对象 / omit for an action on every graded subject"),
    illustrative: Illustrative,
  })
  .meta({ id: "Action", description: "处理：对满足条件的对象采取的措施（如约谈） / an action taken on the subjects meeting a condition" });

export const TierSchema = z
  .strictObject({
    id: Id.describe("类别编号 / id of the tier"),
    label: z.string().optional().describe("类别名称：先进 / 中间 / 后进 / name, e.g. 先进"),
    followUp: z.string().optional().describe("后续工作：看创新 / 促提升 / 抓基础 / the follow-up, e.g. 看创新"),
    when: Condition.optional().describe("条件：取第一个条件成立的类别；最后一个可省略，表示其余 / first tier whose condition holds; omit on the last tier for the rest"),
  })
  .meta({ id: "Tier", description: "类别：先进、中间、后进等分类 / a tier (先进, 中间, 后进)" });

export const PolicySchema = z
  .strictObject({
    bandGaps: z
      .enum(["lower", "higher", "error"])
      .default("lower")
      .describe("等次间隙：分数落在两个等次之间时取 lower（默认，较低等次）、higher 或 error / a score between two bands gets the lower grade (default), the higher, or is an error"),
    downgrades: z
      .enum(["sum", "max"])
      .default("sum")
      .describe("多条降档：sum（默认，降档数相加）或 max（取最大） / several downgrade rules: their levels add up (default) or only the largest applies"),
  })
  .meta({ id: "Policy", description: "政策选择：原文未明确时的处理方式 / the choices source documents leave open" });

export const FeedbackSchema = z
  .strictObject({
    problems: z.number().int().min(0).max(20).default(3).describe("个性问题数：每个对象列出失分最多的若干项，默认 3 / items that lost the most points, listed per subject; default 3"),
    highlights: z.number().int().min(0).max(20).default(3).describe("亮点数：每个对象列出高出平均最多的若干项，默认 3 / items furthest above the batch average, listed per subject; default 3"),
    commonShare: ShareValue.default("50%").describe(
      '共性问题比例：某项所适用的对象中至少这么多对象失分达到 commonLoss 时，该项为共性问题，默认 "50%" / an item is a 共性问题 when at least this share of the subjects it applies to lost at least commonLoss on it',
    ),
    commonLoss: ShareValue.default("10%").describe(
      '共性问题失分线：对象在某项失分达到该项分值的这一比例（且大于 0）才计入共性问题，默认 "10%" / a subject counts towards a 共性问题 when it lost at least this share of the item\'s points (and more than 0)',
    ),
    within: z.array(Id).min(1).optional().describe("范围：只看这些节点下的指标项（默认整棵树） / only items under these nodes (default: the whole tree)"),
  })
  .meta({ id: "Feedback", description: "反馈（问题清单）设置 / feedback settings" });

export const ExpectationSchema = z
  .strictObject({
    score: DecimalValue.optional().describe("预期总分 / expected total"),
    grade: GradeName.nullable().optional().describe("预期等次（id 或名称）；不参加定级为 null / grade id or label; null for an excluded subject"),
    rawGrade: GradeName.nullable().optional().describe("预期调整前等次（id 或名称） / expected grade before rules and quotas"),
    rank: z.number().int().nullable().optional().describe("预期名次 / expected rank"),
    groupRank: z.number().int().nullable().optional().describe("预期组内名次 / expected rank within the group"),
    excluded: z.boolean().optional().describe("是否不参加定级 / whether the subject is excluded"),
    tier: Id.nullable().optional().describe("预期类别 / expected tier"),
    adjustments: z.array(Id).optional().describe("调整：改变等次的规则、名额 id，按顺序 / ids of the rules/quotas that changed the grade, in order"),
    actions: z.array(Id).optional().describe("处理：预期的处理 id / ids of the expected actions"),
    points: z.record(Id, DecimalValue).optional().describe("节点得分：节点 id → 得分 / node id → points"),
    problems: z.array(Id).optional().describe("个性问题：指标项 id，按顺序 / ids of the subject's individual problems, in order"),
    highlights: z.array(Id).optional().describe("亮点：指标项 id，按顺序 / ids of the subject's highlights, in order"),
  })
  .meta({ id: "Expectation", description: "预期结果：一个对象的预期得分、等次等 / the expected results of one subject" });

export const TestCaseSchema = z
  .strictObject({
    name: z.string().min(1).describe("用例名称 / name of the case"),
    rubric: Id.optional().describe("细则：expect 所指的细则 id，默认包含本用例的细则 / which rubric's results `expect` refers to; default the rubric holding the case"),
    subjects: z.array(z.record(z.string(), z.unknown())).min(1).describe("考核对象：每行一个对象的数据 / the subjects' data, one mapping per subject"),
    expect: z.record(z.string(), ExpectationSchema).optional().describe("预期：对象 id → 预期结果 / subject id → expected results"),
    common: z.array(Id).optional().describe("共性问题：本批次共性问题的指标项 id，按顺序 / ids of the batch's common problems, in order"),
    error: z.string().optional().describe("预期错误：运行必须以该问题代码失败 / the run must fail with this issue code"),
  })
  .meta({ id: "TestCase", description: "测试用例：数据和手算的预期结果 / a test case: data and hand-computed expectations" });
export type TestCaseSource = z.output<typeof TestCaseSchema>;

const SCHEMA_KEY = "编辑器用的 JSON Schema 地址 / the JSON Schema an editor uses";

export const TestFileSchema = z.strictObject({
  $schema: z.string().optional().describe(SCHEMA_KEY),
  tests: z.array(TestCaseSchema).min(1).describe("测试用例 / the test cases"),
});

export const RubricSchema = z.strictObject({
  $schema: z.string().optional().describe(SCHEMA_KEY),
  kaohe: z.literal(1, { error: expected("kaohe-version") }).describe("语言版本：1 / the language version: 1"),
  id: Id.describe("细则编号 / id of the rubric"),
  name: z.string().min(1).describe("细则名称：如 党建工作责任制考核评价 / name of the rubric"),
  year: z.number().int().min(1900).max(3000).describe("考核年度 / the year assessed"),
  version: z.string({ error: expected("version") }).describe('版本：字符串，如 "1.0"（加引号） / version string such as "1.0" (quoted)'),
  description: z.string().optional().describe("说明 / description"),
  subject: z
    .strictObject({
      label: z.string().optional().describe("考核对象称谓：如 党支部 / what a subject is, e.g. 党支部"),
      id: z
        .string()
        .min(1)
        .optional()
        .describe('编号列：保存对象编号的列，如 编号（列名 "id" 总可使用） / the column holding the subject id, e.g. 编号 (the column "id" is always accepted)'),
      name: z
        .string()
        .min(1)
        .optional()
        .describe('名称列：保存对象名称的列，如 支部名称（列名 "name" 总可使用） / the column holding the subject name, e.g. 支部名称 (the column "name" is always accepted)'),
      group: z
        .string()
        .min(1)
        .optional()
        .describe('分组：同类分组的名称及其所在列，如 板块（列名 "group" 总可使用） / label of the peer group, and the column holding it, e.g. 板块 (the column "group" is always accepted)'),
      ignore: z
        .array(z.string().min(1))
        .optional()
        .describe("忽略列：读取时跳过的数据列，如 [备注]；不能是已知字段 / data columns to skip, e.g. [备注]; never an unknown field"),
    })
    .optional()
    .describe("考核对象：数据中对象各列的名称 / the subject columns as the data names them"),
  asOf: DateText.optional().describe(
    "截止日期：monthsSince、daysSince 计算到此日期，如 2024-12-31 / the date spans (monthsSince.<input>, daysSince.<input>) are counted to, e.g. 2024-12-31",
  ),
  rounding: Rounding.optional().describe("总分舍入：未声明则不舍入 / rounding of the total; none unless declared"),
  policy: PolicySchema.default({ bandGaps: "lower", downgrades: "sum" }).describe("政策：等次间隙和多条降档的处理方式 / policy: band gaps and several downgrades"),
  inputs: z.record(Id, InputDecl).optional().describe("输入：每个对象读取的数据，名称 → 声明 / the per-subject values read, name → declaration"),
  grades: z.array(GradeSchema).min(2).describe("等次：从好到差排列 / ordered grade scale, best first"),
  scoring: RootGroup.describe("指标体系：根分组的得分即总分 / the indicator tree; its root is the total"),
  rules: z.array(RuleSchema).optional().describe("规则：一票否决、降档等 / rules: veto, downgrade, cap, exclude"),
  quotas: z.array(QuotaSchema).optional().describe("名额：等次的比例或个数限制 / quotas on grades"),
  ranking: RankingSchema.optional().describe("排名：同分时的排序 / ranking: tie-breakers"),
  actions: z.array(ActionSchema).optional().describe("处理：如约谈 / actions, e.g. 约谈"),
  tiers: z.array(TierSchema).optional().describe("类别：先进、中间、后进 / tiers"),
  feedback: FeedbackSchema.optional().describe("反馈：问题清单设置 / feedback settings"),
  tests: z.array(TestCaseSchema).optional().describe("测试用例：手算的预期结果 / test cases with hand-computed expectations"),
});
export type RubricSource = z.output<typeof RubricSchema>;
