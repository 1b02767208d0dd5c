/**
 * The long fuzz (issue 8): the properties of the suite's fuzz (test/fuzz/properties.ts) —
 * every safe* function fed random YAML-ish text, random rubric objects, random subject data
 * and arguments of any type must never throw and never change the host's built-ins — run
 * 1,000,000 times in all (split by each property's share), with a random seed.
 *
 *   npm run fuzz                         # 1 M runs
 *   npm run fuzz -- --runs 20000         # fewer
 *   npm run fuzz -- --seed 42            # reproduce a run
 *
 * Prints, per property: runs, failures (with fast-check's shrunk counterexample, seed and
 * path to replay), how many runs hit a KNOWN_UNTIL_FIXED bug, and the time. Exit 1 on any
 * failure outside KNOWN_UNTIL_FIXED.
 */
import fc from "fast-check";
import { performance } from "node:perf_hooks";
import { describeFailure, KNOWN_UNTIL_FIXED, knownBug, PROPERTIES } from "../test/fuzz/properties.js";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v) || v < 0) {
    console.error(`fuzz: --${name} takes a whole number, got ${JSON.stringify(process.argv[i + 1] ?? "")}`);
    process.exit(2);
  }
  return v;
}

const total = option("runs", 1_000_000);
const seed = option("seed", Math.floor(Math.random() * 2 ** 31));
// yaml's toJS warns on the process for a mapping key that is a collection (`[a]: 1`): counted, not printed.
let warnings = 0;
process.emitWarning = () => void warnings++;

console.log(`kaohe fuzz: ${total.toLocaleString("en")} runs, seed ${seed}, Node ${process.version}`);
const started = performance.now();
let failures = 0;
let runs = 0;
const known = new Map<string, number>();
for (const p of PROPERTIES) {
  const numRuns = Math.round(total * p.share);
  const t0 = performance.now();
  let hits = 0;
  const result = fc.check(
    fc.property(p.arbitrary, (value) => {
      const failed = p.run(value);
      if (!failed) return true;
      const bug = knownBug(failed.input, failed.failure);
      if (!bug) throw new Error(describeFailure(failed.failure));
      hits++;
      known.set(bug.id, (known.get(bug.id) ?? 0) + 1);
      return true;
    }),
    { numRuns, seed },
  );
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  runs += result.numRuns;
  console.log(`\n${p.name}\n  runs ${result.numRuns.toLocaleString("en")}, failures ${result.failed ? 1 : 0}, known bugs let through ${hits.toLocaleString("en")}, ${seconds} s`);
  if (result.failed) {
    failures++;
    const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    console.log(`  FAILED: ${error}\n  counterexample: ${fc.stringify(result.counterexample)}\n  replay: { seed: ${result.seed}, path: "${result.counterexample ? result.counterexamplePath : ""}" }`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nknown until fixed (KNOWN_UNTIL_FIXED, test/fuzz/properties.ts):`);
for (const k of KNOWN_UNTIL_FIXED) console.log(`  ${String(known.get(k.id) ?? 0).padStart(8)}  ${k.id}`);
console.log(`process warnings from yaml (collection keys): ${warnings}`);
console.log(`\ntotal: ${runs.toLocaleString("en")} runs, ${failures} failure(s) outside KNOWN_UNTIL_FIXED, ${seconds} s`);
process.exit(failures > 0 ? 1 : 0);
