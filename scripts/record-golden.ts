/**
 * Records golden.tests.yaml for a scheme folder: 51 rows spread over the example year
 * (51 is the smallest batch where a 50% quota and a 51% one differ), with every
 * result the engine gives them: score, grades, ranks and the points of every item.
 *
 * These expectations are recorded, not computed by hand (those are in tests.yaml):
 * they are a regression net, so that changing any number of a rubric fails a case.
 * Re-record only after checking that a change of results is intended:
 *   npx tsx scripts/record-golden.ts rubrics/chn-energy-2024
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { findScheme, loadSet, readData } from "../src/cli/load.js";
import { assess, buildFeedback } from "../src/index.js";

const SIZE = 51;

export function goldenText(folder: string): string {
  const scheme = findScheme([folder]);
  const set = loadSet(scheme);
  const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
  // Round-robin over the groups (domains, sectors…), so every group is represented.
  const byGroup = new Map<string, typeof rows>();
  for (const r of rows) byGroup.set(String(r.group ?? ""), [...(byGroup.get(String(r.group ?? "")) ?? []), r]);
  const queues = [...byGroup.values()];
  const picked: typeof rows = [];
  for (let i = 0; picked.length < Math.min(SIZE, rows.length); i++) for (const q of queues) if (q[i] && picked.length < SIZE) picked.push(q[i]!);
  const subjects = picked.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== "" && v !== undefined)));
  const results = assess(set, subjects, { trail: "points" }).results;
  const items = new Map(set.rubrics.map((r) => [r.id, new Set(r.items.map((i) => i.id))]));
  const tests = results.map((result, r) => {
    const feedback = new Map(buildFeedback(set.rubrics[r]!, result).subjects.map((f) => [f.id, f]));
    return {
    name: `recorded: ${result.rubric.id} on ${picked.length} rows of example.csv`,
    common: buildFeedback(set.rubrics[r]!, result).common.map((c) => c.item),
    rubric: result.rubric.id,
    subjects: "@SUBJECTS",
    expect: Object.fromEntries(
      result.units.map((u) => [
        u.id,
        {
          score: u.score,
          grade: u.grade,
          rawGrade: u.rawGrade,
          rank: u.rank,
          ...(u.groupRank !== null ? { groupRank: u.groupRank } : {}),
          ...(u.tier ? { tier: u.tier.id } : {}),
          adjustments: u.adjustments.map((a) => a.rule),
          actions: u.actions.map((a) => a.id),
          points: Object.fromEntries(u.nodes.filter((n) => items.get(result.rubric.id)!.has(n.id)).map((n) => [n.id, n.points])),
          problems: feedback.get(u.id)!.problems.map((p) => p.item),
          highlights: feedback.get(u.id)!.highlights.map((h) => h.item),
        },
      ]),
    ),
    };
  });
  const header = [
    "# yaml-language-server: $schema=" + "../".repeat(folder.replace(/\/$/, "").split("/").length) + "schema/tests.schema.json",
    "# RECORDED, not hand-computed: written by scripts/record-golden.ts from the engine's",
    "# results on rows of example.csv. A regression net: changing any number of the rubric",
    "# should fail a case here. The hand-computed cases are in tests.yaml.",
    "",
  ].join("\n");
  const subjectsYaml = stringify(subjects, { flowCollectionPadding: true, lineWidth: 0, collectionStyle: "flow" })
    .trim()
    .replace(/^\[ /, "")
    .replace(/ \]$/, "");
  const body = stringify({ "x-subjects": "@ANCHOR", tests }, { lineWidth: 0 });
  return (
    header +
    body
      .replace('x-subjects: "@ANCHOR"', `x-subjects: &subjects\n  - ${subjectsYaml.split(/ \}, \{ /).join(" }\n  - { ")}`)
      .replace(/subjects: "@SUBJECTS"/g, "subjects: *subjects")
  );
}

if (process.argv[1]?.endsWith("record-golden.ts")) {
  for (const folder of process.argv.slice(2)) {
    writeFileSync(join(folder, "golden.tests.yaml"), goldenText(folder));
    console.log(`wrote ${join(folder, "golden.tests.yaml")}`);
  }
}
export { readFileSync };
