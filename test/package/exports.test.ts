/**
 * The built package (npm test builds it first) loads through require() and
 * import(), with declarations for both.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = (f: string) => `${root}dist/${f}`;
const API = ["assess", "formatIssues", "loadRubric", "loadRubricSet", "runRubricTests", "rubricJsonSchema", "safeAssess", "safeLoadRubric"];

describe("the built package", () => {
  test("dist exists (run `npm run build` first)", () => {
    for (const f of ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "cli.js"]) expect(existsSync(dist(f)), f).toBe(true);
  });

  test('require("kaohe") loads the CommonJS build', () => {
    const out = execFileSync(process.execPath, ["-e", `const k = require("kaohe"); console.log(JSON.stringify(Object.keys(k).sort()))`], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual(expect.arrayContaining(API));
  });

  test('import("kaohe") loads the ESM build and evaluates a rubric', () => {
    const script = `
      const k = await import("kaohe");
      const r = k.loadRubric("kaohe: 1\\nid: t\\nname: T\\nyear: 2024\\nversion: '1'\\ngrades: [ { id: A, min: 50 }, { id: B } ]\\nscoring: { children: [ { id: x, kind: input, max: 100 } ] }\\n");
      console.log(k.assess(r, [{ id: "u", x: 0.1 }]).results[0].units[0].score);
    `;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    expect(out.trim()).toBe("0.1");
  });

  test("the declarations export the public types", () => {
    const dts = readFileSync(dist("index.d.ts"), "utf8");
    for (const name of ["CompiledRubric", "RubricResult", "SubjectResult", "Issue", "IssueCode", "Adjustment", ...API]) expect(dts).toContain(name);
  });
});
