/**
 * kaohe (考核): declarative YAML rubrics → exact, explainable scores, grades,
 * rankings and quotas for Party-building assessments.
 */
export {
  assess,
  loadRubric,
  loadRubricSet,
  rubricTestCases,
  runRubricTests,
  safeAssess,
  safeLinkRubrics,
  safeLoadRubric,
  safeLoadRubricSet,
  safeLoadTestCases,
  safeTestCoverage,
  testCoverage,
} from "./kaohe.js";
export { formatIssue, formatIssues } from "./diagnostics/format.js";
export { KaoheError, isKaoheError } from "./diagnostics/kaohe-error.js";
export { rubricJsonSchema, testFileJsonSchema } from "./schema/json-schema.js";

export { buildFeedback } from "./report/feedback.js";
export { adjustmentText, displayNumber, explainSubject } from "./report/explain.js";
export { draw, seedCommitment } from "./draw/draw.js";
export { diffAssessments, diffRubrics, safeDiffAssessments, safeDiffRubrics } from "./diff/index.js";

export type { AssessOptions, Assessment, LoadOptions, RubricText, TestReport } from "./kaohe.js";
export type { YamlLimits } from "./parse/parse-yaml.js";
export type { RubricLimits } from "./schema/limits.js";
export type { CommonProblem, Feedback, FeedbackOptions, ItemProblem, SubjectFeedback } from "./report/feedback.js";
export type { ExplainOptions } from "./report/explain.js";
export type { Locale, LocaleOptions } from "./diagnostics/locale.js";
export type { DrawOptions, DrawResult } from "./draw/draw.js";
export type { AssessmentDiff, DiffDocument, DiffPairDocument, GradeCauses, ItemContribution, RubricArea, RubricChange, RubricDiff, RubricIdentity, RuleCause, SubjectChange } from "./diff/index.js";
export type { Issue, IssueCode, Result, SourcePosition, Stage } from "./diagnostics/issue.js";
export type { Adjustment, FiredRuleResult, NodeResult, RubricResult, SubjectResult, TrailLevel } from "./report/result.js";
export type { DataLimits, SubjectData } from "./engine/subject-data.js";
export type { CompiledRubric, RubricSet, GradeSpec, InputSpec, TreeNode, GroupNode, ItemNode } from "./compile/model.js";
export type { RubricTestCase, TestCaseInput, TestCaseOutcome, TestDifference } from "./testing/run-tests.js";
export type { CaseObservation, CoverageCount, CoverageKind, CoverageOutcome, CoverageReport, CoverageTarget, RubricCoverage, TestsWithCoverage } from "./testing/coverage.js";
