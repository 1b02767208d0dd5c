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
  | { readonly ambiguous: readonly string[] }
  | undefined;

/** The grade a name denotes: by id or by label; undefined when none; ambiguous when several. */
export function matchGrade(grades: readonly GradeName[], name: string): GradeMatch {
  const hits: number[] = [];
  grades.forEach((g, i) => {
    if (g.id === name || g.label === name) hits.push(i);
  });
  if (hits.length === 0) return undefined;
  if (hits.length === 1) return { index: hits[0]! };
  return { ambiguous: hits.map((i) => (grades[i]!.id === name ? `the id of grade "${grades[i]!.id}"` : `the label of grade "${grades[i]!.id}"`)) };
}
