/**
 * The results workbook in a real spreadsheet program: LibreOffice Calc, headless,
 * converts every sheet of `kaohe score --format xlsx` to CSV, and the cells it shows
 * must be the scores, grades, items and counts of `kaohe score --format json`.
 *
 *   npx tsx scripts/xlsx-check.ts [rubrics/<folder> ...]     (default: every bundled scheme)
 *
 * Run by scripts/xlsx-check.sh (npm run xlsx:check), which builds dist/ first. Needs
 * soffice (Debian: apt-get install -y libreoffice-calc). Fails when soffice exits
 * non-zero, writes anything to stderr beyond the known javaldx notice (LibreOffice
 * looking for Java, which Calc does not need), leaves a sheet unconverted, or shows a
 * value that differs. Also shows that a text cell "=1+1" stays text in LibreOffice
 * (never evaluated), the premise of the workbook's formula-injection rule.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import { findScheme, loadSet } from "../src/cli/load.js";
import { dec, parseDecimal } from "../src/decimal/decimal.js";
import { itemColumns } from "../src/io/score-csv.js";
import { writeWorkbookSync } from "../src/io/xlsx-sync.js";

const root = new URL("..", import.meta.url).pathname;
const CLI = join(root, "dist/cli.js");
/** Export every sheet (the 12th token, -1), cells as shown (the 9th, true), UTF-8 (76), comma, double quote. */
const FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
const NOISE = /javaldx/;
const SHEETS = ["汇总", "逐项得分", "逐项失分", "分布", "共性问题", "问题清单"];

const work = mkdtempSync(join(tmpdir(), "kaohe-xlsx-check-"));
// A profile of its own: no clash with a running LibreOffice or a user's settings.
const profile = `-env:UserInstallation=file://${join(work, "profile")}`;
const failures: string[] = [];
/** Problems printed; the rest are counted. */
const SHOWN = 20;
const fail = (what: string) => {
  failures.push(what);
  if (failures.length <= SHOWN) console.error(`  ✗ ${what}`);
};

/** Convert with soffice; every sheet's CSV, by sheet name. */
function convert(xlsx: string, outdir: string): Map<string, string[][]> {
  const r = spawnSync("soffice", [profile, "--headless", "--convert-to", FILTER, "--outdir", outdir, xlsx], { encoding: "utf8" });
  if (r.error) throw new Error(`cannot run soffice: ${r.error.message} (Debian: apt-get install -y libreoffice-calc)`);
  const complaints = r.stderr.split("\n").filter((l) => l.trim() !== "" && !NOISE.test(l));
  if (r.status !== 0) fail(`${basename(xlsx)}: soffice exited with ${r.status}: ${r.stderr.trim()}`);
  if (complaints.length) fail(`${basename(xlsx)}: soffice complained: ${complaints.join(" | ")}`);
  const prefix = `${basename(xlsx, ".xlsx")}-`;
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(outdir)) if (f.startsWith(prefix) && f.endsWith(".csv")) sheets.set(f.slice(prefix.length, -4), parse(readFileSync(join(outdir, f), "utf8"), { bom: true, relax_column_count: true }) as string[][]);
  return sheets;
}

interface Unit {
  id: string;
  rank: number | null;
  score: string;
  grade: string | null;
  nodes: { id: string; type: string; points: string; lost: string }[];
}
interface Result {
  rubric: { id: string };
  grades: string[];
  gradeLabels: Record<string, string>;
  units: Unit[];
  summary: { count: number; distribution: Record<string, number> };
}

/** A shown number is the exact value rounded to the places shown: |shown − exact| ≤ ½ unit of the last place. */
function near(shown: string, exact: string): boolean {
  const s = parseDecimal(shown.replace(/%$/, ""));
  if (s === undefined) return false;
  const places = shown.includes(".") ? shown.split(".")[1]!.replace("%", "").length : 0;
  return s.minus(dec(exact)).abs().lte(dec(1).div(10 ** places).div(2));
}

function checkScheme(folder: string): void {
  const before = failures.length;
  const name = basename(folder);
  const xlsx = join(work, `${name}.xlsx`);
  execFileSync(process.execPath, [CLI, "score", folder, "--format", "xlsx", "--out", xlsx]);
  const results = (JSON.parse(execFileSync(process.execPath, [CLI, "score", folder, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 28 })) as { results: Result[] }).results;
  const set = loadSet(findScheme([folder]));
  const outdir = join(work, name);
  const sheets = convert(xlsx, outdir);
  const prefix = (k: number) => (results.length > 1 ? `${k + 1}-` : "");
  const expected = [...results.flatMap((_, k) => SHEETS.map((s) => prefix(k) + s)), "说明"];
  const missing = expected.filter((s) => !sheets.has(s));
  if (missing.length) fail(`${name}: sheets not converted: ${missing.join(", ")}`);
  let cells = 0;
  results.forEach((result, k) => {
    const summary = sheets.get(`${prefix(k)}汇总`);
    const items = sheets.get(`${prefix(k)}逐项得分`);
    const dist = sheets.get(`${prefix(k)}分布`);
    if (!summary || !items || !dist) return;
    // 汇总: row 1 title, row 2 header; 排名, 编号 and 得分 (as shown: the score string itself), 等次 by label.
    const head = summary[1]!;
    const col = (h: string) => head.indexOf(h);
    result.units.forEach((u, i) => {
      const row = summary[i + 2] ?? [];
      const want = [u.rank === null ? "" : String(u.rank), u.id, u.score, u.grade === null ? "—" : result.gradeLabels[u.grade]!];
      const got = [row[col("排名")], row[col("编号")], row[col("得分")], row[col("等次")]];
      if (JSON.stringify(got) !== JSON.stringify(want)) fail(`${name} ${prefix(k)}汇总 row ${i + 3}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
      cells += 4;
    });
    // 逐项得分: one column per item of the rubric, headed by its label; the shown points
    // round the exact points; an item that does not apply to the subject is empty.
    const rubric = set.rubrics.find((r) => r.id === result.rubric.id)!;
    const columns = itemColumns([rubric]);
    const itemHead = items[1]!;
    const first = itemHead.indexOf("得分") + 1;
    const headers = itemHead.slice(first);
    if (JSON.stringify(headers) !== JSON.stringify(columns.map((c) => c.header))) fail(`${name} ${prefix(k)}逐项得分 header: ${JSON.stringify(headers)}`);
    result.units.forEach((u, i) => {
      const row = items[i + 2] ?? [];
      if (row[1] !== u.id) return fail(`${name} ${prefix(k)}逐项得分 row ${i + 3}: id ${row[1]}, expected ${u.id}`);
      const nodes = new Map(u.nodes.map((n) => [n.id, n]));
      columns.forEach((c, j) => {
        const shown = row[first + j] ?? "";
        const node = nodes.get(c.item);
        if (node ? !near(shown, node.points) : shown !== "") fail(`${name} ${prefix(k)}逐项得分 ${u.id} item ${c.item}: shown ${JSON.stringify(shown)}, exact ${node?.points ?? "(does not apply)"}`);
        cells++;
      });
    });
    // 分布: the 全部 row's counts are the summary's distribution.
    const all = dist.find((r) => r[0] === "全部") ?? [];
    result.grades.forEach((g, j) => {
      if (all[j + 1] !== String(result.summary.distribution[g])) fail(`${name} ${prefix(k)}分布 ${result.gradeLabels[g]}: ${all[j + 1]}, expected ${result.summary.distribution[g]}`);
      cells++;
    });
  });
  const problems = failures.length - before;
  console.log(`  ${problems ? "✗" : "✓"} ${name}: ${sheets.size} sheets converted, ${cells} cells compared${problems ? `, ${problems} differ` : ", all match"}`);
}

/** A text cell "=1+1" (no apostrophe) as LibreOffice sees it: text, never 2. */
function checkTextFormula(): void {
  const xlsx = join(work, "text-formula.xlsx");
  writeFileSync(xlsx, writeWorkbookSync({ creator: "kaohe", sheets: [{ name: "S", columns: [{ header: "a", width: 8 }], rows: [["=1+1"], ["'=1+1"]], freezeColumns: 0 }] }));
  const csv = convert(xlsx, join(work, "text-formula")).get("S");
  const cells = (csv ?? []).map((r) => r[0]);
  if (JSON.stringify(cells) !== JSON.stringify(["a", "=1+1", "'=1+1"])) fail(`text-formula.xlsx: LibreOffice shows ${JSON.stringify(cells)}, expected the texts ["a", "=1+1", "'=1+1"]`);
  else console.log('  ✓ a text cell "=1+1" stays text in LibreOffice (it is not evaluated to 2)');
}

const args = process.argv.slice(2);
const folders = args.length ? args : readdirSync(join(root, "rubrics")).map((f) => join(root, "rubrics", f)).filter((f) => existsSync(join(f, "example.csv")));
console.log(`LibreOffice: ${execFileSync("soffice", ["--version"], { encoding: "utf8" }).trim()}`);
try {
  for (const f of folders) checkScheme(f);
  checkTextFormula();
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`xlsx check: ${failures.length} problem(s)${failures.length > SHOWN ? ` (the first ${SHOWN} shown)` : ""}`);
  process.exit(1);
}
console.log("xlsx check: every workbook converted without complaint and its values match");
