/**
 * 问题信息的中文表：每个 IssueCode 一条模板；一个代码涵盖多种情形时，按子键
 * （reason、expects）各有一条。与 messages.ts（英文）的键一一对应，缺一条测试即失败。
 *
 * The simplified Chinese table of issue messages, key for key as messages.ts. Data
 * issues leave the row, subject and field to formatIssue (第3行 单位"u1" 字段"x"：…),
 * so their messages say only what is wrong and what is expected.
 */
import type { IssueCode } from "./issue.js";
import { showValue } from "./show.js";
import { list, pick, q, received, rec, s, type Params, type Template } from "./template.js";

/** Lists read with the Chinese enumeration comma. */
const l = (v: unknown) => s(v, "、");
const got = (p: Params) => s(p.received);

/** A value the schema received, from params.got (kind and scalar value). */
function gotZh(p: Params): string {
  const g = rec(p.got);
  switch (g.kind) {
    case "nothing":
      return "空（没有值）";
    case "null":
      return "空值 null";
    case "list":
      return "一个列表";
    case "mapping":
      return "一个映射（键值对）";
    case "string":
      return `文本 ${showValue(g.value)}`;
    case "number":
      return `数 ${s(g.value)}`;
    case "boolean":
      return `布尔值 ${s(g.value)}`;
    case "value":
      return `值 ${showValue(g.value)}`;
    case "not-mapping":
      return "不是映射的值";
    default:
      return got(p);
  }
}

/** What a rubric value must be, by params.expects (schema/expectations.ts). */
export const EXPECTATION_ZH: Readonly<Record<string, string>> = {
  id: "编号（由字母、数字、_ 或 - 组成）",
  "id-chars": "只由字母、数字、_ 或 - 组成的编号（不能有空格或点）",
  decimal: "数，如 2 或 0.5",
  share: '百分比（如 "50%"）或数',
  date: '日期，如 "2024-12-31"',
  "real-date": '真实存在的日期，如 "2024-12-31"（或 2024/12/31、2024年12月31日）',
  bound: '数、百分比（如 "50%"）或日期（如 2024-12-31）',
  "grade-name": "等次的编号或名称",
  places: "小数位数（整数）",
  scalar: "文本、数或布尔值",
  fact: "事实引用，如 total、input.x、score.a1、grade、rubric.r.grade",
  condition: "条件：一个事实、{all: [...]}、{any: [...]}、{not: ...} 或 {fact: ..., <运算符>: ...}",
  "input-type": "数据项类型：number、count、ratio、boolean、choice、grade、text、date、rank、scores、votes、series 或 records",
  points: "分值：一个数，或 {by, table}",
  "item-kind": "指标类型 kind",
  node: "指标（写 kind）或指标组（写 children）",
  "reason-text": "原因说明文字",
  "rule-kind": "规则类型：veto、downgrade、cap 或 exclude",
  "kaohe-version": "kaohe: 1（语言版本）",
  version: '版本号文本，如 "1.0"（请加引号）',
  kind: "类型 kind",
  "known-kind": "已知的类型 kind",
  shape: "另一种结构",
  "type:string": "文本",
  "type:number": "数",
  "type:int": "整数",
  "type:boolean": "true 或 false",
  "type:object": "映射（键值对）",
  "type:array": "列表",
  "type:record": "映射（键值对）",
  "type:tuple": "列表",
};

function expectsZh(p: Params): string {
  const key = p.expects;
  if (typeof key === "string" && Object.hasOwn(EXPECTATION_ZH, key)) {
    // "an item kind: input, yesno, … (or children: for a group)": the kinds are names in the rubric language.
    const kinds = key === "item-kind" ? /:\s*(.+?)\s*\(or children/.exec(s(p.expected))?.[1] : undefined;
    return kinds ? `${EXPECTATION_ZH[key]}（${kinds.split(/,\s*/).join("、")}），或指标组（children）` : EXPECTATION_ZH[key]!;
  }
  return q(p.expected);
}

const ROLE_ZH: Readonly<Record<string, string>> = { id: "编号", name: "名称", group: "分组", ignore: "忽略列" };
const role = (v: unknown) => (typeof v === "string" && Object.hasOwn(ROLE_ZH, v) ? ROLE_ZH[v]! : s(v));

/** SCHEMA_CONSTRAINT，按 reason。 */
export const CONSTRAINT_ZH: Readonly<Record<string, Template>> = {
  "tier-when-last": () => "只有最后一个类别可以省略 when（它接收其余所有单位）",
  "grade-min-and-above": () => "等次的下限只能写 min（≥）或 above（>）之一，不能同时写",
  "grade-max-and-below": () => "等次的上限只能写 max（≤）或 below（<）之一，不能同时写",
  "grade-lower-bound": (p) => `等次${q(p.grade)}缺少下限（min 或 above）；只有最后一个等次可以省略`,
  "test-expect-or-error": () => "测试用例需要写 expect 或 error",
  "input-subject-column": (p) => `${q(p.input)}是单位的${role(p.input)}列，不能用作数据项名称；请换一个名称`,
  "missing-with-default": (p) => `数据项${q(p.input)}有默认值（default），不会缺失；请删去 missing 或 default`,
  "missing-with-required": (p) => `数据项${q(p.input)}：required: true 与 missing: ${s(p.missing)}（允许缺失）相矛盾；请删去其中一个`,
  "missing-zero-type": (p) =>
    `missing: zero 把缺失的值按 0 读取，只适用于 number、count、ratio 和 scores 类型的数据项；${q(p.input)}是 ${s(p.type)} 类型（${p.type === "boolean" ? "请给它 default: false" : "请改用 missing: skip 或 error"}）`,
  "missing-no-input": (p) => `指标${q(p.item)}本身不读取数据项（只有条件或记录），missing 没有作用对象`,
  "missing-zero-panel": (p) => `指标${q(p.item)}是评分（panel）：缺少评分表不能按零分读取（没有分数）；请用 missing: skip 或 error`,
  "column-also-input": (p) => `列${q(p.column)}既是单位的${role(p.what)}，又是数据项${q(p.input)}；一列只能读取一次`,
  "column-twice": (p) => `列${q(p.column)}既是单位的${role(p.what)}，又是单位的${role(p.other)}`,
  "ratio-input-or-pair": () => "比率（ratio）指标要么写 input，要么同时写 numerator 和 denominator",
  "adjust-empty": () => "直接加减分（adjust）指标至少需要一条 additions 或 deductions",
  "scale-target": () => "阶梯计分（scale）指标需要且只需要 target 或 targetInput 之一",
  "band-bound": () => "每一档需要且只需要 min（≥）或 above（>）之一",
  "rank-mode": () => "排名赋分（rank）指标需要且只需要 points、percentiles、proportional 之一",
  "trim-above-and-min": () => "去掉最高最低分（trim）只能写 above（多于 n 个分数）或 minScores（至少 n 个分数）之一，不能同时写",
  "real-date": () => '应为真实存在的日期，如 "2024-12-31"（或 2024/12/31、2024年12月31日）',
  "comparison-operators": (p) =>
    list(p.found).length === 0 ? `比较需要且只需要一个运算符：${l(p.operators)}` : `比较只能有一个运算符，实际写了 ${s(p.found, " 和 ")}`,
  "entry-kind": (p) => `每个条目需要且只需要 when、per、shortfall、records、chosen 之一；实际${list(p.found).length ? `写了 ${l(p.found)}` : "一个也没有"}`,
  "entry-range": () => "酌情（chosen）条目需要 range: [下限, 上限]",
  "entry-points": (p) => `${s(p.kind)} 条目需要写分值 points`,
  "entry-records-only": () => "times、split 和 dedup 只适用于记录（records）条目",
  "entry-table-records-only": () => "按表取分（{by, table}）只适用于记录（records）条目",
  "quota-share-or-count": () => "比例限制需要且只需要 share（比例）或 count（名额）之一",
};

/** 分值名称：yes、档次"好"、points[0]…… */
function pointsName(p: Params): string {
  switch (p.what) {
    case "level":
      return `档次${q(p.level)}的分值`;
    case "position":
      return `第${s(p.position)}名的分值`;
    case "band":
      return "该档的分值";
    default:
      return `${s(p.what)} 的分值`;
  }
}

const range = (p: Params) => `${s(p.min ?? "")}..${s(p.max ?? "")}`;

/** RANGE_INVALID，按 reason。 */
export const RANGE_ZH: Readonly<Record<string, Template>> = {
  "grade-empty-band": (p) => `等次${q(p.grade)}的分数段是空的`,
  "common-share": (p) => `共性问题比例 commonShare 应在 0% 到 100% 之间，实际为 ${got(p)}`,
  "common-loss": (p) => `共性问题失分比例 commonLoss 应在 0% 到 100% 之间，实际为 ${got(p)}`,
  "normalize-to": (p) => `折算目标 normalizeTo 应大于 0，实际为 ${got(p)}`,
  "group-cap-negative": (p) => `上限 cap ${s(p.cap)} 小于 0：指标组得分的上限应不小于 0`,
  "floor-above-cap": (p) => `下限 floor ${s(p.floor)} 高于上限 cap ${s(p.cap)}`,
  "floor-above-limit": (p) => `下限 floor ${s(p.floor)} 高于限额 limit ${s(p.limit)}`,
  "carry-share": (p) => `上年得分的结转比例应大于 0% 且不超过 100%，实际为 ${got(p)}`,
  "scale-from": (p) => `scaleFrom（关联考核的满分）应大于 0，实际为 ${got(p)}`,
  "rater-weight": (p) => `评价组${q(p.group)}的权重应为正数，实际为 ${got(p)}`,
  "input-min-above-max": (p) => `最小值 min ${s(p.min)} 大于最大值 max ${s(p.max)}`,
  "missing-zero-range": (p) => `数据项${q(p.input)}：missing: zero 把缺失的值按 0 读取，但 0 不在它的取值范围 ${range(p)} 内`,
  "item-missing-zero-range": (p) => `指标${q(p.item)}：missing: zero 把${q(p.input)}按 0 读取，但 0 不在它的取值范围 ${range(p)} 内`,
  "between-numbers": (p) => `between：下限 ${s(p.low)} 大于上限 ${s(p.high)}`,
  "between-dates": (p) => `between：起始日期 ${s(p.low)} 晚于截止日期 ${s(p.high)}`,
  "input-above-item-max": (p) =>
    `数据项${q(p.input)}的取值${p.inputMax !== undefined ? `最大可到 ${s(p.inputMax)}` : "没有上限"}，超过本指标的满分 ${s(p.max)}`,
  "carry-above-item-max": (p) =>
    `数据项${q(p.input)}的取值${p.inputMax !== undefined ? `最大可到 ${s(p.inputMax)}` : "没有上限"}，乘以 ${s(p.share)} 后会超过本指标的满分 ${s(p.max)}（请声明 max: ${s(p.limit)}，并用 clamp: true 使结转分不超过该值）`,
  "proportional-rank-negative": (p) =>
    `按比例计分要求取值不小于 0，但数据项${q(p.input)}${p.inputMin !== undefined ? `最小可到 ${s(p.inputMin)}` : "没有下限"}；请声明 min: 0`,
  "chosen-range": (p) => `范围 range 的下限 ${s(p.low)} 大于上限 ${s(p.high)}`,
  "weight-positive": (p) => `${q(p.id)}的权重应为正数，实际为 ${got(p)}`,
  "value-outside-max": (p) => `${pointsName(p)} ${s(p.value)} 不在 0 到 ${s(p.max)}（本指标满分）之间`,
  "base-above-max": (p) => `基础分 base ${s(p.base)} 高于满分 max ${s(p.max)}`,
  "floor-above-base": (p) => `下限 floor ${s(p.floor)} 高于基础分 base ${s(p.base)}`,
  "adjust-cap-negative": (p) => `上限 cap ${s(p.cap)} 小于 0：cap 限制的是净加分`,
  "adjust-floor-positive": (p) => `下限 floor ${s(p.floor)} 大于 0：floor 限制的是净扣分（请写成负数，如 -10）`,
  "unit-positive": (p) => `步长 unit 应为正数，实际为 ${got(p)}`,
  "zero-below-above-target": (p) => `不得分线 zeroBelow ${s(p.zeroBelow)} 高于目标值 ${s(p.target)}：达到目标值反而得 0 分`,
  coefficient: (p) => `档次${q(p.level)}的系数应在 0 到 1 之间，实际为 ${got(p)}`,
};

/** REF_BAD_FACT，按 reason。 */
export const BAD_FACT_ZH: Readonly<Record<string, Template>> = {
  "no-part": (p) => `：${s(p.head)} 后面不能再接其他部分`,
  shape: (p) => `：应写成 ${s(p.shape)}`,
  "span-not-date": (p) => `：数据项${q(p.input)}是 ${s(p.type)} 类型；${s(p.head)} 需要从日期类型（type: date）的数据项算起`,
  "input-type": (p) => `：数据项${q(p.input)}是 ${s(p.type)} 类型；条件只能读取 number、count、ratio、boolean、choice、text、grade、date 和 rank 类型的数据项`,
  "own-rubric": () => "：考核方案不能通过 rubric.<id> 读取自己的结果；请用 total、grade 或 rank",
  unknown: (p) => `：未知的事实；应为 ${l(p.known)} 之一`,
};

/** COND_TYPE_MISMATCH 中运算符的值应为什么，按 expects。 */
export const OPERAND_ZH: Readonly<Record<string, string>> = {
  boolean: "值应为 true 或 false",
  "number-list": "值应为数的列表",
  "number-pair": "值应为 [下限, 上限] 两个数",
  number: "值应为一个数",
  text: "值应为文本",
  "date-pair": '值应为 [起始, 截止] 两个日期，如 ["2024-01-01", "2024-06-30"]',
  date: '值应为真实存在的日期，如 "2024-06-30"',
  "count-or-share": '值应为正整数个数或比例，如 "10%"',
  "whole-count": "值应为整数个数或百分比",
  rank: "值应为名次",
};

const FACT_TYPE_ZH: Readonly<Record<string, string>> = { number: "数值", text: "文本", boolean: "是否", grade: "等次", date: "日期", rank: "名次" };

const TYPE_MISMATCH_ZH: Readonly<Record<string, Template>> = {
  "bare-fact": () => "单独写一个事实时，它必须是是否（布尔）型；其他事实请用运算符比较",
  operator: (p) => `请用 ${l(p.allowed)} 之一`,
  value: (p) => (typeof p.expects === "string" && Object.hasOwn(OPERAND_ZH, p.expects) ? OPERAND_ZH[p.expects]! : `值应为 ${s(p.expects)}`),
  "tie-breaker": () => "并列时的排序依据只能是数值、名次、等次、日期或是否型事实",
};

const STAGE_RUNS_ZH: Readonly<Record<string, string>> = {
  scoring: "在计分过程中判断",
  bands: "在计分之后、按分数段确定初定等次时判断",
  exclusions: "在按分数段定等次之后、一票否决和排名之前执行",
  vetoes: "在按分数段定等次之后、排名之前执行",
  ranking: "在排名时读取",
  downgrades: "在排名之后执行",
  caps: "在排名之后执行",
  actions: "最后执行",
};

const RULE_KIND_ZH: Readonly<Record<string, string>> = { exclude: "不参加定级", veto: "一票否决", downgrade: "降档", cap: "等次上限" };

function consumerZh(who: Params): string {
  switch (who.kind) {
    case "only":
      return `指标${q(who.id)}的适用条件（only）`;
    case "entry":
      return `指标${q(who.item)}中条目${q(who.id)}的条件（when）`;
    case "zeroIf":
      return `指标${q(who.item)}的不得分条件（zeroIf）`;
    case "requires":
      return `等次${q(who.id)}的附加条件（requires）`;
    case "rule":
      return `${typeof who.ruleKind === "string" && Object.hasOwn(RULE_KIND_ZH, who.ruleKind) ? RULE_KIND_ZH[who.ruleKind] : s(who.ruleKind)}规则${q(who.id)}`;
    case "tieBreaker":
      return "排名的并列排序依据";
    case "action":
      return `处理措施${q(who.id)}`;
    case "tier":
      return `类别${q(who.id)}`;
    default:
      return "该条件";
  }
}

function notYetZh(why: Params): string {
  switch (why.reason) {
    case "self":
      return `它就是正在计分的${q(why.id)}本身的得分`;
    case "contains":
      return `${q(why.id)}包含${q(why.node)}，在它之后才计分`;
    case "after":
      return `${q(why.id)}在${q(why.node)}之后计分：指标按书写顺序计分，指标组在其下级之后计分`;
    case "known-from":
      return why.from === "bands"
        ? `${s(why.head)} 要在整个指标体系计分完成后才知道`
        : why.from === "exclusions"
          ? `${s(why.head)} 要在按分数段得出初定等次后才知道`
          : `${s(why.head)} 要在排名之后才知道：降档、等次上限、处理措施和类别可以读取它`;
    default:
      return "尚未计算";
  }
}

const MAX_FROM_ZH: Readonly<Record<string, string>> = {
  normalizeTo: "折算目标 normalizeTo",
  "weighted-children": "各下级加权后",
  children: "各下级分值",
  periodMax: "每期最高分 × 期数",
};

const DATE_PROBLEM_ZH: Readonly<Record<string, Template>> = {
  "not-text": () => "日期应写成文本",
  year: (p) => `年份 ${s(p.year)} 超出范围`,
  month: (p) => `没有 ${s(p.month)} 月`,
  day: (p) => `${s(p.year)}年${s(p.month)}月只有 ${s(p.days)} 天，没有 ${s(p.day)} 日`,
  "not-a-date": () => "不是日期",
};

const SCHEMA_VALUE_ZH: Readonly<Record<string, Template>> = {
  "one-of": (p) => `应为 ${list(p.values).map((v) => showValue(v)).join("、")} 之一，实际为${gotZh(p)}`,
  format: (p) => `应为${expectsZh(p)}，实际为${gotZh(p)}`,
};

function outOfRangeZh(p: Params): string {
  const side = p.side === "min" ? "至少" : "至多";
  if (p.of === "list") return `应为${side} ${s(p.bound)} 项的列表，实际有 ${s(p.count ?? "?")} 项`;
  if (p.of === "mapping") return `应为${side} ${s(p.bound)} 项的映射，实际有 ${s(p.count ?? "?")} 项`;
  if (p.of === "text") return `应${side}有 ${s(p.bound)} 个字符，实际为${gotZh(p)}`;
  return `应${p.side === "min" ? "不小于" : "不大于"} ${s(p.bound)}，实际为${gotZh(p)}`;
}

const YAML_CODE_ZH: Readonly<Record<string, string>> = {
  BAD_INDENT: "缩进不正确",
  TAB_AS_INDENT: "不能用制表符（Tab）缩进，请改用空格",
  MISSING_CHAR: "缺少配对的符号（引号、括号或冒号）",
  BLOCK_AS_IMPLICIT_KEY: "键的写法不正确（可能是冒号后缺少空格，或缩进不对）",
  MULTILINE_IMPLICIT_KEY: "键不能跨行（可能是冒号后缺少空格，或缩进不对）",
  UNEXPECTED_TOKEN: "此处出现了不应出现的符号",
  BAD_SCALAR_START: "值不能以这个字符开头（含特殊字符的文本请加引号）",
  BAD_DQ_ESCAPE: "双引号内的转义写法不正确",
  BLOCK_IN_FLOW: "花括号或方括号内不能使用换行缩进的写法",
  MULTIPLE_DOCS: "一个文件只能有一个文档（不要用 --- 分隔多个文档）",
  BAD_ALIAS: "别名的写法不正确",
  ALIAS_PROPS: "别名不能带锚点或标签",
  MULTIPLE_ANCHORS: "一个值只能有一个锚点",
  MULTIPLE_TAGS: "一个值只能有一个标签",
  KEY_OVER_1024_CHARS: "键超过 1024 个字符",
  BAD_DIRECTIVE: "指令的写法不正确",
  BAD_PROP_ORDER: "锚点和标签的位置不正确",
  NON_STRING_KEY: "键必须是文本",
  BAD_COLLECTION_TYPE: "列表或映射的类型不正确",
  IMPOSSIBLE: "无法解析",
  RESOURCE_EXHAUSTION: "文档过于复杂，无法解析",
};

const LIMIT_WHAT_ZH: Readonly<Record<string, string>> = {
  maxNodes: "指标体系中的节点（指标组和指标）数",
  maxTreeDepth: "指标体系的层数",
  maxEntries: "一个列表或映射中的条目数",
  maxNesting: "相互嵌套的列表和映射的层数",
};

const DUPLICATE_WHAT_ZH: Readonly<Record<string, string>> = {
  rule: "规则",
  "rule or quota": "规则或比例限制",
  action: "处理措施",
  tier: "类别",
  grade: "等次",
  "rater group": "评价组",
  "choice value": "选项",
  "vote level": "投票档次",
  entry: "条目",
  "item/group": "指标或指标组",
  "item/group (the same id as a group that contains it)": "指标或指标组（与包含它的指标组同名）",
};

const DENOMINATOR_ZH: Readonly<Record<string, string>> = { valid: "有效票", "valid-and-abstain": "有效票与弃权票", returned: "收回票", issued: "发出票" };

/** What an input holds, for DATA_MISSING_FIELD, by params.type. */
function inputKindZh(p: Params): string {
  switch (p.type) {
    case "number":
      return "一个数";
    case "count":
      return "一个整数";
    case "ratio":
      return '一个比率，如 0.9685 或 "96.85%"';
    case "boolean":
      return "是或否（true/false）";
    case "choice":
      return `${l(p.allowed)} 之一`;
    case "grade":
      return `等次 ${l(p.allowed)} 之一`;
    case "scores":
      return "分数列表";
    case "votes":
      return `各档票数（${l(p.levels)}）`;
    case "series":
      return "各期分数的列表";
    case "text":
      return "文本";
    case "date":
      return "日期";
    case "rank":
      return '名次（如 "3/20"）';
    case "records":
      return "记录列表";
    default:
      return q(p.expected);
  }
}

/** DATA_BAD_SHAPE，按 expects。 */
export const SHAPE_ZH: Readonly<Record<string, Template>> = {
  "own-property": () => "应为对象自身的属性（继承来的属性不作为数据读取），实际为继承自原型的属性",
  subjects: (p) => `应为单位列表，实际为 ${got(p)}`,
  subject: (p) =>
    p.got === "hole" ? `应为含编号和各项数据的映射，实际为列表中的空位${typeof p.rows === "number" && p.rows > 1 ? `（连续 ${p.rows} 行）` : ""}` : `应为含编号和各项数据的映射，实际为 ${got(p)}`,
  once: (p) => `应只给出一次${p.of !== undefined ? `（单位的${role(p.of)}）` : ""}，实际${l(list(p.columns).map(q))}都给出了`,
  "subject-text": (p) => `单位的${role(p.of)}应为文本或数字，实际为 ${got(p)}`,
  "once-dotted": (p) => {
    const [base, ...columns] = list(p.columns);
    return `应只用一种写法：整列${q(base)}，或分列${q(`${s(base)}.<键>`)}，不能同时使用；实际同时给出了${l([base, ...columns].map(q))}`;
  },
  text: (p) => `应为文本（字符串或数字），实际为 ${got(p)}`,
  series: (p) => `应为 ${s(p.length)} 个数的列表，实际为${p.count !== undefined ? ` ${s(p.count)} 个值` : ` ${got(p)}`}`,
  rank: (p) => `应为名次"k/N"（1 ≤ k ≤ N），实际为 ${got(p)}`,
  scores: (p) => `应为用";"分隔的分数（如 80;85.5）或列表 [80, 85.5]，实际为 ${received(p)}`,
  "scores-no-empty": (p) => `应为用";"分隔的分数（如 80;85.5），不能有空项；第 ${s(p.position)} 项是空的，实际为 ${received(p)}`,
  votes: (p) => `应为各档票数 {${s(p.levels)}, abstain?, invalid?, issued?}，实际为 ${got(p)}`,
  "vote-key": (p) => `票数的键应为 ${l(p.allowed)} 之一，实际为${q(p.key)}`,
  "vote-levels": (p) => `每一档都应有票数（${l(p.levels)}），缺少${q(p.level)}`,
  records: (p) => `应为记录列表，每条记录含 ${l(p.fields)}，实际为 ${got(p)}`,
  record: (p) => `第 ${s(p.index)} 条记录应为映射（键值对），实际为${p.got === "hole" ? "列表中的空位" : ` ${got(p)}`}`,
  "record-field": (p) => `第 ${s(p.index)} 条记录中的字段${q(p.key)}未知，应为 ${l(p.allowed)} 之一`,
};

/** DATA_INVALID_VALUE，按 expects。 */
export const VALUE_ZH: Readonly<Record<string, Template>> = {
  boolean: (p) => `应为"是"或"否"（也可写 true/false、yes/no、1/0），实际为 ${received(p)}`,
  "one-of": (p) => `应为 ${l(p.allowed)} 之一，实际为 ${received(p)}`,
  "vote-count": (p) => `${q(p.key)}的票数应为非负整数，实际为 ${received(p)}`,
  limit: (p) => `应为不小于 1 的整数或 Infinity，实际为 ${received(p)}`,
};

/** DATA_OUT_OF_RANGE，按 expects。 */
export const OUT_OF_RANGE_ZH: Readonly<Record<string, Template>> = {
  range: (p) =>
    p.min !== undefined && p.max !== undefined
      ? `应在 ${s(p.min)} 到 ${s(p.max)} 之间，实际为 ${got(p)}`
      : p.min !== undefined
        ? `应不小于 ${s(p.min)}，实际为 ${got(p)}`
        : `应不大于 ${s(p.max)}，实际为 ${got(p)}`,
  "at-most-field": (p) => `应不大于${q(p.other)}（${s(p.max)}），实际为 ${got(p)}`,
  "at-least-returned": (p) => `发出的选票数应不少于收回的 ${s(p.min)} 张，实际为 ${got(p)}`,
};

const TOO_LARGE_ZH: Readonly<Record<string, string>> = {
  "limits.rows": "单位（行）数",
  "limits.cellLength": "一个单元格中的字符数",
  "limits.columns": "一个单位的字段（列）数",
};

const NOT_GRADABLE_ZH: Readonly<Record<string, Template>> = {
  "nothing-applies": (p) => {
    const skipped = list(p.skipped).map((k) => `指标${q(rec(k).item)}（缺少${q(rec(k).column)}）`);
    return `没有适用于该单位的指标${skipped.length ? `；因缺少数值而跳过：${skipped.join("、")}` : ""}`;
  },
  "item-failed": (p) => `指标${q(p.item)}无法计分`,
};

function scopeZh(scope: unknown): string {
  const text = s(scope);
  return text === "all" ? "全部单位" : text.startsWith("group ") ? `分组${q(text.slice(6))}` : text;
}

const hint = (p: Params) => (p.didYouMean ? `；是否应为${q(p.didYouMean)}？` : "");

function byZh(by: unknown): string {
  const b = rec(by);
  return b.entry !== undefined ? `指标${q(b.item)}的条目${q(b.entry)}` : `指标${q(b.item)}`;
}

const MESSAGES: Record<IssueCode, Template> = {
  YAML_SYNTAX: (p) =>
    `YAML 语法错误：${typeof p.yamlCode === "string" && Object.hasOwn(YAML_CODE_ZH, p.yamlCode) ? YAML_CODE_ZH[p.yamlCode] : `无法解析（解析器提示：${s(p.parserMessage ?? p.yamlCode)}）`}`,
  YAML_DUPLICATE_KEY: (p) => `同一映射中的键${q(p.key)}重复`,
  YAML_EMPTY: () => "方案文件是空的；应为包含 kaohe、id、name、grades 和 scoring 的映射",
  YAML_ALIAS: (p) =>
    p.reason === "cycle"
      ? `别名 *${s(p.alias)} 位于它自己的锚点 &${s(p.alias)} 之内；一个值不能包含它自身`
      : `别名 *${s(p.alias)} 没有对应的锚点（锚点 &${s(p.alias)} 必须写在别名之前）`,
  YAML_ALIAS_LIMIT: (p) => `锚点 &${s(p.alias)} 被展开超过 ${s(p.limit)} 次（含其内部的别名）；如确需如此，请调高加载选项 maxAliasCount`,
  YAML_MERGE: (p) => {
    const g = rec(p.got);
    const what = g.kind === "list" ? "一个列表" : g.kind === "value" ? `值 ${showValue(g.value)}` : g.kind === "nothing" ? "空" : g.kind === "not-mapping" ? "不是映射的值" : got(p);
    return `合并（<<）只能合并映射、映射的别名或由它们组成的列表；实际为${g.inList ? `列表中的${what}` : what}`;
  },
  YAML_TOO_LARGE: (p) => `文本有 ${s(p.length)} 个字符，超过上限 ${s(p.limit)}；如确需如此，请调高加载选项 maxLength`,
  YAML_TOO_DEEP: (p) => `YAML 嵌套超过 ${s(p.limit)} 层；如确需如此，请调高加载选项 maxDepth`,
  YAML_UNKNOWN_TAG: (p) => `未知的标签 ${s(p.tag)}；方案只使用普通的 YAML 值（允许的标签只有 !!str、!!int、!!float、!!bool、!!null、!!map 和 !!seq）`,
  YAML_CONTROL_CHARACTER: (p) => `方案中不能有控制字符 ${s(p.char)}${typeof p.count === "number" && p.count > 1 ? `（全文共 ${p.count} 处）` : ""}`,
  YAML_NOT_UTF8: (p) =>
    `文件不是有效的 UTF-8 编码：字节偏移 ${s(p.offset)} 处的字节为 0x${s(p.byte)}${p.hint ? "（文件以 UTF-16 字节顺序标记开头）" : ""}；请把方案另存为 UTF-8 编码`,
  SCHEMA_MISSING_KEY: (p) => `缺少必填的键${q(p.key)}${p.expected ? `：应为${expectsZh(p)}` : ""}`,
  SCHEMA_UNKNOWN_KEY: (p) =>
    `未知的键${q(p.key)}${p.reason === "flow-comma" ? '（它没有值：在 { } 内，逗号","会结束前一个值；含逗号的文本请加引号）' : p.hint ? `（${s(p.hint)}）` : ""}`,
  SCHEMA_INVALID_TYPE: (p) => `应为${expectsZh(p)}，实际为${gotZh(p)}`,
  SCHEMA_INVALID_VALUE: (p) => pick(SCHEMA_VALUE_ZH, p.reason, p, () => `${p.text !== undefined ? `${s(p.text)}；` : ""}实际为${gotZh(p)}`),
  SCHEMA_OUT_OF_RANGE: outOfRangeZh,
  SCHEMA_INVALID_KIND: (p) => `未知的类型 kind ${q(p.received)}；应为${expectsZh(p)}`,
  SCHEMA_CONSTRAINT: (p) => pick(CONSTRAINT_ZH, p.reason, p, () => `不符合方案语言的规定${p.text !== undefined ? `：${s(p.text)}` : ""}`),
  SCHEMA_RESERVED_NAME: (p) =>
    `${q(p.name)}是保留名（__proto__、constructor 和 prototype 是 JavaScript 对象的内部名称）：方案中的键、编号和名称都不能使用，请改名`,
  LIMIT_EXCEEDED: (p) =>
    `${typeof p.limit === "string" && Object.hasOwn(LIMIT_WHAT_ZH, p.limit) ? LIMIT_WHAT_ZH[p.limit] : s(p.what)}超过 ${s(p.value)}（上限 ${s(p.limit)}）；如果方案确实这么大，可用选项 limits: { ${s(p.limit)}: … } 调高`,
  LIMIT_INVALID: (p) =>
    p.reason === "unknown"
      ? `没有名为 limits.${s(p.limit)} 的选项（可用的有 ${l(p.known)}）`
      : `选项 limits.${s(p.limit)} 应为不小于 1 的整数或 Infinity，实际为 ${got(p)}`,
  REF_DUPLICATE_ID: (p) =>
    `${typeof p.what === "string" && Object.hasOwn(DUPLICATE_WHAT_ZH, p.what) ? DUPLICATE_WHAT_ZH[p.what] : s(p.what)}编号${q(p.id)}重复（第一次出现在 ${s(p.first)}）`,
  REF_UNKNOWN_NODE: (p) => `未知的指标或指标组${q(p.id)}${hint(p)}`,
  REF_UNKNOWN_INPUT: (p) => `未知的数据项${q(p.id)}${hint(p)}`,
  REF_UNKNOWN_GRADE: (p) => `等次${q(p.id)}不在等次序列 [${l(p.scale)}] 中${hint(p)}`,
  REF_UNKNOWN_LEVEL: (p) => `未知的档次${q(p.id)}；可选的档次为 [${l(p.levels)}]`,
  REF_UNKNOWN_RUBRIC: (p) => `引用了考核方案${q(p.id)}，但它没有在同一组中加载${p.loaded ? `（已加载：${l(p.loaded)}）` : ""}`,
  REF_BAD_FACT: (p) => `事实引用${q(p.fact)}有误${pick(BAD_FACT_ZH, p.reason, p, () => "")}`,
  COND_TYPE_MISMATCH: (p) =>
    `运算符${q(p.op)}不适用于${q(p.fact)}（${typeof p.type === "string" && Object.hasOwn(FACT_TYPE_ZH, p.type) ? FACT_TYPE_ZH[p.type] : s(p.type)}型）；${pick(TYPE_MISMATCH_ZH, p.reason, p, () => s(p.reason))}`,
  COND_STAGE_ORDER: (p) =>
    `${consumerZh(rec(p.who))}${typeof p.stage === "string" && Object.hasOwn(STAGE_RUNS_ZH, p.stage) ? STAGE_RUNS_ZH[p.stage] : s(p.runs)}；此时${q(p.fact)}还没有得出（${notYetZh(rec(p.why))}）。计算顺序：计分 → 按分数段定等次 → 不参加定级 → 一票否决 → 排名 → 降档 → 等次上限 → 比例限制 → 处理措施和类别`,
  INPUT_TYPE_CONFLICT: (p) =>
    `数据项${q(p.id)}既被用作 ${s(p.firstType)} 类型${p.firstBy !== undefined ? `（${byZh(p.firstBy)}）` : "（已声明）"}，又被用作 ${s(p.secondTypes, " 或 ")} 类型（${byZh(p.secondBy)}）`,
  WEIGHT_SUM: (p) => `权重之和应为 100%，实际为 ${s(p.sum)}%`,
  WEIGHT_MIXED: () => '权重应全部写成百分比（"60%"）或全部写成比例数（3, 6, 3），不能混用',
  WEIGHT_MISSING: (p) => `加权指标组的下级${q(p.id)}没有权重`,
  WEIGHT_UNEXPECTED: (p) => `下级${q(p.id)}有权重，但它所在的指标组按 ${s(p.combine)} 方式合并，不是加权（weighted）`,
  BAND_ORDER: (p) =>
    `${p.band !== undefined ? `第 ${s(p.band)} 档` : `等次${q(p.id)}`}的分数线 ${s(p.threshold)} 不低于上一${p.band !== undefined ? "档" : "等次"}的 ${s(p.previous)}；应从高到低排列`,
  BAND_OVERLAP: (p) => `等次${q(p.id)}的分数段与等次${q(p.other)}的分数段重叠`,
  MAX_MISMATCH: (p) =>
    `声明的满分为 ${s(p.declared)}，但${typeof p.from === "string" && Object.hasOwn(MAX_FROM_ZH, p.from) ? MAX_FROM_ZH[p.from] : s(p.from)}合计为 ${s(p.computed)}`,
  RANGE_INVALID: (p) => pick(RANGE_ZH, p.reason, p, () => `数值之间相互矛盾${p.text !== undefined ? `：${s(p.text)}` : ""}`),
  QUOTA_SHARE_RANGE: (p) => `比例应在 0% 到 100% 之间，实际为 ${got(p)}`,
  TRIM_MIN_SCORES: (p) =>
    `去掉最高分和最低分各 ${s(p.drop)} 个，至少需要 ${s(p.needed)} 个分数；${s(p.stated)} 只要求 ${s(p.fewest)} 个`,
  ADJUST_PLACEMENT: (p) =>
    `直接加减分指标${q(p.id)}是加到所在组的合计上的：请把它放在按合计（sum）合并的指标组下，或放在 outside 列表中，不能放在 combine: ${s(p.combine)} 的指标组下`,
  QUOTA_LOWEST_GRADE: (p) => `比例限制${q(p.quota)}设在最低等次${q(p.grade)}上：没有更低的等次可降，这个限制永远不会起作用；请设在更高的等次上`,
  GRADE_NAME_AMBIGUOUS: (p) => {
    const names = list(p.matches).map((m) => `等次${q(rec(m).grade)}的${rec(m).by === "id" ? "编号" : "名称"}`);
    return `等次名称${q(p.name)}有歧义：它既是${names.join("，又是")}${p.rubric !== undefined ? `（考核方案${q(p.rubric)}）` : ""}；请改用等次编号`;
  },
  SPAN_WITHOUT_AS_OF: (p) => `${q(p.fact)}要计算到方案的基准日期（asOf），但方案没有声明；请在顶层加上 asOf: "YYYY-MM-DD"`,
  COND_INTEGER_RANGE_ON_DECIMAL: (p) =>
    `${q(p.fact)}可能有小数，条件 ${s(p.condition)} ${p.op === "gt" ? `会让 ${s(p.half)} 满足条件，尽管它小于 ${s(p.next)}` : `会让 ${s(p.at)} 与 ${s(p.next)} 之间的 ${s(p.half)} 落在范围之外`}；请写成 ${s(p.suggestion)}，或把边界写成带小数的形式（${s(p.keep)}）以保持原意`,
  ROOT_MAX_UNDECLARED: (p) =>
    `按 ${s(p.combine)} 合并的根节点没有声明满分 max：满分不会被核对，计算得出为 ${s(p.computed)}；如果这就是方案的满分，请声明 max: ${s(p.computed)}`,
  LINKAGE_CYCLE: (p) => `考核方案之间循环关联：${s(p.cycle, " → ")}`,
  RUBRIC_DUPLICATE_ID: (p) => `同一组中有两个考核方案的编号都是${q(p.id)}`,
  DATA_DUPLICATE_ID: (p) => `单位编号${q(p.id)}重复（第 ${s(p.firstRow)} 行已出现）`,
  DATA_MISSING_ID: () => "单位没有编号",
  DATA_MISSING_FIELD: (p) =>
    p.expects === "issued"
      ? "缺少发出的选票数（计票基数为发出票 issued）"
      : `缺少数值，应为${inputKindZh(p)}${p.reason === "optional-read" ? `（该数据项可以不填，但指标${q(p.item)}要读取它：请在方案中声明 missing: zero 或 skip，说明缺少时如何计分）` : ""}`,
  DATA_UNKNOWN_FIELD: (p) =>
    `未知的列${typeof p.rows === "number" && p.rows > 1 ? `（共 ${p.rows} 行）` : ""}：方案中没有这个数据项${p.series !== undefined ? `（序列${q(p.series)}共 ${s(p.periods)} 期：${s(p.series)}.1 … ${s(p.series)}.${s(p.periods)}）` : ""}`,
  DATA_NOT_NUMBER: (p) => `应为数字，实际为 ${received(p)}`,
  DATA_NOT_INTEGER: (p) => `应为整数，实际为 ${received(p)}`,
  DATA_TOO_PRECISE: (p) => `最多允许 ${s(p.places)} 位小数，实际为 ${got(p)}`,
  DATA_OUT_OF_RANGE: (p) => pick(OUT_OF_RANGE_ZH, p.expects, p, () => `应为 ${q(p.expected)}，实际为 ${got(p)}`),
  DATA_INVALID_VALUE: (p) => pick(VALUE_ZH, p.expects, p, () => `应为 ${q(p.expected)}，实际为 ${received(p)}`),
  DATA_INVALID_DATE: (p) =>
    `应为日期，如 2024-03-01、2024/3/1 或 2024年3月1日，实际为 ${received(p)}${p.reason !== undefined ? `（${pick(DATE_PROBLEM_ZH, p.reason, p, () => s(p.reason))}）` : ""}`,
  DATA_BAD_SHAPE: (p) => pick(SHAPE_ZH, p.expects, p, () => `应为 ${q(p.expected)}，实际为 ${got(p)}`),
  DATA_DUPLICATE_COLUMN: (p) => `列名${q(p.column)}在表头中出现了两次（第 ${s(p.first)} 列和第 ${s(p.second)} 列）；每列只能出现一次`,
  DATA_TOO_LARGE: (p) =>
    `${typeof p.option === "string" && Object.hasOwn(TOO_LARGE_ZH, p.option) ? TOO_LARGE_ZH[p.option] : s(p.what)}为 ${s(p.count)}，超过上限 ${s(p.limit)}（可用选项 ${s(p.option)} 调高）`,
  DATA_CELL_ERROR: (p) => `单元格是电子表格错误值 ${s(p.error)}；请更正该单元格或其公式`,
  DATA_FORMULA_NO_RESULT: () => "单元格是没有保存计算结果的公式（文件由程序生成，未经 Excel 保存）；请用 Excel 或 LibreOffice 打开后保存，或粘贴为数值",
  EVAL_LINKED_OUT_OF_RANGE: (p) => `关联考核${q(p.rubric)}的得分 ${s(p.value)} 超过本项满分 ${s(p.max)}`,
  EVAL_NO_VALID_SCORES: (p) => `评分项${q(p.item)}没有有效分数（${p.reason === "void-ballots" ? `作废的评分：${l(p.raters)}` : "没有分数"}）`,
  EVAL_ZERO_DENOMINATOR: (p) =>
    `指标${q(p.item)}：${typeof p.denominator === "string" && Object.hasOwn(DENOMINATOR_ZH, p.denominator) ? DENOMINATOR_ZH[p.denominator] : q(p.denominator)}的数量为零，无法计算`,
  EVAL_QUOTA_HELD_BY_RULES: (p) =>
    `比例限制${q(p.quota)}（${scopeZh(p.scope)}）：已有 ${s(p.holders)} 个单位按规则确定为该等次，超过上限 ${s(p.limit)} 个`,
  API_BAD_ARGUMENT: (p) => `${s(p.fn)}：参数 ${s(p.argument)} 应为 ${s(p.expected)}，实际为 ${s(p.received)}`,
  API_CALLBACK_FAILED: (p) => `${s(p.fn)}：回调函数 ${s(p.callback)} 抛出了异常：${s(p.error)}`,
  API_INTERNAL_ERROR: (p) =>
    `${s(p.fn)} 因意外错误而中止：${s(p.error)}；除非输入中有会抛出异常的 getter 或代理（Proxy），这是 kaohe 的缺陷，请连同输入一并报告`,
  EVAL_NO_GRADE: (p) => `得分 ${s(p.score)} 不在任何等次的分数段内，而方案规定分数段之间的空隙按错误处理（bandGaps: error）`,
  EVAL_NOT_GRADABLE: (p) => `无法评定等次：${pick(NOT_GRADABLE_ZH, p.reason, p, () => s(p.reason))}`,
};

/** The Chinese table, one template per code. */
export const MESSAGES_ZH: Readonly<Record<IssueCode, Template>> = MESSAGES;
