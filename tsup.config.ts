import { defineConfig } from "tsup";

// No source maps: they are not shipped (package.json "files"), and a build that
// points at maps the tarball lacks makes bundlers warn.
export default defineConfig([
  {
    // The library: ESM + CJS + declarations for both. Dependencies stay external,
    // except in the CJS build: @noble/hashes is ESM-only, and require() of it fails
    // on Node before 20.19, so its SHA-256 is bundled into index.cjs.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: false,
    clean: true,
    target: "node20",
    platform: "node",
    noExternal: [/^@noble\/hashes(\/|$)/],
    esbuildOptions(options, { format }) {
      if (format === "esm") options.external = [...(options.external ?? []), "@noble/hashes", "@noble/hashes/*"];
    },
  },
  {
    // The CLI: an ESM executable, not part of the typed API; and the CLI's workers, started
    // beside dist/cli.js: exceljs for .xlsx, the writer thread of large streamed documents, and
    // the thread that reads half of a large CSV's input columns.
    entry: { cli: "src/cli/bin.ts", "xlsx-worker": "src/io/xlsx-worker.js", "write-worker": "src/io/write-worker.js", "cells-worker": "src/io/cells-worker.ts" },
    // Each file whole (no shared chunk): a worker loads its own module only.
    splitting: false,
    format: ["esm"],
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
  {
    // The benchmark (npm run bench): built beside the CLI but left out of the tarball.
    // A build of its own, so the CLI shares no chunk with it.
    entry: { bench: "bench/bench.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
