/**
 * The CLI's own costs on the 71-item job, measured apart from the engine (issue 9 §5):
 * run in a child process by bench.ts (`--io-part N data.csv rubric.yaml out.json`), so
 * its peak RSS is its own. Prints one JSON line on stdout:
 *
 * - read: the file's bytes checked and scanned into a table (what `kaohe score` does:
 *   a UTF-8 file is scanned as bytes, never decoded whole);
 *   with the mode `csv-parse`, csv-parse on the same text instead (records only), for
 *   comparison, in a child of its own;
 * - boundary: checkSubjects (ids, columns, folding) and prepareSubjects (every value
 *   checked and parsed) for every subject;
 * - write: the default JSON document (units without nodes, no feedback) and the NDJSON
 *   lines of all N subjects, streamed to a file, from a result scored beforehand with
 *   trail "none" and its units unread, as the CLI writes them (quiet units from the
 *   result's tables); the scoring's time is not in this figure.
 */
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { loadRubric } from "../src/index.js";
import { assess } from "../src/kaohe.js";
import { checkEncoding, decodeText, readCsvBytes, readCsvTable } from "../src/cli/csv.js";
import { checkSubjects } from "../src/engine/subject-data.js";
import { prepareSubjects } from "../src/engine/prepare.js";
import { scaledAt } from "../src/engine/input-table.js";
import { writeScoreJson, writeScoreNdjson } from "../src/io/json-write.js";
import type { Issue } from "../src/diagnostics/issue.js";

/** Wall time and CPU time (user + system) of `fn`: on a shared machine the CPU time is the steadier figure. */
const time = <T>(fn: () => T): { ms: number; cpuMs: number; value: T } => {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(c);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, value };
};

export function ioPart(args: readonly string[]): void {
  const [sizeText, csvFile, rubricFile, outFile, mode] = args;
  const n = Number(sizeText);
  if (mode === "csv-parse") {
    // csv-parse on the same text, records only (what the CLI used before the scanner): in a child of its own, for its RSS.
    const text = decodeText(readFileSync(csvFile!), csvFile).text;
    const parsed = time(() => (parse(text, { skip_empty_lines: true, relax_column_count: false, trim: false, bom: true }) as string[][]).length);
    process.stdout.write(`${JSON.stringify({ records: parsed.value, csvParseMs: parsed.ms, csvParseCpuMs: parsed.cpuMs })}\n`);
    return;
  }
  const rubric = loadRubric(readFileSync(rubricFile!, "utf8"), { file: rubricFile! });
  // What `kaohe score` does with a CSV file (cli/load.ts readData): UTF-8 checked and scanned as bytes, GBK decoded and scanned as text.
  const read = time(() => {
    const checked = checkEncoding(readFileSync(csvFile!), csvFile);
    return checked.encoding === "utf-8" ? readCsvBytes(checked.bytes, csvFile!) : readCsvTable(checked.text, csvFile!);
  });
  const table = read.value;
  const rssAfterRead = process.memoryUsage().rss;
  const check = time(() => checkSubjects(table, [rubric]));
  const issues: Issue[] = [];
  // The input table alone: reading every value back as a Dec (s.values) would time a million Dec allocations the engine never makes.
  const prepare = time(() => prepareSubjects(check.value.subjects, rubric, issues));
  // Values held, counted from the columns (outside the timing).
  let values = 0;
  for (const c of prepare.value.inputs.columns)
    for (let i = 0; i < prepare.value.inputs.rows; i++) {
      const x = c.scaled === undefined ? Number.NaN : scaledAt(c, i);
      if (x === x || (c.codes !== undefined && c.codes[i]! >= 0) || c.values?.[i] !== undefined) values++;
    }
  // Write: the scored result of all N subjects (trail "none", units unread), as `kaohe score --format json` writes it by default
  // (no nodes, no feedback): quiet units straight from the result's tables. The scoring itself is outside the timing.
  const scored = assess(rubric, table, { trail: "none" }).results[0]!;
  const writeTo = (writer: typeof writeScoreJson) =>
    time(() => {
      const fd = openSync(outFile!, "w");
      let bytes = 0;
      writer([{ rubric, result: scored }], { nodes: false, feedback: "none" }, (chunk) => {
        bytes += chunk.length;
        writeSync(fd, chunk);
      });
      closeSync(fd);
      return bytes;
    });
  const json = writeTo(writeScoreJson);
  const ndjson = writeTo(writeScoreNdjson);
  process.stdout.write(
    `${JSON.stringify({
      subjects: table.length,
      cpuMs: { read: read.cpuMs, check: check.cpuMs, prepare: prepare.cpuMs, writeJson: json.cpuMs, writeNdjson: ndjson.cpuMs },
      readMs: read.ms,
      checkMs: check.ms,
      prepareMs: prepare.ms,
      boundaryMs: check.ms + prepare.ms,
      values,
      issues: check.value.issues.length + issues.length,
      writeJsonMs: json.ms,
      jsonBytes: json.value,
      writeNdjsonMs: ndjson.ms,
      ndjsonBytes: ndjson.value,
      rssAfterReadBytes: rssAfterRead,
    })}\n`,
  );
}
