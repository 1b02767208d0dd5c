/**
 * The input table: inputs declared in `inputs:` plus inputs implied by items
 * (an item's input defaults to its id, with the type its method needs).
 * @internal
 */
import { dec, type Dec } from "../engine/decimal.js";
import type { RubricPath } from "../parse/locate.js";
import type { InputDeclSource } from "../schema/rubric-schema.js";
import { nullPrototype, type CompileContext } from "./context.js";
import type { InputSpec, InputType } from "./model.js";

const opt = (v: number | string | undefined): Dec | undefined => (v === undefined ? undefined : dec(v));

/** Compile the declared `inputs:` section. */
export function declareInputs(ctx: CompileContext, decls: Record<string, InputDeclSource> | undefined): void {
  for (const [name, d] of Object.entries(decls ?? {})) {
    const path = ["inputs", name];
    if (["id", "name", "group"].includes(name)) {
      ctx.error("SCHEMA_CONSTRAINT", { detail: `"${name}" is reserved for the subject's ${name}; choose another input name` }, path, name);
      continue;
    }
    const base = { name, declared: true, ...(d.label !== undefined ? { label: d.label } : {}) };
    const required = (hasDefault: boolean) => d.required ?? !hasDefault;
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
        if (min && max && min.gt(max)) ctx.error("RANGE_INVALID", { detail: `min ${min.toFixed()} is above max ${max.toFixed()}` }, path);
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
      case "scores":
        spec = { ...base, type: "scores", required: d.required ?? true, ...rangeOf(d) };
        break;
      case "series":
        spec = { ...base, type: "series", length: d.length, required: d.required ?? true, ...rangeOf(d) };
        break;
      case "votes":
        spec = { ...base, type: "votes", levels: d.levels, required: d.required ?? true };
        break;
      case "records":
        spec = { ...base, type: "records", fields: nullPrototype(d.fields), required: d.required ?? false };
        break;
    }
    ctx.inputs.set(name, spec);
  }
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
  usedBy: string,
): InputSpec | undefined {
  const existing = ctx.inputs.get(name);
  if (existing) {
    if (!accepted.includes(existing.type)) {
      ctx.error(
        "INPUT_TYPE_CONFLICT",
        { id: name, first: existing.declared ? `a ${existing.type} (declared)` : `a ${existing.type} by ${ctx.impliedAt.get(name)}`, second: `${accepted.join(" or ")} by ${usedBy}` },
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
