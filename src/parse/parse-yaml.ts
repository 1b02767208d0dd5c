/**
 * Stage 1: YAML text → plain JS value, keeping the document and a LineCounter so
 * later stages can turn a rubric path into file:line:col.
 */
import { LineCounter, parseDocument, visit, type Document } from "yaml";
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import { parseDecimal } from "../engine/decimal.js";
import { makeLocator, type Locator } from "./locate.js";

/** A parsed YAML text with what is needed to locate paths in it. */
export interface ParsedYaml {
  /** The plain value (mappings → objects, sequences → arrays). */
  readonly value: unknown;
  /** Turns a path into a source position. */
  readonly locate: Locator;
  /** File name given by the caller, if any. */
  readonly file?: string;
}

/**
 * Parse YAML text. Never throws on input: problems come back as issues with
 * line:col. Duplicate keys are errors. Numbers that a JS number cannot hold
 * exactly (e.g. 0.12345678901234567891) are kept as their source text so the
 * decimal stages read them exactly.
 */
export function parseYaml(text: string, file?: string): { parsed: ParsedYaml; issues: Issue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, merge: true });
  const locate = makeLocator(doc, lineCounter, file);
  const issues: Issue[] = [];
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const source = { ...(file !== undefined ? { file } : {}), line, col };
    const detail = error.message.split("\n")[0] ?? error.code;
    if (error.code === "DUPLICATE_KEY") {
      const key = /"([^"]*)"/.exec(detail)?.[1] ?? detail;
      issues.push(makeIssue("YAML_DUPLICATE_KEY", { key, yamlCode: error.code }, { source }));
    } else {
      issues.push(makeIssue("YAML_SYNTAX", { detail: stripPosition(detail), yamlCode: error.code }, { source }));
    }
  }
  keepExactNumbers(doc);
  const value = issues.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
  if (issues.length === 0 && (value === null || value === undefined)) {
    issues.push(makeIssue("YAML_EMPTY", {}, { source: { ...(file !== undefined ? { file } : {}), line: 1, col: 1 } }));
  }
  return { parsed: { value, locate, ...(file !== undefined ? { file } : {}) }, issues };
}

function stripPosition(message: string): string {
  return message.replace(/\s+at line \d+, column \d+:?$/, "");
}

function keepExactNumbers(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "number" || node.source === undefined) return;
      const exact = parseDecimal(node.source.replace(/_/g, ""));
      const asRead = parseDecimal(node.value);
      if (exact && asRead && !exact.eq(asRead)) node.value = node.source;
    },
  });
}

