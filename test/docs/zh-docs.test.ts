/**
 * The Chinese documentation (README.zh-CN.md, docs/zh/) cannot drift from what it
 * describes: the README's commands and example are the English README's, every issue
 * code is explained, every YAML excerpt is the bundled file's text, every result field
 * is named, links resolve, and the bundled schemes' READMEs quote their sources in
 * simplified characters.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { assess, buildFeedback, loadRubric } from "../../src/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf8");

const readme = read("README.md");
const readmeZh = read("README.zh-CN.md");
const zhDocs = readdirSync(join(root, "docs/zh"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => `docs/zh/${f}`);
const guide = "docs/zh/从评分细则到考核规则.md";
const results = "docs/zh/阅读考核结果.md";
const errors = "docs/zh/常见错误.md";

interface Block {
  readonly lang: string;
  readonly body: string;
  /** 1-indexed line of the opening fence. */
  readonly line: number;
}

/** Every fenced code block of a markdown text, at any indentation. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```(\w*)$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j]!.trim() !== "```"; j++) body.push(lines[j]!.slice(indent));
    out.push({ lang: open[2]!, body: body.join("\n"), line: i + 1 });
    i = j;
  }
  return out;
}

/** The first block of a language after a heading. */
function blockAfter(text: string, heading: string, lang: string, nth = 0): string {
  const at = text.indexOf(`\n${heading}\n`);
  expect(at, `no heading ${heading}`).toBeGreaterThanOrEqual(0);
  const line = text.slice(0, at + 1).split("\n").length;
  const found = blocks(text).filter((b) => b.lang === lang && b.line > line)[nth];
  expect(found, `no ${lang} block after ${heading}`).toBeDefined();
  return found!.body;
}

describe("README.zh-CN.md says what README.md says", () => {
  test("README.md links to it at the top", () => {
    expect(readme.split("\n").slice(0, 5).join("\n")).toContain("[README.zh-CN.md](README.zh-CN.md)");
  });

  test("the same two commands, byte for byte (comments may be translated)", () => {
    const commands = (sh: string) => sh.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
    const en = commands(blockAfter(readme, "## The two commands", "sh"));
    const zh = commands(blockAfter(readmeZh, "## 两条命令", "sh"));
    expect(en).toHaveLength(2);
    expect(en[0]).toContain("node dist/cli.js score rubrics/chn-energy-2024");
    expect(zh).toEqual(en);
  });

  test("the same rubric, the same TypeScript example, the same validate output, the same API import", () => {
    expect(blockAfter(readmeZh, "## 一个评分细则", "yaml")).toBe(blockAfter(readme, "## A rubric", "yaml"));
    expect(blockAfter(readmeZh, "## 一个评分细则", "ts")).toBe(blockAfter(readme, "## A rubric", "ts"));
    expect(blockAfter(readmeZh, "## 一个评分细则", "text")).toBe(blockAfter(readme, "## A rubric", "text"));
    expect(blockAfter(readmeZh, "## 程序接口（供系统集成）", "ts")).toBe(blockAfter(readme, "## Library API", "ts"));
  });

  test("it links to the three guides", () => {
    for (const doc of [guide, results, errors]) expect(readmeZh).toContain(`](${doc})`);
  });
});

describe("docs/zh/常见错误.md explains every issue code", () => {
  // The IssueCode union, read from its source so that a new code fails here until it is documented.
  const source = read("src/diagnostics/issue.ts");
  const union = /export type IssueCode =([\s\S]*?);/.exec(source)![1]!;
  const codes = [...union.matchAll(/"([A-Z0-9_]+)"/g)].map((m) => m[1]!);
  const text = read(errors);
  /** Table rows whose first cell is a code: code → the other cells. */
  const rows = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const m = /^\| `([A-Z0-9_]+)` \|(.*)\|$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!.split("|").map((c) => c.trim()));
  }

  // Codes are written as `template literals` here: test/meta.test.ts counts a "CODE" string
  // literal as a test that expects the code, and these lines expect none.
  test("the union was read (71 codes when this test was written)", () => {
    expect(codes.length).toBeGreaterThanOrEqual(71);
    expect(codes).toContain(`WEIGHT_SUM`);
    expect(codes).toContain(`API_INTERNAL_ERROR`);
  });

  test.each(codes)("%s has a row with a Chinese meaning and fix", (code) => {
    const cells = rows.get(code);
    expect(cells, `${code} has no row "| \`${code}\` | … |" in ${errors}`).toBeDefined();
    expect(cells).toHaveLength(2);
    for (const cell of cells!) expect(cell).toMatch(/[\u4e00-\u9fff]{4}/);
  });

  test("no row names a code that does not exist", () => {
    expect([...rows.keys()].filter((c) => !codes.includes(c))).toEqual([]);
  });

  test("codes are grouped in the seven stages, in order", () => {
    const stages = ["一、文件格式", "二、结构", "三、含义", "四、关联", "五、数据", "六、计算", "七、调用"];
    const at = stages.map((s) => text.indexOf(`\n## ${s}\n`));
    for (const [i, s] of stages.entries()) expect(at[i], s).toBeGreaterThan(0);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Spot checks of the grouping: a code's row lies in its stage's section.
    const section = (code: string) => {
      const pos = text.indexOf(`| \`${code}\` |`);
      return stages[at.filter((a) => a < pos).length - 1];
    };
    expect(section(`YAML_NOT_UTF8`)).toBe("一、文件格式");
    expect(section(`SCHEMA_UNKNOWN_KEY`)).toBe("二、结构");
    expect(section(`WEIGHT_SUM`)).toBe("三、含义");
    expect(section(`LINKAGE_CYCLE`)).toBe("四、关联");
    expect(section(`DATA_DUPLICATE_COLUMN`)).toBe("五、数据");
    expect(section(`EVAL_NO_GRADE`)).toBe("六、计算");
    expect(section(`API_BAD_ARGUMENT`)).toBe("七、调用");
  });
});

describe("YAML excerpts in docs/zh are the bundled files' text", () => {
  const marked: { doc: string; file: string; body: string; line: number }[] = [];
  const unmarked: { doc: string; line: number }[] = [];
  for (const doc of zhDocs)
    for (const b of blocks(read(doc)).filter((b) => b.lang === "yaml")) {
      const m = /^# (rubrics\/\S+\.ya?ml)\n([\s\S]*)$/.exec(b.body);
      if (m) marked.push({ doc, file: m[1]!, body: m[2]!, line: b.line });
      else unmarked.push({ doc, line: b.line });
    }

  test("the guide quotes many excerpts, and every YAML block of it is marked with its file", () => {
    expect(marked.filter((m) => m.doc === guide).length).toBeGreaterThanOrEqual(25);
    expect(unmarked.filter((u) => u.doc === guide)).toEqual([]);
  });

  test.each(marked.map((m) => [`${m.doc}:${m.line}`, m] as const))("%s is whole lines of its file", (_, m) => {
    expect(existsSync(join(root, m.file)), `${m.file} does not exist`).toBe(true);
    const file = `\n${read(m.file)}\n`;
    expect(m.body.trim(), "empty excerpt").not.toBe("");
    expect(file.includes(`\n${m.body}\n`), `${m.doc}:${m.line} is not verbatim in ${m.file}`).toBe(true);
  });
});

describe("docs/zh/阅读考核结果.md names every result field", () => {
  // The README's rubric, with a batch that moves grades by a rule and by the quota
  // (7 subjects: floor(7 × 50%) = 3 places for 好; g1..g4 score 好, so g4 moves down).
  const yaml = /```yaml\n# review.yaml\n([\s\S]*?)```/.exec(readme)![1]!;
  const rubric = loadRubric(yaml, { file: "review.yaml" });
  const full = (id: string, duty: number) => ({ id, name: `单位${id}`, group: "甲", self: 100, duty, leaders: [100, 100, 100] });
  const { results: all } = assess(rubric, [
    { id: "u1", name: "单位1", group: "甲", self: 90, duty: 85, leaders: [80, 80, 80] },
    { id: "u2", name: "单位2", group: "乙", self: 95, duty: 96, leaders: [95, 92], serious_violation: true },
    { id: "u3", name: "单位3", group: "乙", self: 80, duty: 70, leaders: [72, 75] },
    full("g1", 100),
    full("g2", 99),
    full("g3", 98),
    full("g4", 97),
  ]);
  const result = all[0]!;
  // Every subject's losses here are small: count any loss (commonLoss 0) so that the
  // batch has common problems and their fields.
  const feedback = buildFeedback(rubric, result, { commonLoss: "0%" });
  const units = result.units;
  const keys = new Set<string>();
  const add = (o: object | null | undefined) => Object.keys(o ?? {}).forEach((k) => keys.add(k));
  add(result);
  add(result.rubric);
  add(result.summary);
  add(feedback);
  for (const u of units) {
    add(u);
    u.adjustments.forEach((a) => (add(a), add(a.numbers)));
    u.actions.forEach(add);
    u.rules.forEach(add);
    u.nodes.forEach((n) => (add(n), n.lines.forEach(add)));
  }
  for (const f of feedback.subjects) {
    add(f);
    f.problems.forEach(add);
    f.highlights.forEach(add);
    add(f.toNextGrade);
  }
  feedback.common.forEach(add);
  const text = read(results);

  test("the batch exercises rules, quotas, actions, notes and common problems", () => {
    const kinds = units.flatMap((u) => u.adjustments.map((a) => a.kind));
    expect(kinds).toContain("downgrade");
    expect(kinds).toContain("quota");
    expect(units.some((u) => u.actions.length > 0)).toBe(true);
    expect(feedback.subjects.some((f) => f.toNextGrade?.note !== undefined)).toBe(true);
    expect(feedback.common.length).toBeGreaterThan(0);
    expect(keys.size).toBeGreaterThan(50);
  });

  test("every key appears as `key` in the page", () => {
    expect([...keys].filter((k) => !text.includes(`\`${k}\``)).sort()).toEqual([]);
  });
});

describe("links in the Chinese documentation resolve", () => {
  /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
  const slug = (heading: string) =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
  const anchors = (path: string) => new Set([...read(path).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));

  test.each(["README.zh-CN.md", ...zhDocs])("%s", (doc) => {
    const text = read(doc);
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(0);
    const broken: string[] = [];
    for (const link of links) {
      const [path, anchor] = link.split("#") as [string, string | undefined];
      const target = path === "" ? doc : relative(root, join(root, dirname(doc), decodeURI(path)));
      if (!existsSync(join(root, target))) broken.push(`${link}: no ${target}`);
      else if (anchor !== undefined && statSync(join(root, target)).isFile() && !anchors(target).has(decodeURI(anchor)))
        broken.push(`${link}: no heading #${anchor} in ${target}`);
    }
    expect(broken).toEqual([]);
  });
});

describe("simplified characters", () => {
  // Characters that exist only in traditional writing (their simplified forms differ):
  // the seeds are traditional, so a quotation copied from them unconverted shows these.
  const traditional = [..."黨組織評議覈與為發會對領導書記責職實現區設計當體團單員幹們這個點題問過時種務將從進關應總結還經營業績據讓優醫學眾機級紀監違規範確聯動參測隨報長開陝準備創劃鄉鎮廠衛視層齊雙滿"];
  const readmes = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? readmes(`${dir}/${e.name}`) : e.name === "README.md" ? [`${dir}/${e.name}`] : [],
    );
  const files = [...readmes("rubrics"), "README.zh-CN.md", ...zhDocs];

  test("the bundled schemes' READMEs are all checked (six, with integrity-points)", () => {
    expect(readmes("rubrics")).toHaveLength(6);
    expect(readmes("rubrics")).toContain("rubrics/aecc-2022/integrity-points/README.md");
  });

  test("the list catches an unconverted quotation", () => {
    const found = (s: string) => [...s].filter((c) => traditional.includes(c));
    expect(found("經營業績考核未達到\"A\"級的，黨建工作責任制考核原則上不能評定為優秀").length).toBeGreaterThan(5);
    expect(found("经营业绩考核未达到\"A\"级的，党建工作责任制考核原则上不能评定为优秀")).toEqual([]);
  });

  test.each(files)("%s has no traditional-only character", (file) => {
    const hits = read(file)
      .split("\n")
      .flatMap((line, i) => [...line].filter((c) => traditional.includes(c)).map((c) => `${file}:${i + 1} ${c}  ${line.slice(0, 80)}`));
    expect(hits).toEqual([]);
  });
});
