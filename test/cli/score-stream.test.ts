/**
 * `kaohe score --format json|ndjson`: the document streamed to stdout or --out, its
 * default shape (no nodes without --detail, the common problems only), --feedback, and
 * progress on a terminal. CLI runs of dist/cli.js need `npx tsup` first (npm test does).
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

import { PROGRESS_AFTER_MS, progressReporter } from "../../src/cli/progress.js";
import { WRITE_THREAD_FROM } from "../../src/io/write-thread.js";
import { cli, smallRubric } from "./harness.js";

const root = new URL("../..", import.meta.url).pathname;
const CHN = join(root, "rubrics/chn-energy-2024");


/** The same run with a raw stdout writer: the pieces as written. */
function streamedCli(args: string[]) {
  const pieces: (string | Uint8Array)[] = [];
  const r = cli(args, { io: { write: (t) => pieces.push(t) } });
  return { ...r, pieces, text: Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p))).toString("utf8") };
}

describe("the streamed document", { timeout: 60_000 }, () => {
  test("to stdout in pieces: the same bytes as the joined document, with its final line break", () => {
    for (const args of [["--detail"], ["--feedback", "none"]]) {
      const whole = cli(["score", CHN, "--format", "json", ...args]);
      const s = streamedCli(["score", CHN, "--format", "json", ...args]);
      expect(s.code).toBe(0);
      expect(s.out).toBe("");
      expect(s.text).toBe(`${whole.out}\n`);
    }
  });

  test(`from ${WRITE_THREAD_FROM} subjects the writes run on a second thread: the same bytes to stdout's descriptor and to --out`, () => {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-stream-"));
    const rubric = join(dir, "r.yaml");
    const data = join(dir, "d.csv");
    writeFileSync(rubric, smallRubric());
    const rows = ["id,name,a,b"];
    for (let i = 0; i < WRITE_THREAD_FROM; i++) rows.push(`u${i},名${i},${i % 51},${(i * 7) % 51}`);
    writeFileSync(data, rows.join("\r\n"));
    for (const format of ["json", "ndjson"]) {
      // Without a descriptor (io.writeFd) the pieces go to io.write on this thread.
      const expected = streamedCli(["score", rubric, data, "--format", format]).text;
      expect(expected.split("\n").length).toBeGreaterThan(WRITE_THREAD_FROM);
      const viaFd = join(dir, `fd.${format}`);
      const fd = openSync(viaFd, "w");
      const seen: unknown[] = [];
      const r = cli(["score", rubric, data, "--format", format], { io: { write: (t) => seen.push(t), writeFd: fd } });
      closeSync(fd);
      expect(r.code).toBe(0);
      expect(seen).toEqual([]);
      expect(readFileSync(viaFd, "utf8")).toBe(expected);
      const out = join(dir, `out.${format}`);
      expect(cli(["score", rubric, data, "--format", format, "--out", out]).code).toBe(0);
      expect(readFileSync(out, "utf8")).toBe(expected);
    }
  });

  test("--out FILE holds the bytes stdout gets (JSON and NDJSON)", () => {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-stream-"));
    for (const format of ["json", "ndjson"]) {
      const file = join(dir, `out.${format}`);
      expect(cli(["score", CHN, "--format", format, "--detail", "--out", file]).code).toBe(0);
      expect(readFileSync(file, "utf8")).toBe(streamedCli(["score", CHN, "--format", format, "--detail"]).text);
    }
  });

  test("the built CLI writes the same document to a pipe", () => {
    const viaBin = execFileSync(process.execPath, [join(root, "dist/cli.js"), "score", CHN, "--format", "json", "--detail"], { encoding: "utf8", maxBuffer: 1 << 28 });
    expect(viaBin).toBe(`${cli(["score", CHN, "--format", "json", "--detail"]).out}\n`);
  });
});

describe("the default JSON and --feedback", { timeout: 60_000 }, () => {
  const doc = (args: string[]) => JSON.parse(cli(["score", CHN, "--format", "json", ...args]).out) as { results: { units: Record<string, unknown>[]; feedback?: Record<string, unknown> }[] };

  test("default: units without nodes, no feedback; --feedback summary or --common: the common problems only", () => {
    for (const r of doc([]).results) {
      expect(r.units.some((u) => "nodes" in u)).toBe(false);
      expect(r).not.toHaveProperty("feedback");
    }
    for (const args of [["--feedback", "summary"], ["--common", "30%"]])
      for (const r of doc(args).results) {
        expect(r.units.some((u) => "nodes" in u)).toBe(false);
        expect(Object.keys(r.feedback!)).toEqual(["common"]);
      }
  });

  test("--detail: nodes with their lines and every unit's feedback (the full document)", () => {
    const d = doc(["--detail"]);
    const review = d.results[1]!;
    expect(Array.isArray(review.units[0]!.nodes)).toBe(true);
    expect(Object.keys(review.feedback!)).toEqual(["common", "subjects"]);
    expect(Object.keys(review.feedback!.subjects as object)).toHaveLength(90);
    // --detail --feedback summary: nodes, but the common problems only.
    expect(Object.keys(doc(["--detail", "--feedback", "summary"]).results[1]!.feedback!)).toEqual(["common"]);
  });

  test("--feedback none: no feedback key; full: the same common problems as summary, and each unit's", () => {
    expect(doc(["--feedback", "none"]).results.every((r) => !("feedback" in r))).toBe(true);
    const full = doc(["--feedback", "full"]).results[1]!;
    expect(full.feedback!.common).toEqual(doc(["--feedback", "summary"]).results[1]!.feedback!.common);
    expect(full.units.some((u) => "nodes" in u)).toBe(false);
  });

  test("--problems implies --feedback full, and is refused with summary or none; --common with none", () => {
    const d = doc(["--problems", "1"]).results[1]!;
    const subjects = d.feedback!.subjects as Record<string, { problems: unknown[] }>;
    expect(Math.max(...Object.values(subjects).map((f) => f.problems.length))).toBe(1);
    const r = cli(["score", CHN, "--format", "json", "--problems", "1", "--feedback", "summary"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("kaohe score: --problems shapes the feedback, which --feedback summary does not list per unit; use --feedback full");
    const c = cli(["score", CHN, "--format", "json", "--common", "30%", "--feedback", "none"]);
    expect(c.code).toBe(2);
    expect(c.err).toBe("kaohe score: --common shapes the feedback, which --feedback none leaves out");
    expect(cli(["score", CHN, "--format", "json", "--common", "30%", "--feedback", "summary"]).code).toBe(0);
  });

  test("a --feedback that is not none, summary or full is a usage error; with table or csv it does not apply", () => {
    const r = cli(["score", CHN, "--format", "json", "--feedback", "some"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("kaohe score: --feedback must be none, summary or full, got some");
    expect(cli(["score", CHN, "--format", "json", "--feedback", "some", "--lang", "zh"]).err).toBe("kaohe score：--feedback 应为 none、summary 或 full，实际为 some");
    const c = cli(["score", CHN, "--format", "csv", "--feedback", "full"]);
    expect(c.code).toBe(2);
    expect(c.err).toBe("kaohe score: --feedback shapes the JSON output; it does not apply to --format csv");
  });
});

describe("--format ndjson", { timeout: 60_000 }, () => {
  test("a line per unit of each rubric, then its rubric line; the same units as the JSON document", () => {
    const lines = streamedCli(["score", CHN, "--format", "ndjson", "--feedback", "summary"]).text.split("\n");
    expect(lines.pop()).toBe("");
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const json = JSON.parse(cli(["score", CHN, "--format", "json"]).out) as { results: { rubric: { id: string }; units: object[]; summary: object }[] };
    let at = 0;
    for (const r of json.results) {
      for (const u of r.units) expect(parsed[at++]).toEqual({ type: "unit", rubric: r.rubric.id, ...u });
      expect(parsed[at]).toMatchObject({ type: "rubric", rubric: r.rubric.id, summary: r.summary });
      at++;
    }
    expect(at).toBe(parsed.length);
    // 2 rubrics of 90 units each: 182 lines.
    expect(parsed).toHaveLength(182);
  });
});

describe("progress on stderr", { timeout: 60_000 }, () => {
  /** A clock that reads the given times in turn. */
  const clock = (...times: number[]) => () => times.shift() ?? Infinity;

  test("on a terminal, once a second has passed: \\r<rubric>: done/total, at most every 100 ms, and a line break at the end", () => {
    const err: string[] = [];
    // start 0; 999 ms: too early; 1000: shown; 1050: within 100 ms of the last, skipped; 1100: shown; 1120: the last (done = total), shown.
    const p = progressReporter({ isTty: true, err: (t) => err.push(t), now: clock(0, 999, 1000, 1050, 1100, 1120) });
    for (const done of [10, 20, 30, 40, 50]) p.onProgress!(done, done === 50 ? 50 : 60, "r");
    p.end();
    expect(err).toEqual(["\rr: 20/60", "\rr: 40/60", "\rr: 50/50", "\n"]);
    expect(PROGRESS_AFTER_MS).toBe(1000);
  });

  test("a run shorter than a second prints nothing, not even the line break", () => {
    const err: string[] = [];
    const p = progressReporter({ isTty: true, err: (t) => err.push(t), now: clock(0, 500, 999) });
    p.onProgress!(1, 2, "r");
    p.onProgress!(2, 2, "r");
    p.end();
    expect(err).toEqual([]);
  });

  test("never when stderr is not a terminal, never with --quiet", () => {
    expect(progressReporter({ isTty: false, err: () => {}, now: clock(0, 5000) }).onProgress).toBeUndefined();
    expect(progressReporter({ isTty: true, quiet: true, err: () => {}, now: clock(0, 5000) }).onProgress).toBeUndefined();
    // The CLI on a "terminal" with --quiet: stderr stays empty.
    let t = 0;
    const r = cli(["score", CHN, "--format", "json", "--quiet"], { io: { isTty: true, now: () => (t += 2000) } });
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
  });
});
