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

/**
 * Characters two columns wide that string-width counts as 2 on their own (each its own
 * grapheme, East Asian Wide or Fullwidth, no emoji): CJK unified ideographs, the CJK
 * punctuation 、。〃 and 〈〉《》「」『』【】, and the fullwidth forms ！ to ｠.
 * test/io/display-width.test.ts checks every one against string-width.
 */
export function isSimpleWide(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0xff01 && c <= 0xff60);
}

/** The width of text of printable ASCII and simple wide characters only, else undefined. */
function simpleWidth(text: string): number | undefined {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) w++;
    else if (isSimpleWide(c)) w += 2;
    else return undefined;
  }
  return w;
}

/** The display width of one line of text. */
export function lineWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const simple = simpleWidth(text);
  if (simple !== undefined) return simple;
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
