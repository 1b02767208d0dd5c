// Preloaded into the CLI child by the benchmark: reports the peak resident set size on exit.
process.on("exit", () => {
  process.stderr.write(`\nKAOHE_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
