/**
 * Rubric path → file:line:col, through the YAML document and its LineCounter.
 * A path that has no node (a missing key) resolves to its nearest existing ancestor.
 */
import { isCollection, isMap, isScalar, type Document, type LineCounter, type Node } from "yaml";
import type { SourcePosition } from "../diagnostics/issue.js";

export type RubricPath = readonly (string | number)[];

/** Finds source positions; `key` points at a mapping key instead of its value. */
export interface Locator {
  (path: RubricPath, options?: { key?: string }): SourcePosition | undefined;
}

export function makeLocator(doc: Document, lineCounter: LineCounter, file?: string): Locator {
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { ...(file !== undefined ? { file } : {}), line, col };
  };
  return (path, options) => {
    if (options?.key !== undefined) {
      // The key of a mapping: look it up in the mapping (the path may end with the key itself).
      const mapPath = path[path.length - 1] === options.key ? path.slice(0, -1) : path;
      const parent = nodeAt(doc, mapPath);
      if (isMap(parent)) {
        for (const pair of parent.items) {
          const key = pair.key as Node | null;
          if (isScalar(key) && String(key.value) === options.key && key.range) return position(key.range[0]);
        }
      }
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node = nodeAt(doc, path.slice(0, depth));
      if (node?.range) return position(node.range[0]);
    }
    return undefined;
  };
}

function nodeAt(doc: Document, path: RubricPath): Node | undefined {
  let node: unknown = doc.contents;
  for (const part of path) {
    if (!isCollection(node)) return undefined;
    node = node.get(part, true);
    if (node === undefined) return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}
