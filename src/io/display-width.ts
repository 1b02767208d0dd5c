/**
 * The width of text in a terminal table or a spreadsheet column: CJK characters two
 * columns wide (string-width's rules). Printable ASCII is its length; other text is
 * measured by string-width once and remembered (a batch repeats its groups, grades,
 * labels and sentences on every row), within a bounded memory.
 * @internal
 */
import stringWidth from "string-width";

/** Printable ASCII: one column per character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Texts remembered at most (then forgotten all at once), and the longest text remembered. */
const KEEP = 20_000;
const KEEP_LENGTH = 200;

const known = new Map<string, number>();

/** The display width of one line of text. */
export function lineWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let w = known.get(text);
  if (w !== undefined) return w;
  w = stringWidth(text);
  if (text.length <= KEEP_LENGTH) {
    if (known.size >= KEEP) known.clear();
    known.set(text, w);
  }
  return w;
}

/** The widest line of a text. */
export function displayWidth(text: string): number {
  if (!text.includes("\n")) return lineWidth(text);
  let w = 0;
  for (const line of text.split("\n")) w = Math.max(w, lineWidth(line));
  return w;
}
