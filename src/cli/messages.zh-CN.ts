/**
 * 命令行自身的提示（用法错误、文件问题、提示和汇总行）的中文表，与 messages.ts 的键一一对应。
 * The CLI's own messages in Chinese, key for key as messages.ts.
 */
import { list, q, s, type Params, type Template } from "../diagnostics/template.js";
import type { CliKey } from "./messages.js";

/** 覆盖项类别的中文名。 */
const COVERAGE_KIND_ZH: Readonly<Record<string, string>> = {
  band: "等次区间",
  threshold: "分数线",
  rule: "规则",
  condition: "条件分支",
  quota: "名额",
  tie: "并列处理",
  item: "指标得分点",
  only: "适用条件",
};

const OUTCOME_ZH: Readonly<Record<string, string>> = { floor: "保底分", max: "满分", cap: "封顶分" };

/** 未覆盖的覆盖项（p：kind、id、outcome、value、step、side）。 */
function coverageTextZh(p: Params): string {
  const id = s(p.id);
  const value = s(p.value);
  switch (`${s(p.kind)} ${s(p.outcome)}`) {
    case "band reached":
      return `等次 ${id}：没有用例的总分落在该区间`;
    case "threshold on":
      return `${id} ${value}：没有用例的总分恰好等于该分数线`;
    case "threshold past":
      return `${id} ${value}：没有用例的总分刚好越过该分数线（${p.side === "below" ? "低于" : "高于"}它不超过 ${s(p.step)}）`;
    case "rule fired":
      return `规则 ${id}：从未触发`;
    case "rule not-fired":
      return `规则 ${id}：每次判断都触发，没有未触发的用例`;
    case "condition true":
      return `条件 ${id}：从未成立`;
    case "condition false":
      return `条件 ${id}：从未不成立`;
    case "quota binding":
      return `名额 ${id}：从未起作用（没有单位因此降档）`;
    case "quota not-binding":
      return `名额 ${id}：每次都起作用`;
    case "tie demote":
    case "tie admit":
      return `名额 ${id}：没有用例在名额线上出现并列（ties: ${s(p.outcome)} 从未用到）`;
    case "tie decided":
      return `同分排序 ${id}：从未决定过并列的先后`;
    case "only applied":
      return `${id}（only 适用条件）：从未适用`;
    case "only not-applied":
      return `${id}（only 适用条件）：从未不适用`;
    default:
      return p.outcome === "zero" ? `指标 ${id}：从未得 0 分` : `指标 ${id}：从未得到${OUTCOME_ZH[s(p.outcome)] ?? s(p.outcome)}（${value}）`;
  }
}

const ACTIONS_ZH: Readonly<Record<string, string>> = { read: "无法读取", open: "无法打开", list: "无法列出文件夹", write: "无法写入" };

/** 文件系统错误代码的中文说明。 */
export const CAUSES_ZH: Readonly<Record<string, string>> = {
  ENOENT: "文件或文件夹不存在",
  ENOTDIR: "路径中有一部分是文件而不是文件夹",
  EISDIR: "这是文件夹，不是文件",
  EACCES: "没有权限",
  EPERM: "不允许此操作",
  EROFS: "文件系统是只读的",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "超出磁盘配额",
  EFBIG: "文件太大",
  ENAMETOOLONG: "名称太长",
  EMFILE: "打开的文件太多",
  ELOOP: "符号链接层数太多",
  EBUSY: "文件正被占用",
  EBADF: "文件已关闭",
  EAGAIN: "暂时无法读取（请重试，或改用文件重定向）",
};
const of = (table: Readonly<Record<string, string>>, v: unknown) => (typeof v === "string" && Object.hasOwn(table, v) ? table[v]! : s(v));
const column = (p: Params) => (p.column !== undefined ? `（列${q(p.column)}）` : "");
const stdin = (file: unknown) => (file === "-" ? "标准输入" : s(file));

export const CLI_ZH: Readonly<Record<CliKey, Template>> = {
  "unknown-command": (p) => `kaohe：未知的命令${q(p.command)}；请运行 kaohe --help 查看可用命令`,
  "unknown-option": (p) => `未知的选项 ${s(p.option)}；请运行 kaohe ${s(p.command)} --help 查看可用选项`,
  "option-value": (p) => `选项 ${s(p.option)} 需要一个值`,
  "option-no-value": (p) => `选项 ${s(p.option)} 不带值`,
  "unexpected-argument": (p) => `多余的参数${q(p.argument)}；请运行 kaohe ${s(p.command)} --help 查看用法`,
  "bad-lang": (p) => `--lang 应为 zh 或 en，实际为${q(p.received)}`,
  "schema-args": (p) => `schema 命令不带参数，实际给出了 ${s(p.args, " ")}；请运行 --help 查看用法`,
  "more-problems": (p) => `……另有 ${s(p.count)} 个问题`,
  internal: (p) => `内部错误：${s(p.message)}（请报告此问题）`,
  "need-rubric": () => "请给出考核方案文件或方案文件夹；用法见 --help",
  "problems-in-data": (p) => `${s(p.file)} 中有 ${s(p.count)} 个问题`,
  "note-gbk": (p) => `提示：${stdin(p.file)} 不是 UTF-8 编码，已按 GBK 编码读取`,
  "no-such-path": (p) => `无法打开 ${s(p.path)}：文件或文件夹不存在`,
  "one-data-file": (p) => `只能给出一个数据文件，实际给出了 ${s(p.files, "、")}`,
  "no-example": () => "请给出数据文件（CSV、.xlsx 或 JSON）；该文件夹中没有 example.csv",
  "bad-common": (p) => `--common 应为 0% 到 100% 之间的比例（如 30% 或 0.3），实际为 ${s(p.received)}`,
  "bad-format": (p) => `--format 应为 table、json、csv 或 xlsx，实际为 ${s(p.received)}`,
  "bad-format-text": (p) => `--format 应为 text 或 json，实际为 ${s(p.received)}`,
  "bad-format-draw": (p) => `--format 应为 table、json 或 csv，实际为 ${s(p.received)}`,
  "bad-format-hash-only": (p) => `使用 --hash-only 时 --format 应为 table 或 json，实际为 ${s(p.received)}`,
  "xlsx-needs-out": () => "--format xlsx 输出 Excel 工作簿：请用 --out 文件.xlsx 指定文件",
  "bom-csv-only": () => "--bom 只适用于 --format csv",
  "items-csv-only": (p) => `--items 只适用于 --format csv${p.xlsx ? "（工作簿中总有逐项得分）" : ""}`,
  "option-shapes": (p) => `${s(p.options, "、")} 只用于 JSON 输出，不适用于 --format ${s(p.format)}`,
  "option-elsewhere": (p) => `${s(p.option)} 不适用于 ${s(p.command)} 命令（它是 ${s(p.commands, "、")} 命令的选项）；请运行 kaohe ${s(p.command)} --help 查看可用选项`,
  "hash-only-extra": (p) => {
    const extra = [...(list(p.files).length > 0 ? [`数据文件 ${s(p.files, " ")}`] : []), ...list(p.options)];
    return `--hash-only 只输出种子的 SHA-256，不抽取：${extra.join("、")} 不适用`;
  },
  "hash-only-seed": () => "请用 --seed 文本 给出种子：--hash-only 输出它的 SHA-256",
  "note-header-row": (p) => `提示：${stdin(p.file)}：工作表"${s(p.sheet)}"，表头在第 ${s(p.row)} 行（按列名找到；可用 --header-row N 指定）`,
  "xlsx-option-not-workbook": (p) => `${s(p.option)} 只适用于 .xlsx 数据；${stdin(p.name)} 不是 Excel 工作簿`,
  "report-finals": (p) => `该方案组有 ${s(p.count)} 个最终考核方案（${s(p.rubrics, "、")}）；请用 --rubric 编号 选择一个`,
  "report-no-rubric": (p) => `方案组中没有考核方案${q(p.id)}；现有 ${s(p.rubrics, "、")}`,
  "bad-problems": (p) => `--problems 应为整数，实际为${q(p.received)}`,
  "out-needs-name": () => "--out 需要给出文件名",
  "validate-ok": (p) =>
    `检查通过：${(p.rubrics as { id: string; file: string; items: number }[]).map((r) => `${r.id}（${r.file}，${r.items} 个指标）`).join("，")}${p.cases ? `；测试用例 ${s(p.cases)} 个` : ""}${p.warnings ? `；警告 ${s(p.warnings)} 个` : ""}`,
  "test-passed": (p) => `  ✓ ${s(p.name)}`,
  "test-failed": (p) => `  ✗ ${s(p.name)}（${s(p.where)}考核方案 ${s(p.rubric)}）`,
  "test-difference": (p) => `      ${s(p.path)}：应为 ${s(p.expected)}，实际为 ${s(p.actual)}`,
  "test-count": (p) => `通过 ${s(p.passed)} 个，未通过 ${s(p.failed)} 个`,
  "test-none": () => "kaohe test：没有找到测试用例（请在方案中写 tests:，或在方案旁放一个 tests.yaml）",
  "test-some-failed": (p) => `kaohe test：${s(p.total)} 个用例中有 ${s(p.failed)} 个未通过`,
  "bad-coverage-min": (p) => `--coverage-min 应为 0 到 100 之间的百分数（如 90 或 92.5），实际为${q(p.received)}`,
  "coverage-title": (p) => `手算用例的覆盖率${list(p.skipped).length ? `（未计入记录的用例：${s(p.skipped, "、")}）` : ""}：`,
  "coverage-rubric": (p) => `  ${s(p.rubric)}${p.file ? `（${s(p.file)}）` : ""}：${s(p.percent)}%（${s(p.total)} 项中覆盖 ${s(p.covered)} 项），用例 ${s(p.cases)} 个`,
  "coverage-kinds": (p) => `    分项：${((p.kinds ?? []) as { kind: string; covered: number; total: number }[]).map((k) => `${COVERAGE_KIND_ZH[k.kind] ?? k.kind} ${k.covered}/${k.total}`).join("，")}`,
  "coverage-uncovered": (p) => `    ${s(p.where)}  ${coverageTextZh(p)}`,
  "coverage-overall": (p) => `覆盖率 ${s(p.percent)}%（${s(p.total)} 项中覆盖 ${s(p.covered)} 项）`,
  "coverage-below": (p) => `kaohe test：覆盖率 ${s(p.percent)}% 低于 --coverage-min ${s(p.min)}%`,
  "need-unit": () => "请用 --unit 给出单位编号",
  "no-subject": (p) => `数据中没有编号为${q(p.id)}的单位`,
  "no-rubric-id": (p) => `这组方案中没有编号为${q(p.id)}的考核方案`,
  "draw-one-file": () => "请给出一个数据文件（CSV、.xlsx 或 JSON，或用 - 表示标准输入）",
  "draw-count": (p) => `请用 --count N 给出抽取数量（不小于 1 的整数）${p.received !== undefined ? `，实际为${q(p.received)}` : ""}`,
  "draw-seed": () => "请用 --seed 给出随机种子；kaohe 不会在没有种子的情况下抽取",
  "draw-row-missing": (p) => `${s(p.at)}：该行没有${q(p.column)}`,
  "draw-too-many": (p) => `无法从 ${s(p.size)} 个候选对象中抽取 ${s(p.count)} 个`,
  "draw-key-twice": (p) => `候选对象的编号${q(p.key)}出现了两次`,
  "draw-seed-hash": (p) => `随机种子的 SHA-256 值：${s(p.hash)}`,
  "draw-strata": (p) => `分层（按 ${s(p.by)}）：${(p.strata as { name: string; drawn: number; size: number }[]).map((x) => `${x.name} ${x.drawn}/${x.size}`).join("，")}`,
  "diff-two-rubrics": (p) => `请先给出原版本和新版本的考核方案（各为一个 .yaml 文件或方案文件夹），再给出数据（可省略）；现有 ${list(p.rubrics).length} 个方案路径${list(p.rubrics).length ? `：${s(p.rubrics)}` : ""}`,
  "diff-order": (p) => `原版本和新版本的考核方案在前，数据在后；${q(p.argument)} 不是考核方案（.yaml 文件或文件夹）`,
  "diff-unmatched": (p) =>
    `无法配对考核方案：${list(p.before).length ? `仅原版本有 ${s(p.before)}` : "原版本没有多出的方案"}，${list(p.after).length ? `仅新版本有 ${s(p.after)}` : "新版本没有多出的方案"}；方案按编号配对，其余的在两边个数相同时按给出的顺序配对`,
  "diff-bad-format": (p) => `--format 应为 table 或 json，实际为 ${s(p.received)}`,
  "note-diff-no-data": () => "提示：没有数据文件，文件夹中也没有 example.csv：只比较结构变化",
  "note-set-aside": (p) => `提示：${s(p.rubric)}：搁置数据列 ${list(p.columns).map((c) => q(c)).join("、")}（${p.why === "ignore" ? "--ignore 指定" : `由 ${s(p.by)} 声明`}）`,
  "note-folder-unloadable": (p) => `提示：${s(p.file)} 无法载入，未搁置它声明的数据列`,
  "ignore-read": (p) => `--ignore：${q(p.column)} 是 ${s(p.rubric)} 读取的列；只能搁置没有方案读取的列`,
  "ignore-empty": () => "--ignore 需要列名，以逗号分隔（如 --ignore l5b,经营指标得分）",
  "report-compare-no-rubric": (p) => `--compare：${s(p.path)} 中没有与 ${q(p.id)} 配对的方案（按编号，或只有一个方案时取该方案）；其中有 ${s(p.rubrics)}`,
  "not-regular-file": (p) => `无法读取 ${s(p.file)}：不是普通文件（考核方案应为 .yaml 文件）`,
  "no-rubric-found": (p) => `在 ${s(p.paths)} 中没有找到考核方案（考核方案是含有 "kaohe: 1" 的 .yaml 文件）`,
  "problems-in-rubric": (p) => `考核方案中有 ${s(p.count)} 个问题`,
  "problems-in-tests": (p) => `测试文件中有 ${s(p.count)} 个问题`,
  "xlsx-old": (p) => `${stdin(p.name)}：这是 Excel 97-2003 工作簿（.xls）或加了密码的工作簿；请在 Excel 中另存为"Excel 工作簿(*.xlsx)"，不设密码`,
  "xlsx-not-zip": (p) => `${stdin(p.name)}：不是 .xlsx 工作簿（.xlsx 文件是 zip 压缩包，这个文件不是）`,
  "xlsx-unreadable": (p) => `${stdin(p.name)}：无法读取工作簿：${s(p.error)}`,
  "xlsx-no-such-sheet": (p) => `${s(p.file)}：没有工作表${q(p.sheet)}；现有工作表：${list(p.sheets).map((x) => q(x)).join("、") || "无"}`,
  "xlsx-no-sheet": (p) => `${s(p.file)}：工作簿中没有工作表`,
  "xlsx-sheet-empty": (p) => `${s(p.at)}：工作表是空的`,
  "xlsx-header-cell": (p) => `${s(p.at)}：表头单元格是${p.error !== undefined ? `错误值 ${s(p.error)}` : "没有保存计算结果的公式"}`,
  "xlsx-header-row-empty": (p) => `${s(p.at)}：--header-row ${s(p.row)} 指定的是空行`,
  "xlsx-no-header": (p) =>
    `${s(p.at)}：第 1 至 ${s(p.rows)} 行中找不到表头：没有一行含编号列（${list(p.ids).map((c) => q(c)).join(" 或 ")}）${
      list(p.examples).length ? `和输入列（如 ${s(p.examples, "、")}）` : ""
    }；请用 --header-row N 指定表头所在行`,
  "xlsx-header-merged": (p) => `${s(p.at)}：表头单元格与 ${s(p.range)} 合并；每列应有自己的表头`,
  "xlsx-column-twice": (p) => `${s(p.at)}：列${q(p.column)}出现了两次（另见 ${s(p.also)}）`,
  "xlsx-value-no-header": (p) => `${s(p.at)}：表头为空的列（${s(p.header)}）下有数值；请填写列名或清除该数值`,
  "xlsx-no-rows": (p) => `${s(p.at)}：没有考核对象（第 ${s(p.row)} 行是表头，其下没有数据行）`,
  "bad-header-row": (p) => `--header-row 应为行号（1 或以上），实际为${q(p.received)}`,
  "data-empty": (p) => `${stdin(p.name)}：没有数据（文件是空的）`,
  "data-blank": (p) => `${stdin(p.name)}：没有数据（只有空白）`,
  "data-bad-json": (p) => `${stdin(p.name)}：JSON 格式不正确（${s(p.error)}）`,
  "data-not-list": (p) => `${stdin(p.name)}：应为单位对象组成的 JSON 列表（或 { "subjects": [...] }）`,
  "data-no-subjects": (p) => `${stdin(p.name)}：没有单位（${p.json ? "列表是空的" : "只有表头，没有数据行"}）`,
  "csv-utf16": (p) => `${s(p.file)}：文件是 UTF-16 编码（Excel 的"Unicode 文本"）；请另存为"CSV UTF-8（逗号分隔）"`,
  "csv-bom-not-utf8": (p) => `${s(p.file)}：文件以 UTF-8 字节顺序标记开头，但不是有效的 UTF-8（字节偏移 ${s(p.offset)} 处的字节为 ${s(p.byte)}）`,
  "csv-not-gbk": (p) =>
    `${s(p.file)}：文件既不是 UTF-8 编码（字节偏移 ${s(p.offset)} 处的字节为 ${s(p.byte)}），也不是 GBK 编码（字节偏移 ${s(p.gbkOffset)} 处的字节为 ${s(p.gbkByte)}）；请另存为"CSV UTF-8"`,
  "csv-nul": (p) => `${s(p.file)}：字节偏移 ${s(p.offset)} 处有空字节 NUL（可能是没有字节顺序标记的 UTF-16 文件）；请另存为"CSV UTF-8"`,
  "csv-delimiter": (p) =>
    `${s(p.file)}:1：各列是用${p.delimiter === "tab" ? "制表符" : '分号";"'}分隔的；kaohe 读取逗号分隔的 CSV（在 Excel 中另存为"CSV UTF-8（逗号分隔）"）`,
  "csv-cells": (p) =>
    `${s(p.where)}：这一行有 ${s(p.cells ?? "?")} 个单元格，表头有 ${s(p.header ?? "?")} 个`,
  "csv-unclosed": (p) => `${s(p.where)}：有一个带引号的单元格没有结束（有开头的"，没有结尾的"）`,
  "csv-opening-quote": (p) => `${s(p.where)}：未加引号的单元格中出现了引号（"）${column(p)}；请给整个单元格加引号，并把其中的引号写两遍（"4""0"）`,
  "csv-closing-quote": (p) => `${s(p.where)}：结尾引号后面还有文字${column(p)}；请给整个单元格加引号，并把其中的引号写两遍（"a""b"）`,
  "csv-other": (p) => `${s(p.where)}：CSV 格式错误（${s(p.error)}）`,
  "csv-header-problems": (p) => `${s(p.file)}：表头中有 ${s(p.count)} 个问题`,
  "fs-error": (p) => `${of(ACTIONS_ZH, p.action)} ${s(p.path)}：${of(CAUSES_ZH, p.code)}`,
  "write-folder": (p) => `无法写入 ${s(p.path)}：这是一个文件夹`,
  "write-parent-file": (p) => `无法写入 ${s(p.path)}：${s(p.parent)} 是文件，不是文件夹`,
  "write-no-folder": (p) => `无法写入 ${s(p.path)}：文件夹 ${s(p.dir)} 不存在`,
  "write-part-file": (p) => `无法写入 ${s(p.path)}：${s(p.dir)} 中有一部分是文件，不是文件夹`,
  "write-denied": (p) => `无法写入 ${s(p.path)}：没有在文件夹 ${s(p.dir)} 中写入的权限`,
};
