/**
 * Reproducible random selection (述职名单现场公布, 三随机). No unseeded source:
 * each candidate's place is the SHA-256 of (seed, candidate key), so the result
 * depends only on the seed and the candidates, not on their order, and anyone can
 * check it. The seed's own SHA-256 can be published beforehand as a commitment.
 *
 * SHA-256 comes from @noble/hashes (pure JavaScript, audited), not node:crypto: the
 * library imports nothing from node:, so it bundles for browsers. Text is hashed as
 * its UTF-8 bytes (TextEncoder; a lone surrogate becomes U+FFFD, as node:crypto's
 * update(text, "utf8") does), so the digests are those node:crypto gave.
 */
import { sha256 as sha256Bytes } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

export interface DrawOptions<T> {
  /** How many to select. */
  readonly count: number;
  /** The seed text; the same seed gives the same selection. */
  readonly seed: string;
  /** A unique key per candidate (its id). */
  readonly key: (candidate: T) => string;
  /** Optional stratum (e.g. domain or region): each stratum gets a proportional share. */
  readonly stratum?: (candidate: T) => string;
}

export interface DrawResult<T> {
  /** The selected candidates, in draw order. */
  readonly selected: readonly T[];
  /** SHA-256 of the seed (hex), to publish before the draw. */
  readonly seedSha256: string;
  /** Per stratum: its size and how many were drawn from it (stratified draws only). */
  readonly strata?: readonly { readonly name: string; readonly size: number; readonly drawn: number }[];
}

const sha256 = (text: string): string => bytesToHex(sha256Bytes(utf8ToBytes(text)));

/**
 * The commitment for a draw: the SHA-256 (hex) of the seed's UTF-8 text, the same
 * value as `draw(...).seedSha256`. Publish it before the draw, reveal the seed after;
 * anyone can then check that the seed was not changed.
 *
 * @param seed - the seed text
 * @returns 64 lowercase hex digits
 * @example
 * seedCommitment("abc")
 * // => "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export function seedCommitment(seed: string): string {
  if (typeof seed !== "string") throw new TypeError(`seed must be a string, got ${typeof seed}`);
  return sha256(seed);
}

/**
 * Draw `count` candidates reproducibly from `seed`.
 *
 * @param candidates - the pool
 * @param options - count, seed, key and optional stratum
 * @returns the selection, the seed's SHA-256 and the strata
 * @throws RangeError when count exceeds the pool or keys repeat
 * @example
 * draw(secretaries, { count: 21, seed: "2024-01-15 述职会", key: (s) => s.id }).selected.length
 * // => 21
 */
export function draw<T>(candidates: readonly T[], options: DrawOptions<T>): DrawResult<T> {
  const { count, seed, key } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (count > candidates.length) throw new RangeError(`cannot draw ${count} from ${candidates.length} candidates`);
  const keyed = candidates.map((c) => ({ c, k: key(c), h: sha256(`${seed}\u0000${key(c)}`) }));
  const seen = new Set<string>();
  for (const { k } of keyed) {
    if (seen.has(k)) throw new RangeError(`candidate key "${k}" appears twice`);
    seen.add(k);
  }
  const byHash = (a: { h: string; k: string }, b: { h: string; k: string }) => (a.h < b.h ? -1 : a.h > b.h ? 1 : a.k < b.k ? -1 : 1);
  const seedSha256 = sha256(seed);
  if (!options.stratum) return { selected: [...keyed].sort(byHash).slice(0, count).map((x) => x.c), seedSha256 };

  const strata = new Map<string, typeof keyed>();
  for (const x of keyed) {
    const s = options.stratum(x.c);
    strata.set(s, [...(strata.get(s) ?? []), x]);
  }
  const names = [...strata.keys()].sort();
  // Largest remainder: floor shares first, then the largest remainders (ties by name).
  const total = candidates.length;
  const quotas = names.map((name) => {
    const size = strata.get(name)!.length;
    const exact = (count * size) / total;
    return { name, size, drawn: Math.floor(exact), remainder: count * size - Math.floor(exact) * total };
  });
  let left = count - quotas.reduce((a, q) => a + q.drawn, 0);
  for (const q of [...quotas].sort((a, b) => b.remainder - a.remainder || (a.name < b.name ? -1 : 1))) {
    if (left === 0) break;
    if (q.drawn < q.size) {
      q.drawn++;
      left--;
    }
  }
  const selected = quotas.flatMap((q) => [...strata.get(q.name)!].sort(byHash).slice(0, q.drawn)).sort(byHash).map((x) => x.c);
  return { selected, seedSha256, strata: quotas.map(({ name, size, drawn }) => ({ name, size, drawn })) };
}
