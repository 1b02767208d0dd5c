/**
 * Errors are data: every problem kaohe finds is an {@link Issue} with a stable code,
 * where it is (rubric path and file:line:col, or data row/subject/field) and a
 * message rendered from one table per locale (messages.ts in English, the `message`
 * of every issue; messages.zh-CN.ts in Chinese, through formatIssue).
 */
import { renderMessage } from "./render.js";

/** The stage that found an issue. */
export type Stage = "api" | "parse" | "validate" | "compile" | "link" | "data" | "evaluate" | "test";

/** Every issue code kaohe can report. Stable: tests and integrators match on these. */
export type IssueCode =
  // parse: the YAML text itself
  | "YAML_SYNTAX"
  | "YAML_DUPLICATE_KEY"
  | "YAML_EMPTY"
  | "YAML_ALIAS"
  | "YAML_ALIAS_LIMIT"
  | "YAML_MERGE"
  | "YAML_TOO_DEEP"
  | "YAML_TOO_LARGE"
  | "YAML_UNKNOWN_TAG"
  | "YAML_CONTROL_CHARACTER"
  | "YAML_NOT_UTF8"
  // validate: the shape of the rubric (zod)
  | "SCHEMA_MISSING_KEY"
  | "SCHEMA_UNKNOWN_KEY"
  | "SCHEMA_INVALID_TYPE"
  | "SCHEMA_INVALID_VALUE"
  | "SCHEMA_OUT_OF_RANGE"
  | "SCHEMA_INVALID_KIND"
  | "SCHEMA_CONSTRAINT"
  | "SCHEMA_RESERVED_NAME"
  // validate: limits on the size of a rubric, checked before the expensive work
  | "LIMIT_EXCEEDED"
  | "LIMIT_INVALID"
  // compile: the meaning of the rubric
  | "REF_DUPLICATE_ID"
  | "REF_UNKNOWN_NODE"
  | "REF_UNKNOWN_INPUT"
  | "REF_UNKNOWN_GRADE"
  | "REF_UNKNOWN_LEVEL"
  | "REF_UNKNOWN_RUBRIC"
  | "REF_BAD_FACT"
  | "COND_TYPE_MISMATCH"
  | "COND_STAGE_ORDER"
  | "INPUT_TYPE_CONFLICT"
  | "WEIGHT_SUM"
  | "WEIGHT_MIXED"
  | "WEIGHT_MISSING"
  | "WEIGHT_UNEXPECTED"
  | "BAND_ORDER"
  | "BAND_OVERLAP"
  | "MAX_MISMATCH"
  | "RANGE_INVALID"
  | "QUOTA_SHARE_RANGE"
  | "TRIM_MIN_SCORES"
  | "ADJUST_PLACEMENT"
  | "QUOTA_LOWEST_GRADE"
  | "GRADE_NAME_AMBIGUOUS"
  | "SPAN_WITHOUT_AS_OF"
  // compile warnings: likely mistakes that do not stop the rubric from loading
  | "COND_INTEGER_RANGE_ON_DECIMAL"
  | "ROOT_MAX_UNDECLARED"
  // link: a set of rubrics
  | "LINKAGE_CYCLE"
  | "RUBRIC_DUPLICATE_ID"
  // data: subject inputs at the boundary
  | "DATA_DUPLICATE_ID"
  | "DATA_MISSING_ID"
  | "DATA_MISSING_FIELD"
  | "DATA_UNKNOWN_FIELD"
  | "DATA_NOT_NUMBER"
  | "DATA_NOT_INTEGER"
  | "DATA_TOO_PRECISE"
  | "DATA_OUT_OF_RANGE"
  | "DATA_INVALID_VALUE"
  | "DATA_INVALID_DATE"
  | "DATA_BAD_SHAPE"
  | "DATA_DUPLICATE_COLUMN"
  | "DATA_TOO_LARGE"
  | "DATA_CELL_ERROR"
  | "DATA_FORMULA_NO_RESULT"
  // evaluate: inputs that are well-formed but cannot be scored
  | "EVAL_LINKED_OUT_OF_RANGE"
  | "EVAL_NO_VALID_SCORES"
  | "EVAL_ZERO_DENOMINATOR"
  | "EVAL_NO_GRADE"
  | "EVAL_NOT_GRADABLE"
  | "EVAL_QUOTA_HELD_BY_RULES"
  // api: arguments a caller passed to a safe* function
  | "API_BAD_ARGUMENT"
  | "API_CALLBACK_FAILED"
  | "API_INTERNAL_ERROR";

/** Where in a source text an issue is: 1-indexed line and column. */
export interface SourcePosition {
  /** File name given when the text was loaded. */
  readonly file?: string;
  /** 1-indexed line. */
  readonly line: number;
  /** 1-indexed column. */
  readonly col: number;
  /** A spreadsheet's sheet (data read from .xlsx). */
  readonly sheet?: string;
  /** A spreadsheet cell (`B7`) or a whole row (`7:7`), printed as `file!sheet!B7` instead of file:line:col. */
  readonly cell?: string;
}

/** One problem, as data. */
export interface Issue {
  /** Stable code; see {@link IssueCode}. */
  readonly code: IssueCode;
  /** Errors stop the run; warnings are reported alongside a result. */
  readonly severity: "error" | "warning";
  /** Which stage found it. */
  readonly stage: Stage;
  /** Plain-words description in English, rendered from `code` and `params`; formatIssue(issue, { locale: "zh-CN" }) renders it in Chinese. */
  readonly message: string;
  /** Path in the rubric (e.g. `["scoring","children",0,"max"]`) or in the subject data. */
  readonly path: readonly (string | number)[];
  /** Values behind the message (expected, received, limits...). */
  readonly params: Readonly<Record<string, unknown>>;
  /** file:line:col when the issue comes from a text kaohe parsed. */
  readonly source?: SourcePosition;
  /** Rubric id, when known. */
  readonly rubric?: string;
  /** Subject id (data and evaluate stages). */
  readonly subject?: string;
  /** 1-indexed row of the subject in the data (data and evaluate stages). */
  readonly row?: number;
  /** Input field (data and evaluate stages). */
  readonly field?: string;
}

/** Fields an issue may be created with, beside its code and params. */
export interface IssueWhere {
  readonly path?: readonly (string | number)[];
  readonly source?: SourcePosition;
  readonly rubric?: string;
  readonly subject?: string;
  readonly row?: number;
  readonly field?: string;
  readonly severity?: "error" | "warning";
}

const STAGE_OF_PREFIX: Record<string, Stage> = {
  YAML: "parse",
  SCHEMA: "validate",
  LIMIT: "validate",
  REF: "compile",
  COND: "compile",
  INPUT: "compile",
  WEIGHT: "compile",
  BAND: "compile",
  MAX: "compile",
  RANGE: "compile",
  QUOTA: "compile",
  GRADE: "compile",
  SPAN: "compile",
  ROOT: "compile",
  LINKAGE: "link",
  RUBRIC: "link",
  DATA: "data",
  EVAL: "evaluate",
  API: "api",
};

/** Create an issue; the message comes from the message table. */
export function makeIssue(code: IssueCode, params: Record<string, unknown>, where: IssueWhere = {}): Issue {
  const prefix = code.slice(0, code.indexOf("_"));
  const issue: Issue = {
    code,
    severity: where.severity ?? "error",
    stage: STAGE_OF_PREFIX[prefix] ?? "compile",
    message: renderMessage(code, params),
    path: where.path ?? [],
    params,
    ...(where.source ? { source: where.source } : {}),
    ...(where.rubric !== undefined ? { rubric: where.rubric } : {}),
    ...(where.subject !== undefined ? { subject: where.subject } : {}),
    ...(where.row !== undefined ? { row: where.row } : {}),
    ...(where.field !== undefined ? { field: where.field } : {}),
  };
  return issue;
}

/** A non-empty list of issues. */
export type Issues = readonly [Issue, ...Issue[]];

/** The result of a stage that can fail: a value, or every problem found. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: Issues };

export function ok<T>(value: T, warnings: readonly Issue[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T>(issues: readonly Issue[]): Result<T> {
  if (issues.length === 0) throw new Error("kaohe internal: fail() without issues");
  return { ok: false, issues: issues as Issues };
}
