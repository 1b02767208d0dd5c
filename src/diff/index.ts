/** Version impact: the structural change between two rubric versions, and its effect on the same subjects. */
export { diffRubrics, safeDiffRubrics } from "./rubrics.js";
export { diffAssessments, safeDiffAssessments } from "./assessments.js";
export type { AssessmentDiff, DiffDocument, DiffPairDocument, GradeCauses, ItemContribution, RubricArea, RubricChange, RubricDiff, RubricIdentity, RuleCause, SubjectChange } from "./types.js";
