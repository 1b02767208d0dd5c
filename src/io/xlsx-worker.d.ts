/** Types of xlsx-worker.js (plain JavaScript so that a worker thread can run it from the sources too). */

/** A cell as read: n number, s text, b boolean, d date (ISO instant), e error, f formula without a saved result. */
export type PlainCell =
  | { readonly t: "n"; readonly v: number; readonly f?: true; readonly m?: string }
  | { readonly t: "s"; readonly v: string; readonly f?: true; readonly m?: string }
  | { readonly t: "b"; readonly v: boolean; readonly f?: true; readonly m?: string }
  | { readonly t: "d"; readonly v: string; readonly f?: true; readonly m?: string }
  | { readonly t: "e"; readonly v: string; readonly f?: true; readonly m?: string }
  | { readonly t: "f"; readonly m?: string };

/** A sheet as read: rows[0] is row 1, rows[r][0] column A; null or absent is an empty cell. */
export interface PlainSheet {
  /** Every sheet's name, in tab order. */
  readonly sheets: readonly string[];
  /** The sheet read; null when the requested sheet does not exist. */
  readonly name: string | null;
  readonly rows: readonly (readonly (PlainCell | null)[])[];
}

export interface ColumnSpec {
  readonly header: string;
  /** Excel column width, in characters of the default font. */
  readonly width: number;
  /** Number format of the column's number cells ("0.00", "0.0%"). */
  readonly numFmt?: string;
  /** Wrap long text. */
  readonly wrap?: boolean;
}

export interface SheetSpec {
  /** At most 31 characters, none of : \ / ? * [ ]. */
  readonly name: string;
  /** A title row above the header (merged across the columns), or none. */
  readonly title?: string;
  readonly columns: readonly ColumnSpec[];
  /** Cells under the header: strings stay strings, numbers are numbers, null is empty. */
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** Heights of the rows under the header, in points; null: the default. */
  readonly rowHeights?: readonly (number | null)[];
  /** Height of the header row, in points, when its text wraps. */
  readonly headerHeight?: number;
  /** Columns frozen on the left (the rows down to the header are always frozen). */
  readonly freezeColumns: number;
  readonly autoFilter?: boolean;
  readonly landscape?: boolean;
  /** Print one page wide (default); false: across pages, the frozen columns repeated. */
  readonly fitWidth?: boolean;
}

export interface WorkbookSpec {
  readonly creator: string;
  readonly sheets: readonly SheetSpec[];
}

export function readSheet(bytes: Uint8Array, sheet: string | undefined): Promise<PlainSheet>;
export function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array>;
