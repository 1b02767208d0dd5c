/**
 * Run a command in a child process with a time limit, measuring its wall time and its
 * peak resident set size from outside: /proc/<pid>/status VmHWM, polled (it survives a
 * kill or a crash), and the child's own maxRSS at exit when the rss-hook preload can
 * report it. Linux only for the polling; elsewhere only the hook's figure is known.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";

export interface ChildRun {
  readonly ok: boolean;
  readonly wallMs: number;
  /** Peak RSS in bytes, or undefined when it could not be measured. */
  readonly peakRss?: number;
  /** Why it did not complete: "time limit 600 s", "exit 134: FATAL ERROR: ... heap out of memory", ... */
  readonly failure?: string;
}

function vmHwm(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `command args`; stdout goes to `stdoutFile` (the output is measured, not kept in memory). */
export function runChild(command: string, args: readonly string[], options: { timeoutMs: number; stdoutFile: string; pollMs?: number }): Promise<ChildRun> {
  return new Promise((resolve) => {
    const out = openSync(options.stdoutFile, "w");
    const started = performance.now();
    const child = spawn(command, args, { stdio: ["ignore", out, "pipe"] });
    let peak = 0;
    let stderr = "";
    let timedOut = false;
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    const poll = setInterval(() => {
      const v = child.pid !== undefined ? vmHwm(child.pid) : undefined;
      if (v !== undefined && v > peak) peak = v;
    }, options.pollMs ?? 50);
    const timer = setTimeout(() => {
      timedOut = true;
      const v = child.pid !== undefined ? vmHwm(child.pid) : undefined;
      if (v !== undefined && v > peak) peak = v;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.on("close", (code, signal) => {
      const wallMs = performance.now() - started;
      clearInterval(poll);
      clearTimeout(timer);
      closeSync(out);
      const hook = /KAOHE_BENCH_MAXRSS_KB=(\d+)/.exec(stderr)?.[1];
      if (hook !== undefined) peak = Math.max(peak, Number(hook) * 1024);
      // The line that says why: V8's fatal error (out of memory), else the last error line, else the last line.
      const lines = stderr
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("KAOHE_BENCH"));
      const lastLine = lines.find((l) => l.includes("FATAL ERROR")) ?? lines.filter((l) => /error/i.test(l)).slice(-1)[0] ?? lines.slice(-1)[0];
      const failure = timedOut
        ? `time limit ${Math.round(options.timeoutMs / 1000)} s`
        : code === 0
          ? undefined
          : `exit ${code ?? signal}${lastLine ? `: ${lastLine.slice(0, 200)}` : ""}`;
      resolve({ ok: failure === undefined, wallMs, ...(peak > 0 ? { peakRss: peak } : {}), ...(failure ? { failure } : {}) });
    });
  });
}
