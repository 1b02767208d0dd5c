/**
 * The CLI run in-process with its output captured: what the CLI tests share. stdout
 * pieces are joined with line breaks as `main` gives them (`out`), stderr lines too
 * (`err`); `cliPieces` gives them one by one.
 */
import { main, type Io } from "../../src/cli/main.js";

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** How a test runs the CLI: text on stdin, the locale environment, or any other part of Io. */
export interface CliOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string>;
  readonly io?: Partial<Io>;
}

/** Run `kaohe <args>`; a string second argument is the text on stdin. */
export function cli(args: readonly string[], options: string | CliOptions = {}): CliRun {
  const r = cliPieces(args, options);
  return { code: r.code, out: r.out.join("\n"), err: r.err.join("\n") };
}

/** As {@link cli}, with each piece written to stdout and each line written to stderr. */
export function cliPieces(args: readonly string[], options: string | CliOptions = {}): { code: number; out: readonly string[]; err: readonly string[] } {
  const { stdin = "", env, io } = typeof options === "string" ? { stdin: options } : options;
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: () => Buffer.from(stdin),
    isTty: false,
    ...(env ? { env } : {}),
    ...io,
  });
  return { code, out, err };
}

/**
 * The two-item rubric the CLI tests share: 好 from 80, else 差; items 学习 (a) and 组织 (b)
 * of 50 each. The root declares `max: 100` unless `max: false` (then it loads with the
 * warning ROOT_MAX_UNDECLARED); `tail` is appended (rules, tests).
 */
export function smallRubric(options: { max?: boolean; tail?: string } = {}): string {
  return [
    "kaohe: 1",
    "id: small",
    "name: 小型测试",
    "year: 2024",
    'version: "1"',
    "grades:",
    "  - { id: good, label: 好, min: 80 }",
    "  - { id: poor, label: 差 }",
    "scoring:",
    ...(options.max === false ? [] : ["  max: 100"]),
    "  children:",
    "    - { id: a, label: 学习, kind: input, max: 50 }",
    "    - { id: b, label: 组织, kind: input, max: 50 }",
    "",
  ].join("\n") + (options.tail ?? "");
}
