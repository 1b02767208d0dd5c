/**
 * Bytes → text for rubric files: strictly UTF-8 (a UTF-8 byte-order mark is
 * dropped). Nothing is guessed: a byte that is not UTF-8 is an error naming its
 * offset and line:col.
 */
import { makeIssue, type Issue } from "../diagnostics/issue.js";

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * The byte offset of the first byte that is not part of valid UTF-8, or -1.
 *
 * @param bytes - the bytes
 * @returns offset of the first invalid byte, -1 when all are valid
 * @example
 * firstInvalidUtf8(Buffer.from([0x61, 0xe9, 0x2c]))
 * // => 1
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
  // The text before the first U+FFFD decoded exactly, so its UTF-8 length is the offset.
  // A U+FFFD that the file really holds (EF BF BD) is skipped.
  let offset = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf("\ufffd", from);
    if (at < 0) return -1;
    offset += Buffer.byteLength(text.slice(from, at), "utf8");
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) {
      offset += 3;
      from = at + 1;
      continue;
    }
    return offset;
  }
}

/** Line and column (1-indexed, in characters) of a byte offset inside valid UTF-8 bytes. */
export function positionOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const before = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes.subarray(0, offset));
  const lastNewline = before.lastIndexOf("\n");
  let line = 1;
  for (let i = before.indexOf("\n"); i >= 0; i = before.indexOf("\n", i + 1)) line++;
  return { line, col: before.length - lastNewline };
}

/**
 * Decode a rubric (or tests) file read as bytes. UTF-8 only; UTF-16 and GBK files
 * are refused with the offset of the first byte that is not UTF-8.
 *
 * @param bytes - the file's bytes
 * @param file - name for the issue's position
 * @returns `{ text }` or `{ issue }`
 * @example
 * decodeRubric(readFileSync("review.yaml"), "review.yaml")
 * // => { text: "kaohe: 1\n..." }
 */
export function decodeRubric(bytes: Uint8Array, file?: string): { text: string; issue?: undefined } | { text?: undefined; issue: Issue } {
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const bad = utf16 ? 0 : firstInvalidUtf8(body);
  if (bad < 0) return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(body) };
  const offset = bad + (hasBom ? 3 : 0);
  const { line, col } = utf16 ? { line: 1, col: 1 } : positionOfByte(body, bad);
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  const hint = utf16 ? "the file starts with a UTF-16 byte-order mark" : undefined;
  return {
    issue: makeIssue("YAML_NOT_UTF8", { offset, byte, ...(hint ? { hint } : {}) }, { source: { ...(file !== undefined ? { file } : {}), line, col } }),
  };
}
