/**
 * For each scheme folder: change one number of one rubric at a time (n → n + 1, or
 * +1 percentage point, also for an exact fraction share "1/3" → "103/300"; decimals +0.1) and run the scheme's HAND-COMPUTED test cases
 * (tests.yaml, and any `tests:` inside the rubrics). The recorded golden.tests.yaml
 * files are not loaded: they are the engine's own output, a regression net, not proof
 * that a number is right. A mutant "survives" when it loads and every hand case still
 * passes. Prints the survivors.
 *   npx tsx scripts/mutation-survivors.ts rubrics/chn-energy-2024 [...]
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { isMap, isPair, isScalar, parseDocument, visit, type Scalar } from "yaml";
import { findScheme, loadTests } from "../src/cli/load.js";
import { rubricTestCases, safeLoadRubricSet } from "../src/index.js";

const SKIP = new Set(["kaohe", "year", "places"]);

export interface Mutant {
  file: string;
  /** The top-level key the number is under (grades, scoring, rules, quotas…). */
  section: string;
  path: string;
  /** The ids of the (at most two) innermost mappings around the number: group/item, item/entry, "" at the top. */
  where: string;
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
        const next = mutate(v, key);
        if (next === undefined) return;
        seen++;
        if (seen !== i) return;
        const top = ancestors.find((a) => isPair(a)) as { key?: unknown } | undefined;
        const section = top && isScalar(top.key) ? String(top.key.value) : key;
        // The ids around the number, innermost two (e.g. "a1-2/fewer"), without the rubric's own id.
        const ids = ancestors.flatMap((a) => (isMap(a) && a !== doc.contents && a.get("id") !== undefined ? [String(a.get("id"))] : []));
        const where = ids.slice(-2).join("/");
        info = { section, path: key, where, from: String(v), to: String(next) };
        (pair.value as Scalar).value = next;
      },
    });
    if (info) out.push({ file, ...info, text: doc.toString() });
  }
  return out;
}

function mutate(v: unknown, key: string): number | string | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v + 1 : Math.round((v + 0.1) * 1e6) / 1e6;
  if (typeof v === "string" && /^\d+(\.\d+)?%$/.test(v)) return `${Number(v.slice(0, -1)) + 1}%`;
  // An exact fraction share ("1/3"): one percentage point more, still exact: a/b + 1/100 = (100a + b)/(100b).
  const fraction = key === "share" && typeof v === "string" ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v) : null;
  if (fraction) return `${100 * Number(fraction[1]) + Number(fraction[2])}/${100 * Number(fraction[2])}`;
  return undefined;
}

function countNumbers(source: string): number {
  let n = 0;
  visit(parseDocument(source), {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!SKIP.has(key) && isScalar(pair.value) && mutate((pair.value as Scalar).value, key) !== undefined) n++;
    },
  });
  return n;
}

/** How a mutant is named in the allow-list and in the script's output: `file where path: from → to`. */
export const mutantKey = (m: Mutant): string => `${basename(m.file)} ${m.where ? `${m.where} ` : ""}${m.path}: ${m.from} → ${m.to}`;

/** A change that is a threshold, weight or quota share: it must never survive. */
export const isSeedNumber = (m: Mutant): boolean => m.path === "weight" || m.section === "quotas" || m.section === "grades";

/**
 * Mutants that no hand case can kill because they cannot change any result
 * (equivalent mutants), per scheme folder (relative to rubrics/), each with the reason.
 * test/rubrics/mutation.test.ts fails when a survivor is missing here, and when an
 * entry here no longer survives (so the list stays exact).
 */
export const EQUIVALENT: Readonly<Record<string, readonly { mutant: string; reason: string }[]>> = {
  "chn-energy-2024": [],
  "gansu-organs-2017": [
    {
      mutant: "rubric.yaml x-3/each points: 1 → 2",
      reason:
        "x-3 (创新举措被推广, 每项加1分, max 1): a whole number n ≥ 1 of promoted measures earns min(n × 1, 1) = min(n × 2, 1) = 1, and none earns 0 either way; only a fractional count would differ, and a count of measures is whole (the implied input accepts any number ≥ 0, so this is equivalent for real data only)",
    },
  ],
  "hanzhong-2023": [],
  "aecc-2022": [
    {
      mutant: "responsibility.yaml s26/each points: 3 → 4",
      reason:
        "s26 (问责情形, 每起扣3分, max 3): one 问责 already takes all 3 points (扣完为止), so any whole number of cases n ≥ 1 leaves 0 with either amount, and none leaves 3; only a fractional count would differ (the implied input accepts any number ≥ 0, so this is equivalent for real data only)",
    },
    {
      mutant: "responsibility.yaml s27/cases 开除: 4 → 5",
      reason:
        "s27 (违纪违法案件, max 4): an 开除 case alone deducts the whole 4 points, so with 5 the item is still floored at 0, and the veto (score.s27 < 2) fires either way; no record set can tell 4 from 5",
    },
  ],
  "aecc-2022/integrity-points": [],
  "shenghe-branch": [
    {
      mutant: "party-building-h1.yaml max: 2 → 3",
      reason:
        "business_completion (经营目标完成率) is declared with max 2 (200%) in both halves, and the set always evaluates both halves on the same rows: a rate above 200% is still rejected by the second half, so no case can see the first half accept it (the bound itself is tested: 200% accepted, 201% rejected)",
    },
    {
      mutant: "party-building-h2.yaml max: 2 → 3",
      reason: "the same input with the same max 2 in the first half, which still rejects a rate above 200% in every run of the set (see the first-half entry)",
    },
  ],
};

/** Recorded (engine-produced) cases: never counted as killing a mutant. */
export const isGoldenFile = (file: string): boolean => basename(file).startsWith("golden.");

/** Survivors of one scheme folder, against its hand-computed cases only. */
export function survivors(folder: string): { total: number; survivors: Mutant[]; testFiles: string[] } {
  const scheme = findScheme([folder]);
  const testFiles = scheme.testFiles.filter((f) => !isGoldenFile(f));
  const tests = loadTests(testFiles);
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
  return { total: all.length, survivors: alive, testFiles };
}

if (process.argv[1]?.endsWith("mutation-survivors.ts")) {
  for (const folder of process.argv.slice(2)) {
    const t = performance.now();
    const r = survivors(folder);
    console.log(`${folder}: ${r.total} mutants, ${r.survivors.length} survive (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    const known = new Set(Object.entries(EQUIVALENT).flatMap(([f, list]) => (folder.replace(/\/+$/, "").endsWith(`rubrics/${f}`) ? list.map((e) => e.mutant) : [])));
    for (const m of r.survivors) console.log(`  ${mutantKey(m)}   [${m.section}]${known.has(mutantKey(m)) ? "  (listed as equivalent)" : ""}`);
  }
}
