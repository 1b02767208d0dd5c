/**
 * The built CLI (dist/cli.js, as a child process) on broken files, bad options and
 * hostile environments: always a one-line cause on stderr and the right exit code,
 * never a stack trace. `npm test` builds dist first.
 */
import { spawn, spawnSync, type SpawnOptions } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { safeCell } from "../../src/cli/csv.js";
import { main } from "../../src/cli/main.js";
import { CliError } from "../../src/cli/errors.js";
import { say } from "../../src/cli/messages.js";
import { writeFileAtomic, type WriteFs } from "../../src/cli/write.js";
import * as fs from "node:fs";
import { loadRubric, safeAssess } from "../../src/index.js";
import { cliPieces, smallRubric } from "./harness.js";
import { WRITE_THREAD_FROM } from "../../src/io/write-thread.js";

const root = new URL("../..", import.meta.url).pathname;
const CLI = join(root, "dist/cli.js");

const RUBRIC = smallRubric();
const DATA = "id,name,a,b\r\nu1,甲,40,45\r\nu2,乙,30,30\r\n";

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** The built CLI as a child process (tests run concurrently: each waits on its own child). */
function run(args: string[], options: SpawnOptions & { input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { input, ...spawnOptions } = options;
    // English whatever the machine's locale (LC_ALL comes first): these tests read the English messages.
    const child = spawn(process.execPath, [CLI, ...args], { ...spawnOptions, env: { ...process.env, LC_ALL: "C", ...spawnOptions.env }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, out, err }));
    child.stdin!.end(input ?? "");
  });
}

/** A bash script (for pipes and ulimit), as a child process. */
function sh(script: string): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn("bash", ["-c", script], { env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, out, err }));
  });
}

/** The CLI in this process (fast): the same main() the binary runs, stderr as the process prints it (each line ends in a line break). */
function cli(args: string[], input = ""): Run {
  const r = cliPieces(args, input);
  return { code: r.code, signal: null, out: r.out.join("\n"), err: r.err.map((e) => `${e}\n`).join("") };
}

/** Exit code and the single stderr line (a stack trace has many lines and "    at "). */
function oneLine(r: Run, code: number): string {
  expect(r.err).not.toMatch(/^\s+at /m);
  const lines = r.err.trimEnd().split("\n");
  expect(lines, r.err).toHaveLength(1);
  expect(r.code, r.err).toBe(code);
  return lines[0]!;
}

function scheme(data: string | Buffer = DATA, name = "d.csv"): { dir: string; rubric: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-cli-"));
  writeFileSync(join(dir, "r.yaml"), RUBRIC);
  writeFileSync(join(dir, name), data);
  return { dir, rubric: join(dir, "r.yaml"), data: join(dir, name) };
}

/** A scheme whose data has WRITE_THREAD_FROM subjects: its JSON is written from a second thread (io/write-thread.ts). */
function large(): ReturnType<typeof scheme> {
  const rows = ["id,name,a,b"];
  for (let i = 0; i < WRITE_THREAD_FROM; i++) rows.push(`u${i},名${i},${i % 51},${(i * 7) % 51}`);
  return scheme(rows.join("\r\n"));
}

/** As root, run as nobody so that permissions apply; otherwise as ourselves. */
const asOther: SpawnOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
/** False only where root cannot run the CLI as nobody (a checkout nobody may not read). */
const permissionsApply = !("uid" in asOther) || spawnSync(process.execPath, [CLI, "--version"], { uid: 65534, gid: 65534 }).status === 0;

describe.concurrent("CSV problems: file:line and the cause in words (CsvError was not a CLI error)", { timeout: 30_000 }, () => {
  test.concurrent.each([
    ["a ragged row", "id,a,b\nu1,40,45\nu2,30\n", ":3: the row has 2 cells, the header has 3"],
    ["a row too wide", "id,a,b\nu1,40,45,9\n", ":2: the row has 4 cells, the header has 3"],
    ["an unterminated quote", 'id,a,b\nu1,"40,45\n', ':2: a quoted cell is never closed (a " opens a cell but no " ends it)'],
    ["a bare quote", 'id,a,b\nu1,4"0,45\n', ':2: a quote (") inside an unquoted cell in column "a"'],
    ["text after a closing quote", 'id,a,b\nu1,"4"0,45\n', ':2: text follows a closing quote in column "a"'],
    ["a ; delimiter", "id;a;b\nu1;40;45\n", ':1: the columns are separated by ";"; kaohe reads comma-separated CSV'],
    ["a tab delimiter", "id\ta\tb\nu1\t40\t45\n", ":1: the columns are separated by tabs; kaohe reads comma-separated CSV"],
  ])("%s", async (_name, csv, cause) => {
    const s = scheme(csv);
    const line = oneLine(await run(["score", s.rubric, s.data]), 1);
    expect(line.startsWith(`kaohe score: ${s.data}${cause}`), line).toBe(true);
  });

  test("a UTF-16 file", async () => {
    const s = scheme(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DATA, "utf16le")]));
    expect(oneLine(await run(["score", s.rubric, s.data]), 1)).toBe(`kaohe score: ${s.data}: the file is UTF-16 (Excel "Unicode Text"); save it as "CSV UTF-8 (Comma delimited)"`);
  });

  test("a UTF-16 file without byte-order mark: its NUL bytes are named", async () => {
    const s = scheme(Buffer.from(DATA, "utf16le"));
    // "i" then NUL: the first NUL is byte 1.
    expect(oneLine(await run(["score", s.rubric, s.data]), 1)).toContain(`${s.data}: NUL byte at byte offset 1`);
  });
});

describe.concurrent("--out failures and atomic writes", { timeout: 30_000 }, () => {
  test.concurrent.each([
    ["a missing folder", (d: string) => join(d, "nope", "out.csv"), (d: string) => `cannot write ${join(d, "nope", "out.csv")}: the folder ${join(d, "nope")} does not exist`],
    ["a folder", (d: string) => d, (d: string) => `cannot write ${d}: it is a folder`],
    ["a path under a file", (d: string) => join(d, "d.csv", "out.csv"), (d: string) => `cannot write ${join(d, "d.csv", "out.csv")}: d.csv is a file, not a folder`],
  ])("%s", async (_name, out, cause) => {
    const s = scheme();
    expect(oneLine(await run(["score", s.rubric, s.data, "--out", out(s.dir)]), 1)).toBe(`kaohe score: ${cause(s.dir)}`);
  });

  test.skipIf(!permissionsApply)("permission denied", async () => {
    const s = scheme();
    const locked = join(s.dir, "locked");
    mkdirSync(locked);
    chmodSync(s.dir, 0o755);
    chmodSync(locked, 0o555);
    expect(oneLine(await run(["score", s.rubric, s.data, "--out", join(locked, "out.csv")], asOther), 1)).toBe(
      `kaohe score: cannot write ${join(locked, "out.csv")}: permission denied in the folder ${locked}`,
    );
  });

  test("a write killed half-way leaves the previous file whole (was truncated to a partial file)", async () => {
    // ulimit -f 1 lets the process write 1 KiB to any file, then kills it (SIGXFSZ):
    // the JSON of two subjects with their nodes is longer (about 5 KB).
    // The large scheme's document is written from the writer thread: the same holds.
    for (const s of [scheme(), large()]) {
      const out = join(s.dir, "out.json");
      writeFileSync(out, "previous good output\n");
      const r = await sh(`ulimit -f 1; exec "${process.execPath}" "${CLI}" score "${s.rubric}" "${s.data}" --format json --out "${out}"`);
      expect(r.code === 0).toBe(false);
      expect(readFileSync(out, "utf8")).toBe("previous good output\n");
    }
  });

  test("writeFileAtomic: a failing write keeps the old file and removes its temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-write-"));
    const target = join(dir, "out.csv");
    writeFileSync(target, "old");
    let writes = 0;
    const failing: WriteFs = {
      ...fs,
      writeSync: ((fd: number, buffer: Buffer, offset: number) => {
        if (++writes > 1) throw Object.assign(new Error("no space"), { code: "ENOSPC" });
        return fs.writeSync(fd, buffer, offset, 3); // the first call writes 3 bytes only
      }) as WriteFs["writeSync"],
    };
    let thrown: unknown;
    try {
      writeFileAtomic(target, "new content", failing);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).message).toBe(`cannot write ${target}: no space left on the device`);
    expect(say((thrown as CliError).text, "zh-CN")).toBe(`无法写入 ${target}：磁盘空间不足`);
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
    writeFileAtomic(target, "new content");
    expect(readFileSync(target, "utf8")).toBe("new content");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  test("a successful --out replaces the file and keeps its permissions", async () => {
    const s = scheme();
    const out = join(s.dir, "out.csv");
    writeFileSync(out, "old");
    chmodSync(out, 0o640);
    const r = await run(["score", s.rubric, s.data, "--format", "csv", "--out", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^\ufeffrubric,rank,id,name,score/);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(s.dir).sort()).toEqual(["d.csv", "out.csv", "r.yaml"]);
  });
});

describe.concurrent("the environment", { timeout: 30_000 }, () => {
  test("piped into a reader that stops early (head): exit 0, nothing on stderr (was an EPIPE stack trace)", async () => {
    // `true` exits without reading: every write of the CLI meets a closed pipe.
    const r = await sh(`set -o pipefail; "${process.execPath}" "${CLI}" schema | true`);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  test("a large document piped into a reader that stops early: exit 0, nothing on stderr", async () => {
    const s = large();
    const r = await sh(`set -o pipefail; "${process.execPath}" "${CLI}" score "${s.rubric}" "${s.data}" --format ndjson | head -c 100`);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\{"type":"unit","rubric":"small"/);
  });

  test("a large document to a full disk (/dev/full): the cause on one line, exit 1", async () => {
    const s = large();
    const r = await sh(`"${process.execPath}" "${CLI}" score "${s.rubric}" "${s.data}" --format json > /dev/full`);
    expect(oneLine(r, 1)).toBe("kaohe score: ENOSPC: no space left on device, write");
  });

  test("a folder named like a YAML file inside a scheme folder (EISDIR)", async () => {
    const s = scheme();
    mkdirSync(join(s.dir, "old.yaml"));
    expect(oneLine(await run(["validate", s.dir]), 1)).toBe(`kaohe validate: cannot read ${join(s.dir, "old.yaml")}: it is a folder, not a file`);
  });

  test.skipIf(!permissionsApply)("an unreadable YAML file inside a scheme folder (EACCES)", async () => {
    const s = scheme();
    chmodSync(s.dir, 0o755);
    writeFileSync(join(s.dir, "secret.yaml"), RUBRIC);
    chmodSync(join(s.dir, "secret.yaml"), 0o000);
    expect(oneLine(await run(["validate", s.dir], asOther), 1)).toBe(`kaohe validate: cannot read ${join(s.dir, "secret.yaml")}: permission denied`);
  });

  test.skipIf(!permissionsApply)("an unreadable scheme folder (EACCES)", async () => {
    const s = scheme();
    chmodSync(s.dir, 0o700);
    expect(oneLine(await run(["validate", s.dir], asOther), 1)).toBe(`kaohe validate: cannot list the folder ${s.dir}: permission denied`);
  });

  test("--common abc (was TypeError: kaohe internal: not a decimal)", async () => {
    const s = scheme();
    expect(oneLine(await run(["score", s.rubric, s.data, "--common", "abc"]), 2)).toBe("kaohe score: --common must be a share from 0% to 100% (e.g. 30% or 0.3), got abc");
  });

  test("a rubric that is not UTF-8: YAML_NOT_UTF8 with the byte offset (was read as GBK and said ok)", async () => {
    const s = scheme();
    // "name: 小型测试" → "name: 好" in GBK (BA C3); the bytes before: "kaohe: 1\nid: small\nname: " = 9 + 10 + 6 = 25.
    writeFileSync(s.rubric, Buffer.concat([Buffer.from(RUBRIC.slice(0, RUBRIC.indexOf("小"))), iconv.encode("好", "gbk"), Buffer.from(RUBRIC.slice(RUBRIC.indexOf("\nyear")))]));
    const r = await run(["validate", s.rubric]);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[0]).toBe(`${s.rubric}:3:7  YAML_NOT_UTF8  the file is not valid UTF-8: byte 0xBA at byte offset 25; save the rubric as UTF-8`);
  });
});

describe("option values", () => {
  test.each([
    ["abc", "abc"],
    ["200%", "200%"],
    ["-5%", "-5%"],
    ["1.5", "1.5"],
  ])("--common %s is refused (was a TypeError or accepted)", (value, shown) => {
    const s = scheme();
    expect(oneLine(cli(["score", s.rubric, s.data, `--common=${value}`]), 2)).toBe(`kaohe score: --common must be a share from 0% to 100% (e.g. 30% or 0.3), got ${shown}`);
  });

  test.each(["0%", "100%", "0", "1", "0.3"])("--common %s is accepted", (value) => {
    const s = scheme();
    // --common shapes the JSON feedback (with the table format it does not apply).
    expect(cli(["score", s.rubric, s.data, "--format", "json", `--common=${value}`]).code).toBe(0);
  });

  test.each([
    ["''", ""],
    ["0x2", "0x2"],
    ["0", "0"],
    ["-1", "-1"],
    ["1e1", "1e1"],
    ["2.0", "2.0"],
  ])("draw --count %s is refused (a positive whole decimal number only)", (_name, value) => {
    const s = scheme();
    expect(oneLine(cli(["draw", s.data, `--count=${value}`, "--seed", "x"]), 2)).toBe(`kaohe draw: give --count N (a whole number, at least 1), got "${value}"`);
  });

  test("draw --count 1 draws one", () => {
    const s = scheme();
    const r = cli(["draw", s.data, "--count", "1", "--seed", "x", "--format", "json"]);
    expect(JSON.parse(r.out).selected).toHaveLength(1);
  });

  test.each(["0x2", "", "1.5"])("--problems %j is refused", (value) => {
    const s = scheme();
    expect(oneLine(cli(["score", s.rubric, s.data, `--problems=${value}`]), 2)).toBe(`kaohe score: --problems must be a whole number, got "${value}"`);
  });

  test("--out with an empty name is a usage error", () => {
    const s = scheme();
    expect(oneLine(cli(["score", s.rubric, s.data, "--out="]), 2)).toBe("kaohe score: --out needs a file name");
  });

  test("a path that does not exist is named as such, whatever its name", () => {
    const s = scheme();
    expect(oneLine(cli(["score", join(s.dir, "typo"), s.data]), 1)).toBe(`kaohe score: cannot open ${join(s.dir, "typo")}: no such file or folder`);
    expect(oneLine(cli(["score", s.rubric, join(s.dir, "missing.csv")]), 1)).toBe(`kaohe score: cannot open ${join(s.dir, "missing.csv")}: no such file or folder`);
    expect(oneLine(cli(["draw", join(s.dir, "missing.csv"), "--count", "1", "--seed", "x"]), 1)).toBe(`kaohe draw: cannot read ${join(s.dir, "missing.csv")}: no such file or folder`);
  });

  test("an unexpected exception inside a command is one line too, never a trace", () => {
    const run = (error: Error) => {
      const err: string[] = [];
      const code = main(["schema"], { out: () => { throw error; }, err: (t) => err.push(t), stdin: () => Buffer.from(""), isTty: false });
      return { code, err };
    };
    expect(run(new TypeError("boom\n    at somewhere"))).toEqual({ code: 1, err: ["kaohe schema: internal error: boom (please report it)"] });
    expect(run(Object.assign(new Error("EIO: i/o error, write"), { code: "EIO" }))).toEqual({ code: 1, err: ["kaohe schema: EIO: i/o error, write"] });
  });

  test("schema takes no argument", () => {
    expect(oneLine(cli(["schema", "foo"]), 2)).toBe("kaohe schema: schema takes no arguments, got foo; see --help");
  });
});

describe("files named as users name them", () => {
  test("empty stdin is an error (was exit 0 with 0 subjects)", () => {
    const s = scheme();
    expect(oneLine(cli(["score", s.rubric, "-"], ""), 1)).toBe("kaohe score: stdin: no data (it is empty)");
  });

  test("a header without rows, and an empty JSON list, are errors", () => {
    const s = scheme("id,a,b\r\n");
    expect(oneLine(cli(["score", s.rubric, s.data]), 1)).toBe(`kaohe score: ${s.data}: no subjects (a header but no rows)`);
    expect(oneLine(cli(["score", s.rubric, "-"], "[]"), 1)).toBe("kaohe score: stdin: no subjects (the list is empty)");
  });

  test("an explicitly named R.YAML is a rubric (the extension's case does not matter)", () => {
    const s = scheme();
    writeFileSync(join(s.dir, "R.YAML"), RUBRIC);
    const r = cli(["validate", join(s.dir, "R.YAML")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("ok: small");
    expect(cli(["score", join(s.dir, "R.YAML"), s.data]).code).toBe(0);
  });

  test.each([
    ["data.txt holding CSV", "data.txt", DATA],
    ["a CSV file without extension", "data", DATA],
    ["a .txt file holding JSON", "subjects.txt", JSON.stringify([{ id: "u1", name: "甲", a: 40, b: 45 }, { id: "u2", name: "乙", a: 30, b: 30 }])],
  ])("%s is read by its content (was 'give a data file')", (_name, file, content) => {
    const s = scheme(content, file);
    const r = cli(["score", s.rubric, s.data, "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    // u1: 40 + 45 = 85 ≥ 80 good; u2: 30 + 30 = 60 poor.
    expect(JSON.parse(r.out).results[0].units.map((u: { id: string; score: string; grade: string }) => `${u.id} ${u.score} ${u.grade}`)).toEqual(["u1 85 good", "u2 60 poor"]);
  });
});

describe("data encodings", () => {
  test("GBK is used only when the whole file decodes as GBK, and stderr says so", () => {
    const s = scheme(iconv.encode(DATA, "gbk"));
    const r = cli(["score", s.rubric, s.data, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`note: ${s.data} is not UTF-8; read as GBK\n`);
    expect(JSON.parse(r.out).results[0].units.map((u: { name: string }) => u.name)).toEqual(["甲", "乙"]);
  });

  test("UTF-8 data prints no note", () => {
    const s = scheme();
    expect(cli(["score", s.rubric, s.data]).err).toBe("");
  });

  test("a Latin-1 é before a comma: an error with the byte offset, the comma is not swallowed", () => {
    // "id,name,a,b\nu1,Caf" is 12 + 6 = 18 bytes; then é (E9) and ",40,45".
    const bytes = Buffer.concat([Buffer.from("id,name,a,b\nu1,Caf"), Buffer.from([0xe9]), Buffer.from(",40,45\n")]);
    const s = scheme(bytes);
    expect(oneLine(cli(["score", s.rubric, s.data]), 1)).toBe(
      `kaohe score: ${s.data}: the file is not UTF-8 (byte 0xE9 at byte offset 18) and not GBK (byte 0xE9 at byte offset 18); save it as "CSV UTF-8"`,
    );
  });

  test("UTF-8 with one GBK character: neither encoding reads the whole file", () => {
    // "甲" in UTF-8 is 3 bytes: valid GBK pairs do not line up with it.
    const bytes = Buffer.concat([Buffer.from("id,name,a,b\nu1,甲,40,45\nu2,"), iconv.encode("乙", "gbk"), Buffer.from(",30,30\n")]);
    const s = scheme(bytes);
    const line = oneLine(cli(["score", s.rubric, s.data]), 1);
    // "id,name,a,b\n" 12 + "u1,甲,40,45\n" (3 + 3 + 7) 13 + "u2," 3 = 28.
    expect(line).toContain("not UTF-8 (byte 0xD2 at byte offset 28) and not GBK");
  });

  test("a UTF-8 BOM on bytes that are not UTF-8", () => {
    const s = scheme(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("id,a,b\nu1,"), Buffer.from([0xff]), Buffer.from(",1\n")]));
    // BOM 3 + "id,a,b\nu1," 10 = 13.
    expect(oneLine(cli(["score", s.rubric, s.data]), 1)).toBe(`kaohe score: ${s.data}: the file starts with a UTF-8 byte-order mark but is not UTF-8 (byte 0xFF at byte offset 13)`);
  });
});

describe("formula injection (OWASP): neutralised after leading whitespace", () => {
  test.each([
    [" =1+1", "' =1+1"],
    ["  +1", "'  +1"],
    [" -2+3", "' -2+3"],
    [" @cmd", "' @cmd"],
    ["\u3000=1", "'\u3000=1"],
    ["\n=1", "'\n=1"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["=1", "'=1"],
    [" 1", " 1"],
    ["-12.5", "-12.5"],
    ["a =1", "a =1"],
  ])("%j → %j", (cell, expected) => {
    expect(safeCell(cell)).toBe(expected);
  });

  test("a subject named ' =1+1' is neutralised in CSV output", () => {
    const s = scheme('id,name,a,b\r\nu1," =1+1",40,45\r\n');
    const r = cli(["score", s.rubric, s.data, "--format", "csv"]);
    expect(r.out.split("\r\n")[1]).toBe("small,1,u1,' =1+1,85,good,好,good,,");
  });
});

test("a JSON unit of the CLI has exactly the keys of the library's unit, nodes only with --detail (README: excluded on each unit)", () => {
  const s = scheme();
  const cliUnit = JSON.parse(cli(["score", s.rubric, s.data, "--format", "json", "--detail"]).out).results[0].units[0];
  const lib = safeAssess(loadRubric(RUBRIC), [{ id: "u1", name: "甲", a: 40, b: 45 }]);
  const libUnit = lib.ok ? lib.value.results[0]!.units[0]! : {};
  expect(Object.keys(cliUnit).sort()).toEqual(Object.keys(libUnit).sort());
  // Without --detail: the same keys in the same order, but no nodes.
  const plainUnit = JSON.parse(cli(["score", s.rubric, s.data, "--format", "json"]).out).results[0].units[0];
  expect(Object.keys(plainUnit)).toEqual(Object.keys(libUnit).filter((k) => k !== "nodes"));
  expect(cliUnit.excluded).toBe(false);
  expect(Object.keys(cliUnit)).toContain("excluded");
});

describe("files that are not regular files", () => {
  test("validate on a FIFO is refused at once instead of blocking for a writer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-fifo-"));
    const fifo = join(dir, "r.yaml");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = await run(["validate", fifo]);
    expect(oneLine(r, 1)).toBe(`kaohe validate: cannot read ${fifo}: not a regular file (a rubric is a .yaml file)`);
  });
});
