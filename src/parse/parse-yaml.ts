/**
 * Stage 1: YAML text → plain JS value, keeping the document and a LineCounter so
 * later stages can turn a rubric path into file:line:col.
 *
 * Hostile or broken input is refused with a code at line:col, before anything
 * large is built: control characters, nesting deeper than `maxDepth` (checked on
 * the token tree, before the recursive composer runs), unknown tags, aliases that
 * name no earlier anchor or sit inside their own anchor, merges of non-mappings,
 * and alias expansion beyond `maxAliasCount`.
 */
import {
  Composer,
  CST as Cst,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Lexer,
  Parser,
  visit,
  YAMLParseError,
  type CST,
  type Document,
  type Node,
} from "yaml";
import { makeIssue, type Issue, type SourcePosition } from "../diagnostics/issue.js";
import { parseDecimal } from "../decimal/decimal.js";
import { makeLocator, type Locator } from "./locate.js";

/** Default of {@link YamlLimits.maxDepth}: nesting levels of mappings and lists. */
export const DEFAULT_MAX_DEPTH = 64;
/** Default of {@link YamlLimits.maxAliasCount}. */
export const DEFAULT_MAX_ALIAS_COUNT = 1000;
/** Default of {@link YamlLimits.maxLength}: characters of one rubric or tests text (4 MiB). */
export const DEFAULT_MAX_LENGTH = 4 * 1024 * 1024;

/** Bounds on what a YAML text may make kaohe build. */
export interface YamlLimits {
  /**
   * How deep mappings and lists may nest (default 64; a rubric with 20 levels of
   * groups nests about 42 deep). Deeper is YAML_TOO_DEEP.
   */
  readonly maxDepth?: number;
  /**
   * How many times one anchor may be expanded by aliases (`*base`, `<<: *base`),
   * multiplied by the aliases inside it, as the yaml library counts it (default
   * 1000; the library's own default of 100 refuses ordinary merge-heavy rubrics).
   * More is YAML_ALIAS_LIMIT: it bounds "billion laughs" documents.
   */
  readonly maxAliasCount?: number;
  /**
   * How many characters the text may hold (default 4,194,304: the largest bundled rubric
   * is about 10 KB, its recorded test file about 200 KB). Longer is YAML_TOO_LARGE,
   * found before any parsing, so a runaway file is refused at once.
   */
  readonly maxLength?: number;
}

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
export function parseYaml(text: string, file?: string, limits: YamlLimits = {}): { parsed: ParsedYaml; issues: Issue[] } {
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxAliasCount = limits.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT;
  const maxLength = limits.maxLength ?? DEFAULT_MAX_LENGTH;
  const lineCounter = new LineCounter();
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { ...(file !== undefined ? { file } : {}), line, col };
  };
  const failed = (issues: Issue[]) => ({ parsed: { value: undefined, locate: (() => undefined) as Locator, ...(file !== undefined ? { file } : {}) }, issues });

  if (text.length > maxLength)
    return failed([makeIssue("YAML_TOO_LARGE", { limit: maxLength, length: text.length }, { source: textPosition(text, maxLength, file) })]);

  const control = controlCharacter(text);
  if (control) return failed([makeIssue("YAML_CONTROL_CHARACTER", { char: control.char, count: control.count }, { source: textPosition(text, control.index, file) })]);

  let tokens: CST.Token[];
  try {
    tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  } catch (e) {
    // yaml's parser recurses once per nesting level: a 10,000-deep block sequence overflows it.
    if (e instanceof RangeError) return failed([makeIssue("YAML_TOO_DEEP", { limit: maxDepth }, { source: textPosition(text, lexicalTooDeep(text, maxDepth), file) })]);
    throw e;
  }
  const deep = firstTooDeep(tokens, maxDepth);
  if (deep !== undefined) return failed([makeIssue("YAML_TOO_DEEP", { limit: maxDepth }, { source: at(deep) })]);

  let doc: Document.Parsed;
  try {
    doc = compose(tokens, text.length);
  } catch (e) {
    if (e instanceof RangeError) return failed([makeIssue("YAML_TOO_DEEP", { limit: maxDepth }, { source: at(0) })]);
    throw e;
  }
  const locate = makeLocator(doc, lineCounter, file);
  const issues: Issue[] = [];
  for (const error of doc.errors) {
    // yaml reports an unclosed quote at the end of the text; the opening quote is where to look.
    const opened = error.code === "MISSING_CHAR" && /closing ["']quote/.test(error.message) ? unclosedQuoteStart(tokens, error.pos[0]) : undefined;
    const source = at(opened ?? error.pos[0]);
    const detail = error.message.split("\n")[0] ?? error.code;
    if (error.code === "DUPLICATE_KEY") {
      // yaml's message does not name the key ("Map keys must be unique"): read it from the pair that starts here.
      const key = keyAt(doc, error.pos[0]) ?? text.slice(error.pos[0], Math.min(error.pos[1], error.pos[0] + 60));
      issues.push(makeIssue("YAML_DUPLICATE_KEY", { key, yamlCode: error.code }, { source }));
    } else if (/call stack/i.test(detail)) {
      issues.push(makeIssue("YAML_TOO_DEEP", { limit: maxDepth }, { source }));
    } else {
      // The parser's own words are kept as data; the messages say it by yamlCode in each locale.
      issues.push(makeIssue("YAML_SYNTAX", { yamlCode: error.code, parserMessage: stripPosition(detail) }, { source }));
    }
  }
  for (const warning of doc.warnings) {
    if (warning.code !== "TAG_RESOLVE_FAILED") continue;
    const tag = (/Unresolved tag: (\S+)/.exec(warning.message)?.[1] ?? "?").replace(/^tag:yaml\.org,2002:/, "!!");
    issues.push(makeIssue("YAML_UNKNOWN_TAG", { tag }, { source: at(warning.pos[0]) }));
  }
  if (issues.length === 0) issues.push(...checkNodes(doc, text, at, maxAliasCount));
  if (issues.length > 0) return { parsed: { value: undefined, locate, ...(file !== undefined ? { file } : {}) }, issues };

  keepExactNumbers(doc);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (e) {
    // checkNodes reports these with their position; this is the library's own guard behind it.
    const message = e instanceof Error ? e.message : "";
    if (/alias count/i.test(message)) issues.push(makeIssue("YAML_ALIAS_LIMIT", { alias: "?", limit: maxAliasCount }, { source: at(0) }));
    else if (/Unresolved alias/i.test(message)) issues.push(makeIssue("YAML_ALIAS", { alias: "?", reason: "unknown" }, { source: at(0) }));
    else if (/Merge sources/i.test(message)) issues.push(makeIssue("YAML_MERGE", { received: "a value that is not a mapping", got: { kind: "not-mapping" } }, { source: at(0) }));
    else if (e instanceof RangeError) issues.push(makeIssue("YAML_TOO_DEEP", { limit: maxDepth }, { source: at(0) }));
    else throw e;
  }
  if (issues.length === 0 && (value === null || value === undefined)) {
    issues.push(makeIssue("YAML_EMPTY", {}, { source: { ...(file !== undefined ? { file } : {}), line: 1, col: 1 } }));
  }
  return { parsed: { value, locate, ...(file !== undefined ? { file } : {}) }, issues };
}

function compose(tokens: readonly CST.Token[], length: number): Document.Parsed {
  // As yaml's parseDocument, on tokens already checked for depth. resolveKnownTags: false
  // leaves YAML 1.1 tags (!!binary, !!set, !!timestamp...) unresolved, so they are reported.
  const composer = new Composer({ uniqueKeys: true, prettyErrors: false, strict: true, merge: true, resolveKnownTags: false });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; a rubric is one YAML document"));
      break;
    }
  }
  return doc!;
}

/**
 * The offset of the opening quote of the quoted scalar that runs up to `end` (the
 * position where yaml found the closing quote missing), or undefined. The token tree is
 * walked iteratively, so any depth is safe.
 */
function unclosedQuoteStart(tokens: readonly CST.Token[], end: number): number | undefined {
  const stack: unknown[] = [...tokens];
  let found: number | undefined;
  while (stack.length > 0) {
    const t = stack.pop();
    if (typeof t !== "object" || t === null) continue;
    const token = t as { type?: unknown; offset?: unknown; source?: unknown };
    if ((token.type === "double-quoted-scalar" || token.type === "single-quoted-scalar") && typeof token.offset === "number" && typeof token.source === "string") {
      // Only the unclosed scalar runs on to where the closing quote was looked for.
      if (token.offset + token.source.length >= end && (found === undefined || token.offset > found)) found = token.offset;
      continue;
    }
    for (const v of Object.values(t)) if (typeof v === "object" && v !== null) stack.push(v);
  }
  return found;
}

/** Nesting depth of collections on the token tree (iterative: any depth is safe here). */
function firstTooDeep(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0] as [CST.Token, number]).reverse();
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case "document":
        if (token.value) stack.push([token.value, depth]);
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection": {
        if (depth + 1 > limit) return token.offset;
        const children: CST.Token[] = [];
        for (const item of token.items as CST.CollectionItem[]) {
          if (item.key) children.push(item.key);
          if (item.value) children.push(item.value);
        }
        for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** The text of the mapping key whose node starts at `offset`, if there is one. */
function keyAt(doc: Document.Parsed, offset: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key as { range?: [number, number, number] } | null;
      if (key?.range?.[0] !== offset) return undefined;
      if (isScalar(key)) found = String(key.value);
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Where nesting passes the limit, found without parsing (for text yaml's parser cannot
 * parse at all): runs of sequence or explicit-key indicators on one line plus open flow
 * brackets, counting the root as one level as firstTooDeep does. 0 when not found.
 */
function lexicalTooDeep(text: string, limit: number): number {
  let offset = 0;
  let run = 0;
  let flow = 0;
  for (const source of new Lexer().lex(text)) {
    const type = Cst.tokenType(source);
    if (type === "newline") run = 0;
    else if (type === "seq-item-ind" || type === "explicit-key-ind") run++;
    else if (type === "flow-seq-start" || type === "flow-map-start") flow++;
    else if (type === "flow-seq-end" || type === "flow-map-end") flow = Math.max(0, flow - 1);
    if ((run > 0 || flow > 0) && run + flow >= limit) return offset;
    // The lexer's mode markers (doc-mode, scalar, flow-error-end) are not text.
    if (type !== "doc-mode" && type !== "scalar" && type !== "flow-error-end") offset += source.length;
  }
  return 0;
}

// C0 controls other than tab, LF and CR; DEL; C1 controls other than NEL; U+FFFE/U+FFFF;
// unpaired surrogates. YAML allows none of them in a stream.
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const C0_NAMES = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"];

function charName(c: string): string {
  const code = c.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = code < 0x20 ? C0_NAMES[code] : code === 0x7f ? "DEL" : code >= 0xd800 && code <= 0xdfff ? "unpaired surrogate" : undefined;
  return name ? `${hex} (${name})` : hex;
}

function controlCharacter(text: string): { index: number; char: string; count: number } | undefined {
  CONTROL.lastIndex = 0;
  const first = CONTROL.exec(text);
  if (!first) return undefined;
  let count = 1;
  while (CONTROL.exec(text)) count++;
  CONTROL.lastIndex = 0;
  return { index: first.index, char: charName(first[0]), count };
}

function textPosition(text: string, index: number, file?: string): SourcePosition {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  const col = index - text.lastIndexOf("\n", index - 1);
  return { ...(file !== undefined ? { file } : {}), line, col };
}

const isMergeKey = (key: unknown): boolean =>
  isScalar(key) && (key.value === "<<" || (typeof key.value === "symbol" && key.value.description === "<<"));

const kindOf = (node: unknown): string => (isSeq(node) ? "a list" : isMap(node) ? "a mapping" : isScalar(node) ? `the value ${JSON.stringify(String(node.value))}` : "nothing");
/** The same as data, for the messages of other locales. */
const gotOf = (node: unknown) => (isSeq(node) ? { kind: "list" } : isMap(node) ? { kind: "mapping" } : isScalar(node) ? { kind: "value", value: String(node.value) } : { kind: "nothing" });

/**
 * One pass over the composed document: aliases (known, not cyclic, within the
 * expansion budget counted as yaml counts it), merges (of mappings), and string
 * values holding control characters written as escapes ("\0", "\a").
 */
function checkNodes(doc: Document.Parsed, text: string, at: (offset: number) => SourcePosition, maxAliasCount: number): Issue[] {
  const issues: Issue[] = [];
  const anchors = new Map<string, Node>();
  const targets = new Map<Node, Node>();
  const counts = new Map<Node, { count: number; aliasCount: number }>();
  const pos = (node: unknown) => at((node as { range?: [number, number, number] }).range?.[0] ?? 0);
  // At a merge pair its value is not visited yet: an alias resolves to the last anchor of its name so far.
  const resolve = (node: unknown): unknown => (isAlias(node) ? anchors.get(node.source) : node);
  const aliasCountOf = (node: unknown): number => {
    if (isAlias(node)) {
      const target = targets.get(node);
      const data = target && counts.get(target);
      return data ? data.count * data.aliasCount : 0;
    }
    if (isPair(node)) return Math.max(aliasCountOf(node.key), aliasCountOf(node.value));
    if (isCollection(node)) return (node.items as unknown[]).reduce<number>((m, item) => Math.max(m, aliasCountOf(item)), 0);
    return 1;
  };
  let overLimit = false;
  visit(doc, (_key, node, path) => {
    if (!node) return; // an empty value (`key:` with nothing after it)
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) {
        issues.push(makeIssue("YAML_ALIAS", { alias: node.source, reason: "unknown" }, { source: pos(node) }));
        return;
      }
      if (path.includes(target as never)) {
        issues.push(makeIssue("YAML_ALIAS", { alias: node.source, reason: "cycle" }, { source: pos(node) }));
        return;
      }
      targets.set(node, target);
      const data = counts.get(target)!;
      data.count += 1;
      if (data.aliasCount === 0) data.aliasCount = aliasCountOf(target);
      if (!overLimit && data.count * data.aliasCount > maxAliasCount) {
        overLimit = true;
        issues.push(makeIssue("YAML_ALIAS_LIMIT", { alias: node.source, limit: maxAliasCount }, { source: pos(node) }));
      }
      return;
    }
    if (isPair(node)) {
      // A list or mapping as a key (`[a]: 1`): yaml would stringify it and call process.emitWarning
      // in the host; no rubric key is one.
      if (isCollection(resolve(node.key))) {
        issues.push(makeIssue("YAML_SYNTAX", { detail: "a key must be a plain value (text or a number), not a list or a mapping", yamlCode: "COLLECTION_KEY" }, { source: pos(node.key) }));
        return;
      }
      if (!isMergeKey(node.key)) return;
      const value = resolve(node.value);
      const sources = isSeq(value) ? value.items : [node.value];
      for (const s of sources) {
        const source = resolve(s);
        if (source !== undefined && !isMap(source)) {
          const inList = isSeq(value) && value !== source;
          const received = inList ? `a list holding ${kindOf(source)}` : kindOf(source);
          issues.push(makeIssue("YAML_MERGE", { received, got: { ...gotOf(source), ...(inList ? { inList } : {}) } }, { source: pos(isAlias(node.value) ? node.value : s) }));
          break;
        }
      }
      return;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      anchors.set(anchor, node as Node);
      counts.set(node as Node, { count: 1, aliasCount: 0 });
    }
    if (isScalar(node) && typeof node.value === "string") {
      const control = controlCharacter(node.value);
      if (control) {
        // Raw control characters were refused before parsing, so this one is an escape: point at it.
        const range = node.range ?? [0, 0, 0];
        const escape = controlEscape(text.slice(range[0], range[1]));
        issues.push(makeIssue("YAML_CONTROL_CHARACTER", { char: control.char, count: control.count }, { source: at(range[0] + (escape ?? 0)) }));
      }
    }
  });
  return issues;
}

/** Offset, in a double-quoted scalar's source, of the first escape that writes a control character ("\\0", "\\a", "\\x07", "\\u0000"). */
function controlEscape(source: string): number | undefined {
  const escapes = /\\(?:([0abtnvfre "\/\\N_LP\t])|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))/g;
  const named = new Map([["0", "\0"], ["a", "\x07"], ["b", "\b"], ["v", "\v"], ["f", "\f"], ["e", "\x1B"]]);
  for (let m = escapes.exec(source); m; m = escapes.exec(source)) {
    const hex = m[2] ?? m[3] ?? m[4];
    const char = hex !== undefined ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)) : named.get(m[1]!);
    if (char !== undefined && controlCharacter(char)) return m.index;
  }
  return undefined;
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
