/**
 * 各命令的中文帮助（kaohe <命令> --help）；英文帮助在 main.ts 的 HELP 中。
 * The Chinese help of each command; a command without one here shows the English help.
 */
export const HELP_ZH: Readonly<Record<string, string>> = {
  main: `kaohe：用声明式考核方案（YAML）计算党建考核的得分、等次、排名和反馈

用法：kaohe <命令> [选项]

命令：
  score     计分，输出各单位的得分、等次、排名和调整原因
  validate  检查考核方案，逐条列出问题（文件:行:列 说明）
  test      运行考核方案自带的测试用例
  explain   输出一个单位的完整计分过程和反馈
  report    可打印的考核结果通报（每个单位一页反馈单），输出为一个 HTML 文件
  diff      版本对比：新版本方案改了什么，各单位的得分、等次、排名因此如何变化
  draw      可复现的随机抽取（述职名单、"三随机"）
  schema    输出考核方案语言的 JSON Schema

通用选项：
  --lang zh|en              输出语言（默认按系统语言环境 LC_ALL、LC_MESSAGES、LANG 选择）
  -q, --quiet               只输出错误：不输出提示和警告
  -h, --help                显示帮助

运行 "kaohe <命令> --help" 查看该命令的选项。`,
  score: `用法：kaohe score <方案文件或方案文件夹>... [data.csv|data.xlsx|data.json|-] [选项]

用考核方案为每个单位计分（相互关联的方案按依赖顺序计算）。不给数据文件时，
计算方案文件夹中的 example.csv。

选项：
  --format table|json|ndjson|csv|xlsx
                            输出格式（默认 table，表格）；ndjson 每行一个 JSON 对象：先是每个单位，
                            最后是该细则的汇总（见 README "NDJSON"）；xlsx 为 Excel 工作簿，含汇总、
                            逐项得分、逐项失分、分布、共性问题、问题清单和说明各表，须同时给出 --out
  --out 文件                把结果写入文件而不是输出到屏幕（先写临时文件，再替换目标文件）
  --bom                     CSV 输出到屏幕时以 UTF-8 字节顺序标记开头（Excel 需要；--out 写出的 CSV 总带）
  --items                   CSV：每个指标增加一列，列出其得分
  --sheet 名称              .xlsx 数据：读取名为该名称的工作表（默认第一个）
  --header-row N            .xlsx 数据：表头在第 N 行（默认按列名查找）
  --detail                  JSON 格式：每个单位带 nodes，即每个指标的得分及其计算明细（不加时不带
                            nodes）；未给 --feedback 时同时输出每个单位的反馈（--feedback full）
  --feedback none|summary|full
                            JSON 反馈：none 不输出（默认）；summary 输出共性问题；full 另输出每个
                            单位的个性问题、亮点和距下一等次所需分数
  --problems N              JSON 反馈：每个单位列出的个性问题数（默认取方案中的 feedback.problems）；意味着 --feedback full
  --common 比例             JSON 反馈：共性问题的失分单位比例，0% 到 100% 或 0 到 1（默认取方案中的 feedback.commonShare）；意味着 --feedback summary
  --ignore 列,...           搁置这些数据列（须是所给方案都不读取的列），在标准错误输出中列出
  --ignore-folder-columns   搁置所给方案文件所在文件夹中其他方案声明的列（用文件夹的数据
                            只计算其中一个版本时使用）
  --lang zh|en              输出语言
  -q, --quiet               只输出错误：不输出提示和警告
  -h, --help                显示本帮助

--detail、--feedback、--problems 和 --common 只用于 JSON（及 NDJSON）输出：与 --format table 或 csv
同用时为用法错误。在终端上运行超过约 1 秒时，在标准错误输出上显示进度（--quiet 时不显示）。

数据：.csv、.xlsx 或 .json 文件，或用 - 表示标准输入；其他文件名按内容判断（zip 压缩包为
Excel 工作簿，以 [ 或 { 开头为 JSON，否则为 CSV）。CSV 用逗号分隔，UTF-8 编码（GBK 编码也能
读取，会另行提示）。工作簿的表头可以在标题行之下。没有单位的数据视为错误。
数据列：id、name、group（或方案 subject: 中指定的列名，如"编号"），然后是各数据项，
列名用数据项的名称或标签。嵌套的数据项：
  评分        leaders.r1、leaders.r2 …（或在一个单元格中写 "80;85;90"，"[]" 表示没有分数）
  投票        votes.好、votes.较好、votes.一般、votes.差、votes.abstain、votes.issued
  分期        monthly.1 … monthly.12
  记录        一个单元格中写 JSON 列表，如 [{"case":"c1","sanction":"轻处分"}]

表格输出的列：排名、单位、分组、得分、等次、调整及原因、处理。`,
  validate: `用法：kaohe validate <方案文件或方案文件夹>...

加载考核方案（及其测试文件），逐条列出问题，每行一条：
  文件:行:列  说明（问题代码）
以及警告（可能的错误，但不妨碍方案加载）：
  警告：文件:行:列  说明（问题代码）
全部方案有效时退出码为 0（有无警告都一样）。

选项：
  --format text|json        json：在标准输出给出一个文档，按文件列出错误和警告
  --lang zh|en              输出语言
  -q, --quiet               只输出错误：不输出警告`,
  test: `用法：kaohe test <方案文件或方案文件夹>...

运行写在考核方案中（tests:）和方案旁测试文件中的测试用例，逐个列出未通过的用例
及其差异，最后给出通过和未通过的数量。

选项：
  --format text|json        json：在标准输出给出一个文档，列出每个用例的结果和差异
  --coverage                同时统计手算用例的覆盖率（等次区间、分数线、规则、条件分支、
                            名额、并列处理、指标得分点、适用条件），逐条列出没有覆盖到的
                            位置（文件:行:列），见 docs/testing.md；录制的 golden.* 文件照常
                            运行，但不计入覆盖率
  --coverage-min N          覆盖率低于 N%（0 到 100）时退出码为 1（隐含 --coverage）
  --lang zh|en              输出语言
  -q, --quiet               只输出错误：只列出未通过的用例`,
  explain: `用法：kaohe explain <方案文件或方案文件夹>... [数据] --unit 编号 [--rubric 方案编号]

输出一个单位的计分过程：各指标的得分和扣分、各组成部分、总分、初定等次，每条规则、
方案关联和比例限制的调整及其依据，最终等次和处理措施，以及反馈（问题清单）。
小数按方案规定的位数显示；扣完为止、封顶等限制生效时会注明。
--rubric 只输出一组方案中的一个（默认全部）。
.xlsx 数据：--sheet 名称 和 --header-row N 与 score 相同；搁置数据列：--ignore 列,... 和
--ignore-folder-columns 与 score 相同。

选项：
  --lang zh|en              输出语言
  -q, --quiet               只输出错误：不输出提示和警告`,
  draw: `用法：kaohe draw <data.csv|data.xlsx|data.json|-> --count N --seed 文本 [选项]

      kaohe draw --hash-only --seed 文本

可复现的随机抽取：相同的种子和候选名单，抽取结果相同。
先承诺：抽取前公布种子的 SHA-256 值（--hash-only 只输出该值，不抽取），抽取时公布
种子；任何人都可以核对两者。

选项：
  --count N         抽取数量（不小于 1 的整数）
  --seed 文本       随机种子（如会议日期加一个当场公开抽出的数）
  --by 列名         分层抽取：该列的每个值按比例分配名额
  --id 列名         候选对象的编号列（默认 id）
  --hash-only       只输出种子的 SHA-256（承诺值）；不读数据，不抽取
  --format table|json|csv
  --sheet 名称      .xlsx 数据：工作表（默认第一个）
  --header-row N    .xlsx 数据：表头所在行（默认为第一个含 --id 列的行）
  --lang zh|en      输出语言
  -q, --quiet       只输出错误：不输出提示

数据行的叫法与 score 相同：文件:N，N 按电子表格的行号计（CSV 的表头为第 1 行，
第一个单位为第 2 行；JSON 的第一个单位为 1）。`,
  report: `用法：kaohe report <方案文件或方案文件夹>... [data.csv|data.xlsx|data.json|-] --out report.html [选项]

把可打印的考核结果通报写成一个独立的 HTML 文件（不需要网络，阅读和打印不需要脚本）：
封面有等次分布和调整等次的规则与比例限制，总排名和分组排名，共性问题及其认定标准，
以及每个单位一页 A4 反馈单（得分、等次、排名、画像、个性问题、亮点、距上一等次的
分数、处理措施）。用浏览器打开后打印，或打印为 PDF。

选项：
  --out 文件        把通报写入文件（先写临时文件再替换）；不给时输出到屏幕
  --rubric 编号     一组关联方案中要通报的方案（默认为不被其他方案引用的那一个，
                    如引用责任制考核结果的述职评议；有多个时必须指定）
  --compare 原版本  增加"版本对比"一节：所通报方案的原版本（方案文件或文件夹）用同一
                    数据计分，按 kaohe diff 的方式比较（只有一个版本声明的列被搁置）
  --ignore 列,...   搁置这些数据列（在标准错误输出中列出）
  --ignore-folder-columns  搁置文件夹中其他方案声明的列
  --sheet 名称      .xlsx 数据：工作表（默认第一个）
  --header-row N    .xlsx 数据：表头所在行（默认按列名查找）
  --lang zh|en      输出语言
  -q, --quiet       只输出错误：不输出提示和警告
  -h, --help        显示本帮助`,
  diff: `用法：kaohe diff <原版本方案文件或文件夹> <新版本方案文件或文件夹> [data.csv|data.xlsx|data.json|-] [选项]

比较考核方案的两个版本。两边的方案按编号配对（其余的在两边个数相同时按给出的顺序配对），
对每一对方案先列出结构变化（指标、权重、分数线、规则、名额、数据项、排名、处理、类别的
新增、删除和修改，附 文件:行:列 和 原值 → 新值），再用同一份数据按两个版本分别计分：
列出得分、等次或排名发生变化的单位及其原因（贡献最大的指标，只在一个版本中触发的
规则或名额），等次变化矩阵和前后两个等次分布。不给数据时用新版本（其次原版本）文件夹
中的 example.csv；都没有时只比较结构变化。

数据中只有另一个版本，或所给方案文件所在文件夹中其他方案声明的列，会被搁置（在标准
错误输出中列出），不作为错误。

选项：
  --format table|json   json：输出一个 JSON 文档（见 docs/diff.md）；默认 table
  --out 文件            把结果写入文件（先写临时文件再替换）
  --sheet 名称          .xlsx 数据：工作表（默认第一个）
  --header-row N        .xlsx 数据：表头所在行（默认按列名查找）
  --lang zh|en          输出语言
  -q, --quiet           只输出错误：不输出提示
  -h, --help            显示本帮助`,
  schema: `用法：kaohe schema [--tests]

输出考核方案语言的 JSON Schema（加 --tests 时输出测试文件的）。
编辑器用它提供补全和检查，如在方案第一行写：
  # yaml-language-server: $schema=./node_modules/kaohe/schema/rubric.schema.json`,
};
