/**
 * The equivalence corpus: today's evaluator's complete output on every bundled scheme
 * and on the random cases of generate.ts, as canonical JSON. Recorded by
 * scripts/record-equivalence.ts (`npm run equivalence:record`), checked by
 * equivalence.test.ts. Only the public API is used: safeLoadRubricSet, safeAssess with
 * the full trail, buildFeedback, and the CLI's own helpers to find and read a scheme.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { findScheme, readData, readRubricTexts } from "../../src/cli/load.js";
import { main } from "../../src/cli/main.js";
import { buildFeedback, safeAssess, safeLoadRubricSet, type Issue, type RubricText, type SubjectData } from "../../src/index.js";
import type { GeneratedCase } from "./generate.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const RECORDED = join(ROOT, "test", "equivalence", "recorded");
export const RANDOM_FILE = join(RECORDED, "random.jsonl.gz");
/** Counts of the random corpus: outcomes, and how many scored cases use each feature. */
export const SUMMARY_FILE = join(RECORDED, "random-summary.json");
/** The CLI's JSON document per bundled scheme: its SHA-256, size and key order (the bytes themselves are not kept). */
export const CLI_FILE = join(RECORDED, "bundled-cli.json");
/** A bundled scheme's recording above this size is stored gzipped (a one-line JSON text is no use in a diff anyway). */
export const GZIP_ABOVE = 100_000;

/**
 * JSON with object keys sorted (code-point order) and no whitespace: the same value
 * always gives the same bytes, whatever order its keys were built in. Undefined
 * properties are left out, as JSON.stringify does. Arrays keep their order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`canonicalJson: cannot serialise ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === "function") continue;
    parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(",")}}`;
}

/** An issue as recorded: every field the API gives (code, message, path, position, row, ...). */
const issueRecord = (i: Issue): Issue => i;

/**
 * Everything today's library gives for rubric texts and subjects: load warnings and
 * issues, or for every rubric of the set its complete result (units with the full
 * trail, summary, warnings) and its feedback (per subject and common problems).
 */
export function evaluate(texts: readonly RubricText[], subjects: readonly SubjectData[]): Record<string, unknown> {
  const loaded = safeLoadRubricSet(texts);
  if (!loaded.ok) return { outcome: "rubric-rejected", issues: loaded.issues.map(issueRecord) };
  const set = loaded.value;
  const assessed = safeAssess(set, subjects, { trail: "full" });
  const loadWarnings = loaded.warnings.map(issueRecord);
  if (!assessed.ok) return { outcome: "data-rejected", loadWarnings, issues: assessed.issues.map(issueRecord) };
  return {
    outcome: "scored",
    loadWarnings,
    warnings: assessed.warnings.map(issueRecord),
    results: assessed.value.results.map((result, i) => ({ result, feedback: buildFeedback(set.rubrics[i]!, result) })),
  };
}

// ---------------------------------------------------------------- bundled schemes

/** Every scheme folder under rubrics/ (a folder holding a rubric and example.csv), nested ones included. */
export function bundledSchemes(): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    const entries = readdirSync(dir).sort();
    if (entries.includes("example.csv")) out.push(dir);
    for (const e of entries) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) visit(p);
    }
  };
  visit(join(ROOT, "rubrics"));
  return out;
}

/** The scheme's name in the recording: its folder under rubrics/, with "/" as "+". */
export const schemeName = (folder: string) => relative(join(ROOT, "rubrics"), folder).split(/[\\/]/).join("+");

/** A scheme scored on its example data the way `kaohe score <folder>` finds and reads them. */
export function evaluateScheme(folder: string): string {
  const scheme = findScheme([folder]);
  const texts = readRubricTexts(scheme.rubricFiles).map((t) => ({ text: t.text, file: relative(ROOT, t.file!).split(/[\\/]/).join("/") }));
  const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
  return canonicalJson({ scheme: schemeName(folder), rubricFiles: texts.map((t) => t.file), data: relative(ROOT, scheme.exampleData!).split(/[\\/]/).join("/"), ...evaluate(texts, rows) });
}

export function schemeFile(folder: string, size: number): string {
  return join(RECORDED, "bundled", `${schemeName(folder)}.json${size > GZIP_ABOVE ? ".gz" : ""}`);
}

/** The recorded text of a scheme (gunzipped when stored so), or undefined when none is recorded. */
export function readSchemeRecording(folder: string): string | undefined {
  for (const gz of [false, true]) {
    const file = join(RECORDED, "bundled", `${schemeName(folder)}.json${gz ? ".gz" : ""}`);
    try {
      const bytes = readFileSync(file);
      return (gz ? gunzipSync(bytes) : bytes).toString("utf8");
    } catch {
      /* try the other form */
    }
  }
  return undefined;
}

/**
 * `kaohe score <folder> --format json --detail`, run in this process through the CLI's
 * own main(): the integrators' document, byte for byte (key order and layout included).
 */
export function cliDocument(folder: string): string {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(["score", folder, "--format", "json", "--detail"], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: () => Buffer.alloc(0),
    isTty: false,
  });
  if (code !== 0) throw new Error(`kaohe score ${folder} failed (${code}): ${err.join("\n")}`);
  return `${out.join("\n")}\n`;
}

/** What is kept of a CLI document: its hash and size, and the distinct key sequences of its objects in order of first appearance. */
export interface CliFingerprint {
  readonly sha256: string;
  readonly bytes: number;
  readonly keyOrders: readonly string[];
}

export function cliFingerprint(text: string): CliFingerprint {
  const orders = new Set<string>();
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      orders.add(Object.keys(v).join(","));
      Object.values(v).forEach(visit);
    }
  };
  visit(JSON.parse(text));
  return { sha256: createHash("sha256").update(text).digest("hex"), bytes: Buffer.byteLength(text), keyOrders: [...orders] };
}

// ---------------------------------------------------------------- random cases

/** A hash of a case's inputs: tells a change of the generator from a change of the engine. */
export function caseHash(c: GeneratedCase): string {
  return createHash("sha256").update(canonicalJson({ rubrics: c.rubrics, subjects: c.subjects })).digest("hex").slice(0, 16);
}

/** One line of random.jsonl.gz (without the newline). */
export function evaluateCase(c: GeneratedCase, index: number, seed: number): string {
  return canonicalJson({ seed, case: index, input: caseHash(c), ...evaluate(c.rubrics, c.subjects) });
}

export interface Summary {
  readonly seed: number;
  readonly cases: number;
  readonly outcomes: Record<string, number>;
  /** Cases perturbed on purpose (a broken rubric or a bad value), by outcome. */
  readonly perturbed: Record<string, number>;
  /** Cases rejected although nothing was broken on purpose, by their issue codes (EVAL_ZERO_DENOMINATOR, ...). */
  readonly unperturbedRejections: Record<string, number>;
  /** Feature → how many scored cases use it. */
  readonly coverage: Record<string, number>;
}

/** The counts of a corpus from its cases and their recorded lines. */
export function summarise(cases: readonly GeneratedCase[], lines: readonly string[]): Summary {
  const outcomes: Record<string, number> = { scored: 0, "rubric-rejected": 0, "data-rejected": 0 };
  const perturbed: Record<string, number> = {};
  const unperturbed: Record<string, number> = {};
  const coverage: Record<string, number> = {};
  let seed = 0;
  cases.forEach((c, i) => {
    const line = JSON.parse(lines[i]!) as { seed: number; outcome: string; issues?: { code: string }[] };
    seed = line.seed;
    outcomes[line.outcome] = (outcomes[line.outcome] ?? 0) + 1;
    if (c.perturbation) perturbed[line.outcome] = (perturbed[line.outcome] ?? 0) + 1;
    else if (line.outcome !== "scored") {
      const codes = [...new Set((line.issues ?? []).map((x) => x.code))].sort().join("+");
      unperturbed[codes] = (unperturbed[codes] ?? 0) + 1;
    }
    if (line.outcome === "scored") for (const f of c.features) coverage[f] = (coverage[f] ?? 0) + 1;
  });
  const sorted = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { seed, cases: cases.length, outcomes, perturbed: sorted(perturbed), unperturbedRejections: sorted(unperturbed), coverage: sorted(coverage) };
}

export function readRandomRecording(): string[] {
  const text = gunzipSync(readFileSync(RANDOM_FILE)).toString("utf8");
  return text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
}

export function gzip(text: string): Buffer {
  return gzipSync(Buffer.from(text, "utf8"), { level: 9 });
}

/**
 * The first difference between two canonical JSON texts, readable: the JSON path of
 * the first differing value and both values (shortened), found by walking the parsed
 * documents; falls back to the first differing character.
 */
export function firstDifference(expected: string, actual: string): string {
  let a: unknown;
  let b: unknown;
  try {
    a = JSON.parse(expected);
    b = JSON.parse(actual);
  } catch {
    return charDifference(expected, actual);
  }
  const found = walk(a, b, "$");
  return found ?? charDifference(expected, actual);
}

const short = (v: unknown) => {
  const t = v === undefined ? "(absent)" : canonicalJson(v);
  return t.length > 300 ? `${t.slice(0, 300)}… (${t.length} chars)` : t;
};

function walk(a: unknown, b: unknown, path: string): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return `at ${path}:\n  recorded: ${short(a)}\n  now:      ${short(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = i < a.length && i < b.length ? walk(a[i], b[i], `${path}[${i}]`) : `at ${path}[${i}]:\n  recorded: ${short(a[i])}\n  now:      ${short(b[i])}`;
      if (d) return d;
    }
    return undefined;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
    const d = walk(ra[k], rb[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function charDifference(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  return `at character ${i}:\n  recorded: …${expected.slice(Math.max(0, i - 80), i + 80)}\n  now:      …${actual.slice(Math.max(0, i - 80), i + 80)}`;
}
