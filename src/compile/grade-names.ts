/**
 * Grades are named by id or by label (好 and good name the same grade), the way
 * inputs are. A name that fits several grades (one grade's label is another's id,
 * or two grades share a label) is ambiguous and must be reported, never guessed.
 * @internal
 */

export interface GradeName {
  readonly id: string;
  readonly label: string;
}

export type GradeMatch =
  | { readonly index: number }
  | { readonly ambiguous: readonly string[]; readonly matches: readonly { readonly grade: string; readonly by: "id" | "label" }[] }
  | undefined;

/** The grade a name denotes: by id or by label; undefined when none; ambiguous when several. */
export function matchGrade(grades: readonly GradeName[], name: string): GradeMatch {
  const hits: number[] = [];
  grades.forEach((g, i) => {
    if (g.id === name || g.label === name) hits.push(i);
  });
  if (hits.length === 0) return undefined;
  if (hits.length === 1) return { index: hits[0]! };
  const matches = hits.map((i) => ({ grade: grades[i]!.id, by: grades[i]!.id === name ? ("id" as const) : ("label" as const) }));
  return { ambiguous: matches.map((m) => `the ${m.by} of grade "${m.grade}"`), matches };
}
