/**
 * Files for the CLI: rubric files or scheme folders (rubrics + tests + example.csv),
 * and subject data (CSV or JSON, from a file or stdin "-").
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parseDocument } from "yaml";
import type { RubricText, TestCaseInput } from "../index.js";
import { safeLoadRubricSet, safeLoadTestCases, type Issue, type RubricSet, type SubjectData } from "../index.js";
import { decodeText, parseCsv } from "./csv.js";

export interface Scheme {
  readonly rubricFiles: string[];
  readonly testFiles: string[];
  /** example.csv of the (first) folder given, if present. */
  readonly exampleData?: string;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

const isYaml = (f: string) => [".yaml", ".yml"].includes(extname(f));

/** Which YAML files are rubrics (have `kaohe:`), which are test files (have `tests:` only). */
export function findScheme(paths: readonly string[]): Scheme {
  const rubricFiles: string[] = [];
  const testFiles: string[] = [];
  let exampleData: string | undefined;
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new CliError(`${p}: no such file or folder`);
    }
    const files = st.isDirectory()
      ? readdirSync(p)
          .sort()
          .map((f) => join(p, f))
      : [p];
    if (st.isDirectory()) {
      const example = join(p, "example.csv");
      if (exampleData === undefined && files.includes(example)) exampleData = example;
    }
    for (const f of files) {
      if (!isYaml(f)) continue;
      const kind = classify(f);
      if (kind === "rubric") rubricFiles.push(f);
      else if (kind === "tests") testFiles.push(f);
      else if (!st.isDirectory()) rubricFiles.push(f); // named explicitly: let the loader say what is wrong
    }
  }
  if (rubricFiles.length === 0) throw new CliError(`no rubric found in ${paths.join(", ")} (a rubric is a .yaml file with "kaohe: 1")`);
  return { rubricFiles, testFiles, ...(exampleData ? { exampleData } : {}) };
}

function classify(file: string): "rubric" | "tests" | "other" {
  const doc = parseDocument(readFileSync(file, "utf8"));
  const top = doc.contents && "items" in doc.contents ? (doc.toJS() as Record<string, unknown> | null) : null;
  if (top && typeof top === "object" && "kaohe" in top) return "rubric";
  if (top && typeof top === "object" && "tests" in top) return "tests";
  return basename(file).includes("test") ? "tests" : "other";
}

export function readRubricTexts(files: readonly string[]): RubricText[] {
  return files.map((file) => ({ file, text: decodeText(readFileSync(file)).text }));
}

/** Load the scheme's rubrics; their warnings (which do not stop the load) are pushed to `warnings` when given. */
export function loadSet(scheme: Scheme, warnings?: Issue[]): RubricSet {
  const r = safeLoadRubricSet(readRubricTexts(scheme.rubricFiles));
  if (!r.ok) throw new CliError(`${r.issues.length} problem(s) in the rubric`, r.issues);
  warnings?.push(...r.warnings);
  return r.value;
}

export function loadTests(files: readonly string[]): TestCaseInput[] {
  const out: TestCaseInput[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    const r = safeLoadTestCases(decodeText(readFileSync(file)).text, { file });
    if (r.ok) out.push(...r.value);
    else issues.push(...r.issues);
  }
  if (issues.length) throw new CliError(`${issues.length} problem(s) in the test files`, issues);
  return out;
}

/** Read subjects from CSV or JSON (a list, or { subjects: [...] }); "-" reads stdin. */
export function readData(file: string, stdin: () => Buffer): { rows: SubjectData[]; encoding?: string } {
  const bytes = file === "-" ? stdin() : readFileOrFail(file);
  const { text, encoding } = decodeText(bytes);
  const trimmed = text.trimStart();
  const looksJson = extname(file) === ".json" || (file === "-" && (trimmed.startsWith("[") || trimmed.startsWith("{")));
  if (looksJson) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new CliError(`${file}: invalid JSON: ${(e as Error).message}`);
    }
    const rows = Array.isArray(value) ? value : value && typeof value === "object" && Array.isArray((value as { subjects?: unknown }).subjects) ? (value as { subjects: unknown[] }).subjects : undefined;
    if (!rows || rows.some((r) => !r || typeof r !== "object" || Array.isArray(r))) throw new CliError(`${file}: expected a JSON list of subject objects (or { "subjects": [...] })`);
    return { rows: rows as SubjectData[] };
  }
  return { rows: parseCsv(text, file), encoding };
}

function readFileOrFail(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new CliError(`${file}: cannot read the data file`);
  }
}
