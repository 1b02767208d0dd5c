/**
 * The README's example runs as written and prints what the README says.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { assess, loadRubric, safeLoadRubric, formatIssue } from "../../src/index.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const yaml = /```yaml\n# review.yaml\n([\s\S]*?)```/.exec(readme)![1]!;

test("the README rubric gives the printed results", () => {
  const rubric = loadRubric(yaml, { file: "review.yaml" });
  const { results } = assess(rubric, [
    { id: "u1", self: 90, duty: 85, leaders: [80, 80, 80] },
    { id: "u2", self: 95, duty: 96, leaders: [95, 92], serious_violation: true },
    { id: "u3", self: 80, duty: 70, leaders: [72, 75] },
  ]);
  const lines = results[0]!.units.map((u) => `${u.id} ${u.score} ${u.grade} ${JSON.stringify(u.adjustments.map((a) => a.reason))} ${JSON.stringify(u.actions.map((a) => a.label))}`);
  expect(lines).toEqual([
    'u2 95.40 fair ["班子成员发生严重违规违纪行为，直接降档"] []',
    "u1 84.50 fair [] []",
    'u3 71.70 average [] ["约谈"]',
  ]);
  for (const line of ["// u2 95.40 fair", "// u1 84.50 fair", "// u3 71.70 average"]) expect(readme).toContain(line);
});

test("the README rubric loads without warnings (it declares its full mark)", () => {
  const r = safeLoadRubric(yaml, { file: "review.yaml" });
  expect(r.ok && r.warnings).toEqual([]);
});

test("the README's broken rubric gives the printed problems", () => {
  const broken = yaml.replace("weight: 70% }", "weight: 69% }").replace("when: input.serious_violation", "when: input.serious_violaton");
  const r = safeLoadRubric(broken, { file: "review.yaml" });
  expect(r.ok).toBe(false);
  for (const issue of r.ok ? [] : r.issues) expect(readme).toContain(formatIssue(issue));
  // and in Chinese, as `--lang zh` prints them
  for (const issue of r.ok ? [] : r.issues) expect(readme).toContain(formatIssue(issue, { locale: "zh-CN" }));
  expect(r.ok ? [] : r.issues.map((i) => formatIssue(i, { locale: "zh-CN" }))).toEqual([
    "review.yaml:18:5  权重之和应为 100%，实际为 99%（WEIGHT_SUM）",
    'review.yaml:24:11  未知的数据项"serious_violaton"；是否应为"serious_violation"？（REF_UNKNOWN_INPUT）',
  ]);
});
