/**
 * The input table: inputs declared in `inputs:` plus inputs implied by items
 * (an item's input defaults to its id, with the type its method needs).
 * @internal
 */
import { parseDate } from "../decimal/dates.js";
import { dec, type Dec } from "../decimal/decimal.js";
import type { RubricPath } from "../parse/locate.js";
import type { InputDeclSource } from "../schema/rubric-schema.js";
import { nullPrototype, type CompileContext, type UsedBy } from "./context.js";
import type { InputSpec, InputType, ItemNode, Method, MissingPolicy } from "./model.js";

const opt = (v: number | string | undefined): Dec | undefined => (v === undefined ? undefined : dec(v));

/** Compile the declared `inputs:` section. */
export function declareInputs(ctx: CompileContext, decls: Record<string, InputDeclSource> | undefined): void {
  for (const [name, d] of Object.entries(decls ?? {})) {
    const path = ["inputs", name];
    if (["id", "name", "group"].includes(name)) {
      ctx.error("SCHEMA_CONSTRAINT", { reason: "input-subject-column", input: name }, path, name);
      continue;
    }
    const missing = "missing" in d ? d.missing : undefined;
    const base = { name, declared: true, ...(d.label !== undefined ? { label: d.label } : {}), ...(missing !== undefined ? { missing } : {}) };
    // An input may be absent when it has a default, or when its missing policy says what items do then.
    const required = (hasDefault: boolean) => d.required ?? (!hasDefault && (missing ?? "error") === "error");
    if (missing !== undefined) checkMissingDecl(ctx, name, d, missing, "default" in d && d.default !== undefined, path);
    let spec: InputSpec;
    switch (d.type) {
      case "number":
      case "count":
      case "ratio": {
        const min = opt("min" in d ? d.min : undefined) ?? (d.type === "number" ? undefined : dec(0));
        const max = opt(d.max as number | string | undefined) ?? (d.type === "ratio" ? dec(1) : undefined);
        const def = opt(d.default as number | string | undefined);
        spec = {
          ...base,
          type: d.type,
          required: required(def !== undefined),
          clamp: d.clamp ?? false,
          ...(min !== undefined ? { min } : {}),
          ...(max !== undefined ? { max } : {}),
          ...(d.type === "number" && d.places !== undefined ? { places: d.places } : {}),
          ...(d.type === "count" ? { places: 0 } : {}),
          ...(def !== undefined ? { default: def } : {}),
        };
        if (min && max && min.gt(max)) ctx.error("RANGE_INVALID", { reason: "input-min-above-max", min: min.toFixed(), max: max.toFixed() }, path);
        break;
      }
      case "boolean":
        spec = { ...base, type: "boolean", required: required(d.default !== undefined), ...(d.default !== undefined ? { default: d.default } : {}) };
        break;
      case "choice":
        spec = { ...base, type: "choice", values: d.values, required: required(d.default !== undefined), ...(d.default !== undefined ? { default: d.default } : {}) };
        if (d.default !== undefined && !d.values.includes(d.default))
          ctx.error("REF_UNKNOWN_LEVEL", { id: d.default, levels: d.values }, [...path, "default"]);
        break;
      case "grade":
        spec = { ...base, type: "grade", scale: d.scale, required: required(d.default !== undefined), ...(d.default !== undefined ? { default: d.default } : {}) };
        if (d.default !== undefined && !d.scale.includes(d.default))
          ctx.error("REF_UNKNOWN_GRADE", { id: d.default, scale: d.scale }, [...path, "default"]);
        break;
      case "text":
      case "rank":
        spec = { ...base, type: d.type, required: required(d.default !== undefined), ...(d.default !== undefined ? { default: d.default } : {}) };
        break;
      case "date": {
        // The schema has checked the default is a real date; keep it as ISO text.
        const def = d.default === undefined ? undefined : parseDate(d.default);
        spec = { ...base, type: "date", required: required(def !== undefined), ...(def && "iso" in def ? { default: def.iso } : {}) };
        break;
      }
      case "scores":
        spec = { ...base, type: "scores", required: required(false), ...rangeOf(d), ...(d.places !== undefined ? { places: d.places } : {}) };
        break;
      case "series":
        spec = { ...base, type: "series", length: d.length, required: required(false), ...rangeOf(d) };
        break;
      case "votes":
        spec = { ...base, type: "votes", levels: d.levels, required: required(false) };
        break;
      case "records":
        spec = { ...base, type: "records", fields: nullPrototype(d.fields), required: d.required ?? false };
        break;
    }
    ctx.inputs.set(name, spec);
  }
}

/** `missing:` on a declaration: not with a default, not with required: true, zero only where 0 means something. */
function checkMissingDecl(ctx: CompileContext, name: string, d: InputDeclSource, missing: MissingPolicy, hasDefault: boolean, path: RubricPath): void {
  const at = [...path, "missing"];
  if (hasDefault) ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-with-default", input: name }, at);
  else if (d.required === true && missing !== "error")
    ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-with-required", input: name, missing }, at);
  if (missing !== "zero") return;
  if (!ZERO_TYPES.includes(d.type)) {
    ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-zero-type", input: name, type: d.type }, at);
    return;
  }
  const min = "min" in d && d.min !== undefined ? dec(d.min as number | string) : undefined;
  const max = "max" in d && d.max !== undefined ? dec(d.max as number | string) : undefined;
  if (d.type !== "scores" && ((min && min.gt(0)) || (max && max.lt(0))))
    ctx.error("RANGE_INVALID", { reason: "missing-zero-range", input: name, ...(min ? { min: min.toFixed() } : {}), ...(max ? { max: max.toFixed() } : {}) }, at);
}

/** Input types whose absent value `missing: zero` can read as zero (a scores input as an empty list). */
const ZERO_TYPES: readonly InputType[] = ["number", "count", "ratio", "scores"];


/**
 * The inputs an item method reads itself (not through conditions). A scores input
 * read by a `chosen` entry is marked: an empty list is a valid choice there.
 */
export function methodInputs(m: Method): { readonly input: string; readonly chosen?: true }[] {
  switch (m.kind) {
    case "input":
    case "yesno":
    case "levels":
    case "bands":
    case "rank":
    case "votes":
    case "periods":
    case "carry":
      return [{ input: m.input }];
    case "ratio":
      return m.input !== undefined ? [{ input: m.input }] : [{ input: m.numerator! }, { input: m.denominator! }];
    case "scale":
      return [{ input: m.input }, ...(m.targetInput !== undefined ? [{ input: m.targetInput }] : [])];
    case "panel":
      return m.groups.map((g) => ({ input: g.input }));
    case "deduct":
    case "bonus":
    case "adjust": {
      const entries = m.kind === "deduct" ? m.entries : m.kind === "bonus" ? [...m.entries, ...m.outside] : [...m.additions, ...m.deductions];
      const out: { input: string; chosen?: true }[] = [];
      for (const e of entries) {
        // Records are never absent (an absent records input is an empty list); `when` reads facts.
        if (e.type === "per" || e.type === "shortfall") out.push({ input: e.input });
        else if (e.type === "chosen") out.push({ input: e.input, chosen: true });
      }
      return out;
    }
    case "linked":
      return [];
    default: {
      const unhandled: never = m;
      throw new Error(`kaohe internal: method ${(unhandled as Method).kind}`);
    }
  }
}

/**
 * After the tree is compiled: an item's `missing` must apply to some input it reads,
 * and `zero` (the item's or its inputs') must mean something for every input it reads.
 */
export function checkItemMissing(ctx: CompileContext, items: readonly ItemNode[]): void {
  for (const item of items) {
    const reads = methodInputs(item.method);
    const at = [...item.path, "missing"];
    if (item.missing !== undefined && reads.length === 0) {
      ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-no-input", item: item.id }, at);
      continue;
    }
    for (const r of reads) {
      const spec = ctx.inputs.get(r.input);
      if (!spec) continue;
      const policy = item.missing ?? spec.missing ?? "error";
      if (policy !== "zero") continue;
      // A panel's scores cannot be zero, whoever says so; the input's own zero is checked where it is declared.
      if (spec.type === "scores" && !r.chosen)
        ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-zero-panel", item: item.id }, item.missing !== undefined ? at : item.path);
      else if (item.missing === undefined) continue;
      else if (!ZERO_TYPES.includes(spec.type)) ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-zero-type", input: r.input, type: spec.type }, at);
      else if ((spec.type === "number" || spec.type === "count" || spec.type === "ratio") && ((spec.min && spec.min.gt(0)) || (spec.max && spec.max.lt(0))))
        ctx.error("RANGE_INVALID", { reason: "item-missing-zero-range", item: item.id, input: r.input, ...(spec.min ? { min: spec.min.toFixed() } : {}), ...(spec.max ? { max: spec.max.toFixed() } : {}) }, at);
    }
  }
}

/**
 * The subject columns of `subject:` (id, name, group, ignore) name data columns: none
 * may also be an input's name or label, or another subject field.
 */
export function checkSubjectColumns(ctx: CompileContext, subject: { id?: string; name?: string; group?: string; ignore?: string[] } | undefined): void {
  if (!subject) return;
  const inputColumns = new Map<string, string>();
  for (const spec of ctx.inputs.values()) {
    inputColumns.set(spec.name, spec.name);
    if (spec.label !== undefined) inputColumns.set(spec.label, spec.name);
  }
  const seen = new Map<string, string>([["id", "id"], ["name", "name"], ["group", "group"]]);
  const claim = (column: string, what: string, path: RubricPath) => {
    const input = inputColumns.get(column);
    const other = seen.get(column);
    if (input !== undefined) ctx.error("SCHEMA_CONSTRAINT", { reason: "column-also-input", column, what, input }, path);
    else if (other !== undefined && other !== what) ctx.error("SCHEMA_CONSTRAINT", { reason: "column-twice", column, what, other }, path);
    else seen.set(column, what);
  };
  for (const key of ["id", "name", "group"] as const) if (subject[key] !== undefined) claim(subject[key], key, ["subject", key]);
  (subject.ignore ?? []).forEach((c, i) => claim(c, "ignore", ["subject", "ignore", i]));
}

function rangeOf(d: { min?: number | string; max?: number | string }): { min?: Dec; max?: Dec } {
  return { ...(d.min !== undefined ? { min: dec(d.min) } : {}), ...(d.max !== undefined ? { max: dec(d.max) } : {}) };
}

/**
 * An item uses input `name` as one of `accepted` types. A declared input must have
 * one of them; an undeclared one is implied as `implied`. Returns the spec in force.
 */
export function useInput(
  ctx: CompileContext,
  name: string,
  accepted: readonly InputType[],
  implied: InputSpec,
  path: RubricPath,
  usedBy: UsedBy,
): InputSpec | undefined {
  const existing = ctx.inputs.get(name);
  if (existing) {
    if (!accepted.includes(existing.type)) {
      ctx.error(
        "INPUT_TYPE_CONFLICT",
        {
          id: name,
          first: existing.declared ? `a ${existing.type} (declared)` : `a ${existing.type} by ${byText(ctx.impliedAt.get(name))}`,
          second: `${accepted.join(" or ")} by ${byText(usedBy)}`,
          firstType: existing.type,
          ...(existing.declared ? {} : { firstBy: ctx.impliedAt.get(name) }),
          secondTypes: accepted,
          secondBy: usedBy,
        },
        path,
      );
      return undefined;
    }
    if (!existing.declared && existing.type === implied.type) return narrow(ctx, existing, implied);
    return existing;
  }
  ctx.inputs.set(name, implied);
  ctx.impliedAt.set(name, usedBy);
  return implied;
}

const byText = (by: UsedBy | undefined) => (by === undefined ? "?" : `${by.entry !== undefined ? `entry "${by.entry}" of ` : ""}item "${by.item}"`);

/** Two items imply the same input: keep the tighter range so both are satisfied. */
function narrow(ctx: CompileContext, a: InputSpec, b: InputSpec): InputSpec {
  if ((a.type === "number" || a.type === "count" || a.type === "ratio") && b.type === a.type) {
    const max = a.max && b.max ? (a.max.lte(b.max) ? a.max : b.max) : (a.max ?? b.max);
    const merged = { ...a, ...(max ? { max } : {}) };
    ctx.inputs.set(a.name, merged);
    return merged;
  }
  return a;
}

export function impliedNumber(name: string, type: "number" | "count" | "ratio", min?: Dec, max?: Dec): InputSpec {
  return {
    name,
    type,
    declared: false,
    required: true,
    clamp: false,
    ...(min ? { min } : {}),
    ...(max ? { max } : {}),
    ...(type === "count" ? { places: 0 } : {}),
  };
}
