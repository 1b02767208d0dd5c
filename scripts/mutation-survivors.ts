/**
 * For each scheme folder: change one number of one rubric at a time (n → n + 1, or
 * +1 percentage point; decimals +0.1) and run the scheme's test cases. A mutant
 * "survives" when it loads and every case still passes. Prints the survivors.
 *   npx tsx scripts/mutation-survivors.ts rubrics/chn-energy-2024 [...]
 */
import { readFileSync } from "node:fs";
import { isPair, isScalar, parseDocument, visit, type Scalar } from "yaml";
import { findScheme, loadTests } from "../src/cli/load.js";
import { rubricTestCases, safeLoadRubricSet } from "../src/index.js";

const SKIP = new Set(["kaohe", "year", "places"]);

export interface Mutant {
  file: string;
  /** The top-level key the number is under (grades, scoring, rules, quotas…). */
  section: string;
  path: string;
  from: string;
  to: string;
  text: string;
}

export function mutants(file: string): Mutant[] {
  const source = readFileSync(file, "utf8");
  const out: Mutant[] = [];
  const count = countNumbers(source);
  for (let i = 0; i < count; i++) {
    const doc = parseDocument(source);
    let seen = -1;
    let info: Omit<Mutant, "text" | "file"> | undefined;
    visit(doc, {
      Pair(_, pair, ancestors) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        if (SKIP.has(key) || !isScalar(pair.value)) return;
        const v = (pair.value as Scalar).value;
        const next = mutate(v);
        if (next === undefined) return;
        seen++;
        if (seen !== i) return;
        const top = ancestors.find((a) => isPair(a)) as { key?: unknown } | undefined;
        const section = top && isScalar(top.key) ? String(top.key.value) : key;
        info = { section, path: key, from: String(v), to: String(next) };
        (pair.value as Scalar).value = next;
      },
    });
    if (info) out.push({ file, ...info, text: doc.toString() });
  }
  return out;
}

function mutate(v: unknown): number | string | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v + 1 : Math.round((v + 0.1) * 1e6) / 1e6;
  if (typeof v === "string" && /^\d+(\.\d+)?%$/.test(v)) return `${Number(v.slice(0, -1)) + 1}%`;
  return undefined;
}

function countNumbers(source: string): number {
  let n = 0;
  visit(parseDocument(source), {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!SKIP.has(key) && isScalar(pair.value) && mutate((pair.value as Scalar).value) !== undefined) n++;
    },
  });
  return n;
}

/** Survivors of one scheme folder. */
export function survivors(folder: string): { total: number; survivors: Mutant[] } {
  const scheme = findScheme([folder]);
  const tests = loadTests(scheme.testFiles);
  const texts = scheme.rubricFiles.map((file) => ({ file, text: readFileSync(file, "utf8") }));
  const all = scheme.rubricFiles.flatMap((f) => mutants(f));
  const alive: Mutant[] = [];
  for (const m of all) {
    const set = safeLoadRubricSet(texts.map((t) => (t.file === m.file ? { file: t.file, text: m.text } : t)));
    if (!set.ok) continue;
    let cases;
    try {
      cases = rubricTestCases(set.value, tests);
    } catch {
      continue;
    }
    if (cases.every((c) => c.run().passed)) alive.push(m);
  }
  return { total: all.length, survivors: alive };
}

if (process.argv[1]?.endsWith("mutation-survivors.ts")) {
  for (const folder of process.argv.slice(2)) {
    const t = performance.now();
    const r = survivors(folder);
    console.log(`${folder}: ${r.total} mutants, ${r.survivors.length} survive (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    for (const m of r.survivors) console.log(`  ${m.file.split("/").pop()}  ${m.section} … ${m.path}: ${m.from} → ${m.to}`);
  }
}
