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
 * A failure outside KNOWN_UNTIL_FIXED is shrunk by fast-check and printed with its seed and
 * path (replay with fc.assert(…, { seed, path })); the property then carries on over the
 * remaining runs with a derived seed, ignoring that failure, so one bug does not hide
 * another. Prints per property: runs, distinct failures, runs that hit a KNOWN_UNTIL_FIXED
 * bug, time; then totals. Exit 1 on any failure outside KNOWN_UNTIL_FIXED.
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

/** A failure's kind, for telling one bug from another: its message with numbers and quoted names blurred. */
const signature = (text: string) => text.replace(/\d+/g, "N").replace(/\.[\w$]+ (added|changed|deleted)/g, ".* $1");

console.log(`kaohe fuzz: ${total.toLocaleString("en")} runs, seed ${seed}, Node ${process.version}`);
const started = performance.now();
const known = new Map<string, number>();
let runs = 0;
let failures = 0;
for (const [index, p] of PROPERTIES.entries()) {
  const wanted = Math.round(total * p.share);
  const t0 = performance.now();
  const seen = new Set<string>();
  let done = 0;
  let hits = 0;
  let round = 0;
  while (done < wanted) {
    const roundSeed = (seed + 7919 * index + 104_729 * round++) | 0;
    let shrinking = false; // after the first failure of a round, fast-check re-runs smaller inputs: not counted
    const result = fc.check(
      fc.property(p.arbitrary, (value) => {
        const failed = p.run(value);
        if (!failed) return true;
        const bug = knownBug(failed.input, failed.failure);
        if (bug) {
          if (!shrinking) {
            hits++;
            known.set(bug.id, (known.get(bug.id) ?? 0) + 1);
          }
          return true;
        }
        const text = describeFailure(failed.failure);
        if (seen.has(signature(text))) return true; // already reported: look for others
        shrinking = true;
        throw new Error(text);
      }),
      { numRuns: wanted - done, seed: roundSeed },
    );
    if (!result.failed) {
      done = wanted;
      break;
    }
    // Runs up to the failure count; shrinking re-runs do not.
    done += Math.max(1, result.numRuns);
    const message = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    seen.add(signature(message));
    failures++;
    console.log(`  FAILURE in "${p.name}": ${message}\n    counterexample: ${fc.stringify(result.counterexample).slice(0, 2000)}\n    replay: fc.assert(property, { seed: ${result.seed}, path: "${result.counterexamplePath}" })`);
  }
  runs += done;
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${p.name}\n  runs ${done.toLocaleString("en")}, distinct failures ${seen.size}, known bugs let through ${hits.toLocaleString("en")}, ${seconds} s`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nknown until fixed (KNOWN_UNTIL_FIXED, test/fuzz/properties.ts), runs let through:`);
for (const k of KNOWN_UNTIL_FIXED) console.log(`  ${String(known.get(k.id) ?? 0).padStart(8)}  ${k.id}`);
console.log(`process warnings from yaml (collection keys): ${warnings}`);
console.log(`\ntotal: ${runs.toLocaleString("en")} runs, ${failures} failure(s) outside KNOWN_UNTIL_FIXED, ${seconds} s`);
process.exit(failures > 0 ? 1 : 0);
