/**
 * What `npm publish` would ship (npm test builds dist first): the files a user
 * needs and no others, publint and are-the-types-wrong clean, and an install of the
 * tarball that resolves every entry point, from ESM, from CommonJS (also where
 * require() of an ES module is off, as on Node before 20.19) and from TypeScript
 * under node10 resolution.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = (name: string) => join(root, "node_modules", ".bin", name);

let dir: string;
let tarball: string;
let files: string[];
let installed: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kaohe-pack-"));
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  tarball = join(dir, packed.filename);
  files = packed.files.map((f: { path: string }) => f.path).sort();
  // An install by hand: the package under node_modules/kaohe, its dependencies from this repository.
  installed = join(dir, "node_modules", "kaohe");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["xzf", tarball, "-C", installed, "--strip-components=1"]);
  symlinkSync(join(root, "node_modules"), join(installed, "node_modules"), "dir");
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: dir, encoding: "utf8" }).trim();

describe("the tarball", () => {
  test("holds the library, the CLI, the schemas, the docs, the schemes and the license", () => {
    for (const f of ["LICENSE", "README.md", "package.json", "dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts", "dist/cli.js", "schema/rubric.schema.json", "schema/tests.schema.json", "docs/rubric-language.md", "scripts/seeded-random.ts"]) {
      expect(files, f).toContain(f);
    }
    for (const scheme of ["aecc-2022", "aecc-2022/integrity-points", "chn-energy-2024", "gansu-organs-2017", "hanzhong-2023", "shenghe-branch"]) {
      for (const f of ["README.md", "tests.yaml", "example.csv", "generate-example.ts"]) expect(files, `${scheme}/${f}`).toContain(`rubrics/${scheme}/${f}`);
    }
    expect(readFileSync(join(installed, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} kaohe contributors\n/);
  });

  test("leaves out the benchmark, source maps and the recorded golden cases", () => {
    expect(files.filter((f) => /(^|\/)bench[^/]*$|\.map$|golden\.tests\.yaml$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith("dist/"))).toEqual(["dist/cells-worker.js", "dist/cli.js", "dist/index.cjs", "dist/index.d.cts", "dist/index.d.ts", "dist/index.js", "dist/write-worker.js", "dist/xlsx-worker.js"]);
    for (const f of files.filter((x) => x.startsWith("dist/"))) expect(readFileSync(join(installed, f), "utf8"), f).not.toContain("sourceMappingURL");
  });

  test("every relative import of a shipped script is shipped", () => {
    for (const f of files.filter((x) => /^dist\/.*\.(c?js)$/.test(x))) {
      const text = readFileSync(join(installed, f), "utf8");
      for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*|require\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) expect(files, `${f} imports ${m[1]}`).toContain(join("dist", m[1]!));
    }
  });

  test("publint --strict: nothing to report", async () => {
    // The unpacked tarball is exactly what is published (pack: false lints it as it is).
    const { messages } = await publint({ pkgDir: installed, strict: true, pack: false });
    expect(messages).toEqual([]);
  });

  test("are-the-types-wrong: no problem in any resolution mode", () => {
    const report = JSON.parse(execFileSync(bin("attw"), [tarball, "--format", "json"], { cwd: root, encoding: "utf8" }));
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([".", "./package.json", "./schema.json", "./tests.schema.json"]);
  }, 60_000);
});

describe("installed from the tarball", () => {
  test("kaohe/schema.json and kaohe/tests.schema.json resolve to the shipped schemas", () => {
    expect(node(["-p", 'require.resolve("kaohe/schema.json")'])).toBe(join(installed, "schema", "rubric.schema.json"));
    expect(node(["-p", 'require.resolve("kaohe/tests.schema.json")'])).toBe(join(installed, "schema", "tests.schema.json"));
    expect(node(["-p", 'require("kaohe/schema.json").$schema'])).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  test('require("kaohe") draws with the bundled SHA-256, also where require() of an ES module is off', () => {
    const script = `const k = require("kaohe"); const r = k.draw([{ id: "a" }, { id: "b" }], { count: 1, seed: "abc", key: (c) => c.id }); console.log(r.seedSha256, k.seedCommitment("abc"))`;
    const expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    expect(node(["--no-experimental-require-module", "-e", script])).toBe(`${expected} ${expected}`);
    expect(readFileSync(join(installed, "dist/index.cjs"), "utf8")).not.toMatch(/require\(["']@noble\/hashes/);
  });

  test('import("kaohe") draws and the CLI runs', () => {
    const script = `const k = await import("kaohe"); console.log(k.seedCommitment("abc"))`;
    expect(node(["--input-type=module", "-e", script])).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(node([join(installed, "dist/cli.js"), "draw", "--hash-only", "--seed", "abc"])).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("TypeScript with node10 resolution finds the types and both JSON schemas", () => {
    writeFileSync(
      join(dir, "check.ts"),
      `import schema from "kaohe/schema.json";
import testsSchema from "kaohe/tests.schema.json";
import { seedCommitment, type Issue } from "kaohe";
export const draft: string = schema.$schema;
export const tests: object = testsSchema;
export const commitment: string = seedCommitment("abc");
export const issue: Issue | undefined = undefined;
`,
    );
    const compilerOptions = { noEmit: true, strict: true, module: "commonjs", moduleResolution: "node10", resolveJsonModule: true, esModuleInterop: true, skipLibCheck: true, types: [], target: "es2022" };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["check.ts"] }));
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const args = ["-p", "tsconfig.json"];
    // tsc prints its diagnostics on stdout and exits non-zero.
    const compile = () => {
      try {
        execFileSync(process.execPath, [tsc, ...args], { cwd: dir, encoding: "utf8", stdio: "pipe" });
        return "";
      } catch (e) {
        return String((e as { stdout?: string }).stdout);
      }
    };
    expect(compile()).toBe("");
    // A subpath the package does not map fails the same compile: the check can fail.
    writeFileSync(join(dir, "check.ts"), `import schema from "kaohe/no-such.json";\nexport const x = schema;\n`);
    expect(compile()).toMatch(/Cannot find module 'kaohe\/no-such.json'/);
  }, 60_000);
});
