/** The `kaohe` executable: runs the CLI on the process's arguments and streams. */
import { readFileSync } from "node:fs";
import { main } from "./main.js";

process.exitCode = main(process.argv.slice(2), {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(t.endsWith("\n") || t.startsWith("\r") ? t : `${t}\n`),
  stdin: () => readFileSync(0),
  isTty: Boolean(process.stderr.isTTY),
});
