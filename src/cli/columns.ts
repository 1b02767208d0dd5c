/**
 * Data columns set aside (issue 11): a folder's data holds the columns of every rubric
 * of the folder, and a diff's data those of both versions. Scoring one rubric (or one
 * version) on it sets aside the columns only the others declare, and says which.
 */
import { dirname } from "node:path";
import { safeLoadRubric, type CompiledRubric, type RubricSet } from "../index.js";
import { findScheme, readRubricTexts } from "./load.js";
import { UsageError } from "./errors.js";
import { t } from "./messages.js";

/** The columns a rubric names: its subject columns (id, name, group, ignored) and every input by name and label. */
export function declaredColumns(r: CompiledRubric): string[] {
  const out = new Set<string>();
  for (const c of [r.idColumn, r.nameColumn, r.groupLabel, ...r.ignoredColumns]) if (c !== undefined) out.add(c);
  for (const spec of r.inputs.values()) {
    out.add(spec.name);
    if (spec.label !== undefined) out.add(spec.label);
  }
  return [...out];
}

/** The columns a set reads (never set aside): "id", "name", "group" and what its rubrics declare. */
export function columnsRead(set: RubricSet): Map<string, string> {
  const out = new Map<string, string>([
    ["id", ""],
    ["name", ""],
    ["group", ""],
  ]);
  for (const r of set.rubrics) for (const c of declaredColumns(r)) if (!out.has(c)) out.set(c, r.id);
  return out;
}

/** Columns declared by other rubrics, with the files that declare them: what a set may set aside. */
export interface OtherColumns {
  readonly columns: readonly string[];
  /** The files (or rubric ids) that declare them. */
  readonly by: readonly string[];
}

/** The columns of `others` that `set` does not read. */
export function otherColumns(set: RubricSet, others: readonly { readonly rubric: CompiledRubric; readonly name: string }[]): OtherColumns {
  const read = columnsRead(set);
  const columns: string[] = [];
  const by: string[] = [];
  for (const o of others) {
    const mine = declaredColumns(o.rubric).filter((c) => !read.has(c) && !columns.includes(c));
    if (mine.length === 0) continue;
    columns.push(...mine);
    if (!by.includes(o.name)) by.push(o.name);
  }
  return { columns, by };
}

/**
 * The other rubrics of the folders of the rubric files given (a folder given is whole
 * already): each loaded alone. One that does not load is returned in `unloadable`.
 */
export function folderSiblings(paths: readonly string[], set: RubricSet): { rubrics: { rubric: CompiledRubric; name: string }[]; unloadable: string[] } {
  const mine = new Set(set.rubrics.map((r) => r.file));
  const rubrics: { rubric: CompiledRubric; name: string }[] = [];
  const unloadable: string[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    if (!/\.ya?ml$/i.test(p)) continue;
    const dir = dirname(p);
    let files: string[];
    try {
      files = findScheme([dir]).rubricFiles;
    } catch {
      continue;
    }
    for (const f of files) {
      if (mine.has(f) || seen.has(f) || paths.includes(f)) continue;
      seen.add(f);
      let text;
      try {
        text = readRubricTexts([f])[0]!;
      } catch {
        unloadable.push(f);
        continue;
      }
      const r = safeLoadRubric(text.text, { file: f });
      if (r.ok) rubrics.push({ rubric: r.value, name: f });
      else unloadable.push(f);
    }
  }
  return { rubrics, unloadable };
}

/** `--ignore a,b`: the column names (a usage error when empty or naming a column the set reads). */
export function ignoreOption(value: string | boolean | undefined, set: RubricSet): string[] {
  if (value === undefined) return [];
  const columns = String(value)
    .split(/[,，]/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  if (columns.length === 0) throw new UsageError(t("ignore-empty"));
  const read = columnsRead(set);
  for (const c of columns) if (read.has(c)) throw new UsageError(t("ignore-read", { column: c, rubric: read.get(c) || "every rubric (a subject column)" }));
  return columns;
}
