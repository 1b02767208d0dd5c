/**
 * The equivalence corpus (issue 9, "Equivalence before deletion"): today's evaluator's
 * complete output, recorded in test/equivalence/recorded/, must be reproduced byte for
 * byte, on every bundled scheme and on every random case regenerated from the seed.
 *
 * A difference is reported with the first differing case and the JSON path of the first
 * differing value. If the change of results is intended (a semantic change), re-record
 * with `npm run equivalence:record` and say why in the commit message.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  bundledSchemes,
  caseHash,
  CLI_FILE,
  cliDocument,
  cliFingerprint,
  evaluateCase,
  evaluateScheme,
  firstDifference,
  readRandomRecording,
  readSchemeRecording,
  RECORDED,
  schemeName,
  SUMMARY_FILE,
  summarise,
  type CliFingerprint,
  type Summary,
} from "./corpus.js";
import { CASE_COUNT, generateCases, SEED, type GeneratedCase } from "./generate.js";
import { readFileSync } from "node:fs";

const RERECORD = "if the change is intended, run `npm run equivalence:record` and give the reason in the commit message";

describe("bundled schemes: the example data scored with the full trail", () => {
  const schemes = bundledSchemes();

  test("every scheme folder under rubrics/ has a recording, and every recording a folder", () => {
    expect(schemes.length).toBeGreaterThanOrEqual(6);
    const recorded = readdirSync(join(RECORDED, "bundled")).map((f) => f.replace(/\.json(\.gz)?$/, "")).sort();
    expect(recorded).toEqual(schemes.map(schemeName).sort());
  });

  test.each(schemes.map((f) => [schemeName(f), f]))("%s", (_name, folder) => {
    const recorded = readSchemeRecording(folder)!;
    const now = `${evaluateScheme(folder)}\n`;
    if (now !== recorded) expect.fail(`${schemeName(folder)} differs from its recording ${firstDifference(recorded, now)}\n(${RERECORD})`);
    // The recording is a complete result, not an error.
    expect(JSON.parse(recorded).outcome).toBe("scored");
  });

  test.each(schemes.map((f) => [schemeName(f), f]))("%s: kaohe score --format json --detail gives the recorded document, byte for byte", (name, folder) => {
    const recorded = (JSON.parse(readFileSync(CLI_FILE, "utf8")) as Record<string, CliFingerprint>)[name];
    if (!recorded) expect.fail(`no CLI fingerprint recorded for ${name}`);
    const now = cliFingerprint(cliDocument(folder));
    // Key order first: it says what moved; the values themselves are compared by the test above.
    const i = recorded.keyOrders.findIndex((k, j) => now.keyOrders[j] !== k);
    if (i >= 0 || now.keyOrders.length !== recorded.keyOrders.length)
      expect.fail(`${name}: the CLI document's objects have other keys or key orders: recorded {${recorded.keyOrders[i] ?? "(none)"}}, now {${now.keyOrders[i] ?? "(none)"}}\n(${RERECORD})`);
    if (now.sha256 !== recorded.sha256)
      expect.fail(`${name}: the CLI document has the same key orders but other bytes (${now.bytes} bytes, recorded ${recorded.bytes}): its values or its layout differ\n(${RERECORD})`);
  });
});

describe(`random rubrics × data: ${CASE_COUNT} cases from seed ${SEED}`, () => {
  let cases: GeneratedCase[] = [];
  let lines: string[] = [];

  test("every case regenerates from the seed and evaluates to its recorded output, byte for byte", () => {
    const recorded = readRandomRecording();
    expect(recorded.length).toBe(CASE_COUNT);
    cases = generateCases(CASE_COUNT, SEED);
    lines = [];
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      const expected = JSON.parse(recorded[i]!) as { seed: number; case: number; input: string };
      expect(expected.seed).toBe(SEED);
      expect(expected.case).toBe(i);
      if (expected.input !== caseHash(c))
        expect.fail(
          `case ${i}: the generator no longer gives the recorded input (hash ${caseHash(c)}, recorded ${expected.input}): ` +
            `test/equivalence/generate.ts or fast-check changed. Re-record only if the generator was changed on purpose.`,
        );
      const line = evaluateCase(c, i, SEED);
      lines.push(line);
      if (line !== recorded[i])
        expect.fail(`case ${i} of seed ${SEED} differs from its recording ${firstDifference(recorded[i]!, line)}\n(regenerate it with generateCase(${i}) from test/equivalence/generate.ts; ${RERECORD})`);
    }
  }, 300_000);

  test("most cases score (≥ 80%); the counts and the coverage are those recorded", () => {
    if (lines.length !== CASE_COUNT) expect.fail("the corpus test above did not complete");
    const summary = summarise(cases, lines);
    const recorded = JSON.parse(readFileSync(SUMMARY_FILE, "utf8")) as Summary;
    expect(summary).toEqual(recorded);
    expect(summary.outcomes.scored! / CASE_COUNT).toBeGreaterThanOrEqual(0.8);
    // Both kinds of rejection are recorded too.
    expect(summary.outcomes["rubric-rejected"]).toBeGreaterThan(0);
    expect(summary.outcomes["data-rejected"]).toBeGreaterThan(0);
  });

  test("the scored cases cover every item kind, combine mode, group option, rule, quota policy, tie-breaker, action, tier, rounding mode and missing policy", () => {
    if (lines.length !== CASE_COUNT) expect.fail("the corpus test above did not complete");
    const { coverage } = summarise(cases, lines);
    const required = [
      ...["input", "yesno", "levels", "deduct", "bonus", "adjust", "ratio", "scale", "bands", "rank", "panel", "votes", "periods", "carry", "linked"].map((k) => `item:${k}`),
      ...["sum", "sum (default)", "weighted", "mean", "max", "min"].map((c) => `group:combine-${c}`),
      "group:weights-percent",
      "group:weights-fraction",
      "group:weights-ratio",
      ...["floor", "cap", "normalizeTo", "outside", "limit", "limit-null", "max"].map((k) => `group:${k}`),
      "node:only",
      ...["when", "per", "shortfall", "records", "chosen", "max", "records-table", "records-table-cumulative", "records-times", "records-split"].map((k) => `entry:${k}`),
      ...["max", "min", "first", "sum", "default"].map((k) => `entry:records-dedup-${k}`),
      "deduct:base",
      "deduct:floor",
      "deduct:zeroIf",
      "bonus:outside",
      "adjust:cap",
      "adjust:floor",
      "ratio:input",
      "ratio:numerator-denominator",
      ...["whole", "exact", "started"].map((s) => `scale:steps-${s}`),
      "scale:targetInput",
      "scale:zeroBelow",
      "rank:points",
      "rank:percentiles",
      "rank:proportional",
      "rank:order-asc",
      "panel:trim-above",
      "panel:trim-minScores",
      "panel:trim-default",
      "panel:groups",
      "panel:invalid-same-score",
      "panel:invalid-all-full",
      "panel:ballotLimits",
      "panel:places",
      ...["valid", "valid-and-abstain", "returned", "issued"].map((d) => `votes:denominator-${d}`),
      "periods:sum",
      "periods:mean",
      "periods:periodMax",
      "linked:scaleFrom",
      "linked:plain",
      ...["exclude", "veto", "veto-grade", "veto-score-zero", "veto-ranking-exclude", "downgrade", "downgrade-2-levels", "cap"].map((k) => `rule:${k}`),
      "policy:downgrades-sum",
      "policy:downgrades-max",
      "policy:bandGaps-lower",
      "policy:bandGaps-higher",
      "policy:bandGaps-error",
      "quota:share-percent",
      "quota:share-fraction",
      "quota:share-decimal",
      "quota:count",
      "quota:scope-all",
      "quota:scope-group",
      ...["floor", "ceil", "half-up"].map((r) => `quota:rounding-${r}`),
      "quota:ties-demote",
      "quota:ties-admit",
      "tieBreaker:asc",
      "tieBreaker:desc",
      "action:when",
      "action:always",
      "tier:when",
      "tier:rest",
      ...["half-up", "half-even", "half-down", "up", "down", "ceil", "floor"].flatMap((m) => [`rounding:${m}`, `node:round-${m}`]),
      ...["error", "zero", "skip"].map((m) => `missing:item-${m}`),
      "missing:input-zero",
      "missing:input-skip",
      "grade:requires",
      "grade:above",
      "grade:max",
      "grade:below",
      "set:1",
      "set:2",
      "set:3",
      ...["grade", "rank", "score", "excluded"].map((f) => `fact:rubric.${f}`),
      "subject-columns",
    ];
    const missing = required.filter((f) => !(coverage[f]! >= 3));
    expect(missing).toEqual([]);
  });
});
