/**
 * Rewrites the equivalence corpus (test/equivalence/recorded/): today's evaluator's
 * complete output on every bundled scheme and on the random cases of
 * test/equivalence/generate.ts.
 *
 *   npm run equivalence:record
 *
 * Run it ONLY when a change of results is intended (a semantic change, a generator
 * change), and say why in the commit message: the corpus is what the new engine of
 * issue 9 is proven byte-identical against, and test/equivalence/equivalence.test.ts
 * fails on any difference from it.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { bundledSchemes, CLI_FILE, cliDocument, cliFingerprint, evaluateCase, evaluateScheme, gzip, GZIP_ABOVE, RANDOM_FILE, RECORDED, ROOT, schemeFile, schemeName, SUMMARY_FILE, summarise } from "../test/equivalence/corpus.js";
import { CASE_COUNT, generateCases, SEED } from "../test/equivalence/generate.js";

const started = performance.now();
const bundledDir = join(RECORDED, "bundled");
rmSync(bundledDir, { recursive: true, force: true });
mkdirSync(bundledDir, { recursive: true });
let total = 0;
const cli: Record<string, ReturnType<typeof cliFingerprint>> = {};
for (const folder of bundledSchemes()) {
  cli[schemeName(folder)] = cliFingerprint(cliDocument(folder));
  const text = `${evaluateScheme(folder)}\n`;
  const file = schemeFile(folder, Buffer.byteLength(text));
  const bytes = Buffer.byteLength(text) > GZIP_ABOVE ? gzip(text) : Buffer.from(text, "utf8");
  writeFileSync(file, bytes);
  total += bytes.length;
  console.log(`${relative(ROOT, file)}: ${bytes.length.toLocaleString("en-US")} bytes (${Buffer.byteLength(text).toLocaleString("en-US")} as text)`);
}

const cliText = `${JSON.stringify(cli, null, 2)}\n`;
writeFileSync(CLI_FILE, cliText);
total += Buffer.byteLength(cliText);
console.log(`${relative(ROOT, CLI_FILE)}: kaohe score --format json --detail of each scheme (SHA-256, size, key orders), ${Buffer.byteLength(cliText).toLocaleString("en-US")} bytes`);

const cases = generateCases(CASE_COUNT, SEED);
const lines = cases.map((c, i) => evaluateCase(c, i, SEED));
const text = `${lines.join("\n")}\n`;
const bytes = gzip(text);
writeFileSync(RANDOM_FILE, bytes);
total += bytes.length;
console.log(`${relative(ROOT, RANDOM_FILE)}: ${CASE_COUNT} cases from seed ${SEED}, ${bytes.length.toLocaleString("en-US")} bytes (${Buffer.byteLength(text).toLocaleString("en-US")} as text)`);

const summary = summarise(cases, lines);
writeFileSync(SUMMARY_FILE, `${JSON.stringify(summary, null, 2)}\n`);
total += Buffer.byteLength(JSON.stringify(summary, null, 2));
console.log(`\noutcomes: ${Object.entries(summary.outcomes).map(([k, v]) => `${k} ${v}`).join(", ")}`);
console.log(`perturbed on purpose: ${Object.entries(summary.perturbed).map(([k, v]) => `${k} ${v}`).join(", ")}; rejected without a perturbation: ${Object.entries(summary.unperturbedRejections).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`);
console.log(`\ncoverage (scored cases using each feature):`);
const width = Math.max(...Object.keys(summary.coverage).map((k) => k.length));
for (const [feature, n] of Object.entries(summary.coverage)) console.log(`  ${feature.padEnd(width)}  ${n}`);
console.log(`\nrecorded ${readdirSync(bundledDir).length} bundled scheme(s) and ${CASE_COUNT} random cases, ${total.toLocaleString("en-US")} bytes in all, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
