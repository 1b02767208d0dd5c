/**
 * The printable report in a real browser: `npm run report:check`.
 *
 * Builds the CHN Energy and Gansu reports with `kaohe report`, opens each in headless
 * Chromium (Debian's `chromium` package, driven by puppeteer-core; no browser download)
 * with JavaScript off and every request but the file itself refused, and asserts:
 * - nothing was fetched (the file is self-contained) and no script was needed;
 * - every chart has drawn paths (SVG <path> elements with a non-empty d), and no chart
 *   text runs outside its SVG;
 * - no text overflows its box (scrollWidth > clientWidth), on screen and in print;
 * - the PDF has exactly one page per unit plus the front pages (cover, ranking, groups,
 *   共性问题, counted from a PDF of the front alone), so every 反馈单 fits on one A4 page.
 * Screenshots (PNG) go to docs/screenshots/ (the README shows them), the reports and
 * their PDFs to the temporary folder printed at the end.
 *
 * Needs: apt-get install -y chromium fonts-noto-cjk (a CJK font, or Chinese renders as boxes).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { main } from "../src/cli/main.js";

const root = resolve(import.meta.dirname, "..");
const SCREENSHOTS = join(root, "docs/screenshots");

interface Target {
  readonly name: string;
  readonly folder: string;
  /** Element screenshots to keep (id → file name under docs/screenshots). */
  readonly shots: Readonly<Record<string, string>>;
  /** The rubric to report on, where the folder has several that no other reads. */
  readonly rubric?: string;
}

const TARGETS: readonly Target[] = [
  { name: "chn-energy-2024", folder: "rubrics/chn-energy-2024", shots: { cover: "chn-energy-cover.png", "sheet-88": "chn-energy-sheet.png" } },
  { name: "gansu-organs-2017", folder: "rubrics/gansu-organs-2017", shots: { "sheet-60": "gansu-sheet.png" } },
  // Every other bundled scheme: its cover, so the README shows a report of each.
  { name: "hanzhong-2023", folder: "rubrics/hanzhong-2023", shots: { cover: "hanzhong-cover.png" } },
  { name: "aecc-2022", folder: "rubrics/aecc-2022", shots: { cover: "aecc-cover.png" } },
  { name: "aecc-2022-integrity-points", folder: "rubrics/aecc-2022/integrity-points", shots: { cover: "aecc-integrity-points-cover.png" } },
  { name: "shenghe-branch", folder: "rubrics/shenghe-branch", rubric: "shenghe-party-2024h2", shots: { cover: "shenghe-cover.png" } },
];

function which(command: string): string | undefined {
  try {
    return execFileSync("which", [command], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function cjkFonts(): string[] {
  try {
    return execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

/** Pages of a PDF: its page objects, checked against the page tree's /Count. */
export function pdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString("latin1");
  const pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  const total = counts.length ? Math.max(...counts) : pages;
  if (pages !== total) throw new Error(`PDF page objects (${pages}) and the page tree's /Count (${total}) disagree`);
  return pages;
}

function report(target: Target, out: string): void {
  const err: string[] = [];
  const code = main(["report", join(root, target.folder), "--out", out, ...(target.rubric ? ["--rubric", target.rubric] : [])], { out: () => {}, err: (t) => err.push(t), stdin: () => Buffer.alloc(0), isTty: false });
  if (code !== 0) throw new Error(`kaohe report ${target.folder} failed (${code}): ${err.join("\n")}`);
}

/** Open a file with JS off; every request but the file itself is refused and counted. */
async function open(browser: Browser, file: string): Promise<{ page: Page; refused: string[] }> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setViewport({ width: 900, height: 1200, deviceScaleFactor: 1 });
  const url = `file://${file}`;
  const refused: string[] = [];
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url() === url) void request.continue();
    else {
      refused.push(request.url());
      void request.abort();
    }
  });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  return { page, refused };
}

/** Charts without drawn paths, and chart texts outside their SVG. */
async function chartProblems(page: Page): Promise<{ charts: number; empty: string[]; outside: string[] }> {
  return page.$$eval("[data-chart]", (charts) => {
    const empty: string[] = [];
    const outside: string[] = [];
    for (const chart of charts) {
      const where = `${chart.closest("section")?.id ?? "?"}/${chart.getAttribute("data-chart")}`;
      const svg = chart.querySelector("svg");
      const drawn = [...chart.querySelectorAll("path")].filter((p) => (p.getAttribute("d") ?? "").trim() !== "").length;
      if (!svg || drawn === 0) empty.push(where);
      if (!svg) continue;
      const box = svg.getBoundingClientRect();
      for (const t of svg.querySelectorAll("text")) {
        const r = t.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) outside.push(`${where}: "${t.textContent}"`);
      }
    }
    return { charts: charts.length, empty, outside };
  });
}

/** Text containers whose content is wider than their box. */
async function overflowing(page: Page): Promise<string[]> {
  return page.$$eval("h1, h2, h3, p, li, th, td, .fact, .fact .v, .fact .k, .summary div, .legend, .sub, .org, .box", (elements) =>
    elements
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.closest("section")?.id ?? "?"} <${e.tagName.toLowerCase()}> "${(e.textContent ?? "").slice(0, 40)}" (${e.scrollWidth} > ${e.clientWidth})`),
  );
}

async function check(browser: Browser, target: Target, work: string): Promise<string[]> {
  const failures: string[] = [];
  const file = join(work, `${target.name}.html`);
  const started = performance.now();
  report(target, file);
  const size = readFileSync(file).length;
  const units = (readFileSync(file, "utf8").match(/<section class="page sheet"/g) ?? []).length;
  const { page, refused } = await open(browser, file);
  if (refused.length) failures.push(`${target.name}: ${refused.length} request(s) beyond the file: ${refused.slice(0, 3).join(", ")}`);

  const charts = await chartProblems(page);
  if (charts.charts !== units + 1) failures.push(`${target.name}: ${charts.charts} charts for ${units} units (expected one per 反馈单 and the cover's)`);
  for (const c of charts.empty) failures.push(`${target.name}: chart without drawn paths: ${c}`);
  for (const c of charts.outside) failures.push(`${target.name}: chart text outside its chart: ${c}`);
  for (const media of ["screen", "print"] as const) {
    await page.emulateMediaType(media);
    for (const o of await overflowing(page)) failures.push(`${target.name} (${media}): text overflows: ${o}`);
  }

  // Screenshots (screen media: the paper-like view).
  await page.emulateMediaType("screen");
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [id, name] of Object.entries(target.shots)) {
    const el = await page.$(`#${id}`);
    if (!el) {
      failures.push(`${target.name}: no #${id} to screenshot`);
      continue;
    }
    const box = (await el.boundingBox())!;
    // one A4 page at 96 dpi (794 × 1123 px) at most
    await page.screenshot({ path: join(SCREENSHOTS, name), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1123) }, captureBeyondViewport: true });
  }

  // PDF: the whole report, then the front pages alone.
  await page.emulateMediaType("print");
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, timeout: 300_000 });
  writeFileSync(join(work, `${target.name}.pdf`), pdf);
  await page.addStyleTag({ content: "section.sheet { display: none !important; }" });
  const front = pdfPages(await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, timeout: 300_000 }));
  const total = pdfPages(pdf);
  if (front < 1) failures.push(`${target.name}: no front pages`);
  if (total !== front + units) failures.push(`${target.name}: the PDF has ${total} pages; expected ${front} front page(s) + ${units} 反馈单 = ${front + units}`);
  await page.close();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${target.name}: ${units} units, ${(size / 1024).toFixed(0)} KiB HTML, ${charts.charts} charts drawn, PDF ${total} pages = ${front} front + ${units} 反馈单, ${seconds} s`);
  return failures;
}

async function run(): Promise<number> {
  const chromium = process.env.CHROMIUM ?? which("chromium");
  if (!chromium) {
    console.error("report:check: no chromium (Debian: apt-get install -y chromium fonts-noto-cjk)");
    return 1;
  }
  if (cjkFonts().length === 0) {
    console.error("report:check: no Chinese font (Debian: apt-get install -y fonts-noto-cjk); Chinese would render as boxes");
    return 1;
  }
  const work = mkdtempSync(join(tmpdir(), "kaohe-report-check-"));
  // Chromium can take 20 s or more to start on a busy VM (mostly waiting, not computing): a
  // 30 s limit (puppeteer's default) failed a CI run once. Two minutes, and one more try.
  const launch = () => puppeteer.launch({ executablePath: chromium, headless: true, timeout: 120_000, args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"] });
  const browser = await launch().catch((e: unknown) => {
    console.error(`report:check: chromium did not start (${e instanceof Error ? e.message : String(e)}); trying once more`);
    return launch();
  });
  const failures: string[] = [];
  try {
    for (const target of TARGETS) failures.push(...(await check(browser, target, work)));
  } finally {
    await browser.close();
  }
  console.log(`report:check: reports and PDFs in ${work}; screenshots in docs/screenshots/`);
  for (const f of failures.slice(0, 50)) console.error(`✗ ${f}`);
  if (failures.length > 50) console.error(`… and ${failures.length - 50} more`);
  console.log(failures.length ? `report:check: ${failures.length} failure(s)` : "report:check: ok");
  return failures.length ? 1 : 0;
}

process.exitCode = await run();
