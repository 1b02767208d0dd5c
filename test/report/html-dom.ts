/**
 * A small, strict HTML parser for tests of the report kaohe writes (no browser, no
 * dependency): elements, attributes, text with entities decoded, raw text in <style>.
 * Strict on purpose: an unclosed or misnested tag, an unquoted attribute or an unknown
 * entity is an error, so a broken document fails the test instead of being repaired.
 */
export interface Element {
  readonly tag: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: (Element | string)[];
  readonly parent: Element | null;
}

const VOID = new Set(["meta", "br", "col", "img", "link", "input", "hr", "wbr", "source"]);
const RAW = new Set(["style", "script"]);
const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decode(text: string, at: number): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);|&/gi, (m, name: string | undefined) => {
    if (name === undefined) throw new Error(`bare & at ${at}`);
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    const v = ENTITIES[name];
    if (v === undefined) throw new Error(`unknown entity ${m} at ${at}`);
    return v;
  });
}

export function parseHtml(html: string): Element {
  const root: Element = { tag: "#document", attrs: new Map(), children: [], parent: null };
  let current = root;
  let i = 0;
  while (i < html.length) {
    if (html.startsWith("<!DOCTYPE", i) || html.startsWith("<!doctype", i)) {
      i = html.indexOf(">", i) + 1;
      continue;
    }
    if (html.startsWith("<!--", i)) {
      i = html.indexOf("-->", i) + 3;
      continue;
    }
    if (html.startsWith("</", i)) {
      const end = html.indexOf(">", i);
      const tag = html.slice(i + 2, end).trim().toLowerCase();
      if (tag !== current.tag) throw new Error(`</${tag}> at ${i} closes <${current.tag}>`);
      current = current.parent!;
      i = end + 1;
      continue;
    }
    if (html[i] === "<") {
      const m = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(i, i + 64));
      if (!m) throw new Error(`stray < at ${i}`);
      const tag = m[1]!.toLowerCase();
      let j = i + m[0].length;
      const attrs = new Map<string, string>();
      for (;;) {
        while (/\s/.test(html[j]!)) j++;
        if (html[j] === ">" || html.startsWith("/>", j)) break;
        const a = /^([^\s=/>]+)(?:="([^"]*)"|='([^']*)')?/.exec(html.slice(j));
        if (!a || a[0] === "") throw new Error(`bad attribute at ${j}`);
        if (/^=/.test(html.slice(j + a[1]!.length)) && a[2] === undefined && a[3] === undefined) throw new Error(`unquoted attribute at ${j}`);
        if (attrs.has(a[1]!.toLowerCase())) throw new Error(`repeated attribute ${a[1]} at ${j}`);
        attrs.set(a[1]!.toLowerCase(), decode(a[2] ?? a[3] ?? "", j));
        j += a[0].length;
      }
      const selfClosing = html.startsWith("/>", j);
      j += selfClosing ? 2 : 1;
      const el: Element = { tag, attrs, children: [], parent: current };
      current.children.push(el);
      i = j;
      if (VOID.has(tag) || selfClosing) continue;
      if (RAW.has(tag)) {
        const end = html.indexOf(`</${tag}>`, i);
        if (end < 0) throw new Error(`unclosed <${tag}>`);
        el.children.push(html.slice(i, end));
        i = end + tag.length + 3;
        continue;
      }
      current = el;
      continue;
    }
    const next = html.indexOf("<", i);
    const end = next < 0 ? html.length : next;
    const text = html.slice(i, end);
    if (text.includes(">")) throw new Error(`unescaped > in text at ${i}`);
    if (text.trim() !== "") current.children.push(decode(text, i));
    i = end;
  }
  if (current !== root) throw new Error(`<${current.tag}> is never closed`);
  return root;
}

/** Every element below `el` (depth first, document order). */
export function all(el: Element): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (const c of e.children)
      if (typeof c !== "string") {
        out.push(c);
        walk(c);
      }
  };
  walk(el);
  return out;
}

/** Elements matching a tag and, optionally, attribute values. */
export function find(el: Element, tag: string, attrs: Record<string, string | RegExp> = {}): Element[] {
  return all(el).filter((e) => e.tag === tag && Object.entries(attrs).every(([k, v]) => (typeof v === "string" ? e.attrs.get(k) === v : v.test(e.attrs.get(k) ?? ""))));
}

/** The text of an element (entities decoded), <br> as a newline. */
export function text(el: Element): string {
  return el.children.map((c) => (typeof c === "string" ? c : c.tag === "br" ? "\n" : c.tag === "style" ? "" : text(c))).join("");
}

/** Space-separated classes. */
export function hasClass(el: Element, cls: string): boolean {
  return (el.attrs.get("class") ?? "").split(/\s+/).includes(cls);
}
