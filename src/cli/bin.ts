/** The `kaohe` executable: runs the CLI on the process's arguments and streams. */
import { readFileSync } from "node:fs";
import { main } from "./main.js";

// A reader that stops early (`kaohe score … | head`) closes the pipe: exit quietly,
// as eslint and prettier do, instead of an unhandled EPIPE error.
for (const stream of [process.stdout, process.stderr]) {
  // Any other error of an output stream cannot be reported on it either: exit 1.
  stream.on("error", (e: NodeJS.ErrnoException) => process.exit(e.code === "EPIPE" ? (process.exitCode ?? 0) : 1));
}

try {
  process.exitCode = main(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    write: (t) => process.stdout.write(t),
    writeFd: 1,
    err: (t) => process.stderr.write(t.endsWith("\n") || t.startsWith("\r") ? t : `${t}\n`),
    stdin: () => readFileSync(0),
    isTty: Boolean(process.stderr.isTTY),
    env: process.env,
  });
} catch (e) {
  // main reports every error itself; this is the last guard against a stack trace.
  if ((e as NodeJS.ErrnoException | null)?.code !== "EPIPE") {
    process.stderr.write(`kaohe: internal error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)} (please report it)\n`);
    process.exitCode = 1;
  }
}
