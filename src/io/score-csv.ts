/**
 * `kaohe score --format csv`: one row per subject and rubric; with `--items`, one
 * more column per item (the leaves of the rubric's tree, in tree order) holding its
 * points, empty where the item does not apply to the subject or belongs to another
 * rubric of the set. Columns are headed by the item's label; a label used twice gets
 * the item id (`扣分项 (a1-3)`), and the same label and id in two rubrics the rubric id.
 * With several rubrics the columns are the union of each rubric's, in order.
 */
import type { CompiledRubric, RubricResult } from "../index.js";
import { writeCsv } from "../cli/csv.js";
import { scoreCsvTable } from "../cli/output.js";
import { transientNodes, unreadUnits } from "../report/result.js";
import { itemPointsByRow } from "../report/feedback-columns.js";
import { format } from "../decimal/decimal.js";

export interface ItemColumn {
  /** Index of the rubric in the entries. */
  readonly rubric: number;
  readonly item: string;
  readonly header: string;
}

/**
 * The item columns of rubrics, with headers unique among themselves and `taken`.
 *
 * @param rubrics - the rubrics, in output order
 * @param taken - headers already used (the other columns)
 * @returns one column per item of each rubric
 */
export function itemColumns(rubrics: readonly CompiledRubric[], taken: ReadonlySet<string> = new Set()): ItemColumn[] {
  const columns = rubrics.flatMap((r, k) => r.items.map((item) => ({ rubric: k, item: item.id, label: item.label, rubricId: r.id })));
  const count = (names: readonly string[]) => {
    const n = new Map<string, number>();
    for (const x of [...names, ...taken]) n.set(x, (n.get(x) ?? 0) + 1);
    return n;
  };
  const byLabel = count(columns.map((c) => c.label));
  const first = columns.map((c) => (byLabel.get(c.label)! > 1 ? `${c.label} (${c.item})` : c.label));
  const byFirst = count(first);
  return columns.map((c, i) => ({ rubric: c.rubric, item: c.item, header: byFirst.get(first[i]!)! > 1 ? `${c.label} (${c.rubricId}.${c.item})` : first[i]! }));
}

/**
 * The score CSV of every rubric of a set.
 *
 * @param entries - each rubric with its result
 * @param options - items: add the per-item columns
 * @returns CSV text, CRLF line ends, cells neutralised against formula injection
 */
export function scoreCsvText(entries: readonly { rubric: CompiledRubric; result: RubricResult }[], options: { items: boolean }): string {
  // Item points from the score columns while the units are unread (before the tables below read them).
  const fromColumns = options.items ? entries.map((e) => itemPointsInUnitOrder(e.rubric, e.result)) : [];
  const tables = entries.map((e) => scoreCsvTable(e.result));
  const base: string[] = [];
  for (const t of tables) for (const h of t.header) if (!base.includes(h)) base.push(h);
  const items = options.items
    ? itemColumns(
        entries.map((e) => e.rubric),
        new Set(base),
      )
    : [];
  const rows: string[][] = [];
  entries.forEach((e, k) => {
    const table = tables[k]!;
    const at = new Map(table.header.map((h, i) => [h, i]));
    const byUnit = fromColumns[k];
    e.result.units.forEach((u, j) => {
      const cells = table.rows[j]!;
      // The item columns: from the score columns, else the unit's trail (re-scored per unit, and not kept on it).
      const points = items.length === 0 ? undefined : (byUnit?.[j] ?? new Map(transientNodes(u).map((n) => [n.id, n.points])));
      rows.push([...base.map((h) => (at.has(h) ? cells[at.get(h)!]! : "")), ...items.map((c) => (c.rubric === k ? (points!.get(c.item) ?? "") : ""))]);
    });
  });
  return writeCsv([...base, ...items.map((c) => c.header)], rows);
}

/**
 * Each unit's item points as its trail shows them (an item's `points`: to its own
 * rounding's places), by item id, in unit order, read from the score columns
 * (feedback-columns.ts `itemPointsByRow`): no trail per unit. Undefined when the result's
 * units were read or the columns cannot give them.
 */
function itemPointsInUnitOrder(rubric: CompiledRubric, result: RubricResult): Map<string, string>[] | undefined {
  const unread = unreadUnits(result);
  if (unread === undefined) return undefined;
  const items = rubric.items;
  const ids = items.map((item) => item.id);
  const byRow = new Array<Map<string, string>>(unread.order.length);
  const done = itemPointsByRow(unread.source, ids, (row, points) => {
    const shown = new Map<string, string>();
    for (let k = 0; k < ids.length; k++) {
      const p = points.at(k);
      if (p !== undefined) shown.set(ids[k]!, format(p, items[k]!.round?.places));
    }
    byRow[row] = shown;
  });
  return done ? Array.from(unread.order, (row) => byRow[row]!) : undefined;
}
