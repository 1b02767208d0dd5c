/**
 * Progress of a long run on stderr: "\r<rubric>: <done>/<total>", only on a terminal
 * (a pipe or a file never gets it), never with --quiet, and only once the run has
 * taken about a second, so a quick run prints nothing. At most every 100 ms.
 */

export interface ProgressIo {
  readonly isTty: boolean;
  readonly quiet?: boolean;
  err(text: string): void;
  now?(): number;
}

/** Milliseconds of work before progress shows. */
export const PROGRESS_AFTER_MS = 1000;
/** Milliseconds between two progress lines. */
const PROGRESS_EVERY_MS = 100;

/**
 * A progress callback for assess's onProgress, or none when progress is not shown.
 * `end()` finishes the line when something was shown.
 */
export function progressReporter(io: ProgressIo): { onProgress?: (done: number, total: number, rubric: string) => void; end(): void } {
  if (!io.isTty || io.quiet) return { end() {} };
  const now = io.now ?? (() => performance.now());
  const start = now();
  let last: number | undefined;
  return {
    onProgress(done, total, rubric) {
      const t = now();
      if (t - start < PROGRESS_AFTER_MS || (last !== undefined && t - last < PROGRESS_EVERY_MS && done < total)) return;
      last = t;
      io.err(`\r${rubric}: ${done}/${total}`);
    },
    end() {
      if (last !== undefined) io.err("\n");
    },
  };
}
