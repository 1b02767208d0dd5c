import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ESM + CJS + declarations for both.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    platform: "node",
  },
  {
    // The CLI and the benchmark: ESM executables, not part of the typed API; and the
    // CLI's .xlsx worker (exceljs in a worker thread, started beside dist/cli.js).
    entry: { cli: "src/cli/bin.ts", bench: "bench/bench.ts", "xlsx-worker": "src/io/xlsx-worker.js" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
