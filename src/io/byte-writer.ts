/**
 * UTF-8 bytes gathered into chunks for a streamed document (io/json-write.ts).
 *
 * The writers used to gather strings and join them into one string per chunk, which the
 * file write then encoded again: at a million units, joining and encoding were half of
 * the writing. Here text goes into the chunk's bytes as it comes: ASCII text (keys,
 * ids, scores, the layout) one byte per character by a loop, other text through
 * Buffer's own UTF-8 encoder, and text that repeats (a member's prefix, a group's
 * name) as bytes encoded once (`encodeText`).
 * @internal
 */

/** Bytes gathered before a chunk is handed on. */
export const CHUNK_BYTES = 1 << 20;

/** Strings up to this length are copied by a loop while they are ASCII; longer ones by Buffer.write. */
const SHORT = 64;

/** JSON strings up to this length are encoded by ByteWriter.quoted itself. */
const QUOTED_HERE = 4096;

/** The UTF-8 bytes of `text`, for text written many times. */
export function encodeText(text: string): Uint8Array {
  return Buffer.from(text, "utf8");
}

export class ByteWriter {
  private buf: Buffer;
  private pos = 0;

  /**
   * @param write - receives each chunk, in order. A chunk is whole UTF-8 (never a part
   *   of a character) and is not written to again: the receiver may keep it.
   * @param size - bytes per chunk
   */
  constructor(
    private readonly write: (chunk: Uint8Array) => void,
    private readonly size = CHUNK_BYTES,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Room for `n` more bytes in the chunk: the chunk so far is handed on first when they do not fit. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  /** Any text, as UTF-8 (a lone surrogate as U+FFFD, as Buffer encodes it; the writers never give one). */
  text(text: string): void {
    const n = text.length;
    if (n > this.size) {
      // A long piece (a large nested value) goes out as its own chunk.
      this.flush();
      this.write(Buffer.from(text, "utf8"));
      return;
    }
    this.room(3 * n);
    const buf = this.buf;
    const start = this.pos;
    if (n > SHORT) {
      this.pos = start + buf.write(text, start, "utf8");
      return;
    }
    let p = start;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        // Not ASCII: the whole piece again through the encoder (it writes over the same bytes).
        this.pos = start + buf.write(text, start, "utf8");
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /** Bytes encoded once (encodeText). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    if (n > 16) buf.set(b, this.pos);
    else for (let i = 0, p = this.pos; i < n; i++, p++) buf[p] = b[i]!;
    this.pos += n;
  }

  /** One ASCII character by its code. */
  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  /**
   * A JSON string, as JSON.stringify writes it, encoded here character by character
   * (each call of Buffer's encoder costs about a microsecond, which at a million units
   * of names and reasons was most of the writing): a string with a character JSON
   * escapes (a control character, a quote, a backslash, a lone surrogate) or longer than
   * QUOTED_HERE through JSON.stringify and the encoder, as before.
   */
  quoted(s: string): void {
    const n = s.length;
    if (n > QUOTED_HERE) return this.text(JSON.stringify(s));
    // At most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2), and the quotes.
    this.room(3 * n + 2);
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    buf[p++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c === 0x22 || c === 0x5c) return this.escaped(s, start);
        buf[p++] = c;
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      } else {
        // A high surrogate followed by a low one: one code point in 4 bytes; a lone one is escaped.
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) return this.escaped(s, start);
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        buf[p++] = 0xf0 | (cp >> 18);
        buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[p++] = 0x80 | (cp & 0x3f);
        i++;
      }
    }
    buf[p++] = 0x22;
    this.pos = p;
  }

  /** `s` through JSON.stringify (its escapes), over what quoted began at `start`. */
  private escaped(s: string, start: number): void {
    this.pos = start;
    this.text(JSON.stringify(s));
  }

  /**
   * The exact decimal `scaled / 10^places` in fixed notation with exactly `places`
   * decimals (`scaled` a safe integer): 9671 at 2 places → 96.71, −5 → -0.05, 0 → 0.00.
   * The text of Dec.toFixed(places) for the same value.
   */
  fixed(scaled: number, places: number): void {
    const negative = scaled < 0;
    const v = negative ? -scaled : scaled;
    if (v > 0x7fffffff) {
      // Past int32 (rare): through the number's own digits.
      const text = String(v).padStart(places + 1, "0");
      this.text(`${negative ? "-" : ""}${places > 0 ? `${text.slice(0, text.length - places)}.${text.slice(text.length - places)}` : text}`);
      return;
    }
    // Digits from the last: at least places + 1 of them (a 0 before the point); int32 arithmetic.
    let digits = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
    if (digits < places + 1) digits = places + 1;
    const len = (negative ? 1 : 0) + digits + (places > 0 ? 1 : 0);
    this.room(len);
    const buf = this.buf;
    let p = this.pos + len;
    let x = v | 0;
    for (let k = 0; k < digits; k++) {
      if (k === places && places > 0) buf[--p] = 0x2e;
      const q = (x / 10) | 0;
      buf[--p] = 0x30 + x - 10 * q;
      x = q;
    }
    if (negative) buf[--p] = 0x2d;
    this.pos += len;
  }

  /** A non-negative whole number (a rank). */
  whole(n: number): void {
    if (n < 10) return this.byte(0x30 + n);
    this.fixed(n, 0);
  }

  /** Hand on what is gathered (nothing when empty); the next bytes go into a new chunk. */
  flush(): void {
    if (this.pos === 0) return;
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.size);
    this.pos = 0;
    this.write(chunk);
  }
}
