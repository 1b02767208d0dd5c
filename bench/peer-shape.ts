/**
 * The benchmark's peer-shaped job (issue 9, "Benchmark"): 20 items in 3 components with
 * item weights, components 10% / 70% / 20%, the total to 2 places half-up, 4 grade
 * bands, one downgrade rule (recorded as an adjustment), one quota and the overall
 * ranking; seeded subjects as plain objects; and the same job twice more by hand:
 *
 * - `integerTwin`: exact, in scaled integers (units of 10⁻⁵ points), the reference the
 *   engine must match on every subject (score, raw and final grade, rank, adjustments);
 * - `floatLoop`: the plain float loop anyone would write (doubles, Math.round), whose
 *   own differences from the twin are counted and printed, never asserted.
 */
import { SeededRandom } from "../scripts/seeded-random.js";

/** Item weights (percent) of each component; each list sums to 100. */
export const COMPONENTS = [
  { id: "self", label: "自评", weight: 10, items: [30, 30, 40] },
  { id: "duty", label: "党建工作责任制", weight: 70, items: [10, 10, 10, 5, 5, 10, 10, 10, 5, 5, 10, 10] },
  { id: "peers", label: "民主评议", weight: 20, items: [20, 20, 20, 20, 20] },
] as const;

export const GRADES = ["excellent", "good", "pass", "fail"] as const;
/** Lower bounds of the first three grades, in hundredths of a point (90, 80, 60). */
const BOUNDS = [9000, 8000, 6000];
/** The quota: excellent ≤ 20% of the graded subjects, rounded down, tied subjects at the limit demoted. */
const QUOTA_PERCENT = 20;

export const itemIds = (): string[] => COMPONENTS.flatMap((c) => c.items.map((_, i) => `${c.id}${i + 1}`));

export function peerRubricYaml(): string {
  const lines = [
    "kaohe: 1",
    "id: peer-shape-bench",
    "name: 党组织书记述职评议考核（基准测试）",
    "year: 2024",
    'version: "bench"',
    "rounding: { places: 2, mode: half-up }",
    "inputs:",
    "  violation: { type: boolean, default: false, label: 严重违规违纪 }",
    "grades:",
    "  - { id: excellent, label: 优秀, min: 90 }",
    "  - { id: good, label: 良好, min: 80 }",
    "  - { id: pass, label: 合格, min: 60 }",
    "  - { id: fail, label: 不合格 }",
    "scoring:",
    "  combine: weighted",
    "  max: 100",
    "  children:",
  ];
  for (const c of COMPONENTS) {
    lines.push(`    - id: ${c.id}`, `      label: ${c.label}`, `      weight: ${c.weight}%`, "      combine: weighted", "      max: 100", "      children:");
    c.items.forEach((w, i) => lines.push(`        - { id: ${c.id}${i + 1}, kind: input, max: 100, weight: ${w}% }`));
  }
  lines.push(
    "rules:",
    "  - { id: violation, kind: downgrade, when: input.violation, reason: 班子成员严重违规违纪，降一档 }",
    "quotas:",
    `  - { id: excellent-${QUOTA_PERCENT}, grade: excellent, share: ${QUOTA_PERCENT}% }`,
  );
  return `${lines.join("\n")}\n`;
}

/** A subject of the peer job: 20 scores (0..100, one decimal) and whether a violation is on record. */
export type PeerSubject = {
  id: string;
  self1: number;
  self2: number;
  self3: number;
  duty1: number;
  duty2: number;
  duty3: number;
  duty4: number;
  duty5: number;
  duty6: number;
  duty7: number;
  duty8: number;
  duty9: number;
  duty10: number;
  duty11: number;
  duty12: number;
  peers1: number;
  peers2: number;
  peers3: number;
  peers4: number;
  peers5: number;
  violation: boolean;
};

/**
 * Seeded subjects as plain objects, built as object literals (as JSON.parse builds them:
 * one shape, fast properties): id, 20 scores with one decimal (JS numbers), violation (2%).
 */
export function peerSubjects(count: number, seed = 2024): PeerSubject[] {
  const rnd = new SeededRandom(seed);
  const out: PeerSubject[] = [];
  for (let n = 0; n < count; n++) {
    const q = rnd.next();
    const centre = Math.round((55 + 45 * q) * 10);
    const v = () => Math.min(1000, Math.max(0, centre + rnd.int(-120, 120))) / 10;
    out.push({
      id: `P${String(n + 1).padStart(7, "0")}`,
      self1: v(),
      self2: v(),
      self3: v(),
      duty1: v(),
      duty2: v(),
      duty3: v(),
      duty4: v(),
      duty5: v(),
      duty6: v(),
      duty7: v(),
      duty8: v(),
      duty9: v(),
      duty10: v(),
      duty11: v(),
      duty12: v(),
      peers1: v(),
      peers2: v(),
      peers3: v(),
      peers4: v(),
      peers5: v(),
      violation: rnd.chance(0.02),
    });
  }
  return out;
}

/** One subject's result, as the engine reports it. */
export interface PeerOutcome {
  readonly id: string;
  readonly score: string;
  readonly rawGrade: string;
  readonly grade: string;
  readonly rank: number;
  /** "downgrade:excellent>good", "quota:excellent>good", ... in order. */
  readonly adjustments: readonly string[];
}

/** What a twin computes: per subject (in input order) the total, grades and rank. */
export interface TwinResult {
  /** Total in hundredths of a point, after rounding. */
  readonly hundredths: Float64Array;
  readonly raw: Uint8Array;
  readonly final: Uint8Array;
  readonly downgraded: Uint8Array;
  readonly quotaMoved: Uint8Array;
  readonly rank: Int32Array;
}

/**
 * Grades, downgrade, ranking and quota over totals in hundredths (shared by both twins).
 * Totals are whole hundredths in 0..10000, so the ranking is a counting pass, not a sort.
 */
function gradeRankQuota(hundredths: Float64Array, violation: Uint8Array): TwinResult {
  const n = hundredths.length;
  const raw = new Uint8Array(n);
  const final = new Uint8Array(n);
  const downgraded = new Uint8Array(n);
  const quotaMoved = new Uint8Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) if (hundredths[i]! > top) top = hundredths[i]!;
  const count = new Int32Array(top + 2);
  const holders = new Int32Array(top + 2);
  for (let i = 0; i < n; i++) {
    const h = hundredths[i]!;
    const g = h >= BOUNDS[0]! ? 0 : h >= BOUNDS[1]! ? 1 : h >= BOUNDS[2]! ? 2 : 3;
    raw[i] = g;
    // A downgrade at the lowest grade changes nothing and is no adjustment.
    if (violation[i] && g < 3) {
      final[i] = g + 1;
      downgraded[i] = 1;
    } else final[i] = g;
    count[h] = count[h]! + 1;
    if (final[i] === 0) holders[h] = holders[h]! + 1;
  }
  // Ranking by total, descending; equal totals share a rank (1, 2, 2, 4): rank = 1 + how many have more.
  const rankOf = new Int32Array(top + 2);
  let above = 0;
  for (let h = top; h >= 0; h--) {
    rankOf[h] = above + 1;
    above += count[h]!;
  }
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[i] = rankOf[hundredths[i]!]!;
  // Quota on excellent: floor(20% × graded). A downgrade never leaves anyone excellent, so
  // every holder competes, admitted in rank order (one total, one rank); a total whose
  // holders would cross the limit is demoted whole, with every lower one.
  const limit = Math.floor((n * QUOTA_PERCENT) / 100);
  let admitted = 0;
  let cutoff = top + 1;
  for (let h = top; h >= 0; h--) {
    if (admitted + holders[h]! > limit) break;
    admitted += holders[h]!;
    cutoff = h;
  }
  for (let i = 0; i < n; i++)
    if (final[i] === 0 && hundredths[i]! < cutoff) {
      final[i] = 1;
      quotaMoved[i] = 1;
    }
  return { hundredths, raw, final, downgraded, quotaMoved, rank };
}

/** Tenths of a point: exact for scores with one decimal. */
const t = (v: number) => Math.round(v * 10);

/**
 * The exact twin, written out for this job as one would by hand: scores in tenths,
 * item weights and component weights in percent (those of COMPONENTS), so the total is
 * Σ_c W_c × Σ_i w_i × s_i in units of 10⁻⁵ points (10⁻¹ × 10⁻² × 10⁻²; at most 10⁷, far
 * below 2⁵³); rounded half-up to hundredths with integer operations only.
 */
export function integerTwin(subjects: readonly PeerSubject[]): TwinResult {
  const n = subjects.length;
  const hundredths = new Float64Array(n);
  const violation = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const s = subjects[k]!;
    const self = 30 * t(s.self1) + 30 * t(s.self2) + 40 * t(s.self3);
    const duty =
      10 * t(s.duty1) + 10 * t(s.duty2) + 10 * t(s.duty3) + 5 * t(s.duty4) + 5 * t(s.duty5) + 10 * t(s.duty6) +
      10 * t(s.duty7) + 10 * t(s.duty8) + 5 * t(s.duty9) + 5 * t(s.duty10) + 10 * t(s.duty11) + 10 * t(s.duty12);
    const peers = 20 * t(s.peers1) + 20 * t(s.peers2) + 20 * t(s.peers3) + 20 * t(s.peers4) + 20 * t(s.peers5);
    const shifted = 10 * self + 70 * duty + 20 * peers + 500; // half of 10³ units: round half-up (totals are never negative)
    hundredths[k] = (shifted - (shifted % 1000)) / 1000;
    violation[k] = s.violation ? 1 : 0;
  }
  return gradeRankQuota(hundredths, violation);
}

/** The plain float loop: doubles throughout, Math.round to two places. */
export function floatLoop(subjects: readonly PeerSubject[]): TwinResult {
  const n = subjects.length;
  const hundredths = new Float64Array(n);
  const violation = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const s = subjects[k]!;
    const self = 0.3 * s.self1 + 0.3 * s.self2 + 0.4 * s.self3;
    const duty =
      0.1 * s.duty1 + 0.1 * s.duty2 + 0.1 * s.duty3 + 0.05 * s.duty4 + 0.05 * s.duty5 + 0.1 * s.duty6 +
      0.1 * s.duty7 + 0.1 * s.duty8 + 0.05 * s.duty9 + 0.05 * s.duty10 + 0.1 * s.duty11 + 0.1 * s.duty12;
    const peers = 0.2 * s.peers1 + 0.2 * s.peers2 + 0.2 * s.peers3 + 0.2 * s.peers4 + 0.2 * s.peers5;
    hundredths[k] = Math.round((0.1 * self + 0.7 * duty + 0.2 * peers) * 100);
    violation[k] = s.violation ? 1 : 0;
  }
  return gradeRankQuota(hundredths, violation);
}

const hundredthsText = (h: number) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, "0")}`;

/** A twin's result in the engine's terms, subject by subject (input order). */
export function twinOutcomes(subjects: readonly PeerSubject[], t: TwinResult): PeerOutcome[] {
  return subjects.map((s, i) => {
    const raw = t.raw[i]!;
    const afterRule = t.downgraded[i] ? raw + 1 : raw;
    const adjustments: string[] = [];
    if (t.downgraded[i]) adjustments.push(`downgrade:${GRADES[raw]}>${GRADES[afterRule]}`);
    if (t.quotaMoved[i]) adjustments.push(`quota:${GRADES[afterRule]}>${GRADES[t.final[i]!]}`);
    return { id: String(s.id), score: hundredthsText(t.hundredths[i]!), rawGrade: GRADES[raw]!, grade: GRADES[t.final[i]!]!, rank: t.rank[i]!, adjustments };
  });
}

/** The engine's units in the same terms. */
export function engineOutcomes(units: readonly { id: string; score: string; rawGrade: string | null; grade: string | null; rank: number | null; adjustments: readonly { kind: string; from: string | null; to: string | null }[] }[]): Map<string, PeerOutcome> {
  return new Map(
    units.map((u) => [
      u.id,
      { id: u.id, score: u.score, rawGrade: String(u.rawGrade), grade: String(u.grade), rank: u.rank ?? -1, adjustments: u.adjustments.map((a) => `${a.kind}:${a.from}>${a.to}`) },
    ]),
  );
}

/**
 * How many subjects differ between two outcome lists (in any of score, grades, rank,
 * adjustments), how many in each field (one score off by a hundredth moves the ranks of
 * others too), and the first few.
 */
export function differences(reference: readonly PeerOutcome[], other: ReadonlyMap<string, PeerOutcome>): { count: number; byField: Record<string, number>; examples: string[] } {
  let count = 0;
  const byField: Record<string, number> = { score: 0, rawGrade: 0, grade: 0, rank: 0, adjustments: 0 };
  const examples: string[] = [];
  for (const r of reference) {
    const o = other.get(r.id);
    const a = JSON.stringify(r);
    const b = JSON.stringify(o ?? null);
    if (a === b) continue;
    count++;
    for (const f of Object.keys(byField)) if (JSON.stringify(r[f as keyof PeerOutcome]) !== JSON.stringify(o?.[f as keyof PeerOutcome])) byField[f]!++;
    if (examples.length < 3) examples.push(`${r.id}: reference ${a}, other ${b}`);
  }
  return { count, byField, examples };
}

/** A unit of the public API's shape (report/result.ts SubjectView's fields, in its order), as the floor builds it. */
class FloorUnit {
  readonly id: string;
  readonly score: string;
  readonly grade: string;
  readonly rawGrade: string;
  readonly rank: number;
  readonly groupRank: null = null;
  readonly excluded = false;
  readonly adjustments: readonly { kind: string; from: string; to: string }[];
  readonly actions: readonly never[] = NONE;
  readonly tier: null = null;
  readonly nodes: readonly never[] = NONE;
  readonly rules: readonly never[] = NONE;
  readonly gradeNotes: readonly never[] = NONE;
  constructor(id: string, score: string, grade: string, rawGrade: string, rank: number, adjustments: readonly { kind: string; from: string; to: string }[]) {
    this.id = id;
    this.score = score;
    this.grade = grade;
    this.rawGrade = rawGrade;
    this.rank = rank;
    this.adjustments = adjustments;
  }
}
const NONE: readonly never[] = [];

/**
 * The floor of `assess()` on this job: what any implementation of its contract must do
 * (plain objects in, units of the API's shape out, in rank order), done the fastest way
 * written here, with the rubric hard-wired. Every value of each row is read by one
 * for-in loop whose keys are checked against the first row's (as a generic reader of rows
 * must: it cannot know a row's keys) into one column per key, in tenths; the integer
 * twin's arithmetic runs over those columns; gradeRankQuota grades, ranks and applies
 * the quota; and one unit object per subject is built, its score as text, in rank order
 * (a counting pass over the ranks). Nothing is validated beyond the keys, no issue can be
 * reported, no trail can be explained: the engine does all of that and more, so it cannot
 * run faster than this on this machine. Returns the units (their count is checked).
 */
export function apiFloor(subjects: readonly PeerSubject[]): FloorUnit[] {
  const n = subjects.length;
  if (n === 0) return [];
  const keys = Object.keys(subjects[0]!);
  const width = keys.length;
  const columns = keys.map(() => new Int32Array(n));
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const row = subjects[i]! as unknown as Record<string, unknown>;
    let k = 0;
    for (const key in row) {
      if (k === width || key !== keys[k]) throw new Error(`apiFloor: row ${i + 1} is not of the first row's shape`);
      const v = row[key];
      if (typeof v === "number") columns[k]![i] = Math.round(v * 10);
      else if (typeof v === "boolean") columns[k]![i] = v ? 1 : 0;
      else if (typeof v === "string") ids[i] = v;
      k++;
    }
    if (k !== width) throw new Error(`apiFloor: row ${i + 1} is not of the first row's shape`);
  }
  const col = (key: string) => columns[keys.indexOf(key)]!;
  const hundredths = new Float64Array(n);
  const weighted = COMPONENTS.map((c) => ({ weight: c.weight, items: c.items.map((w, j) => ({ w, column: col(`${c.id}${j + 1}`) })) }));
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (const c of weighted) {
      let part = 0;
      for (const { w, column } of c.items) part += w * column[i]!;
      total += c.weight * part;
    }
    const shifted = total + 500;
    hundredths[i] = (shifted - (shifted % 1000)) / 1000;
  }
  const violation = new Uint8Array(col("violation"));
  const t = gradeRankQuota(hundredths, violation);
  // Rank order: a counting pass over the ranks (1..n), ties in input order (ids ascend).
  const start = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) start[t.rank[i]! + 1]!++;
  for (let r = 1; r <= n + 1; r++) start[r]! += start[r - 1]!;
  const units = new Array<FloorUnit>(n);
  for (let i = 0; i < n; i++) {
    const raw = t.raw[i]!;
    const afterRule = t.downgraded[i] ? raw + 1 : raw;
    const adjustments =
      t.downgraded[i] || t.quotaMoved[i]
        ? [
            ...(t.downgraded[i] ? [{ kind: "downgrade", from: GRADES[raw]!, to: GRADES[afterRule]! }] : []),
            ...(t.quotaMoved[i] ? [{ kind: "quota", from: GRADES[afterRule]!, to: GRADES[t.final[i]!]! }] : []),
          ]
        : NONE;
    units[start[t.rank[i]!]!++] = new FloorUnit(ids[i]!, hundredthsText(t.hundredths[i]!), GRADES[t.final[i]!]!, GRADES[raw]!, t.rank[i]!, adjustments);
  }
  return units;
}
