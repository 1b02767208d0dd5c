// scripts/seeded-random.ts
var SeededRandom = class {
  state;
  constructor(seed) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next() {
    let t = this.state = this.state + 1831565813 >>> 0;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  }
  int(min2, max2) {
    return min2 + Math.floor(this.next() * (max2 - min2 + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(items2) {
    return items2[Math.floor(this.next() * items2.length)];
  }
  /** Pick by weights, e.g. weighted(["A","B"], [0.7, 0.3]). */
  weighted(items2, weights) {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < items2.length; i++) {
      r -= weights[i];
      if (r < 0) return items2[i];
    }
    return items2[items2.length - 1];
  }
  /** A decimal string in [min, max] with `places` decimals. */
  decimal(min2, max2, places2) {
    const scale = 10 ** places2;
    return (this.int(Math.round(min2 * scale), Math.round(max2 * scale)) / scale).toFixed(places2);
  }
};

// bench/peer-shape.ts
var COMPONENTS = [
  { id: "self", label: "\u81EA\u8BC4", weight: 10, items: [30, 30, 40] },
  { id: "duty", label: "\u515A\u5EFA\u5DE5\u4F5C\u8D23\u4EFB\u5236", weight: 70, items: [10, 10, 10, 5, 5, 10, 10, 10, 5, 5, 10, 10] },
  { id: "peers", label: "\u6C11\u4E3B\u8BC4\u8BAE", weight: 20, items: [20, 20, 20, 20, 20] }
];
var QUOTA_PERCENT = 20;
function peerRubricYaml() {
  const lines = [
    "kaohe: 1",
    "id: peer-shape-bench",
    "name: \u515A\u7EC4\u7EC7\u4E66\u8BB0\u8FF0\u804C\u8BC4\u8BAE\u8003\u6838\uFF08\u57FA\u51C6\u6D4B\u8BD5\uFF09",
    "year: 2024",
    'version: "bench"',
    "rounding: { places: 2, mode: half-up }",
    "inputs:",
    "  violation: { type: boolean, default: false, label: \u4E25\u91CD\u8FDD\u89C4\u8FDD\u7EAA }",
    "grades:",
    "  - { id: excellent, label: \u4F18\u79C0, min: 90 }",
    "  - { id: good, label: \u826F\u597D, min: 80 }",
    "  - { id: pass, label: \u5408\u683C, min: 60 }",
    "  - { id: fail, label: \u4E0D\u5408\u683C }",
    "scoring:",
    "  combine: weighted",
    "  max: 100",
    "  children:"
  ];
  for (const c of COMPONENTS) {
    lines.push(`    - id: ${c.id}`, `      label: ${c.label}`, `      weight: ${c.weight}%`, "      combine: weighted", "      max: 100", "      children:");
    c.items.forEach((w, i) => lines.push(`        - { id: ${c.id}${i + 1}, kind: input, max: 100, weight: ${w}% }`));
  }
  lines.push(
    "rules:",
    "  - { id: violation, kind: downgrade, when: input.violation, reason: \u73ED\u5B50\u6210\u5458\u4E25\u91CD\u8FDD\u89C4\u8FDD\u7EAA\uFF0C\u964D\u4E00\u6863 }",
    "quotas:",
    `  - { id: excellent-${QUOTA_PERCENT}, grade: excellent, share: ${QUOTA_PERCENT}% }`
  );
  return `${lines.join("\n")}
`;
}
function peerSubjects(count, seed = 2024) {
  const rnd = new SeededRandom(seed);
  const out = [];
  for (let n2 = 0; n2 < count; n2++) {
    const q2 = rnd.next();
    const centre = Math.round((55 + 45 * q2) * 10);
    const v = () => Math.min(1e3, Math.max(0, centre + rnd.int(-120, 120))) / 10;
    out.push({
      id: `P${String(n2 + 1).padStart(7, "0")}`,
      self1: v(),
      self2: v(),
      self3: v(),
      duty1: v(),
      duty2: v(),
      duty3: v(),
      duty4: v(),
      duty5: v(),
      duty6: v(),
      duty7: v(),
      duty8: v(),
      duty9: v(),
      duty10: v(),
      duty11: v(),
      duty12: v(),
      peers1: v(),
      peers2: v(),
      peers3: v(),
      peers4: v(),
      peers5: v(),
      violation: rnd.chance(0.02)
    });
  }
  return out;
}

// bench/gansu-shape.ts
var CATEGORY_SIZES = [5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 4, 4];
var AREAS = ["\u670D\u52A1\u4E2D\u5FC3\u5DE5\u4F5C", "\u843D\u5B9E\u4E3B\u4F53\u8D23\u4EFB", "\u5B8C\u6210\u91CD\u70B9\u4EFB\u52A1", "\u5F3A\u5316\u57FA\u7840\u4FDD\u969C"];
var GROUPS = ["\u7B2C1\u7EC4", "\u7B2C2\u7EC4", "\u7B2C3\u7EC4", "\u7B2C4\u7EC4", "\u7B2C5\u7EC4", "\u7B2C6\u7EC4", "\u7B2C7\u7EC4", "\u7B2C8\u7EC4", "\u7B2C9\u7EC4", "\u7B2C10\u7EC4", "\u7B2C11\u7EC4"];
var LEVELS = ["\u597D", "\u8F83\u597D", "\u4E00\u822C", "\u5DEE"];
function items() {
  const out = [];
  let n2 = 0;
  CATEGORY_SIZES.forEach((size, c) => {
    for (let i = 0; i < size; i++, n2++) {
      const id = `i${String(n2 + 1).padStart(2, "0")}`;
      const max2 = n2 < 58 ? 1.5 : 1;
      let item;
      switch (n2 % 6) {
        case 0:
          item = { id, kind: "per", max: max2, points: 0.5 };
          break;
        case 1:
          item = { id, kind: "shortfall", max: max2, required: 4, points: 0.25 };
          break;
        case 2:
          item = { id, kind: "levels", max: max2, levels: max2 === 1.5 ? [1.5, 1.2, 0.8, 0] : [1, 0.8, 0.5, 0] };
          break;
        case 3:
          item = { id, kind: "ratio", max: max2 };
          break;
        case 4:
          item = { id, kind: "yesno", max: max2 };
          break;
        default:
          item = { id, kind: "bands", max: max2, bands: [[12, max2], [8, max2 / 2 === 0.75 ? 0.75 : 0.5]] };
      }
      out.push({ area: Math.floor(c / 4), category: c, item });
    }
  });
  return out;
}
function rubricYaml() {
  const all = items();
  const lines = [
    "kaohe: 1",
    "id: gansu-shape-bench",
    "name: \u7701\u76F4\u673A\u5173\u515A\u5EFA\u5DE5\u4F5C\u8003\u6838\uFF08\u57FA\u51C6\u6D4B\u8BD5\uFF09",
    "year: 2017",
    'version: "bench"',
    "rounding: { places: 2, mode: half-up }",
    "inputs:",
    "  major_problem: { type: boolean, default: false }",
    "grades:",
    "  - { id: excellent, label: \u4F18\u79C0, min: 90 }",
    "  - { id: good, label: \u826F\u597D, min: 80 }",
    "  - { id: pass, label: \u4E00\u822C, min: 60 }",
    "  - { id: fail, label: \u8F83\u5DEE }",
    "scoring:",
    "  combine: weighted",
    "  children:",
    "    - id: onsite",
    "      label: \u5B9E\u5730\u8003\u6838",
    "      weight: 60%",
    "      max: 100",
    "      children:"
  ];
  for (let a = 0; a < 4; a++) {
    lines.push(`        - id: area${a + 1}`, `          label: ${AREAS[a]}`, "          children:");
    for (let c = a * 4; c < a * 4 + 4; c++) {
      lines.push(`            - id: cat${c + 1}`, `              label: \u7B2C${c + 1}\u7C7B`, "              children:");
      for (const { item } of all.filter((x) => x.category === c)) lines.push(`                - ${itemYaml(item)}`);
    }
  }
  lines.push(
    "    - { id: regular, label: \u5E73\u65F6\u8003\u6838, weight: 30%, kind: periods, count: 4, max: 100 }",
    "    - { id: democratic, label: \u6C11\u4E3B\u6D4B\u8BC4, weight: 10%, kind: input, max: 100 }",
    "rules:",
    "  - { id: major-problem, kind: downgrade, when: input.major_problem, reason: \u53D1\u73B0\u7A81\u51FA\u95EE\u9898\uFF0C\u964D\u4E00\u6863 }",
    "quotas:",
    "  - { id: excellent-30, grade: excellent, share: 30%, rounding: floor }",
    "actions:",
    "  - { id: interview, label: \u7EA6\u8C08, when: { fact: grade, eq: fail } }"
  );
  return `${lines.join("\n")}
`;
}
function itemYaml(item) {
  switch (item.kind) {
    case "per":
      return `{ id: ${item.id}, kind: deduct, max: ${item.max}, deductions: [ { id: each, per: ${item.id}, points: ${item.points} } ] }`;
    case "shortfall":
      return `{ id: ${item.id}, kind: deduct, max: ${item.max}, deductions: [ { id: fewer, shortfall: { input: ${item.id}, required: ${item.required} }, points: ${item.points} } ] }`;
    case "levels":
      return `{ id: ${item.id}, kind: levels, max: ${item.max}, levels: { ${LEVELS.map((l2, i) => `${l2}: ${item.levels[i]}`).join(", ")} } }`;
    case "ratio":
      return `{ id: ${item.id}, kind: ratio, max: ${item.max} }`;
    case "yesno":
      return `{ id: ${item.id}, kind: yesno, max: ${item.max} }`;
    case "bands":
      return `{ id: ${item.id}, kind: bands, max: ${item.max}, bands: [ ${item.bands.map(([min2, p]) => `{ min: ${min2}, points: ${p} }`).join(", ")} ] }`;
  }
}
function* subjects(count, seed = 2017) {
  const rnd = new SeededRandom(seed);
  const all = items();
  for (let n2 = 0; n2 < count; n2++) {
    const q2 = rnd.next();
    const row = { id: `U${String(n2 + 1).padStart(7, "0")}`, group: GROUPS[n2 % GROUPS.length] };
    for (const { item } of all) {
      switch (item.kind) {
        case "per":
          row[item.id] = String(rnd.chance(q2) ? 0 : rnd.int(1, 3));
          break;
        case "shortfall":
          row[item.id] = String(rnd.int(q2 > 0.5 ? 3 : 1, 5));
          break;
        case "levels":
          row[item.id] = LEVELS[Math.min(3, Math.floor((1 - q2) * 3 + rnd.next()))];
          break;
        case "ratio":
          row[item.id] = rnd.decimal(0.7 + 0.3 * q2, 1, 3);
          break;
        case "yesno":
          row[item.id] = rnd.chance(0.6 + 0.4 * q2) ? "true" : "false";
          break;
        case "bands":
          row[item.id] = String(rnd.int(4, 14));
          break;
      }
    }
    for (let p = 1; p <= 4; p++) row[`regular.${p}`] = rnd.decimal(60 + 30 * q2, 100, 1);
    row.democratic = rnd.decimal(70 + 25 * q2, 100, 2);
    row.major_problem = rnd.chance(0.02) ? "true" : "false";
    yield row;
  }
}

// src/diagnostics/show.ts
var MAX_DEPTH = 4;
var MAX_ITEMS = 20;
var MAX_LENGTH = 200;
function showValue(value, maxLength = MAX_LENGTH) {
  const text = render(value, 0, /* @__PURE__ */ new Set());
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}\u2026` : text;
}
function textOf(value) {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") return primitive(value);
  try {
    if (Array.isArray(value)) return value.map((v) => textOf(v)).join(",");
    const text = String(value);
    return text === "[object Object]" ? showValue(value) : text;
  } catch {
    return showValue(value);
  }
}
function keyOf(value) {
  try {
    const seen = /* @__PURE__ */ new WeakSet();
    return JSON.stringify(value, (_k, v) => {
      if (typeof v === "bigint") return `${v}n`;
      if (typeof v === "symbol" || typeof v === "function") return primitive(v);
      if (v && typeof v === "object") {
        if (seen.has(v)) return "[Circular]";
        seen.add(v);
      }
      return v;
    }) ?? "undefined";
  } catch {
    return showValue(value, 1e4);
  }
}
function primitive(value) {
  switch (typeof value) {
    case "bigint":
      return `${value}n`;
    case "symbol":
      return value.toString();
    case "function":
      return `[function${value.name ? ` ${value.name}` : ""}]`;
    case "undefined":
      return "undefined";
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    default:
      return String(value);
  }
}
function render(value, depth, stack) {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (typeof value !== "object") return primitive(value);
  if (stack.has(value)) return "[Circular]";
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? "[\u2026]" : "{\u2026}";
  stack.add(value);
  try {
    if (Array.isArray(value)) {
      const parts2 = [];
      const n2 = Math.min(value.length, MAX_ITEMS);
      for (let i = 0; i < n2; i++) parts2.push(i in value ? render(value[i], depth + 1, stack) : "<hole>");
      if (value.length > n2) parts2.push(`\u2026 ${value.length - n2} more`);
      return `[${parts2.join(",")}]`;
    }
    if (value instanceof Map) return `Map(${value.size})`;
    if (value instanceof Set) return `Set(${value.size})`;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : JSON.stringify(value.toISOString());
    if (ArrayBuffer.isView(value)) return `${value.constructor?.name ?? "bytes"}(${value.byteLength} bytes)`;
    const keys = Object.keys(value);
    const parts = keys.slice(0, MAX_ITEMS).map((k) => {
      let v;
      try {
        v = value[k];
      } catch {
        return `${JSON.stringify(k)}:<unreadable>`;
      }
      return `${JSON.stringify(k)}:${render(v, depth + 1, stack)}`;
    });
    if (keys.length > MAX_ITEMS) parts.push(`\u2026 ${keys.length - MAX_ITEMS} more`);
    return `{${parts.join(",")}}`;
  } catch {
    return "<unreadable>";
  } finally {
    stack.delete(value);
  }
}

// src/diagnostics/template.ts
var s = (v, sep = ", ") => Array.isArray(v) ? v.map((x) => textOf(x)).join(sep) : textOf(v);
var q = (v) => `"${s(v)}"`;
var list = (v) => Array.isArray(v) ? v : [];
var rec = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
function received(p) {
  return p.receivedType !== void 0 && typeof p.received === "string" ? p.received : showValue(p.received);
}
function pick(table, key, p, fallback) {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key](p) : fallback(p);
}

// src/diagnostics/messages.ts
var pad2 = (v) => s(v).padStart(2, "0");
var got = (p) => s(p.received);
var CONSTRAINT_EN = {
  "tier-when-last": () => "only the last tier may omit when (it takes every remaining subject)",
  "grade-min-and-above": () => "a grade takes min (\u2265) or above (>), not both",
  "grade-max-and-below": () => "a grade takes max (\u2264) or below (<), not both",
  "grade-lower-bound": (p) => `grade ${q(p.grade)} needs a lower bound (min or above); only the last grade may omit it`,
  "test-expect-or-error": () => "a test case needs expect or error",
  "input-subject-column": (p) => `${q(p.input)} is reserved for the subject's ${s(p.input)}; choose another input name`,
  "missing-with-default": (p) => `input ${q(p.input)} has a default, so its value is never missing; remove missing or default`,
  "missing-with-required": (p) => `input ${q(p.input)}: required: true contradicts missing: ${s(p.missing)} (which lets the value be absent); remove one`,
  "missing-zero-type": (p) => `missing: zero reads an absent value as 0 and applies to number, count, ratio and scores inputs; ${q(p.input)} is a ${s(p.type)} (${p.type === "boolean" ? "give it default: false" : "use missing: skip or error"})`,
  "missing-no-input": (p) => `item ${q(p.item)} reads no input itself (only conditions or records), so missing applies to nothing`,
  "missing-zero-panel": (p) => `item ${q(p.item)} is a panel: an absent score sheet cannot be read as zero (no scores); use missing: skip or error`,
  "column-also-input": (p) => `column ${q(p.column)} is the subject's ${columnRole(p.what)} and also input ${q(p.input)}; a column is read once`,
  "column-twice": (p) => `column ${q(p.column)} is the subject's ${columnRole(p.what)} and also its ${columnRole(p.other)}`,
  "ratio-input-or-pair": () => "a ratio item takes either input, or both numerator and denominator",
  "adjust-empty": () => "an adjust item needs at least one entry in additions or deductions",
  "scale-target": () => "a scale item needs exactly one of target or targetInput",
  "band-bound": () => "a band needs exactly one of min (\u2265) or above (>)",
  "rank-mode": () => "a rank item needs exactly one of points, percentiles, proportional",
  "trim-above-and-min": () => "trim takes one of above (more than n scores) or minScores (at least n scores), not both",
  "real-date": () => 'expected a real date such as "2024-12-31" (or 2024/12/31, 2024\u5E7412\u670831\u65E5)',
  "comparison-operators": (p) => list(p.found).length === 0 ? `a comparison needs exactly one operator: ${s(p.operators)}` : `a comparison has exactly one operator, found ${s(p.found, " and ")}`,
  "entry-kind": (p) => `an entry needs exactly one of when, per, shortfall, records, chosen; found ${list(p.found).length ? s(p.found) : "none"}`,
  "entry-range": () => "a chosen entry needs range: [low, high]",
  "entry-points": (p) => `a ${s(p.kind)} entry needs points`,
  "entry-records-only": () => "times, split and dedup apply to records entries only",
  "entry-table-records-only": () => "points by a table apply to records entries only",
  "quota-share-or-count": () => "a quota needs exactly one of share or count"
};
var columnRole = (what) => what === "ignore" ? "ignored column" : s(what);
var RANGE_EN = {
  "grade-empty-band": (p) => `grade ${q(p.grade)} has an empty band`,
  "common-share": (p) => `commonShare must lie within 0%..100%, got ${got(p)}`,
  "common-loss": (p) => `commonLoss must lie within 0%..100%, got ${got(p)}`,
  "normalize-to": (p) => `normalizeTo must be above 0 (the full mark points are rescaled to), got ${got(p)}`,
  "group-cap-negative": (p) => `cap ${s(p.cap)} is below 0: a group's points are capped at 0 or more`,
  "floor-above-cap": (p) => `floor ${s(p.floor)} is above cap ${s(p.cap)}`,
  "floor-above-limit": (p) => `floor ${s(p.floor)} is above limit ${s(p.limit)}`,
  "carry-share": (p) => `share of last year's points must lie within (0%, 100%], got ${got(p)}`,
  "scale-from": (p) => `scaleFrom (the linked rubric's full mark) must be above 0, got ${got(p)}`,
  "rater-weight": (p) => `weight of rater group ${q(p.group)} must be positive, got ${got(p)}`,
  "input-min-above-max": (p) => `min ${s(p.min)} is above max ${s(p.max)}`,
  "missing-zero-range": (p) => `input ${q(p.input)}: missing: zero reads an absent value as 0, outside its range ${s(p.min ?? "")}..${s(p.max ?? "")}`,
  "item-missing-zero-range": (p) => `item ${q(p.item)}: missing: zero reads ${q(p.input)} as 0, outside its range ${s(p.min ?? "")}..${s(p.max ?? "")}`,
  "between-numbers": (p) => `between: low ${s(p.low)} is above high ${s(p.high)}`,
  "between-dates": (p) => `between: ${s(p.low)} is after ${s(p.high)}`,
  "input-above-item-max": (p) => `input ${q(p.input)} allows values up to ${s(p.inputMax ?? "any size")}, above the item's max ${s(p.max)}`,
  "carry-above-item-max": (p) => `input ${q(p.input)} allows values up to ${s(p.inputMax ?? "any size")}; \xD7 ${s(p.share)} that exceeds the item's max ${s(p.max)} (declare max: ${s(p.limit)}, with clamp: true to carry over at most that)`,
  "proportional-rank-negative": (p) => `proportional points need values of 0 or more, but input ${q(p.input)} allows ${p.inputMin !== void 0 ? `values down to ${s(p.inputMin)}` : "any value"}; declare min: 0`,
  "chosen-range": (p) => `range low ${s(p.low)} is above high ${s(p.high)}`,
  "weight-positive": (p) => `weight of ${q(p.id)} must be positive, got ${got(p)}`,
  "value-outside-max": (p) => `${pointsName(p)} ${s(p.value)} is outside 0..${s(p.max)} (the item's max)`,
  "base-above-max": (p) => `base ${s(p.base)} is above max ${s(p.max)}`,
  "floor-above-base": (p) => `floor ${s(p.floor)} is above base ${s(p.base)}`,
  "adjust-cap-negative": (p) => `cap ${s(p.cap)} is below 0: the cap bounds the net addition`,
  "adjust-floor-positive": (p) => `floor ${s(p.floor)} is above 0: the floor bounds the net deduction (write it negative, e.g. -10)`,
  "unit-positive": (p) => `unit must be positive, got ${got(p)}`,
  "zero-below-above-target": (p) => `zeroBelow ${s(p.zeroBelow)} is above the target ${s(p.target)}: the target itself would score 0`,
  coefficient: (p) => `coefficient of ${q(p.level)} must be between 0 and 1, got ${got(p)}`
};
function pointsName(p) {
  switch (p.what) {
    case "level":
      return `level ${q(p.level)}`;
    case "position":
      return `points[${typeof p.position === "number" ? p.position - 1 : s(p.position)}]`;
    case "band":
      return "band points";
    default:
      return s(p.what);
  }
}
var BAD_FACT_EN = {
  "no-part": (p) => `${s(p.head)} takes no further part`,
  shape: (p) => `expected ${s(p.shape)}`,
  "span-not-date": (p) => `input ${q(p.input)} is a ${s(p.type)} input; ${s(p.head)} counts from a date input (type: date)`,
  "input-type": (p) => `input ${q(p.input)} is a ${s(p.type)} input; conditions read number, count, ratio, boolean, choice, text, grade, date and rank inputs`,
  "own-rubric": () => "a rubric cannot read its own result through rubric.<id>; use total, grade or rank",
  unknown: (p) => `unknown fact; expected one of ${s(p.known)}`
};
var OPERAND_EN = {
  boolean: "expects true or false",
  "number-list": "expects a list of numbers",
  "number-pair": "expects [low, high] numbers",
  number: "expects a number",
  text: "expects a string",
  "date-pair": 'expects [first, last] dates such as ["2024-01-01", "2024-06-30"]',
  date: 'expects a real date such as "2024-06-30"',
  "count-or-share": 'expects a positive count or a share such as "10%"',
  "whole-count": "expects a whole count or a percentage",
  rank: "expects a rank number"
};
var TYPE_MISMATCH_EN = {
  "bare-fact": () => "a bare fact must be a boolean; compare it with an operator",
  operator: (p) => `use one of ${s(p.allowed)}`,
  value: (p) => typeof p.expects === "string" && Object.hasOwn(OPERAND_EN, p.expects) ? OPERAND_EN[p.expects] : `expects ${s(p.expects)}`,
  "tie-breaker": () => "tie-breakers need a number, rank, grade, date or boolean fact"
};
var MAX_FROM_EN = {
  normalizeTo: "normalizeTo",
  "weighted-children": "the weighted children",
  children: "the children's points",
  periodMax: "periodMax \xD7 count"
};
var DATE_PROBLEM_EN = {
  "not-text": () => "expected a date written as text",
  year: (p) => `year ${s(p.year)} is out of range`,
  month: (p) => `there is no month ${s(p.month)}`,
  day: (p) => `${s(p.year)}-${pad2(p.month)} has ${s(p.days)} days, not ${s(p.day)}`,
  "not-a-date": () => "not a date"
};
var SCHEMA_VALUE_EN = {
  "one-of": (p) => `expected ${list(p.values).map((v) => showValue(v)).join(" | ")}; got ${got(p)}`,
  format: (p) => `expected ${s(p.expected)}; got ${got(p)}`
};
function outOfRange(p) {
  const word = p.side === "min" ? "at least" : "at most";
  const entries = `${word} ${s(p.bound)} ${s(p.bound) === "1" ? "entry" : "entries"}`;
  const what = p.of === "list" ? `a list of ${entries}` : p.of === "mapping" ? `a mapping of ${entries}` : `${word} ${s(p.bound)}`;
  return `expected ${what}, got ${got(p)}`;
}
var NOT_GRADABLE_EN = {
  "nothing-applies": (p) => {
    const skipped = list(p.skipped).map((k) => `${q(rec(k).item)} (no ${q(rec(k).column)})`);
    return `no item applies to it${skipped.length ? `; skipped for a missing value: ${skipped.join(", ")}` : ""}`;
  },
  "item-failed": (p) => `item ${q(p.item)} could not be scored`
};
var MESSAGES = {
  YAML_SYNTAX: (p) => `YAML syntax error: ${s(p.parserMessage ?? p.yamlCode)}`,
  YAML_DUPLICATE_KEY: (p) => `duplicate key ${q(p.key)} in the same mapping`,
  YAML_EMPTY: () => "the rubric file is empty; expected a mapping with kaohe, id, name, grades and scoring",
  YAML_ALIAS: (p) => p.reason === "cycle" ? `alias *${s(p.alias)} is inside its own anchor &${s(p.alias)}; a value cannot contain itself` : `alias *${s(p.alias)} names no anchor defined before it (an anchor &${s(p.alias)} must come first)`,
  YAML_ALIAS_LIMIT: (p) => `anchor &${s(p.alias)} is expanded more than ${s(p.limit)} times (counting aliases inside it); raise the maxAliasCount load option if this is intended`,
  YAML_MERGE: (p) => `a merge (<<) takes a mapping, an alias of a mapping, or a list of those; got ${s(p.received)}`,
  YAML_TOO_LARGE: (p) => `the text holds ${s(p.length)} characters, more than the limit of ${s(p.limit)}; raise the maxLength load option if this is intended`,
  YAML_TOO_DEEP: (p) => `the YAML nests more than ${s(p.limit)} levels deep; raise the maxDepth load option if this is intended`,
  YAML_UNKNOWN_TAG: (p) => `unknown tag ${s(p.tag)}; a rubric uses plain YAML values (the only tags allowed are !!str, !!int, !!float, !!bool, !!null, !!map and !!seq)`,
  YAML_CONTROL_CHARACTER: (p) => `control character ${s(p.char)} is not allowed in a rubric${typeof p.count === "number" && p.count > 1 ? ` (${p.count} in the text)` : ""}`,
  YAML_NOT_UTF8: (p) => `the file is not valid UTF-8: byte 0x${s(p.byte)} at byte offset ${s(p.offset)}${p.hint ? ` (${s(p.hint)})` : ""}; save the rubric as UTF-8`,
  SCHEMA_MISSING_KEY: (p) => `missing required key ${q(p.key)}${p.expected ? `: expected ${s(p.expected)}` : ""}`,
  SCHEMA_UNKNOWN_KEY: (p) => `unknown key ${q(p.key)}${p.hint ? ` (${s(p.hint)})` : ""}`,
  SCHEMA_INVALID_TYPE: (p) => `expected ${s(p.expected)}, got ${got(p)}`,
  SCHEMA_INVALID_VALUE: (p) => pick(SCHEMA_VALUE_EN, p.reason, p, () => `${p.text !== void 0 ? `${s(p.text)}; ` : ""}got ${got(p)}`),
  SCHEMA_OUT_OF_RANGE: outOfRange,
  SCHEMA_INVALID_KIND: (p) => `unknown kind ${q(p.received)}; expected ${s(p.expected)}`,
  SCHEMA_CONSTRAINT: (p) => pick(CONSTRAINT_EN, p.reason, p, () => s(p.text ?? "the rubric breaks a rule of the language")),
  SCHEMA_RESERVED_NAME: (p) => `${q(p.name)} is a reserved name (__proto__, constructor and prototype name JavaScript object internals): no key, id or name in a rubric may be one; rename it`,
  LIMIT_EXCEEDED: (p) => `${s(p.what)}: more than ${s(p.value)} (the limit ${s(p.limit)}); raise it with the option limits: { ${s(p.limit)}: \u2026 } if this rubric is meant to be so large`,
  LIMIT_INVALID: (p) => `the option limits.${s(p.limit)} must be a whole number of at least 1, or Infinity; got ${s(p.received)}`,
  REF_DUPLICATE_ID: (p) => `duplicate ${s(p.what)} id ${q(p.id)} (first declared at ${s(p.first)})`,
  REF_UNKNOWN_NODE: (p) => `unknown item or group ${q(p.id)}${hint(p)}`,
  REF_UNKNOWN_INPUT: (p) => `unknown input ${q(p.id)}${hint(p)}`,
  REF_UNKNOWN_GRADE: (p) => `unknown grade ${q(p.id)} in scale [${s(p.scale)}]${hint(p)}`,
  REF_UNKNOWN_LEVEL: (p) => `unknown level ${q(p.id)}; the levels are [${s(p.levels)}]`,
  REF_UNKNOWN_RUBRIC: (p) => `rubric ${q(p.id)} is referenced but not loaded in the same set${p.loaded ? ` (loaded: ${s(p.loaded)})` : ""}`,
  REF_BAD_FACT: (p) => `bad fact reference ${q(p.fact)}: ${pick(BAD_FACT_EN, p.reason, p, () => "not a fact")}`,
  COND_TYPE_MISMATCH: (p) => `operator ${q(p.op)} does not apply to ${q(p.fact)} (a ${s(p.type)}); ${pick(TYPE_MISMATCH_EN, p.reason, p, () => s(p.reason))}`,
  COND_STAGE_ORDER: (p) => `${s(p.consumer)} ${s(p.runs)}; ${q(p.fact)} is not known yet (${s(p.known)}). Order of evaluation: scoring \u2192 grade bands \u2192 exclusions \u2192 vetoes \u2192 ranking \u2192 downgrades \u2192 caps \u2192 quotas \u2192 actions and tiers`,
  INPUT_TYPE_CONFLICT: (p) => `input ${q(p.id)} is used as ${s(p.first)} and as ${s(p.second)}`,
  WEIGHT_SUM: (p) => `weights must sum to 100%, they sum to ${s(p.sum)}%`,
  WEIGHT_MIXED: () => `weights must be all percentages ("60%") or all ratios (3, 6, 3); they are mixed`,
  WEIGHT_MISSING: (p) => `child ${q(p.id)} of a weighted group has no weight`,
  WEIGHT_UNEXPECTED: (p) => `child ${q(p.id)} has a weight but its group combines by ${s(p.combine)}, not weighted`,
  BAND_ORDER: (p) => `grade ${q(p.id)} has a threshold ${s(p.threshold)} not below the previous grade's ${s(p.previous)}; grades are listed best first`,
  BAND_OVERLAP: (p) => `grade ${q(p.id)} band overlaps the band of ${q(p.other)}`,
  MAX_MISMATCH: (p) => `declared max ${s(p.declared)} but ${typeof p.from === "string" && Object.hasOwn(MAX_FROM_EN, p.from) ? MAX_FROM_EN[p.from] : s(p.from)} give ${s(p.computed)}`,
  RANGE_INVALID: (p) => pick(RANGE_EN, p.reason, p, () => s(p.text ?? "numbers of the rubric contradict each other")),
  QUOTA_SHARE_RANGE: (p) => `quota share must lie between 0% and 100%, got ${s(p.received)}`,
  TRIM_MIN_SCORES: (p) => `trim drops ${s(p.drop)} highest and ${s(p.drop)} lowest score(s), so it needs at least ${s(p.needed)} scores; ${s(p.stated)} would trim ${s(p.fewest)}`,
  ADJUST_PLACEMENT: (p) => `adjust item ${q(p.id)} adds to its group's sum: place it in the children of a sum group or in an outside list, not under combine: ${s(p.combine)}`,
  QUOTA_LOWEST_GRADE: (p) => `quota ${q(p.quota)} is on the lowest grade ${q(p.grade)}: nobody can be moved below it, so the quota could never apply; put the quota on a better grade`,
  GRADE_NAME_AMBIGUOUS: (p) => `grade name ${q(p.name)} is ambiguous: it names ${s(p.candidates)}; use the grade's id`,
  SPAN_WITHOUT_AS_OF: (p) => `${q(p.fact)} counts up to the rubric's asOf date, but the rubric declares none; add asOf: "YYYY-MM-DD" at the top level`,
  COND_INTEGER_RANGE_ON_DECIMAL: (p) => `${s(p.condition)} on ${q(p.fact)}, which can hold decimals: ${s(p.problem)}; write ${s(p.suggestion)}, or write the bound with decimals (${s(p.keep)}) to keep it as it is`,
  ROOT_MAX_UNDECLARED: (p) => `the ${s(p.combine)} root declares no max: the full mark (\u6EE1\u5206) is not checked, and it computes as ${s(p.computed)}; declare max: ${s(p.computed)} if that is the scheme's full mark`,
  LINKAGE_CYCLE: (p) => `linkage cycle: ${s(p.cycle, " \u2192 ")}`,
  RUBRIC_DUPLICATE_ID: (p) => `two rubrics in the set have id ${q(p.id)}`,
  DATA_DUPLICATE_ID: (p) => `duplicate subject id ${q(p.id)} (first at row ${s(p.firstRow)})`,
  DATA_MISSING_ID: () => `subject has no id`,
  DATA_MISSING_FIELD: (p) => `missing value for ${q(p.field)}${inputOf(p)}; expected ${s(p.expected)}${p.hint ? ` (${s(p.hint)})` : ""}`,
  DATA_UNKNOWN_FIELD: (p) => `unknown field ${q(p.field)}${typeof p.rows === "number" && p.rows > 1 ? ` (in ${p.rows} rows)` : ""}; no rubric in the set declares it${p.hint ? ` (${s(p.hint)})` : ""}`,
  DATA_NOT_NUMBER: (p) => `${q(p.field)} must be a number, got ${received(p)}`,
  DATA_NOT_INTEGER: (p) => `${q(p.field)} must be a whole number, got ${received(p)}`,
  DATA_TOO_PRECISE: (p) => `${q(p.field)} allows at most ${s(p.places)} decimal place(s), got ${s(p.received)}`,
  DATA_OUT_OF_RANGE: (p) => `${q(p.field)} must be ${s(p.expected)}, got ${s(p.received)}`,
  DATA_INVALID_VALUE: (p) => `${q(p.field)} must be ${s(p.expected)}, got ${received(p)}`,
  DATA_INVALID_DATE: (p) => `${q(p.field)} must be a date such as 2024-03-01, 2024/3/1 or 2024\u5E743\u67081\u65E5, got ${received(p)}${p.reason !== void 0 ? ` (${pick(DATE_PROBLEM_EN, p.reason, p, () => s(p.reason))})` : ""}`,
  DATA_BAD_SHAPE: (p) => `${p.field !== void 0 ? q(p.field) : "the subject"} must be ${s(p.expected)}, got ${s(p.received)}`,
  DATA_DUPLICATE_COLUMN: (p) => `column ${q(p.column)} appears twice in the header, as columns ${s(p.first)} and ${s(p.second)}; give each column once`,
  DATA_TOO_LARGE: (p) => `${p.field !== void 0 ? `${q(p.field)}: ` : ""}${s(p.count)} ${s(p.what)}, above the limit of ${s(p.limit)} (raise it with the option ${s(p.option)})`,
  DATA_CELL_ERROR: (p) => `${q(p.field)} holds the spreadsheet error ${s(p.error)}; correct the cell or its formula`,
  DATA_FORMULA_NO_RESULT: (p) => `${q(p.field)} is a formula with no saved result (the file was written by a program, not saved by Excel); open and save it in Excel or LibreOffice, or paste the values`,
  EVAL_LINKED_OUT_OF_RANGE: (p) => `linked score ${s(p.value)} from ${q(p.rubric)} exceeds ${s(p.max)}`,
  EVAL_NO_VALID_SCORES: (p) => `panel ${q(p.item)} has no valid score left (${p.reason === "void-ballots" ? `void ballots: ${s(p.raters)}` : "no scores"})`,
  EVAL_ZERO_DENOMINATOR: (p) => `${q(p.item)}: the ${s(p.denominator)} count is zero`,
  EVAL_QUOTA_HELD_BY_RULES: (p) => `quota ${q(p.quota)} in ${s(p.scope)}: ${s(p.holders)} subjects hold the grade by rules, above the limit ${s(p.limit)}`,
  API_BAD_ARGUMENT: (p) => `${s(p.fn)}: ${s(p.argument)} must be ${s(p.expected)}, got ${s(p.received)}`,
  API_CALLBACK_FAILED: (p) => `${s(p.fn)}: the ${s(p.callback)} callback threw: ${s(p.error)}`,
  API_INTERNAL_ERROR: (p) => `${s(p.fn)} stopped on an unexpected error: ${s(p.error)}; unless the input has throwing getters or proxies, this is a bug in kaohe (please report it with the input)`,
  EVAL_NO_GRADE: (p) => `score ${s(p.score)} falls in no grade band and the gap policy is "error"`,
  EVAL_NOT_GRADABLE: (p) => `the subject cannot be graded: ${pick(NOT_GRADABLE_EN, p.reason, p, () => s(p.reason))}`
};
function inputOf(p) {
  return p.input !== void 0 && p.input !== p.field ? ` (input ${q(p.input)})` : "";
}
function hint(p) {
  return p.didYouMean ? `; did you mean ${q(p.didYouMean)}?` : "";
}
var MESSAGES_EN = MESSAGES;

// src/diagnostics/messages.zh-CN.ts
var l = (v) => s(v, "\u3001");
var got2 = (p) => s(p.received);
function gotZh(p) {
  const g = rec(p.got);
  switch (g.kind) {
    case "nothing":
      return "\u7A7A\uFF08\u6CA1\u6709\u503C\uFF09";
    case "null":
      return "\u7A7A\u503C null";
    case "list":
      return "\u4E00\u4E2A\u5217\u8868";
    case "mapping":
      return "\u4E00\u4E2A\u6620\u5C04\uFF08\u952E\u503C\u5BF9\uFF09";
    case "string":
      return `\u6587\u672C ${showValue(g.value)}`;
    case "number":
      return `\u6570 ${s(g.value)}`;
    case "boolean":
      return `\u5E03\u5C14\u503C ${s(g.value)}`;
    case "value":
      return `\u503C ${showValue(g.value)}`;
    case "not-mapping":
      return "\u4E0D\u662F\u6620\u5C04\u7684\u503C";
    default:
      return got2(p);
  }
}
var EXPECTATION_ZH = {
  id: "\u7F16\u53F7\uFF08\u7531\u5B57\u6BCD\u3001\u6570\u5B57\u3001_ \u6216 - \u7EC4\u6210\uFF09",
  "id-chars": "\u53EA\u7531\u5B57\u6BCD\u3001\u6570\u5B57\u3001_ \u6216 - \u7EC4\u6210\u7684\u7F16\u53F7\uFF08\u4E0D\u80FD\u6709\u7A7A\u683C\u6216\u70B9\uFF09",
  decimal: "\u6570\uFF0C\u5982 2 \u6216 0.5",
  share: '\u767E\u5206\u6BD4\uFF08\u5982 "50%"\uFF09\u6216\u6570',
  date: '\u65E5\u671F\uFF0C\u5982 "2024-12-31"',
  "real-date": '\u771F\u5B9E\u5B58\u5728\u7684\u65E5\u671F\uFF0C\u5982 "2024-12-31"\uFF08\u6216 2024/12/31\u30012024\u5E7412\u670831\u65E5\uFF09',
  bound: '\u6570\u3001\u767E\u5206\u6BD4\uFF08\u5982 "50%"\uFF09\u6216\u65E5\u671F\uFF08\u5982 2024-12-31\uFF09',
  "grade-name": "\u7B49\u6B21\u7684\u7F16\u53F7\u6216\u540D\u79F0",
  places: "\u5C0F\u6570\u4F4D\u6570\uFF08\u6574\u6570\uFF09",
  scalar: "\u6587\u672C\u3001\u6570\u6216\u5E03\u5C14\u503C",
  fact: "\u4E8B\u5B9E\u5F15\u7528\uFF0C\u5982 total\u3001input.x\u3001score.a1\u3001grade\u3001rubric.r.grade",
  condition: "\u6761\u4EF6\uFF1A\u4E00\u4E2A\u4E8B\u5B9E\u3001{all: [...]}\u3001{any: [...]}\u3001{not: ...} \u6216 {fact: ..., <\u8FD0\u7B97\u7B26>: ...}",
  "input-type": "\u6570\u636E\u9879\u7C7B\u578B\uFF1Anumber\u3001count\u3001ratio\u3001boolean\u3001choice\u3001grade\u3001text\u3001date\u3001rank\u3001scores\u3001votes\u3001series \u6216 records",
  points: "\u5206\u503C\uFF1A\u4E00\u4E2A\u6570\uFF0C\u6216 {by, table}",
  "item-kind": "\u6307\u6807\u7C7B\u578B kind",
  node: "\u6307\u6807\uFF08\u5199 kind\uFF09\u6216\u6307\u6807\u7EC4\uFF08\u5199 children\uFF09",
  "reason-text": "\u539F\u56E0\u8BF4\u660E\u6587\u5B57",
  "rule-kind": "\u89C4\u5219\u7C7B\u578B\uFF1Aveto\u3001downgrade\u3001cap \u6216 exclude",
  "kaohe-version": "kaohe: 1\uFF08\u8BED\u8A00\u7248\u672C\uFF09",
  version: '\u7248\u672C\u53F7\u6587\u672C\uFF0C\u5982 "1.0"\uFF08\u8BF7\u52A0\u5F15\u53F7\uFF09',
  kind: "\u7C7B\u578B kind",
  "known-kind": "\u5DF2\u77E5\u7684\u7C7B\u578B kind",
  shape: "\u53E6\u4E00\u79CD\u7ED3\u6784",
  "type:string": "\u6587\u672C",
  "type:number": "\u6570",
  "type:int": "\u6574\u6570",
  "type:boolean": "true \u6216 false",
  "type:object": "\u6620\u5C04\uFF08\u952E\u503C\u5BF9\uFF09",
  "type:array": "\u5217\u8868",
  "type:record": "\u6620\u5C04\uFF08\u952E\u503C\u5BF9\uFF09",
  "type:tuple": "\u5217\u8868"
};
function expectsZh(p) {
  const key = p.expects;
  if (typeof key === "string" && Object.hasOwn(EXPECTATION_ZH, key)) {
    const kinds = key === "item-kind" ? /:\s*(.+?)\s*\(or children/.exec(s(p.expected))?.[1] : void 0;
    return kinds ? `${EXPECTATION_ZH[key]}\uFF08${kinds.split(/,\s*/).join("\u3001")}\uFF09\uFF0C\u6216\u6307\u6807\u7EC4\uFF08children\uFF09` : EXPECTATION_ZH[key];
  }
  return q(p.expected);
}
var ROLE_ZH = { id: "\u7F16\u53F7", name: "\u540D\u79F0", group: "\u5206\u7EC4", ignore: "\u5FFD\u7565\u5217" };
var role = (v) => typeof v === "string" && Object.hasOwn(ROLE_ZH, v) ? ROLE_ZH[v] : s(v);
var CONSTRAINT_ZH = {
  "tier-when-last": () => "\u53EA\u6709\u6700\u540E\u4E00\u4E2A\u7C7B\u522B\u53EF\u4EE5\u7701\u7565 when\uFF08\u5B83\u63A5\u6536\u5176\u4F59\u6240\u6709\u5355\u4F4D\uFF09",
  "grade-min-and-above": () => "\u7B49\u6B21\u7684\u4E0B\u9650\u53EA\u80FD\u5199 min\uFF08\u2265\uFF09\u6216 above\uFF08>\uFF09\u4E4B\u4E00\uFF0C\u4E0D\u80FD\u540C\u65F6\u5199",
  "grade-max-and-below": () => "\u7B49\u6B21\u7684\u4E0A\u9650\u53EA\u80FD\u5199 max\uFF08\u2264\uFF09\u6216 below\uFF08<\uFF09\u4E4B\u4E00\uFF0C\u4E0D\u80FD\u540C\u65F6\u5199",
  "grade-lower-bound": (p) => `\u7B49\u6B21${q(p.grade)}\u7F3A\u5C11\u4E0B\u9650\uFF08min \u6216 above\uFF09\uFF1B\u53EA\u6709\u6700\u540E\u4E00\u4E2A\u7B49\u6B21\u53EF\u4EE5\u7701\u7565`,
  "test-expect-or-error": () => "\u6D4B\u8BD5\u7528\u4F8B\u9700\u8981\u5199 expect \u6216 error",
  "input-subject-column": (p) => `${q(p.input)}\u662F\u5355\u4F4D\u7684${role(p.input)}\u5217\uFF0C\u4E0D\u80FD\u7528\u4F5C\u6570\u636E\u9879\u540D\u79F0\uFF1B\u8BF7\u6362\u4E00\u4E2A\u540D\u79F0`,
  "missing-with-default": (p) => `\u6570\u636E\u9879${q(p.input)}\u6709\u9ED8\u8BA4\u503C\uFF08default\uFF09\uFF0C\u4E0D\u4F1A\u7F3A\u5931\uFF1B\u8BF7\u5220\u53BB missing \u6216 default`,
  "missing-with-required": (p) => `\u6570\u636E\u9879${q(p.input)}\uFF1Arequired: true \u4E0E missing: ${s(p.missing)}\uFF08\u5141\u8BB8\u7F3A\u5931\uFF09\u76F8\u77DB\u76FE\uFF1B\u8BF7\u5220\u53BB\u5176\u4E2D\u4E00\u4E2A`,
  "missing-zero-type": (p) => `missing: zero \u628A\u7F3A\u5931\u7684\u503C\u6309 0 \u8BFB\u53D6\uFF0C\u53EA\u9002\u7528\u4E8E number\u3001count\u3001ratio \u548C scores \u7C7B\u578B\u7684\u6570\u636E\u9879\uFF1B${q(p.input)}\u662F ${s(p.type)} \u7C7B\u578B\uFF08${p.type === "boolean" ? "\u8BF7\u7ED9\u5B83 default: false" : "\u8BF7\u6539\u7528 missing: skip \u6216 error"}\uFF09`,
  "missing-no-input": (p) => `\u6307\u6807${q(p.item)}\u672C\u8EAB\u4E0D\u8BFB\u53D6\u6570\u636E\u9879\uFF08\u53EA\u6709\u6761\u4EF6\u6216\u8BB0\u5F55\uFF09\uFF0Cmissing \u6CA1\u6709\u4F5C\u7528\u5BF9\u8C61`,
  "missing-zero-panel": (p) => `\u6307\u6807${q(p.item)}\u662F\u8BC4\u5206\uFF08panel\uFF09\uFF1A\u7F3A\u5C11\u8BC4\u5206\u8868\u4E0D\u80FD\u6309\u96F6\u5206\u8BFB\u53D6\uFF08\u6CA1\u6709\u5206\u6570\uFF09\uFF1B\u8BF7\u7528 missing: skip \u6216 error`,
  "column-also-input": (p) => `\u5217${q(p.column)}\u65E2\u662F\u5355\u4F4D\u7684${role(p.what)}\uFF0C\u53C8\u662F\u6570\u636E\u9879${q(p.input)}\uFF1B\u4E00\u5217\u53EA\u80FD\u8BFB\u53D6\u4E00\u6B21`,
  "column-twice": (p) => `\u5217${q(p.column)}\u65E2\u662F\u5355\u4F4D\u7684${role(p.what)}\uFF0C\u53C8\u662F\u5355\u4F4D\u7684${role(p.other)}`,
  "ratio-input-or-pair": () => "\u6BD4\u7387\uFF08ratio\uFF09\u6307\u6807\u8981\u4E48\u5199 input\uFF0C\u8981\u4E48\u540C\u65F6\u5199 numerator \u548C denominator",
  "adjust-empty": () => "\u76F4\u63A5\u52A0\u51CF\u5206\uFF08adjust\uFF09\u6307\u6807\u81F3\u5C11\u9700\u8981\u4E00\u6761 additions \u6216 deductions",
  "scale-target": () => "\u9636\u68AF\u8BA1\u5206\uFF08scale\uFF09\u6307\u6807\u9700\u8981\u4E14\u53EA\u9700\u8981 target \u6216 targetInput \u4E4B\u4E00",
  "band-bound": () => "\u6BCF\u4E00\u6863\u9700\u8981\u4E14\u53EA\u9700\u8981 min\uFF08\u2265\uFF09\u6216 above\uFF08>\uFF09\u4E4B\u4E00",
  "rank-mode": () => "\u6392\u540D\u8D4B\u5206\uFF08rank\uFF09\u6307\u6807\u9700\u8981\u4E14\u53EA\u9700\u8981 points\u3001percentiles\u3001proportional \u4E4B\u4E00",
  "trim-above-and-min": () => "\u53BB\u6389\u6700\u9AD8\u6700\u4F4E\u5206\uFF08trim\uFF09\u53EA\u80FD\u5199 above\uFF08\u591A\u4E8E n \u4E2A\u5206\u6570\uFF09\u6216 minScores\uFF08\u81F3\u5C11 n \u4E2A\u5206\u6570\uFF09\u4E4B\u4E00\uFF0C\u4E0D\u80FD\u540C\u65F6\u5199",
  "real-date": () => '\u5E94\u4E3A\u771F\u5B9E\u5B58\u5728\u7684\u65E5\u671F\uFF0C\u5982 "2024-12-31"\uFF08\u6216 2024/12/31\u30012024\u5E7412\u670831\u65E5\uFF09',
  "comparison-operators": (p) => list(p.found).length === 0 ? `\u6BD4\u8F83\u9700\u8981\u4E14\u53EA\u9700\u8981\u4E00\u4E2A\u8FD0\u7B97\u7B26\uFF1A${l(p.operators)}` : `\u6BD4\u8F83\u53EA\u80FD\u6709\u4E00\u4E2A\u8FD0\u7B97\u7B26\uFF0C\u5B9E\u9645\u5199\u4E86 ${s(p.found, " \u548C ")}`,
  "entry-kind": (p) => `\u6BCF\u4E2A\u6761\u76EE\u9700\u8981\u4E14\u53EA\u9700\u8981 when\u3001per\u3001shortfall\u3001records\u3001chosen \u4E4B\u4E00\uFF1B\u5B9E\u9645${list(p.found).length ? `\u5199\u4E86 ${l(p.found)}` : "\u4E00\u4E2A\u4E5F\u6CA1\u6709"}`,
  "entry-range": () => "\u914C\u60C5\uFF08chosen\uFF09\u6761\u76EE\u9700\u8981 range: [\u4E0B\u9650, \u4E0A\u9650]",
  "entry-points": (p) => `${s(p.kind)} \u6761\u76EE\u9700\u8981\u5199\u5206\u503C points`,
  "entry-records-only": () => "times\u3001split \u548C dedup \u53EA\u9002\u7528\u4E8E\u8BB0\u5F55\uFF08records\uFF09\u6761\u76EE",
  "entry-table-records-only": () => "\u6309\u8868\u53D6\u5206\uFF08{by, table}\uFF09\u53EA\u9002\u7528\u4E8E\u8BB0\u5F55\uFF08records\uFF09\u6761\u76EE",
  "quota-share-or-count": () => "\u6BD4\u4F8B\u9650\u5236\u9700\u8981\u4E14\u53EA\u9700\u8981 share\uFF08\u6BD4\u4F8B\uFF09\u6216 count\uFF08\u540D\u989D\uFF09\u4E4B\u4E00"
};
function pointsName2(p) {
  switch (p.what) {
    case "level":
      return `\u6863\u6B21${q(p.level)}\u7684\u5206\u503C`;
    case "position":
      return `\u7B2C${s(p.position)}\u540D\u7684\u5206\u503C`;
    case "band":
      return "\u8BE5\u6863\u7684\u5206\u503C";
    default:
      return `${s(p.what)} \u7684\u5206\u503C`;
  }
}
var range = (p) => `${s(p.min ?? "")}..${s(p.max ?? "")}`;
var RANGE_ZH = {
  "grade-empty-band": (p) => `\u7B49\u6B21${q(p.grade)}\u7684\u5206\u6570\u6BB5\u662F\u7A7A\u7684`,
  "common-share": (p) => `\u5171\u6027\u95EE\u9898\u6BD4\u4F8B commonShare \u5E94\u5728 0% \u5230 100% \u4E4B\u95F4\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "common-loss": (p) => `\u5171\u6027\u95EE\u9898\u5931\u5206\u6BD4\u4F8B commonLoss \u5E94\u5728 0% \u5230 100% \u4E4B\u95F4\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "normalize-to": (p) => `\u6298\u7B97\u76EE\u6807 normalizeTo \u5E94\u5927\u4E8E 0\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "group-cap-negative": (p) => `\u4E0A\u9650 cap ${s(p.cap)} \u5C0F\u4E8E 0\uFF1A\u6307\u6807\u7EC4\u5F97\u5206\u7684\u4E0A\u9650\u5E94\u4E0D\u5C0F\u4E8E 0`,
  "floor-above-cap": (p) => `\u4E0B\u9650 floor ${s(p.floor)} \u9AD8\u4E8E\u4E0A\u9650 cap ${s(p.cap)}`,
  "floor-above-limit": (p) => `\u4E0B\u9650 floor ${s(p.floor)} \u9AD8\u4E8E\u9650\u989D limit ${s(p.limit)}`,
  "carry-share": (p) => `\u4E0A\u5E74\u5F97\u5206\u7684\u7ED3\u8F6C\u6BD4\u4F8B\u5E94\u5927\u4E8E 0% \u4E14\u4E0D\u8D85\u8FC7 100%\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "scale-from": (p) => `scaleFrom\uFF08\u5173\u8054\u8003\u6838\u7684\u6EE1\u5206\uFF09\u5E94\u5927\u4E8E 0\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "rater-weight": (p) => `\u8BC4\u4EF7\u7EC4${q(p.group)}\u7684\u6743\u91CD\u5E94\u4E3A\u6B63\u6570\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "input-min-above-max": (p) => `\u6700\u5C0F\u503C min ${s(p.min)} \u5927\u4E8E\u6700\u5927\u503C max ${s(p.max)}`,
  "missing-zero-range": (p) => `\u6570\u636E\u9879${q(p.input)}\uFF1Amissing: zero \u628A\u7F3A\u5931\u7684\u503C\u6309 0 \u8BFB\u53D6\uFF0C\u4F46 0 \u4E0D\u5728\u5B83\u7684\u53D6\u503C\u8303\u56F4 ${range(p)} \u5185`,
  "item-missing-zero-range": (p) => `\u6307\u6807${q(p.item)}\uFF1Amissing: zero \u628A${q(p.input)}\u6309 0 \u8BFB\u53D6\uFF0C\u4F46 0 \u4E0D\u5728\u5B83\u7684\u53D6\u503C\u8303\u56F4 ${range(p)} \u5185`,
  "between-numbers": (p) => `between\uFF1A\u4E0B\u9650 ${s(p.low)} \u5927\u4E8E\u4E0A\u9650 ${s(p.high)}`,
  "between-dates": (p) => `between\uFF1A\u8D77\u59CB\u65E5\u671F ${s(p.low)} \u665A\u4E8E\u622A\u6B62\u65E5\u671F ${s(p.high)}`,
  "input-above-item-max": (p) => `\u6570\u636E\u9879${q(p.input)}\u7684\u53D6\u503C${p.inputMax !== void 0 ? `\u6700\u5927\u53EF\u5230 ${s(p.inputMax)}` : "\u6CA1\u6709\u4E0A\u9650"}\uFF0C\u8D85\u8FC7\u672C\u6307\u6807\u7684\u6EE1\u5206 ${s(p.max)}`,
  "carry-above-item-max": (p) => `\u6570\u636E\u9879${q(p.input)}\u7684\u53D6\u503C${p.inputMax !== void 0 ? `\u6700\u5927\u53EF\u5230 ${s(p.inputMax)}` : "\u6CA1\u6709\u4E0A\u9650"}\uFF0C\u4E58\u4EE5 ${s(p.share)} \u540E\u4F1A\u8D85\u8FC7\u672C\u6307\u6807\u7684\u6EE1\u5206 ${s(p.max)}\uFF08\u8BF7\u58F0\u660E max: ${s(p.limit)}\uFF0C\u5E76\u7528 clamp: true \u4F7F\u7ED3\u8F6C\u5206\u4E0D\u8D85\u8FC7\u8BE5\u503C\uFF09`,
  "proportional-rank-negative": (p) => `\u6309\u6BD4\u4F8B\u8BA1\u5206\u8981\u6C42\u53D6\u503C\u4E0D\u5C0F\u4E8E 0\uFF0C\u4F46\u6570\u636E\u9879${q(p.input)}${p.inputMin !== void 0 ? `\u6700\u5C0F\u53EF\u5230 ${s(p.inputMin)}` : "\u6CA1\u6709\u4E0B\u9650"}\uFF1B\u8BF7\u58F0\u660E min: 0`,
  "chosen-range": (p) => `\u8303\u56F4 range \u7684\u4E0B\u9650 ${s(p.low)} \u5927\u4E8E\u4E0A\u9650 ${s(p.high)}`,
  "weight-positive": (p) => `${q(p.id)}\u7684\u6743\u91CD\u5E94\u4E3A\u6B63\u6570\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "value-outside-max": (p) => `${pointsName2(p)} ${s(p.value)} \u4E0D\u5728 0 \u5230 ${s(p.max)}\uFF08\u672C\u6307\u6807\u6EE1\u5206\uFF09\u4E4B\u95F4`,
  "base-above-max": (p) => `\u57FA\u7840\u5206 base ${s(p.base)} \u9AD8\u4E8E\u6EE1\u5206 max ${s(p.max)}`,
  "floor-above-base": (p) => `\u4E0B\u9650 floor ${s(p.floor)} \u9AD8\u4E8E\u57FA\u7840\u5206 base ${s(p.base)}`,
  "adjust-cap-negative": (p) => `\u4E0A\u9650 cap ${s(p.cap)} \u5C0F\u4E8E 0\uFF1Acap \u9650\u5236\u7684\u662F\u51C0\u52A0\u5206`,
  "adjust-floor-positive": (p) => `\u4E0B\u9650 floor ${s(p.floor)} \u5927\u4E8E 0\uFF1Afloor \u9650\u5236\u7684\u662F\u51C0\u6263\u5206\uFF08\u8BF7\u5199\u6210\u8D1F\u6570\uFF0C\u5982 -10\uFF09`,
  "unit-positive": (p) => `\u6B65\u957F unit \u5E94\u4E3A\u6B63\u6570\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "zero-below-above-target": (p) => `\u4E0D\u5F97\u5206\u7EBF zeroBelow ${s(p.zeroBelow)} \u9AD8\u4E8E\u76EE\u6807\u503C ${s(p.target)}\uFF1A\u8FBE\u5230\u76EE\u6807\u503C\u53CD\u800C\u5F97 0 \u5206`,
  coefficient: (p) => `\u6863\u6B21${q(p.level)}\u7684\u7CFB\u6570\u5E94\u5728 0 \u5230 1 \u4E4B\u95F4\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`
};
var BAD_FACT_ZH = {
  "no-part": (p) => `\uFF1A${s(p.head)} \u540E\u9762\u4E0D\u80FD\u518D\u63A5\u5176\u4ED6\u90E8\u5206`,
  shape: (p) => `\uFF1A\u5E94\u5199\u6210 ${s(p.shape)}`,
  "span-not-date": (p) => `\uFF1A\u6570\u636E\u9879${q(p.input)}\u662F ${s(p.type)} \u7C7B\u578B\uFF1B${s(p.head)} \u9700\u8981\u4ECE\u65E5\u671F\u7C7B\u578B\uFF08type: date\uFF09\u7684\u6570\u636E\u9879\u7B97\u8D77`,
  "input-type": (p) => `\uFF1A\u6570\u636E\u9879${q(p.input)}\u662F ${s(p.type)} \u7C7B\u578B\uFF1B\u6761\u4EF6\u53EA\u80FD\u8BFB\u53D6 number\u3001count\u3001ratio\u3001boolean\u3001choice\u3001text\u3001grade\u3001date \u548C rank \u7C7B\u578B\u7684\u6570\u636E\u9879`,
  "own-rubric": () => "\uFF1A\u8003\u6838\u65B9\u6848\u4E0D\u80FD\u901A\u8FC7 rubric.<id> \u8BFB\u53D6\u81EA\u5DF1\u7684\u7ED3\u679C\uFF1B\u8BF7\u7528 total\u3001grade \u6216 rank",
  unknown: (p) => `\uFF1A\u672A\u77E5\u7684\u4E8B\u5B9E\uFF1B\u5E94\u4E3A ${l(p.known)} \u4E4B\u4E00`
};
var OPERAND_ZH = {
  boolean: "\u503C\u5E94\u4E3A true \u6216 false",
  "number-list": "\u503C\u5E94\u4E3A\u6570\u7684\u5217\u8868",
  "number-pair": "\u503C\u5E94\u4E3A [\u4E0B\u9650, \u4E0A\u9650] \u4E24\u4E2A\u6570",
  number: "\u503C\u5E94\u4E3A\u4E00\u4E2A\u6570",
  text: "\u503C\u5E94\u4E3A\u6587\u672C",
  "date-pair": '\u503C\u5E94\u4E3A [\u8D77\u59CB, \u622A\u6B62] \u4E24\u4E2A\u65E5\u671F\uFF0C\u5982 ["2024-01-01", "2024-06-30"]',
  date: '\u503C\u5E94\u4E3A\u771F\u5B9E\u5B58\u5728\u7684\u65E5\u671F\uFF0C\u5982 "2024-06-30"',
  "count-or-share": '\u503C\u5E94\u4E3A\u6B63\u6574\u6570\u4E2A\u6570\u6216\u6BD4\u4F8B\uFF0C\u5982 "10%"',
  "whole-count": "\u503C\u5E94\u4E3A\u6574\u6570\u4E2A\u6570\u6216\u767E\u5206\u6BD4",
  rank: "\u503C\u5E94\u4E3A\u540D\u6B21"
};
var FACT_TYPE_ZH = { number: "\u6570\u503C", text: "\u6587\u672C", boolean: "\u662F\u5426", grade: "\u7B49\u6B21", date: "\u65E5\u671F", rank: "\u540D\u6B21" };
var TYPE_MISMATCH_ZH = {
  "bare-fact": () => "\u5355\u72EC\u5199\u4E00\u4E2A\u4E8B\u5B9E\u65F6\uFF0C\u5B83\u5FC5\u987B\u662F\u662F\u5426\uFF08\u5E03\u5C14\uFF09\u578B\uFF1B\u5176\u4ED6\u4E8B\u5B9E\u8BF7\u7528\u8FD0\u7B97\u7B26\u6BD4\u8F83",
  operator: (p) => `\u8BF7\u7528 ${l(p.allowed)} \u4E4B\u4E00`,
  value: (p) => typeof p.expects === "string" && Object.hasOwn(OPERAND_ZH, p.expects) ? OPERAND_ZH[p.expects] : `\u503C\u5E94\u4E3A ${s(p.expects)}`,
  "tie-breaker": () => "\u5E76\u5217\u65F6\u7684\u6392\u5E8F\u4F9D\u636E\u53EA\u80FD\u662F\u6570\u503C\u3001\u540D\u6B21\u3001\u7B49\u6B21\u3001\u65E5\u671F\u6216\u662F\u5426\u578B\u4E8B\u5B9E"
};
var STAGE_RUNS_ZH = {
  scoring: "\u5728\u8BA1\u5206\u8FC7\u7A0B\u4E2D\u5224\u65AD",
  bands: "\u5728\u8BA1\u5206\u4E4B\u540E\u3001\u6309\u5206\u6570\u6BB5\u786E\u5B9A\u521D\u5B9A\u7B49\u6B21\u65F6\u5224\u65AD",
  exclusions: "\u5728\u6309\u5206\u6570\u6BB5\u5B9A\u7B49\u6B21\u4E4B\u540E\u3001\u4E00\u7968\u5426\u51B3\u548C\u6392\u540D\u4E4B\u524D\u6267\u884C",
  vetoes: "\u5728\u6309\u5206\u6570\u6BB5\u5B9A\u7B49\u6B21\u4E4B\u540E\u3001\u6392\u540D\u4E4B\u524D\u6267\u884C",
  ranking: "\u5728\u6392\u540D\u65F6\u8BFB\u53D6",
  downgrades: "\u5728\u6392\u540D\u4E4B\u540E\u6267\u884C",
  caps: "\u5728\u6392\u540D\u4E4B\u540E\u6267\u884C",
  actions: "\u6700\u540E\u6267\u884C"
};
var RULE_KIND_ZH = { exclude: "\u4E0D\u53C2\u52A0\u5B9A\u7EA7", veto: "\u4E00\u7968\u5426\u51B3", downgrade: "\u964D\u6863", cap: "\u7B49\u6B21\u4E0A\u9650" };
function consumerZh(who) {
  switch (who.kind) {
    case "only":
      return `\u6307\u6807${q(who.id)}\u7684\u9002\u7528\u6761\u4EF6\uFF08only\uFF09`;
    case "entry":
      return `\u6307\u6807${q(who.item)}\u4E2D\u6761\u76EE${q(who.id)}\u7684\u6761\u4EF6\uFF08when\uFF09`;
    case "zeroIf":
      return `\u6307\u6807${q(who.item)}\u7684\u4E0D\u5F97\u5206\u6761\u4EF6\uFF08zeroIf\uFF09`;
    case "requires":
      return `\u7B49\u6B21${q(who.id)}\u7684\u9644\u52A0\u6761\u4EF6\uFF08requires\uFF09`;
    case "rule":
      return `${typeof who.ruleKind === "string" && Object.hasOwn(RULE_KIND_ZH, who.ruleKind) ? RULE_KIND_ZH[who.ruleKind] : s(who.ruleKind)}\u89C4\u5219${q(who.id)}`;
    case "tieBreaker":
      return "\u6392\u540D\u7684\u5E76\u5217\u6392\u5E8F\u4F9D\u636E";
    case "action":
      return `\u5904\u7406\u63AA\u65BD${q(who.id)}`;
    case "tier":
      return `\u7C7B\u522B${q(who.id)}`;
    default:
      return "\u8BE5\u6761\u4EF6";
  }
}
function notYetZh(why) {
  switch (why.reason) {
    case "self":
      return `\u5B83\u5C31\u662F\u6B63\u5728\u8BA1\u5206\u7684${q(why.id)}\u672C\u8EAB\u7684\u5F97\u5206`;
    case "contains":
      return `${q(why.id)}\u5305\u542B${q(why.node)}\uFF0C\u5728\u5B83\u4E4B\u540E\u624D\u8BA1\u5206`;
    case "after":
      return `${q(why.id)}\u5728${q(why.node)}\u4E4B\u540E\u8BA1\u5206\uFF1A\u6307\u6807\u6309\u4E66\u5199\u987A\u5E8F\u8BA1\u5206\uFF0C\u6307\u6807\u7EC4\u5728\u5176\u4E0B\u7EA7\u4E4B\u540E\u8BA1\u5206`;
    case "known-from":
      return why.from === "bands" ? `${s(why.head)} \u8981\u5728\u6574\u4E2A\u6307\u6807\u4F53\u7CFB\u8BA1\u5206\u5B8C\u6210\u540E\u624D\u77E5\u9053` : why.from === "exclusions" ? `${s(why.head)} \u8981\u5728\u6309\u5206\u6570\u6BB5\u5F97\u51FA\u521D\u5B9A\u7B49\u6B21\u540E\u624D\u77E5\u9053` : `${s(why.head)} \u8981\u5728\u6392\u540D\u4E4B\u540E\u624D\u77E5\u9053\uFF1A\u964D\u6863\u3001\u7B49\u6B21\u4E0A\u9650\u3001\u5904\u7406\u63AA\u65BD\u548C\u7C7B\u522B\u53EF\u4EE5\u8BFB\u53D6\u5B83`;
    default:
      return "\u5C1A\u672A\u8BA1\u7B97";
  }
}
var MAX_FROM_ZH = {
  normalizeTo: "\u6298\u7B97\u76EE\u6807 normalizeTo",
  "weighted-children": "\u5404\u4E0B\u7EA7\u52A0\u6743\u540E",
  children: "\u5404\u4E0B\u7EA7\u5206\u503C",
  periodMax: "\u6BCF\u671F\u6700\u9AD8\u5206 \xD7 \u671F\u6570"
};
var DATE_PROBLEM_ZH = {
  "not-text": () => "\u65E5\u671F\u5E94\u5199\u6210\u6587\u672C",
  year: (p) => `\u5E74\u4EFD ${s(p.year)} \u8D85\u51FA\u8303\u56F4`,
  month: (p) => `\u6CA1\u6709 ${s(p.month)} \u6708`,
  day: (p) => `${s(p.year)}\u5E74${s(p.month)}\u6708\u53EA\u6709 ${s(p.days)} \u5929\uFF0C\u6CA1\u6709 ${s(p.day)} \u65E5`,
  "not-a-date": () => "\u4E0D\u662F\u65E5\u671F"
};
var SCHEMA_VALUE_ZH = {
  "one-of": (p) => `\u5E94\u4E3A ${list(p.values).map((v) => showValue(v)).join("\u3001")} \u4E4B\u4E00\uFF0C\u5B9E\u9645\u4E3A${gotZh(p)}`,
  format: (p) => `\u5E94\u4E3A${expectsZh(p)}\uFF0C\u5B9E\u9645\u4E3A${gotZh(p)}`
};
function outOfRangeZh(p) {
  const side = p.side === "min" ? "\u81F3\u5C11" : "\u81F3\u591A";
  if (p.of === "list") return `\u5E94\u4E3A${side} ${s(p.bound)} \u9879\u7684\u5217\u8868\uFF0C\u5B9E\u9645\u6709 ${s(p.count ?? "?")} \u9879`;
  if (p.of === "mapping") return `\u5E94\u4E3A${side} ${s(p.bound)} \u9879\u7684\u6620\u5C04\uFF0C\u5B9E\u9645\u6709 ${s(p.count ?? "?")} \u9879`;
  if (p.of === "text") return `\u5E94${side}\u6709 ${s(p.bound)} \u4E2A\u5B57\u7B26\uFF0C\u5B9E\u9645\u4E3A${gotZh(p)}`;
  return `\u5E94${p.side === "min" ? "\u4E0D\u5C0F\u4E8E" : "\u4E0D\u5927\u4E8E"} ${s(p.bound)}\uFF0C\u5B9E\u9645\u4E3A${gotZh(p)}`;
}
var YAML_CODE_ZH = {
  BAD_INDENT: "\u7F29\u8FDB\u4E0D\u6B63\u786E",
  TAB_AS_INDENT: "\u4E0D\u80FD\u7528\u5236\u8868\u7B26\uFF08Tab\uFF09\u7F29\u8FDB\uFF0C\u8BF7\u6539\u7528\u7A7A\u683C",
  MISSING_CHAR: "\u7F3A\u5C11\u914D\u5BF9\u7684\u7B26\u53F7\uFF08\u5F15\u53F7\u3001\u62EC\u53F7\u6216\u5192\u53F7\uFF09",
  BLOCK_AS_IMPLICIT_KEY: "\u952E\u7684\u5199\u6CD5\u4E0D\u6B63\u786E\uFF08\u53EF\u80FD\u662F\u5192\u53F7\u540E\u7F3A\u5C11\u7A7A\u683C\uFF0C\u6216\u7F29\u8FDB\u4E0D\u5BF9\uFF09",
  MULTILINE_IMPLICIT_KEY: "\u952E\u4E0D\u80FD\u8DE8\u884C\uFF08\u53EF\u80FD\u662F\u5192\u53F7\u540E\u7F3A\u5C11\u7A7A\u683C\uFF0C\u6216\u7F29\u8FDB\u4E0D\u5BF9\uFF09",
  UNEXPECTED_TOKEN: "\u6B64\u5904\u51FA\u73B0\u4E86\u4E0D\u5E94\u51FA\u73B0\u7684\u7B26\u53F7",
  BAD_SCALAR_START: "\u503C\u4E0D\u80FD\u4EE5\u8FD9\u4E2A\u5B57\u7B26\u5F00\u5934\uFF08\u542B\u7279\u6B8A\u5B57\u7B26\u7684\u6587\u672C\u8BF7\u52A0\u5F15\u53F7\uFF09",
  BAD_DQ_ESCAPE: "\u53CC\u5F15\u53F7\u5185\u7684\u8F6C\u4E49\u5199\u6CD5\u4E0D\u6B63\u786E",
  BLOCK_IN_FLOW: "\u82B1\u62EC\u53F7\u6216\u65B9\u62EC\u53F7\u5185\u4E0D\u80FD\u4F7F\u7528\u6362\u884C\u7F29\u8FDB\u7684\u5199\u6CD5",
  MULTIPLE_DOCS: "\u4E00\u4E2A\u6587\u4EF6\u53EA\u80FD\u6709\u4E00\u4E2A\u6587\u6863\uFF08\u4E0D\u8981\u7528 --- \u5206\u9694\u591A\u4E2A\u6587\u6863\uFF09",
  BAD_ALIAS: "\u522B\u540D\u7684\u5199\u6CD5\u4E0D\u6B63\u786E",
  ALIAS_PROPS: "\u522B\u540D\u4E0D\u80FD\u5E26\u951A\u70B9\u6216\u6807\u7B7E",
  MULTIPLE_ANCHORS: "\u4E00\u4E2A\u503C\u53EA\u80FD\u6709\u4E00\u4E2A\u951A\u70B9",
  MULTIPLE_TAGS: "\u4E00\u4E2A\u503C\u53EA\u80FD\u6709\u4E00\u4E2A\u6807\u7B7E",
  KEY_OVER_1024_CHARS: "\u952E\u8D85\u8FC7 1024 \u4E2A\u5B57\u7B26",
  BAD_DIRECTIVE: "\u6307\u4EE4\u7684\u5199\u6CD5\u4E0D\u6B63\u786E",
  BAD_PROP_ORDER: "\u951A\u70B9\u548C\u6807\u7B7E\u7684\u4F4D\u7F6E\u4E0D\u6B63\u786E",
  NON_STRING_KEY: "\u952E\u5FC5\u987B\u662F\u6587\u672C",
  BAD_COLLECTION_TYPE: "\u5217\u8868\u6216\u6620\u5C04\u7684\u7C7B\u578B\u4E0D\u6B63\u786E",
  IMPOSSIBLE: "\u65E0\u6CD5\u89E3\u6790",
  RESOURCE_EXHAUSTION: "\u6587\u6863\u8FC7\u4E8E\u590D\u6742\uFF0C\u65E0\u6CD5\u89E3\u6790"
};
var LIMIT_WHAT_ZH = {
  maxNodes: "\u6307\u6807\u4F53\u7CFB\u4E2D\u7684\u8282\u70B9\uFF08\u6307\u6807\u7EC4\u548C\u6307\u6807\uFF09\u6570",
  maxTreeDepth: "\u6307\u6807\u4F53\u7CFB\u7684\u5C42\u6570",
  maxEntries: "\u4E00\u4E2A\u5217\u8868\u6216\u6620\u5C04\u4E2D\u7684\u6761\u76EE\u6570",
  maxNesting: "\u76F8\u4E92\u5D4C\u5957\u7684\u5217\u8868\u548C\u6620\u5C04\u7684\u5C42\u6570"
};
var DUPLICATE_WHAT_ZH = {
  rule: "\u89C4\u5219",
  "rule or quota": "\u89C4\u5219\u6216\u6BD4\u4F8B\u9650\u5236",
  action: "\u5904\u7406\u63AA\u65BD",
  tier: "\u7C7B\u522B",
  grade: "\u7B49\u6B21",
  "rater group": "\u8BC4\u4EF7\u7EC4",
  "choice value": "\u9009\u9879",
  "vote level": "\u6295\u7968\u6863\u6B21",
  entry: "\u6761\u76EE",
  "item/group": "\u6307\u6807\u6216\u6307\u6807\u7EC4",
  "item/group (the same id as a group that contains it)": "\u6307\u6807\u6216\u6307\u6807\u7EC4\uFF08\u4E0E\u5305\u542B\u5B83\u7684\u6307\u6807\u7EC4\u540C\u540D\uFF09"
};
var DENOMINATOR_ZH = { valid: "\u6709\u6548\u7968", "valid-and-abstain": "\u6709\u6548\u7968\u4E0E\u5F03\u6743\u7968", returned: "\u6536\u56DE\u7968", issued: "\u53D1\u51FA\u7968" };
function inputKindZh(p) {
  switch (p.type) {
    case "number":
      return "\u4E00\u4E2A\u6570";
    case "count":
      return "\u4E00\u4E2A\u6574\u6570";
    case "ratio":
      return '\u4E00\u4E2A\u6BD4\u7387\uFF0C\u5982 0.9685 \u6216 "96.85%"';
    case "boolean":
      return "\u662F\u6216\u5426\uFF08true/false\uFF09";
    case "choice":
      return `${l(p.allowed)} \u4E4B\u4E00`;
    case "grade":
      return `\u7B49\u6B21 ${l(p.allowed)} \u4E4B\u4E00`;
    case "scores":
      return "\u5206\u6570\u5217\u8868";
    case "votes":
      return `\u5404\u6863\u7968\u6570\uFF08${l(p.levels)}\uFF09`;
    case "series":
      return "\u5404\u671F\u5206\u6570\u7684\u5217\u8868";
    case "text":
      return "\u6587\u672C";
    case "date":
      return "\u65E5\u671F";
    case "rank":
      return '\u540D\u6B21\uFF08\u5982 "3/20"\uFF09';
    case "records":
      return "\u8BB0\u5F55\u5217\u8868";
    default:
      return q(p.expected);
  }
}
var SHAPE_ZH = {
  "own-property": () => "\u5E94\u4E3A\u5BF9\u8C61\u81EA\u8EAB\u7684\u5C5E\u6027\uFF08\u7EE7\u627F\u6765\u7684\u5C5E\u6027\u4E0D\u4F5C\u4E3A\u6570\u636E\u8BFB\u53D6\uFF09\uFF0C\u5B9E\u9645\u4E3A\u7EE7\u627F\u81EA\u539F\u578B\u7684\u5C5E\u6027",
  subjects: (p) => `\u5E94\u4E3A\u5355\u4F4D\u5217\u8868\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  subject: (p) => p.got === "hole" ? `\u5E94\u4E3A\u542B\u7F16\u53F7\u548C\u5404\u9879\u6570\u636E\u7684\u6620\u5C04\uFF0C\u5B9E\u9645\u4E3A\u5217\u8868\u4E2D\u7684\u7A7A\u4F4D${typeof p.rows === "number" && p.rows > 1 ? `\uFF08\u8FDE\u7EED ${p.rows} \u884C\uFF09` : ""}` : `\u5E94\u4E3A\u542B\u7F16\u53F7\u548C\u5404\u9879\u6570\u636E\u7684\u6620\u5C04\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  once: (p) => `\u5E94\u53EA\u7ED9\u51FA\u4E00\u6B21${p.of !== void 0 ? `\uFF08\u5355\u4F4D\u7684${role(p.of)}\uFF09` : ""}\uFF0C\u5B9E\u9645${l(list(p.columns).map(q))}\u90FD\u7ED9\u51FA\u4E86`,
  "subject-text": (p) => `\u5355\u4F4D\u7684${role(p.of)}\u5E94\u4E3A\u6587\u672C\u6216\u6570\u5B57\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "once-dotted": (p) => {
    const [base, ...columns] = list(p.columns);
    return `\u5E94\u53EA\u7528\u4E00\u79CD\u5199\u6CD5\uFF1A\u6574\u5217${q(base)}\uFF0C\u6216\u5206\u5217${q(`${s(base)}.<\u952E>`)}\uFF0C\u4E0D\u80FD\u540C\u65F6\u4F7F\u7528\uFF1B\u5B9E\u9645\u540C\u65F6\u7ED9\u51FA\u4E86${l([base, ...columns].map(q))}`;
  },
  text: (p) => `\u5E94\u4E3A\u6587\u672C\uFF08\u5B57\u7B26\u4E32\u6216\u6570\u5B57\uFF09\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  series: (p) => `\u5E94\u4E3A ${s(p.length)} \u4E2A\u6570\u7684\u5217\u8868\uFF0C\u5B9E\u9645\u4E3A${p.count !== void 0 ? ` ${s(p.count)} \u4E2A\u503C` : ` ${got2(p)}`}`,
  rank: (p) => `\u5E94\u4E3A\u540D\u6B21"k/N"\uFF081 \u2264 k \u2264 N\uFF09\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  scores: (p) => `\u5E94\u4E3A\u7528";"\u5206\u9694\u7684\u5206\u6570\uFF08\u5982 80;85.5\uFF09\u6216\u5217\u8868 [80, 85.5]\uFF0C\u5B9E\u9645\u4E3A ${received(p)}`,
  "scores-no-empty": (p) => `\u5E94\u4E3A\u7528";"\u5206\u9694\u7684\u5206\u6570\uFF08\u5982 80;85.5\uFF09\uFF0C\u4E0D\u80FD\u6709\u7A7A\u9879\uFF1B\u7B2C ${s(p.position)} \u9879\u662F\u7A7A\u7684\uFF0C\u5B9E\u9645\u4E3A ${received(p)}`,
  votes: (p) => `\u5E94\u4E3A\u5404\u6863\u7968\u6570 {${s(p.levels)}, abstain?, invalid?, issued?}\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "vote-key": (p) => `\u7968\u6570\u7684\u952E\u5E94\u4E3A ${l(p.allowed)} \u4E4B\u4E00\uFF0C\u5B9E\u9645\u4E3A${q(p.key)}`,
  "vote-levels": (p) => `\u6BCF\u4E00\u6863\u90FD\u5E94\u6709\u7968\u6570\uFF08${l(p.levels)}\uFF09\uFF0C\u7F3A\u5C11${q(p.level)}`,
  records: (p) => `\u5E94\u4E3A\u8BB0\u5F55\u5217\u8868\uFF0C\u6BCF\u6761\u8BB0\u5F55\u542B ${l(p.fields)}\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  record: (p) => `\u7B2C ${s(p.index)} \u6761\u8BB0\u5F55\u5E94\u4E3A\u6620\u5C04\uFF08\u952E\u503C\u5BF9\uFF09\uFF0C\u5B9E\u9645\u4E3A${p.got === "hole" ? "\u5217\u8868\u4E2D\u7684\u7A7A\u4F4D" : ` ${got2(p)}`}`,
  "record-field": (p) => `\u7B2C ${s(p.index)} \u6761\u8BB0\u5F55\u4E2D\u7684\u5B57\u6BB5${q(p.key)}\u672A\u77E5\uFF0C\u5E94\u4E3A ${l(p.allowed)} \u4E4B\u4E00`
};
var VALUE_ZH = {
  boolean: (p) => `\u5E94\u4E3A"\u662F"\u6216"\u5426"\uFF08\u4E5F\u53EF\u5199 true/false\u3001yes/no\u30011/0\uFF09\uFF0C\u5B9E\u9645\u4E3A ${received(p)}`,
  "one-of": (p) => `\u5E94\u4E3A ${l(p.allowed)} \u4E4B\u4E00\uFF0C\u5B9E\u9645\u4E3A ${received(p)}`,
  "vote-count": (p) => `${q(p.key)}\u7684\u7968\u6570\u5E94\u4E3A\u975E\u8D1F\u6574\u6570\uFF0C\u5B9E\u9645\u4E3A ${received(p)}`,
  limit: (p) => `\u5E94\u4E3A\u4E0D\u5C0F\u4E8E 1 \u7684\u6574\u6570\u6216 Infinity\uFF0C\u5B9E\u9645\u4E3A ${received(p)}`
};
var OUT_OF_RANGE_ZH = {
  range: (p) => p.min !== void 0 && p.max !== void 0 ? `\u5E94\u5728 ${s(p.min)} \u5230 ${s(p.max)} \u4E4B\u95F4\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}` : p.min !== void 0 ? `\u5E94\u4E0D\u5C0F\u4E8E ${s(p.min)}\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}` : `\u5E94\u4E0D\u5927\u4E8E ${s(p.max)}\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "at-most-field": (p) => `\u5E94\u4E0D\u5927\u4E8E${q(p.other)}\uFF08${s(p.max)}\uFF09\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  "at-least-returned": (p) => `\u53D1\u51FA\u7684\u9009\u7968\u6570\u5E94\u4E0D\u5C11\u4E8E\u6536\u56DE\u7684 ${s(p.min)} \u5F20\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`
};
var TOO_LARGE_ZH = {
  "limits.rows": "\u5355\u4F4D\uFF08\u884C\uFF09\u6570",
  "limits.cellLength": "\u4E00\u4E2A\u5355\u5143\u683C\u4E2D\u7684\u5B57\u7B26\u6570",
  "limits.columns": "\u4E00\u4E2A\u5355\u4F4D\u7684\u5B57\u6BB5\uFF08\u5217\uFF09\u6570"
};
var NOT_GRADABLE_ZH = {
  "nothing-applies": (p) => {
    const skipped = list(p.skipped).map((k) => `\u6307\u6807${q(rec(k).item)}\uFF08\u7F3A\u5C11${q(rec(k).column)}\uFF09`);
    return `\u6CA1\u6709\u9002\u7528\u4E8E\u8BE5\u5355\u4F4D\u7684\u6307\u6807${skipped.length ? `\uFF1B\u56E0\u7F3A\u5C11\u6570\u503C\u800C\u8DF3\u8FC7\uFF1A${skipped.join("\u3001")}` : ""}`;
  },
  "item-failed": (p) => `\u6307\u6807${q(p.item)}\u65E0\u6CD5\u8BA1\u5206`
};
function scopeZh(scope) {
  const text = s(scope);
  return text === "all" ? "\u5168\u90E8\u5355\u4F4D" : text.startsWith("group ") ? `\u5206\u7EC4${q(text.slice(6))}` : text;
}
var hint2 = (p) => p.didYouMean ? `\uFF1B\u662F\u5426\u5E94\u4E3A${q(p.didYouMean)}\uFF1F` : "";
function byZh(by) {
  const b = rec(by);
  return b.entry !== void 0 ? `\u6307\u6807${q(b.item)}\u7684\u6761\u76EE${q(b.entry)}` : `\u6307\u6807${q(b.item)}`;
}
var MESSAGES2 = {
  YAML_SYNTAX: (p) => `YAML \u8BED\u6CD5\u9519\u8BEF\uFF1A${typeof p.yamlCode === "string" && Object.hasOwn(YAML_CODE_ZH, p.yamlCode) ? YAML_CODE_ZH[p.yamlCode] : `\u65E0\u6CD5\u89E3\u6790\uFF08\u89E3\u6790\u5668\u63D0\u793A\uFF1A${s(p.parserMessage ?? p.yamlCode)}\uFF09`}`,
  YAML_DUPLICATE_KEY: (p) => `\u540C\u4E00\u6620\u5C04\u4E2D\u7684\u952E${q(p.key)}\u91CD\u590D`,
  YAML_EMPTY: () => "\u65B9\u6848\u6587\u4EF6\u662F\u7A7A\u7684\uFF1B\u5E94\u4E3A\u5305\u542B kaohe\u3001id\u3001name\u3001grades \u548C scoring \u7684\u6620\u5C04",
  YAML_ALIAS: (p) => p.reason === "cycle" ? `\u522B\u540D *${s(p.alias)} \u4F4D\u4E8E\u5B83\u81EA\u5DF1\u7684\u951A\u70B9 &${s(p.alias)} \u4E4B\u5185\uFF1B\u4E00\u4E2A\u503C\u4E0D\u80FD\u5305\u542B\u5B83\u81EA\u8EAB` : `\u522B\u540D *${s(p.alias)} \u6CA1\u6709\u5BF9\u5E94\u7684\u951A\u70B9\uFF08\u951A\u70B9 &${s(p.alias)} \u5FC5\u987B\u5199\u5728\u522B\u540D\u4E4B\u524D\uFF09`,
  YAML_ALIAS_LIMIT: (p) => `\u951A\u70B9 &${s(p.alias)} \u88AB\u5C55\u5F00\u8D85\u8FC7 ${s(p.limit)} \u6B21\uFF08\u542B\u5176\u5185\u90E8\u7684\u522B\u540D\uFF09\uFF1B\u5982\u786E\u9700\u5982\u6B64\uFF0C\u8BF7\u8C03\u9AD8\u52A0\u8F7D\u9009\u9879 maxAliasCount`,
  YAML_MERGE: (p) => {
    const g = rec(p.got);
    const what = g.kind === "list" ? "\u4E00\u4E2A\u5217\u8868" : g.kind === "value" ? `\u503C ${showValue(g.value)}` : g.kind === "nothing" ? "\u7A7A" : g.kind === "not-mapping" ? "\u4E0D\u662F\u6620\u5C04\u7684\u503C" : got2(p);
    return `\u5408\u5E76\uFF08<<\uFF09\u53EA\u80FD\u5408\u5E76\u6620\u5C04\u3001\u6620\u5C04\u7684\u522B\u540D\u6216\u7531\u5B83\u4EEC\u7EC4\u6210\u7684\u5217\u8868\uFF1B\u5B9E\u9645\u4E3A${g.inList ? `\u5217\u8868\u4E2D\u7684${what}` : what}`;
  },
  YAML_TOO_LARGE: (p) => `\u6587\u672C\u6709 ${s(p.length)} \u4E2A\u5B57\u7B26\uFF0C\u8D85\u8FC7\u4E0A\u9650 ${s(p.limit)}\uFF1B\u5982\u786E\u9700\u5982\u6B64\uFF0C\u8BF7\u8C03\u9AD8\u52A0\u8F7D\u9009\u9879 maxLength`,
  YAML_TOO_DEEP: (p) => `YAML \u5D4C\u5957\u8D85\u8FC7 ${s(p.limit)} \u5C42\uFF1B\u5982\u786E\u9700\u5982\u6B64\uFF0C\u8BF7\u8C03\u9AD8\u52A0\u8F7D\u9009\u9879 maxDepth`,
  YAML_UNKNOWN_TAG: (p) => `\u672A\u77E5\u7684\u6807\u7B7E ${s(p.tag)}\uFF1B\u65B9\u6848\u53EA\u4F7F\u7528\u666E\u901A\u7684 YAML \u503C\uFF08\u5141\u8BB8\u7684\u6807\u7B7E\u53EA\u6709 !!str\u3001!!int\u3001!!float\u3001!!bool\u3001!!null\u3001!!map \u548C !!seq\uFF09`,
  YAML_CONTROL_CHARACTER: (p) => `\u65B9\u6848\u4E2D\u4E0D\u80FD\u6709\u63A7\u5236\u5B57\u7B26 ${s(p.char)}${typeof p.count === "number" && p.count > 1 ? `\uFF08\u5168\u6587\u5171 ${p.count} \u5904\uFF09` : ""}`,
  YAML_NOT_UTF8: (p) => `\u6587\u4EF6\u4E0D\u662F\u6709\u6548\u7684 UTF-8 \u7F16\u7801\uFF1A\u5B57\u8282\u504F\u79FB ${s(p.offset)} \u5904\u7684\u5B57\u8282\u4E3A 0x${s(p.byte)}${p.hint ? "\uFF08\u6587\u4EF6\u4EE5 UTF-16 \u5B57\u8282\u987A\u5E8F\u6807\u8BB0\u5F00\u5934\uFF09" : ""}\uFF1B\u8BF7\u628A\u65B9\u6848\u53E6\u5B58\u4E3A UTF-8 \u7F16\u7801`,
  SCHEMA_MISSING_KEY: (p) => `\u7F3A\u5C11\u5FC5\u586B\u7684\u952E${q(p.key)}${p.expected ? `\uFF1A\u5E94\u4E3A${expectsZh(p)}` : ""}`,
  SCHEMA_UNKNOWN_KEY: (p) => `\u672A\u77E5\u7684\u952E${q(p.key)}${p.reason === "flow-comma" ? '\uFF08\u5B83\u6CA1\u6709\u503C\uFF1A\u5728 { } \u5185\uFF0C\u9017\u53F7","\u4F1A\u7ED3\u675F\u524D\u4E00\u4E2A\u503C\uFF1B\u542B\u9017\u53F7\u7684\u6587\u672C\u8BF7\u52A0\u5F15\u53F7\uFF09' : p.hint ? `\uFF08${s(p.hint)}\uFF09` : ""}`,
  SCHEMA_INVALID_TYPE: (p) => `\u5E94\u4E3A${expectsZh(p)}\uFF0C\u5B9E\u9645\u4E3A${gotZh(p)}`,
  SCHEMA_INVALID_VALUE: (p) => pick(SCHEMA_VALUE_ZH, p.reason, p, () => `${p.text !== void 0 ? `${s(p.text)}\uFF1B` : ""}\u5B9E\u9645\u4E3A${gotZh(p)}`),
  SCHEMA_OUT_OF_RANGE: outOfRangeZh,
  SCHEMA_INVALID_KIND: (p) => `\u672A\u77E5\u7684\u7C7B\u578B kind ${q(p.received)}\uFF1B\u5E94\u4E3A${expectsZh(p)}`,
  SCHEMA_CONSTRAINT: (p) => pick(CONSTRAINT_ZH, p.reason, p, () => `\u4E0D\u7B26\u5408\u65B9\u6848\u8BED\u8A00\u7684\u89C4\u5B9A${p.text !== void 0 ? `\uFF1A${s(p.text)}` : ""}`),
  SCHEMA_RESERVED_NAME: (p) => `${q(p.name)}\u662F\u4FDD\u7559\u540D\uFF08__proto__\u3001constructor \u548C prototype \u662F JavaScript \u5BF9\u8C61\u7684\u5185\u90E8\u540D\u79F0\uFF09\uFF1A\u65B9\u6848\u4E2D\u7684\u952E\u3001\u7F16\u53F7\u548C\u540D\u79F0\u90FD\u4E0D\u80FD\u4F7F\u7528\uFF0C\u8BF7\u6539\u540D`,
  LIMIT_EXCEEDED: (p) => `${typeof p.limit === "string" && Object.hasOwn(LIMIT_WHAT_ZH, p.limit) ? LIMIT_WHAT_ZH[p.limit] : s(p.what)}\u8D85\u8FC7 ${s(p.value)}\uFF08\u4E0A\u9650 ${s(p.limit)}\uFF09\uFF1B\u5982\u679C\u65B9\u6848\u786E\u5B9E\u8FD9\u4E48\u5927\uFF0C\u53EF\u7528\u9009\u9879 limits: { ${s(p.limit)}: \u2026 } \u8C03\u9AD8`,
  LIMIT_INVALID: (p) => p.reason === "unknown" ? `\u6CA1\u6709\u540D\u4E3A limits.${s(p.limit)} \u7684\u9009\u9879\uFF08\u53EF\u7528\u7684\u6709 ${l(p.known)}\uFF09` : `\u9009\u9879 limits.${s(p.limit)} \u5E94\u4E3A\u4E0D\u5C0F\u4E8E 1 \u7684\u6574\u6570\u6216 Infinity\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  REF_DUPLICATE_ID: (p) => `${typeof p.what === "string" && Object.hasOwn(DUPLICATE_WHAT_ZH, p.what) ? DUPLICATE_WHAT_ZH[p.what] : s(p.what)}\u7F16\u53F7${q(p.id)}\u91CD\u590D\uFF08\u7B2C\u4E00\u6B21\u51FA\u73B0\u5728 ${s(p.first)}\uFF09`,
  REF_UNKNOWN_NODE: (p) => `\u672A\u77E5\u7684\u6307\u6807\u6216\u6307\u6807\u7EC4${q(p.id)}${hint2(p)}`,
  REF_UNKNOWN_INPUT: (p) => `\u672A\u77E5\u7684\u6570\u636E\u9879${q(p.id)}${hint2(p)}`,
  REF_UNKNOWN_GRADE: (p) => `\u7B49\u6B21${q(p.id)}\u4E0D\u5728\u7B49\u6B21\u5E8F\u5217 [${l(p.scale)}] \u4E2D${hint2(p)}`,
  REF_UNKNOWN_LEVEL: (p) => `\u672A\u77E5\u7684\u6863\u6B21${q(p.id)}\uFF1B\u53EF\u9009\u7684\u6863\u6B21\u4E3A [${l(p.levels)}]`,
  REF_UNKNOWN_RUBRIC: (p) => `\u5F15\u7528\u4E86\u8003\u6838\u65B9\u6848${q(p.id)}\uFF0C\u4F46\u5B83\u6CA1\u6709\u5728\u540C\u4E00\u7EC4\u4E2D\u52A0\u8F7D${p.loaded ? `\uFF08\u5DF2\u52A0\u8F7D\uFF1A${l(p.loaded)}\uFF09` : ""}`,
  REF_BAD_FACT: (p) => `\u4E8B\u5B9E\u5F15\u7528${q(p.fact)}\u6709\u8BEF${pick(BAD_FACT_ZH, p.reason, p, () => "")}`,
  COND_TYPE_MISMATCH: (p) => `\u8FD0\u7B97\u7B26${q(p.op)}\u4E0D\u9002\u7528\u4E8E${q(p.fact)}\uFF08${typeof p.type === "string" && Object.hasOwn(FACT_TYPE_ZH, p.type) ? FACT_TYPE_ZH[p.type] : s(p.type)}\u578B\uFF09\uFF1B${pick(TYPE_MISMATCH_ZH, p.reason, p, () => s(p.reason))}`,
  COND_STAGE_ORDER: (p) => `${consumerZh(rec(p.who))}${typeof p.stage === "string" && Object.hasOwn(STAGE_RUNS_ZH, p.stage) ? STAGE_RUNS_ZH[p.stage] : s(p.runs)}\uFF1B\u6B64\u65F6${q(p.fact)}\u8FD8\u6CA1\u6709\u5F97\u51FA\uFF08${notYetZh(rec(p.why))}\uFF09\u3002\u8BA1\u7B97\u987A\u5E8F\uFF1A\u8BA1\u5206 \u2192 \u6309\u5206\u6570\u6BB5\u5B9A\u7B49\u6B21 \u2192 \u4E0D\u53C2\u52A0\u5B9A\u7EA7 \u2192 \u4E00\u7968\u5426\u51B3 \u2192 \u6392\u540D \u2192 \u964D\u6863 \u2192 \u7B49\u6B21\u4E0A\u9650 \u2192 \u6BD4\u4F8B\u9650\u5236 \u2192 \u5904\u7406\u63AA\u65BD\u548C\u7C7B\u522B`,
  INPUT_TYPE_CONFLICT: (p) => `\u6570\u636E\u9879${q(p.id)}\u65E2\u88AB\u7528\u4F5C ${s(p.firstType)} \u7C7B\u578B${p.firstBy !== void 0 ? `\uFF08${byZh(p.firstBy)}\uFF09` : "\uFF08\u5DF2\u58F0\u660E\uFF09"}\uFF0C\u53C8\u88AB\u7528\u4F5C ${s(p.secondTypes, " \u6216 ")} \u7C7B\u578B\uFF08${byZh(p.secondBy)}\uFF09`,
  WEIGHT_SUM: (p) => `\u6743\u91CD\u4E4B\u548C\u5E94\u4E3A 100%\uFF0C\u5B9E\u9645\u4E3A ${s(p.sum)}%`,
  WEIGHT_MIXED: () => '\u6743\u91CD\u5E94\u5168\u90E8\u5199\u6210\u767E\u5206\u6BD4\uFF08"60%"\uFF09\u6216\u5168\u90E8\u5199\u6210\u6BD4\u4F8B\u6570\uFF083, 6, 3\uFF09\uFF0C\u4E0D\u80FD\u6DF7\u7528',
  WEIGHT_MISSING: (p) => `\u52A0\u6743\u6307\u6807\u7EC4\u7684\u4E0B\u7EA7${q(p.id)}\u6CA1\u6709\u6743\u91CD`,
  WEIGHT_UNEXPECTED: (p) => `\u4E0B\u7EA7${q(p.id)}\u6709\u6743\u91CD\uFF0C\u4F46\u5B83\u6240\u5728\u7684\u6307\u6807\u7EC4\u6309 ${s(p.combine)} \u65B9\u5F0F\u5408\u5E76\uFF0C\u4E0D\u662F\u52A0\u6743\uFF08weighted\uFF09`,
  BAND_ORDER: (p) => `${p.band !== void 0 ? `\u7B2C ${s(p.band)} \u6863` : `\u7B49\u6B21${q(p.id)}`}\u7684\u5206\u6570\u7EBF ${s(p.threshold)} \u4E0D\u4F4E\u4E8E\u4E0A\u4E00${p.band !== void 0 ? "\u6863" : "\u7B49\u6B21"}\u7684 ${s(p.previous)}\uFF1B\u5E94\u4ECE\u9AD8\u5230\u4F4E\u6392\u5217`,
  BAND_OVERLAP: (p) => `\u7B49\u6B21${q(p.id)}\u7684\u5206\u6570\u6BB5\u4E0E\u7B49\u6B21${q(p.other)}\u7684\u5206\u6570\u6BB5\u91CD\u53E0`,
  MAX_MISMATCH: (p) => `\u58F0\u660E\u7684\u6EE1\u5206\u4E3A ${s(p.declared)}\uFF0C\u4F46${typeof p.from === "string" && Object.hasOwn(MAX_FROM_ZH, p.from) ? MAX_FROM_ZH[p.from] : s(p.from)}\u5408\u8BA1\u4E3A ${s(p.computed)}`,
  RANGE_INVALID: (p) => pick(RANGE_ZH, p.reason, p, () => `\u6570\u503C\u4E4B\u95F4\u76F8\u4E92\u77DB\u76FE${p.text !== void 0 ? `\uFF1A${s(p.text)}` : ""}`),
  QUOTA_SHARE_RANGE: (p) => `\u6BD4\u4F8B\u5E94\u5728 0% \u5230 100% \u4E4B\u95F4\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  TRIM_MIN_SCORES: (p) => `\u53BB\u6389\u6700\u9AD8\u5206\u548C\u6700\u4F4E\u5206\u5404 ${s(p.drop)} \u4E2A\uFF0C\u81F3\u5C11\u9700\u8981 ${s(p.needed)} \u4E2A\u5206\u6570\uFF1B${s(p.stated)} \u53EA\u8981\u6C42 ${s(p.fewest)} \u4E2A`,
  ADJUST_PLACEMENT: (p) => `\u76F4\u63A5\u52A0\u51CF\u5206\u6307\u6807${q(p.id)}\u662F\u52A0\u5230\u6240\u5728\u7EC4\u7684\u5408\u8BA1\u4E0A\u7684\uFF1A\u8BF7\u628A\u5B83\u653E\u5728\u6309\u5408\u8BA1\uFF08sum\uFF09\u5408\u5E76\u7684\u6307\u6807\u7EC4\u4E0B\uFF0C\u6216\u653E\u5728 outside \u5217\u8868\u4E2D\uFF0C\u4E0D\u80FD\u653E\u5728 combine: ${s(p.combine)} \u7684\u6307\u6807\u7EC4\u4E0B`,
  QUOTA_LOWEST_GRADE: (p) => `\u6BD4\u4F8B\u9650\u5236${q(p.quota)}\u8BBE\u5728\u6700\u4F4E\u7B49\u6B21${q(p.grade)}\u4E0A\uFF1A\u6CA1\u6709\u66F4\u4F4E\u7684\u7B49\u6B21\u53EF\u964D\uFF0C\u8FD9\u4E2A\u9650\u5236\u6C38\u8FDC\u4E0D\u4F1A\u8D77\u4F5C\u7528\uFF1B\u8BF7\u8BBE\u5728\u66F4\u9AD8\u7684\u7B49\u6B21\u4E0A`,
  GRADE_NAME_AMBIGUOUS: (p) => {
    const names = list(p.matches).map((m) => `\u7B49\u6B21${q(rec(m).grade)}\u7684${rec(m).by === "id" ? "\u7F16\u53F7" : "\u540D\u79F0"}`);
    return `\u7B49\u6B21\u540D\u79F0${q(p.name)}\u6709\u6B67\u4E49\uFF1A\u5B83\u65E2\u662F${names.join("\uFF0C\u53C8\u662F")}${p.rubric !== void 0 ? `\uFF08\u8003\u6838\u65B9\u6848${q(p.rubric)}\uFF09` : ""}\uFF1B\u8BF7\u6539\u7528\u7B49\u6B21\u7F16\u53F7`;
  },
  SPAN_WITHOUT_AS_OF: (p) => `${q(p.fact)}\u8981\u8BA1\u7B97\u5230\u65B9\u6848\u7684\u57FA\u51C6\u65E5\u671F\uFF08asOf\uFF09\uFF0C\u4F46\u65B9\u6848\u6CA1\u6709\u58F0\u660E\uFF1B\u8BF7\u5728\u9876\u5C42\u52A0\u4E0A asOf: "YYYY-MM-DD"`,
  COND_INTEGER_RANGE_ON_DECIMAL: (p) => `${q(p.fact)}\u53EF\u80FD\u6709\u5C0F\u6570\uFF0C\u6761\u4EF6 ${s(p.condition)} ${p.op === "gt" ? `\u4F1A\u8BA9 ${s(p.half)} \u6EE1\u8DB3\u6761\u4EF6\uFF0C\u5C3D\u7BA1\u5B83\u5C0F\u4E8E ${s(p.next)}` : `\u4F1A\u8BA9 ${s(p.at)} \u4E0E ${s(p.next)} \u4E4B\u95F4\u7684 ${s(p.half)} \u843D\u5728\u8303\u56F4\u4E4B\u5916`}\uFF1B\u8BF7\u5199\u6210 ${s(p.suggestion)}\uFF0C\u6216\u628A\u8FB9\u754C\u5199\u6210\u5E26\u5C0F\u6570\u7684\u5F62\u5F0F\uFF08${s(p.keep)}\uFF09\u4EE5\u4FDD\u6301\u539F\u610F`,
  ROOT_MAX_UNDECLARED: (p) => `\u6309 ${s(p.combine)} \u5408\u5E76\u7684\u6839\u8282\u70B9\u6CA1\u6709\u58F0\u660E\u6EE1\u5206 max\uFF1A\u6EE1\u5206\u4E0D\u4F1A\u88AB\u6838\u5BF9\uFF0C\u8BA1\u7B97\u5F97\u51FA\u4E3A ${s(p.computed)}\uFF1B\u5982\u679C\u8FD9\u5C31\u662F\u65B9\u6848\u7684\u6EE1\u5206\uFF0C\u8BF7\u58F0\u660E max: ${s(p.computed)}`,
  LINKAGE_CYCLE: (p) => `\u8003\u6838\u65B9\u6848\u4E4B\u95F4\u5FAA\u73AF\u5173\u8054\uFF1A${s(p.cycle, " \u2192 ")}`,
  RUBRIC_DUPLICATE_ID: (p) => `\u540C\u4E00\u7EC4\u4E2D\u6709\u4E24\u4E2A\u8003\u6838\u65B9\u6848\u7684\u7F16\u53F7\u90FD\u662F${q(p.id)}`,
  DATA_DUPLICATE_ID: (p) => `\u5355\u4F4D\u7F16\u53F7${q(p.id)}\u91CD\u590D\uFF08\u7B2C ${s(p.firstRow)} \u884C\u5DF2\u51FA\u73B0\uFF09`,
  DATA_MISSING_ID: () => "\u5355\u4F4D\u6CA1\u6709\u7F16\u53F7",
  DATA_MISSING_FIELD: (p) => p.expects === "issued" ? "\u7F3A\u5C11\u53D1\u51FA\u7684\u9009\u7968\u6570\uFF08\u8BA1\u7968\u57FA\u6570\u4E3A\u53D1\u51FA\u7968 issued\uFF09" : `\u7F3A\u5C11\u6570\u503C\uFF0C\u5E94\u4E3A${inputKindZh(p)}${p.reason === "optional-read" ? `\uFF08\u8BE5\u6570\u636E\u9879\u53EF\u4EE5\u4E0D\u586B\uFF0C\u4F46\u6307\u6807${q(p.item)}\u8981\u8BFB\u53D6\u5B83\uFF1A\u8BF7\u5728\u65B9\u6848\u4E2D\u58F0\u660E missing: zero \u6216 skip\uFF0C\u8BF4\u660E\u7F3A\u5C11\u65F6\u5982\u4F55\u8BA1\u5206\uFF09` : ""}`,
  DATA_UNKNOWN_FIELD: (p) => `\u672A\u77E5\u7684\u5217${typeof p.rows === "number" && p.rows > 1 ? `\uFF08\u5171 ${p.rows} \u884C\uFF09` : ""}\uFF1A\u65B9\u6848\u4E2D\u6CA1\u6709\u8FD9\u4E2A\u6570\u636E\u9879${p.series !== void 0 ? `\uFF08\u5E8F\u5217${q(p.series)}\u5171 ${s(p.periods)} \u671F\uFF1A${s(p.series)}.1 \u2026 ${s(p.series)}.${s(p.periods)}\uFF09` : ""}`,
  DATA_NOT_NUMBER: (p) => `\u5E94\u4E3A\u6570\u5B57\uFF0C\u5B9E\u9645\u4E3A ${received(p)}`,
  DATA_NOT_INTEGER: (p) => `\u5E94\u4E3A\u6574\u6570\uFF0C\u5B9E\u9645\u4E3A ${received(p)}`,
  DATA_TOO_PRECISE: (p) => `\u6700\u591A\u5141\u8BB8 ${s(p.places)} \u4F4D\u5C0F\u6570\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`,
  DATA_OUT_OF_RANGE: (p) => pick(OUT_OF_RANGE_ZH, p.expects, p, () => `\u5E94\u4E3A ${q(p.expected)}\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`),
  DATA_INVALID_VALUE: (p) => pick(VALUE_ZH, p.expects, p, () => `\u5E94\u4E3A ${q(p.expected)}\uFF0C\u5B9E\u9645\u4E3A ${received(p)}`),
  DATA_INVALID_DATE: (p) => `\u5E94\u4E3A\u65E5\u671F\uFF0C\u5982 2024-03-01\u30012024/3/1 \u6216 2024\u5E743\u67081\u65E5\uFF0C\u5B9E\u9645\u4E3A ${received(p)}${p.reason !== void 0 ? `\uFF08${pick(DATE_PROBLEM_ZH, p.reason, p, () => s(p.reason))}\uFF09` : ""}`,
  DATA_BAD_SHAPE: (p) => pick(SHAPE_ZH, p.expects, p, () => `\u5E94\u4E3A ${q(p.expected)}\uFF0C\u5B9E\u9645\u4E3A ${got2(p)}`),
  DATA_DUPLICATE_COLUMN: (p) => `\u5217\u540D${q(p.column)}\u5728\u8868\u5934\u4E2D\u51FA\u73B0\u4E86\u4E24\u6B21\uFF08\u7B2C ${s(p.first)} \u5217\u548C\u7B2C ${s(p.second)} \u5217\uFF09\uFF1B\u6BCF\u5217\u53EA\u80FD\u51FA\u73B0\u4E00\u6B21`,
  DATA_TOO_LARGE: (p) => `${typeof p.option === "string" && Object.hasOwn(TOO_LARGE_ZH, p.option) ? TOO_LARGE_ZH[p.option] : s(p.what)}\u4E3A ${s(p.count)}\uFF0C\u8D85\u8FC7\u4E0A\u9650 ${s(p.limit)}\uFF08\u53EF\u7528\u9009\u9879 ${s(p.option)} \u8C03\u9AD8\uFF09`,
  DATA_CELL_ERROR: (p) => `\u5355\u5143\u683C\u662F\u7535\u5B50\u8868\u683C\u9519\u8BEF\u503C ${s(p.error)}\uFF1B\u8BF7\u66F4\u6B63\u8BE5\u5355\u5143\u683C\u6216\u5176\u516C\u5F0F`,
  DATA_FORMULA_NO_RESULT: () => "\u5355\u5143\u683C\u662F\u6CA1\u6709\u4FDD\u5B58\u8BA1\u7B97\u7ED3\u679C\u7684\u516C\u5F0F\uFF08\u6587\u4EF6\u7531\u7A0B\u5E8F\u751F\u6210\uFF0C\u672A\u7ECF Excel \u4FDD\u5B58\uFF09\uFF1B\u8BF7\u7528 Excel \u6216 LibreOffice \u6253\u5F00\u540E\u4FDD\u5B58\uFF0C\u6216\u7C98\u8D34\u4E3A\u6570\u503C",
  EVAL_LINKED_OUT_OF_RANGE: (p) => `\u5173\u8054\u8003\u6838${q(p.rubric)}\u7684\u5F97\u5206 ${s(p.value)} \u8D85\u8FC7\u672C\u9879\u6EE1\u5206 ${s(p.max)}`,
  EVAL_NO_VALID_SCORES: (p) => `\u8BC4\u5206\u9879${q(p.item)}\u6CA1\u6709\u6709\u6548\u5206\u6570\uFF08${p.reason === "void-ballots" ? `\u4F5C\u5E9F\u7684\u8BC4\u5206\uFF1A${l(p.raters)}` : "\u6CA1\u6709\u5206\u6570"}\uFF09`,
  EVAL_ZERO_DENOMINATOR: (p) => `\u6307\u6807${q(p.item)}\uFF1A${typeof p.denominator === "string" && Object.hasOwn(DENOMINATOR_ZH, p.denominator) ? DENOMINATOR_ZH[p.denominator] : q(p.denominator)}\u7684\u6570\u91CF\u4E3A\u96F6\uFF0C\u65E0\u6CD5\u8BA1\u7B97`,
  EVAL_QUOTA_HELD_BY_RULES: (p) => `\u6BD4\u4F8B\u9650\u5236${q(p.quota)}\uFF08${scopeZh(p.scope)}\uFF09\uFF1A\u5DF2\u6709 ${s(p.holders)} \u4E2A\u5355\u4F4D\u6309\u89C4\u5219\u786E\u5B9A\u4E3A\u8BE5\u7B49\u6B21\uFF0C\u8D85\u8FC7\u4E0A\u9650 ${s(p.limit)} \u4E2A`,
  API_BAD_ARGUMENT: (p) => `${s(p.fn)}\uFF1A\u53C2\u6570 ${s(p.argument)} \u5E94\u4E3A ${s(p.expected)}\uFF0C\u5B9E\u9645\u4E3A ${s(p.received)}`,
  API_CALLBACK_FAILED: (p) => `${s(p.fn)}\uFF1A\u56DE\u8C03\u51FD\u6570 ${s(p.callback)} \u629B\u51FA\u4E86\u5F02\u5E38\uFF1A${s(p.error)}`,
  API_INTERNAL_ERROR: (p) => `${s(p.fn)} \u56E0\u610F\u5916\u9519\u8BEF\u800C\u4E2D\u6B62\uFF1A${s(p.error)}\uFF1B\u9664\u975E\u8F93\u5165\u4E2D\u6709\u4F1A\u629B\u51FA\u5F02\u5E38\u7684 getter \u6216\u4EE3\u7406\uFF08Proxy\uFF09\uFF0C\u8FD9\u662F kaohe \u7684\u7F3A\u9677\uFF0C\u8BF7\u8FDE\u540C\u8F93\u5165\u4E00\u5E76\u62A5\u544A`,
  EVAL_NO_GRADE: (p) => `\u5F97\u5206 ${s(p.score)} \u4E0D\u5728\u4EFB\u4F55\u7B49\u6B21\u7684\u5206\u6570\u6BB5\u5185\uFF0C\u800C\u65B9\u6848\u89C4\u5B9A\u5206\u6570\u6BB5\u4E4B\u95F4\u7684\u7A7A\u9699\u6309\u9519\u8BEF\u5904\u7406\uFF08bandGaps: error\uFF09`,
  EVAL_NOT_GRADABLE: (p) => `\u65E0\u6CD5\u8BC4\u5B9A\u7B49\u6B21\uFF1A${pick(NOT_GRADABLE_ZH, p.reason, p, () => s(p.reason))}`
};
var MESSAGES_ZH = MESSAGES2;

// src/diagnostics/render.ts
var MESSAGE_TABLES = { en: MESSAGES_EN, "zh-CN": MESSAGES_ZH };
function renderMessage(code, params, locale = "en") {
  const table = MESSAGE_TABLES[locale] ?? MESSAGES_EN;
  const template = Object.hasOwn(table, code) ? table[code] : void 0;
  try {
    return template ? template(params) : code;
  } catch {
    return code;
  }
}

// src/diagnostics/format.ts
function formatIssue(issue, options = {}) {
  if (typeof options === "object" && options?.locale === "zh-CN") return formatZh(issue);
  const where = [];
  if (issue.source?.cell !== void 0) {
    const sheet = issue.source.sheet !== void 0 ? `${sheetReference(issue.source.sheet)}!` : "";
    where.push(`${issue.source.file ?? "<data>"}!${sheet}${issue.source.cell}`);
  } else if (issue.source) {
    where.push(`${issue.source.file ?? "<rubric>"}:${issue.source.line}:${issue.source.col}`);
  } else if (issue.row !== void 0 || issue.subject !== void 0) {
    const row = issue.row !== void 0 ? `row ${issue.row}` : "";
    where.push([issue.rubric && !issue.field ? `rubric ${issue.rubric}` : "", row].filter(Boolean).join(" "));
  } else if (issue.rubric) {
    where.push(`rubric ${issue.rubric}`);
  }
  if (issue.subject !== void 0) where.push(`subject "${issue.subject}"`);
  if (issue.field !== void 0) where.push(`field "${issue.field}"`);
  if (!issue.source && issue.path.length > 0 && issue.subject === void 0) where.push(`at ${formatPath(issue.path)}`);
  const severity = issue.severity === "warning" ? "warning: " : "";
  const at2 = where.filter(Boolean).join("  ");
  return `${severity}${at2}${at2 ? "  " : ""}${issue.code}  ${issue.message}`;
}
function formatZh(issue) {
  const position = issue.source?.cell !== void 0 ? `${issue.source.file ?? "<\u6570\u636E>"}!${issue.source.sheet !== void 0 ? `${sheetReference(issue.source.sheet)}!` : ""}${issue.source.cell}` : issue.source ? `${issue.source.file ?? "<\u65B9\u6848>"}:${issue.source.line}:${issue.source.col}` : "";
  const where = [];
  if (!issue.source) {
    if (issue.rubric && !issue.field) where.push(`\u8003\u6838\u65B9\u6848"${issue.rubric}"`);
    if (issue.row !== void 0) where.push(`\u7B2C${issue.row}\u884C`);
  }
  if (issue.subject !== void 0) where.push(`\u5355\u4F4D"${issue.subject}"`);
  if (issue.field !== void 0) {
    const part = issue.params.field;
    where.push(`\u5B57\u6BB5"${typeof part === "string" && part.startsWith(issue.field) ? part : issue.field}"`);
  }
  if (!issue.source && issue.path.length > 0 && issue.subject === void 0 && issue.row === void 0) where.push(`\u4F4D\u7F6E ${formatPath(issue.path)}`);
  const severity = issue.severity === "warning" ? "\u8B66\u544A\uFF1A" : "";
  const message = `${renderMessage(issue.code, issue.params, "zh-CN")}\uFF08${issue.code}\uFF09`;
  const head = [position, where.join(" ")].filter(Boolean).join("  ");
  return `${severity}${head}${where.length ? "\uFF1A" : head ? "  " : ""}${message}`;
}
function formatIssues(issues, options = {}) {
  return issues.map((i) => formatIssue(i, options)).join("\n");
}
function formatPath(path) {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}
function sheetReference(name) {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// src/diagnostics/kaohe-error.ts
var KaoheError = class extends Error {
  /** Every problem found, in source order. */
  issues;
  constructor(issues) {
    super(
      issues.length === 1 ? formatIssues(issues) : `${issues.length} problems:
${formatIssues(issues)}`
    );
    this.name = "KaoheError";
    this.issues = issues;
  }
};
function unreachable(value, what) {
  throw new Error(`kaohe internal: unhandled ${what} ${String(value?.kind ?? value)}`);
}

// src/decimal/decimal.ts
import DecimalJs from "decimal.js";
var DISPLAY_DIGITS = 40;
var Big = DecimalJs.clone({ precision: DISPLAY_DIGITS, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
var ROUNDING_MODES = ["half-up", "half-even", "half-down", "up", "down", "ceil", "floor"];
var DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
var PERCENT_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)\s*%$/;
var MAX = Number.MAX_SAFE_INTEGER;
var MAX_SCALE = 15;
var POW10 = Array.from({ length: 2 * MAX_SCALE + 1 }, (_, i) => 10 ** i);
var BIG_MAX = BigInt(MAX);
var safe = (x) => x <= MAX && x >= -MAX;
var pow10n = (k) => 10n ** BigInt(k);
var absn = (x) => x < 0n ? -x : x;
function gcd(a, b) {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
var Fraction = class {
  constructor(n2, d2) {
    this.n = n2;
    this.d = d2;
  }
  n;
  d;
};
function roundsAway(mode, half, qOdd, positive) {
  switch (mode) {
    case "half-up":
      return half >= 0;
    case "half-down":
      return half > 0;
    case "half-even":
      return half > 0 || half === 0 && qOdd;
    case "up":
      return true;
    case "down":
      return false;
    case "ceil":
      return positive;
    case "floor":
      return !positive;
  }
}
var Dec = class _Dec {
  /** Mantissa of the compact form (when `q` is undefined). */
  m;
  /** Decimal exponent of the compact form: value = m / 10^e. */
  e;
  /** The exact fraction, when the value does not fit the compact form. */
  q;
  constructor(m, e, q2) {
    this.m = m;
    this.e = e;
    this.q = q2;
  }
  /** Compact form, trailing zeros removed (so `e` is the number of decimal places). */
  static of(m, e) {
    while (e > 0 && m % 10 === 0) {
      m /= 10;
      e--;
    }
    return new _Dec(m === 0 ? 0 : m, e, void 0);
  }
  /** The exact value n / d (d ≠ 0): compact when it fits, else a fraction in lowest terms. */
  static ofFraction(n2, d2) {
    if (d2 < 0n) {
      n2 = -n2;
      d2 = -d2;
    }
    if (n2 === 0n) return ZERO;
    const g = gcd(absn(n2), d2);
    if (g !== 1n) {
      n2 /= g;
      d2 /= g;
    }
    const k = terminatingPlaces(d2);
    if (k !== void 0 && k <= MAX_SCALE) {
      const scaled = n2 * (pow10n(k) / d2);
      if (scaled <= BIG_MAX && scaled >= -BIG_MAX) return _Dec.of(Number(scaled), k);
    }
    return new _Dec(0, 0, new Fraction(n2, d2));
  }
  /** The value as a fraction (not necessarily in lowest terms for the compact form). */
  fraction() {
    return this.q ?? new Fraction(BigInt(this.m), pow10n(this.e));
  }
  plus(other) {
    const o = toDec(other);
    if (this.q === void 0 && o.q === void 0) {
      const e = this.e >= o.e ? this.e : o.e;
      const a = this.m * POW10[e - this.e];
      const b = o.m * POW10[e - o.e];
      const s2 = a + b;
      if (safe(a) && safe(b) && safe(s2)) return _Dec.of(s2, e);
    }
    const x = this.fraction();
    const y = o.fraction();
    return x.d === y.d ? _Dec.ofFraction(x.n + y.n, x.d) : _Dec.ofFraction(x.n * y.d + y.n * x.d, x.d * y.d);
  }
  minus(other) {
    return this.plus(toDec(other).negated());
  }
  times(other) {
    const o = toDec(other);
    if (this.q === void 0 && o.q === void 0) {
      const p = this.m * o.m;
      const e = this.e + o.e;
      if (safe(p) && e <= 2 * MAX_SCALE) {
        if (e <= MAX_SCALE) return _Dec.of(p, e);
        const d2 = _Dec.of(p, e);
        if (d2.e <= MAX_SCALE) return d2;
      }
    }
    const x = this.fraction();
    const y = o.fraction();
    return _Dec.ofFraction(x.n * y.n, x.d * y.d);
  }
  /** Exact quotient. Division by zero is a bug of the caller (it throws). */
  div(other) {
    const o = toDec(other);
    if (this.q === void 0 && o.q === void 0 && o.m !== 0) {
      for (let k = 0; k <= 6 && this.e + k - o.e <= MAX_SCALE; k++) {
        const n2 = this.m * POW10[k];
        if (!safe(n2)) break;
        if (n2 % o.m === 0) {
          const e = this.e + k - o.e;
          const q2 = n2 / o.m;
          if (e >= 0) return _Dec.of(q2, e);
          const scaled = q2 * POW10[-e];
          if (safe(scaled)) return _Dec.of(scaled, 0);
          break;
        }
      }
    }
    if (o.isZero()) throw new RangeError("kaohe internal: division by zero");
    const x = this.fraction();
    const y = o.fraction();
    return _Dec.ofFraction(x.n * y.d, x.d * y.n);
  }
  cmp(other) {
    const o = toDec(other);
    if (this.q === void 0 && o.q === void 0) {
      if (this.e === o.e) return this.m < o.m ? -1 : this.m > o.m ? 1 : 0;
      const e = this.e >= o.e ? this.e : o.e;
      const a2 = this.m * POW10[e - this.e];
      const b2 = o.m * POW10[e - o.e];
      if (safe(a2) && safe(b2)) return a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
    }
    const x = this.fraction();
    const y = o.fraction();
    const a = x.n * y.d;
    const b = y.n * x.d;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  eq(other) {
    return this.cmp(other) === 0;
  }
  lt(other) {
    return this.cmp(other) < 0;
  }
  lte(other) {
    return this.cmp(other) <= 0;
  }
  gt(other) {
    return this.cmp(other) > 0;
  }
  gte(other) {
    return this.cmp(other) >= 0;
  }
  isZero() {
    return this.q === void 0 && this.m === 0;
  }
  isInteger() {
    return this.q === void 0 ? this.e === 0 : this.q.d === 1n;
  }
  negated() {
    return this.q === void 0 ? _Dec.of(-this.m, this.e) : new _Dec(0, 0, new Fraction(-this.q.n, this.q.d));
  }
  abs() {
    return this.q === void 0 ? this.m < 0 ? _Dec.of(-this.m, this.e) : this : this.q.n < 0n ? this.negated() : this;
  }
  floor() {
    return this.toDecimalPlaces(0, "floor");
  }
  /**
   * The value as an integer at `scale` decimal places (84.5 at scale 2 → 8450), when it
   * is exactly that and a safe integer; undefined otherwise (more decimals, a fraction,
   * too large). The engine's integer path reads inputs through this, never rounding.
   */
  scaled(scale) {
    if (this.q !== void 0 || this.e > scale || scale > MAX_SCALE) return void 0;
    const v = this.m * POW10[scale - this.e];
    return safe(v) ? v : void 0;
  }
  /** Number of decimal places (trailing zeros not counted); Infinity when the value does not terminate (1/3). */
  decimalPlaces() {
    return this.q === void 0 ? this.e : terminatingPlaces(this.q.d) ?? Number.POSITIVE_INFINITY;
  }
  /** Round to `places` decimals (default mode half-up). */
  toDecimalPlaces(places2, mode = "half-up") {
    if (this.q === void 0) {
      if (this.e <= places2) return this;
      const divisor = POW10[this.e - places2];
      const r2 = this.m % divisor;
      const q3 = (this.m - r2) / divisor;
      if (r2 === 0) return _Dec.of(q3, places2);
      const twice = 2 * Math.abs(r2);
      const positive = this.m > 0;
      const away = roundsAway(mode, twice < divisor ? -1 : twice > divisor ? 1 : 0, Math.abs(q3) % 2 === 1, positive);
      return _Dec.of(away ? q3 + (positive ? 1 : -1) : q3, places2);
    }
    const { n: n2, d: d2 } = this.q;
    const scaled = n2 * pow10n(places2);
    let q2 = scaled / d2;
    const r = scaled - q2 * d2;
    if (r !== 0n) {
      const twice = 2n * absn(r);
      const positive = n2 > 0n;
      if (roundsAway(mode, twice < d2 ? -1 : twice > d2 ? 1 : 0, q2 % 2n !== 0n, positive)) q2 += positive ? 1n : -1n;
    }
    return _Dec.ofFraction(q2, pow10n(places2));
  }
  /**
   * Fixed notation. With `places`: exactly that many decimals, rounded half-up. Without:
   * the shortest exact form, or for a value of more than 40 significant digits (a
   * non-terminating quotient such as 256/3), the display form rounded half-up to 40
   * significant digits.
   */
  toFixed(places2) {
    if (this.q !== void 0 && places2 === void 0) {
      const exact2 = terminatingPlaces(this.q.d);
      if (exact2 !== void 0) return this.toFixed(exact2);
      return new Big(this.q.n.toString()).div(this.q.d.toString()).toFixed();
    }
    const d2 = places2 === void 0 ? this : this.toDecimalPlaces(places2);
    if (d2.q !== void 0) {
      const n2 = d2.q.n * (pow10n(places2) / d2.q.d);
      return fixedText(absn(n2).toString(), places2, places2, n2 < 0n);
    }
    return fixedText(String(Math.abs(d2.m)), d2.e, places2, d2.m < 0);
  }
  toString() {
    return this.toFixed();
  }
  /** The nearest JS number (for counts and display only, never for arithmetic). */
  toNumber() {
    return this.q === void 0 ? this.m / POW10[this.e] : new Big(this.q.n.toString()).div(this.q.d.toString()).toNumber();
  }
  /**
   * The exact value as text: the decimal when it terminates ("0.7", "85.3125"), else the
   * fraction in lowest terms ("256/3"). `Dec.fromExact` reads it back to the same value.
   */
  toExact() {
    return this.q === void 0 || terminatingPlaces(this.q.d) !== void 0 ? this.toFixed() : `${this.q.n}/${this.q.d}`;
  }
  /** Read `toExact()` text back: a plain decimal literal or "n/d" with whole n and d ≠ 0; undefined for anything else. */
  static fromExact(text) {
    const m = /^(-?\d+)\/(\d+)$/.exec(text);
    if (m) return m[2].replace(/^0+/, "") === "" ? void 0 : _Dec.ofFraction(BigInt(m[1]), BigInt(m[2]));
    return DECIMAL_PATTERN.test(text) ? _Dec.parse(text) : void 0;
  }
  /**
   * A Dec rebuilt from its structured clone (`structuredClone` keeps the fields m, e and
   * q = { n, d } but not the class); undefined when `value` does not have that shape.
   */
  static revive(value) {
    if (typeof value !== "object" || value === null) return void 0;
    const keys = Object.keys(value);
    if (keys.length !== 3 || !keys.includes("m") || !keys.includes("e") || !keys.includes("q")) return void 0;
    const { m, e, q: q2 } = value;
    if (typeof m !== "number" || typeof e !== "number" || !Number.isSafeInteger(m) || !Number.isInteger(e) || e < 0 || e > MAX_SCALE) return void 0;
    if (q2 === void 0) return _Dec.of(m, e);
    const { n: n2, d: d2 } = q2 ?? {};
    return typeof n2 === "bigint" && typeof d2 === "bigint" && d2 > 0n ? _Dec.ofFraction(n2, d2) : void 0;
  }
  /** Parse a plain decimal literal (already checked against DECIMAL_PATTERN). */
  static parse(text) {
    let sign = 1;
    let i = 0;
    if (text[0] === "-" || text[0] === "+") {
      sign = text[0] === "-" ? -1 : 1;
      i = 1;
    }
    const dot = text.indexOf(".", i);
    const intPart = dot < 0 ? text.slice(i) : text.slice(i, dot);
    const frac = dot < 0 ? "" : text.slice(dot + 1).replace(/0+$/, "");
    const digits = (intPart + frac).replace(/^0+/, "");
    if (digits.length <= 15 && frac.length <= MAX_SCALE) return _Dec.of(sign * Number(digits || "0"), frac.length);
    return _Dec.ofFraction(BigInt(sign) * BigInt(digits || "0"), pow10n(frac.length));
  }
};
function roundScaled(x, divisor, mode) {
  const r = x % divisor;
  const q2 = (x - r) / divisor;
  if (r === 0) return q2;
  const twice = 2 * Math.abs(r);
  const positive = x > 0;
  return roundsAway(mode, twice < divisor ? -1 : twice > divisor ? 1 : 0, Math.abs(q2) % 2 === 1, positive) ? q2 + (positive ? 1 : -1) : q2;
}
function fixedText(digits, e, places2, negative) {
  let text;
  if (e === 0) text = digits;
  else {
    const padded = digits.padStart(e + 1, "0");
    text = `${padded.slice(0, padded.length - e)}.${padded.slice(padded.length - e)}`;
  }
  if (places2 !== void 0 && places2 > e) text += (e === 0 ? "." : "") + "0".repeat(places2 - e);
  return (negative ? "-" : "") + text;
}
function terminatingPlaces(d2) {
  let twos = 0;
  let fives = 0;
  while (d2 % 2n === 0n) {
    d2 /= 2n;
    twos++;
  }
  while (d2 % 5n === 0n) {
    d2 /= 5n;
    fives++;
  }
  return d2 === 1n ? Math.max(twos, fives) : void 0;
}
function toDec(value) {
  return value instanceof Dec ? value : dec(value);
}
var ZERO = Dec.of(0, 0);
var ONE = Dec.of(1, 0);
var HUNDRED = Dec.of(100, 0);
function parseDecimal(value) {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return void 0;
    if (Number.isInteger(value) && safe(value)) return Dec.of(value, 0);
    const fast = fewDecimals(value);
    if (fast !== void 0) return fast;
    const text = String(value);
    return text.includes("e") ? Dec.parse(new Big(value).toFixed()) : Dec.parse(text);
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (DECIMAL_PATTERN.test(text)) return Dec.parse(text);
    if (PERCENT_PATTERN.test(text)) return Dec.parse(text.replace("%", "").trim()).div(100);
  }
  return void 0;
}
function fewDecimals(x) {
  for (let k = 1; k <= MAX_SCALE; k++) {
    const p = POW10[k];
    const m = Math.round(x * p);
    if (!(m < 1e15 && m > -1e15)) return void 0;
    if (m / p === x) return m === 0 ? void 0 : Dec.of(m, k);
  }
  return void 0;
}
function scaledNumber(x, scale) {
  if (scale > MAX_SCALE) return Number.NaN;
  if (Number.isInteger(x)) {
    const v = x * POW10[scale];
    return safe(x) && safe(v) ? v : Number.NaN;
  }
  for (let k = 1; k <= scale; k++) {
    const p = POW10[k];
    const m = Math.round(x * p);
    if (!(m < 1e15 && m > -1e15)) return Number.NaN;
    if (m / p === x) {
      const v = m * POW10[scale - k];
      return safe(v) ? v : Number.NaN;
    }
  }
  return Number.NaN;
}
function dec(value) {
  if (value instanceof Dec) return value;
  const parsed = parseDecimal(value);
  if (parsed === void 0) throw new TypeError(`kaohe internal: not a decimal: ${String(value)}`);
  return parsed;
}
function isDec(value) {
  return value instanceof Dec;
}
function sum(values) {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
function min(a, b) {
  return a.lte(b) ? a : b;
}
function max(a, b) {
  return a.gte(b) ? a : b;
}
function bound(value, low, high) {
  let v = value;
  if (low !== void 0 && v.lt(low)) v = low;
  if (high !== void 0 && v.gt(high)) v = high;
  return v;
}
function round(value, places2, mode) {
  return value.toDecimalPlaces(places2, mode);
}
function roundToInteger(value, mode) {
  return value.toDecimalPlaces(0, mode).toNumber();
}
function decimalPlaces(value) {
  return value.decimalPlaces();
}
function format(value, places2) {
  return value.toFixed(places2);
}

// src/decimal/dates.ts
var DATE_FORMS = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/];
function isLeap(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}
function daysInMonth(year, month) {
  return month === 2 ? isLeap(year) ? 29 : 28 : [4, 6, 9, 11].includes(month) ? 30 : 31;
}
var pad = (n2, width) => String(n2).padStart(width, "0");
function parseDate(raw) {
  if (typeof raw !== "string") return { error: { reason: "not-text" } };
  const text = raw.trim();
  for (const form of DATE_FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year < 1e3) return { error: { reason: "year", year } };
    if (month < 1 || month > 12) return { error: { reason: "month", month } };
    const days = daysInMonth(year, month);
    if (day < 1 || day > days) return { error: { reason: "day", year, month, day, days } };
    return { iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
  }
  return { error: { reason: "not-a-date" } };
}
function ymd(iso) {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}
function dayNumber(iso) {
  const { y, m, d: d2 } = ymd(iso);
  return Date.UTC(y, m - 1, d2) / 864e5;
}
function daysBetween(from, to) {
  return dayNumber(to) - dayNumber(from);
}
function monthsBetween(from, to) {
  if (to < from) {
    const back = monthsBetween(to, from);
    return back === 0 ? 0 : -back;
  }
  const a = ymd(from);
  const b = ymd(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  const anniversary = Math.min(a.d, daysInMonth(b.y, b.m));
  if (b.d < anniversary) months--;
  return months;
}

// src/diagnostics/issue.ts
var STAGE_OF_PREFIX = {
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
  API: "api"
};
function makeIssue(code, params, where = {}) {
  const prefix = code.slice(0, code.indexOf("_"));
  const issue = {
    code,
    severity: where.severity ?? "error",
    stage: STAGE_OF_PREFIX[prefix] ?? "compile",
    message: renderMessage(code, params),
    path: where.path ?? [],
    params,
    ...where.source ? { source: where.source } : {},
    ...where.rubric !== void 0 ? { rubric: where.rubric } : {},
    ...where.subject !== void 0 ? { subject: where.subject } : {},
    ...where.row !== void 0 ? { row: where.row } : {},
    ...where.field !== void 0 ? { field: where.field } : {}
  };
  return issue;
}
function ok(value, warnings = []) {
  return { ok: true, value, warnings };
}
function fail(issues) {
  if (issues.length === 0) throw new Error("kaohe internal: fail() without issues");
  return { ok: false, issues };
}

// src/compile/grade-names.ts
function matchGrade(grades, name) {
  const hits = [];
  grades.forEach((g, i) => {
    if (g.id === name || g.label === name) hits.push(i);
  });
  if (hits.length === 0) return void 0;
  if (hits.length === 1) return { index: hits[0] };
  const matches = hits.map((i) => ({ grade: grades[i].id, by: grades[i].id === name ? "id" : "label" }));
  return { ambiguous: matches.map((m) => `the ${m.by} of grade "${m.grade}"`), matches };
}

// src/compile/context.ts
var CompileContext = class {
  constructor(rubricId, locate) {
    this.rubricId = rubricId;
    this.locate = locate;
  }
  rubricId;
  locate;
  issues = [];
  /** Findings that do not stop the rubric from loading (severity "warning"). */
  warnings = [];
  inputs = /* @__PURE__ */ new Map();
  /** Where each implied input was first implied, for conflict messages. */
  impliedAt = /* @__PURE__ */ new Map();
  nodeIds = /* @__PURE__ */ new Map();
  itemIds = /* @__PURE__ */ new Set();
  /** Rubrics this one reads, with where each is first referenced. */
  dependencies = /* @__PURE__ */ new Map();
  gradeReferences = [];
  /** Inputs and nodes that some condition or tie-breaker reads. */
  factInputs = /* @__PURE__ */ new Set();
  factNodes = /* @__PURE__ */ new Set();
  /** The rubric's grade ids, best first. */
  grades = [];
  /** The date spans are counted to (ISO text), when the rubric declares asOf. */
  asOf;
  /** Nodes whose points are always whole (rounded to 0 places), and whether the total is. */
  wholeNodes = /* @__PURE__ */ new Set();
  wholeTotal = false;
  /** Nodes whose points can rise above their max (outside bonuses), and groups bounded by a limit. */
  exceedsMax = /* @__PURE__ */ new Set();
  ceilings = /* @__PURE__ */ new Map();
  /** Id of the root group (its points are the total). */
  rootId = "total";
  /** The grades' ids and labels (a label defaults to the id), best first. */
  gradeNames = [];
  error(code, params, path, key) {
    const source = this.locate?.(path, key !== void 0 ? { key } : void 0);
    this.issues.push(makeIssue(code, params, { path, rubric: this.rubricId, ...source ? { source } : {} }));
  }
  /** The largest points a node can have, when known: its limit, or its max unless outside bonuses can exceed it. */
  ceiling(id, max2) {
    return this.ceilings.get(id) ?? (this.exceedsMax.has(id) ? void 0 : max2);
  }
  /**
   * Index of one of this rubric's grades named by id or label (好 or good). Reports
   * REF_UNKNOWN_GRADE or GRADE_NAME_AMBIGUOUS at `path` and returns undefined.
   */
  gradeIndex(name, path, key) {
    const m = matchGrade(this.gradeNames, name);
    if (m && "index" in m) return m.index;
    if (m) this.error("GRADE_NAME_AMBIGUOUS", { name, candidates: m.ambiguous, matches: m.matches }, path, key);
    else {
      const hint3 = didYouMean(name, [...this.grades, ...this.gradeNames.map((g) => g.label)]);
      this.error("REF_UNKNOWN_GRADE", { id: name, scale: this.grades, ...hint3 ? { didYouMean: hint3 } : {} }, path, key);
    }
    return void 0;
  }
  /** A warning: reported with the loaded rubric (Result.warnings), never fails the load. */
  warn(code, params, path, key) {
    const source = this.locate?.(path, key !== void 0 ? { key } : void 0);
    this.warnings.push(makeIssue(code, params, { path, rubric: this.rubricId, severity: "warning", ...source ? { source } : {} }));
  }
  /** "at line:col" text for the first declaration of something, used in messages. */
  where(path) {
    const p = this.locate?.(path);
    return p ? `${p.line}:${p.col}` : path.join(".");
  }
};
function nullPrototype(record) {
  return Object.assign(/* @__PURE__ */ Object.create(null), record);
}
function didYouMean(name, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d2 = editDistance(name, c);
    if (d2 < bestDistance) {
      best = c;
      bestDistance = d2;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : void 0;
}
function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

// src/schema/rubric-schema.ts
import { z } from "zod";

// src/schema/expectations.ts
var EXPECTATIONS = {
  id: "an id (letters, digits, _ or -)",
  "id-chars": "an id of letters, digits, _ or - (no spaces or dots)",
  decimal: "a number such as 2 or 0.5",
  share: 'a percentage such as "50%" or a number',
  date: 'a date such as "2024-12-31"',
  "real-date": 'a real date such as "2024-12-31" (or 2024/12/31, 2024\u5E7412\u670831\u65E5)',
  bound: 'a number, a percentage such as "50%", or a date such as 2024-12-31',
  "grade-name": "a grade id or label",
  places: "a whole number of decimal places",
  scalar: "a string, number or boolean",
  fact: "a fact reference such as total, input.x, score.a1, grade, rubric.r.grade",
  condition: "a condition: a fact, {all: [...]}, {any: [...]}, {not: ...} or {fact: ..., <operator>: ...}",
  "input-type": "an input type: number, count, ratio, boolean, choice, grade, text, date, rank, scores, votes, series or records",
  points: "points: a number, or {by, table}",
  // followed by ": <the kinds> (or children: for a group)"
  "item-kind": "an item kind",
  node: "an item (with kind) or a group (with children)",
  "reason-text": "a reason text",
  "rule-kind": "a rule kind: veto, downgrade, cap or exclude",
  "kaohe-version": "kaohe: 1 (the language version)",
  version: 'a version string such as "1.0" (quote it)',
  // Said when the schema gives no message of its own.
  kind: "a kind",
  "known-kind": "a known kind",
  shape: "another shape"
};
function expected(key) {
  return `expected ${EXPECTATIONS[key]}`;
}
var BY_TEXT = new Map(Object.entries(EXPECTATIONS).map(([k, v]) => [v, k]));
function expectationKey(text) {
  const colon = text.indexOf(":");
  return BY_TEXT.get(text) ?? (colon > 0 ? BY_TEXT.get(text.slice(0, colon)) : void 0);
}

// src/schema/reserved.ts
var RESERVED_NAMES = ["__proto__", "constructor", "prototype"];
function isReservedName(name) {
  return RESERVED_NAMES.includes(name);
}
function reservedNameIssue(name, path, locate, asKey) {
  const source = locate?.(path, asKey ? { key: name } : void 0);
  return makeIssue("SCHEMA_RESERVED_NAME", { name, as: asKey ? "key" : "value" }, { path, ...source ? { source } : {} });
}
function reservedKeyIssues(value, locate, basePath = []) {
  const issues = [];
  const stack = [{ value, path: basePath }];
  const seen = /* @__PURE__ */ new Set();
  while (stack.length > 0) {
    const { value: v, path } = stack.pop();
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (isReservedName(key)) issues.push(reservedNameIssue(key, [...path, key], locate, true));
      else stack.push({ value: v[key], path: [...path, key] });
    }
  }
  return issues;
}
function throughReservedKey(path) {
  return path.some((p) => typeof p === "string" && isReservedName(p));
}

// src/schema/rubric-schema.ts
var ID_PATTERN = /^[\p{L}\p{N}_-]+$/u;
var notReserved = [
  (s2) => !isReservedName(s2),
  { params: { reserved: true }, message: `a reserved name (${RESERVED_NAMES.join(", ")})` }
];
var Id = z.string({ error: expected("id") }).regex(ID_PATTERN, { error: expected("id-chars") }).refine(...notReserved).meta({ id: "Id", description: "\u6807\u8BC6\uFF1A\u5B57\u6BCD\u3001\u6570\u5B57\u3001_ \u6216 -\uFF0C\u4E0D\u542B\u7A7A\u683C\u548C\u70B9 / an id: letters, digits, _ or - (no spaces or dots)" });
var Name = z.string().refine(...notReserved).meta({ id: "Name", description: "\u540D\u79F0\uFF1A\u4E0E\u6570\u636E\u4E2D\u7684\u952E\u6216\u5217\u76F8\u5BF9\u5E94 / a name matched against data keys or columns" });
var DECIMAL_EXPECTED = expected("decimal");
var SHARE_EXPECTED = expected("share");
var DecimalValue = z.union([z.number(), z.string().regex(DECIMAL_PATTERN, { error: DECIMAL_EXPECTED })], {
  error: DECIMAL_EXPECTED
}).meta({ id: "Decimal", description: '\u6570\u503C\uFF1A\u6570\u5B57\uFF0C\u6216\u5E26\u5F15\u53F7\u7684\u5C0F\u6570\u5982 "0.1" / a number, or a quoted decimal such as "0.1"' });
var NonNegativeDecimal = DecimalValue.superRefine((v, ctx) => {
  if (parseDecimal(v)?.lt(0)) ctx.addIssue({ code: "too_small", minimum: 0, inclusive: true, origin: "number", input: v, message: "expected at least 0" });
}).meta({ id: "NonNegativeDecimal", minimum: 0, description: "\u975E\u8D1F\u6570\u503C / a number of at least 0" });
var nonEmpty = (record) => record.superRefine((v, ctx) => {
  if (v && typeof v === "object" && Object.keys(v).length === 0)
    ctx.addIssue({ code: "too_small", minimum: 1, inclusive: true, origin: "object", input: v, message: "expected at least one entry" });
}).meta({ minProperties: 1 });
var ShareValue = z.union(
  [z.number(), z.string().regex(PERCENT_PATTERN, { error: SHARE_EXPECTED }), z.string().regex(DECIMAL_PATTERN, { error: SHARE_EXPECTED })],
  { error: SHARE_EXPECTED }
).meta({ id: "Share", description: '\u6BD4\u4F8B\uFF1A\u767E\u5206\u6570\u5982 "60%"\uFF0C\u6216\u6570\u5B57\uFF08\u5C0F\u6570\u6216\u6BD4\u4F8B\u4EFD\u6570\uFF09 / a share: a percentage such as "60%", or a number (a fraction, or a ratio part)' });
var DateText = z.string({ error: expected("date") }).refine((t) => "iso" in parseDate(t), { error: expected("real-date"), params: { reason: "real-date" } }).meta({ id: "Date", description: '\u65E5\u671F\uFF1A2024-12-31\u30012024/12/31 \u6216 2024\u5E7412\u670831\u65E5 / a calendar date: "2024-12-31", "2024/12/31" or "2024\u5E7412\u670831\u65E5"' });
var BOUND_EXPECTED = expected("bound");
var Bound = z.union([ShareValue, z.string().regex(/^\s*\d{4}(-\d{1,2}-\d{1,2}|\/\d{1,2}\/\d{1,2}|年\d{1,2}月\d{1,2}日?)\s*$/, { error: BOUND_EXPECTED })], {
  error: BOUND_EXPECTED
}).meta({ id: "Bound", description: '\u6BD4\u8F83\u7684\u754C\u9650\uFF1A\u6570\u5B57\u3001\u767E\u5206\u6570\u6216\u65E5\u671F / a bound: a number, a percentage such as "50%", or a date such as 2024-12-31' });
var GradeName = z.string({ error: expected("grade-name") }).min(1).refine(...notReserved).meta({ id: "GradeName", description: "\u7B49\u6B21\uFF1A\u7B49\u6B21\u7684 id \u6216\u540D\u79F0\uFF08\u5982 \u597D\uFF09 / a grade of the scale, by id or label (e.g. \u597D)" });
var Rounding = z.strictObject({
  places: z.number({ error: expected("places") }).int().min(0).max(10).describe("\u4FDD\u7559\u5C0F\u6570\u4F4D\u6570\uFF080\u201310\uFF09 / decimal places kept (0 to 10)"),
  mode: z.enum(ROUNDING_MODES).default("half-up").describe("\u820D\u5165\u65B9\u5F0F\uFF0C\u9ED8\u8BA4 half-up\uFF08\u56DB\u820D\u4E94\u5165\uFF09 / rounding mode; default half-up")
}).meta({ id: "Rounding", description: "\u820D\u5165\uFF1A\u6309 mode \u4FDD\u7559 places \u4F4D\u5C0F\u6570 / round to `places` decimals with `mode`" });
var Illustrative = z.union([z.boolean(), z.string()]).optional().describe("\u793A\u610F\u503C\uFF1A\u6807\u8BB0\u539F\u6587\u672A\u7ED9\u51FA\u3001\u4E3A\u4E3E\u4F8B\u800C\u8BBE\u7684\u6570\u503C\uFF08true \u6216\u8BF4\u660E\u6587\u5B57\uFF09 / marks a value the source document does not give (chosen for illustration): true or a note");
var COMPARATORS = [
  "is",
  "eq",
  "ne",
  "in",
  "notIn",
  "lt",
  "lte",
  "gt",
  "gte",
  "between",
  "worseThan",
  "betterThan",
  "atLeast",
  "atMost",
  "top",
  "bottom"
];
var Scalar = z.union([z.string(), z.number(), z.boolean()], { error: expected("scalar") });
var Comparison = z.strictObject({
  fact: z.string({ error: expected("fact") }).describe(
    "\u6BD4\u8F83\u5BF9\u8C61\uFF1Atotal | score.<\u8282\u70B9> | ratio.<\u8282\u70B9> | input.<\u8F93\u5165> | grade | rawGrade | rank | groupRank | group | zeroItems | monthsSince.<\u65E5\u671F\u8F93\u5165> | daysSince.<\u65E5\u671F\u8F93\u5165> | rubric.<id>.(score|grade|rank) / what is compared: total | score.<node> | ratio.<node> | input.<name> | grade | rawGrade | rank | groupRank | group | zeroItems | monthsSince.<date input> | daysSince.<date input> | rubric.<id>.(score|grade|rank)"
  ),
  is: z.boolean().optional().describe("\u662F\u5426\uFF1A\u5E03\u5C14\u4E8B\u5B9E\u7B49\u4E8E\u6B64\u503C / boolean fact equals"),
  eq: Scalar.optional().describe("\u7B49\u4E8E / equals"),
  ne: Scalar.optional().describe("\u4E0D\u7B49\u4E8E / differs from"),
  in: z.array(z.union([z.string(), z.number()])).min(1).optional().describe("\u5C5E\u4E8E\u5176\u4E2D\u4E4B\u4E00 / is one of"),
  notIn: z.array(z.union([z.string(), z.number()])).min(1).optional().describe("\u4E0D\u5C5E\u4E8E\u5176\u4E2D\u4EFB\u4F55\u4E00\u4E2A / is none of"),
  lt: Bound.optional().describe("\u5C0F\u4E8E\uFF08\u4E0D\u542B\u672C\u6570\uFF09 / less than"),
  lte: Bound.optional().describe("\u5C0F\u4E8E\u6216\u7B49\u4E8E\uFF08\u542B\u672C\u6570\uFF09 / at most"),
  gt: Bound.optional().describe("\u5927\u4E8E\uFF08\u4E0D\u542B\u672C\u6570\uFF09 / greater than"),
  gte: Bound.optional().describe("\u5927\u4E8E\u6216\u7B49\u4E8E\uFF08\u542B\u672C\u6570\uFF09 / at least"),
  between: z.tuple([Bound, Bound]).optional().describe("\u4ECB\u4E8E [\u4E0B\u9650, \u4E0A\u9650] \u4E4B\u95F4\uFF08\u542B\u4E24\u7AEF\uFF1B\u65E5\u671F\u4E8B\u5B9E\u53EF\u7528\u65E5\u671F\uFF09 / inclusive range [low, high] (numbers, or dates for a date fact)"),
  worseThan: GradeName.optional().describe("\u672A\u8FBE\u5230\uFF1A\u7B49\u6B21\u4E25\u683C\u4F4E\u4E8E\uFF08id \u6216\u540D\u79F0\uFF09 / grade strictly worse than, by id or label"),
  betterThan: GradeName.optional().describe("\u7B49\u6B21\u4E25\u683C\u9AD8\u4E8E\uFF08id \u6216\u540D\u79F0\uFF09 / grade strictly better than, by id or label"),
  atLeast: GradeName.optional().describe("\u7B49\u6B21\u4E0D\u4F4E\u4E8E\uFF08id \u6216\u540D\u79F0\uFF09 / grade equal or better, by id or label"),
  atMost: GradeName.optional().describe("\u7B49\u6B21\u4E0D\u9AD8\u4E8E\uFF08id \u6216\u540D\u79F0\uFF09 / grade equal or worse, by id or label"),
  top: ShareValue.optional().describe('\u6392\u540D\u5728\u524D N \u540D\u6216\u524D "10%" / rank within the first N, or the first "10%"'),
  bottom: ShareValue.optional().describe('\u6392\u540D\u5728\u540E N \u540D\u6216\u540E "10%" / rank within the last N, or the last "10%"')
}).meta({ id: "Comparison", description: "\u6BD4\u8F83\uFF1Afact \u4E0E\u6070\u597D\u4E00\u4E2A\u6BD4\u8F83\u7B26 / a comparison: fact and exactly one operator" }).superRefine((value, ctx) => {
  const ops = COMPARATORS.filter((op) => value[op] !== void 0);
  if (ops.length !== 1) {
    ctx.addIssue({
      code: "custom",
      params: { reason: "comparison-operators", found: ops, operators: [...COMPARATORS] },
      message: ops.length === 0 ? `a comparison needs exactly one operator: ${COMPARATORS.join(", ")}` : `a comparison has exactly one operator, found ${ops.join(" and ")}`
    });
  }
});
var Condition = z.lazy(
  () => z.union(
    [
      z.string().describe("\u5E03\u5C14\u4E8B\u5B9E\uFF0C\u5982 input.serious_violation / a boolean fact, e.g. input.serious_violation"),
      z.strictObject({ all: z.array(Condition).min(1).describe("\u5168\u90E8\u6210\u7ACB\uFF1A\u5217\u51FA\u7684\u6761\u4EF6\u90FD\u6210\u7ACB / all of these conditions hold") }).meta({ id: "Condition.all", description: "\u5168\u90E8\u6210\u7ACB / all conditions hold" }),
      z.strictObject({ any: z.array(Condition).min(1).describe("\u4EFB\u4E00\u6210\u7ACB\uFF1A\u5217\u51FA\u7684\u6761\u4EF6\u81F3\u5C11\u4E00\u4E2A\u6210\u7ACB / at least one of these conditions holds") }).meta({ id: "Condition.any", description: "\u4EFB\u4E00\u6210\u7ACB / at least one condition holds" }),
      z.strictObject({ not: z.lazy(() => Condition).describe("\u4E0D\u6210\u7ACB\uFF1A\u8BE5\u6761\u4EF6\u4E0D\u6210\u7ACB / this condition does not hold") }).meta({ id: "Condition.not", description: "\u4E0D\u6210\u7ACB / the condition does not hold" }),
      Comparison
    ],
    { error: expected("condition") }
  )
).meta({
  id: "Condition",
  description: "\u6761\u4EF6\uFF1A\u5E03\u5C14\u4E8B\u5B9E\u3001all/any/not \u6216\u6BD4\u8F83 {fact, \u6BD4\u8F83\u7B26} / a condition: a boolean fact, all/any/not, or a comparison {fact, operator}"
});
var MISSING_POLICIES = ["error", "zero", "skip"];
var MissingPolicy = z.enum(MISSING_POLICIES).meta({
  id: "MissingPolicy",
  description: "\u7F3A\u503C\u5904\u7406\uFF1Aerror\uFF08\u9ED8\u8BA4\uFF0C\u62A5 DATA_MISSING_FIELD\uFF09\u3001zero\uFF08\u6309 0 \u8BA1\uFF1Bscores \u6309\u7A7A\u5217\u8868\uFF09\u6216 skip\uFF08\u8BE5\u9879\u4E0D\u9002\u7528\uFF09 / an absent value read by an item: error (default, DATA_MISSING_FIELD), zero (read as 0; a scores input as an empty list) or skip (the item does not apply)"
});
var inputBase = {
  label: Name.optional().describe("\u540D\u79F0\uFF1A\u4FBF\u4E8E\u9605\u8BFB\u7684\u540D\u5B57\uFF0C\u4E5F\u53EF\u4F5C\u4E3A\u6570\u636E\u5217\u6807\u9898 / human name; also accepted as the column header"),
  required: z.boolean().optional().describe("\u662F\u5426\u5FC5\u586B\uFF1A\u9ED8\u8BA4 true\uFF0C\u9664\u975E\u7ED9\u4E86 default \u6216 missing \u4E3A zero/skip / default true unless a default is given or missing is zero or skip")
};
var inputMissing = { missing: MissingPolicy.optional().describe("\u7F3A\u503C\u5904\u7406\uFF1A\u8BE5\u8F93\u5165\u7F3A\u5931\u65F6\u8BFB\u53D6\u5B83\u7684\u9879\u5982\u4F55\u5904\u7406 / what an item does when this value is absent") };
var Places = z.number().int().min(0).max(10).optional().describe("\u5C0F\u6570\u4F4D\u6570\uFF1A\u6700\u591A\u5141\u8BB8\u7684\u5C0F\u6570\u4F4D\uFF08\u53EF\u8BC4\u4E00\u4F4D\u5C0F\u6570\uFF09 / at most this many decimals");
var inputMin = (zh, en) => `\u6700\u5C0F\u503C\uFF1A${zh} / the least value ${en}`;
var inputMax = (zh, en) => `\u6700\u5927\u503C\uFF1A${zh} / the greatest value ${en}`;
var CLAMP = "\u8D8A\u754C\u53D6\u754C\uFF1A\u8D85\u51FA\u8303\u56F4\u7684\u503C\u53D6\u6700\u8FD1\u7684\u754C\u9650\uFF0C\u800C\u4E0D\u662F\u62A5\u9519 / bring out-of-range values to the nearest bound instead of failing";
var DEFAULT = "\u7F3A\u7701\u503C\uFF1A\u6570\u636E\u672A\u7ED9\u51FA\u65F6\u4F7F\u7528 / the value used when the data gives none";
var inputType = (type, zh) => z.literal(type).describe(`\u8F93\u5165\u7C7B\u578B\uFF1A${zh} / input type: ${type}`);
var NumberRange = {
  min: DecimalValue.optional().describe(inputMin("\u4E0D\u5F97\u5C0F\u4E8E\u6B64\u503C", "allowed")),
  max: DecimalValue.optional().describe(inputMax("\u4E0D\u5F97\u5927\u4E8E\u6B64\u503C", "allowed")),
  places: Places,
  clamp: z.boolean().optional().describe(CLAMP)
};
var InputDecl = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: inputType("number", "\u6570\u503C"), ...inputBase, ...inputMissing, ...NumberRange, default: DecimalValue.optional().describe(DEFAULT) }).meta({ id: "Input.number", description: "\u6570\u503C\uFF1A\u5C0F\u6570\uFF08\u767E\u5206\u6570\u6309\u9664\u4EE5 100 \u8BFB\u53D6\uFF09 / a decimal (a percentage is divided by 100)" }),
    z.strictObject({
      type: inputType("count", "\u6B21\u6570"),
      ...inputBase,
      ...inputMissing,
      max: z.number().int().min(0).optional().describe(inputMax("\u6B21\u6570\u4E0A\u9650", "allowed")),
      clamp: z.boolean().optional().describe(CLAMP),
      default: z.number().int().min(0).optional().describe(DEFAULT)
    }).meta({ id: "Input.count", description: "\u6B21\u6570\uFF1A\u4E0D\u5C0F\u4E8E 0 \u7684\u6574\u6570 / a whole number of 0 or more" }),
    z.strictObject({
      type: inputType("ratio", "\u6BD4\u7387"),
      ...inputBase,
      ...inputMissing,
      min: ShareValue.optional().describe(inputMin("\u9ED8\u8BA4 0", "allowed; default 0")),
      max: ShareValue.optional().describe(inputMax("\u9ED8\u8BA4 1\uFF08100%\uFF09", "allowed; default 1 (100%)")),
      clamp: z.boolean().optional().describe(CLAMP),
      default: ShareValue.optional().describe(DEFAULT)
    }).meta({ id: "Input.ratio", description: '\u6BD4\u7387\uFF1A0 \u5230 1 \u7684\u5C0F\u6570\u6216\u767E\u5206\u6570\uFF0C\u5982 0.9685 \u6216 "96.85%" / a ratio in 0..1 or a percentage, e.g. 0.9685 or "96.85%"' }),
    z.strictObject({ type: inputType("boolean", "\u662F\u5426"), ...inputBase, ...inputMissing, default: z.boolean().optional().describe(DEFAULT) }).meta({ id: "Input.boolean", description: "\u662F\u5426\uFF1Atrue/false\u3001yes/no\u30011/0\u3001\u662F/\u5426 / yes or no: true/false, yes/no, 1/0, \u662F/\u5426" }),
    z.strictObject({
      type: inputType("choice", "\u9009\u9879"),
      ...inputBase,
      ...inputMissing,
      values: z.array(Name).min(1).describe("\u53EF\u9009\u503C\uFF1A\u6570\u636E\u53EA\u80FD\u53D6\u5176\u4E2D\u4E4B\u4E00 / the values allowed"),
      default: z.string().optional().describe(DEFAULT)
    }).meta({ id: "Input.choice", description: "\u9009\u9879\uFF1Avalues \u4E2D\u7684\u4E00\u4E2A / one of `values`" }),
    z.strictObject({
      type: inputType("grade", "\u5176\u4ED6\u8003\u6838\u7684\u7B49\u6B21"),
      ...inputBase,
      ...inputMissing,
      scale: z.array(Name).min(2).describe("\u7B49\u6B21\u5E8F\u5217\uFF1A\u53E6\u4E00\u9879\u8003\u6838\u7684\u7B49\u6B21\uFF0C\u4ECE\u597D\u5230\u5DEE\uFF0C\u5982 [A, B, C, D] / grades of the other assessment, best first, e.g. [A, B, C, D]"),
      default: z.string().optional().describe(DEFAULT)
    }).meta({ id: "Input.grade", description: "\u7B49\u6B21\uFF1A\u53E6\u4E00\u9879\u8003\u6838\u7684\u7B49\u6B21\u4E4B\u4E00 / a grade of another assessment, one of `scale`" }),
    z.strictObject({ type: inputType("text", "\u6587\u5B57"), ...inputBase, ...inputMissing, default: z.string().optional().describe(DEFAULT) }).meta({ id: "Input.text", description: "\u6587\u5B57\uFF1A\u4EFB\u610F\u6587\u672C / any text" }),
    z.strictObject({ type: inputType("date", "\u65E5\u671F"), ...inputBase, ...inputMissing, default: DateText.optional().describe(DEFAULT) }).meta({ id: "Input.date", description: "\u65E5\u671F\uFF1A2024-03-01\u30012024/3/1 \u6216 2024\u5E743\u67081\u65E5\uFF08\u7EC4\u5EFA\u65E5\u671F\u3001\u4EFB\u804C\u65E5\u671F\uFF09 / a calendar date: 2024-03-01, 2024/3/1 or 2024\u5E743\u67081\u65E5" }),
    z.strictObject({ type: inputType("rank", "\u540D\u6B21"), ...inputBase, ...inputMissing, default: z.string().optional().describe(DEFAULT) }).meta({ id: "Input.rank", description: `\u540D\u6B21\uFF1A"k/N"\uFF0C\u5982\u4E0A\u5E74\u5EA6\u540D\u6B21 "88/90" / a rank "k/N", e.g. the previous year's` }),
    z.strictObject({
      type: inputType("scores", "\u8BC4\u5206\u5217\u8868"),
      ...inputBase,
      ...inputMissing,
      min: DecimalValue.optional().describe(inputMin("\u6BCF\u4E2A\u8BC4\u5206\u4E0D\u5F97\u5C0F\u4E8E\u6B64\u503C", "allowed per score")),
      max: DecimalValue.optional().describe(inputMax("\u6BCF\u4E2A\u8BC4\u5206\u4E0D\u5F97\u5927\u4E8E\u6B64\u503C", "allowed per score")),
      places: Places.describe("\u5C0F\u6570\u4F4D\u6570\uFF1A\u6BCF\u4E2A\u8BC4\u5206\u6700\u591A\u5141\u8BB8\u7684\u5C0F\u6570\u4F4D\uFF08\u53EF\u8BC4\u4E00\u4F4D\u5C0F\u6570\uFF09 / at most this many decimals per score")
    }).meta({ id: "Input.scores", description: "\u8BC4\u5206\u5217\u8868\uFF1A\u591A\u4F4D\u8BC4\u59D4\u7684\u8BC4\u5206\uFF0C\u5217\u8868\u3001\u8BC4\u59D4\u2192\u5206\u6570\u6216 80;85 / evaluators' scores: a list, rater \u2192 score, or one cell 80;85" }),
    z.strictObject({
      type: inputType("votes", "\u6C11\u4E3B\u6D4B\u8BC4\u7968\u6570"),
      ...inputBase,
      ...inputMissing,
      levels: z.array(Name).min(1).describe("\u6D4B\u8BC4\u6863\u6B21\uFF1A\u5982 [\u597D, \u8F83\u597D, \u4E00\u822C, \u5DEE] / the vote levels, e.g. [\u597D, \u8F83\u597D, \u4E00\u822C, \u5DEE]")
    }).meta({ id: "Input.votes", description: "\u7968\u6570\uFF1A\u6BCF\u4E2A\u6863\u6B21\u7684\u7968\u6570\uFF0C\u53CA abstain\u3001invalid\u3001issued / votes per level, with abstain, invalid, issued" }),
    z.strictObject({
      type: inputType("series", "\u6570\u5217"),
      ...inputBase,
      ...inputMissing,
      length: z.number().int().min(1).describe("\u4E2A\u6570\uFF1A\u6570\u5217\u7684\u957F\u5EA6\uFF0C\u5982 12 \u4E2A\u6708 / the number of values, e.g. 12 months"),
      min: DecimalValue.optional().describe(inputMin("\u6BCF\u4E2A\u503C\u4E0D\u5F97\u5C0F\u4E8E\u6B64\u503C", "allowed per value")),
      max: DecimalValue.optional().describe(inputMax("\u6BCF\u4E2A\u503C\u4E0D\u5F97\u5927\u4E8E\u6B64\u503C", "allowed per value"))
    }).meta({ id: "Input.series", description: "\u6570\u5217\uFF1A\u6070\u597D length \u4E2A\u6570\uFF08\u5982\u9010\u6708\u5F97\u5206\uFF09 / exactly `length` numbers (e.g. monthly scores)" }),
    z.strictObject({
      type: inputType("records", "\u8BB0\u5F55"),
      ...inputBase,
      fields: z.record(Id, z.enum(["text", "count", "number"])).describe("\u5B57\u6BB5\uFF1A\u5B57\u6BB5\u540D \u2192 text | count | number / field name \u2192 text | count | number")
    }).meta({ id: "Input.records", description: "\u8BB0\u5F55\uFF1A\u5E26\u58F0\u660E\u5B57\u6BB5\u7684\u8BB0\u5F55\u5217\u8868\uFF08\u5982\u8FDD\u7EAA\u6848\u4EF6\uFF09 / a list of records with the declared fields (e.g. cases)" })
  ],
  { error: expected("input-type") }
).meta({ id: "Input", description: "\u8F93\u5165\u58F0\u660E\uFF1A\u6BCF\u4E2A\u8003\u6838\u5BF9\u8C61\u7684\u4E00\u4E2A\u6570\u636E\u503C / an input: a per-subject value the rubric reads" });
var nodeBase = {
  id: Id.describe("\u7F16\u53F7\uFF1A\u5728\u6574\u4E2A\u7EC6\u5219\u4E2D\u552F\u4E00 / id, unique in the rubric"),
  label: z.string().optional().describe("\u540D\u79F0\uFF1A\u8BC4\u5206\u7EC6\u5219\u4E2D\u7684\u6307\u6807\u540D\u79F0 / name of the item as in the \u8BC4\u5206\u7EC6\u5219"),
  weight: ShareValue.optional().describe('\u6743\u91CD\uFF1A\u5728 weighted \u5206\u7EC4\u4E2D\u7684\u6743\u91CD\uFF0C"60%" \u6216\u6BD4\u4F8B\u4EFD\u6570 / weight within a weighted group: "60%" or a ratio part'),
  only: Condition.optional().describe("\u9002\u7528\u6761\u4EF6\uFF1A\u4EC5\u5BF9\u6EE1\u8DB3\u8BE5\u6761\u4EF6\u7684\u5BF9\u8C61\u9002\u7528\uFF08\u5982\u6309\u9886\u57DF\u7684\u52A0\u8BD5\u9898\uFF09 / the node applies only to subjects meeting this condition (\u52A0\u8BD5\u9898 by domain)"),
  round: Rounding.optional().describe("\u820D\u5165\uFF1A\u5BF9\u672C\u8282\u70B9\u5F97\u5206\u820D\u5165 / round this node's points"),
  note: z.string().optional().describe("\u5907\u6CE8\uFF1A\u8BF4\u660E\u6587\u5B57\uFF0C\u4E0D\u53C2\u4E0E\u8BA1\u7B97 / a note; not used in scoring"),
  illustrative: Illustrative
};
var Amount = z.union(
  [
    DecimalValue,
    z.strictObject({
      by: Name.describe("\u4F9D\u636E\u5B57\u6BB5\uFF1A\u6309\u8BB0\u5F55\u4E2D\u8BE5\u5B57\u6BB5\u7684\u503C\u67E5\u8868\u786E\u5B9A\u5206\u503C / record field whose value picks the amount"),
      table: nonEmpty(z.record(z.string(), DecimalValue)).describe("\u5206\u503C\u8868\uFF1A\u5B57\u6BB5\u503C \u2192 \u5206\u503C / field value \u2192 amount"),
      cumulative: z.boolean().optional().describe("\u7D2F\u8FDB\uFF1A\u9010\u7EA7\u7D2F\u52A0\u5230\u8BE5\u7EA7\u4E3A\u6B62\u7684\u5404\u7EA7\u5206\u503C / escalation chain: add the amounts of every key up to this one")
    }).meta({ id: "Amount.table", description: "\u67E5\u8868\u5206\u503C\uFF1A{by, table} / an amount looked up by a record field: {by, table}" })
  ],
  { error: expected("points") }
).meta({ id: "Amount", description: "\u5206\u503C\uFF1A\u6570\u5B57\uFF0C\u6216\u6309\u8BB0\u5F55\u5B57\u6BB5\u67E5\u8868 {by, table} / points: a number, or {by, table}" });
var Entry = z.strictObject({
  id: Id.describe("\u7F16\u53F7\uFF1A\u5728\u672C\u9879\u5185\u552F\u4E00 / id of the entry"),
  label: z.string().optional().describe("\u540D\u79F0\uFF1A\u8BC4\u5206\u7EC6\u5219\u4E2D\u7684\u6263\u5206\u6216\u52A0\u5206\u60C5\u5F62 / the case as the \u8BC4\u5206\u7EC6\u5219 words it"),
  points: Amount.optional().describe("\u5206\u503C\uFF1A\u6BCF\u6B21\uFF08\u6216\u6BCF\u5355\u4F4D\uFF09\u7684\u5206\u503C / points per occurrence (or per unit)"),
  when: Condition.optional().describe("\u6761\u4EF6\uFF1A\u6761\u4EF6\u6210\u7ACB\u65F6\u8BA1\u56FA\u5B9A\u5206\u503C\uFF08\u672A\u901A\u8FC7\u67D0\u9879\u68C0\u67E5\uFF09 / fixed amount when the condition holds (a failed check)"),
  per: Id.optional().describe("\u6309\u6B21\u6570\uFF1A\u5176\u503C\u4E58\u4EE5\u5206\u503C\u7684\u8F93\u5165\uFF08\u6BCF\u6B21\u3001\u6BCF\u4EBA\u6B21\uFF09 / input whose value multiplies points (per occurrence, per person-time)"),
  shortfall: z.strictObject({
    input: Id.describe("\u5B9E\u9645\u6B21\u6570\u7684\u8F93\u5165 / input holding the actual count"),
    required: NonNegativeDecimal.describe("\u5E94\u8FBE\u6B21\u6570 / the required count")
  }).optional().describe("\u6BCF\u5C111\u6B21\uFF1A\u6309\u672A\u8FBE\u5230\u89C4\u5B9A\u6B21\u6570\u7684\u5DEE\u989D\u8BA1\u5206 / points per occurrence missing against a required frequency"),
  records: Id.optional().describe("\u6309\u8BB0\u5F55\uFF1Arecords \u8F93\u5165\uFF0C\u6BCF\u6761\u8BB0\u5F55\u8BA1\u4E00\u6B21 / a records input: one amount per record"),
  times: Name.optional().describe("\u500D\u6570\u5B57\u6BB5\uFF1A\u8BB0\u5F55\u4E2D\u4E58\u4EE5\u8BE5\u8BB0\u5F55\u5206\u503C\u7684\u5B57\u6BB5 / record field multiplying the record's amount"),
  split: Name.optional().describe("\u5206\u644A\u5B57\u6BB5\uFF1A\u5206\u503C\u7531\u8BE5\u6570\u76EE\u5747\u5206\uFF08\u7F72\u540D\u4EBA\u6570\uFF09 / record field: the amount is shared evenly among this many"),
  dedup: z.strictObject({
    key: z.array(Name).min(1).describe("\u53BB\u91CD\u952E\uFF1A\u8FD9\u4E9B\u5B57\u6BB5\u76F8\u540C\u7684\u8BB0\u5F55\u53EA\u8BA1\u4E00\u6B21 / fields that together identify duplicates"),
    keep: z.enum(["max", "min", "first", "sum"]).default("max").describe("\u4FDD\u7559\uFF1A\u91CD\u590D\u8BB0\u5F55\u53D6 max\uFF08\u9ED8\u8BA4\uFF09\u3001min\u3001first \u6216 sum / which amount of duplicates is kept: max (default), min, first or sum")
  }).optional().describe("\u4E0D\u7D2F\u8BA1\uFF1A\u53BB\u91CD\u952E\u76F8\u540C\u7684\u8BB0\u5F55\u53EA\u8BA1\u4E00\u6B21\uFF08\u540C\u4E00\u6848\u4EF6\u540C\u4E00\u90E8\u95E8\u4E0D\u7D2F\u8BA1\uFF09 / records with the same key count once"),
  chosen: Id.optional().describe("\u914C\u60C5\u6263\u5206\uFF1A\u4FDD\u5B58\u8BC4\u59D4\u5728 range \u5185\u6240\u9009\u5206\u503C\u7684\u8F93\u5165 / input holding the evaluator's chosen amount(s) within range"),
  range: z.tuple([DecimalValue, DecimalValue]).optional().describe("\u8303\u56F4\uFF1A\u914C\u60C5\u5206\u503C\u7684 [\u4E0B\u9650, \u4E0A\u9650] / allowed [low, high] for chosen amounts"),
  max: NonNegativeDecimal.optional().describe("\u6B64\u9879\u6700\u591A\u6263\uFF08\u52A0\uFF09\uFF1A\u672C\u60C5\u5F62\u5408\u8BA1\u4E0D\u8D85\u8FC7\u6B64\u503C / this entry contributes at most this much")
}).superRefine((entry, ctx) => {
  const how = ["when", "per", "shortfall", "records", "chosen"].filter((k) => entry[k] !== void 0);
  if (how.length !== 1) {
    ctx.addIssue({
      code: "custom",
      params: { reason: "entry-kind", found: how },
      message: `an entry needs exactly one of when, per, shortfall, records, chosen; found ${how.length ? how.join(", ") : "none"}`
    });
    return;
  }
  const kind = how[0];
  if (kind === "chosen" && entry.range === void 0) ctx.addIssue({ code: "custom", path: ["range"], params: { reason: "entry-range" }, message: "a chosen entry needs range: [low, high]" });
  if (kind !== "chosen" && entry.points === void 0) ctx.addIssue({ code: "custom", path: ["points"], params: { reason: "entry-points", kind }, message: `a ${kind} entry needs points` });
  if (kind !== "records" && (entry.times || entry.split || entry.dedup))
    ctx.addIssue({ code: "custom", params: { reason: "entry-records-only" }, message: "times, split and dedup apply to records entries only" });
  if (kind !== "records" && entry.points !== void 0 && typeof entry.points === "object")
    ctx.addIssue({ code: "custom", path: ["points"], params: { reason: "entry-table-records-only" }, message: "points by a table apply to records entries only" });
}).meta({
  id: "Entry",
  description: "\u6263\u5206\u6216\u52A0\u5206\u60C5\u5F62\uFF1A\u6070\u597D\u4E00\u4E2A when\u3001per\u3001shortfall\u3001records \u6216 chosen / a deduction or bonus entry: exactly one of when, per, shortfall, records, chosen"
});
var itemInput = {
  input: Id.optional().describe("\u8F93\u5165\uFF1A\u672C\u9879\u8BFB\u53D6\u7684\u8F93\u5165\u540D\uFF0C\u9ED8\u8BA4\u4E0E\u672C\u9879 id \u76F8\u540C / input name; defaults to the item id"),
  missing: MissingPolicy.optional().describe(
    "\u7F3A\u503C\u5904\u7406\uFF1A\u672C\u9879\u8BFB\u53D6\u7684\u8F93\u5165\u7F3A\u5931\u65F6\u5982\u4F55\u5904\u7406\uFF0C\u8986\u76D6\u8BE5\u8F93\u5165\u7684 missing / an absent value of an input this item reads: overrides the input's missing policy for this item"
  )
};
var itemMissing = { missing: itemInput.missing };
var itemMax = { max: NonNegativeDecimal.describe("\u5206\u503C\uFF1A\u8BE5\u9879\u6EE1\u5206\uFF080 \u6216\u4EE5\u4E0A\uFF09 / the item's full points (0 or more)") };
var kindIs = (kind, zh, en) => z.literal(kind).describe(`\u79CD\u7C7B\uFF1A${zh} / kind: ${en}`);
var OTHERWISE = "\u5176\u4ED6\u60C5\u51B5\uFF1A\u6CA1\u6709\u5339\u914D\u65F6\u7684\u5F97\u5206\uFF0C\u9ED8\u8BA4 0 / points when nothing matches; default 0";
var ItemKinds = [
  z.strictObject({ kind: kindIs("input", "\u76F4\u63A5\u7ED9\u5206", "points given directly"), ...nodeBase, ...itemInput, ...itemMax }).meta({ id: "Item.input", description: "\u76F4\u63A5\u7ED9\u5206\uFF1A\u5F97\u5206\u7531\u6570\u636E\u76F4\u63A5\u7ED9\u51FA / points given directly" }),
  z.strictObject({
    kind: kindIs("yesno", "\u662F\u5426", "yes/no"),
    ...nodeBase,
    ...itemInput,
    ...itemMax,
    yes: DecimalValue.optional().describe("\u662F\uFF1A\u4E3A\u662F\u65F6\u7684\u5F97\u5206\uFF0C\u9ED8\u8BA4\u6EE1\u5206 / points for yes; default max"),
    no: DecimalValue.optional().describe("\u5426\uFF1A\u4E3A\u5426\u65F6\u7684\u5F97\u5206\uFF0C\u9ED8\u8BA4 0 / points for no; default 0")
  }).meta({ id: "Item.yesno", description: "\u662F\u5426\uFF1A\u662F\u5F97 yes \u5206\uFF0C\u5426\u5F97 no \u5206 / yes/no" }),
  z.strictObject({
    kind: kindIs("levels", "\u5B9A\u6027\u6863\u6B21", "qualitative level \u2192 points"),
    ...nodeBase,
    ...itemInput,
    ...itemMax,
    levels: nonEmpty(z.record(z.string(), ShareValue)).describe(
      '\u6863\u6B21\uFF1A\u6863\u6B21 \u2192 \u5F97\u5206\uFF0C\u6216\u6EE1\u5206\u7684\u6BD4\u4F8B\uFF08"75%"\uFF09\uFF0C\u5982 \u597D: 20 / level \u2192 points, or share of max ("75%"), e.g. \u597D: 20'
    )
  }).meta({ id: "Item.levels", description: "\u5B9A\u6027\u6863\u6B21\uFF1A\u6309\u8BC4\u5B9A\u6863\u6B21\u7ED9\u5206 / qualitative level \u2192 points" }),
  z.strictObject({
    kind: kindIs("deduct", "\u6263\u5206", "start from base and deduct"),
    ...nodeBase,
    ...itemMissing,
    ...itemMax,
    base: DecimalValue.optional().describe("\u57FA\u7840\u5206\uFF1A\u6263\u5206\u7684\u8D77\u70B9\uFF0C\u9ED8\u8BA4\u6EE1\u5206 / starting points; default max"),
    floor: DecimalValue.optional().describe("\u6700\u4F4E\u5206\uFF1A\u6263\u5206\u540E\u7684\u6700\u4F4E\u5F97\u5206\uFF0C\u9ED8\u8BA4 0\uFF08\u6263\u5B8C\u4E3A\u6B62\uFF09 / lowest points after deductions; default 0"),
    deductions: z.array(Entry).min(1).describe("\u6263\u5206\u60C5\u5F62\uFF1A\u6BCF\u79CD\u60C5\u5F62\u7684\u6263\u5206\u89C4\u5219 / the deduction entries"),
    zeroIf: Condition.optional().describe("\u4E0D\u5F97\u5206\u6761\u4EF6\uFF1A\u6210\u7ACB\u65F6\u672C\u9879\u5F97 0 \u5206\uFF08\u51E1\u51FA\u73B0\u4E00\u4F8B\uFF0C\u672C\u9879\u4E0D\u5F97\u5206\uFF09 / the item scores 0 when this holds")
  }).meta({ id: "Item.deduct", description: "\u6263\u5206\uFF1A\u4ECE\u57FA\u7840\u5206\u8D77\u9010\u9879\u6263\u51CF / start from base and deduct" }),
  z.strictObject({
    kind: kindIs("bonus", "\u52A0\u5206", "add up bonuses, capped at max"),
    ...nodeBase,
    ...itemMissing,
    ...itemMax,
    additions: z.array(Entry).min(1).describe("\u52A0\u5206\u60C5\u5F62\uFF1A\u6BCF\u79CD\u60C5\u5F62\u7684\u52A0\u5206\u89C4\u5219 / the bonus entries"),
    outside: z.array(Entry).optional().describe("\u53E6\u884C\u52A0\u5206\uFF1A\u5C01\u9876\u540E\u53E6\u52A0\uFF0C\u4E0D\u5360\u672C\u9879\u5206\u503C / bonuses added after the cap")
  }).meta({ id: "Item.bonus", description: "\u52A0\u5206\uFF1A\u9010\u9879\u7D2F\u52A0\uFF0C\u4E0D\u8D85\u8FC7\u6EE1\u5206 / add up bonuses, capped at max" }),
  z.strictObject({
    kind: kindIs("adjust", "\u76F4\u63A5\u52A0\u51CF\u5206", "add and subtract points, no full mark"),
    ...nodeBase,
    ...itemMissing,
    additions: z.array(Entry).optional().describe("\u52A0\u5206\u60C5\u5F62\uFF1A\u76F4\u63A5\u52A0\u5206\u3001\u8868\u5F70\u52A0\u5206 / entries that add points"),
    deductions: z.array(Entry).optional().describe("\u6263\u5206\u60C5\u5F62\uFF1A\u76F4\u63A5\u6263\u5206 / entries that subtract points"),
    cap: DecimalValue.optional().describe("\u4E0A\u9650\uFF1A\u51C0\u52A0\u5206\u4E0D\u8D85\u8FC7\u6B64\u503C\uFF08\u52A0\u5206\u6700\u591A\u4E0D\u8D85\u8FC7\uFF09\uFF0C\u9ED8\u8BA4\u4E0D\u8BBE\u4E0A\u9650 / the net adjustment is at most this; default: no ceiling"),
    floor: DecimalValue.optional().describe("\u4E0B\u9650\uFF1A\u51C0\u8C03\u6574\u4E0D\u4F4E\u4E8E\u6B64\u503C\uFF0C\u5982 -10\uFF08\u6700\u591A\u626310\u5206\uFF09\uFF0C\u9ED8\u8BA4\u4E0D\u8BBE\u4E0B\u9650 / the net adjustment is at least this, e.g. -10; default: no floor")
  }).meta({
    id: "Item.adjust",
    description: "\u76F4\u63A5\u52A0\u51CF\u5206\uFF1A\u6CA1\u6709\u81EA\u8EAB\u6EE1\u5206\uFF0C\u7528\u4E8E\u6C42\u548C\u5206\u7EC4\u7684\u5B50\u8282\u70B9\u6216 outside \u5217\u8868 / add and subtract points with no full mark of its own; in a sum group's children or an outside list"
  }),
  z.strictObject({
    kind: kindIs("ratio", "\u6BD4\u7387", "points = max \xD7 ratio"),
    ...nodeBase,
    ...itemInput,
    ...itemMax,
    numerator: Id.optional().describe("\u5206\u5B50\uFF1A\u4F5C\u5206\u5B50\u7684\u8F93\u5165 / input holding the numerator"),
    denominator: Id.optional().describe("\u5206\u6BCD\uFF1A\u4F5C\u5206\u6BCD\u7684\u8F93\u5165 / input holding the denominator")
  }).meta({ id: "Item.ratio", description: "\u6BD4\u7387\uFF1A\u5F97\u5206 = \u6EE1\u5206 \xD7 \u6BD4\u7387\uFF08\u6BD4\u7387\u8F93\u5165\uFF0C\u6216\u5206\u5B50/\u5206\u6BCD\u8F93\u5165\uFF09 / points = max \xD7 ratio (a ratio input, or numerator/denominator inputs)" }),
  z.strictObject({
    kind: kindIs("scale", "\u6309\u6863\u589E\u51CF", "points per step around a target"),
    ...nodeBase,
    ...itemInput,
    ...itemMax,
    target: ShareValue.optional().describe("\u76EE\u6807\u503C\uFF1A\u8FBE\u5230\u6B64\u503C\u5F97\u57FA\u7840\u5206 / the value at which base points are given"),
    targetInput: Id.optional().describe("\u76EE\u6807\u503C\u8F93\u5165\uFF1A\u4FDD\u5B58\u76EE\u6807\u503C\u7684\u8F93\u5165\uFF08\u5982\u5E73\u5747\u5E74\u9F84\uFF09 / input holding the target (e.g. the average age)"),
    base: DecimalValue.optional().describe("\u57FA\u7840\u5206\uFF1A\u8FBE\u5230\u76EE\u6807\u503C\u65F6\u7684\u5F97\u5206\uFF0C\u9ED8\u8BA4\u6EE1\u5206 / points at the target; default max"),
    unit: ShareValue.describe("\u6BCF\u6863\u5927\u5C0F\uFF1A\u5982 10% \u6216 1\uFF08\u5C81\uFF09 / size of one step, e.g. 10% or 1 (year)"),
    points: DecimalValue.describe("\u6BCF\u6863\u5206\u503C / points per step"),
    above: z.enum(["add", "deduct", "none"]).default("none").describe("\u9AD8\u4E8E\u76EE\u6807\uFF1A\u6BCF\u6863 add\uFF08\u52A0\u5206\uFF09\u3001deduct\uFF08\u6263\u5206\uFF09\u6216 none\uFF08\u9ED8\u8BA4\uFF0C\u4E0D\u53D8\uFF09 / above the target: each step adds, deducts or nothing (default)"),
    below: z.enum(["add", "deduct", "none"]).default("none").describe("\u4F4E\u4E8E\u76EE\u6807\uFF1A\u6BCF\u6863 add\uFF08\u52A0\u5206\uFF09\u3001deduct\uFF08\u6263\u5206\uFF09\u6216 none\uFF08\u9ED8\u8BA4\uFF0C\u4E0D\u53D8\uFF09 / below the target: each step adds, deducts or nothing (default)"),
    steps: z.enum(["whole", "exact", "started"]).default("whole").describe(
      "\u4E0D\u8DB3\u4E00\u6863\uFF1Awhole\uFF08\u9ED8\u8BA4\uFF0C\u4E0D\u8BA1\uFF09\u3001exact\uFF08\u6309\u6BD4\u4F8B\u8BA1\uFF09\u6216 started\uFF08\u4E0D\u8DB3\u4E00\u6863\u6309\u4E00\u6863\u8BA1\uFF09 / a partial step: whole (default) does not count it; exact counts its share (linear); started counts it as a whole step"
    ),
    floor: DecimalValue.optional().describe("\u6700\u4F4E\u5206\uFF1A\u9ED8\u8BA4 0 / lowest points; default 0"),
    zeroBelow: ShareValue.optional().describe(
      "\u5F97\u5206\u95E8\u69DB\uFF1A\u4F4E\u4E8E\u6B64\u503C\u5F97 0 \u5206\uFF08\u8FBE30%\u65B9\u53EF\u5F97\u5206\uFF1B\u4F4E\u4E8E10%\u4E0D\u5F97\u5206\uFF09\uFF0C\u9ED8\u8BA4\u65E0\u95E8\u69DB / a value below this earns 0 points; default: no threshold"
    )
  }).meta({
    id: "Item.scale",
    description: "\u6309\u6863\u589E\u51CF\uFF1A\u56F4\u7ED5\u76EE\u6807\u503C\u6BCF\u6863\u52A0\u51CF\u5206\uFF08\u6BCF\u4E0A\u5347\u6216\u4E0B\u964D10%\u52A0\u51CF1\u5206\uFF1B\u6BCF\u8D85\u8FC71\u5C81\u62633\u5206\uFF09 / points around a target: per step above/below"
  }),
  z.strictObject({
    kind: kindIs("bands", "\u5206\u6BB5", "tiers by value"),
    ...nodeBase,
    ...itemInput,
    ...itemMax,
    bands: z.array(
      z.strictObject({
        min: ShareValue.optional().describe("\u4E0B\u9650\uFF1A\u4E0D\u5C0F\u4E8E\u6B64\u503C\uFF08\u542B\u672C\u6570\uFF09 / the value is at least this"),
        above: ShareValue.optional().describe("\u4E0B\u9650\uFF1A\u5927\u4E8E\u6B64\u503C\uFF08\u4E0D\u542B\u672C\u6570\uFF09 / the value is greater than this"),
        points: DecimalValue.describe("\u5F97\u5206\uFF1A\u843D\u5165\u672C\u6BB5\u7684\u5F97\u5206 / points for this band")
      })
    ).min(1).describe("\u5206\u6BB5\uFF1A\u4ECE\u597D\u5230\u5DEE\uFF0C\u53D6\u7B2C\u4E00\u4E2A\u6EE1\u8DB3\u4E0B\u9650\u7684\u6BB5\uFF1Bmin \u4E3A \u2265\uFF0Cabove \u4E3A > / first band whose bound the value meets, best first; min is \u2265, above is >"),
    otherwise: DecimalValue.optional().describe(OTHERWISE)
  }).meta({ id: "Item.bands", description: "\u5206\u6BB5\uFF1A\u6309\u6570\u503C\u6240\u5728\u533A\u95F4\u7ED9\u5206\uFF08\u6BCF\u5E74\u4E0D\u5C11\u4E8E4\u6B21\u5F97\u6EE1\u5206\uFF09 / tiers by value" }),
  z.strictObject({
    kind: kindIs("rank", "\u6309\u540D\u6B21", "points by rank across the batch"),
    ...nodeBase,
    ...itemInput,
    ...itemMax,
    order: z.enum(["desc", "asc"]).default("desc").describe("\u6392\u5E8F\uFF1Adesc\uFF08\u9ED8\u8BA4\uFF0C\u6570\u503C\u9AD8\u8005\u5728\u524D\uFF09\u6216 asc / desc (default): higher value ranks first; asc: lower"),
    points: z.array(DecimalValue).min(1).optional().describe("\u540D\u6B21\u5206\u503C\uFF1A\u7B2C1\u540D\u3001\u7B2C2\u540D\u2026\u2026\u7684\u5F97\u5206 / points by position: 1st, 2nd, ..."),
    percentiles: z.array(
      z.strictObject({
        top: ShareValue.describe('\u524D\u591A\u5C11\uFF1A\u5982 "5%" / the top share, e.g. "5%"'),
        points: DecimalValue.describe("\u5F97\u5206 / points")
      })
    ).min(1).optional().describe('\u6309\u6BD4\u4F8B\uFF1A\u6392\u540D\u524D\u82E5\u5E72\u6BD4\u4F8B\u7684\u5F97\u5206\uFF0C\u5982 [{top: "5%", points: 8}, ...] / points for the top share: [{top: "5%", points: 8}, ...]'),
    proportional: z.strictObject({ top: z.number().int().min(1).describe("\u524D\u51E0\u540D\uFF1A\u6309\u6BD4\u4F8B\u8BA1\u5206\u7684\u540D\u6B21\u6570 / how many positions score proportionally") }).optional().describe("\u6309\u6BD4\u4F8B\u8BA1\u5206\uFF1A\u7B2C1\u540D\u5F97\u6EE1\u5206\uFF0C\u5176\u540E\u81F3 top \u540D\u5F97 \u6EE1\u5206 \xD7 \u6570\u503C / \u7B2C1\u540D\u6570\u503C / 1st gets max; the next up to top get max \xD7 value / first value"),
    otherwise: DecimalValue.optional().describe(OTHERWISE)
  }).meta({ id: "Item.rank", description: "\u6309\u540D\u6B21\uFF1A\u6309\u672C\u6279\u6B21\u4E2D\u7684\u6392\u540D\u7ED9\u5206 / points by rank across the batch" }),
  z.strictObject({
    kind: kindIs("panel", "\u8BC4\u59D4\u8BC4\u5206", "evaluator panel"),
    ...nodeBase,
    ...itemInput,
    ...itemMax,
    places: Places.describe("\u5C0F\u6570\u4F4D\u6570\uFF1A\u6BCF\u4E2A\u8BC4\u5206\u6700\u591A\u5141\u8BB8\u7684\u5C0F\u6570\u4F4D\uFF08\u53EF\u8BC4\u4E00\u4F4D\u5C0F\u6570\uFF09\uFF1B\u4E0E\u8F93\u5165\u58F0\u660E\u90FD\u7ED9\u51FA\u65F6\u53D6\u8F83\u5C11\u8005 / at most this many decimals per score; with a declared input, the fewer places apply"),
    trim: z.strictObject({
      drop: z.number().int().min(1).default(1).describe("\u4E24\u7AEF\u5404\u53BB\u6389\u7684\u4E2A\u6570\uFF0C\u9ED8\u8BA4 1 / scores dropped at each end; default 1"),
      above: z.number().int().min(0).optional().describe("\u591A\u4E8E\u6B64\u6570\u65F6\u624D\u53BB\u6389\uFF08\u5927\u4E8E5\u4EBA\uFF09 / trim only when more than this many scores remain"),
      minScores: z.number().int().min(1).optional().describe("\u4E0D\u5C11\u4E8E\u6B64\u6570\u65F6\u624D\u53BB\u6389\uFF08\u4E0D\u5C11\u4E8E6\u4EBA\uFF09\uFF0C\u9ED8\u8BA4 2 \xD7 drop + 1 / trim only when at least this many scores remain; default 2 \xD7 drop + 1")
    }).optional().describe(
      "\u53BB\u6389\u6700\u9AD8\u6700\u4F4E\uFF1A\u8BC4\u5206\u8DB3\u591F\u591A\u65F6\u53BB\u6389 drop \u4E2A\u6700\u9AD8\u5206\u548C\u6700\u4F4E\u5206 / drop the `drop` highest and lowest scores when enough remain: more than `above`, or at least `minScores` (default 2 \xD7 drop + 1)"
    ),
    groups: z.array(
      z.strictObject({
        id: Id.describe("\u8BC4\u59D4\u7EC4\u7F16\u53F7 / id of the rater group"),
        label: z.string().optional().describe("\u8BC4\u59D4\u7EC4\u540D\u79F0 / name of the rater group"),
        weight: ShareValue.describe("\u6743\u91CD\uFF1A\u8BE5\u7EC4\u8BC4\u5206\u7684\u6743\u91CD / weight of the group's scores")
      })
    ).min(1).optional().describe("\u8BC4\u59D4\u7EC4\uFF1A\u5E26\u6743\u91CD\u7684\u8BC4\u59D4\u5206\u7EC4\uFF0C\u8F93\u5165\u4E3A {\u7EC4: \u8BC4\u5206} / rater groups with weights; input is then {group: scores}"),
    invalidBallots: z.array(z.enum(["same-score", "all-full"])).optional().describe("\u65E0\u6548\u7968\uFF1A\u6574\u5F20\u7968\u5168\u90E8\u540C\u5206\uFF08same-score\uFF09\u6216\u5168\u90E8\u6EE1\u5206\uFF08all-full\uFF09\u7684\u8BC4\u59D4\u4F5C\u5E9F / a rater whose whole ballot is all the same / all full marks is void"),
    ballotLimits: z.array(
      z.strictObject({
        gte: DecimalValue.optional().describe("\u5206\u6570\u4E0D\u4F4E\u4E8E\u6B64\u503C / scores at least this"),
        lt: DecimalValue.optional().describe("\u5206\u6570\u4F4E\u4E8E\u6B64\u503C / scores below this"),
        most: z.number().int().min(0).optional().describe("\u6700\u591A\u4E2A\u6570 / at most this many"),
        least: z.number().int().min(0).optional().describe("\u6700\u5C11\u4E2A\u6570 / at least this many")
      })
    ).optional().describe("\u6BCF\u7968\u5206\u5E03\u9650\u5236\uFF1A\u8FDD\u53CD\u7684\u7968\u4F5C\u5E9F / per-ballot forced distribution; a violating ballot is void")
  }).meta({ id: "Item.panel", description: "\u8BC4\u59D4\u8BC4\u5206\uFF1A\u5E73\u5747\u6216\u53BB\u6389\u6700\u9AD8\u6700\u4F4E\u540E\u5E73\u5747\uFF0C\u53EF\u6309\u8BC4\u59D4\u7EC4\u52A0\u6743 / evaluator panel: mean or trimmed mean, optionally by weighted rater groups" }),
  z.strictObject({
    kind: kindIs("votes", "\u6C11\u4E3B\u6D4B\u8BC4", "democratic votes \u2192 points"),
    ...nodeBase,
    ...itemInput,
    ...itemMax,
    coefficients: nonEmpty(z.record(z.string(), DecimalValue)).describe("\u7CFB\u6570\uFF1A\u6863\u6B21 \u2192 \u7CFB\u6570\uFF0C\u5982 \u597D: 1, \u8F83\u597D: 0.8 / vote level \u2192 coefficient, e.g. \u597D: 1, \u8F83\u597D: 0.8"),
    denominator: z.enum(["valid", "valid-and-abstain", "returned", "issued"]).default("valid").describe("\u5206\u6BCD\uFF1A\u52A0\u6743\u7968\u6570\u9664\u4EE5 valid\uFF08\u9ED8\u8BA4\uFF0C\u6709\u6548\u7968\uFF09\u3001valid-and-abstain\u3001returned \u6216 issued / what the weighted votes are divided by; default valid")
  }).meta({ id: "Item.votes", description: "\u6C11\u4E3B\u6D4B\u8BC4\uFF1A\u7968\u6570 \u2192 \u5F97\u5206 / democratic votes \u2192 points" }),
  z.strictObject({
    kind: kindIs("periods", "\u6309\u671F\u6C47\u603B", "monthly/quarterly scores into an annual one"),
    ...nodeBase,
    ...itemInput,
    ...itemMax,
    count: z.number().int().min(1).describe("\u671F\u6570\uFF1A\u5982 12 \u4E2A\u6708\u30014 \u4E2A\u5B63\u5EA6 / number of periods (12 months, 4 quarters)"),
    aggregate: z.enum(["mean", "sum"]).default("mean").describe("\u6C47\u603B\uFF1Amean\uFF08\u9ED8\u8BA4\uFF0C\u5E73\u5747\uFF09\u6216 sum\uFF08\u6C42\u548C\uFF09 / mean (default) or sum of the periods"),
    periodMax: NonNegativeDecimal.optional().describe("\u6BCF\u671F\u6EE1\u5206\uFF1A\u9ED8\u8BA4 max\uFF08mean\uFF09\u6216 max/count\uFF08sum\uFF09 / max of one period; default max (mean) or max/count (sum)")
  }).meta({ id: "Item.periods", description: "\u6309\u671F\u6C47\u603B\uFF1A\u9010\u6708\u6216\u9010\u5B63\u5F97\u5206\u6C47\u603B\u4E3A\u5E74\u5EA6\u5F97\u5206 / monthly/quarterly scores into an annual one" }),
  z.strictObject({
    kind: kindIs("carry", "\u4E0A\u5E74\u7ED3\u8F6C", "carry-over from the previous year"),
    ...nodeBase,
    ...itemInput,
    ...itemMax,
    share: ShareValue.describe("\u7ED3\u8F6C\u6BD4\u4F8B\uFF1A\u4E0A\u5E74\u5EA6\u79EF\u5206\u7684\u6BD4\u4F8B\uFF08\u4E0A\u5E74\u5EA6\u79EF\u5206\u768420%\uFF09 / share of last year's points carried over")
  }).meta({ id: "Item.carry", description: "\u4E0A\u5E74\u7ED3\u8F6C\uFF1A\u7ED3\u8F6C\u4E0A\u5E74\u5EA6\u79EF\u5206\u7684\u4E00\u90E8\u5206 / carry-over from the previous year" }),
  z.strictObject({
    kind: kindIs("linked", "\u5173\u8054\u8003\u6838", "the score of another assessment"),
    ...nodeBase,
    ...itemMax,
    rubric: Id.describe("\u5173\u8054\u7EC6\u5219\uFF1A\u540C\u4E00\u6B21\u8FD0\u884C\u4E2D\u53E6\u4E00\u7EC6\u5219\u7684 id / id of a rubric evaluated in the same run"),
    scaleFrom: DecimalValue.optional().describe("\u539F\u6EE1\u5206\uFF1A\u8BE5\u7EC6\u5219\u7684\u6EE1\u5206\uFF1B\u5F97\u5206 = \u5176\u5F97\u5206 / scaleFrom \xD7 max / full mark of that rubric; points = score / scaleFrom \xD7 max")
  }).meta({ id: "Item.linked", description: "\u5173\u8054\u8003\u6838\uFF1A\u540C\u4E00\u6B21\u8FD0\u884C\u4E2D\u53E6\u4E00\u9879\u8003\u6838\u7684\u5F97\u5206 / the score of another assessment in the same run" })
];
var ITEM_KINDS = ItemKinds.map((k) => k.shape.kind.value);
var groupShape = () => ({
  kind: z.literal("group").optional().describe("\u79CD\u7C7B\uFF1A\u5206\u7EC4\uFF08\u53EF\u7701\u7565\uFF0C\u6709 children \u5373\u4E3A\u5206\u7EC4\uFF09 / kind: group (may be omitted: a node with children is a group)"),
  ...nodeBase,
  max: NonNegativeDecimal.optional().describe("\u5206\u503C\uFF1A\u58F0\u660E\u7684\u6EE1\u5206\uFF0C\u4E0E\u5B50\u8282\u70B9\u6838\u5BF9 / declared full points; checked against the children"),
  combine: z.enum(["sum", "weighted", "mean", "max", "min"]).optional().describe("\u5408\u6210\u65B9\u5F0F\uFF1Asum\uFF08\u9ED8\u8BA4\uFF0C\u6C42\u548C\uFF09\u3001weighted\uFF08\u52A0\u6743\uFF09\u3001mean\u3001max\u3001min / how children combine; default sum"),
  children: z.array(Node).min(1).describe("\u5B50\u8282\u70B9\uFF1A\u4E0B\u7EA7\u6307\u6807\u6216\u5206\u7EC4 / the child items or groups"),
  floor: DecimalValue.optional().describe("\u6700\u4F4E\u5206\uFF1A\u672C\u5757\u5F97\u5206\u4E0D\u4F4E\u4E8E\u6B64\u503C\uFF08\u57FA\u7840\u5206\u51CF\u5B8C\u4E3A\u6B62\uFF09 / lowest points of the block"),
  cap: DecimalValue.optional().describe("\u5C01\u9876\uFF1A\u6298\u7B97\u524D\u672C\u5757\u5F97\u5206\u4E0D\u9AD8\u4E8E\u6B64\u503C / highest points of the block before normalisation"),
  normalizeTo: DecimalValue.optional().describe("\u6298\u7B97\uFF1A\u628A\u5F97\u5206\u6298\u7B97\u5230\u6B64\u6EE1\u5206 / rescale points to this full mark"),
  outside: z.array(Node).optional().describe("\u53E6\u884C\u52A0\u5206\uFF1A\u6298\u7B97\u548C\u5C01\u9876\u4E4B\u540E\u518D\u52A0\u7684\u8282\u70B9 / nodes added after normalisation and cap (bonus outside the cap)"),
  limit: DecimalValue.nullable().optional().describe("\u603B\u5206\u4E0A\u9650\uFF1A\u52A0\u4E0A outside \u540E\u7684\u754C\u9650\uFF1Bnull \u4E3A\u4E0A\u4E0D\u5C01\u9876 / bound after outside nodes; null = no ceiling")
});
var Group = z.lazy(() => z.strictObject(groupShape())).meta({ id: "Group", description: "\u5206\u7EC4\uFF1A\u7531 children \u5408\u6210\u5F97\u5206 / a group: its points combine its children" });
var RootGroup = z.lazy(() => z.strictObject({ ...groupShape(), id: Id.default("total").describe("\u7F16\u53F7\uFF1A\u9ED8\u8BA4 total / id; default total") })).meta({ id: "RootGroup", description: "\u6307\u6807\u4F53\u7CFB\u7684\u6839\u5206\u7EC4\uFF1A\u5176\u5F97\u5206\u5373\u603B\u5206 / the root group of the indicator tree: its points are the total" });
var Item = z.discriminatedUnion("kind", [...ItemKinds], {
  error: `${expected("item-kind")}: ${ITEM_KINDS.join(", ")} (or children: for a group)`
}).meta({ id: "Item", description: "\u6307\u6807\u9879\uFF1A\u7531 kind \u51B3\u5B9A\u8BA1\u5206\u65B9\u6CD5 / an item: its kind is its scoring method" });
var Node = z.lazy(() => z.union([Group, Item], { error: expected("node") })).meta({ id: "Node", description: "\u8282\u70B9\uFF1A\u6307\u6807\u9879\uFF08\u6709 kind\uFF09\u6216\u5206\u7EC4\uFF08\u6709 children\uFF09 / a node: an item (with kind) or a group (with children)" });
var GradeSchema = z.strictObject({
  id: Id.describe("\u7B49\u6B21\u7F16\u53F7 / id of the grade"),
  label: z.string().optional().describe("\u7B49\u6B21\u540D\u79F0\uFF1A\u5982 \u597D\u3001\u4F18\u79C0 / name of the grade, e.g. \u597D, \u4F18\u79C0"),
  min: DecimalValue.optional().describe("\u4E0B\u9650\uFF08\u542B\u672C\u6570\uFF09 / lower bound, inclusive"),
  above: DecimalValue.optional().describe("\u4E0B\u9650\uFF08\u4E0D\u542B\u672C\u6570\uFF09 / lower bound, exclusive"),
  max: DecimalValue.optional().describe("\u4E0A\u9650\uFF08\u542B\u672C\u6570\uFF09 / upper bound, inclusive"),
  below: DecimalValue.optional().describe("\u4E0A\u9650\uFF08\u4EE5\u4E0B\u4E0D\u5305\u62EC\u672C\u6570\uFF09 / upper bound, exclusive"),
  requires: Condition.optional().describe("\u9644\u52A0\u6761\u4EF6\uFF1A\u8BC4\u4E3A\u8BE5\u7B49\u6B21\u8FD8\u987B\u6EE1\u8DB3\uFF08\u5404\u5355\u9879\u4E0D\u4E3A0\u5206\uFF09 / a further condition to hold this grade"),
  illustrative: Illustrative
}).meta({ id: "Grade", description: "\u7B49\u6B21\uFF1A\u5206\u6570\u533A\u95F4\u53CA\u9644\u52A0\u6761\u4EF6 / a grade: its score band and further conditions" });
var ruleBase = {
  id: Id.describe("\u89C4\u5219\u7F16\u53F7 / id of the rule"),
  when: Condition.describe("\u89E6\u53D1\u6761\u4EF6\uFF1A\u6761\u4EF6\u6210\u7ACB\u65F6\u89C4\u5219\u751F\u6548 / the rule applies when this holds"),
  reason: z.string({ error: expected("reason-text") }).min(1).describe("\u539F\u56E0\uFF1A\u5411\u5BF9\u8C61\u8BF4\u660E\u7684\u7406\u7531 / the reason stated to the subject"),
  illustrative: Illustrative
};
var ruleIs = (kind, zh, en) => z.literal(kind).describe(`\u89C4\u5219\u79CD\u7C7B\uFF1A${zh} / rule kind: ${en}`);
var RuleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: ruleIs("veto", "\u4E00\u7968\u5426\u51B3", "set a fixed grade"),
      ...ruleBase,
      grade: GradeName.optional().describe("\u76F4\u63A5\u786E\u5B9A\u4E3A\uFF1A\u6240\u5B9A\u7B49\u6B21\uFF08id \u6216\u540D\u79F0\uFF09\uFF0C\u9ED8\u8BA4\u6700\u4F4E\u7B49\u6B21 / grade set, by id or label; default the lowest"),
      score: z.enum(["keep", "zero"]).default("keep").describe("\u5206\u6570\uFF1Akeep\uFF08\u9ED8\u8BA4\uFF0C\u4FDD\u7559\uFF09\u6216 zero\uFF08\u603B\u5206\u8BB0 0\uFF09 / keep (default) or zero: the total becomes 0"),
      ranking: z.enum(["keep", "exclude"]).default("keep").describe("\u6392\u540D\uFF1Akeep\uFF08\u9ED8\u8BA4\uFF09\u6216 exclude\uFF08\u4E0D\u53C2\u52A0\u6392\u540D\uFF09 / keep (default) or exclude: not ranked")
    }).meta({ id: "Rule.veto", description: "\u4E00\u7968\u5426\u51B3\uFF1A\u76F4\u63A5\u786E\u5B9A\u4E3A\u67D0\u4E00\u7B49\u6B21 / set a fixed grade" }),
    z.strictObject({
      kind: ruleIs("downgrade", "\u76F4\u63A5\u964D\u6863", "move down N levels"),
      ...ruleBase,
      levels: z.number().int().min(1).default(1).describe("\u964D\u6863\u6570\uFF1A\u9ED8\u8BA4 1 / levels moved down; default 1")
    }).meta({ id: "Rule.downgrade", description: "\u76F4\u63A5\u964D\u6863\uFF1A\u4E0B\u964D N \u4E2A\u7B49\u6B21 / move down N levels" }),
    z.strictObject({
      kind: ruleIs("cap", "\u4E0D\u80FD\u8BC4\u5B9A\u4E3A", "grade at most"),
      ...ruleBase,
      grade: GradeName.describe("\u6700\u9AD8\u7B49\u6B21\uFF1A\u81F3\u591A\u8BC4\u4E3A\u6B64\u7B49\u6B21\uFF08id \u6216\u540D\u79F0\uFF09 / the best grade allowed, by id or label")
    }).meta({ id: "Rule.cap", description: "\u4E0D\u80FD\u8BC4\u5B9A\u4E3A\uFF1A\u7B49\u6B21\u81F3\u591A\u4E3A\u6B64 / grade at most this (by id or label)" }),
    z.strictObject({ kind: ruleIs("exclude", "\u4E0D\u53C2\u52A0\u5B9A\u7EA7", "no grade, not ranked"), ...ruleBase }).meta({ id: "Rule.exclude", description: "\u4E0D\u53C2\u52A0\u5B9A\u7EA7\uFF1A\u4E0D\u5B9A\u7B49\u6B21\uFF0C\u4E0D\u53C2\u52A0\u6392\u540D / no grade, not ranked" })
  ],
  { error: expected("rule-kind") }
).meta({ id: "Rule", description: "\u89C4\u5219\uFF1A\u4E00\u7968\u5426\u51B3\u3001\u76F4\u63A5\u964D\u6863\u3001\u4E0D\u80FD\u8BC4\u5B9A\u4E3A\u6216\u4E0D\u53C2\u52A0\u5B9A\u7EA7 / a rule: veto, downgrade, cap or exclude" });
var QuotaSchema = z.strictObject({
  id: Id.describe("\u540D\u989D\u7F16\u53F7 / id of the quota"),
  grade: GradeName.describe("\u9650\u989D\u7B49\u6B21\uFF1A\u53D7\u540D\u989D\u9650\u5236\u7684\u7B49\u6B21\uFF08id \u6216\u540D\u79F0\uFF09\uFF0C\u4E0D\u80FD\u662F\u6700\u4F4E\u7B49\u6B21 / the grade limited, by id or label; not the lowest grade"),
  share: z.union([ShareValue, z.string().regex(/^\s*\d+\s*\/\s*[1-9]\d*\s*$/, { error: SHARE_EXPECTED })], { error: SHARE_EXPECTED }).optional().describe('\u6BD4\u4F8B\uFF1A\u81F3\u591A\u5360\u8303\u56F4\u5185\u5BF9\u8C61\u7684\u6BD4\u4F8B\uFF0C"50%"\u30010.5 \u6216\u5206\u6570 "1/3" / at most this share of the scope: "50%", 0.5 or an exact fraction "1/3"'),
  count: z.number().int().min(0).optional().describe("\u540D\u989D\u6570\uFF1A\u81F3\u591A\u8FD9\u4E48\u591A\u4E2A / at most this many"),
  scope: z.enum(["all", "group"]).default("all").describe("\u8303\u56F4\uFF1Aall\uFF08\u9ED8\u8BA4\uFF0C\u5168\u4F53\uFF09\u6216 group\uFF08\u6BCF\u4E2A\u5206\u7EC4\uFF09 / all subjects (default) or each group"),
  rounding: z.enum(["floor", "ceil", "half-up"]).default("floor").describe("\u53D6\u6574\uFF1A\u8303\u56F4\u4EBA\u6570 \xD7 \u6BD4\u4F8B\u7684\u53D6\u6574\u65B9\u5F0F\uFF0C\u9ED8\u8BA4 floor\uFF08\u5411\u4E0B\uFF09 / rounding of scope size \xD7 share; default floor"),
  ties: z.enum(["demote", "admit"]).default("demote").describe("\u5E76\u5217\uFF1A\u8DE8\u540D\u989D\u7EBF\u7684\u5E76\u5217\u8005 demote\uFF08\u9ED8\u8BA4\uFF0C\u5168\u90E8\u4E0B\u8C03\uFF0C\u7EDD\u4E0D\u8D85\u989D\uFF09\u6216 admit\uFF08\u5168\u90E8\u5165\u9009\uFF09 / subjects tied across the limit: demote all (never exceed) or admit all"),
  illustrative: Illustrative
}).superRefine((q2, ctx) => {
  if (q2.share === void 0 === (q2.count === void 0))
    ctx.addIssue({ code: "custom", params: { reason: "quota-share-or-count" }, message: "a quota needs exactly one of share or count" });
}).meta({ id: "Quota", description: "\u540D\u989D\uFF1A\u67D0\u7B49\u6B21\u81F3\u591A\u7684\u6BD4\u4F8B\u6216\u4E2A\u6570\uFF08share \u6216 count \u4E4B\u4E00\uFF09 / a quota: at most a share or a count of a grade" });
var RankingSchema = z.strictObject({
  tieBreakers: z.array(
    z.strictObject({
      fact: z.string().describe("\u6BD4\u8F83\u4E8B\u5B9E\uFF1A\u5982 score.a1 / the fact compared, e.g. score.a1"),
      order: z.enum(["desc", "asc"]).default("desc").describe("\u6392\u5E8F\uFF1Adesc\uFF08\u9ED8\u8BA4\uFF0C\u9AD8\u8005\u5728\u524D\uFF09\u6216 asc / desc (default): higher first; asc: lower first")
    })
  ).default([]).describe("\u540C\u5206\u6392\u5E8F\uFF1A\u603B\u5206\u76F8\u540C\u65F6\u4F9D\u6B21\u6BD4\u8F83\uFF0C\u4ECD\u76F8\u540C\u5219\u540D\u6B21\u5E76\u5217 / applied in order when totals are equal; remaining ties share a rank")
}).meta({ id: "Ranking", description: "\u6392\u540D\u8BBE\u7F6E / ranking settings" });
var ActionSchema = z.strictObject({
  id: Id.describe("\u5904\u7406\u7F16\u53F7 / id of the action"),
  label: z.string().optional().describe("\u5904\u7406\u540D\u79F0\uFF1A\u5982 \u7EA6\u8C08 / name, e.g. \u7EA6\u8C08"),
  when: Condition.optional().describe("\u6761\u4EF6\uFF1A\u7701\u7565\u5219\u5BF9\u6BCF\u4E2A\u5B9A\u7EA7\u5BF9\u8C61 / omit for an action on every graded subject"),
  illustrative: Illustrative
}).meta({ id: "Action", description: "\u5904\u7406\uFF1A\u5BF9\u6EE1\u8DB3\u6761\u4EF6\u7684\u5BF9\u8C61\u91C7\u53D6\u7684\u63AA\u65BD\uFF08\u5982\u7EA6\u8C08\uFF09 / an action taken on the subjects meeting a condition" });
var TierSchema = z.strictObject({
  id: Id.describe("\u7C7B\u522B\u7F16\u53F7 / id of the tier"),
  label: z.string().optional().describe("\u7C7B\u522B\u540D\u79F0\uFF1A\u5148\u8FDB / \u4E2D\u95F4 / \u540E\u8FDB / name, e.g. \u5148\u8FDB"),
  followUp: z.string().optional().describe("\u540E\u7EED\u5DE5\u4F5C\uFF1A\u770B\u521B\u65B0 / \u4FC3\u63D0\u5347 / \u6293\u57FA\u7840 / the follow-up, e.g. \u770B\u521B\u65B0"),
  when: Condition.optional().describe("\u6761\u4EF6\uFF1A\u53D6\u7B2C\u4E00\u4E2A\u6761\u4EF6\u6210\u7ACB\u7684\u7C7B\u522B\uFF1B\u6700\u540E\u4E00\u4E2A\u53EF\u7701\u7565\uFF0C\u8868\u793A\u5176\u4F59 / first tier whose condition holds; omit on the last tier for the rest")
}).meta({ id: "Tier", description: "\u7C7B\u522B\uFF1A\u5148\u8FDB\u3001\u4E2D\u95F4\u3001\u540E\u8FDB\u7B49\u5206\u7C7B / a tier (\u5148\u8FDB, \u4E2D\u95F4, \u540E\u8FDB)" });
var PolicySchema = z.strictObject({
  bandGaps: z.enum(["lower", "higher", "error"]).default("lower").describe("\u7B49\u6B21\u95F4\u9699\uFF1A\u5206\u6570\u843D\u5728\u4E24\u4E2A\u7B49\u6B21\u4E4B\u95F4\u65F6\u53D6 lower\uFF08\u9ED8\u8BA4\uFF0C\u8F83\u4F4E\u7B49\u6B21\uFF09\u3001higher \u6216 error / a score between two bands gets the lower grade (default), the higher, or is an error"),
  downgrades: z.enum(["sum", "max"]).default("sum").describe("\u591A\u6761\u964D\u6863\uFF1Asum\uFF08\u9ED8\u8BA4\uFF0C\u964D\u6863\u6570\u76F8\u52A0\uFF09\u6216 max\uFF08\u53D6\u6700\u5927\uFF09 / several downgrade rules: their levels add up (default) or only the largest applies")
}).meta({ id: "Policy", description: "\u653F\u7B56\u9009\u62E9\uFF1A\u539F\u6587\u672A\u660E\u786E\u65F6\u7684\u5904\u7406\u65B9\u5F0F / the choices source documents leave open" });
var FeedbackSchema = z.strictObject({
  problems: z.number().int().min(0).max(20).default(3).describe("\u4E2A\u6027\u95EE\u9898\u6570\uFF1A\u6BCF\u4E2A\u5BF9\u8C61\u5217\u51FA\u5931\u5206\u6700\u591A\u7684\u82E5\u5E72\u9879\uFF0C\u9ED8\u8BA4 3 / items that lost the most points, listed per subject; default 3"),
  highlights: z.number().int().min(0).max(20).default(3).describe("\u4EAE\u70B9\u6570\uFF1A\u6BCF\u4E2A\u5BF9\u8C61\u5217\u51FA\u9AD8\u51FA\u5E73\u5747\u6700\u591A\u7684\u82E5\u5E72\u9879\uFF0C\u9ED8\u8BA4 3 / items furthest above the batch average, listed per subject; default 3"),
  commonShare: ShareValue.default("50%").describe(
    '\u5171\u6027\u95EE\u9898\u6BD4\u4F8B\uFF1A\u67D0\u9879\u6240\u9002\u7528\u7684\u5BF9\u8C61\u4E2D\u81F3\u5C11\u8FD9\u4E48\u591A\u5BF9\u8C61\u5931\u5206\u8FBE\u5230 commonLoss \u65F6\uFF0C\u8BE5\u9879\u4E3A\u5171\u6027\u95EE\u9898\uFF0C\u9ED8\u8BA4 "50%" / an item is a \u5171\u6027\u95EE\u9898 when at least this share of the subjects it applies to lost at least commonLoss on it'
  ),
  commonLoss: ShareValue.default("10%").describe(
    `\u5171\u6027\u95EE\u9898\u5931\u5206\u7EBF\uFF1A\u5BF9\u8C61\u5728\u67D0\u9879\u5931\u5206\u8FBE\u5230\u8BE5\u9879\u5206\u503C\u7684\u8FD9\u4E00\u6BD4\u4F8B\uFF08\u4E14\u5927\u4E8E 0\uFF09\u624D\u8BA1\u5165\u5171\u6027\u95EE\u9898\uFF0C\u9ED8\u8BA4 "10%" / a subject counts towards a \u5171\u6027\u95EE\u9898 when it lost at least this share of the item's points (and more than 0)`
  ),
  within: z.array(Id).min(1).optional().describe("\u8303\u56F4\uFF1A\u53EA\u770B\u8FD9\u4E9B\u8282\u70B9\u4E0B\u7684\u6307\u6807\u9879\uFF08\u9ED8\u8BA4\u6574\u68F5\u6811\uFF09 / only items under these nodes (default: the whole tree)")
}).meta({ id: "Feedback", description: "\u53CD\u9988\uFF08\u95EE\u9898\u6E05\u5355\uFF09\u8BBE\u7F6E / feedback settings" });
var ExpectationSchema = z.strictObject({
  score: DecimalValue.optional().describe("\u9884\u671F\u603B\u5206 / expected total"),
  grade: GradeName.nullable().optional().describe("\u9884\u671F\u7B49\u6B21\uFF08id \u6216\u540D\u79F0\uFF09\uFF1B\u4E0D\u53C2\u52A0\u5B9A\u7EA7\u4E3A null / grade id or label; null for an excluded subject"),
  rawGrade: GradeName.nullable().optional().describe("\u9884\u671F\u8C03\u6574\u524D\u7B49\u6B21\uFF08id \u6216\u540D\u79F0\uFF09 / expected grade before rules and quotas"),
  rank: z.number().int().nullable().optional().describe("\u9884\u671F\u540D\u6B21 / expected rank"),
  groupRank: z.number().int().nullable().optional().describe("\u9884\u671F\u7EC4\u5185\u540D\u6B21 / expected rank within the group"),
  excluded: z.boolean().optional().describe("\u662F\u5426\u4E0D\u53C2\u52A0\u5B9A\u7EA7 / whether the subject is excluded"),
  tier: Id.nullable().optional().describe("\u9884\u671F\u7C7B\u522B / expected tier"),
  adjustments: z.array(Id).optional().describe("\u8C03\u6574\uFF1A\u6539\u53D8\u7B49\u6B21\u7684\u89C4\u5219\u3001\u540D\u989D id\uFF0C\u6309\u987A\u5E8F / ids of the rules/quotas that changed the grade, in order"),
  actions: z.array(Id).optional().describe("\u5904\u7406\uFF1A\u9884\u671F\u7684\u5904\u7406 id / ids of the expected actions"),
  points: z.record(Id, DecimalValue).optional().describe("\u8282\u70B9\u5F97\u5206\uFF1A\u8282\u70B9 id \u2192 \u5F97\u5206 / node id \u2192 points"),
  problems: z.array(Id).optional().describe("\u4E2A\u6027\u95EE\u9898\uFF1A\u6307\u6807\u9879 id\uFF0C\u6309\u987A\u5E8F / ids of the subject's individual problems, in order"),
  highlights: z.array(Id).optional().describe("\u4EAE\u70B9\uFF1A\u6307\u6807\u9879 id\uFF0C\u6309\u987A\u5E8F / ids of the subject's highlights, in order")
}).meta({ id: "Expectation", description: "\u9884\u671F\u7ED3\u679C\uFF1A\u4E00\u4E2A\u5BF9\u8C61\u7684\u9884\u671F\u5F97\u5206\u3001\u7B49\u6B21\u7B49 / the expected results of one subject" });
var TestCaseSchema = z.strictObject({
  name: z.string().min(1).describe("\u7528\u4F8B\u540D\u79F0 / name of the case"),
  rubric: Id.optional().describe("\u7EC6\u5219\uFF1Aexpect \u6240\u6307\u7684\u7EC6\u5219 id\uFF0C\u9ED8\u8BA4\u5305\u542B\u672C\u7528\u4F8B\u7684\u7EC6\u5219 / which rubric's results `expect` refers to; default the rubric holding the case"),
  subjects: z.array(z.record(z.string(), z.unknown())).min(1).describe("\u8003\u6838\u5BF9\u8C61\uFF1A\u6BCF\u884C\u4E00\u4E2A\u5BF9\u8C61\u7684\u6570\u636E / the subjects' data, one mapping per subject"),
  expect: z.record(z.string(), ExpectationSchema).optional().describe("\u9884\u671F\uFF1A\u5BF9\u8C61 id \u2192 \u9884\u671F\u7ED3\u679C / subject id \u2192 expected results"),
  common: z.array(Id).optional().describe("\u5171\u6027\u95EE\u9898\uFF1A\u672C\u6279\u6B21\u5171\u6027\u95EE\u9898\u7684\u6307\u6807\u9879 id\uFF0C\u6309\u987A\u5E8F / ids of the batch's common problems, in order"),
  error: z.string().optional().describe("\u9884\u671F\u9519\u8BEF\uFF1A\u8FD0\u884C\u5FC5\u987B\u4EE5\u8BE5\u95EE\u9898\u4EE3\u7801\u5931\u8D25 / the run must fail with this issue code")
}).meta({ id: "TestCase", description: "\u6D4B\u8BD5\u7528\u4F8B\uFF1A\u6570\u636E\u548C\u624B\u7B97\u7684\u9884\u671F\u7ED3\u679C / a test case: data and hand-computed expectations" });
var SCHEMA_KEY = "\u7F16\u8F91\u5668\u7528\u7684 JSON Schema \u5730\u5740 / the JSON Schema an editor uses";
var TestFileSchema = z.strictObject({
  $schema: z.string().optional().describe(SCHEMA_KEY),
  tests: z.array(TestCaseSchema).min(1).describe("\u6D4B\u8BD5\u7528\u4F8B / the test cases")
});
var RubricSchema = z.strictObject({
  $schema: z.string().optional().describe(SCHEMA_KEY),
  kaohe: z.literal(1, { error: expected("kaohe-version") }).describe("\u8BED\u8A00\u7248\u672C\uFF1A1 / the language version: 1"),
  id: Id.describe("\u7EC6\u5219\u7F16\u53F7 / id of the rubric"),
  name: z.string().min(1).describe("\u7EC6\u5219\u540D\u79F0\uFF1A\u5982 \u515A\u5EFA\u5DE5\u4F5C\u8D23\u4EFB\u5236\u8003\u6838\u8BC4\u4EF7 / name of the rubric"),
  year: z.number().int().min(1900).max(3e3).describe("\u8003\u6838\u5E74\u5EA6 / the year assessed"),
  version: z.string({ error: expected("version") }).describe('\u7248\u672C\uFF1A\u5B57\u7B26\u4E32\uFF0C\u5982 "1.0"\uFF08\u52A0\u5F15\u53F7\uFF09 / version string such as "1.0" (quoted)'),
  description: z.string().optional().describe("\u8BF4\u660E / description"),
  subject: z.strictObject({
    label: z.string().optional().describe("\u8003\u6838\u5BF9\u8C61\u79F0\u8C13\uFF1A\u5982 \u515A\u652F\u90E8 / what a subject is, e.g. \u515A\u652F\u90E8"),
    id: z.string().min(1).optional().describe('\u7F16\u53F7\u5217\uFF1A\u4FDD\u5B58\u5BF9\u8C61\u7F16\u53F7\u7684\u5217\uFF0C\u5982 \u7F16\u53F7\uFF08\u5217\u540D "id" \u603B\u53EF\u4F7F\u7528\uFF09 / the column holding the subject id, e.g. \u7F16\u53F7 (the column "id" is always accepted)'),
    name: z.string().min(1).optional().describe('\u540D\u79F0\u5217\uFF1A\u4FDD\u5B58\u5BF9\u8C61\u540D\u79F0\u7684\u5217\uFF0C\u5982 \u652F\u90E8\u540D\u79F0\uFF08\u5217\u540D "name" \u603B\u53EF\u4F7F\u7528\uFF09 / the column holding the subject name, e.g. \u652F\u90E8\u540D\u79F0 (the column "name" is always accepted)'),
    group: z.string().min(1).optional().describe('\u5206\u7EC4\uFF1A\u540C\u7C7B\u5206\u7EC4\u7684\u540D\u79F0\u53CA\u5176\u6240\u5728\u5217\uFF0C\u5982 \u677F\u5757\uFF08\u5217\u540D "group" \u603B\u53EF\u4F7F\u7528\uFF09 / label of the peer group, and the column holding it, e.g. \u677F\u5757 (the column "group" is always accepted)'),
    ignore: z.array(z.string().min(1)).optional().describe("\u5FFD\u7565\u5217\uFF1A\u8BFB\u53D6\u65F6\u8DF3\u8FC7\u7684\u6570\u636E\u5217\uFF0C\u5982 [\u5907\u6CE8]\uFF1B\u4E0D\u80FD\u662F\u5DF2\u77E5\u5B57\u6BB5 / data columns to skip, e.g. [\u5907\u6CE8]; never an unknown field")
  }).optional().describe("\u8003\u6838\u5BF9\u8C61\uFF1A\u6570\u636E\u4E2D\u5BF9\u8C61\u5404\u5217\u7684\u540D\u79F0 / the subject columns as the data names them"),
  asOf: DateText.optional().describe(
    "\u622A\u6B62\u65E5\u671F\uFF1AmonthsSince\u3001daysSince \u8BA1\u7B97\u5230\u6B64\u65E5\u671F\uFF0C\u5982 2024-12-31 / the date spans (monthsSince.<input>, daysSince.<input>) are counted to, e.g. 2024-12-31"
  ),
  rounding: Rounding.optional().describe("\u603B\u5206\u820D\u5165\uFF1A\u672A\u58F0\u660E\u5219\u4E0D\u820D\u5165 / rounding of the total; none unless declared"),
  policy: PolicySchema.default({ bandGaps: "lower", downgrades: "sum" }).describe("\u653F\u7B56\uFF1A\u7B49\u6B21\u95F4\u9699\u548C\u591A\u6761\u964D\u6863\u7684\u5904\u7406\u65B9\u5F0F / policy: band gaps and several downgrades"),
  inputs: z.record(Id, InputDecl).optional().describe("\u8F93\u5165\uFF1A\u6BCF\u4E2A\u5BF9\u8C61\u8BFB\u53D6\u7684\u6570\u636E\uFF0C\u540D\u79F0 \u2192 \u58F0\u660E / the per-subject values read, name \u2192 declaration"),
  grades: z.array(GradeSchema).min(2).describe("\u7B49\u6B21\uFF1A\u4ECE\u597D\u5230\u5DEE\u6392\u5217 / ordered grade scale, best first"),
  scoring: RootGroup.describe("\u6307\u6807\u4F53\u7CFB\uFF1A\u6839\u5206\u7EC4\u7684\u5F97\u5206\u5373\u603B\u5206 / the indicator tree; its root is the total"),
  rules: z.array(RuleSchema).optional().describe("\u89C4\u5219\uFF1A\u4E00\u7968\u5426\u51B3\u3001\u964D\u6863\u7B49 / rules: veto, downgrade, cap, exclude"),
  quotas: z.array(QuotaSchema).optional().describe("\u540D\u989D\uFF1A\u7B49\u6B21\u7684\u6BD4\u4F8B\u6216\u4E2A\u6570\u9650\u5236 / quotas on grades"),
  ranking: RankingSchema.optional().describe("\u6392\u540D\uFF1A\u540C\u5206\u65F6\u7684\u6392\u5E8F / ranking: tie-breakers"),
  actions: z.array(ActionSchema).optional().describe("\u5904\u7406\uFF1A\u5982\u7EA6\u8C08 / actions, e.g. \u7EA6\u8C08"),
  tiers: z.array(TierSchema).optional().describe("\u7C7B\u522B\uFF1A\u5148\u8FDB\u3001\u4E2D\u95F4\u3001\u540E\u8FDB / tiers"),
  feedback: FeedbackSchema.optional().describe("\u53CD\u9988\uFF1A\u95EE\u9898\u6E05\u5355\u8BBE\u7F6E / feedback settings"),
  tests: z.array(TestCaseSchema).optional().describe("\u6D4B\u8BD5\u7528\u4F8B\uFF1A\u624B\u7B97\u7684\u9884\u671F\u7ED3\u679C / test cases with hand-computed expectations")
});

// src/compile/facts.ts
var RUBRIC_FIELDS = ["score", "grade", "rank", "excluded"];
function resolveFact(ctx, ref, path, nodeMax) {
  const parts = ref.split(".");
  const bad = (reason, more = {}) => {
    ctx.error("REF_BAD_FACT", { fact: ref, reason, ...more }, path);
    return void 0;
  };
  const [head, a, b] = parts;
  switch (head) {
    case "total": {
      if (parts.length !== 1) return bad("no-part", { head });
      const max2 = ctx.ceiling(ctx.rootId, nodeMax(ctx.rootId));
      return { ref, type: "number", decimal: !ctx.wholeTotal, ...max2 ? { max: max2 } : {}, read: { kind: "total" } };
    }
    case "grade":
    case "rawGrade":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "grade", scale: ctx.grades, ownGrades: true, read: { kind: head } };
    case "monthsSince":
    case "daysSince": {
      if (parts.length !== 2 || !a) return bad("shape", { shape: `${head}.<date input>` });
      const spec = ctx.inputs.get(a);
      if (!spec) {
        const hint3 = didYouMean(a, ctx.inputs.keys());
        ctx.error("REF_UNKNOWN_INPUT", { id: a, ...hint3 ? { didYouMean: hint3 } : {} }, path);
        return void 0;
      }
      if (spec.type !== "date") return bad("span-not-date", { head, input: a, type: spec.type });
      const asOf = ctx.asOf;
      if (asOf === void 0) {
        ctx.error("SPAN_WITHOUT_AS_OF", { fact: ref }, path);
        return void 0;
      }
      ctx.factInputs.add(a);
      return { ref, type: "number", decimal: false, read: { kind: "span", unit: head === "monthsSince" ? "months" : "days", input: a, asOf } };
    }
    case "rank":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "rank", read: { kind: "rank" } };
    case "groupRank":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "rank", read: { kind: "groupRank" } };
    case "group":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "text", read: { kind: "group" } };
    case "zeroItems":
      if (parts.length !== 1) return bad("no-part", { head });
      return { ref, type: "number", read: { kind: "zeroItems" } };
    case "score":
    case "ratio": {
      if (parts.length !== 2 || !a) return bad("shape", { shape: `${head}.<item or group id>` });
      if (!ctx.nodeIds.has(a)) {
        const hint3 = didYouMean(a, ctx.nodeIds.keys());
        ctx.error("REF_UNKNOWN_NODE", { id: a, ...hint3 ? { didYouMean: hint3 } : {} }, path);
        return void 0;
      }
      ctx.factNodes.add(a);
      if (head === "score") {
        const max2 = ctx.ceiling(a, nodeMax(a));
        return { ref, type: "number", decimal: !ctx.wholeNodes.has(a), ...max2 ? { max: max2 } : {}, read: { kind: "score", node: a } };
      }
      const exceeds = ctx.exceedsMax.has(a) || ctx.ceilings.has(a);
      const full = nodeMax(a);
      return { ref, type: "number", decimal: true, ...exceeds ? {} : { max: dec(1) }, read: { kind: "ratio", node: a, ...full ? { max: full.toFixed() } : {} } };
    }
    case "input": {
      if (parts.length !== 2 || !a) return bad("shape", { shape: "input.<name>" });
      const spec = ctx.inputs.get(a);
      if (!spec) {
        const hint3 = didYouMean(a, ctx.inputs.keys());
        ctx.error("REF_UNKNOWN_INPUT", { id: a, ...hint3 ? { didYouMean: hint3 } : {} }, path);
        return void 0;
      }
      ctx.factInputs.add(a);
      const read = { kind: "input", input: a };
      switch (spec.type) {
        case "number":
        case "count":
        case "ratio": {
          const decimal = spec.type === "ratio" || spec.type === "number" && spec.places !== 0;
          return { ref, type: "number", decimal, ...spec.max ? { max: spec.max } : {}, read };
        }
        case "date":
          return { ref, type: "date", read };
        case "boolean":
          return { ref, type: "boolean", read };
        case "choice":
          return { ref, type: "text", read, values: spec.values };
        case "text":
          return { ref, type: "text", read };
        case "grade":
          return { ref, type: "grade", scale: spec.scale, read: { kind: "input", input: a, scale: spec.scale } };
        case "rank":
          return { ref, type: "rank", read };
        default:
          return bad("input-type", { input: a, type: spec.type });
      }
    }
    case "rubric": {
      const field = b;
      if (parts.length !== 3 || !a || !field || !RUBRIC_FIELDS.includes(field))
        return bad("shape", { shape: `rubric.<id>.${RUBRIC_FIELDS.join("|")}` });
      if (a === ctx.rubricId) return bad("own-rubric");
      if (!ctx.dependencies.has(a)) ctx.dependencies.set(a, path);
      switch (field) {
        case "score":
          return { ref, type: "number", decimal: true, read: { kind: "linked", rubric: a, field } };
        case "grade":
          return { ref, type: "grade", scale: { linked: a }, read: { kind: "linked", rubric: a, field } };
        case "rank":
          return { ref, type: "rank", read: { kind: "linked", rubric: a, field } };
        case "excluded":
          return { ref, type: "boolean", read: { kind: "linked", rubric: a, field } };
      }
    }
    // falls through: unreachable, every field returns
    default: {
      const heads = ["total", "score.<id>", "ratio.<id>", "input.<name>", "grade", "rawGrade", "rank", "groupRank", "group", "zeroItems", "monthsSince.<date input>", "daysSince.<date input>", "rubric.<id>.<field>"];
      return bad("unknown", { known: heads });
    }
  }
}
var OPS_BY_TYPE = {
  boolean: ["is", "eq", "ne"],
  number: ["eq", "ne", "in", "notIn", "lt", "lte", "gt", "gte", "between"],
  text: ["eq", "ne", "in", "notIn"],
  grade: ["eq", "ne", "in", "notIn", "worseThan", "betterThan", "atLeast", "atMost"],
  rank: ["top", "bottom", "eq", "ne", "lt", "lte", "gt", "gte"],
  date: ["eq", "ne", "lt", "lte", "gt", "gte", "between"]
};
function compileCondition(ctx, source, path, nodeMax) {
  if (typeof source === "string") {
    const fact = resolveFact(ctx, source, path, nodeMax);
    if (!fact) return void 0;
    if (fact.type !== "boolean") {
      ctx.error("COND_TYPE_MISMATCH", { op: "(bare fact)", fact: source, type: fact.type, reason: "bare-fact" }, path);
      return void 0;
    }
    return { node: { op: "fact", fact: fact.read, path }, text: source };
  }
  if ("all" in source || "any" in source) {
    const op = "all" in source ? "all" : "any";
    const list2 = "all" in source ? source.all : source.any;
    const parts = list2.map((s2, i) => compileCondition(ctx, s2, [...path, op, i], nodeMax));
    if (parts.some((p) => !p)) return void 0;
    const ps = parts;
    return { node: { op, of: ps.map((p) => p.node), path }, text: `${op}(${ps.map((p) => p.text).join(", ")})` };
  }
  if ("not" in source) {
    const inner = compileCondition(ctx, source.not, [...path, "not"], nodeMax);
    if (!inner) return void 0;
    return { node: { op: "not", of: inner.node, path }, text: `not(${inner.text})` };
  }
  return compileComparison(ctx, source, path, nodeMax);
}
function compileComparison(ctx, source, path, nodeMax) {
  const fact = resolveFact(ctx, source.fact, [...path, "fact"], nodeMax);
  const op = COMPARATORS.find((o) => source[o] !== void 0);
  if (!fact || !op) return void 0;
  const raw = source[op];
  const opPath = [...path, op];
  const text = `${source.fact} ${op} ${JSON.stringify(raw)}`;
  if (!OPS_BY_TYPE[fact.type].includes(op)) {
    ctx.error(
      "COND_TYPE_MISMATCH",
      { op, fact: source.fact, type: fact.type, reason: "operator", allowed: OPS_BY_TYPE[fact.type] },
      opPath,
      op
    );
    return void 0;
  }
  const operands = compileOperands(ctx, fact, op, raw, opPath);
  return operands ? { node: { op: "compare", fact: fact.read, type: fact.type, cmp: op, ...operands, path }, text } : void 0;
}
function compileOperands(ctx, fact, op, raw, path) {
  switch (fact.type) {
    case "boolean":
      return typeof raw === "boolean" ? { values: [raw] } : mismatch(ctx, op, fact, "boolean", path);
    case "number": {
      warnClosedIntegerRange(ctx, fact, op, raw, path);
      if (op === "in" || op === "notIn") {
        const list2 = raw.map((v) => parseDecimal(v));
        if (list2.some((v) => v === void 0)) return mismatch(ctx, op, fact, "number-list", path);
        return { values: list2.map((d2) => d2.toFixed()) };
      }
      if (op === "between") {
        const [lo, hi] = raw.map((v) => parseDecimal(v));
        if (!lo || !hi) return mismatch(ctx, op, fact, "number-pair", path);
        if (lo.gt(hi)) {
          ctx.error("RANGE_INVALID", { reason: "between-numbers", low: lo.toFixed(), high: hi.toFixed() }, path);
          return void 0;
        }
        return { values: [lo.toFixed(), hi.toFixed()] };
      }
      const target = parseDecimal(raw);
      return target ? { values: [target.toFixed()] } : mismatch(ctx, op, fact, "number", path);
    }
    case "text": {
      if (op === "in" || op === "notIn") {
        const list2 = raw.map(String);
        if (fact.values) {
          for (const v of list2) if (!fact.values.includes(v)) ctx.error("REF_UNKNOWN_LEVEL", { id: v, levels: fact.values }, path);
        }
        return { values: list2 };
      }
      if (typeof raw !== "string") return mismatch(ctx, op, fact, "text", path);
      if (fact.values && !fact.values.includes(raw)) ctx.error("REF_UNKNOWN_LEVEL", { id: raw, levels: fact.values }, path);
      return { values: [raw] };
    }
    case "grade": {
      const ids = op === "in" || op === "notIn" ? raw.map(String) : [String(raw)];
      return gradeOperands(ctx, fact, ids, path);
    }
    case "date": {
      const date = (v) => {
        const d2 = parseDate(v);
        return "iso" in d2 ? d2.iso : void 0;
      };
      if (op === "between") {
        const [lo, hi] = raw.map(date);
        if (!lo || !hi) return mismatch(ctx, op, fact, "date-pair", path);
        if (lo > hi) {
          ctx.error("RANGE_INVALID", { reason: "between-dates", low: lo, high: hi }, path);
          return void 0;
        }
        return { values: [lo, hi] };
      }
      const target = date(raw);
      return target ? { values: [target] } : mismatch(ctx, op, fact, "date", path);
    }
    case "rank": {
      if (op === "top" || op === "bottom") {
        const n2 = parseDecimal(raw);
        if (!n2 || n2.lte(0)) return mismatch(ctx, op, fact, "count-or-share", path);
        const share = typeof raw === "string" && raw.includes("%");
        if (!share && !n2.isInteger()) return mismatch(ctx, op, fact, "whole-count", path);
        return { values: [n2.toFixed()], share };
      }
      const target = parseDecimal(raw);
      return target ? { values: [target.toFixed()] } : mismatch(ctx, op, fact, "rank", path);
    }
    default:
      return unreachable(fact.type, "fact type");
  }
}
function gradeOperands(ctx, fact, ids, path) {
  const scale = fact.scale;
  if (scale && "linked" in scale) {
    for (const id of ids) ctx.gradeReferences.push({ rubric: scale.linked, grade: id, path });
    return { values: ids };
  }
  if (fact.ownGrades) {
    const found = ids.map((id) => ctx.gradeIndex(id, path));
    if (found.some((i) => i === void 0)) return void 0;
    return { values: ids, grades: found };
  }
  const own2 = scale ?? [];
  let okAll = true;
  for (const id of ids) {
    if (!own2.includes(id)) {
      ctx.error("REF_UNKNOWN_GRADE", { id, scale: own2 }, path);
      okAll = false;
    }
  }
  return okAll ? { values: ids, grades: ids.map((id) => own2.indexOf(id)) } : void 0;
}
function mismatch(ctx, op, fact, expects, path) {
  ctx.error("COND_TYPE_MISMATCH", { op, fact: fact.ref, type: fact.type, reason: "value", expects }, path);
  return void 0;
}
function tieBreakerValue(ctx, ref, path, nodeMax) {
  const fact = resolveFact(ctx, ref, path, nodeMax);
  if (!fact) return void 0;
  if (fact.type === "text") {
    ctx.error("COND_TYPE_MISMATCH", { op: "tieBreaker", fact: ref, type: fact.type, reason: "tie-breaker" }, path);
    return void 0;
  }
  return { fact: fact.read, type: fact.type };
}
function warnClosedIntegerRange(ctx, fact, op, raw, path) {
  if (!fact.decimal || op !== "between" && op !== "lte" && op !== "gt") return;
  const boundRaw = op === "between" ? raw[1] : raw;
  const whole = wholeBound(boundRaw);
  if (!whole) return;
  const bound2 = parseDecimal(boundRaw);
  if (!bound2 || fact.max !== void 0 && bound2.gte(fact.max)) return;
  const unit = whole.percent ? "%" : "";
  const n2 = whole.value;
  const [at2, half, next] = [`${n2}${unit}`, `${n2}.5${unit}`, `${n2 + 1}${unit}`];
  const text = (v) => typeof v === "string" ? v : JSON.stringify(v);
  const f2 = fact.ref;
  const low = op === "between" ? text(raw[0]) : "";
  const condition = op === "between" ? `between: [${low}, ${text(boundRaw)}]` : `${op}: ${text(boundRaw)}`;
  const suggestion = op === "between" ? `{ all: [ { fact: ${f2}, gte: ${low} }, { fact: ${f2}, lt: ${next} } ] }` : op === "lte" ? `lt: ${next}` : `gte: ${next}`;
  const problem = op === "gt" ? `${half} meets it though it is below ${next}` : `${half} lies between ${at2} and ${next} and escapes it`;
  ctx.warn("COND_INTEGER_RANGE_ON_DECIMAL", { condition, fact: f2, problem, suggestion, keep: `"${n2}.0${unit}"`, op, at: at2, half, next }, path);
}
function wholeBound(raw) {
  if (typeof raw === "number") return Number.isSafeInteger(raw) ? { value: raw, percent: false } : void 0;
  if (typeof raw !== "string") return void 0;
  const m = /^\s*(-?\d+)\s*(%?)\s*$/.exec(raw);
  return m ? { value: Number(m[1]), percent: m[2] === "%" } : void 0;
}

// src/compile/rubric-data.ts
function toJSONForm(value) {
  if (isDec(value)) return { $dec: value.toExact() };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [toJSONForm(k), toJSONForm(v)]) };
  if (value instanceof Set) return { $set: [...value].map(toJSONForm) };
  if (Array.isArray(value)) return value.map(toJSONForm);
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0 && typeof v !== "function");
    if (entries.some(([k]) => k.startsWith("$"))) return { $obj: entries.map(([k, v]) => [k, toJSONForm(v)]) };
    return Object.fromEntries(entries.map(([k, v]) => [k, toJSONForm(v)]));
  }
  return value;
}
var singleKey = (value, key) => {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key;
};
var NotRubricData = class extends Error {
};
function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value !== "object" || value === null || isDec(value)) return value;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [revive(k), revive(v)]));
  if (value instanceof Set) return new Set([...value].map(revive));
  const record = value;
  if (singleKey(value, "$dec")) {
    const d2 = typeof record.$dec === "string" ? Dec.fromExact(record.$dec) : void 0;
    if (!d2) throw new NotRubricData();
    return d2;
  }
  if (singleKey(value, "$map") || singleKey(value, "$set") || singleKey(value, "$obj")) {
    const list2 = record.$map ?? record.$set ?? record.$obj;
    if (!Array.isArray(list2)) throw new NotRubricData();
    if ("$set" in record) return new Set(list2.map(revive));
    const pairs = list2.map((pair) => {
      if (!Array.isArray(pair) || pair.length !== 2) throw new NotRubricData();
      return [revive(pair[0]), revive(pair[1])];
    });
    return "$map" in record ? new Map(pairs) : Object.fromEntries(pairs);
  }
  const cloned = Dec.revive(value);
  if (cloned) return cloned;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
}
var revived = /* @__PURE__ */ new WeakMap();
function isLiveRubric(value) {
  if (typeof value !== "object" || value === null) return false;
  const r = value;
  return typeof r.id === "string" && r.inputs instanceof Map && r.nodes instanceof Map && Array.isArray(r.items) && Array.isArray(r.grades) && typeof r.root === "object" && r.root !== null && isDec(r.root.max);
}
function reviveRubric(value) {
  if (isLiveRubric(value)) return value;
  if (typeof value !== "object" || value === null) return void 0;
  const known = revived.get(value);
  if (known) return known;
  const r = value;
  if (typeof r.id !== "string" || typeof r.root !== "object" || r.root === null || !Array.isArray(r.items) || !Array.isArray(r.grades) || typeof r.inputs !== "object") return void 0;
  try {
    const rubric2 = revive(value);
    if (!isLiveRubric(rubric2)) return void 0;
    if (!("tests" in rubric2)) Object.assign(rubric2, { tests: [] });
    const sealed = sealRubric(rubric2);
    revived.set(value, sealed);
    return sealed;
  } catch (e) {
    if (e instanceof NotRubricData || e instanceof RangeError) return void 0;
    throw e;
  }
}
function sealRubric(rubric2) {
  for (const key of ["locate", "tests"])
    if (key in rubric2) Object.defineProperty(rubric2, key, { value: rubric2[key], enumerable: false, writable: false, configurable: false });
  Object.defineProperty(rubric2, "toJSON", { value: () => toJSONForm(rubric2), enumerable: false });
  return rubric2;
}

// src/compile/inputs.ts
var opt = (v) => v === void 0 ? void 0 : dec(v);
function declareInputs(ctx, decls) {
  for (const [name, d2] of Object.entries(decls ?? {})) {
    const path = ["inputs", name];
    if (["id", "name", "group"].includes(name)) {
      ctx.error("SCHEMA_CONSTRAINT", { reason: "input-subject-column", input: name }, path, name);
      continue;
    }
    const missing = "missing" in d2 ? d2.missing : void 0;
    const base = { name, declared: true, ...d2.label !== void 0 ? { label: d2.label } : {}, ...missing !== void 0 ? { missing } : {} };
    const required = (hasDefault) => d2.required ?? (!hasDefault && (missing ?? "error") === "error");
    if (missing !== void 0) checkMissingDecl(ctx, name, d2, missing, "default" in d2 && d2.default !== void 0, path);
    let spec;
    switch (d2.type) {
      case "number":
      case "count":
      case "ratio": {
        const min2 = opt("min" in d2 ? d2.min : void 0) ?? (d2.type === "number" ? void 0 : dec(0));
        const max2 = opt(d2.max) ?? (d2.type === "ratio" ? dec(1) : void 0);
        const def = opt(d2.default);
        spec = {
          ...base,
          type: d2.type,
          required: required(def !== void 0),
          clamp: d2.clamp ?? false,
          ...min2 !== void 0 ? { min: min2 } : {},
          ...max2 !== void 0 ? { max: max2 } : {},
          ...d2.type === "number" && d2.places !== void 0 ? { places: d2.places } : {},
          ...d2.type === "count" ? { places: 0 } : {},
          ...def !== void 0 ? { default: def } : {}
        };
        if (min2 && max2 && min2.gt(max2)) ctx.error("RANGE_INVALID", { reason: "input-min-above-max", min: min2.toFixed(), max: max2.toFixed() }, path);
        break;
      }
      case "boolean":
        spec = { ...base, type: "boolean", required: required(d2.default !== void 0), ...d2.default !== void 0 ? { default: d2.default } : {} };
        break;
      case "choice":
        spec = { ...base, type: "choice", values: d2.values, required: required(d2.default !== void 0), ...d2.default !== void 0 ? { default: d2.default } : {} };
        if (d2.default !== void 0 && !d2.values.includes(d2.default))
          ctx.error("REF_UNKNOWN_LEVEL", { id: d2.default, levels: d2.values }, [...path, "default"]);
        break;
      case "grade":
        spec = { ...base, type: "grade", scale: d2.scale, required: required(d2.default !== void 0), ...d2.default !== void 0 ? { default: d2.default } : {} };
        if (d2.default !== void 0 && !d2.scale.includes(d2.default))
          ctx.error("REF_UNKNOWN_GRADE", { id: d2.default, scale: d2.scale }, [...path, "default"]);
        break;
      case "text":
      case "rank":
        spec = { ...base, type: d2.type, required: required(d2.default !== void 0), ...d2.default !== void 0 ? { default: d2.default } : {} };
        break;
      case "date": {
        const def = d2.default === void 0 ? void 0 : parseDate(d2.default);
        spec = { ...base, type: "date", required: required(def !== void 0), ...def && "iso" in def ? { default: def.iso } : {} };
        break;
      }
      case "scores":
        spec = { ...base, type: "scores", required: required(false), ...rangeOf(d2), ...d2.places !== void 0 ? { places: d2.places } : {} };
        break;
      case "series":
        spec = { ...base, type: "series", length: d2.length, required: required(false), ...rangeOf(d2) };
        break;
      case "votes":
        spec = { ...base, type: "votes", levels: d2.levels, required: required(false) };
        break;
      case "records":
        spec = { ...base, type: "records", fields: nullPrototype(d2.fields), required: d2.required ?? false };
        break;
    }
    ctx.inputs.set(name, spec);
  }
}
function checkMissingDecl(ctx, name, d2, missing, hasDefault, path) {
  const at2 = [...path, "missing"];
  if (hasDefault) ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-with-default", input: name }, at2);
  else if (d2.required === true && missing !== "error")
    ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-with-required", input: name, missing }, at2);
  if (missing !== "zero") return;
  if (!ZERO_TYPES.includes(d2.type)) {
    ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-zero-type", input: name, type: d2.type }, at2);
    return;
  }
  const min2 = "min" in d2 && d2.min !== void 0 ? dec(d2.min) : void 0;
  const max2 = "max" in d2 && d2.max !== void 0 ? dec(d2.max) : void 0;
  if (d2.type !== "scores" && (min2 && min2.gt(0) || max2 && max2.lt(0)))
    ctx.error("RANGE_INVALID", { reason: "missing-zero-range", input: name, ...min2 ? { min: min2.toFixed() } : {}, ...max2 ? { max: max2.toFixed() } : {} }, at2);
}
var ZERO_TYPES = ["number", "count", "ratio", "scores"];
function methodInputs(m) {
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
      return m.input !== void 0 ? [{ input: m.input }] : [{ input: m.numerator }, { input: m.denominator }];
    case "scale":
      return [{ input: m.input }, ...m.targetInput !== void 0 ? [{ input: m.targetInput }] : []];
    case "panel":
      return m.groups.map((g) => ({ input: g.input }));
    case "deduct":
    case "bonus":
    case "adjust": {
      const entries = m.kind === "deduct" ? m.entries : m.kind === "bonus" ? [...m.entries, ...m.outside] : [...m.additions, ...m.deductions];
      const out = [];
      for (const e of entries) {
        if (e.type === "per" || e.type === "shortfall") out.push({ input: e.input });
        else if (e.type === "chosen") out.push({ input: e.input, chosen: true });
      }
      return out;
    }
    case "linked":
      return [];
    default: {
      const unhandled = m;
      throw new Error(`kaohe internal: method ${unhandled.kind}`);
    }
  }
}
function checkItemMissing(ctx, items2) {
  for (const item of items2) {
    const reads = methodInputs(item.method);
    const at2 = [...item.path, "missing"];
    if (item.missing !== void 0 && reads.length === 0) {
      ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-no-input", item: item.id }, at2);
      continue;
    }
    for (const r of reads) {
      const spec = ctx.inputs.get(r.input);
      if (!spec) continue;
      const policy = item.missing ?? spec.missing ?? "error";
      if (policy !== "zero") continue;
      if (spec.type === "scores" && !r.chosen)
        ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-zero-panel", item: item.id }, item.missing !== void 0 ? at2 : item.path);
      else if (item.missing === void 0) continue;
      else if (!ZERO_TYPES.includes(spec.type)) ctx.error("SCHEMA_CONSTRAINT", { reason: "missing-zero-type", input: r.input, type: spec.type }, at2);
      else if ((spec.type === "number" || spec.type === "count" || spec.type === "ratio") && (spec.min && spec.min.gt(0) || spec.max && spec.max.lt(0)))
        ctx.error("RANGE_INVALID", { reason: "item-missing-zero-range", item: item.id, input: r.input, ...spec.min ? { min: spec.min.toFixed() } : {}, ...spec.max ? { max: spec.max.toFixed() } : {} }, at2);
    }
  }
}
function checkSubjectColumns(ctx, subject) {
  if (!subject) return;
  const inputColumns = /* @__PURE__ */ new Map();
  for (const spec of ctx.inputs.values()) {
    inputColumns.set(spec.name, spec.name);
    if (spec.label !== void 0) inputColumns.set(spec.label, spec.name);
  }
  const seen = /* @__PURE__ */ new Map([["id", "id"], ["name", "name"], ["group", "group"]]);
  const claim = (column2, what, path) => {
    const input = inputColumns.get(column2);
    const other = seen.get(column2);
    if (input !== void 0) ctx.error("SCHEMA_CONSTRAINT", { reason: "column-also-input", column: column2, what, input }, path);
    else if (other !== void 0 && other !== what) ctx.error("SCHEMA_CONSTRAINT", { reason: "column-twice", column: column2, what, other }, path);
    else seen.set(column2, what);
  };
  for (const key of ["id", "name", "group"]) if (subject[key] !== void 0) claim(subject[key], key, ["subject", key]);
  (subject.ignore ?? []).forEach((c, i) => claim(c, "ignore", ["subject", "ignore", i]));
}
function rangeOf(d2) {
  return { ...d2.min !== void 0 ? { min: dec(d2.min) } : {}, ...d2.max !== void 0 ? { max: dec(d2.max) } : {} };
}
function useInput(ctx, name, accepted, implied, path, usedBy) {
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
          ...existing.declared ? {} : { firstBy: ctx.impliedAt.get(name) },
          secondTypes: accepted,
          secondBy: usedBy
        },
        path
      );
      return void 0;
    }
    if (!existing.declared && existing.type === implied.type) return narrow(ctx, existing, implied);
    return existing;
  }
  ctx.inputs.set(name, implied);
  ctx.impliedAt.set(name, usedBy);
  return implied;
}
var byText = (by) => by === void 0 ? "?" : `${by.entry !== void 0 ? `entry "${by.entry}" of ` : ""}item "${by.item}"`;
function narrow(ctx, a, b) {
  if ((a.type === "number" || a.type === "count" || a.type === "ratio") && b.type === a.type) {
    const max2 = a.max && b.max ? a.max.lte(b.max) ? a.max : b.max : a.max ?? b.max;
    const merged = { ...a, ...max2 ? { max: max2 } : {} };
    ctx.inputs.set(a.name, merged);
    return merged;
  }
  return a;
}
function impliedNumber(name, type, min2, max2) {
  return {
    name,
    type,
    declared: false,
    required: true,
    clamp: false,
    ...min2 ? { min: min2 } : {},
    ...max2 ? { max: max2 } : {},
    ...type === "count" ? { places: 0 } : {}
  };
}

// src/compile/stages.ts
var STAGES = ["scoring", "bands", "exclusions", "vetoes", "ranking", "downgrades", "caps", "actions"];
var order = (s2) => STAGES.indexOf(s2);
var isGroup = (n2) => "children" in n2;
function conditionSites(source) {
  const sites = [];
  const visit2 = (n2, path) => {
    if (n2.only !== void 0) sites.push({ stage: "scoring", consumer: `the only condition of "${n2.id}"`, who: { kind: "only", id: n2.id }, condition: n2.only, path: [...path, "only"], node: n2.id });
    if (isGroup(n2)) {
      n2.children.forEach((c, i) => visit2(c, [...path, "children", i]));
      n2.outside?.forEach((c, i) => visit2(c, [...path, "outside", i]));
      return;
    }
    const lists = [];
    if (n2.kind === "deduct") lists.push(["deductions", n2.deductions]);
    if (n2.kind === "bonus") lists.push(["additions", n2.additions], ["outside", n2.outside]);
    if (n2.kind === "adjust") lists.push(["additions", n2.additions], ["deductions", n2.deductions]);
    for (const [key, entries] of lists)
      entries?.forEach((e, i) => {
        if (e.when !== void 0)
          sites.push({ stage: "scoring", consumer: `the when of entry "${e.id}" of item "${n2.id}"`, who: { kind: "entry", id: e.id, item: n2.id }, condition: e.when, path: [...path, key, i, "when"], node: n2.id });
      });
    if (n2.kind === "deduct" && n2.zeroIf !== void 0)
      sites.push({ stage: "scoring", consumer: `the zeroIf of item "${n2.id}"`, who: { kind: "zeroIf", item: n2.id }, condition: n2.zeroIf, path: [...path, "zeroIf"], node: n2.id });
  };
  visit2(source.scoring, ["scoring"]);
  source.grades.forEach((g, i) => {
    if (g.requires !== void 0) sites.push({ stage: "bands", consumer: `the requires of grade "${g.id}"`, who: { kind: "requires", id: g.id }, condition: g.requires, path: ["grades", i, "requires"] });
  });
  const ruleStage = { exclude: "exclusions", veto: "vetoes", downgrade: "downgrades", cap: "caps" };
  const ruleName = { exclude: "an exclusion", veto: "a veto", downgrade: "a downgrade", cap: "a cap" };
  (source.rules ?? []).forEach((r, i) => {
    sites.push({ stage: ruleStage[r.kind], consumer: `${ruleName[r.kind]} ("${r.id}")`, who: { kind: "rule", id: r.id, ruleKind: r.kind }, condition: r.when, path: ["rules", i, "when"] });
  });
  (source.ranking?.tieBreakers ?? []).forEach((t, i) => {
    sites.push({ stage: "ranking", consumer: "a ranking tie-breaker", who: { kind: "tieBreaker" }, condition: t.fact, path: ["ranking", "tieBreakers", i, "fact"] });
  });
  (source.actions ?? []).forEach((a, i) => {
    if (a.when !== void 0) sites.push({ stage: "actions", consumer: `action "${a.id}"`, who: { kind: "action", id: a.id }, condition: a.when, path: ["actions", i, "when"] });
  });
  (source.tiers ?? []).forEach((t, i) => {
    if (t.when !== void 0) sites.push({ stage: "actions", consumer: `tier "${t.id}"`, who: { kind: "tier", id: t.id }, condition: t.when, path: ["tiers", i, "when"] });
  });
  return sites;
}
function factsOf(condition, path) {
  const out = [];
  const stack = [{ c: condition, path }];
  while (stack.length > 0) {
    const { c, path: p } = stack.pop();
    if (typeof c === "string") out.push({ fact: c, path: p });
    else if ("all" in c) c.all.forEach((x, i) => stack.push({ c: x, path: [...p, "all", i] }));
    else if ("any" in c) c.any.forEach((x, i) => stack.push({ c: x, path: [...p, "any", i] }));
    else if ("not" in c) stack.push({ c: c.not, path: [...p, "not"] });
    else out.push({ fact: c.fact, path: [...p, "fact"], comparison: c });
  }
  return out.reverse();
}
var RUNS = {
  scoring: "is tested while the indicator tree is scored",
  bands: "is tested while the raw grade is found by bands, after scoring",
  exclusions: "runs after grading by bands and before vetoes and ranking",
  vetoes: "runs after grading by bands and before ranking",
  ranking: "is read while subjects are ranked",
  downgrades: "runs after ranking",
  caps: "runs after ranking",
  actions: "runs last"
};
function knownFrom(head) {
  switch (head) {
    case "total":
    case "zeroItems":
      return { stage: "bands", known: `${head} is known once the whole tree is scored` };
    case "grade":
    case "rawGrade":
      return { stage: "exclusions", known: `${head} is known once the bands have given the raw grade` };
    case "rank":
    case "groupRank":
      return { stage: "downgrades", known: `${head} is known after ranking: downgrades, caps, actions and tiers may read it` };
    default:
      return void 0;
  }
}
function checkStageOrder(ctx, source) {
  const positions = scoringOrder(source.scoring);
  for (const site of conditionSites(source)) {
    for (const { fact, path } of factsOf(site.condition, site.path)) {
      const parts = fact.split(".");
      const [head, id] = parts;
      const report = (known2, why) => ctx.error("COND_STAGE_ORDER", { fact, consumer: site.consumer, runs: RUNS[site.stage], known: known2, stage: site.stage, who: site.who, why }, path);
      if ((head === "score" || head === "ratio") && parts.length === 2 && id && ctx.nodeIds.has(id)) {
        if (site.stage !== "scoring" || site.node === void 0) continue;
        const read = positions.get(id);
        const at2 = positions.get(site.node);
        if (read && at2 && !(read.end < at2.start))
          report(
            id === site.node ? `it is the points of "${id}" itself, being scored` : read.start < at2.start ? `"${id}" contains "${site.node}" and is scored after it` : `"${id}" is scored after "${site.node}": nodes are scored in the order written, a group after its children`,
            { reason: id === site.node ? "self" : read.start < at2.start ? "contains" : "after", id, node: site.node }
          );
        continue;
      }
      if (parts.length !== 1 || head === void 0) continue;
      const known = knownFrom(head);
      if (known && order(site.stage) < order(known.stage)) report(known.known, { reason: "known-from", head, from: known.stage });
    }
  }
}
function scoringOrder(root) {
  const out = /* @__PURE__ */ new Map();
  let counter = 0;
  const stack = [{ node: root, leaving: false }];
  const starts = /* @__PURE__ */ new Map();
  while (stack.length > 0) {
    const { node, leaving } = stack.pop();
    if (leaving) {
      if (!out.has(node.id)) out.set(node.id, { start: starts.get(node), end: counter - 1 });
      continue;
    }
    starts.set(node, counter++);
    stack.push({ node, leaving: true });
    if (isGroup(node)) {
      const next = [...node.children, ...node.outside ?? []];
      for (let i = next.length - 1; i >= 0; i--) stack.push({ node: next[i], leaving: false });
    }
  }
  return out;
}

// src/compile/sanity.ts
var isGroup2 = (n2) => "children" in n2;
var fmt = (v) => v.toFixed();
function checkRubricSanity(ctx, source) {
  checkRubricValues(ctx, source);
  checkStageOrder(ctx, source);
}
function checkRubricValues(ctx, source) {
  checkInputs(ctx, source);
  const stack = [{ node: source.scoring, path: ["scoring"] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop();
    if (isGroup2(node)) {
      checkGroup(ctx, node, path);
      node.children.forEach((c, i) => stack.push({ node: c, path: [...path, "children", i] }));
      node.outside?.forEach((c, i) => stack.push({ node: c, path: [...path, "outside", i] }));
    } else checkItem(ctx, node, path);
  }
  checkConditionShares(ctx, source);
  for (const key of ["commonShare", "commonLoss"]) {
    const share = source.feedback?.[key];
    if (share === void 0) continue;
    const v = dec(share);
    if (!v.lt(0) && !v.gt(ONE)) continue;
    if (key === "commonShare") ctx.error("RANGE_INVALID", { reason: "common-share", received: String(share) }, ["feedback", key]);
    else ctx.error("RANGE_INVALID", { reason: "common-loss", received: String(share) }, ["feedback", key]);
  }
}
function checkGroup(ctx, g, path) {
  const normalizeTo = g.normalizeTo === void 0 ? void 0 : dec(g.normalizeTo);
  const cap = g.cap === void 0 ? void 0 : dec(g.cap);
  const floor = g.floor === void 0 ? void 0 : dec(g.floor);
  const limit = g.limit === void 0 || g.limit === null ? void 0 : dec(g.limit);
  if (normalizeTo?.lte(0))
    ctx.error("RANGE_INVALID", { reason: "normalize-to", received: fmt(normalizeTo) }, [...path, "normalizeTo"]);
  if (cap?.lt(0)) ctx.error("RANGE_INVALID", { reason: "group-cap-negative", cap: fmt(cap) }, [...path, "cap"]);
  if (floor && cap && floor.gt(cap)) ctx.error("RANGE_INVALID", { reason: "floor-above-cap", floor: fmt(floor), cap: fmt(cap) }, [...path, "floor"]);
  else if (floor && limit && normalizeTo === void 0 && floor.gt(limit))
    ctx.error("RANGE_INVALID", { reason: "floor-above-limit", floor: fmt(floor), limit: fmt(limit) }, [...path, "floor"]);
}
function checkItem(ctx, item, path) {
  switch (item.kind) {
    case "carry": {
      const share = dec(item.share);
      if (share.lte(0) || share.gt(ONE))
        ctx.error("RANGE_INVALID", { reason: "carry-share", received: String(item.share) }, [...path, "share"]);
      break;
    }
    case "linked":
      if (item.scaleFrom !== void 0 && dec(item.scaleFrom).lte(0))
        ctx.error("RANGE_INVALID", { reason: "scale-from", received: String(item.scaleFrom) }, [...path, "scaleFrom"]);
      break;
    case "panel": {
      const seen = /* @__PURE__ */ new Map();
      item.groups?.forEach((g, i) => {
        const p = [...path, "groups", i];
        const first = seen.get(g.id);
        if (first) ctx.error("REF_DUPLICATE_ID", { what: "rater group", id: g.id, first: ctx.where(first) }, [...p, "id"]);
        else seen.set(g.id, [...p, "id"]);
        const w = dec(g.weight);
        if (w.lte(0)) ctx.error("RANGE_INVALID", { reason: "rater-weight", group: g.id, received: String(g.weight) }, [...p, "weight"]);
      });
      break;
    }
    default:
      break;
  }
}
function checkInputs(ctx, source) {
  for (const [name, d2] of Object.entries(source.inputs ?? {})) {
    const list2 = d2.type === "choice" ? d2.values : d2.type === "grade" ? d2.scale : d2.type === "votes" ? d2.levels : void 0;
    if (!list2) continue;
    const key = d2.type === "choice" ? "values" : d2.type === "grade" ? "scale" : "levels";
    const what = d2.type === "choice" ? "choice value" : d2.type === "grade" ? "grade" : "vote level";
    const seen = /* @__PURE__ */ new Map();
    list2.forEach((v, i) => {
      const first = seen.get(v);
      if (first !== void 0) ctx.error("REF_DUPLICATE_ID", { what, id: v, first: ctx.where(["inputs", name, key, first]) }, ["inputs", name, key, i]);
      else seen.set(v, i);
    });
  }
}
function checkConditionShares(ctx, source) {
  for (const site of conditionSites(source)) {
    for (const { path, comparison } of factsOf(site.condition, site.path)) {
      if (!comparison) continue;
      for (const op of ["top", "bottom"]) {
        const raw = comparison[op];
        if (typeof raw !== "string" || !raw.includes("%")) continue;
        const v = parseDecimal(raw);
        if (v?.gt(ONE)) ctx.error("QUOTA_SHARE_RANGE", { received: raw }, [...path.slice(0, -1), op]);
      }
    }
  }
}

// src/compile/tree.ts
var isGroup3 = (n2) => "children" in n2;
var d = (v) => v === void 0 || v === null ? void 0 : dec(v);
var isPercent = (v) => typeof v === "string" && v.includes("%");
var fmt2 = (v) => v.toFixed();
function registerTree(ctx, root) {
  const ancestors = /* @__PURE__ */ new Set();
  const visit2 = (node, path) => {
    const first = ctx.nodeIds.get(node.id);
    if (first) {
      const what = ancestors.has(node.id) ? "item/group (the same id as a group that contains it)" : "item/group";
      ctx.error("REF_DUPLICATE_ID", { what, id: node.id, first: ctx.where(first) }, [...path, "id"]);
    } else ctx.nodeIds.set(node.id, [...path, "id"]);
    if (isGroup3(node)) {
      checkAdjustPlacement(ctx, node, path);
      const added = !ancestors.has(node.id);
      ancestors.add(node.id);
      node.children.forEach((c, i) => visit2(c, [...path, "children", i]));
      node.outside?.forEach((c, i) => visit2(c, [...path, "outside", i]));
      if (added) ancestors.delete(node.id);
    } else {
      ctx.itemIds.add(node.id);
      registerItemInputs(ctx, node, path);
    }
  };
  visit2(root, ["scoring"]);
}
function itemFullMark(item) {
  return item.kind === "adjust" ? ZERO : dec(item.max);
}
function checkAdjustPlacement(ctx, g, path) {
  const combine = g.combine ?? "sum";
  if (combine === "sum") return;
  g.children.forEach((c, i) => {
    if (!isGroup3(c) && c.kind === "adjust") ctx.error("ADJUST_PLACEMENT", { id: c.id, combine }, [...path, "children", i, "kind"]);
  });
}
function registerItemInputs(ctx, item, path) {
  const max2 = itemFullMark(item);
  const name = "input" in item && item.input !== void 0 ? item.input : item.id;
  const by = { item: item.id };
  const number = (n2, type, min2, hi, p = path) => useInput(ctx, n2, ["number", "count", "ratio"], impliedNumber(n2, type, min2, hi), p, by);
  const base = { declared: false, required: true };
  switch (item.kind) {
    case "input": {
      const spec = number(name, "number", ZERO, max2);
      if (spec && "max" in spec && spec.declared && (spec.max === void 0 || spec.max.gt(max2)))
        ctx.error("RANGE_INVALID", { reason: "input-above-item-max", input: name, ...spec.max ? { inputMax: fmt2(spec.max) } : {}, max: fmt2(max2) }, [...path, "max"]);
      break;
    }
    case "yesno":
      useInput(ctx, name, ["boolean"], { ...base, name, type: "boolean" }, path, by);
      break;
    case "levels":
      useInput(ctx, name, ["choice"], { ...base, name, type: "choice", values: Object.keys(item.levels) }, path, by);
      break;
    case "ratio":
      if (item.numerator !== void 0 || item.denominator !== void 0) {
        if (item.numerator === void 0 || item.denominator === void 0 || item.input !== void 0)
          ctx.error("SCHEMA_CONSTRAINT", { reason: "ratio-input-or-pair" }, path);
        else {
          number(item.numerator, "number", ZERO);
          number(item.denominator, "number", ZERO);
        }
      } else useInput(ctx, name, ["ratio", "number"], impliedNumber(name, "ratio", ZERO, ONE), path, by);
      break;
    case "scale":
      number(name, "number");
      if (item.targetInput) number(item.targetInput, "number");
      break;
    case "bands":
      number(name, "number");
      break;
    case "rank": {
      if (item.proportional === void 0) {
        number(name, "number");
        break;
      }
      const spec = number(name, "number", ZERO);
      if (spec && "min" in spec && spec.declared && (spec.min === void 0 || spec.min.lt(0)))
        ctx.error("RANGE_INVALID", { reason: "proportional-rank-negative", input: name, ...spec.min ? { inputMin: fmt2(spec.min) } : {} }, [...path, "proportional"]);
      break;
    }
    case "carry": {
      if (dec(item.share).lte(0)) break;
      const limit = max2.div(dec(item.share));
      const spec = number(name, "number", ZERO, limit);
      if (spec && "max" in spec && spec.declared && (spec.max === void 0 || spec.max.gt(limit)))
        ctx.error("RANGE_INVALID", { reason: "carry-above-item-max", input: name, ...spec.max ? { inputMax: fmt2(spec.max) } : {}, share: String(item.share), max: fmt2(max2), limit: fmt2(limit) }, [...path, "max"]);
      break;
    }
    case "panel": {
      const groups = item.groups ?? [{ id: item.id }];
      for (const g of groups) {
        const input = item.groups ? `${name}_${g.id}` : name;
        const spec = useInput(ctx, input, ["scores"], { ...base, name: input, type: "scores", min: ZERO, max: max2, ...optional("places", item.places) }, path, by);
        if (spec?.type === "scores" && item.places !== void 0 && (spec.places === void 0 || spec.places > item.places)) ctx.inputs.set(input, { ...spec, places: item.places });
      }
      break;
    }
    case "votes":
      useInput(ctx, name, ["votes"], { ...base, name, type: "votes", levels: Object.keys(item.coefficients) }, path, by);
      break;
    case "periods": {
      const periodMax = d(item.periodMax) ?? (item.aggregate === "sum" ? max2.div(item.count) : max2);
      useInput(ctx, name, ["series"], { ...base, name, type: "series", length: item.count, min: ZERO, max: periodMax }, path, by);
      break;
    }
    case "deduct":
    case "bonus":
    case "adjust": {
      const lists = item.kind === "adjust" ? [
        [item.additions ?? [], "additions"],
        [item.deductions ?? [], "deductions"]
      ] : [[item.kind === "deduct" ? item.deductions : item.additions, item.kind === "deduct" ? "deductions" : "additions"]];
      if (item.kind === "bonus" && item.outside) lists.push([item.outside, "outside"]);
      for (const [entries, key] of lists)
        entries.forEach((e, i) => registerEntryInputs(ctx, e, [...path, key, i], { ...by, entry: e.id }));
      break;
    }
    case "linked":
      if (!ctx.dependencies.has(item.rubric)) ctx.dependencies.set(item.rubric, [...path, "rubric"]);
      break;
    default:
      unreachable(item, "item kind");
  }
}
function registerEntryInputs(ctx, e, path, by) {
  const number = (n2, p) => useInput(ctx, n2, ["number", "count", "ratio"], impliedNumber(n2, "number", ZERO), p, by);
  if (e.per !== void 0) number(e.per, [...path, "per"]);
  if (e.shortfall) number(e.shortfall.input, [...path, "shortfall", "input"]);
  if (e.chosen !== void 0 && e.range) {
    const [lo, hi] = [dec(e.range[0]), dec(e.range[1])];
    if (lo.gt(hi)) ctx.error("RANGE_INVALID", { reason: "chosen-range", low: fmt2(lo), high: fmt2(hi) }, [...path, "range"]);
    useInput(ctx, e.chosen, ["scores"], { name: e.chosen, declared: false, required: true, type: "scores", min: lo, max: hi }, [...path, "chosen"], by);
  }
  if (e.records !== void 0) {
    const fields = nullPrototype({});
    if (e.points !== void 0 && typeof e.points === "object") fields[e.points.by] = "text";
    for (const k of e.dedup?.key ?? []) fields[k] = "text";
    if (e.times) fields[e.times] = "number";
    if (e.split) fields[e.split] = "count";
    const spec = useInput(ctx, e.records, ["records"], { name: e.records, declared: false, required: false, type: "records", fields }, [...path, "records"], by);
    if (spec?.type === "records") {
      for (const f2 of Object.keys(fields))
        if (!(f2 in spec.fields)) ctx.error("REF_UNKNOWN_INPUT", { id: `${e.records}.${f2}` }, path);
      if (!spec.declared) {
        const merged = nullPrototype({ ...spec.fields, ...fields });
        ctx.inputs.set(e.records, { ...spec, fields: merged });
      }
    }
  }
}
function compileTree(ctx, root) {
  const nodes = /* @__PURE__ */ new Map();
  const items2 = [];
  const sourceById = /* @__PURE__ */ new Map();
  const index = (n2) => {
    if (!sourceById.has(n2.id)) sourceById.set(n2.id, n2);
    if (isGroup3(n2)) [...n2.children, ...n2.outside ?? []].forEach(index);
  };
  index(root);
  const maxCache = /* @__PURE__ */ new Map();
  const computing = /* @__PURE__ */ new Set();
  const nodeMax = (id) => {
    const cached = maxCache.get(id);
    if (cached) return cached;
    const n2 = sourceById.get(id);
    if (!n2 || computing.has(id)) return void 0;
    computing.add(id);
    const m = isGroup3(n2) ? fullMark(n2, nodeMax) : itemFullMark(n2);
    computing.delete(id);
    maxCache.set(id, m);
    return m;
  };
  const cond = (c, path) => c === void 0 ? void 0 : compileCondition(ctx, c, path, nodeMax);
  const compileNode = (node, path, weight) => {
    const common = {
      id: node.id,
      label: node.label ?? node.id,
      path,
      ...weight ? { weight: weight.share, ...optional("rawWeight", weight.raw) } : {},
      ...optional("only", cond(node.only, [...path, "only"])),
      ...node.round ? { round: { places: node.round.places, mode: node.round.mode ?? "half-up" } } : {}
    };
    let compiled;
    if (isGroup3(node)) {
      const combine = node.combine ?? "sum";
      const weights = combine === "weighted" ? normaliseWeights(ctx, node, path) : void 0;
      node.children.forEach((c, i) => {
        if (combine !== "weighted" && c.weight !== void 0)
          ctx.error("WEIGHT_UNEXPECTED", { id: c.id, combine }, [...path, "children", i, "weight"], void 0);
      });
      const children = node.children.map(
        (c, i) => compileNode(c, [...path, "children", i], weights && { share: weights.shares[i], ...weights.sum ? { raw: weights.raw[i] } : {} })
      );
      const outside = (node.outside ?? []).map((c, i) => compileNode(c, [...path, "outside", i], void 0));
      const max2 = nodeMax(node.id) ?? ZERO;
      checkDeclaredMax(ctx, node, path, nodeMax);
      compiled = {
        ...common,
        type: "group",
        max: max2,
        combine,
        children,
        outside,
        ...optional("floor", d(node.floor)),
        ...optional("cap", d(node.cap)),
        ...optional("normalizeTo", d(node.normalizeTo)),
        ...optional("weightSum", weights?.sum),
        ...node.normalizeTo !== void 0 ? { maxBeforeNormalising: fullBeforeNormalising(node, nodeMax) } : {},
        ...node.limit !== void 0 ? { limit: node.limit === null ? null : dec(node.limit) } : {}
      };
    } else {
      const method = compileMethod(ctx, node, path, cond);
      compiled = { ...common, type: "item", max: itemFullMark(node), method: method ?? { kind: "input", input: node.id }, ...optional("missing", "missing" in node ? node.missing : void 0) };
      items2.push(compiled);
    }
    nodes.set(node.id, compiled);
    return compiled;
  };
  const compiledRoot = compileNode(root, ["scoring"], void 0);
  return { root: compiledRoot, nodes, items: items2 };
}
function optional(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
function fullMark(g, nodeMax) {
  return g.normalizeTo !== void 0 ? dec(g.normalizeTo) : fullBeforeNormalising(g, nodeMax);
}
function fullBeforeNormalising(g, nodeMax) {
  const maxes = g.children.map((c) => nodeMax(c.id) ?? ZERO);
  let full;
  const combine = g.combine ?? "sum";
  switch (combine) {
    case "sum": {
      const unconditional = g.children.filter((c) => c.only === void 0).map((c) => nodeMax(c.id) ?? ZERO);
      const conditional = g.children.filter((c) => c.only !== void 0).map((c) => nodeMax(c.id) ?? ZERO);
      full = sum(unconditional).plus(conditional.reduce((a, b) => b.gt(a) ? b : a, ZERO));
      break;
    }
    case "weighted": {
      const weights = rawWeights(g);
      full = weights ? sum(maxes.map((m, i) => m.times(weights.raw[i]))).div(weights.sum) : ZERO;
      break;
    }
    case "mean":
    case "max":
      full = maxes.reduce((a, b) => b.gt(a) ? b : a, ZERO);
      break;
    case "min":
      full = maxes.reduce((a, b) => b.lt(a) ? b : a, maxes[0] ?? ZERO);
      break;
    default:
      return unreachable(combine, "combine mode");
  }
  if (g.cap !== void 0 && dec(g.cap).lt(full)) full = dec(g.cap);
  return full;
}
function rawWeights(g) {
  const ws = g.children.map((c) => c.weight);
  if (ws.some((w) => w === void 0)) return void 0;
  const raw = ws.map((w) => dec(w));
  const total = sum(raw);
  if (total.lte(0)) return void 0;
  return { raw, sum: total };
}
function normaliseWeights(ctx, g, path) {
  let okay = true;
  g.children.forEach((c, i) => {
    if (c.weight === void 0) {
      ctx.error("WEIGHT_MISSING", { id: c.id }, [...path, "children", i]);
      okay = false;
    }
  });
  if (!okay) return void 0;
  const raw = g.children.map((c) => c.weight);
  const percents = raw.filter(isPercent).length;
  if (percents !== 0 && percents !== raw.length) {
    ctx.error("WEIGHT_MIXED", {}, [...path, "children"]);
    return void 0;
  }
  const values = raw.map((w) => dec(w));
  values.forEach((v, i) => {
    if (v.lte(0)) {
      ctx.error("RANGE_INVALID", { reason: "weight-positive", id: g.children[i].id, received: String(raw[i]) }, [...path, "children", i, "weight"]);
      okay = false;
    }
  });
  if (!okay) return void 0;
  const total = sum(values);
  const fractions = values.every((v) => v.lt(1));
  if ((percents > 0 || fractions) && !total.eq(1)) {
    ctx.error("WEIGHT_SUM", { sum: fmt2(total.times(HUNDRED)) }, [...path, "children"], void 0);
    return void 0;
  }
  const shares = values.map((v) => v.div(total));
  const terminating = shares.every((w) => Number.isFinite(w.decimalPlaces()));
  return { shares, raw: values, ...terminating ? {} : { sum: total } };
}
function checkDeclaredMax(ctx, g, path, nodeMax) {
  if (g.max === void 0) return;
  const declared = dec(g.max);
  const computed = nodeMax(g.id);
  if (computed && !computed.eq(declared)) {
    const how = g.normalizeTo !== void 0 ? "normalizeTo" : g.combine === "weighted" ? "weighted-children" : "children";
    ctx.error("MAX_MISMATCH", { declared: fmt2(declared), computed: fmt2(computed), from: how }, [...path, "max"]);
  }
}
function compileMethod(ctx, item, path, cond) {
  const max2 = itemFullMark(item);
  const input = "input" in item && item.input !== void 0 ? item.input : item.id;
  const within = (v, what, p, extra = {}) => {
    if (v.lt(0) || v.gt(max2)) ctx.error("RANGE_INVALID", { reason: "value-outside-max", what, ...extra, value: fmt2(v), max: fmt2(max2) }, p);
  };
  switch (item.kind) {
    case "input":
      return { kind: "input", input };
    case "yesno": {
      const yes = d(item.yes) ?? max2;
      const no = d(item.no) ?? ZERO;
      within(yes, "yes", [...path, "yes"]);
      within(no, "no", [...path, "no"]);
      return { kind: "yesno", input, yes, no };
    }
    case "levels": {
      const levels2 = /* @__PURE__ */ new Map();
      for (const [level, v] of Object.entries(item.levels)) {
        const points = isPercent(v) ? dec(v).times(max2) : dec(v);
        within(points, "level", [...path, "levels", level], { level });
        levels2.set(level, points);
      }
      return { kind: "levels", input, levels: levels2 };
    }
    case "deduct": {
      const base = d(item.base) ?? max2;
      const floor = d(item.floor) ?? ZERO;
      if (base.gt(max2)) ctx.error("RANGE_INVALID", { reason: "base-above-max", base: fmt2(base), max: fmt2(max2) }, [...path, "base"]);
      if (floor.gt(base)) ctx.error("RANGE_INVALID", { reason: "floor-above-base", floor: fmt2(floor), base: fmt2(base) }, [...path, "floor"]);
      const entries = compileEntries(ctx, item.deductions, [...path, "deductions"], cond);
      const zeroIf = cond(item.zeroIf, [...path, "zeroIf"]);
      return { kind: "deduct", base, floor, entries, ...zeroIf ? { zeroIf } : {} };
    }
    case "bonus":
      return {
        kind: "bonus",
        entries: compileEntries(ctx, item.additions, [...path, "additions"], cond),
        outside: compileEntries(ctx, item.outside ?? [], [...path, "outside"], cond)
      };
    case "adjust": {
      if ((item.additions?.length ?? 0) + (item.deductions?.length ?? 0) === 0)
        ctx.error("SCHEMA_CONSTRAINT", { reason: "adjust-empty" }, path);
      const cap = d(item.cap);
      const floor = d(item.floor);
      if (cap?.lt(0)) ctx.error("RANGE_INVALID", { reason: "adjust-cap-negative", cap: fmt2(cap) }, [...path, "cap"]);
      if (floor?.gt(0)) ctx.error("RANGE_INVALID", { reason: "adjust-floor-positive", floor: fmt2(floor) }, [...path, "floor"]);
      const additions = compileEntries(ctx, item.additions ?? [], [...path, "additions"], cond);
      const added = new Map((item.additions ?? []).map((e, i) => [e.id, [...path, "additions", i, "id"]]));
      const deductions = compileEntries(ctx, item.deductions ?? [], [...path, "deductions"], cond, added);
      return { kind: "adjust", additions, deductions, ...optional("cap", cap), ...optional("floor", floor) };
    }
    case "ratio":
      return item.numerator !== void 0 && item.denominator !== void 0 ? { kind: "ratio", numerator: item.numerator, denominator: item.denominator } : { kind: "ratio", input };
    case "scale": {
      if (item.target === void 0 === (item.targetInput === void 0))
        ctx.error("SCHEMA_CONSTRAINT", { reason: "scale-target" }, path);
      const unit = dec(item.unit);
      if (unit.lte(0)) ctx.error("RANGE_INVALID", { reason: "unit-positive", received: fmt2(unit) }, [...path, "unit"]);
      const base = d(item.base) ?? max2;
      within(base, "base", [...path, "base"]);
      const zeroBelow = d(item.zeroBelow);
      const target = d(item.target);
      if (zeroBelow && target && zeroBelow.gt(target))
        ctx.error("RANGE_INVALID", { reason: "zero-below-above-target", zeroBelow: fmt2(zeroBelow), target: fmt2(target) }, [...path, "zeroBelow"]);
      return {
        kind: "scale",
        input,
        ...optional("target", d(item.target)),
        ...optional("targetInput", item.targetInput),
        base,
        unit,
        points: dec(item.points),
        above: item.above ?? "none",
        below: item.below ?? "none",
        steps: item.steps ?? "whole",
        floor: d(item.floor) ?? ZERO,
        ...optional("zeroBelow", zeroBelow)
      };
    }
    case "bands": {
      const bands = item.bands.map((b, i) => {
        const p = [...path, "bands", i];
        if (b.min === void 0 === (b.above === void 0))
          ctx.error("SCHEMA_CONSTRAINT", { reason: "band-bound" }, p);
        const points = dec(b.points);
        within(points, "band", [...p, "points"]);
        return { bound: dec(b.min ?? b.above ?? 0), inclusive: b.min !== void 0, points };
      });
      for (let i = 1; i < bands.length; i++)
        if (!bands[i].bound.lt(bands[i - 1].bound) && !(bands[i].bound.eq(bands[i - 1].bound) && bands[i - 1].inclusive === false && bands[i].inclusive))
          ctx.error("BAND_ORDER", { id: `band ${i + 1}`, band: i + 1, threshold: fmt2(bands[i].bound), previous: fmt2(bands[i - 1].bound) }, [...path, "bands", i]);
      const otherwise = d(item.otherwise) ?? ZERO;
      within(otherwise, "otherwise", [...path, "otherwise"]);
      return { kind: "bands", input, bands, otherwise };
    }
    case "rank": {
      const modes = [item.points, item.percentiles, item.proportional].filter((x) => x !== void 0).length;
      if (modes !== 1) ctx.error("SCHEMA_CONSTRAINT", { reason: "rank-mode" }, path);
      const positions = item.points?.map((p, i) => {
        const v = dec(p);
        within(v, "position", [...path, "points", i], { position: i + 1 });
        return v;
      });
      const percentiles = item.percentiles?.map((p, i) => {
        const v = dec(p.points);
        within(v, "points", [...path, "percentiles", i, "points"]);
        const top = dec(p.top);
        if (top.lte(0) || top.gt(1)) ctx.error("QUOTA_SHARE_RANGE", { received: String(p.top) }, [...path, "percentiles", i, "top"]);
        return { top, points: v };
      });
      return {
        kind: "rank",
        input,
        order: item.order ?? "desc",
        ...optional("positions", positions),
        ...optional("percentiles", percentiles),
        ...optional("proportionalTop", item.proportional?.top),
        otherwise: d(item.otherwise) ?? ZERO
      };
    }
    case "panel": {
      let groups;
      if (item.groups) {
        const raw = item.groups.map((g) => g.weight);
        const percents = raw.filter(isPercent).length;
        if (percents !== 0 && percents !== raw.length) ctx.error("WEIGHT_MIXED", {}, [...path, "groups"]);
        const values = raw.map((w) => dec(w));
        const total = sum(values);
        if ((percents > 0 || values.every((v) => v.lt(1))) && !total.eq(1))
          ctx.error("WEIGHT_SUM", { sum: fmt2(total.times(HUNDRED)) }, [...path, "groups"]);
        groups = item.groups.map((g, i) => ({ id: g.id, input: `${input}_${g.id}`, weight: total.isZero() ? ZERO : values[i].div(total) }));
      } else groups = [{ id: item.id, input, weight: ONE }];
      return {
        kind: "panel",
        groups,
        ...optional("trim", item.trim && compileTrim(ctx, item.trim, [...path, "trim"])),
        invalidBallots: item.invalidBallots ?? [],
        ballotLimits: (item.ballotLimits ?? []).map((l2) => ({
          ...optional("gte", d(l2.gte)),
          ...optional("lt", d(l2.lt)),
          ...optional("most", l2.most),
          ...optional("least", l2.least)
        }))
      };
    }
    case "votes": {
      const coefficients = /* @__PURE__ */ new Map();
      for (const [level, c] of Object.entries(item.coefficients)) {
        const v = dec(c);
        if (v.lt(0) || v.gt(1)) ctx.error("RANGE_INVALID", { reason: "coefficient", level, received: fmt2(v) }, [...path, "coefficients", level]);
        coefficients.set(level, v);
      }
      return { kind: "votes", input, coefficients, denominator: item.denominator ?? "valid" };
    }
    case "periods": {
      if ((item.aggregate ?? "mean") === "sum" && item.periodMax !== void 0 && !dec(item.periodMax).times(item.count).eq(max2))
        ctx.error("MAX_MISMATCH", { declared: fmt2(max2), computed: fmt2(dec(item.periodMax).times(item.count)), from: "periodMax" }, [...path, "max"]);
      return { kind: "periods", input, count: item.count, aggregate: item.aggregate ?? "mean" };
    }
    case "carry":
      return { kind: "carry", input, share: dec(item.share) };
    case "linked":
      return { kind: "linked", rubric: item.rubric, ...optional("scaleFrom", d(item.scaleFrom)) };
    default:
      return unreachable(item, "item kind");
  }
}
function compileTrim(ctx, trim, path) {
  const drop = trim.drop ?? 1;
  const needed = 2 * drop + 1;
  if (trim.above !== void 0 && trim.minScores !== void 0) {
    ctx.error("SCHEMA_CONSTRAINT", { reason: "trim-above-and-min" }, path);
    return void 0;
  }
  if (trim.above === void 0 && trim.minScores === void 0) return { drop, minScores: needed, stated: "default" };
  const stated = trim.above !== void 0 ? "above" : "minScores";
  const minScores = trim.above !== void 0 ? trim.above + 1 : trim.minScores;
  if (minScores < needed) {
    ctx.error("TRIM_MIN_SCORES", { drop, needed, stated: `${stated}: ${trim[stated]}`, fewest: minScores }, [...path, stated]);
    return void 0;
  }
  return { drop, minScores, stated };
}
function compileEntries(ctx, entries, path, cond, seenBefore) {
  const seen = new Map(seenBefore);
  const out = [];
  entries.forEach((e, i) => {
    const p = [...path, i];
    const first = seen.get(e.id);
    if (first) ctx.error("REF_DUPLICATE_ID", { what: "entry", id: e.id, first: ctx.where(first) }, [...p, "id"]);
    seen.set(e.id, [...p, "id"]);
    const common = { id: e.id, label: e.label ?? e.id, ...optional("max", d(e.max)) };
    const points = typeof e.points === "object" ? void 0 : d(e.points);
    if (e.when !== void 0) {
      const when = cond(e.when, [...p, "when"]);
      if (when && points) out.push({ ...common, type: "when", when, points });
    } else if (e.per !== void 0 && points) out.push({ ...common, type: "per", input: e.per, points });
    else if (e.shortfall && points) out.push({ ...common, type: "shortfall", input: e.shortfall.input, required: dec(e.shortfall.required), points });
    else if (e.chosen !== void 0 && e.range) out.push({ ...common, type: "chosen", input: e.chosen, range: [dec(e.range[0]), dec(e.range[1])] });
    else if (e.records !== void 0 && e.points !== void 0) {
      let amount;
      if (typeof e.points === "object") {
        const table = /* @__PURE__ */ new Map();
        let running = ZERO;
        for (const [k, v] of Object.entries(e.points.table)) {
          running = e.points.cumulative ? running.plus(dec(v)) : dec(v);
          table.set(k, running);
        }
        amount = { type: "table", by: e.points.by, table };
      } else amount = { type: "fixed", points: dec(e.points) };
      out.push({
        ...common,
        type: "records",
        input: e.records,
        amount,
        ...optional("times", e.times),
        ...optional("split", e.split),
        ...e.dedup ? { dedup: { key: e.dedup.key, keep: e.dedup.keep ?? "max" } } : {}
      });
    }
  });
  return out;
}

// src/compile/compile.ts
function compileRubric(source, options = {}) {
  const ctx = new CompileContext(source.id, options.locate);
  ctx.grades = source.grades.map((g) => g.id);
  ctx.gradeNames = source.grades.map((g) => ({ id: g.id, label: g.label ?? g.id }));
  ctx.rootId = source.scoring.id;
  ctx.wholeTotal = source.rounding?.places === 0;
  const markWhole = (n2) => {
    if (n2.round?.places === 0) ctx.wholeNodes.add(n2.id);
    if ("children" in n2) for (const c of [...n2.children, ...n2.outside ?? []]) markWhole(c);
  };
  markWhole(source.scoring);
  markCeilings(ctx, source.scoring);
  if (source.asOf !== void 0) {
    const asOf = parseDate(source.asOf);
    if ("iso" in asOf) ctx.asOf = asOf.iso;
  }
  declareInputs(ctx, source.inputs);
  registerTree(ctx, source.scoring);
  checkRubricSanity(ctx, source);
  const tree = compileTree(ctx, source.scoring);
  checkItemMissing(ctx, tree.items);
  checkSubjectColumns(ctx, source.subject);
  const rootCombine = source.scoring.combine ?? "sum";
  if (source.scoring.max === void 0 && (rootCombine === "sum" || rootCombine === "weighted"))
    ctx.warn("ROOT_MAX_UNDECLARED", { combine: rootCombine, computed: tree.root.max.toFixed() }, ["scoring"], "scoring");
  const nodeMax = (id) => tree.nodes.get(id)?.max;
  const cond = (c, path) => compileCondition(ctx, c, path, nodeMax);
  const grades = compileGrades(ctx, source, cond);
  const gradeIndex2 = (name, path) => ctx.gradeIndex(name, path);
  const ruleIds = /* @__PURE__ */ new Map();
  const rules = { exclusions: [], vetoes: [], downgrades: [], caps: [] };
  (source.rules ?? []).forEach((r, i) => {
    const path = ["rules", i];
    uniqueId(ctx, ruleIds, r.id, "rule", path);
    const when = cond(r.when, [...path, "when"]);
    const base = { id: r.id, reason: r.reason, path };
    switch (r.kind) {
      case "veto": {
        const grade = r.grade === void 0 ? ctx.grades.length - 1 : gradeIndex2(r.grade, [...path, "grade"]);
        if (when && grade !== void 0)
          rules.vetoes.push({ ...base, kind: "veto", when, grade, zeroScore: r.score === "zero", unranked: r.ranking === "exclude" });
        break;
      }
      case "downgrade":
        if (when) rules.downgrades.push({ ...base, kind: "downgrade", when, levels: r.levels ?? 1 });
        break;
      case "cap": {
        const grade = gradeIndex2(r.grade, [...path, "grade"]);
        if (when && grade !== void 0) rules.caps.push({ ...base, kind: "cap", when, grade });
        break;
      }
      case "exclude":
        if (when) rules.exclusions.push({ ...base, kind: "exclude", when });
        break;
      default:
        unreachable(r, "rule kind");
    }
  });
  const quotaIds = new Map(ruleIds);
  const quotas = [];
  (source.quotas ?? []).forEach((q2, i) => {
    const path = ["quotas", i];
    uniqueId(ctx, quotaIds, q2.id, "rule or quota", path);
    const grade = gradeIndex2(q2.grade, [...path, "grade"]);
    if (grade !== void 0 && grade === ctx.grades.length - 1)
      ctx.error("QUOTA_LOWEST_GRADE", { quota: q2.id, grade: ctx.grades[grade] }, [...path, "grade"]);
    let share;
    if (q2.share !== void 0) {
      const fraction = typeof q2.share === "string" && q2.share.includes("/") ? q2.share.split("/").map((x) => dec(x.trim())) : void 0;
      share = fraction ? { numerator: fraction[0], denominator: fraction[1], text: q2.share.toString().replace(/\s/g, "") } : { numerator: dec(q2.share), denominator: dec(1), text: String(q2.share) };
      const value = share.numerator.div(share.denominator);
      if (value.lt(0) || value.gt(1)) ctx.error("QUOTA_SHARE_RANGE", { received: String(q2.share) }, [...path, "share"]);
    }
    if (grade !== void 0 && grade < ctx.grades.length - 1)
      quotas.push({
        id: q2.id,
        grade,
        ...share !== void 0 ? { share } : {},
        ...q2.count !== void 0 ? { count: q2.count } : {},
        scope: q2.scope ?? "all",
        rounding: q2.rounding ?? "floor",
        ties: q2.ties ?? "demote"
      });
  });
  const tieBreakers = [];
  (source.ranking?.tieBreakers ?? []).forEach((t, i) => {
    const value = tieBreakerValue(ctx, t.fact, ["ranking", "tieBreakers", i, "fact"], nodeMax);
    if (value) tieBreakers.push({ fact: t.fact, order: t.order ?? "desc", value });
  });
  const actionIds = /* @__PURE__ */ new Map();
  const actions = [];
  (source.actions ?? []).forEach((a, i) => {
    uniqueId(ctx, actionIds, a.id, "action", ["actions", i]);
    const when = a.when === void 0 ? void 0 : cond(a.when, ["actions", i, "when"]);
    if (a.when === void 0 || when) actions.push({ id: a.id, label: a.label ?? a.id, ...when ? { when } : {} });
  });
  const tierIds = /* @__PURE__ */ new Map();
  const tiers = [];
  (source.tiers ?? []).forEach((t, i) => {
    uniqueId(ctx, tierIds, t.id, "tier", ["tiers", i]);
    const when = t.when === void 0 ? void 0 : cond(t.when, ["tiers", i, "when"]);
    if (t.when !== void 0 && !when) return;
    if (t.when === void 0 && i !== (source.tiers?.length ?? 0) - 1)
      ctx.error("SCHEMA_CONSTRAINT", { reason: "tier-when-last" }, ["tiers", i]);
    tiers.push({ id: t.id, label: t.label ?? t.id, ...t.followUp ? { followUp: t.followUp } : {}, ...when ? { when } : {} });
  });
  for (const [i, t] of (source.tests ?? []).entries()) checkTestCase(ctx, t, ["tests", i], source.id);
  const within = source.feedback?.within ?? [tree.root.id];
  within.forEach((id, i) => {
    if (!tree.nodes.has(id)) ctx.error("REF_UNKNOWN_NODE", { id, ...didYouMean(id, tree.nodes.keys()) ? { didYouMean: didYouMean(id, tree.nodes.keys()) } : {} }, ["feedback", "within", i]);
  });
  if (ctx.issues.length > 0) return { issues: ctx.issues, warnings: ctx.warnings };
  const factors = totalFactors(tree.root);
  const feedbackItems = /* @__PURE__ */ new Map();
  const collect = (n2, inside) => {
    const here = inside || within.includes(n2.id);
    if (n2.type === "item") {
      if (here) feedbackItems.set(n2.id, factors.get(n2.id));
    } else for (const c of [...n2.children, ...n2.outside]) collect(c, here);
  };
  collect(tree.root, false);
  const rubric2 = {
    id: source.id,
    name: source.name,
    year: source.year,
    version: source.version,
    ...source.description ? { description: source.description } : {},
    ...options.file !== void 0 ? { file: options.file } : {},
    ...source.subject?.label ? { subjectLabel: source.subject.label } : {},
    ...source.subject?.group ? { groupLabel: source.subject.group } : {},
    ...source.subject?.id ? { idColumn: source.subject.id } : {},
    ...source.subject?.name ? { nameColumn: source.subject.name } : {},
    ignoredColumns: source.subject?.ignore ?? [],
    ...ctx.asOf !== void 0 ? { asOf: ctx.asOf } : {},
    ...source.rounding ? { rounding: { places: source.rounding.places, mode: source.rounding.mode ?? "half-up" } } : {},
    policy: { bandGaps: source.policy?.bandGaps ?? "lower", downgrades: source.policy?.downgrades ?? "sum" },
    inputs: ctx.inputs,
    grades,
    root: tree.root,
    nodes: tree.nodes,
    items: tree.items,
    rules,
    quotas,
    tieBreakers,
    actions,
    tiers,
    feedback: {
      problems: source.feedback?.problems ?? 3,
      highlights: source.feedback?.highlights ?? 3,
      commonShare: dec(source.feedback?.commonShare ?? "50%"),
      commonLoss: dec(source.feedback?.commonLoss ?? "10%"),
      items: feedbackItems
    },
    dependencies: ctx.dependencies,
    gradeReferences: ctx.gradeReferences,
    factInputs: ctx.factInputs,
    factNodes: ctx.factNodes,
    tests: (source.tests ?? []).map((t, i) => ({ ...t, ...t.expect ? { expect: keyedExpectations(t.expect) } : {}, path: ["tests", i] })),
    ...options.locate ? { locate: options.locate } : {}
  };
  return { rubric: sealRubric(rubric2), issues: [], warnings: ctx.warnings };
}
function markCeilings(ctx, n2) {
  let exceeds;
  if ("children" in n2) {
    const children = n2.children.map((c) => markCeilings(ctx, c));
    (n2.outside ?? []).forEach((c) => markCeilings(ctx, c));
    exceeds = n2.cap === void 0 && children.some(Boolean) || (n2.outside ?? []).length > 0;
    if (n2.limit !== void 0 && n2.limit !== null) ctx.ceilings.set(n2.id, dec(n2.limit));
  } else exceeds = n2.kind === "bonus" && (n2.outside ?? []).length > 0;
  if (exceeds) ctx.exceedsMax.add(n2.id);
  return exceeds && !ctx.ceilings.has(n2.id);
}
function totalFactors(root) {
  const out = /* @__PURE__ */ new Map();
  const visit2 = (n2, factor) => {
    out.set(n2.id, factor);
    if (n2.type !== "group") return;
    const inner = n2.maxBeforeNormalising;
    const base = n2.normalizeTo && inner && !inner.isZero() ? factor.times(n2.normalizeTo).div(inner) : factor;
    for (const c of n2.children) {
      const w = n2.combine === "weighted" ? c.weight : n2.combine === "mean" ? ONE.div(n2.children.length) : ONE;
      visit2(c, base.times(w));
    }
    for (const c of n2.outside) visit2(c, factor);
  };
  visit2(root, ONE);
  return out;
}
function keyedExpectations(expect) {
  const out = nullPrototype(expect);
  for (const [id, e] of Object.entries(out)) if (e.points) out[id] = { ...e, points: nullPrototype(e.points) };
  return out;
}
function uniqueId(ctx, seen, id, what, path) {
  const first = seen.get(id);
  if (first) ctx.error("REF_DUPLICATE_ID", { what, id, first: ctx.where(first) }, [...path, "id"]);
  else seen.set(id, path);
}
function compileGrades(ctx, source, cond) {
  const ids = /* @__PURE__ */ new Map();
  const declared = source.grades.map((g, i) => {
    const path = ["grades", i];
    uniqueId(ctx, ids, g.id, "grade", path);
    if (g.min !== void 0 && g.above !== void 0) ctx.error("SCHEMA_CONSTRAINT", { reason: "grade-min-and-above" }, path);
    if (g.max !== void 0 && g.below !== void 0) ctx.error("SCHEMA_CONSTRAINT", { reason: "grade-max-and-below" }, path);
    const lowerRaw = g.min ?? g.above;
    const upperRaw = g.max ?? g.below;
    if (lowerRaw === void 0 && i < source.grades.length - 1)
      ctx.error("SCHEMA_CONSTRAINT", { reason: "grade-lower-bound", grade: g.id }, path);
    return {
      ...lowerRaw !== void 0 ? { lower: { value: dec(lowerRaw), inclusive: g.min !== void 0 } } : {},
      ...upperRaw !== void 0 ? { upper: { value: dec(upperRaw), inclusive: g.max !== void 0 } } : {}
    };
  });
  const grades = source.grades.map((g, i) => {
    const path = ["grades", i];
    const own2 = declared[i];
    const better = declared[i - 1]?.lower;
    const upper = own2.upper ?? (better ? { value: better.value, inclusive: !better.inclusive } : void 0);
    const requires = g.requires === void 0 ? void 0 : cond(g.requires, [...path, "requires"]);
    return {
      id: g.id,
      label: g.label ?? g.id,
      ...own2.lower ? { lower: own2.lower } : {},
      ...upper ? { upper } : {},
      declared: own2,
      ...requires ? { requires } : {}
    };
  });
  for (let i = 0; i < grades.length; i++) {
    const g = grades[i];
    const prev = grades[i - 1];
    if (prev && g.lower && prev.lower && !g.lower.value.lt(prev.lower.value) && !(g.lower.value.eq(prev.lower.value) && !prev.lower.inclusive && g.lower.inclusive)) {
      ctx.error("BAND_ORDER", { id: g.id, threshold: g.lower.value.toFixed(), previous: prev.lower.value.toFixed() }, ["grades", i]);
      continue;
    }
    if (g.lower && g.upper && (g.upper.value.lt(g.lower.value) || g.upper.value.eq(g.lower.value) && !(g.upper.inclusive && g.lower.inclusive))) {
      ctx.error("RANGE_INVALID", { reason: "grade-empty-band", grade: g.id }, ["grades", i]);
      continue;
    }
    const other = grades.slice(0, i).find((better) => bandsOverlap(g, better));
    if (other) ctx.error("BAND_OVERLAP", { id: g.id, other: other.id }, ["grades", i]);
  }
  return grades;
}
function bandsOverlap(a, b) {
  const below = (upper, lower) => upper !== void 0 && lower !== void 0 && (upper.value.lt(lower.value) || upper.value.eq(lower.value) && !(upper.inclusive && lower.inclusive));
  return !below(a.upper, b.lower) && !below(b.upper, a.lower);
}
function checkTestCase(ctx, t, path, rubricId) {
  if (t.rubric !== void 0 && t.rubric !== rubricId) return;
  for (const [subject, e] of Object.entries(t.expect ?? {})) {
    for (const key of ["grade", "rawGrade"]) {
      const g = e[key];
      if (typeof g === "string") ctx.gradeIndex(g, [...path, "expect", subject, key]);
    }
    for (const id of Object.keys(e.points ?? {}))
      if (!ctx.nodeIds.has(id)) ctx.error("REF_UNKNOWN_NODE", { id }, [...path, "expect", subject, "points", id]);
  }
  if (!t.expect && !t.error) ctx.error("SCHEMA_CONSTRAINT", { reason: "test-expect-or-error" }, path);
}

// src/compile/link.ts
function linkRubrics(rubrics) {
  const issues = [];
  const at2 = (r, path) => {
    const source = r.locate?.(path);
    return { path, rubric: r.id, ...source ? { source } : {} };
  };
  const byId = /* @__PURE__ */ new Map();
  for (const r of rubrics) {
    if (byId.has(r.id)) issues.push(makeIssue("RUBRIC_DUPLICATE_ID", { id: r.id }, at2(r, ["id"])));
    else byId.set(r.id, r);
  }
  for (const r of rubrics) {
    for (const [dep, path] of r.dependencies)
      if (!byId.has(dep)) issues.push(makeIssue("REF_UNKNOWN_RUBRIC", { id: dep, loaded: [...byId.keys()] }, at2(r, path)));
    for (const ref of r.gradeReferences) {
      const target = byId.get(ref.rubric);
      if (!target) continue;
      const m = matchGrade(target.grades, ref.grade);
      if (!m) issues.push(makeIssue("REF_UNKNOWN_GRADE", { id: ref.grade, scale: target.grades.map((g) => g.id) }, at2(r, ref.path)));
      else if ("ambiguous" in m) issues.push(makeIssue("GRADE_NAME_AMBIGUOUS", { name: ref.grade, candidates: m.ambiguous.map((c) => `${c} of rubric "${target.id}"`), matches: m.matches, rubric: target.id }, at2(r, ref.path)));
    }
  }
  if (issues.length > 0) return { issues };
  const order2 = [];
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const visit2 = (r) => {
    const s2 = state.get(r.id);
    if (s2 === "done") return true;
    if (s2 === "visiting") {
      const cycle = [...stack.slice(stack.indexOf(r.id)), r.id];
      const closing = byId.get(stack[stack.length - 1]);
      issues.push(makeIssue("LINKAGE_CYCLE", { cycle }, at2(closing, closing.dependencies.get(r.id) ?? ["id"])));
      return false;
    }
    state.set(r.id, "visiting");
    stack.push(r.id);
    for (const dep of r.dependencies.keys()) if (!visit2(byId.get(dep))) return false;
    stack.pop();
    state.set(r.id, "done");
    order2.push(r);
    return true;
  };
  for (const r of rubrics) if (!visit2(r)) break;
  if (issues.length > 0) return { issues };
  return { set: { rubrics: order2 }, issues };
}

// src/diagnostics/arguments.ts
function describeValue(value) {
  if (value === void 0) return "undefined";
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return `a string (${showValue(value, 40)})`;
    case "number":
    case "boolean":
    case "bigint":
      return `a ${typeof value === "bigint" ? "BigInt" : typeof value} (${showValue(value, 40)})`;
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      break;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof Buffer !== "undefined" && Buffer.isBuffer(value)) return `a Buffer of ${value.length} bytes`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor?.name ?? "typed array"} of ${value.byteLength} bytes`;
  if (value instanceof Map) return "a Map";
  if (value instanceof Set) return "a Set";
  return Object.getPrototypeOf(value) === null ? "an object with no prototype" : "an object";
}
function badArgument(fn, argument, expected2, value, row) {
  return makeIssue("API_BAD_ARGUMENT", { fn, argument, expected: expected2, received: describeValue(value) }, { path: [argument], ...row !== void 0 ? { row } : {} });
}
function isOptionsObject(value) {
  return value === void 0 || typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/engine/tables.ts
var NO_GRADE = -1;
function appendTo(map, i, value) {
  const list2 = map.get(i);
  if (list2) list2.push(value);
  else map.set(i, [value]);
}
function copySparse(map) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of map) out.set(k, [...v]);
  return out;
}
var RowContext = class {
  constructor(rubric2, plan, table, log, linkedResults) {
    this.rubric = rubric2;
    this.plan = plan;
    this.table = table;
    this.log = log;
    this.linkedResults = linkedResults;
  }
  rubric;
  plan;
  table;
  log;
  linkedResults;
  row = 0;
  total;
  grade;
  rawGrade;
  ranks;
  /** Point at row i with its current total, grades and ranks (undefined before ranking). */
  at(i, total, grade, rawGrade, ranks) {
    this.row = i;
    this.total = total;
    this.grade = grade === NO_GRADE ? void 0 : grade;
    this.rawGrade = rawGrade === NO_GRADE ? void 0 : rawGrade;
    this.ranks = ranks;
    return this;
  }
  /** The subjects' ids, by row. */
  idsOf() {
    return this.ids ??= this.table.subjects.map((s2) => s2.id);
  }
  groupOf(i) {
    return this.table.subjects[i].group;
  }
  ids;
  get subject() {
    return this.table.subjects[this.row];
  }
  get group() {
    return this.subject.group;
  }
  get zeroItems() {
    return this.table.zeroItems[this.row];
  }
  get rank() {
    const r = this.ranks?.rank[this.row];
    return r ? { rank: r, of: this.ranks.of } : void 0;
  }
  get groupRank() {
    const r = this.ranks?.groupRank[this.row];
    return r ? { rank: r, of: this.ranks.groupOf[this.row] } : void 0;
  }
  input(name) {
    const s2 = this.subject;
    const inputs = this.table.inputs;
    const k = inputs.index.get(name);
    const v = k === void 0 ? void 0 : inputs.value(k, this.row);
    if (v === void 0 && s2.absent.has(name) && this.rubric.inputs.get(name)?.required) this.log.missingField(s2, name);
    return v;
  }
  points(nodeId) {
    return this.table.kept.get(nodeId)?.[this.row];
  }
  linked(rubricId) {
    return this.linkedResults.get(rubricId)?.get(this.subject.id);
  }
};

// src/engine/condition.ts
var LITERAL_CACHE = 1e4;
var literals = /* @__PURE__ */ new Map();
function literal(text) {
  const key = String(text);
  let d2 = literals.get(key);
  if (d2 === void 0) {
    if (literals.size >= LITERAL_CACHE) literals.clear();
    literals.set(key, d2 = dec(key));
  }
  return d2;
}
function testCondition(condition, ctx, probe) {
  return decide(condition.node, ctx, probe);
}
function decide(node, ctx, probe) {
  let outcome;
  switch (node.op) {
    case "all":
      outcome = true;
      for (const part of node.of)
        if (!decide(part, ctx, probe)) {
          outcome = false;
          break;
        }
      break;
    case "any":
      outcome = false;
      for (const part of node.of)
        if (decide(part, ctx, probe)) {
          outcome = true;
          break;
        }
      break;
    case "not":
      outcome = !decide(node.of, ctx, probe);
      break;
    case "fact":
      outcome = readFact(node.fact, ctx) === true;
      break;
    case "compare":
      outcome = compare(node, readFact(node.fact, ctx), ctx);
      break;
    default:
      return unreachable(node, "condition node");
  }
  probe?.(node, outcome);
  return outcome;
}
function readFact(fact, ctx) {
  switch (fact.kind) {
    case "total":
      return ctx.total;
    case "grade":
      return ctx.grade;
    case "rawGrade":
      return ctx.rawGrade;
    case "rank":
      return ctx.rank;
    case "groupRank":
      return ctx.groupRank;
    case "group":
      return ctx.group;
    case "zeroItems":
      return dec(ctx.zeroItems);
    case "span": {
      const v = ctx.input(fact.input);
      return typeof v === "string" ? dec((fact.unit === "months" ? monthsBetween : daysBetween)(v, fact.asOf)) : void 0;
    }
    case "score":
      return ctx.points(fact.node);
    case "ratio": {
      const p = ctx.points(fact.node);
      if (p === void 0 || fact.max === void 0) return void 0;
      const max2 = literal(fact.max);
      return max2.isZero() ? void 0 : p.div(max2);
    }
    case "input": {
      const v = ctx.input(fact.input);
      if (fact.scale === void 0) return v;
      if (typeof v !== "string") return void 0;
      const i = fact.scale.indexOf(v);
      return i < 0 ? void 0 : i;
    }
    case "linked": {
      const l2 = ctx.linked(fact.rubric);
      switch (fact.field) {
        case "score":
          return l2?.score;
        case "grade":
          return l2 && l2.grade !== null ? l2.scale.indexOf(l2.grade) : void 0;
        case "rank":
          return l2?.rank;
        case "excluded":
          return l2?.excluded;
        default:
          return unreachable(fact.field, "linked field");
      }
    }
    default:
      return unreachable(fact, "fact");
  }
}
function compare(node, v, ctx) {
  const { cmp, values } = node;
  switch (node.type) {
    case "boolean":
      return cmp === "ne" ? v !== void 0 && v !== values[0] : v === values[0];
    case "number":
      return isDec(v) && compareNumber(cmp, v, values);
    case "text":
      if (typeof v !== "string") return false;
      switch (cmp) {
        case "in":
        case "eq":
          return values.includes(v);
        case "notIn":
        case "ne":
          return !values.includes(v);
        default:
          return false;
      }
    case "date": {
      if (typeof v !== "string") return false;
      const [a, b] = values;
      switch (cmp) {
        case "between":
          return v >= a && v <= b;
        case "eq":
          return v === a;
        case "ne":
          return v !== a;
        case "lt":
          return v < a;
        case "lte":
          return v <= a;
        case "gt":
          return v > a;
        case "gte":
          return v >= a;
        default:
          return false;
      }
    }
    case "grade": {
      if (typeof v !== "number") return false;
      const targets = node.grades ?? linkedIndices(node, ctx);
      if (cmp === "in") return targets.includes(v);
      if (cmp === "notIn") return !targets.includes(v);
      const t = targets[0];
      if (t === void 0 || t < 0) return false;
      switch (cmp) {
        case "eq":
          return v === t;
        case "ne":
          return v !== t;
        case "worseThan":
          return v > t;
        case "betterThan":
          return v < t;
        case "atLeast":
          return v <= t;
        case "atMost":
          return v >= t;
        default:
          return false;
      }
    }
    case "rank": {
      const r = v;
      if (!r) return false;
      if (cmp === "top" || cmp === "bottom") {
        const n2 = literal(values[0]);
        const limit = node.share ? n2.times(r.of) : n2;
        return limit.gte(cmp === "top" ? r.rank : r.of - r.rank + 1);
      }
      return compareNumber(cmp, dec(r.rank), values);
    }
    default:
      return unreachable(node.type, "fact type");
  }
}
function compareNumber(cmp, v, values) {
  switch (cmp) {
    case "in":
      return values.some((x) => v.eq(literal(x)));
    case "notIn":
      return !values.some((x) => v.eq(literal(x)));
    case "between":
      return v.gte(literal(values[0])) && v.lte(literal(values[1]));
    case "eq":
      return v.eq(literal(values[0]));
    case "ne":
      return !v.eq(literal(values[0]));
    case "lt":
      return v.lt(literal(values[0]));
    case "lte":
      return v.lte(literal(values[0]));
    case "gt":
      return v.gt(literal(values[0]));
    case "gte":
      return v.gte(literal(values[0]));
    default:
      return false;
  }
}
function linkedIndices(node, ctx) {
  if (node.fact.kind !== "linked") return [];
  const l2 = ctx.linked(node.fact.rubric);
  if (!l2) return [];
  return node.values.map((id) => {
    const i = l2.scale.indexOf(id);
    return i < 0 ? l2.labels.indexOf(id) : i;
  });
}
function tieBreakerValue2(tie, ctx) {
  const v = readFact(tie.value.fact, ctx);
  switch (tie.value.type) {
    case "number":
      return isDec(v) ? v : void 0;
    case "rank":
      return v ? dec(v.rank) : void 0;
    case "grade":
      return typeof v === "number" ? dec(0 - v) : void 0;
    case "date":
      return typeof v === "string" ? dec(daysBetween("1970-01-01", v)) : void 0;
    case "boolean":
      return v === void 0 ? void 0 : dec(v === true ? 1 : 0);
    case "text":
      return void 0;
    default:
      return unreachable(tie.value.type, "tie-breaker type");
  }
}

// src/cohort/rank.ts
function compareIds(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareValues(a, b, order2) {
  if (a === void 0 || b === void 0) return a === b ? 0 : a === void 0 ? 1 : -1;
  return order2 === "desc" ? b.cmp(a) : a.cmp(b);
}
var UNSET = /* @__PURE__ */ Symbol("unset");
function rankStage(tieBreakers, v, ctx) {
  const n2 = v.grade.length;
  const ids = ctx.idsOf();
  const rank = new Int32Array(n2);
  const groupRank = new Int32Array(n2);
  const groupOf = new Int32Array(n2);
  const memo = tieBreakers.map(() => new Array(n2).fill(UNSET));
  let ranks;
  const value = (t, i) => {
    const x = memo[t][i];
    if (x !== UNSET) return x;
    const read = tieBreakerValue2(tieBreakers[t], ctx.at(i, v.total[i], v.grade[i], v.rawGrade[i], ranks));
    memo[t][i] = read;
    return read;
  };
  const keys = numericKeys(v);
  const breakTie = (a, b) => {
    for (let t = 0; t < tieBreakers.length; t++) {
      const c = compareValues(value(t, a), value(t, b), tieBreakers[t].order);
      if (c !== 0) return c;
    }
    return 0;
  };
  const compare2 = (a, b) => {
    const byTotal = keys ? keys[a] < keys[b] ? 1 : keys[a] > keys[b] ? -1 : 0 : v.total[b].cmp(v.total[a]);
    return byTotal !== 0 ? byTotal : breakTie(a, b);
  };
  const assign = (members, out) => {
    if (keys) sortByKey(members, keys, (a, b) => breakTie(a, b) || compareIds(ids[a], ids[b]));
    else members.sort((a, b) => compare2(a, b) || compareIds(ids[a], ids[b]));
    let r = 0;
    for (let k = 0; k < members.length; k++) {
      if (k === 0 || compare2(members[k - 1], members[k]) !== 0) r = k + 1;
      out[members[k]] = r;
    }
  };
  const eligible = [];
  for (let i = 0; i < n2; i++) if (!v.excluded[i] && !v.unranked[i] && v.total[i] !== void 0) eligible.push(i);
  assign(Uint32Array.from(eligible), rank);
  ranks = { rank, of: eligible.length, groupRank: new Int32Array(n2), groupOf: new Int32Array(n2) };
  for (const m of memo) m.fill(UNSET);
  const groups = /* @__PURE__ */ new Map();
  for (const i of eligible) {
    const g = ctx.groupOf(i);
    if (g === void 0) continue;
    const list2 = groups.get(g);
    if (list2) list2.push(i);
    else groups.set(g, [i]);
  }
  for (const list2 of groups.values()) {
    assign(Uint32Array.from(list2), groupRank);
    for (const i of list2) groupOf[i] = list2.length;
  }
  return { rank, of: eligible.length, groupRank, groupOf };
}
function sortByKey(members, keys, tie) {
  const m = members.length;
  if (m < 32) {
    members.sort((a, b) => (keys[a] < keys[b] ? 1 : keys[a] > keys[b] ? -1 : 0) || tie(a, b));
    return;
  }
  const sorted = new Float64Array(m);
  for (let k = 0; k < m; k++) sorted[k] = keys[members[k]];
  sorted.sort();
  const distinct = new Float64Array(m);
  let d2 = 0;
  for (let k = m - 1; k >= 0; k--) if (d2 === 0 || sorted[k] !== distinct[d2 - 1]) distinct[d2++] = sorted[k];
  const bucketOf = new Uint32Array(m);
  const start = new Uint32Array(d2 + 1);
  for (let k = 0; k < m; k++) {
    const x = keys[members[k]];
    let lo = 0;
    let hi = d2 - 1;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (distinct[mid] > x) lo = mid + 1;
      else hi = mid;
    }
    bucketOf[k] = lo;
    start[lo + 1]++;
  }
  for (let b = 1; b <= d2; b++) start[b] += start[b - 1];
  const next = start.slice(0, d2);
  const out = new Uint32Array(m);
  for (let k = 0; k < m; k++) out[next[bucketOf[k]]++] = members[k];
  for (let b = 0; b < d2; b++) {
    const from = start[b];
    const to = start[b + 1];
    let k = from + 1;
    while (k < to && tie(out[k - 1], out[k]) <= 0) k++;
    if (k < to) out.subarray(from, to).sort(tie);
  }
  members.set(out);
}
function numericKeys(v) {
  const n2 = v.total.length;
  let scale = 0;
  for (let i = 0; i < n2; i++) {
    const t = v.total[i];
    if (t === void 0) continue;
    const p = t.decimalPlaces();
    if (p > 15) return void 0;
    if (p > scale) scale = p;
  }
  const keys = new Float64Array(n2);
  for (let i = 0; i < n2; i++) {
    const t = v.total[i];
    if (t === void 0) continue;
    const k = t.scaled(scale);
    if (k === void 0) return void 0;
    keys[i] = k;
  }
  return keys;
}

// src/cohort/quota.ts
function applyQuotas(rubric2, v, ranks, ids, groups) {
  const warnings = [];
  if (rubric2.quotas.length === 0) return { verdicts: v, warnings };
  const grade = v.grade.slice();
  const adjustments = copySparse(v.adjustments);
  const graded = [];
  for (let i = 0; i < grade.length; i++) if (!v.excluded[i] && grade[i] !== NO_GRADE) graded.push(i);
  const rankNumber = (i) => ranks.rank[i] || Number.MAX_SAFE_INTEGER;
  for (let g = 0; g < rubric2.grades.length - 1; g++) {
    for (const quota of rubric2.quotas) {
      if (quota.grade !== g) continue;
      for (const [scope, members] of scopes(quota, graded, groups)) {
        const w = applyOne(rubric2, quota, scope, members, grade, v.moved, rankNumber, ids, adjustments);
        if (w) warnings.push(w);
      }
    }
  }
  return { verdicts: { ...v, grade, adjustments }, warnings };
}
function scopes(quota, graded, groups) {
  const out = /* @__PURE__ */ new Map();
  for (const i of graded) {
    const key = quota.scope === "all" ? "all" : `group ${groups[i] ?? "(none)"}`;
    const list2 = out.get(key);
    if (list2) list2.push(i);
    else out.set(key, [i]);
  }
  return out;
}
function limitOf(quota, size) {
  if (quota.count !== void 0) return quota.count;
  return roundToInteger(dec(size).times(quota.share.numerator).div(quota.share.denominator), quota.rounding);
}
function applyOne(rubric2, quota, scope, members, grade, moved, rankNumber, ids, adjustments) {
  const size = members.length;
  const limit = limitOf(quota, size);
  const holders = members.filter((i) => grade[i] === quota.grade);
  const fixed = holders.filter((i) => moved[i]);
  const competitors = holders.filter((i) => !moved[i]).sort((a, b) => rankNumber(a) - rankNumber(b) || compareIds(ids[a], ids[b]));
  const places2 = Math.max(0, limit - fixed.length);
  let admitted = Math.min(places2, competitors.length);
  if (admitted < competitors.length && admitted > 0) {
    const boundaryRank = rankNumber(competitors[admitted - 1]);
    if (rankNumber(competitors[admitted]) === boundaryRank) {
      if (quota.ties === "demote") while (admitted > 0 && rankNumber(competitors[admitted - 1]) === boundaryRank) admitted--;
      else while (admitted < competitors.length && rankNumber(competitors[admitted]) === boundaryRank) admitted++;
    }
  }
  const share = quota.share ? `${quota.share.text} of ${size}, ${quota.rounding}` : `count ${quota.count}`;
  const label = rubric2.grades[quota.grade].label;
  for (const i of competitors.slice(admitted)) {
    const from = grade[i];
    const to = from + 1;
    const rank = rankNumber(i);
    const tied = admitted < places2;
    appendTo(adjustments, i, {
      kind: "quota",
      rule: quota.id,
      from,
      to,
      reason: `${label} quota: at most ${limit} in ${scope} (${share})${fixed.length ? `, ${fixed.length} place(s) held by rule-set grades` : ""}; rank ${rank}${tied ? " tied at the boundary" : ""}`,
      numbers: { rank, limit, scopeSize: size, scope, admitted, ...fixed.length ? { heldByRules: fixed.length } : {} }
    });
    grade[i] = to;
  }
  return fixed.length > limit ? { quota: quota.id, scope, limit, holders: fixed.length } : void 0;
}

// src/report/trail-text.ts
var exact = (d2) => format(d2);
var ballotEn = (p, n2) => {
  switch (p.reason) {
    case "all-full":
      return "every score is full marks";
    case "same-score":
      return "every score is the same";
    default: {
      const band = [p.gte !== void 0 ? `\u2265 ${n2(p.gte)}` : "", p.lt !== void 0 ? `< ${n2(p.lt)}` : ""].filter(Boolean).join(" and ");
      return p.reason === "most" ? `${s(p.count)} scores ${band}, at most ${s(p.limit)} allowed` : `${s(p.count)} scores ${band}, at least ${s(p.limit)} required`;
    }
  }
};
var ballotZh = (p, n2) => {
  switch (p.reason) {
    case "all-full":
      return "\u5168\u90E8\u6253\u6EE1\u5206";
    case "same-score":
      return "\u5168\u90E8\u6253\u540C\u4E00\u5206\u6570";
    default: {
      const band = [p.gte !== void 0 ? `\u2265 ${n2(p.gte)}` : "", p.lt !== void 0 ? `< ${n2(p.lt)}` : ""].filter(Boolean).join(" \u4E14 ");
      return p.reason === "most" ? `${band} \u7684\u5206\u6570\u6709 ${s(p.count)} \u4E2A\uFF0C\u6700\u591A\u5141\u8BB8 ${s(p.limit)} \u4E2A` : `${band} \u7684\u5206\u6570\u53EA\u6709 ${s(p.count)} \u4E2A\uFF0C\u81F3\u5C11\u9700\u8981 ${s(p.limit)} \u4E2A`;
    }
  }
};
var ROUNDING_ZH = {
  "half-up": "\u56DB\u820D\u4E94\u5165",
  "half-even": "\u56DB\u820D\u516D\u5165\u4E94\u6210\u53CC",
  "half-down": "\u4E94\u820D\u516D\u5165",
  up: "\u8FDC\u79BB\u96F6\u8FDB\u4F4D",
  down: "\u622A\u5C3E",
  ceil: "\u5411\u4E0A\u53D6\u6574",
  floor: "\u5411\u4E0B\u53D6\u6574"
};
var VOTE_BASIS_ZH = { valid: "\u6709\u6548\u7968", "valid-and-abstain": "\u6709\u6548\u7968\u4E0E\u5F03\u6743\u7968", returned: "\u6536\u56DE\u7968", issued: "\u53D1\u51FA\u7968" };
var KEEP_ZH = { sum: "\u5408\u8BA1", max: "\u6700\u9AD8", min: "\u6700\u4F4E", first: "\u7B2C\u4E00\u6761" };
var zhOf = (table, v) => typeof v === "string" && Object.hasOwn(table, v) ? table[v] : s(v);
var NOTES_EN = {
  yesno: (p) => p.value ? "yes" : "no",
  level: (p, n2) => `level ${s(p.level)} \u2192 ${n2(p.points)}`,
  "zero-if": (p) => `${s(p.condition)}: the item scores 0`,
  "deduct-bound": (p, n2) => p.side === "floor" ? `deductions ${n2(p.deducted)} from ${n2(p.base)} stop at the floor ${n2(p.points)}` : `${n2(p.base)} \u2212 ${n2(p.deducted)} bounded to the max ${n2(p.points)}`,
  "bonus-cap": (p, n2) => `additions ${n2(p.added)} capped at ${n2(p.max)}`,
  "bound-net": (p, n2) => `net ${n2(p.net)} bounded to ${n2(p.points)}`,
  "ratio-percent": (p, n2) => `${n2(p.percent)}% \xD7 ${n2(p.max)}`,
  "ratio-pair": (p, n2) => `${n2(p.numerator)} / ${n2(p.denominator)} \xD7 ${n2(p.max)}`,
  "scale-zero": (p, n2) => `${n2(p.value)} below the threshold ${n2(p.threshold)}: the item scores 0`,
  "scale-base": (p, n2) => `${n2(p.value)} vs target ${n2(p.target)}: base ${n2(p.base)}`,
  "scale-steps": (p, n2) => `${n2(p.value)} vs target ${n2(p.target)}: ${n2(p.units)} step(s) of ${n2(p.unit)} \xD7 ${n2(p.points)} ${p.side === "add" ? "added" : "deducted"}`,
  band: (p, n2) => `${n2(p.value)} ${s(p.op)} ${n2(p.bound)} \u2192 ${n2(p.points)}`,
  "band-none": (p, n2) => `${n2(p.value)} below every band \u2192 ${n2(p.points)}`,
  rank: (p) => {
    const how = rec(p.how);
    const more = how.mode === "top" ? ` (within top ${how.top.times(100).toFixed()}%)` : how.mode === "first" ? " (first: full points)" : how.mode === "proportional" ? ` (${how.numerator.toFixed()} / ${how.denominator.toFixed()} of full points)` : "";
    return `position ${s(p.position)} of ${s(p.of)}${more}`;
  },
  panel: (p, n2) => {
    const trimmed = p.drop !== void 0 ? `, dropped ${s(p.drop)} highest and lowest of ${s(p.of)}` : "";
    const voids = list(p.voids).length ? `, void: ${list(p.voids).map((v) => `${s(rec(v).rater)} (${ballotEn(rec(rec(v).problem), n2)})`).join("; ")}` : "";
    return `mean ${n2(p.mean)} of ${s(p.count)} score(s)${trimmed}${voids}${p.weight !== void 0 ? ` \xD7 weight ${n2(p.weight)}` : ""}`;
  },
  "panel-not-trimmed": (p) => {
    const min2 = Number(p.min);
    const rule = p.rule === "above" ? `more than ${min2 - 1} (trim.above)` : p.rule === "minScores" ? `at least ${min2} (trim.minScores)` : `at least ${min2} (2 \xD7 drop + 1)`;
    return `not trimmed: ${s(p.count)} score(s), trimming needs ${rule}`;
  },
  votes: (p, n2) => `(${list(p.parts).map((x) => `${s(rec(x).level)} ${n2(rec(x).count)}\xD7${n2(rec(x).coefficient)}`).join(" + ")}) / ${n2(p.denominator)} (${s(p.basis)}) \xD7 ${n2(p.max)}`,
  periods: (p, n2) => `${s(p.aggregate)} of ${s(p.count)} periods: ${list(p.values).map(n2).join(", ")}`,
  carry: (p, n2) => `${n2(p.value)} \xD7 ${n2(p.percent)}% carried over`,
  "linked-scaled": (p, n2) => `${n2(p.score)} / ${n2(p.scaleFrom)} \xD7 ${n2(p.max)} from ${s(p.rubric)}`,
  linked: (p) => `score of ${s(p.rubric)}`,
  outside: (p, n2, locale) => `${noteText(rec(p.inner), locale, n2)} (outside the cap)`,
  limited: (p, n2, locale) => `${noteText(rec(p.inner), locale, n2)}, limited to ${n2(p.limit)}`,
  when: (p, n2) => `${s(p.condition)}: ${n2(p.points)}`,
  per: (p, n2) => `${n2(p.value)} \xD7 ${n2(p.points)}`,
  shortfall: (p, n2) => `${n2(p.missing)} short of ${n2(p.required)} \xD7 ${n2(p.points)}`,
  chosen: (p, n2) => `chosen ${list(p.values).map(n2).join(" + ")} (each within ${n2(p.low)}-${n2(p.high)})`,
  records: (p, n2) => {
    const d2 = rec(p.dedup);
    const dedup = p.dedup !== void 0 ? ` (${s(d2.records)} records, ${s(d2.kept)} after dedup by ${s(d2.key, "+")}, keep ${s(d2.keep)})` : "";
    return `${list(p.amounts).map(n2).join(" + ") || "no records"}${dedup}`;
  },
  round: (p, n2) => `${n2(p.raw)} rounded to ${s(p.places)} places (${s(p.mode)}): ${isDec(p.points) ? format(p.points, Number(p.places)) : s(p.points)}`,
  "absent-zero": (p) => `"${s(p.column)}" not given: read as ${p.empty ? "an empty list" : "0"} (missing: zero)`,
  "group-bound": (p, n2) => `${n2(p.value)} bounded to ${n2(p.bounded)}`,
  normalize: (p, n2) => `${n2(p.value)} / ${n2(p.full)} \xD7 ${n2(p.to)}`,
  limit: (p, n2) => `${n2(p.value)} limited to ${n2(p.limit)}`
};
var NOTES_ZH = {
  yesno: (p) => p.value ? '\u586B\u62A5\u4E3A"\u662F"' : '\u586B\u62A5\u4E3A"\u5426"',
  level: (p, n2) => `\u6863\u6B21${q(p.level)} \u2192 ${n2(p.points)} \u5206`,
  "zero-if": (p) => `${s(p.condition)}\uFF1A\u672C\u9879\u4E0D\u5F97\u5206`,
  "deduct-bound": (p, n2) => p.side === "floor" ? `\u57FA\u7840\u5206 ${n2(p.base)} \u5E94\u6263 ${n2(p.deducted)} \u5206\uFF0C\u6263\u81F3\u4E0B\u9650 ${n2(p.points)} \u5206\u4E3A\u6B62\uFF08\u6263\u5B8C\u4E3A\u6B62\uFF09` : `\u57FA\u7840\u5206 ${n2(p.base)} \u51CF ${n2(p.deducted)} \u8D85\u8FC7\u6EE1\u5206\uFF0C\u6309\u6EE1\u5206 ${n2(p.points)} \u8BA1`,
  "bonus-cap": (p, n2) => `\u52A0\u5206\u5408\u8BA1 ${n2(p.added)} \u5206\uFF0C\u8D85\u8FC7\u672C\u9879\u4E0A\u9650\uFF0C\u6309 ${n2(p.max)} \u5206\u8BA1\uFF08\u5C01\u9876\uFF09`,
  "bound-net": (p, n2) => p.side === "cap" ? `\u51C0\u52A0\u5206 ${n2(p.net)} \u8D85\u8FC7\u4E0A\u9650\uFF0C\u6309 ${n2(p.points)} \u5206\u8BA1\uFF08\u5C01\u9876\uFF09` : `\u51C0\u6263\u5206 ${n2(p.net)} \u8D85\u8FC7\u4E0B\u9650\uFF0C\u6309 ${n2(p.points)} \u5206\u8BA1\uFF08\u6263\u5B8C\u4E3A\u6B62\uFF09`,
  "ratio-percent": (p, n2) => `${n2(p.percent)}% \xD7 ${n2(p.max)}`,
  "ratio-pair": (p, n2) => `${n2(p.numerator)} / ${n2(p.denominator)} \xD7 ${n2(p.max)}`,
  "scale-zero": (p, n2) => `${n2(p.value)} \u4F4E\u4E8E\u4E0D\u5F97\u5206\u7EBF ${n2(p.threshold)}\uFF1A\u672C\u9879\u5F97 0 \u5206`,
  "scale-base": (p, n2) => `${n2(p.value)}\uFF0C\u76EE\u6807\u503C ${n2(p.target)}\uFF1A\u5F97\u57FA\u7840\u5206 ${n2(p.base)}`,
  "scale-steps": (p, n2) => `${n2(p.value)}\uFF0C\u76EE\u6807\u503C ${n2(p.target)}\uFF1A${n2(p.units)} \u4E2A\u6B65\u957F\uFF08\u6BCF\u6B65 ${n2(p.unit)}\uFF09\xD7 ${n2(p.points)} \u5206\uFF0C${p.side === "add" ? "\u52A0\u5206" : "\u6263\u5206"}`,
  band: (p, n2) => `${n2(p.value)} ${s(p.op)} ${n2(p.bound)} \u2192 ${n2(p.points)} \u5206`,
  "band-none": (p, n2) => `${n2(p.value)} \u4F4E\u4E8E\u5404\u6863 \u2192 ${n2(p.points)} \u5206`,
  rank: (p) => {
    const how = rec(p.how);
    const more = how.mode === "top" ? `\uFF0C\u4F4D\u4E8E\u524D ${how.top.times(100).toFixed()}%` : how.mode === "first" ? "\uFF0C\u7B2C\u4E00\u540D\u5F97\u6EE1\u5206" : how.mode === "proportional" ? `\uFF0C\u6309 ${how.numerator.toFixed()} / ${how.denominator.toFixed()} \u6298\u7B97\u6EE1\u5206` : "";
    return `\u7B2C ${s(p.position)} \u540D\uFF08\u5171 ${s(p.of)} \u4E2A\uFF09${more}`;
  },
  panel: (p, n2) => {
    const trimmed = p.drop !== void 0 ? `\uFF08${s(p.of)} \u4E2A\u5206\u6570\u53BB\u6389\u6700\u9AD8\u3001\u6700\u4F4E\u5404 ${s(p.drop)} \u4E2A\uFF09` : "";
    const voids = list(p.voids).length ? `\uFF0C\u4F5C\u5E9F\uFF1A${list(p.voids).map((v) => `${s(rec(v).rater)}\uFF08${ballotZh(rec(rec(v).problem), n2)}\uFF09`).join("\uFF1B")}` : "";
    return `${s(p.count)} \u4E2A\u5206\u6570\u7684\u5E73\u5747\u5206 ${n2(p.mean)}${trimmed}${voids}${p.weight !== void 0 ? ` \xD7 \u6743\u91CD ${n2(p.weight)}` : ""}`;
  },
  "panel-not-trimmed": (p) => {
    const min2 = Number(p.min);
    return `\u672A\u53BB\u6389\u6700\u9AD8\u6700\u4F4E\u5206\uFF1A\u53EA\u6709 ${s(p.count)} \u4E2A\u5206\u6570\uFF0C\u53BB\u6389\u6700\u9AD8\u6700\u4F4E\u5206\u9700\u8981${p.rule === "above" ? `\u591A\u4E8E ${min2 - 1} \u4E2A` : `\u81F3\u5C11 ${min2} \u4E2A`}`;
  },
  votes: (p, n2) => `\uFF08${list(p.parts).map((x) => `${s(rec(x).level)} ${n2(rec(x).count)}\xD7${n2(rec(x).coefficient)}`).join(" + ")}\uFF09\xF7 ${n2(p.denominator)}\uFF08${zhOf(VOTE_BASIS_ZH, p.basis)}\uFF09\xD7 ${n2(p.max)}`,
  periods: (p, n2) => `${s(p.count)} \u671F${p.aggregate === "sum" ? "\u5408\u8BA1" : "\u5E73\u5747"}\uFF1A${list(p.values).map(n2).join("\u3001")}`,
  carry: (p, n2) => `${n2(p.value)} \xD7 ${n2(p.percent)}%\uFF08\u7ED3\u8F6C\u4E0A\u5E74\u5F97\u5206\uFF09`,
  "linked-scaled": (p, n2) => `\u8003\u6838\u65B9\u6848${q(p.rubric)}\u5F97\u5206 ${n2(p.score)} / ${n2(p.scaleFrom)} \xD7 ${n2(p.max)}`,
  linked: (p) => `\u8003\u6838\u65B9\u6848${q(p.rubric)}\u7684\u5F97\u5206`,
  outside: (p, n2, locale) => `${noteText(rec(p.inner), locale, n2)}\uFF08\u4E0D\u5360\u672C\u9879\u5206\u503C\uFF09`,
  limited: (p, n2, locale) => `${noteText(rec(p.inner), locale, n2)}\uFF0C\u6B64\u9879\u6700\u591A ${n2(p.limit)} \u5206`,
  when: (p, n2) => `${s(p.condition)}\uFF1A${n2(p.points)} \u5206`,
  per: (p, n2) => `${n2(p.value)} \xD7 ${n2(p.points)} \u5206`,
  shortfall: (p, n2) => `\u6BD4\u8981\u6C42\u7684 ${n2(p.required)} \u5C11 ${n2(p.missing)}\uFF0C\xD7 ${n2(p.points)} \u5206`,
  chosen: (p, n2) => `\u914C\u60C5 ${list(p.values).map(n2).join(" + ")}\uFF08\u6BCF\u9879\u5728 ${n2(p.low)} \u81F3 ${n2(p.high)} \u4E4B\u95F4\uFF09`,
  records: (p, n2) => {
    const d2 = rec(p.dedup);
    const dedup = p.dedup !== void 0 ? `\uFF08${s(d2.records)} \u6761\u8BB0\u5F55\uFF0C\u6309 ${s(d2.key, "+")} \u53BB\u91CD\u540E ${s(d2.kept)} \u6761\uFF0C\u53D6${zhOf(KEEP_ZH, d2.keep)}\uFF09` : "";
    return `${list(p.amounts).map(n2).join(" + ") || "\u65E0\u8BB0\u5F55"}${dedup}`;
  },
  round: (p) => `\u6309${zhOf(ROUNDING_ZH, p.mode)}\u4FDD\u7559 ${s(p.places)} \u4F4D\u5C0F\u6570\uFF0C\u5F97 ${isDec(p.points) ? format(p.points, Number(p.places)) : s(p.points)}`,
  "absent-zero": (p) => `"${s(p.column)}"\u672A\u586B\u5199\uFF1A\u6309${p.empty ? "\u7A7A\u5217\u8868" : " 0 "}\u8BA1\uFF08missing: zero\uFF09`,
  "group-bound": (p, n2) => p.side === "cap" ? `${n2(p.value)} \u8D85\u8FC7\u4E0A\u9650\uFF0C\u6309 ${n2(p.bounded)} \u5206\u8BA1\uFF08\u5C01\u9876\uFF09` : `${n2(p.value)} \u4F4E\u4E8E\u4E0B\u9650\uFF0C\u6309 ${n2(p.bounded)} \u5206\u8BA1\uFF08\u6263\u5B8C\u4E3A\u6B62\uFF09`,
  normalize: (p, n2) => `${n2(p.value)} / ${n2(p.full)} \xD7 ${n2(p.to)}\uFF08\u6298\u7B97\uFF09`,
  limit: (p, n2) => `${n2(p.value)} \u8D85\u8FC7\u9650\u989D\uFF0C\u6309 ${n2(p.limit)} \u5206\u8BA1`
};
var TRAIL_NOTES = { en: NOTES_EN, "zh-CN": NOTES_ZH };
function noteText(note, locale = "en", num = exact) {
  const n2 = (v) => isDec(v) ? num(v) : s(v);
  const table = TRAIL_NOTES[locale] ?? NOTES_EN;
  const t = typeof note.key === "string" && Object.hasOwn(table, note.key) ? table[note.key] : void 0;
  return t ? t(note, n2, locale) : s(note.key);
}
function gradeNoteText(note, locale = "en", label = (g) => g) {
  if (locale === "zh-CN")
    switch (note.key) {
      case "skipped":
        return `\u6307\u6807${q(note.item)}\u4E0D\u9002\u7528\uFF1A${q(note.column)}\u6CA1\u6709\u6570\u503C\uFF08missing: skip\uFF09`;
      case "gap":
        return `\u5F97\u5206 ${note.score.toFixed()} \u843D\u5728\u4E24\u4E2A\u7B49\u6B21\u7684\u5206\u6570\u6BB5\u4E4B\u95F4\uFF1B\u6309 bandGaps: ${note.policy} \u5B9A\u4E3A${q(label(note.grade))}`;
      case "requires":
        return `\u4E0D\u7B26\u5408\u7B49\u6B21${q(label(note.grade))}\u7684\u9644\u52A0\u6761\u4EF6 ${note.condition}`;
    }
  switch (note.key) {
    case "skipped":
      return `item ${note.item} does not apply: no value for "${note.column}" (missing: skip)`;
    case "gap":
      return `score ${note.score.toFixed()} lies between bands; bandGaps: ${note.policy} \u2192 ${note.grade}`;
    case "requires":
      return `${note.grade} requires ${note.condition}: not met`;
  }
}

// src/report/result.ts
var NodeRecord = class _NodeRecord {
  #exact;
  constructor(fields, exact2) {
    Object.assign(this, fields);
    this.#exact = exact2;
  }
  static exact(n2) {
    return n2 instanceof _NodeRecord ? n2.#exact : void 0;
  }
};
var NO_NODES = Object.freeze([]);
var NO_NOTES = Object.freeze([]);
var EMPTY = Object.freeze([]);
var SubjectView = class {
  #tables;
  #ref;
  #source;
  /** The unit of row i of a rubric's tables, its fields read straight from the columns. */
  constructor(source, t, i) {
    const gradeIds = t.gradeIds;
    this.id = t.ids[i];
    if (t.names !== void 0 && t.names[i] !== void 0) this.name = t.names[i];
    if (t.groups !== void 0 && t.groups[i] !== void 0) this.group = t.groups[i];
    this.score = format(t.total[i], t.places);
    const excluded = t.excluded[i] === 1;
    const g = t.grade[i];
    const raw = t.rawGrade[i];
    this.grade = excluded || g === t.noGrade ? null : gradeIds[g];
    this.rawGrade = raw === t.noGrade ? null : gradeIds[raw];
    this.rank = t.rank[i] || null;
    this.groupRank = t.groupRank[i] || null;
    this.excluded = excluded;
    const adjustments = t.adjustments.size === 0 ? void 0 : t.adjustments.get(i);
    this.adjustments = adjustments === void 0 || adjustments.length === 0 ? EMPTY : adjustments.map((a) => ({ kind: a.kind, rule: a.rule, from: a.from === void 0 ? null : gradeIds[a.from], to: a.to === void 0 ? null : gradeIds[a.to], reason: a.reason, numbers: a.numbers }));
    this.actions = (t.actions.size === 0 ? void 0 : t.actions.get(i)) ?? EMPTY;
    this.tier = (t.tiers.size === 0 ? void 0 : t.tiers.get(i)) ?? null;
    if (source.level === "none") this.nodes = EMPTY;
    else Object.defineProperty(this, "nodes", LAZY_NODES);
    this.rules = (t.fired.size === 0 ? void 0 : t.fired.get(i)) ?? EMPTY;
    const notes = t.notes.size === 0 ? void 0 : t.notes.get(i);
    this.gradeNotes = notes === void 0 || notes.length === 0 ? EMPTY : notes.map((n2) => gradeNoteText(n2));
    this.#tables = t;
    this.#ref = i;
    this.#source = source.level === "none" ? void 0 : source;
  }
  static total(u) {
    return #tables in u ? u.#tables.total[u.#ref] : void 0;
  }
  static notes(u) {
    return #tables in u ? (u.#tables.notes.size === 0 ? void 0 : u.#tables.notes.get(u.#ref)) ?? NO_NOTES : void 0;
  }
  /** The trail, re-scored (`keep`: this is the read that keeps it, so the source is let go). */
  static nodes(u, keep) {
    const source = u.#source;
    if (!source) return NO_NODES;
    if (keep) u.#source = void 0;
    return trailNodes(source.rubric, source.rescore(u.#ref), source.level);
  }
  static isView(u) {
    return #source in u;
  }
};
var LAZY_NODES = Object.freeze({
  enumerable: true,
  configurable: true,
  get() {
    const nodes = SubjectView.nodes(this, true);
    Object.defineProperty(this, "nodes", { value: nodes, enumerable: true, configurable: true, writable: true });
    return nodes;
  },
  set(value) {
    Object.defineProperty(this, "nodes", { value, enumerable: true, configurable: true, writable: true });
  }
});
var unitSources = /* @__PURE__ */ new WeakMap();
function defineLazyUnits(result, source, tables, order2) {
  unitSources.set(result, { source, tables, order: order2 });
  Object.defineProperty(result, "units", LAZY_UNITS);
}
var LAZY_UNITS = Object.freeze({
  enumerable: true,
  configurable: true,
  get() {
    const from = unitSources.get(this);
    const units = [];
    if (from) {
      const { source, tables, order: order2 } = from;
      for (let k = 0; k < order2.length; k++) units.push(new SubjectView(source, tables, order2[k]));
      unitSources.delete(this);
    }
    Object.defineProperty(this, "units", { value: units, enumerable: true, configurable: true, writable: true });
    return units;
  },
  set(value) {
    unitSources.delete(this);
    Object.defineProperty(this, "units", { value, enumerable: true, configurable: true, writable: true });
  }
});
function trailNodes(rubric2, scores, trail) {
  const nodes = [];
  const walk = (node, depth, parent) => {
    const score = scores.get(node.id);
    if (!score) return;
    const places2 = depth === 0 ? rubric2.rounding?.places ?? node.round?.places : node.round?.places;
    const lost = score.max.minus(score.points);
    const fields = {
      id: node.id,
      label: node.label,
      type: node.type,
      kind: node.type === "item" ? node.method.kind : node.combine,
      depth,
      parent,
      points: format(score.points, places2),
      max: format(score.max),
      lost: lost.gt(0) ? format(lost) : "0",
      ...node.weight ? { weight: format(node.weight) } : {},
      lines: trail === "full" ? score.lines.map((l2) => {
        const note = l2.note();
        const out = { entry: l2.entry, label: l2.label, amount: format(l2.amount), detail: noteText(note) };
        lineNotes.set(out, { note, amount: l2.amount });
        return out;
      }) : []
    };
    const exact2 = { points: score.points, max: score.max, lost: lost.gt(0) ? lost : ZERO };
    nodes.push(new NodeRecord(fields, exact2));
    if (node.type === "group") {
      for (const c of node.children) walk(c, depth + 1, node.id);
      for (const c of node.outside) walk(c, depth + 1, node.id);
    }
  };
  walk(rubric2.root, 0, null);
  return nodes;
}
var lineNotes = /* @__PURE__ */ new WeakMap();

// src/engine/cohort-inputs.ts
function computeCohortInputs(rubric2, subjects3) {
  const rankPoints = /* @__PURE__ */ new Map();
  const voidRaters = /* @__PURE__ */ new Map();
  for (const item of rubric2.items) {
    if (item.method.kind === "rank") rankPoints.set(item.id, placeByRank(rubric2, item, subjects3));
    if (item.method.kind === "panel" && (item.method.invalidBallots.length > 0 || item.method.ballotLimits.length > 0))
      voidRaters.set(item.id, findVoidBallots(item, subjects3));
  }
  return { rankPoints, voidRaters };
}
function placeByRank(rubric2, item, subjects3) {
  const m = item.method;
  if (m.kind !== "rank") throw new Error("unreachable");
  const policy = item.missing ?? rubric2.inputs.get(m.input)?.missing ?? "error";
  const entries = subjects3.map((s2) => ({ id: s2.id, value: s2.absent.has(m.input) ? policy === "zero" ? ZERO : void 0 : s2.values.get(m.input) })).filter((e) => e.value !== void 0);
  entries.sort((a, b) => m.order === "desc" ? b.value.cmp(a.value) : a.value.cmp(b.value));
  const n2 = entries.length;
  const out = /* @__PURE__ */ new Map();
  let position = 0;
  entries.forEach((e, i) => {
    if (i === 0 || !e.value.eq(entries[i - 1].value)) position = i + 1;
    let points = m.otherwise;
    let how;
    if (m.positions) {
      points = m.positions[position - 1] ?? m.otherwise;
    } else if (m.percentiles) {
      const band = m.percentiles.find((p) => p.top.times(n2).gte(position));
      if (band) {
        points = band.points;
        how = { mode: "top", top: band.top };
      }
    } else if (m.proportionalTop !== void 0 && position <= m.proportionalTop) {
      const first = entries[0].value;
      const [numerator, denominator] = m.order === "desc" ? [e.value, first] : [first, e.value];
      points = position === 1 ? item.max : item.max.times(numerator).div(denominator);
      how = position === 1 ? { mode: "first" } : { mode: "proportional", numerator, denominator };
    }
    out.set(e.id, { position, of: n2, points, ...how ? { how } : {} });
  });
  return out;
}
function findVoidBallots(item, subjects3) {
  const m = item.method;
  if (m.kind !== "panel") throw new Error("unreachable");
  const out = /* @__PURE__ */ new Map();
  for (const group of m.groups) {
    const ballots = /* @__PURE__ */ new Map();
    for (const s2 of subjects3) {
      const sheet = s2.values.get(group.input);
      if (!sheet) continue;
      sheet.raters.forEach((rater, i) => {
        if (rater === null) return;
        const list2 = ballots.get(rater) ?? [];
        list2.push(sheet.values[i]);
        ballots.set(rater, list2);
      });
    }
    const voided = /* @__PURE__ */ new Map();
    for (const [rater, scores] of ballots) {
      const reason = ballotProblem(scores, item.max, m.invalidBallots, m.ballotLimits);
      if (reason) voided.set(rater, reason);
    }
    out.set(group.id, voided);
  }
  return out;
}
function ballotProblem(scores, max2, rules, limits) {
  if (rules.includes("all-full") && scores.every((s2) => s2.eq(max2))) return { reason: "all-full" };
  if (rules.includes("same-score") && scores.length > 1 && scores.every((s2) => s2.eq(scores[0]))) return { reason: "same-score" };
  for (const l2 of limits) {
    const inBand2 = scores.filter((s2) => (l2.gte === void 0 || s2.gte(l2.gte)) && (l2.lt === void 0 || s2.lt(l2.lt))).length;
    const band = { ...l2.gte !== void 0 ? { gte: l2.gte } : {}, ...l2.lt !== void 0 ? { lt: l2.lt } : {} };
    if (l2.most !== void 0 && inBand2 > l2.most) return { reason: "most", count: inBand2, limit: l2.most, ...band };
    if (l2.least !== void 0 && inBand2 < l2.least) return { reason: "least", count: inBand2, limit: l2.least, ...band };
  }
  return void 0;
}

// src/engine/grade.ts
function inBand(g, score) {
  if (g.lower && !(g.lower.inclusive ? score.gte(g.lower.value) : score.gt(g.lower.value))) return false;
  if (g.upper && !(g.upper.inclusive ? score.lte(g.upper.value) : score.lt(g.upper.value))) return false;
  return true;
}
function bandBelow(g, score) {
  return g.upper !== void 0 && (g.upper.inclusive ? g.upper.value.lt(score) : g.upper.value.lte(score));
}
function bandAbove(g, score) {
  return g.lower !== void 0 && (g.lower.inclusive ? g.lower.value.gt(score) : g.lower.value.gte(score));
}
function gradeIndex(rubric2, score, ctx, notes) {
  const grades = rubric2.grades;
  let index = -1;
  for (let g = 0; g < grades.length && index < 0; g++) if (inBand(grades[g], score)) index = g;
  if (index < 0) {
    if (rubric2.policy.bandGaps === "lower") index = grades.findIndex((g) => bandBelow(g, score));
    else if (rubric2.policy.bandGaps === "higher") index = grades.findLastIndex((g) => bandAbove(g, score));
    if (index < 0) return void 0;
    notes.push({ key: "gap", score, policy: rubric2.policy.bandGaps, grade: grades[index].id });
  }
  while (index < grades.length - 1 && grades[index].requires && !testCondition(grades[index].requires, ctx)) {
    notes.push({ key: "requires", grade: grades[index].id, condition: grades[index].requires.text });
    index++;
  }
  return index;
}
function gradeStage(rubric2, table, ctx, log) {
  const n2 = table.subjects.length;
  const raw = new Int32Array(n2).fill(NO_GRADE);
  const notes = /* @__PURE__ */ new Map();
  const found = [];
  for (let i = 0; i < n2; i++) {
    const total = table.total[i];
    if (total === void 0) continue;
    found.length = 0;
    const grade = gradeIndex(rubric2, total, ctx.at(i, total, NO_GRADE, NO_GRADE), found);
    if (grade === void 0) log.fail(table.subjects[i], "EVAL_NO_GRADE", { score: total.toFixed() });
    else raw[i] = grade;
    const skipped = table.skipped.get(i);
    if (skipped || found.length) notes.set(i, [...(skipped ?? []).map((k) => ({ key: "skipped", item: k.item, column: k.column })), ...found]);
  }
  return { raw, notes };
}

// src/engine/rules.ts
var gradeId = (r, i) => i === void 0 ? null : r.grades[i].id;
function initialVerdicts(table, raw) {
  const n2 = table.subjects.length;
  return { grade: raw.slice(), rawGrade: raw, total: table.total, excluded: new Uint8Array(n2), unranked: new Uint8Array(n2), moved: new Uint8Array(n2), adjustments: /* @__PURE__ */ new Map(), fired: /* @__PURE__ */ new Map() };
}
var Draft = class {
  constructor(from) {
    this.from = from;
    this.grade = from.grade.slice();
    this.total = [...from.total];
    this.excluded = from.excluded.slice();
    this.unranked = from.unranked.slice();
    this.moved = from.moved.slice();
    this.adjustments = copySparse(from.adjustments);
    this.fired = copySparse(from.fired);
  }
  from;
  grade;
  total;
  excluded;
  unranked;
  moved;
  adjustments;
  fired;
  done() {
    return { grade: this.grade, rawGrade: this.from.rawGrade, total: this.total, excluded: this.excluded, unranked: this.unranked, moved: this.moved, adjustments: this.adjustments, fired: this.fired };
  }
  record(i, rule, kind, from, to, numbers, forceChanged = false) {
    const changed = from !== to || forceChanged;
    appendTo(this.fired, i, { rule: rule.id, kind, condition: rule.when.text, changed });
    if (!changed) return;
    this.moved[i] = 1;
    appendTo(this.adjustments, i, { kind, rule: rule.id, from, to, reason: rule.reason, numbers });
  }
};
function applyEarlyRules(rubric2, v, ctx) {
  const { exclusions, vetoes } = rubric2.rules;
  if (exclusions.length === 0 && vetoes.length === 0) return v;
  const d2 = new Draft(v);
  for (let i = 0; i < d2.grade.length; i++) {
    if (d2.total[i] === void 0) continue;
    for (const rule of exclusions) {
      if (!testCondition(rule.when, ctx.at(i, d2.total[i], d2.grade[i], v.rawGrade[i]))) continue;
      d2.excluded[i] = 1;
      d2.record(i, rule, "exclusion", d2.grade[i], void 0, {});
      d2.grade[i] = NO_GRADE;
      break;
    }
    if (d2.excluded[i]) continue;
    for (const rule of vetoes) {
      if (rule.kind !== "veto" || !testCondition(rule.when, ctx.at(i, d2.total[i], d2.grade[i], v.rawGrade[i]))) continue;
      const from = d2.grade[i];
      const to = Math.max(from, rule.grade);
      const numbers = {};
      if (rule.zeroScore) {
        numbers.scoreBefore = d2.total[i].toFixed();
        d2.total[i] = ZERO;
      }
      if (rule.unranked) d2.unranked[i] = 1;
      d2.record(i, rule, "veto", from, to, numbers, rule.zeroScore || rule.unranked);
      d2.grade[i] = to;
    }
  }
  return d2.done();
}
function applyLateRules(rubric2, v, ranks, ctx) {
  const { downgrades, caps } = rubric2.rules;
  if (downgrades.length === 0 && caps.length === 0) return v;
  const d2 = new Draft(v);
  const last = rubric2.grades.length - 1;
  for (let i = 0; i < d2.grade.length; i++) {
    if (d2.excluded[i] || d2.total[i] === void 0) continue;
    let matched;
    for (const r of downgrades) if (testCondition(r.when, ctx.at(i, d2.total[i], d2.grade[i], v.rawGrade[i], ranks))) (matched ??= []).push(r);
    const applied = matched && rubric2.policy.downgrades === "max" && matched.length > 1 ? [matched.reduce((best, r) => levels(r) > levels(best) ? r : best)] : matched;
    for (const rule of matched ?? []) {
      if (!applied.includes(rule)) {
        appendTo(d2.fired, i, { rule: rule.id, kind: "downgrade", condition: rule.when.text, changed: false });
        continue;
      }
      const from = d2.grade[i];
      const to = Math.min(last, from + levels(rule));
      d2.record(i, rule, "downgrade", from, to, { levels: levels(rule) });
      d2.grade[i] = to;
    }
    for (const rule of caps) {
      if (rule.kind !== "cap" || !testCondition(rule.when, ctx.at(i, d2.total[i], d2.grade[i], v.rawGrade[i], ranks))) continue;
      const from = d2.grade[i];
      const to = Math.max(from, rule.grade);
      d2.record(i, rule, "cap", from, to, { cap: gradeId(rubric2, rule.grade) });
      d2.grade[i] = to;
    }
  }
  return d2.done();
}
function levels(r) {
  return r.kind === "downgrade" ? r.levels : 0;
}
function actionStage(rubric2, v, ranks, ctx) {
  const actions = /* @__PURE__ */ new Map();
  const tiers = /* @__PURE__ */ new Map();
  if (rubric2.actions.length === 0 && rubric2.tiers.length === 0) return { actions, tiers };
  const actionEntries = rubric2.actions.map((a) => Object.freeze({ id: a.id, label: a.label }));
  const tierEntries = rubric2.tiers.map((tier) => Object.freeze({ id: tier.id, label: tier.label, ...tier.followUp ? { followUp: tier.followUp } : {} }));
  for (let i = 0; i < v.grade.length; i++) {
    if (v.excluded[i] || v.total[i] === void 0) continue;
    ctx.at(i, v.total[i], v.grade[i], v.rawGrade[i], ranks);
    for (let k = 0; k < rubric2.actions.length; k++) {
      const a = rubric2.actions[k];
      if (!a.when || testCondition(a.when, ctx)) appendTo(actions, i, actionEntries[k]);
    }
    for (let k = 0; k < rubric2.tiers.length; k++) {
      const tier = rubric2.tiers[k];
      if (tier.when && !testCondition(tier.when, ctx)) continue;
      tiers.set(i, tierEntries[k]);
      break;
    }
  }
  return { actions, tiers };
}

// src/plan/numeric.ts
var DEFAULT_INPUT_SCALE = 6;
var MAX_SCALE2 = 15;
var SAFE = dec(Number.MAX_SAFE_INTEGER);
var places = (d2) => d2.decimalPlaces();
var at = (d2, scale) => d2.scaled(scale);
var pow10 = (k) => 10 ** k;
var absMax = (...ds) => ds.reduce((a, b) => b.abs().gt(a) ? b.abs() : a, dec(0));
function inputScale(spec) {
  if (!spec || spec.type !== "number" && spec.type !== "count" && spec.type !== "ratio") return void 0;
  return spec.places ?? DEFAULT_INPUT_SCALE;
}
function fits(bound2, scale) {
  return scale <= MAX_SCALE2 && bound2.times(dec(pow10(scale))).lte(SAFE);
}
function itemNumeric(rubric2, item) {
  const m = item.method;
  const dec_ = (reason) => ({ path: "dec", reason });
  let scale;
  let bound2;
  let form;
  switch (m.kind) {
    case "input": {
      const spec = rubric2.inputs.get(m.input);
      const s2 = inputScale(spec);
      if (s2 === void 0 || !spec || !("max" in spec) || spec.max === void 0 || spec.min === void 0) return dec_("an input without a declared range");
      scale = s2;
      bound2 = absMax(spec.min, spec.max);
      form = { kind: "input", input: m.input, inputScale: s2 };
      break;
    }
    case "ratio": {
      if (m.input === void 0) return dec_("a ratio of two inputs (a division)");
      const spec = rubric2.inputs.get(m.input);
      const s2 = inputScale(spec);
      if (s2 === void 0 || !spec || !("max" in spec) || spec.max === void 0 || spec.min === void 0) return dec_("an input without a declared range");
      scale = s2 + places(item.max);
      bound2 = absMax(spec.min, spec.max).times(item.max.abs());
      form = { kind: "ratio", input: m.input, inputScale: s2, max: at(item.max, places(item.max)) };
      break;
    }
    case "yesno":
      scale = Math.max(places(m.yes), places(m.no));
      bound2 = absMax(m.yes, m.no);
      form = { kind: "yesno", input: m.input, yes: at(m.yes, scale), no: at(m.no, scale) };
      break;
    case "levels": {
      const values = [...m.levels.values()];
      scale = Math.max(0, ...values.map(places));
      bound2 = absMax(...values);
      form = { kind: "levels", input: m.input, levels: new Map([...m.levels].map(([k, v]) => [k, at(v, scale)])) };
      break;
    }
    case "bands": {
      const values = [...m.bands.map((b) => b.points), m.otherwise];
      scale = Math.max(0, ...values.map(places));
      bound2 = absMax(...values);
      form = { kind: "bands", input: m.input, points: m.bands.map((b) => at(b.points, scale)), otherwise: at(m.otherwise, scale) };
      break;
    }
    case "periods": {
      const spec = rubric2.inputs.get(m.input);
      if (!spec || spec.type !== "series" || spec.min === void 0 || spec.max === void 0) return dec_("an input without a declared range");
      const count = dec(m.count);
      const k = m.aggregate === "sum" ? 0 : dec(1).div(count).decimalPlaces();
      if (!Number.isFinite(k)) return dec_("a mean over a count whose share does not terminate (a division)");
      scale = DEFAULT_INPUT_SCALE + k;
      const total = absMax(spec.min, spec.max).times(dec(Math.max(spec.length, m.count)));
      bound2 = m.aggregate === "sum" ? total : total.div(count);
      if (!fits(total, scale)) return dec_("a bound beyond 2^53 at its scale");
      form = { kind: "periods", input: m.input, inputScale: DEFAULT_INPUT_SCALE, factor: m.aggregate === "sum" ? 1 : at(dec(1).div(count), k) };
      break;
    }
    case "deduct": {
      const consts = [m.base, m.floor, item.max];
      const parts = consts.map(places);
      for (const e of m.entries) {
        if (e.max) parts.push(places(e.max));
        if (e.type === "when") parts.push(places(e.points));
        else if (e.type === "per" || e.type === "shortfall") {
          const s2 = inputScale(rubric2.inputs.get(e.input));
          if (s2 === void 0) return dec_("a deduction over an input that is not a number");
          parts.push(s2 + places(e.points));
          if (e.type === "shortfall") parts.push(places(e.required) + places(e.points));
        } else return dec_(`a ${e.type} entry`);
      }
      scale = Math.max(...parts);
      if (scale > MAX_SCALE2) return dec_("more than 15 decimals");
      bound2 = absMax(...consts);
      form = {
        kind: "deduct",
        base: at(m.base, scale),
        floor: at(m.floor, scale),
        max: at(item.max, scale),
        entries: m.entries.map((e) => {
          const max2 = e.max ? { max: at(e.max, scale) } : {};
          if (e.type === "when") return { type: "when", points: at(e.points, scale), ...max2 };
          const s2 = inputScale(rubric2.inputs.get(e.input));
          if (e.type === "per") return { type: "per", input: e.input, inputScale: s2, points: at(e.points, places(e.points)), align: pow10(scale - s2 - places(e.points)), ...max2 };
          const sh = e;
          const rs = Math.max(s2, places(sh.required));
          return { type: "shortfall", input: sh.input, inputScale: rs, required: at(sh.required, rs), points: at(sh.points, places(sh.points)), align: pow10(scale - rs - places(sh.points)), ...max2 };
        })
      };
      for (const e of m.entries)
        if (e.type === "shortfall") {
          const rs = Math.max(inputScale(rubric2.inputs.get(e.input)), places(e.required));
          if (rs + places(e.points) > scale) return dec_("more than 15 decimals");
        }
      break;
    }
    default:
      return dec_(`a ${m.kind} item`);
  }
  const withRound = rounding(item, scale, bound2);
  if (!fits(withRound.bound, scale)) return dec_(scale > MAX_SCALE2 ? "more than 15 decimals" : "a bound beyond 2^53 at its scale");
  return { path: "int", scale, bound: withRound.bound, item: form, ...withRound.round ? { round: withRound.round } : {} };
}
function rounding(node, scale, bound2) {
  if (!node.round || node.round.places >= scale) return { bound: bound2 };
  return { bound: bound2.plus(dec(1).div(pow10(node.round.places))), round: { divisor: pow10(scale - node.round.places), mode: node.round.mode } };
}
function groupNumeric(g, children, outside) {
  const dec_ = (reason) => ({ path: "dec", reason });
  if (g.combine === "mean") return dec_("a mean (a division)");
  if (g.weightSum) return dec_("ratio weights whose shares do not terminate (a division)");
  if (g.normalizeTo) return dec_("normalizeTo (a division)");
  const all = [...children, ...outside];
  if (all.some((c) => c.path === "dec")) return dec_("a child computed in Dec");
  const ints = all;
  const weighted = g.combine === "weighted";
  const weightScale = weighted ? Math.max(0, ...g.children.map((c) => places(c.weight))) : 0;
  const consts = [g.floor, g.cap, g.limit ?? void 0].filter((d2) => d2 !== void 0);
  const childScales = ints.map((c, k) => c.scale + (weighted && k < children.length ? weightScale : 0));
  const scale = Math.max(0, ...childScales, ...consts.map(places));
  if (scale > MAX_SCALE2) return dec_("more than 15 decimals");
  let inner = dec(0);
  ints.forEach((c, k) => {
    inner = inner.plus(weighted && k < children.length ? c.bound.times(g.children[k].weight.abs()) : c.bound);
  });
  let bound2 = absMax(inner, ...consts);
  if (g.combine === "max") bound2 = absMax(bound2, dec(0));
  const withRound = rounding(g, scale, bound2);
  if (!fits(withRound.bound, scale)) return dec_("a bound beyond 2^53 at its scale");
  const group = {
    align: ints.map((_, k) => pow10(scale - childScales[k])),
    ...weighted ? { weights: g.children.map((c) => at(c.weight, weightScale)) } : {},
    ...g.floor ? { floor: at(g.floor, scale) } : {},
    ...g.cap ? { cap: at(g.cap, scale) } : {},
    ...g.limit ? { limit: at(g.limit, scale) } : {}
  };
  return { path: "int", scale, bound: withRound.bound, group, ...withRound.round ? { round: withRound.round } : {} };
}

// src/plan/plan.ts
var plans = /* @__PURE__ */ new WeakMap();
function planOf(rubric2) {
  let plan = plans.get(rubric2);
  if (!plan) plans.set(rubric2, plan = buildPlan(rubric2));
  return plan;
}
function buildPlan(rubric2) {
  const nodes = [];
  const index = /* @__PURE__ */ new Map();
  const keptIds = /* @__PURE__ */ new Set([rubric2.root.id, ...rubric2.factNodes]);
  const visit2 = (node) => {
    let children = [];
    let outside = [];
    if (node.type === "group") {
      children = node.children.map(visit2);
      outside = node.outside.map(visit2);
    }
    const mayNotApply = node.only !== void 0 || (node.type === "item" ? skippable(rubric2, node) : children.every((c) => nodes[c].mayNotApply));
    const varies = (c) => nodes[c].mayNotApply || nodes[c].node.type === "group" && nodes[c].fixedMax === void 0;
    const fixedMax = node.type === "group" && !children.some(varies) ? groupFull(node, children.map((c) => nodes[c].fixedMax ?? nodes[c].node.max), node.children) : void 0;
    const numeric = node.type === "item" ? itemNumeric(rubric2, node) : groupNumeric(
      node,
      children.map((c) => nodes[c].numeric),
      outside.map((c) => nodes[c].numeric)
    );
    const self = nodes.length;
    nodes.push({ index: self, node, parent: -1, children, outside, fixedMax, mayNotApply, kept: keptIds.has(node.id), numeric, dot: void 0, folded: false });
    index.set(node.id, self);
    return self;
  };
  const root = visit2(rubric2.root);
  for (const n2 of nodes) for (const c of [...n2.children, ...n2.outside]) nodes[c].parent = n2.index;
  const countedItems = [];
  for (const item of rubric2.items) if (item.method.kind !== "bonus" && item.method.kind !== "adjust") countedItems.push(index.get(item.id));
  foldDotProducts(nodes);
  const ints = nodes.filter((n2) => n2.numeric.path === "int");
  const columns = ints.length > 0 && !ints.some((n2) => nodeConditions(n2.node).some(readsPoints));
  return { nodes, root, index, kept: nodes.filter((n2) => n2.kept).map((n2) => n2.index), countedItems, columns };
}
function isDotGroup(p) {
  return p.node.type === "group" && (p.node.combine === "sum" || p.node.combine === "weighted") && p.numeric.path === "int";
}
function foldDotProducts(nodes) {
  const MAX3 = Number.MAX_SAFE_INTEGER;
  for (const p of nodes) {
    if (!isDotGroup(p)) continue;
    const g = p.numeric.group;
    const terms = [];
    const coef = [];
    p.children.forEach((c, k) => {
      const a = (g.weights ? g.weights[k] : 1) * g.align[k];
      const child = nodes[c];
      if (child.folded && child.dot) {
        child.dot.nodes.forEach((d2, j) => {
          terms.push(d2);
          coef.push(a * child.dot.coef[j]);
        });
      } else {
        terms.push(c);
        coef.push(a);
      }
    });
    if (coef.some((x) => !(Math.abs(x) <= MAX3))) continue;
    p.dot = { nodes: terms, coef };
    const num = p.numeric;
    p.folded = !p.kept && p.node.only === void 0 && p.outside.length === 0 && p.fixedMax !== void 0 && num.round === void 0 && g.floor === void 0 && g.cap === void 0 && g.limit === void 0;
  }
  for (const p of nodes) if (p.folded && !(p.parent >= 0 && nodes[p.parent].dot !== void 0)) p.folded = false;
}
function nodeConditions(node) {
  const out = [];
  if (node.only) out.push(node.only.node);
  if (node.type === "item" && node.method.kind === "deduct") {
    if (node.method.zeroIf) out.push(node.method.zeroIf.node);
    for (const e of node.method.entries) if (e.type === "when") out.push(e.when.node);
  }
  return out;
}
function readsPoints(c) {
  switch (c.op) {
    case "all":
    case "any":
      return c.of.some(readsPoints);
    case "not":
      return readsPoints(c.of);
    default:
      return c.fact.kind === "score" || c.fact.kind === "ratio";
  }
}
function skippable(rubric2, item) {
  return methodInputs(item.method).some(({ input }) => (item.missing ?? rubric2.inputs.get(input)?.missing) === "skip");
}
function groupFull(g, maxes, children) {
  let full;
  switch (g.combine) {
    case "sum":
      full = sum(maxes);
      break;
    case "weighted":
      full = g.weightSum ? sum(maxes.map((m, i) => m.times(children[i].rawWeight))).div(g.weightSum) : sum(maxes.map((m, i) => m.times(children[i].weight)));
      break;
    case "mean":
    case "max":
      full = maxes.reduce(max, ZERO);
      break;
    case "min":
      full = maxes.length ? maxes.reduce(min) : ZERO;
      break;
  }
  if (g.cap && full.gt(g.cap)) full = g.cap;
  if (g.normalizeTo) full = g.normalizeTo;
  return full;
}

// src/engine/score-columns.ts
var MAX2 = Number.MAX_SAFE_INTEGER;
var safe2 = (x) => x <= MAX2 && x >= -MAX2;
var BLOCK_ROWS = 2048;
var IntColumns = class {
  constructor(plan, subjects3, inputs, ctx) {
    this.plan = plan;
    this.subjects = subjects3;
    this.inputs = inputs;
    this.ctx = ctx;
    this.cols = plan.nodes.map((p) => p.numeric.path === "int" ? new Float64Array(BLOCK_ROWS) : void 0);
    this.below = plan.nodes.map((p) => p.node.only && p.numeric.path === "int" ? descendants(plan, p.index) : []);
  }
  plan;
  subjects;
  inputs;
  ctx;
  /** Per plan node on the integer path: its points at the node's scale, by row of the block; undefined for Dec nodes. */
  cols;
  /** Per row of the block: 1 when the row is scored here (see the file's comment). */
  clean = new Uint8Array(BLOCK_ROWS);
  lo = 0;
  hi = 0;
  /** Per node with `only`: the nodes below it (where it does not apply, neither do they). */
  below;
  /** Score rows lo … hi − 1 (at most BLOCK_ROWS of them) into the columns. */
  score(lo, hi) {
    this.lo = lo;
    this.hi = hi;
    const clean = this.clean;
    for (let r = lo; r < hi; r++) clean[r - lo] = this.subjects[r].absent.size === 0 ? 1 : 0;
    const nodes = this.plan.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const p = nodes[i];
      if (p.numeric.path !== "int") continue;
      if (p.folded) continue;
      const out = this.cols[i];
      const num = p.numeric;
      if (p.node.type === "item") this.item(p.node, num.item, out);
      else if (p.dot) this.dot(p.dot.nodes, p.dot.coef, p.outside, p.children.length, num.group, out);
      else this.group(p.children, p.outside, p.node.combine, num.group, out);
      if (p.node.only) {
        const only = p.node.only;
        const below = this.below[i];
        for (let r = lo; r < hi; r++) {
          const j = r - lo;
          if (!clean[j] || testCondition(only, this.at(r))) continue;
          out[j] = Number.NaN;
          for (const d2 of below) this.cols[d2][j] = Number.NaN;
        }
      }
      if (num.round) {
        const { divisor, mode } = num.round;
        for (let j = 0; j < hi - lo; j++) {
          const v = out[j];
          if (v === v) out[j] = roundScaled(v, divisor, mode) * divisor;
        }
      }
    }
  }
  /** The scoring context at row r's subject, for a condition. */
  at(r) {
    this.ctx.moveTo(this.subjects[r]);
    return this.ctx;
  }
  /** Row r (of the block: r − lo) leaves the integer path. */
  unclean(j, out) {
    this.clean[j] = 0;
    out[j] = Number.NaN;
  }
  /**
   * A number input's values for the block's rows (indexed from 0, NaN for none), and the
   * factor that brings them to `scale`; undefined when it cannot (then no row is clean).
   */
  numberColumn(input, scale) {
    const k = this.inputs.index.get(input);
    const c = k === void 0 ? void 0 : this.inputs.columns[k];
    if (!c?.scaled || c.scale > scale) return void 0;
    return { col: this.blockOf(k, c), factor: 10 ** (scale - c.scale) };
  }
  /** Input column k over the block's rows as a Float64Array (read once per block, whatever the column's own array). */
  blockOf(k, c) {
    let b = this.inputBlocks[k];
    if (b === void 0) this.inputBlocks[k] = b = new Float64Array(BLOCK_ROWS);
    if (this.inputBlockAt[k] !== this.lo + 1) {
      this.inputBlockAt[k] = this.lo + 1;
      const src = c.scaled;
      const none = c.none;
      if (c.narrow) for (let r = this.lo; r < this.hi; r++) b[r - this.lo] = src[r] === none ? Number.NaN : src[r];
      else b.set(src.subarray(this.lo, this.hi));
    }
    return b;
  }
  inputBlocks = [];
  /** Per input column: 1 + the first row of the block its inputBlocks entry holds. */
  inputBlockAt = [];
  /** A boolean, choice or grade input's column of codes. */
  codedColumn(input) {
    const k = this.inputs.index.get(input);
    const c = k === void 0 ? void 0 : this.inputs.columns[k];
    return c?.codes && c.options ? { codes: c.codes, options: c.options } : void 0;
  }
  valuesOf(input) {
    const k = this.inputs.index.get(input);
    return k === void 0 ? void 0 : this.inputs.columns[k].values;
  }
  /** Every row of the block unclean (a form this path does not read). */
  none(out) {
    for (let j = 0; j < this.hi - this.lo; j++) this.unclean(j, out);
  }
  item(node, f2, out) {
    const { lo, hi, clean } = this;
    switch (f2.kind) {
      case "input":
      case "ratio": {
        const c = this.numberColumn(f2.input, f2.inputScale);
        if (!c) return this.none(out);
        const times = c.factor * (f2.kind === "ratio" ? f2.max : 1);
        for (let r = lo; r < hi; r++) {
          const j = r - lo;
          const v = c.col[j] * times;
          if (safe2(v)) out[j] = v;
          else this.unclean(j, out);
        }
        return;
      }
      case "yesno": {
        const c = this.codedColumn(f2.input);
        if (!c) return this.none(out);
        for (let r = lo; r < hi; r++) {
          const code = c.codes[r];
          if (code === 1) out[r - lo] = f2.yes;
          else if (code === 0) out[r - lo] = f2.no;
          else this.unclean(r - lo, out);
        }
        return;
      }
      case "levels": {
        const c = this.codedColumn(f2.input);
        if (!c) return this.none(out);
        const byCode = Float64Array.from(c.options, (o) => f2.levels.get(o) ?? Number.NaN);
        for (let r = lo; r < hi; r++) {
          const code = c.codes[r];
          const v = code >= 0 ? byCode[code] : Number.NaN;
          if (v === v) out[r - lo] = v;
          else this.unclean(r - lo, out);
        }
        return;
      }
      case "bands": {
        const m = node.method;
        const k = this.inputs.index.get(f2.input);
        const c = k === void 0 ? void 0 : this.inputs.columns[k];
        const bounds = c?.scaled ? m.bands.map((b) => b.bound.scaled(c.scale)) : void 0;
        if (!c?.scaled || !bounds || bounds.some((b) => b === void 0)) return this.none(out);
        const col = this.blockOf(k, c);
        for (let r = lo; r < hi; r++) {
          const x = col[r - lo];
          if (x !== x) {
            this.unclean(r - lo, out);
            continue;
          }
          let v = f2.otherwise;
          for (let b = 0; b < bounds.length; b++)
            if (m.bands[b].inclusive ? x >= bounds[b] : x > bounds[b]) {
              v = f2.points[b];
              break;
            }
          out[r - lo] = v;
        }
        return;
      }
      case "periods": {
        const values = this.valuesOf(f2.input);
        if (!values) return this.none(out);
        for (let r = lo; r < hi; r++) {
          const j = r - lo;
          const list2 = values[r];
          if (!clean[j] || !list2) {
            this.unclean(j, out);
            continue;
          }
          let total = 0;
          let ok2 = true;
          for (let e = 0; e < list2.length && ok2; e++) {
            const x = list2[e].scaled(f2.inputScale);
            if (x === void 0) ok2 = false;
            else {
              total += x;
              ok2 = Number.isSafeInteger(total);
            }
          }
          const v = total * f2.factor;
          if (ok2 && Number.isSafeInteger(v)) out[j] = v;
          else this.unclean(j, out);
        }
        return;
      }
      case "deduct":
        return this.deduct(node, f2, out);
      default:
        return unreachable(f2, "integer item");
    }
  }
  /** base − Σ deductions (each within its max), then within [floor, max]: as items.ts computes it in Dec. */
  deduct(node, f2, out) {
    const { lo, hi, clean } = this;
    const m = node.method;
    const n2 = hi - lo;
    for (let j = 0; j < n2; j++) out[j] = 0;
    for (let k = 0; k < f2.entries.length; k++) {
      const e = f2.entries[k];
      if (e.type === "when") {
        const when = m.entries[k].when;
        const amount = e.max !== void 0 && e.points > e.max ? e.max : e.points;
        for (let r = lo; r < hi; r++) if (clean[r - lo] && testCondition(when, this.at(r))) out[r - lo] = out[r - lo] + amount;
        continue;
      }
      const c = this.numberColumn(e.input, e.inputScale);
      if (!c) return this.none(out);
      for (let r = lo; r < hi; r++) {
        const j = r - lo;
        const x = c.col[j] * c.factor;
        if (x !== x || !clean[j]) {
          this.unclean(j, out);
          continue;
        }
        const units = e.type === "per" ? x : Math.max(0, e.required - x);
        const product = units * e.points;
        let amount = product * e.align;
        if (!(safe2(x) && safe2(product) && safe2(amount))) {
          this.unclean(j, out);
          continue;
        }
        if (e.max !== void 0 && amount > e.max) amount = e.max;
        const sum2 = out[j] + amount;
        if (safe2(sum2)) out[j] = sum2;
        else this.unclean(j, out);
      }
    }
    const zeroIf = m.zeroIf;
    for (let r = lo; r < hi; r++) {
      const j = r - lo;
      const deducted = out[j];
      if (!clean[j] || deducted !== deducted) continue;
      if (zeroIf !== void 0 && testCondition(zeroIf, this.at(r))) {
        out[j] = 0;
        continue;
      }
      let net = f2.base - deducted;
      if (!safe2(net)) {
        this.unclean(j, out);
        continue;
      }
      if (net < f2.floor) net = f2.floor;
      if (net > f2.max) net = f2.max;
      out[j] = net;
    }
  }
  /** A sum or weighted group as one dot product over its terms (plan.ts foldDotProducts), then floor, cap, outside nodes and limit. */
  dot(terms, coef, outside, childCount, f2, out) {
    const n2 = this.hi - this.lo;
    const cols = this.cols;
    for (let j = 0; j < n2; j++) out[j] = Number.NaN;
    for (let k = 0; k < terms.length; k++) {
      const c = cols[terms[k]];
      const a = coef[k];
      for (let j = 0; j < n2; j++) {
        const x = c[j];
        if (x !== x) continue;
        const acc = out[j];
        out[j] = acc === acc ? acc + x * a : x * a;
      }
    }
    this.bounds(outside, childCount, f2, out);
  }
  group(children, outside, combine, f2, out) {
    const n2 = this.hi - this.lo;
    const cols = this.cols;
    const align = f2.align;
    for (let j = 0; j < n2; j++) out[j] = Number.NaN;
    for (let k = 0; k < children.length; k++) {
      const c = cols[children[k]];
      const a = f2.weights ? f2.weights[k] * align[k] : align[k];
      switch (combine) {
        case "sum":
        case "weighted":
          for (let j = 0; j < n2; j++) {
            const x = c[j];
            if (x !== x) continue;
            const acc = out[j];
            out[j] = acc === acc ? acc + x * a : x * a;
          }
          break;
        case "max":
          for (let j = 0; j < n2; j++) {
            const x = c[j];
            if (x !== x) continue;
            const v = x * a;
            const acc = out[j];
            out[j] = acc === acc ? v > acc ? v : acc : v > 0 ? v : 0;
          }
          break;
        case "min":
          for (let j = 0; j < n2; j++) {
            const x = c[j];
            if (x !== x) continue;
            const v = x * a;
            const acc = out[j];
            out[j] = acc === acc && acc <= v ? acc : v;
          }
          break;
        default:
          throw new Error(`kaohe internal: ${combine} on the integer path`);
      }
    }
    this.bounds(outside, children.length, f2, out);
  }
  /** A group's floor and cap, then its outside nodes (bonus outside the cap), then its limit. */
  bounds(outside, childCount, f2, out) {
    const n2 = this.hi - this.lo;
    const cols = this.cols;
    const align = f2.align;
    const { floor, cap, limit } = f2;
    for (let j = 0; j < n2; j++) {
      let v = out[j];
      if (v !== v) continue;
      if (floor !== void 0 && v < floor) v = floor;
      if (cap !== void 0 && v > cap) v = cap;
      out[j] = v;
    }
    for (let k = 0; k < outside.length; k++) {
      const c = cols[outside[k]];
      const a = align[childCount + k];
      for (let j = 0; j < n2; j++) {
        const x = c[j];
        const acc = out[j];
        if (x === x && acc === acc) out[j] = acc + x * a;
      }
    }
    if (limit !== void 0)
      for (let j = 0; j < n2; j++) {
        const v = out[j];
        if (v === v && v > limit) out[j] = limit;
      }
  }
};
function descendants(plan, i) {
  const out = [];
  const visit2 = (k) => {
    const p = plan.nodes[k];
    for (const c of [...p.children, ...p.outside]) {
      out.push(c);
      visit2(c);
    }
  };
  visit2(i);
  return out;
}

// src/engine/items.ts
var f = (d2) => format(d2);
function itemPoints(item, s2, cohort) {
  const m = item.method;
  switch (m.kind) {
    case "input":
      return s2.input(m.input);
    case "yesno": {
      const v = s2.input(m.input);
      return v === void 0 ? void 0 : v ? m.yes : m.no;
    }
    case "levels": {
      const v = s2.input(m.input);
      return v === void 0 ? void 0 : m.levels.get(v);
    }
    case "bands": {
      const v = s2.input(m.input);
      if (v === void 0) return void 0;
      for (const b of m.bands) if (b.inclusive ? v.gte(b.bound) : v.gt(b.bound)) return b.points;
      return m.otherwise;
    }
    case "ratio": {
      if (m.input === void 0) break;
      const ratio = s2.input(m.input);
      return ratio === void 0 ? void 0 : item.max.times(ratio);
    }
    case "deduct": {
      if (m.zeroIf !== void 0 && testCondition(m.zeroIf, s2)) return ZERO;
      let deducted = ZERO;
      for (const e of m.entries) {
        let amount;
        switch (e.type) {
          case "when":
            amount = testCondition(e.when, s2) ? e.points : ZERO;
            break;
          case "per": {
            const v = s2.input(e.input);
            if (v === void 0) return void 0;
            amount = v.times(e.points);
            break;
          }
          case "shortfall": {
            const v = s2.input(e.input);
            if (v === void 0) return void 0;
            amount = max(ZERO, e.required.minus(v)).times(e.points);
            break;
          }
          default:
            return scoreItem(item, s2, cohort)?.points;
        }
        if (e.max && amount.gt(e.max)) amount = e.max;
        deducted = deducted.plus(amount);
      }
      return bound(m.base.minus(deducted), m.floor, item.max);
    }
    case "periods": {
      const values = s2.input(m.input);
      if (!values) return void 0;
      const total = sum(values);
      return m.aggregate === "sum" ? total : total.div(m.count);
    }
    case "carry": {
      const v = s2.input(m.input);
      return v === void 0 ? void 0 : v.times(m.share);
    }
    default:
      break;
  }
  return scoreItem(item, s2, cohort)?.points;
}
function scoreItem(item, s2, cohort) {
  const m = item.method;
  const max2 = item.max;
  const done = (points, lines = []) => ({ points, max: max2, lines });
  const num = (name) => s2.input(name);
  switch (m.kind) {
    case "input": {
      const v = num(m.input);
      return v === void 0 ? void 0 : done(v);
    }
    case "yesno": {
      const v = s2.input(m.input);
      return v === void 0 ? void 0 : done(v ? m.yes : m.no, [line(m.input, m.input, v ? m.yes : m.no.minus(m.yes), () => ({ key: "yesno", value: v }))]);
    }
    case "levels": {
      const v = s2.input(m.input);
      if (v === void 0) return void 0;
      const points = m.levels.get(v);
      return done(points, [line(m.input, m.input, points, () => ({ key: "level", level: v, points }))]);
    }
    case "deduct": {
      if (m.zeroIf !== void 0 && testCondition(m.zeroIf, s2)) return done(ZERO, [line("zeroIf", "zeroIf", m.base.negated(), () => ({ key: "zero-if", condition: m.zeroIf.text }))]);
      const lines = entryLines(m.entries, s2);
      if (!lines) return void 0;
      const deducted = sum(lines.map((l2) => l2.amount));
      const net = m.base.minus(deducted);
      const points = bound(net, m.floor, max2);
      const out = lines.map((l2) => ({ ...l2, amount: l2.amount.negated() }));
      if (!points.eq(net)) out.push(line("bound", points.gt(net) ? "floor" : "cap", points.minus(net), () => ({ key: "deduct-bound", base: m.base, deducted, points, side: points.gt(net) ? "floor" : "cap" })));
      return done(points, out);
    }
    case "bonus": {
      const lines = entryLines(m.entries, s2);
      const outside = entryLines(m.outside, s2);
      if (!lines || !outside) return void 0;
      const added = sum(lines.map((l2) => l2.amount));
      const inside = min(added, max2);
      const capped = inside.eq(added) ? [] : [line("bound", "cap", inside.minus(added), () => ({ key: "bonus-cap", added, max: max2 }))];
      return done(inside.plus(sum(outside.map((l2) => l2.amount))), [...lines, ...capped, ...outside.map((l2) => ({ ...l2, note: () => ({ key: "outside", inner: l2.note() }) }))]);
    }
    case "adjust": {
      const added = entryLines(m.additions, s2);
      const deducted = entryLines(m.deductions, s2);
      if (!added || !deducted) return void 0;
      const net = sum(added.map((l2) => l2.amount)).minus(sum(deducted.map((l2) => l2.amount)));
      const points = bound(net, m.floor, m.cap);
      const lines = [...added, ...deducted.map((l2) => ({ ...l2, amount: l2.amount.negated() }))];
      if (!points.eq(net)) lines.push(line("bound", points.lt(net) ? "cap" : "floor", points.minus(net), () => ({ key: "bound-net", net, points, side: points.lt(net) ? "cap" : "floor" })));
      return done(points, lines);
    }
    case "ratio": {
      let ratio;
      let note;
      if (m.input !== void 0) {
        ratio = num(m.input);
        if (ratio === void 0) return void 0;
        const r = ratio;
        note = () => ({ key: "ratio-percent", percent: r.times(100), max: max2 });
      } else {
        const n2 = num(m.numerator);
        const d2 = num(m.denominator);
        if (n2 === void 0 || d2 === void 0) return void 0;
        if (d2.isZero()) return void s2.fail("EVAL_ZERO_DENOMINATOR", { item: item.id, denominator: m.denominator }, m.denominator);
        if (n2.gt(d2)) return void s2.fail("DATA_OUT_OF_RANGE", { field: m.numerator, expected: `at most ${m.denominator} (${f(d2)})`, expects: "at-most-field", other: m.denominator, max: f(d2), received: f(n2) }, m.numerator);
        ratio = n2.div(d2);
        note = () => ({ key: "ratio-pair", numerator: n2, denominator: d2, max: max2 });
      }
      const points = max2.times(ratio);
      return done(points, [line(item.id, item.label, points, note)]);
    }
    case "scale": {
      const v = num(m.input);
      const target = m.targetInput !== void 0 ? num(m.targetInput) : m.target;
      if (v === void 0 || target === void 0) return void 0;
      if (m.zeroBelow !== void 0 && v.lt(m.zeroBelow)) {
        const threshold = m.zeroBelow;
        return done(ZERO, [line(item.id, item.label, m.base.negated(), () => ({ key: "scale-zero", value: v, threshold }))]);
      }
      const delta = v.minus(target);
      const side = delta.gt(0) ? m.above : delta.lt(0) ? m.below : "none";
      const exact2 = delta.abs().div(m.unit);
      const units = m.steps === "whole" ? exact2.floor() : m.steps === "started" && !exact2.isInteger() ? exact2.floor().plus(1) : exact2;
      const change = side === "none" ? ZERO : units.times(m.points).times(side === "add" ? 1 : -1);
      const points = bound(m.base.plus(change), m.floor, max2);
      const note = () => side === "none" ? { key: "scale-base", value: v, target, base: m.base } : { key: "scale-steps", value: v, target, units, unit: m.unit, points: m.points, side };
      return done(points, [line(item.id, item.label, points.minus(m.base), note)]);
    }
    case "bands": {
      const v = num(m.input);
      if (v === void 0) return void 0;
      const band = m.bands.find((b) => b.inclusive ? v.gte(b.bound) : v.gt(b.bound));
      const points = band ? band.points : m.otherwise;
      const note = () => band ? { key: "band", value: v, op: band.inclusive ? "\u2265" : ">", bound: band.bound, points } : { key: "band-none", value: v, points };
      return done(points, [line(item.id, item.label, points, note)]);
    }
    case "rank": {
      if (num(m.input) === void 0) return void 0;
      const placement = cohort.rankPoints.get(item.id)?.get(s2.id);
      if (!placement) return void 0;
      return done(placement.points, [line(item.id, item.label, placement.points, () => ({ key: "rank", position: placement.position, of: placement.of, ...placement.how ? { how: placement.how } : {} }))]);
    }
    case "panel": {
      const lines = [];
      let total = ZERO;
      for (const g of m.groups) {
        const sheet = s2.input(g.input);
        if (!sheet) return void 0;
        const voided = cohort.voidRaters.get(item.id)?.get(g.id);
        const kept = sheet.values.filter((_, i) => {
          const r = sheet.raters[i];
          return r === null || r === void 0 || !voided?.has(r);
        });
        const droppedRaters = sheet.raters.filter((r) => r !== null && voided?.has(r));
        if (kept.length === 0)
          return void s2.fail("EVAL_NO_VALID_SCORES", { item: item.id, ...droppedRaters.length ? { reason: "void-ballots", raters: droppedRaters } : { reason: "no-scores" } }, g.input);
        let used = [...kept].sort((a, b) => a.cmp(b));
        let trimmed;
        let notTrimmed;
        const trim = m.trim;
        if (trim && used.length >= trim.minScores) {
          used = used.slice(trim.drop, used.length - trim.drop);
          trimmed = { drop: trim.drop, of: kept.length };
        } else if (trim) {
          const count2 = kept.length;
          notTrimmed = line(`${g.id}.trim`, `${g.id} trim`, ZERO, () => ({ key: "panel-not-trimmed", count: count2, rule: trim.stated ?? "drop", min: trim.minScores }));
        }
        const mean = sum(used).div(used.length);
        const weighted = mean.times(g.weight);
        total = total.plus(weighted);
        const count = used.length;
        const voids = droppedRaters.map((r) => ({ rater: r, problem: voided.get(r) }));
        const weight = m.groups.length > 1 ? g.weight : void 0;
        lines.push(line(g.id, g.id, weighted, () => ({ key: "panel", mean, count, ...trimmed ?? {}, ...voids.length ? { voids } : {}, ...weight ? { weight } : {} })));
        if (notTrimmed) lines.push(notTrimmed);
      }
      return done(total, lines);
    }
    case "votes": {
      const v = s2.input(m.input);
      if (!v) return void 0;
      const valid = sum(Object.values(v.levels));
      const returned = valid.plus(v.abstain).plus(v.invalid);
      let denominator;
      switch (m.denominator) {
        case "valid":
          denominator = valid;
          break;
        case "valid-and-abstain":
          denominator = valid.plus(v.abstain);
          break;
        case "returned":
          denominator = returned;
          break;
        case "issued":
          denominator = v.issued;
          if (denominator === void 0) return void s2.fail("DATA_MISSING_FIELD", { field: `${m.input}.issued`, expected: "the number of ballots issued (denominator: issued)", expects: "issued" }, m.input);
          if (denominator.lt(returned)) return void s2.fail("DATA_OUT_OF_RANGE", { field: `${m.input}.issued`, expected: `at least the ${f(returned)} ballots returned`, expects: "at-least-returned", min: f(returned), received: f(denominator) }, m.input);
          break;
      }
      if (denominator.isZero()) return void s2.fail("EVAL_ZERO_DENOMINATOR", { item: item.id, denominator: m.denominator }, m.input);
      let weighted = ZERO;
      const parts = [];
      for (const [level, c] of m.coefficients) {
        const n2 = v.levels[level];
        weighted = weighted.plus(n2.times(c));
        parts.push({ level, count: n2, coefficient: c });
      }
      const points = max2.times(weighted).div(denominator);
      const denom = denominator;
      return done(points, [line(item.id, item.label, points, () => ({ key: "votes", parts, denominator: denom, basis: m.denominator, max: max2 }))]);
    }
    case "periods": {
      const values = s2.input(m.input);
      if (!values) return void 0;
      const total = sum(values);
      const points = m.aggregate === "sum" ? total : total.div(m.count);
      return done(points, [line(item.id, item.label, points, () => ({ key: "periods", aggregate: m.aggregate, count: m.count, values }))]);
    }
    case "carry": {
      const v = num(m.input);
      if (v === void 0) return void 0;
      const points = v.times(m.share);
      return done(points, [line(item.id, item.label, points, () => ({ key: "carry", value: v, percent: m.share.times(100) }))]);
    }
    case "linked": {
      const l2 = s2.linked(m.rubric);
      if (!l2) throw new Error(`kaohe internal: no result of ${m.rubric} for ${s2.id}`);
      const points = m.scaleFrom ? l2.score.times(max2).div(m.scaleFrom) : l2.score;
      if (points.gt(max2)) return void s2.fail("EVAL_LINKED_OUT_OF_RANGE", { rubric: m.rubric, value: f(points), max: f(max2) });
      const note = () => m.scaleFrom ? { key: "linked-scaled", score: l2.score, scaleFrom: m.scaleFrom, max: max2, rubric: m.rubric } : { key: "linked", rubric: m.rubric };
      return done(points, [line(item.id, item.label, points, note)]);
    }
    default:
      return unreachable(m, "item method");
  }
}
function line(entry, label, amount, note) {
  return { entry, label, amount, note };
}
function entryLines(entries, s2) {
  const lines = [];
  for (const e of entries) {
    const r = entryAmount(e, s2);
    if (!r) return void 0;
    let [amount, note] = r;
    if (e.max && amount.gt(e.max)) {
      const limit = e.max;
      const before = note;
      note = () => ({ key: "limited", inner: before(), limit });
      amount = e.max;
    }
    if (!amount.isZero()) lines.push({ entry: e.id, label: e.label, amount, note });
  }
  return lines;
}
function entryAmount(e, s2) {
  switch (e.type) {
    case "when":
      return testCondition(e.when, s2) ? [e.points, () => ({ key: "when", condition: e.when.text, points: e.points })] : [ZERO, () => ({ key: "when", condition: e.when.text, points: ZERO })];
    case "per": {
      const v = s2.input(e.input);
      return v === void 0 ? void 0 : [v.times(e.points), () => ({ key: "per", value: v, points: e.points })];
    }
    case "shortfall": {
      const v = s2.input(e.input);
      if (v === void 0) return void 0;
      const missing = max(ZERO, e.required.minus(v));
      return [missing.times(e.points), () => ({ key: "shortfall", missing, required: e.required, points: e.points })];
    }
    case "chosen": {
      const sheet = s2.input(e.input);
      if (!sheet) return void 0;
      const total = sum(sheet.values);
      return [total, () => ({ key: "chosen", values: sheet.values, low: e.range[0], high: e.range[1] })];
    }
    case "records":
      return recordsAmount(e, s2);
    default:
      return unreachable(e, "entry type");
  }
}
function recordsAmount(e, s2) {
  const records = s2.input(e.input) ?? [];
  const amounts = [];
  for (const [i, rec2] of records.entries()) {
    let amount;
    if (e.amount.type === "fixed") amount = e.amount.points;
    else {
      const k = rec2[e.amount.by];
      const v = typeof k === "string" ? e.amount.table.get(k) : void 0;
      if (v === void 0)
        return void s2.fail("DATA_INVALID_VALUE", { field: `${e.input}[${i + 1}].${e.amount.by}`, expected: `one of ${[...e.amount.table.keys()].join(", ")}`, expects: "one-of", allowed: [...e.amount.table.keys()], received: k ?? null }, e.input);
      amount = v;
    }
    if (e.times !== void 0) amount = amount.times(rec2[e.times] ?? ONE);
    if (e.split !== void 0) {
      const n2 = rec2[e.split] ?? ONE;
      if (n2.isZero()) return void s2.fail("DATA_OUT_OF_RANGE", { field: `${e.input}[${i + 1}].${e.split}`, expected: "at least 1", expects: "range", min: "1", received: "0" }, e.input);
      amount = amount.div(n2);
    }
    const key = e.dedup ? e.dedup.key.map((k) => String(rec2[k] ?? "")).join("\0") : String(i);
    amounts.push({ key, amount, index: i });
  }
  let kept = amounts;
  let dedup;
  if (e.dedup) {
    const byKey = /* @__PURE__ */ new Map();
    for (const a of amounts) {
      const prev = byKey.get(a.key);
      if (!prev) byKey.set(a.key, a);
      else if (e.dedup.keep === "sum") byKey.set(a.key, { ...prev, amount: prev.amount.plus(a.amount) });
      else if (e.dedup.keep === "max" && a.amount.gt(prev.amount)) byKey.set(a.key, a);
      else if (e.dedup.keep === "min" && a.amount.lt(prev.amount)) byKey.set(a.key, a);
    }
    kept = [...byKey.values()];
    if (kept.length < amounts.length) dedup = { records: amounts.length, kept: kept.length, key: e.dedup.key, keep: e.dedup.keep };
  }
  const total = sum(kept.map((k) => k.amount));
  return [total, () => ({ key: "records", amounts: kept.map((k) => k.amount), ...dedup ? { dedup } : {} })];
}

// src/engine/state.ts
var IssueLog = class {
  constructor(rubric2) {
    this.rubric = rubric2;
  }
  rubric;
  issues = [];
  /** Subject row → keys already reported (created on a subject's first issue only). */
  reported = /* @__PURE__ */ new Map();
  /**
   * Record an issue for a subject. A field that is an input is reported as its column
   * as written (思想建设得分, not thought), with the input's name kept in params.input.
   */
  fail(subject, code, givenParams, givenField) {
    let params = givenParams;
    let field = givenField;
    if (field !== void 0 && this.rubric.inputs.has(field)) {
      const input = field;
      const column2 = subject.columns.get(input) ?? input;
      const rename = (f2) => typeof f2 === "string" && (f2 === input || f2.startsWith(`${input}.`) || f2.startsWith(`${input}[`)) ? column2 + f2.slice(input.length) : f2;
      params = { ...params, field: rename(params.field ?? input), input };
      field = column2;
    }
    const key = `${code}|${field ?? ""}|${keyOf(params)}`;
    let seen = this.reported.get(subject.row);
    if (!seen) this.reported.set(subject.row, seen = /* @__PURE__ */ new Set());
    if (seen.has(key)) return;
    seen.add(key);
    this.issues.push(
      makeIssue(code, params, {
        rubric: this.rubric.id,
        row: subject.row,
        subject: subject.id,
        ...field !== void 0 ? { field } : {},
        path: [subject.row - 1, ...field !== void 0 ? [field] : []]
      })
    );
  }
  /** DATA_MISSING_FIELD for an input, naming its column and saying what it expects. */
  missingField(subject, name, readBy) {
    const spec = this.rubric.inputs.get(name);
    const allowed = spec?.type === "choice" ? spec.values : spec?.type === "grade" ? spec.scale : void 0;
    const hint3 = readBy !== void 0 ? `${name} is optional but item "${readBy}" reads it: declare missing: zero or skip to say what the item does then` : void 0;
    this.fail(
      subject,
      "DATA_MISSING_FIELD",
      {
        field: name,
        expected: spec ? describeSpec(spec) : "a value",
        ...spec ? { expects: "input", type: spec.type } : {},
        ...spec?.type === "votes" ? { levels: spec.levels } : {},
        ...allowed ? { allowed } : {},
        ...hint3 ? { hint: hint3, reason: "optional-read", item: readBy } : {}
      },
      name
    );
  }
};
var NO_SKIPS = Object.freeze([]);
var ScoringContext = class {
  constructor(rubric2, plan, log, linkedResults, detail) {
    this.rubric = rubric2;
    this.plan = plan;
    this.log = log;
    this.linkedResults = linkedResults;
    this.detail = detail;
    this.scratch = new Array(plan.nodes.length).fill(void 0);
    this.full = plan.nodes.map((n2) => n2.node.max);
    this.topInt = Int32Array.from(plan.nodes, (n2) => {
      let top = n2.index;
      if (n2.numeric.path !== "int") return -1;
      while (plan.nodes[top].parent >= 0 && plan.nodes[plan.nodes[top].parent].numeric.path === "int") top = plan.nodes[top].parent;
      return top;
    });
    this.reached = new Uint8Array(plan.nodes.length);
    this.scores = detail ? /* @__PURE__ */ new Map() : void 0;
  }
  rubric;
  plan;
  log;
  linkedResults;
  detail;
  subject;
  failed = false;
  /** Items that did not apply because an input they read was absent (missing: skip). */
  skipped = NO_SKIPS;
  /** Points of each plan node for the current subject; undefined = does not apply (or not yet scored). */
  scratch;
  /** Full mark of each plan node for the current subject (set where the node applies). */
  full;
  /**
   * The integer path's columns of the current block (score-columns.ts) and the subject's
   * row in them, when the subject is read from them (`fromColumns`): its nodes on the
   * integer path are then not scored again here.
   */
  cols;
  at = 0;
  fromColumns = false;
  /**
   * Per plan node on the integer path: the topmost node on the integer path above it (or
   * itself). Its column values count for the subject only when the walk reached that
   * node (`reached`): below a node whose `only` failed, nothing applies.
   */
  topInt;
  reached;
  /** Whether the current subject lacks some input (subject.absent is not empty), read once per subject. */
  anyAbsent = false;
  /** With detail: each applicable node's score with its trail lines, by node id. */
  scores;
  /** Facts that are not known while scoring (as before: total 0, no grade, no rank). */
  total = ZERO;
  grade = void 0;
  rawGrade = void 0;
  rank = void 0;
  groupRank = void 0;
  zeroItems = 0;
  /** While one item is scored: absent inputs it reads as zero (its own missing: zero). */
  itemZeros;
  reset(subject) {
    this.subject = subject;
    this.anyAbsent = subject.absent.size !== 0;
    this.failed = false;
    this.skipped = NO_SKIPS;
    this.scratch.fill(void 0);
    if (this.fromColumns) this.reached.fill(0);
    this.fromColumns = false;
    this.scores?.clear();
  }
  /** Read the current subject's nodes on the integer path from the block's columns, at row `at`. */
  readColumns(cols, at2) {
    this.cols = cols;
    this.at = at2;
    this.fromColumns = true;
  }
  /**
   * The integer-path points of plan node i for the current subject, NaN when it does not
   * apply; only when fromColumns. The walk calls it for the topmost integer nodes it
   * reaches (`reach`), which makes the nodes below them readable too.
   */
  columnValue(i) {
    return this.reached[this.topInt[i]] ? this.cols[i][this.at] : Number.NaN;
  }
  reach(i) {
    this.reached[i] = 1;
    return this.columnValue(i);
  }
  /**
   * Point the context at a subject to test a condition, without clearing what was scored
   * (the integer path over columns tests `only` and `when` for one row after another).
   */
  moveTo(subject) {
    this.subject = subject;
    this.anyAbsent = subject.absent.size !== 0;
  }
  get id() {
    return this.subject.id;
  }
  get group() {
    return this.subject.group;
  }
  /**
   * An input's value. Absent (no value, no default): an error when the input is
   * required, otherwise no value (a condition on it is false). Items check their
   * inputs' missing policy before they read (see score-tree.ts).
   */
  input(name) {
    const v = this.itemZeros?.get(name) ?? this.subject.values.get(name);
    if (v === void 0 && this.subject.absent.has(name) && this.rubric.inputs.get(name)?.required) this.missingField(name);
    return v;
  }
  /** The column the data names an input by (the name or the label, as written). */
  column(name) {
    return this.subject.columns.get(name) ?? name;
  }
  skip(item, column2) {
    this.skipped = [...this.skipped, { item, column: column2 }];
  }
  missingField(name, readBy) {
    this.failed = true;
    this.log.missingField(this.subject, name, readBy);
  }
  /** Score one item with some absent inputs read as zero. */
  withZeros(zeros, score) {
    this.itemZeros = zeros;
    try {
      return score();
    } finally {
      this.itemZeros = void 0;
    }
  }
  points(nodeId) {
    const i = this.plan.index.get(nodeId);
    return i === void 0 ? void 0 : this.valueOf(i);
  }
  /** The points of plan node i, whichever path computed them; undefined when it does not apply. */
  valueOf(i) {
    const d2 = this.scratch[i];
    if (d2 !== void 0 || !this.fromColumns) return d2;
    const n2 = this.plan.nodes[i].numeric;
    if (n2.path !== "int") return void 0;
    const v = this.columnValue(i);
    return v === v ? Dec.of(v, n2.scale) : void 0;
  }
  /** Whether plan node i applies (after it was scored). */
  applies(i) {
    if (this.scratch[i] !== void 0) return true;
    return this.fromColumns && this.plan.nodes[i].numeric.path === "int" && this.columnValue(i) === this.columnValue(i);
  }
  linked(rubricId) {
    return this.linkedResults.get(rubricId)?.get(this.subject.id);
  }
  /** Record an issue for this subject (once per code and field) and mark it failed. */
  fail(code, params, field) {
    this.failed = true;
    this.log.fail(this.subject, code, params, field);
  }
};
function describeSpec(spec) {
  switch (spec.type) {
    case "choice":
      return `one of ${spec.values.join(", ")}`;
    case "grade":
      return `a grade, one of ${spec.scale.join(", ")}`;
    case "number":
      return "a number";
    case "count":
      return "a whole number";
    case "ratio":
      return 'a ratio such as 0.9685 or "96.85%"';
    case "boolean":
      return "true or false";
    case "scores":
      return "a list of scores";
    case "votes":
      return `vote counts for ${spec.levels.join(", ")}`;
    case "series":
      return "a list of period scores";
    default:
      return `a ${spec.type}`;
  }
}

// src/engine/read-value.ts
var own = (data, key) => Object.hasOwn(data, key) ? data[key] : void 0;
var isMapping = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function inheritedKeys(obj) {
  const out = [];
  for (let p = Object.getPrototypeOf(obj); p !== null; p = Object.getPrototypeOf(p))
    for (const k of Object.keys(p)) if (!Object.hasOwn(obj, k) && !out.includes(k)) out.push(k);
  return out;
}
var INHERITED = { expected: "an own property (inherited properties are not read as data)", received: "a property inherited from the object's prototype", expects: "own-property" };
function receivedOf(v) {
  if (typeof v === "string") return { received: v.length > 200 ? `${v.slice(0, 200)}\u2026` : v };
  if (v === null || v === void 0 || typeof v === "boolean" || typeof v === "number") return { received: v ?? null };
  return { received: showValue(v), receivedType: Array.isArray(v) ? "list" : typeof v === "object" ? "mapping" : typeof v };
}
var EMPTY_SHEET = Object.freeze({ raters: Object.freeze([]), values: Object.freeze([]) });
function isAbsent(v) {
  if (typeof v === "string") {
    const c = v.charCodeAt(0);
    return !(c > 32 && c < 127) && v.trim() === "";
  }
  return v === void 0 || v === null;
}
function plainDecimal(text) {
  const n2 = text.length;
  if (n2 === 0 || n2 > 16) return void 0;
  const known = PLAIN_DECIMALS.get(text);
  if (known !== void 0) return known;
  let m = 0;
  let dot = -1;
  for (let i = 0; i < n2; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) m = m * 10 + (c - 48);
    else if (c === 46 && dot < 0 && i > 0 && i < n2 - 1) dot = i;
    else return void 0;
  }
  if (n2 - (dot < 0 ? 0 : 1) > 15) return void 0;
  const d2 = Dec.of(m, dot < 0 ? 0 : n2 - dot - 1);
  if (PLAIN_DECIMALS.size < PLAIN_DECIMALS_KEPT) PLAIN_DECIMALS.set(text, d2);
  return d2;
}
var PLAIN_DECIMALS = /* @__PURE__ */ new Map();
var PLAIN_DECIMALS_KEPT = 1e5;
var TRUE = /* @__PURE__ */ new Set(["true", "yes", "y", "1", "\u662F", "\u6709", "\u221A"]);
var FALSE = /* @__PURE__ */ new Set(["false", "no", "n", "0", "\u5426", "\u65E0", "\xD7"]);
var scalarText = (v) => typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : void 0;
function reportInherited(obj, report, at2 = "") {
  const keys = inheritedKeys(obj);
  for (const k of keys) report("DATA_BAD_SHAPE", INHERITED, `${at2}.${k}`);
  return keys.length > 0;
}
function readValue(spec, raw, report) {
  switch (spec.type) {
    case "number":
    case "count":
    case "ratio":
      return readNumber(spec, raw, report, spec.type !== "count");
    case "boolean": {
      if (typeof raw === "boolean") return raw;
      if (typeof raw === "string" && TRUE.has(raw)) return true;
      if (typeof raw === "string" && FALSE.has(raw)) return false;
      const t = scalarText(raw)?.trim().toLowerCase();
      if (t !== void 0 && TRUE.has(t)) return true;
      if (t !== void 0 && FALSE.has(t)) return false;
      report("DATA_INVALID_VALUE", { expected: "true or false (also yes/no, 1/0, \u662F/\u5426)", expects: "boolean", allowed: ["true", "false"], ...receivedOf(raw) });
      return void 0;
    }
    case "choice":
    case "grade": {
      const options = spec.type === "choice" ? spec.values : spec.scale;
      if (typeof raw === "string" && options.includes(raw) && raw.trim() === raw) return raw;
      const t = scalarText(raw)?.trim();
      if (t !== void 0 && options.includes(t)) return t;
      report("DATA_INVALID_VALUE", { expected: `one of ${options.join(", ")}`, expects: "one-of", allowed: options, ...receivedOf(raw) });
      return void 0;
    }
    case "text": {
      const t = scalarText(raw);
      if (t === void 0) report("DATA_BAD_SHAPE", { expected: "text (a string or a number)", expects: "text", received: showValue(raw) });
      return t;
    }
    case "date": {
      const d2 = parseDate(raw);
      if ("iso" in d2) return d2.iso;
      report("DATA_INVALID_DATE", { ...receivedOf(raw), ...d2.error });
      return void 0;
    }
    case "rank":
      return readRank(raw, report);
    case "scores":
      return readScores(spec, raw, report);
    case "series": {
      if (!Array.isArray(raw) || raw.length !== spec.length) {
        report("DATA_BAD_SHAPE", { expected: `a list of ${spec.length} numbers`, expects: "series", length: spec.length, received: Array.isArray(raw) ? `${raw.length} values` : showValue(raw), ...Array.isArray(raw) ? { count: raw.length } : {} });
        return void 0;
      }
      const out = [];
      const element = { ...spec, type: "number", clamp: false };
      let at2 = 0;
      const elementReport = (code, params) => report(code, params, `.${at2}`);
      for (let i = 0; i < raw.length; i++) {
        at2 = i + 1;
        const d2 = readNumber(element, raw[i], elementReport, false);
        if (d2 === void 0) return void 0;
        out.push(d2);
      }
      return out;
    }
    case "votes":
      return readVotes(spec, raw, report);
    case "records":
      return readRecords(spec, raw, report);
    default:
      return unreachable(spec, "input type");
  }
}
function readNumber(spec, raw, report, percentAllowed) {
  const plain = typeof raw === "string" ? plainDecimal(raw) : void 0;
  const text = plain !== void 0 ? void 0 : typeof raw === "string" ? raw.trim() : raw;
  const d2 = plain ?? (typeof text === "string" && text.includes("%") && !percentAllowed ? void 0 : parseDecimal(text));
  if (d2 === void 0) {
    report("DATA_NOT_NUMBER", receivedOf(raw));
    return void 0;
  }
  if (spec.type === "count" && !d2.isInteger()) {
    report("DATA_NOT_INTEGER", receivedOf(raw));
    return void 0;
  }
  if (spec.places !== void 0 && decimalPlaces(d2) > spec.places) {
    report("DATA_TOO_PRECISE", { places: spec.places, ...receivedOf(raw) });
    return void 0;
  }
  const below = spec.min !== void 0 && d2.lt(spec.min);
  const above = spec.max !== void 0 && d2.gt(spec.max);
  if (below || above) {
    if (spec.clamp) return below ? spec.min : spec.max;
    report("DATA_OUT_OF_RANGE", { expected: rangeText(spec.min, spec.max), expects: "range", ...spec.min ? { min: spec.min.toFixed() } : {}, ...spec.max ? { max: spec.max.toFixed() } : {}, ...receivedOf(raw) });
    return void 0;
  }
  return d2;
}
function rangeText(min2, max2) {
  if (min2 !== void 0 && max2 !== void 0) return `between ${min2.toFixed()} and ${max2.toFixed()}`;
  if (min2 !== void 0) return `at least ${min2.toFixed()}`;
  return `at most ${max2.toFixed()}`;
}
function readRank(raw, report) {
  let rank;
  let of;
  if (typeof raw === "string") {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
    if (m) [rank, of] = [Number(m[1]), Number(m[2])];
  } else if (isMapping(raw)) {
    const [r, n2] = [own(raw, "rank"), own(raw, "of")];
    if (Number.isInteger(r) && Number.isInteger(n2)) [rank, of] = [r, n2];
  }
  if (rank === void 0 || of === void 0 || rank < 1 || rank > of) {
    report("DATA_BAD_SHAPE", { expected: 'a rank "k/N" with 1 \u2264 k \u2264 N', expects: "rank", received: showValue(raw) });
    return void 0;
  }
  return { rank, of };
}
var LIST_TEXT = 'scores separated by ";" (80;85.5), or a list [80, 85.5]';
function readScores(spec, raw, report) {
  const raters = [];
  const values = [];
  const one = (v, rater, position) => {
    const at2 = rater !== null ? `.${rater}` : void 0;
    const d2 = readNumber({ ...spec, type: "number", clamp: false }, v, (code, params) => report(code, { ...params, ...position !== void 0 ? { position } : {} }, at2), false);
    if (d2 === void 0) return false;
    raters.push(rater);
    values.push(d2);
    return true;
  };
  const list2 = (items2) => {
    for (let i = 0; i < items2.length; i++) if (!one(items2[i], null, i + 1)) return false;
    return true;
  };
  if (Array.isArray(raw)) {
    if (!list2(raw)) return void 0;
  } else if (isMapping(raw)) {
    if (reportInherited(raw, report)) return void 0;
    for (const rater of Object.keys(raw)) if (!one(raw[rater], rater)) return void 0;
  } else if (typeof raw === "string" && raw.trim().startsWith("[")) {
    let parsed;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = void 0;
    }
    if (!Array.isArray(parsed)) {
      report("DATA_BAD_SHAPE", { expected: LIST_TEXT, expects: "scores", ...receivedOf(raw) });
      return void 0;
    }
    if (!list2(parsed)) return void 0;
  } else if (typeof raw === "string" && /[;；]/.test(raw)) {
    const parts = raw.split(/[;；]/);
    const empty = parts.findIndex((p) => p.trim() === "");
    if (empty >= 0) {
      report("DATA_BAD_SHAPE", { expected: `${LIST_TEXT}, with no empty part`, expects: "scores-no-empty", ...receivedOf(raw), position: empty + 1 });
      return void 0;
    }
    if (!list2(parts)) return void 0;
  } else if (!one(raw, null)) return void 0;
  return { raters, values };
}
var VOTE_EXTRAS = ["abstain", "invalid", "issued"];
function readVotes(spec, raw, report) {
  if (!isMapping(raw)) {
    report("DATA_BAD_SHAPE", { expected: `vote counts {${spec.levels.join(", ")}, abstain?, invalid?, issued?}`, expects: "votes", levels: spec.levels, received: showValue(raw) });
    return void 0;
  }
  if (reportInherited(raw, report)) return void 0;
  const count = (key) => {
    const d2 = parseDecimal(own(raw, key));
    if (d2 === void 0 || !d2.isInteger() || d2.lt(0)) {
      report("DATA_INVALID_VALUE", { expected: `a whole number of votes for "${key}"`, expects: "vote-count", key, ...receivedOf(own(raw, key)) }, `.${key}`);
      return void 0;
    }
    return d2;
  };
  const allowed = [...spec.levels, ...VOTE_EXTRAS];
  let unknownKey = false;
  for (const key of Object.keys(raw))
    if (!allowed.includes(key)) {
      unknownKey = true;
      report("DATA_BAD_SHAPE", { expected: `vote keys ${allowed.join(", ")}`, expects: "vote-key", allowed, key, received: `"${key}"` }, `.${key}`);
    }
  if (unknownKey) return void 0;
  const levels2 = /* @__PURE__ */ Object.create(null);
  for (const level of spec.levels) {
    if (own(raw, level) === void 0) {
      report("DATA_BAD_SHAPE", { expected: `a count for every level (${spec.levels.join(", ")})`, expects: "vote-levels", levels: spec.levels, level, allowed, received: `no "${level}"` });
      return void 0;
    }
    const d2 = count(level);
    if (d2 === void 0) return void 0;
    levels2[level] = d2;
  }
  const extra = (key) => own(raw, key) === void 0 ? ZERO : count(key);
  const abstain = extra("abstain");
  const invalid = extra("invalid");
  const issued = own(raw, "issued") === void 0 ? void 0 : count("issued");
  if (abstain === void 0 || invalid === void 0 || own(raw, "issued") !== void 0 && issued === void 0) return void 0;
  return { levels: levels2, abstain, invalid, ...issued !== void 0 ? { issued } : {} };
}
function readRecords(spec, raw, report) {
  const names = Object.keys(spec.fields);
  if (!Array.isArray(raw)) {
    report("DATA_BAD_SHAPE", { expected: `a list of records with ${names.join(", ")}`, expects: "records", fields: names, received: showValue(raw) });
    return void 0;
  }
  const out = [];
  for (let i = 0; i < raw.length; i++) {
    const rec2 = raw[i];
    const at2 = `[${i + 1}]`;
    if (!isMapping(rec2)) {
      report("DATA_BAD_SHAPE", { expected: `a mapping (record ${i + 1})`, expects: "record", index: i + 1, received: Object.hasOwn(raw, i) ? showValue(rec2) : "a hole in the list", ...Object.hasOwn(raw, i) ? {} : { got: "hole" } }, at2);
      return void 0;
    }
    if (reportInherited(rec2, report, at2)) return void 0;
    const r = /* @__PURE__ */ Object.create(null);
    for (const k of Object.keys(rec2)) {
      const v = rec2[k];
      const type = Object.hasOwn(spec.fields, k) ? spec.fields[k] : void 0;
      if (!type) {
        report("DATA_BAD_SHAPE", { expected: `one of the record fields ${names.join(", ")}`, expects: "record-field", allowed: names, key: k, index: i + 1, received: `"${k}" in record ${i + 1}` }, `${at2}.${k}`);
        return void 0;
      }
      if (type === "text") {
        const t = scalarText(v);
        if (t === void 0) {
          report("DATA_BAD_SHAPE", { expected: "text (a string or a number)", expects: "text", received: showValue(v) }, `${at2}.${k}`);
          return void 0;
        }
        r[k] = t;
      } else {
        const d2 = readNumber({ type, min: ZERO }, v, (code, params) => report(code, params, `${at2}.${k}`), false);
        if (d2 === void 0) return void 0;
        r[k] = d2;
      }
    }
    out.push(r);
  }
  return out;
}

// src/engine/score-tree.ts
function scoreTree(s2, cohort, rounding2) {
  const root = s2.plan.root;
  const result = scoreNode(root, s2, cohort);
  if (result === void 0 && !s2.failed) {
    s2.fail("EVAL_NOT_GRADABLE", { reason: "nothing-applies", skipped: s2.skipped.map((k) => ({ item: k.item, column: k.column })) });
  }
  if (result === void 0 || s2.failed) return void 0;
  if (!rounding2) return result;
  const points = round(result, rounding2.places, rounding2.mode);
  s2.scratch[root] = points;
  if (s2.scores) {
    const id = s2.plan.nodes[root].node.id;
    s2.scores.set(id, rounded(s2.scores.get(id), points, rounding2, "rounding"));
  }
  return points;
}
function rounded(score, points, r, label) {
  if (points.eq(score.points)) return score;
  const raw = score.points;
  const line2 = { entry: "round", label, amount: points.minus(raw), note: () => ({ key: "round", raw, places: r.places, mode: r.mode, points }) };
  return { points, max: score.max, lines: [...score.lines, line2] };
}
var NOTHING_ABSENT = Object.freeze({ lines: Object.freeze([]) });
var readsOf = /* @__PURE__ */ new WeakMap();
function absentInputs(item, s2) {
  if (!s2.anyAbsent) return NOTHING_ABSENT;
  let reads = readsOf.get(item);
  if (!reads) readsOf.set(item, reads = methodInputs(item.method));
  const absent = reads.filter(({ input }) => s2.subject.absent.has(input)).map(({ input }) => {
    const spec = s2.rubric.inputs.get(input);
    return { input, spec, policy: item.missing ?? spec.missing ?? "error", column: s2.column(input) };
  });
  if (absent.length === 0) return NOTHING_ABSENT;
  const skip = absent.find((a) => a.policy === "skip");
  if (skip) {
    s2.skip(item.id, skip.column);
    return "skip";
  }
  const errors = absent.filter((a) => a.policy === "error");
  for (const a of errors) s2.missingField(a.input, a.spec.required ? void 0 : item.id);
  if (errors.length) return "fail";
  const lines = [];
  let zeros;
  for (const { input, spec, column: column2 } of absent) {
    const empty = spec.type === "scores";
    if (item.missing === "zero") (zeros ??= /* @__PURE__ */ new Map()).set(input, empty ? EMPTY_SHEET : ZERO);
    lines.push({ entry: input, label: column2, amount: ZERO, note: () => ({ key: "absent-zero", column: column2, empty }) });
  }
  return { ...zeros ? { zeros } : {}, lines };
}
function scoreNode(i, s2, cohort) {
  const p = s2.plan.nodes[i];
  const num = p.numeric;
  if (num.path === "int" && s2.fromColumns) {
    const v = s2.reach(i);
    if (v !== v) return void 0;
    const d2 = Dec.of(v, num.scale);
    s2.scratch[i] = d2;
    s2.full[i] = intFull(i, s2);
    return d2;
  }
  const node = p.node;
  if (node.only && !testCondition(node.only, s2)) return void 0;
  let points;
  let score;
  if (node.type === "item") {
    const absent = absentInputs(node, s2);
    if (absent === "skip") return void 0;
    if (absent === "fail") return void 0;
    const failedBefore = s2.failed;
    if (s2.scores) {
      score = s2.withZeros(absent.zeros, () => scoreItem(node, s2, cohort));
      if (score && absent.lines.length) score = { ...score, lines: [...absent.lines, ...score.lines] };
      points = score?.points;
    } else points = absent.zeros ? s2.withZeros(absent.zeros, () => itemPoints(node, s2, cohort)) : itemPoints(node, s2, cohort);
    if (points === void 0) {
      if (!failedBefore && !s2.failed) s2.fail("EVAL_NOT_GRADABLE", { reason: "item-failed", item: node.id });
      s2.failed = true;
      return void 0;
    }
    s2.full[i] = node.max;
  } else {
    points = scoreGroup(p.index, node, s2, cohort);
    if (points === void 0) return void 0;
    if (s2.scores) score = s2.scores.get(node.id);
  }
  if (node.round) {
    const r = round(points, node.round.places, node.round.mode);
    if (score) score = rounded(score, r, node.round, "round");
    points = r;
  }
  s2.scratch[i] = points;
  if (score) s2.scores.set(node.id, score);
  return points;
}
function scoreGroup(i, g, s2, cohort) {
  const p = s2.plan.nodes[i];
  const children = p.children;
  let applying = 0;
  for (const c of children) if (scoreNode(c, s2, cohort) !== void 0) applying++;
  if (s2.failed) return void 0;
  if (applying === 0) return void 0;
  const scratch = s2.scratch;
  let value;
  switch (g.combine) {
    case "sum": {
      value = ZERO;
      for (const c of children) {
        const v = scratch[c];
        if (v !== void 0) value = value.plus(v);
      }
      break;
    }
    case "weighted": {
      value = ZERO;
      for (const c of children) {
        const v = scratch[c];
        if (v === void 0) continue;
        const child = s2.plan.nodes[c].node;
        value = value.plus(v.times(g.weightSum ? child.rawWeight : child.weight));
      }
      if (g.weightSum) value = value.div(g.weightSum);
      break;
    }
    case "mean": {
      value = ZERO;
      for (const c of children) {
        const v = scratch[c];
        if (v !== void 0) value = value.plus(v);
      }
      value = value.div(applying);
      break;
    }
    case "max": {
      value = ZERO;
      for (const c of children) {
        const v = scratch[c];
        if (v !== void 0) value = max(value, v);
      }
      break;
    }
    case "min": {
      let m;
      for (const c of children) {
        const v = scratch[c];
        if (v !== void 0) m = m === void 0 ? v : min(m, v);
      }
      value = m;
      break;
    }
    default:
      return unreachable(g.combine, "combine mode");
  }
  const before = g.normalizeTo ? fullBeforeNormalising2(g, children, s2) : void 0;
  let full = g.normalizeTo ?? p.fixedMax ?? fullBeforeNormalising2(g, children, s2);
  const lines = s2.scores ? [] : void 0;
  const bounded = bound(value, g.floor, g.cap);
  if (lines && !bounded.eq(value)) {
    const side = g.cap && value.gt(g.cap) ? "cap" : "floor";
    lines.push({ entry: "bound", label: side, amount: bounded.minus(value), note: /* @__PURE__ */ ((v, b) => () => ({ key: "group-bound", value: v, bounded: b, side }))(value, bounded) });
  }
  value = bounded;
  if (g.normalizeTo) {
    const normalised = before.isZero() ? ZERO : value.times(g.normalizeTo).div(before);
    if (lines) {
      const [v, fm, to] = [value, before, g.normalizeTo];
      lines.push({ entry: "normalize", label: "\u6298\u7B97", amount: normalised.minus(value), note: () => ({ key: "normalize", value: v, full: fm, to }) });
    }
    value = normalised;
    full = g.normalizeTo;
  }
  for (const o of p.outside) {
    const v = scoreNode(o, s2, cohort);
    if (s2.failed) return void 0;
    if (v !== void 0) value = value.plus(v);
  }
  if (g.limit) {
    const limited = min(value, g.limit);
    if (lines && !limited.eq(value)) {
      const [v, lim] = [value, g.limit];
      lines.push({ entry: "limit", label: "limit", amount: limited.minus(value), note: () => ({ key: "limit", value: v, limit: lim }) });
    }
    value = limited;
  }
  s2.full[i] = full;
  if (s2.scores) s2.scores.set(g.id, { points: value, max: full, lines });
  return value;
}
function fullBeforeNormalising2(g, children, s2) {
  const maxes = [];
  const weights = [];
  for (const c of children) {
    if (!s2.applies(c)) continue;
    maxes.push(s2.full[c]);
    const child = s2.plan.nodes[c].node;
    if (g.combine === "weighted") weights.push(g.weightSum ? child.rawWeight : child.weight);
  }
  let full;
  switch (g.combine) {
    case "sum":
      full = sum(maxes);
      break;
    case "weighted":
      full = sum(maxes.map((m, k) => m.times(weights[k])));
      if (g.weightSum) full = full.div(g.weightSum);
      break;
    case "mean":
    case "max":
      full = maxes.reduce(max, ZERO);
      break;
    case "min":
      full = maxes.reduce(min);
      break;
    default:
      return unreachable(g.combine, "combine mode");
  }
  if (g.cap && full.gt(g.cap)) full = g.cap;
  return full;
}
function intFull(i, s2) {
  const p = s2.plan.nodes[i];
  if (p.node.type === "item") return p.node.max;
  if (p.fixedMax) return p.fixedMax;
  for (const c of p.children) if (s2.applies(c)) s2.full[c] = intFull(c, s2);
  return fullBeforeNormalising2(p.node, p.children, s2);
}
function scoreSubjects(rubric2, subjects3, inputs, cohort, linked, log, onProgress) {
  const plan = planOf(rubric2);
  const ctx = new ScoringContext(rubric2, plan, log, linked, false);
  const n2 = subjects3.length;
  const total = new Array(n2);
  const zeroItems = new Int32Array(n2);
  const kept = plan.kept;
  const keptColumns = kept.map(() => new Array(n2));
  const skipped = /* @__PURE__ */ new Map();
  const counted = plan.countedItems;
  const onInt = Uint8Array.from(plan.nodes, (p) => p.numeric.path === "int" ? 1 : 0);
  const scratch = ctx.scratch;
  const block = plan.columns ? new IntColumns(plan, subjects3, inputs, ctx) : void 0;
  const root = plan.root;
  const rootNum = plan.nodes[root].numeric;
  const rounding2 = rubric2.rounding;
  const rootScale = rootNum.path === "int" ? rootNum.scale : 0;
  const divisor = rounding2 && rounding2.places < rootScale ? 10 ** (rootScale - rounding2.places) : 0;
  const totalPlaces = divisor ? rounding2.places : rootScale;
  for (let lo = 0; lo < n2; lo += BLOCK_ROWS) {
    const hi = Math.min(n2, lo + BLOCK_ROWS);
    if (block) {
      block.score(lo, hi);
      if (rootNum.path === "int")
        for (const c of counted) {
          const col = block.cols[c];
          for (let r = lo; r < hi; r++) if (col[r - lo] === 0) zeroItems[r]++;
        }
    }
    for (let r = lo; r < hi; r++) {
      const j = r - lo;
      const clean = block !== void 0 && block.clean[j] === 1;
      if (clean && rootNum.path === "int") {
        const v = block.cols[root][j];
        if (v === v) {
          const t2 = Dec.of(divisor ? roundScaled(v, divisor, rounding2.mode) : v, totalPlaces);
          total[r] = t2;
          for (let k = 0; k < kept.length; k++) {
            const node = kept[k];
            if (node === root) keptColumns[k][r] = t2;
            else {
              const x = block.cols[node][j];
              keptColumns[k][r] = x === x ? Dec.of(x, plan.nodes[node].numeric.scale) : void 0;
            }
          }
          continue;
        }
      }
      ctx.reset(subjects3[r]);
      if (clean) ctx.readColumns(block.cols, j);
      zeroItems[r] = 0;
      const t = scoreTree(ctx, cohort, rounding2);
      if (ctx.skipped.length) skipped.set(r, ctx.skipped);
      if (t === void 0) continue;
      total[r] = t;
      let zeros = 0;
      for (const c of counted) {
        const d2 = scratch[c];
        if (d2 !== void 0 ? d2.isZero() : ctx.fromColumns && onInt[c] === 1 && ctx.columnValue(c) === 0) zeros++;
      }
      zeroItems[r] = zeros;
      for (let k = 0; k < kept.length; k++) keptColumns[k][r] = ctx.valueOf(kept[k]);
    }
    if (onProgress) onProgress(hi, n2);
  }
  const keptById = /* @__PURE__ */ new Map();
  kept.forEach((p, k) => keptById.set(plan.nodes[p].node.id, keptColumns[k]));
  return { subjects: subjects3, inputs, total, zeroItems, kept: keptById, skipped };
}
function rescoreSubject(rubric2, subject, cohort, linked) {
  const ctx = new ScoringContext(rubric2, planOf(rubric2), new IssueLog(rubric2), linked, true);
  ctx.reset(subject);
  scoreTree(ctx, cohort, rubric2.rounding);
  return ctx.scores;
}

// src/engine/data-table.ts
function scaledDigits(text, start, end, scale) {
  const n2 = end - start;
  if (n2 <= 0 || n2 > 16) return Number.NaN;
  let m = 0;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) m = m * 10 + (c - 48);
    else if (c === 46 && dot < 0 && i > start && i < end - 1) dot = i;
    else return Number.NaN;
  }
  return scaledFromDigits(m, n2, dot, end, scale);
}
function scaledFromDigits(m, n2, dot, end, scale) {
  if (n2 - (dot < 0 ? 0 : 1) > 15) return Number.NaN;
  const places2 = dot < 0 ? 0 : end - dot - 1;
  if (places2 > scale) return Number.NaN;
  const x = m * POWERS_OF_TEN[scale - places2];
  return x <= Number.MAX_SAFE_INTEGER ? x : Number.NaN;
}
var POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
var KeptColumns = class {
  constructor(cells, kept) {
    this.cells = cells;
    this.kept = kept;
  }
  cells;
  kept;
  cell(row, column2) {
    return this.cells.cell(row, this.kept[column2]);
  }
  cellLength(row, column2) {
    return this.cells.cellLength(row, this.kept[column2]);
  }
  rowLength(row) {
    return this.cells.rowLength(row);
  }
  cellScaled(row, column2, scale) {
    const at2 = this.kept[column2];
    if (this.cells.cellScaled) return this.cells.cellScaled(row, at2, scale);
    const text = this.cells.cell(row, at2);
    return scaledDigits(text, 0, text.length, scale);
  }
};
var DataTable = class _DataTable {
  /**
   * @param header - the column names, distinct (a CSV header given twice is refused before a table is made)
   * @param length - the number of rows
   * @param cells - the cells
   */
  constructor(header, length, cells) {
    this.header = header;
    this.length = length;
    this.cells = cells;
  }
  header;
  length;
  cells;
  cell(row, column2) {
    return this.cells.cell(row, column2);
  }
  /** The cell's length, or an upper bound exact for a cell that needs no decoding (a quoted cell may be shorter). */
  cellLength(row, column2) {
    return this.cells.cellLength(row, column2);
  }
  /** A bound above the length of every cell of the row. */
  rowLength(row) {
    return this.cells.rowLength(row);
  }
  /**
   * The cell as an exact integer number of 10^-scale (scale 0 … 22) when its text is a
   * plain decimal with at most `scale` decimals, NaN otherwise (see scaledDigits).
   */
  cellScaled(row, column2, scale) {
    if (this.cells.cellScaled) return this.cells.cellScaled(row, column2, scale);
    const text = this.cells.cell(row, column2);
    return scaledDigits(text, 0, text.length, scale);
  }
  /** The same rows without the columns `drop` names (this table itself when it names none). */
  withoutColumns(drop) {
    const kept = [];
    this.header.forEach((h, i) => {
      if (!drop(h)) kept.push(i);
    });
    if (kept.length === this.header.length) return this;
    return new _DataTable(
      kept.map((i) => this.header[i]),
      this.length,
      new KeptColumns(this.cells, kept)
    );
  }
  /** The rows as objects keyed by column (null prototype: a column named __proto__ is data). */
  toRows() {
    const out = [];
    for (let r = 0; r < this.length; r++) {
      const row = /* @__PURE__ */ Object.create(null);
      for (let c = 0; c < this.header.length; c++) row[this.header[c]] = this.cell(r, c);
      out.push(row);
    }
    return out;
  }
};

// src/engine/subject-data.ts
var OwnFields = class {
  constructor(row, ownKeys) {
    this.row = row;
    this.ownKeys = ownKeys;
  }
  row;
  ownKeys;
  has(key) {
    return Object.hasOwn(this.row, key);
  }
  get(key) {
    return Object.hasOwn(this.row, key) ? this.row[key] : void 0;
  }
  keys() {
    return this.ownKeys;
  }
};
var DEFAULT_DATA_LIMITS = Object.freeze({ rows: 1e6, columns: 1e4, cellLength: 1e6 });
function limitProblems(given) {
  if (given === void 0) return [];
  if (!isMapping(given)) return [{ key: "", expected: "an object such as { rows: 5000000 }", value: given }];
  const out = [];
  for (const key of Object.keys(given))
    if (!Object.hasOwn(DEFAULT_DATA_LIMITS, key)) out.push({ key, expected: `one of the limits ${Object.keys(DEFAULT_DATA_LIMITS).join(", ")}`, value: key });
  for (const key of Object.keys(DEFAULT_DATA_LIMITS)) {
    const v = own(given, key);
    if (v !== void 0 && !(typeof v === "number" && (Number.isInteger(v) && v >= 1 || v === Infinity)))
      out.push({ key, expected: "a whole number of at least 1, or Infinity", value: v });
  }
  return out;
}
function resolveLimits(given, issues) {
  for (const p of limitProblems(given)) {
    const field = p.key ? `limits.${p.key}` : "limits";
    issues.push(makeIssue("DATA_INVALID_VALUE", { field, expected: p.expected, expects: "limit", ...receivedOf(p.value) }, { path: field.split(".") }));
  }
  const out = { ...DEFAULT_DATA_LIMITS };
  if (issues.length === 0 && given !== void 0)
    for (const key of Object.keys(DEFAULT_DATA_LIMITS)) {
      const v = own(given, key);
      if (typeof v === "number") out[key] = v;
    }
  return out;
}
function subjectColumns(rubrics) {
  const fields = { id: ["id"], name: ["name"], group: ["group"] };
  const ignored = /* @__PURE__ */ new Set();
  const add = (list2, column2) => {
    if (column2 !== void 0 && !list2.includes(column2)) list2.push(column2);
  };
  for (const r of rubrics) {
    add(fields.id, r.idColumn);
    add(fields.name, r.nameColumn);
    add(fields.group, r.groupLabel);
    for (const c of r.ignoredColumns) ignored.add(c);
  }
  return { fields, ignored };
}
function subjectText(v, trim) {
  if (isAbsent(v)) return void 0;
  if (typeof v === "string") return trim ? v.trim() : v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}
var PerColumn = class {
  seen = /* @__PURE__ */ new Map();
  add(key, at2, params = {}) {
    const s2 = this.seen.get(key);
    if (s2) s2.rows++;
    else this.seen.set(key, { ...at2, rows: 1, params });
  }
  report(code, issues, params = () => ({})) {
    for (const [key, at2] of this.seen)
      issues.push(
        makeIssue(code, { field: key, rows: at2.rows, ...params(key), ...at2.params }, { row: at2.row, field: key, path: [at2.index, key], ...at2.id !== void 0 ? { subject: at2.id } : {} })
      );
  }
};
var IdRows = class {
  /** Made when the ascending order first breaks (undefined before, and once the ids are in a Map). */
  table;
  size;
  mask;
  /** Every id added, in order, and its row. */
  ids = [];
  rows = [];
  /** Whether every id so far is greater than the one before (nothing is in the table yet). */
  ascending = true;
  map;
  constructor(rows) {
    let size = 16;
    while (size < 2 * rows) size *= 2;
    this.size = size;
    this.mask = size - 1;
  }
  /** The row where `id` was first added; undefined when it is new (it is added, at `row`). */
  firstOrAdd(id, row) {
    const ids = this.ids;
    if (this.ascending) {
      const n2 = ids.length;
      if (n2 === 0 || id > ids[n2 - 1]) {
        ids.push(id);
        this.rows.push(row);
        return void 0;
      }
      this.ascending = false;
      this.table = new Int32Array(2 * this.size);
      for (let e = 0; e < n2; e++) if (!this.place(ids[e], e)) return this.inMap(id, row);
    }
    const table = this.table;
    if (table === void 0) return this.inMap(id, row);
    const h = idHash(id);
    const mask = this.mask;
    let at2 = h & mask;
    for (let probes = 0; probes < 64; probes++) {
      const e = table[2 * at2 + 1];
      if (e === 0) {
        table[2 * at2] = h;
        table[2 * at2 + 1] = ids.length + 1;
        ids.push(id);
        this.rows.push(row);
        return void 0;
      }
      if (table[2 * at2] === h && ids[e - 1] === id) return this.rows[e - 1];
      at2 = at2 + 1 & mask;
    }
    return this.inMap(id, row);
  }
  /** Put entry `e`, an id not in the table, in its place; false after 64 probes. */
  place(id, e) {
    const table = this.table;
    const h = idHash(id);
    let at2 = h & this.mask;
    for (let probes = 0; probes < 64; probes++) {
      if (table[2 * at2 + 1] === 0) {
        table[2 * at2] = h;
        table[2 * at2 + 1] = e + 1;
        return true;
      }
      at2 = at2 + 1 & this.mask;
    }
    return false;
  }
  /** firstOrAdd in a Map, every id added so far moved into it first (once). */
  inMap(id, row) {
    let map = this.map;
    if (map === void 0) {
      map = this.map = /* @__PURE__ */ new Map();
      for (let k = 0; k < this.ids.length; k++) map.set(this.ids[k], this.rows[k]);
      this.table = void 0;
    }
    const first = map.get(id);
    if (first === void 0) map.set(id, row);
    return first;
  }
};
function idHash(id) {
  let h = 2166136261 | 0;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  return h ^ h >>> 13;
}
var READ_FIELDS = -2;
var NOT_GIVEN = -1;
var RowChecker = class {
  constructor(k, issues, subjects3, rows) {
    this.k = k;
    this.issues = issues;
    this.subjects = subjects3;
    this.firstRow = new IdRows(rows);
    const all = (list2) => new Int32Array(list2.length).fill(READ_FIELDS);
    this.readAll = { id: all(k.fields.id), name: all(k.fields.name), group: all(k.fields.group) };
    this.at = this.readAll;
  }
  k;
  issues;
  subjects;
  firstRow;
  // An unknown column is one problem, reported at its first row with the count of rows.
  unknown = new PerColumn();
  inherited = new PerColumn();
  conflict = false;
  row = 0;
  index = 0;
  data;
  /** The column the last pick read (undefined: none of its columns is given). */
  picked;
  /** How the id, name and group columns are read (useColumns); through Fields.get unless told. */
  at;
  readAll;
  isKnown(key) {
    return this.k.known.has(key);
  }
  /** Where the id, name and group columns are in the rows checked next. */
  useColumns(at2) {
    this.at = at2;
  }
  /** For each of the id, name and group columns, how rows of a table with this layout read it. */
  tableColumns(layout) {
    const of = (list2) => Int32Array.from(list2, (c) => layout.groupOf.has(c) ? READ_FIELDS : layout.plain.get(c) ?? NOT_GIVEN);
    return { id: of(this.k.fields.id), name: of(this.k.fields.name), group: of(this.k.fields.group) };
  }
  shape(column2, expected2, received2, id, more) {
    this.conflict = true;
    this.issues.push(makeIssue("DATA_BAD_SHAPE", { field: column2, expected: expected2, received: received2, ...more }, { row: this.row, field: column2, path: [this.index, column2], ...id !== void 0 ? { subject: id } : {} }));
  }
  /**
   * A subject field is read from one column: "id" or the rubric's id column (编号), never
   * both. Its text (undefined when no column gives it or it is of another type); the
   * column in `picked`. Each column is read once (a value that is not undefined is there).
   */
  pick(field, id) {
    const data = this.data;
    const columns = this.k.fields[field];
    const at2 = this.at[field];
    let first;
    let firstValue;
    let second;
    for (let j = 0; j < columns.length; j++) {
      const a = at2[j];
      if (a === NOT_GIVEN) continue;
      const c = columns[j];
      const v = a === READ_FIELDS ? data.get(c) : data.table.cell(data.row, a);
      if (isAbsent(v)) continue;
      if (first === void 0) {
        first = c;
        firstValue = v;
      } else if (second === void 0) second = c;
    }
    this.picked = first;
    if (second !== void 0) this.shape(second, `given once (the subject's ${field})`, `both "${first}" and "${second}"`, id, { expects: "once", of: field, columns: [first, second] });
    if (first === void 0) return void 0;
    const value = subjectText(firstValue, field === "id");
    if (value === null) {
      this.picked = void 0;
      this.shape(first, `the subject's ${field}: text or a number`, showValue(firstValue), id, { expects: "subject-text", of: field });
      return void 0;
    }
    return value;
  }
  /**
   * @param inheritedHere - the row's inherited enumerable keys (reported)
   * @param unknownKeys - the row's keys (folded) that no rubric knows
   * @param foldedUnknown - columns of nested inputs that are not known (a series period out of range)
   * @param twice - nested inputs given whole and as dotted columns
   */
  check(data, i, inheritedHere, unknownKeys, foldedUnknown, twice) {
    const row = i + 1;
    this.row = row;
    this.index = i;
    this.data = data;
    this.conflict = false;
    const id = this.pick("id") ?? "";
    const idColumn = this.picked;
    for (const key of inheritedHere) this.inherited.add(key, { row, index: i, ...id !== "" ? { id } : {} });
    if (this.conflict) return;
    if (id === "") {
      const fields = this.k.fields.id;
      const column2 = idColumn ?? fields[fields.length - 1];
      this.issues.push(makeIssue("DATA_MISSING_ID", { field: column2 }, { row, field: column2, path: [i, column2] }));
      return;
    }
    const first = this.firstRow.firstOrAdd(id, row);
    if (first !== void 0) {
      this.issues.push(makeIssue("DATA_DUPLICATE_ID", { id, firstRow: first }, { row, subject: id, field: idColumn, path: [i, idColumn] }));
      return;
    }
    for (const key of unknownKeys) this.unknown.add(key, { row, id, index: i });
    if (foldedUnknown) for (const u of foldedUnknown) this.unknown.add(u.key, { row, id, index: i }, { hint: u.hint, series: u.base, periods: u.periods });
    if (twice)
      for (const { base, columns } of twice)
        this.shape(base, `given once: as "${base}" or as "${base}.<key>" columns, not both`, `both "${base}" and ${columns.map((k) => `"${k}"`).join(", ")}`, id, { expects: "once-dotted", columns: [base, ...columns] });
    const name = this.pick("name", id);
    const group = this.pick("group", id);
    if (this.conflict) return;
    this.subjects.push(
      name === void 0 ? group === void 0 ? { id, row, data } : { id, row, data, group } : group === void 0 ? { id, row, data, name } : { id, row, data, name, group }
    );
  }
};
var NO_KEYS = [];
function checkSubjects(rows, rubrics, givenLimits) {
  const issues = [];
  const subjects3 = [];
  const limits = resolveLimits(givenLimits, issues);
  if (issues.length > 0) return { subjects: subjects3, issues };
  const table = rows instanceof DataTable ? rows : void 0;
  if (!table && !Array.isArray(rows)) {
    issues.push(makeIssue("DATA_BAD_SHAPE", { field: "subjects", expected: "a list of subjects", expects: "subjects", received: showValue(rows) }));
    return { subjects: subjects3, issues };
  }
  if (rows.length > limits.rows) {
    issues.push(makeIssue("DATA_TOO_LARGE", { what: "subjects (rows)", count: rows.length, limit: limits.rows, option: "limits.rows" }));
    return { subjects: subjects3, issues };
  }
  const { fields, ignored } = subjectColumns(rubrics);
  const known = /* @__PURE__ */ new Set([...fields.id, ...fields.name, ...fields.group, ...ignored]);
  for (const r of rubrics)
    for (const spec of r.inputs.values()) {
      known.add(spec.name);
      if (spec.label) known.add(spec.label);
    }
  const nested = nestedInputs(rubrics);
  const checker = new RowChecker({ fields, known, nested }, issues, subjects3, rows.length);
  if (table) checkTable(table, nested, limits, checker, issues);
  else checkObjects(rows, nested, limits, checker, issues);
  checker.unknown.report("DATA_UNKNOWN_FIELD", issues);
  checker.inherited.report("DATA_BAD_SHAPE", issues, () => INHERITED);
  return { subjects: subjects3, issues };
}
function checkObjects(rows, nested, limits, checker, issues) {
  let wide;
  let holes;
  const endHoles = () => {
    if (!holes) return;
    const { index, count } = holes;
    issues.push(
      makeIssue(
        "DATA_BAD_SHAPE",
        { expected: "a mapping with an id and input values", expects: "subject", received: count === 1 ? "a hole in the list" : `a hole in the list (rows ${index + 1} to ${index + count})`, got: "hole", rows: count },
        { row: index + 1, path: [index] }
      )
    );
    holes = void 0;
  };
  let shape;
  let previous;
  const recent = [];
  let misses = 0;
  const cellLength = limits.cellLength;
  for (let i = 0; i < rows.length; i++) {
    if (!Object.hasOwn(rows, i)) {
      if (holes) holes.count++;
      else holes = { index: i, count: 1 };
      continue;
    }
    if (holes) endHoles();
    const raw = rows[i];
    const row = i + 1;
    if (!isMapping(raw)) {
      issues.push(makeIssue("DATA_BAD_SHAPE", { expected: "a mapping with an id and input values", expects: "subject", received: showValue(raw) }, { row, path: [i] }));
      continue;
    }
    const proto = Object.getPrototypeOf(raw);
    const plainProto = proto === Object.prototype || proto === null;
    if (plainProto && shape !== void 0) {
      if (misses < MISS_LIMIT) {
        if (sameKeysShortValues(raw, shape.keys, cellLength)) {
          if (misses > 0) misses--;
          checkShaped(raw, i, shape, checker);
          continue;
        }
        if (previous !== void 0 && sameKeysShortValues(raw, previous.keys, cellLength)) {
          if (misses > 0) misses--;
          [shape, previous] = [previous, shape];
          checkShaped(raw, i, shape, checker);
          continue;
        }
        misses += 8;
      } else misses--;
    }
    const keys = Object.keys(raw);
    if (keys.length > limits.columns) {
      if (wide) wide.rows++;
      else wide = { row, index: i, count: keys.length, rows: 1 };
      continue;
    }
    let tooLong = false;
    for (const key of keys) {
      const v = raw[key];
      if (typeof v === "string" && v.length > cellLength) {
        tooLong = true;
        issues.push(
          makeIssue("DATA_TOO_LARGE", { what: "characters in one value", field: key, count: v.length, limit: cellLength, option: "limits.cellLength" }, { row, field: key, path: [i, key] })
        );
      }
    }
    if (tooLong) continue;
    const inheritedHere = inheritedKeys(raw);
    if (plainProto && inheritedHere.length === 0) {
      if (shape === void 0 || !sameList(keys, shape.keys)) {
        let next = recent.find((s2) => sameList(keys, s2.keys));
        if (next === void 0) {
          next = objectShape(keys, nested, checker);
          recent.push(next);
          if (recent.length > RECENT_SHAPES) recent.shift();
        }
        previous = shape;
        shape = next;
      }
      checkShaped(raw, i, shape, checker);
      continue;
    }
    const folded = foldColumns(raw, keys, nested);
    const unknownKeys = [];
    for (const key of folded.data.keys()) if (!checker.isKnown(key)) unknownKeys.push(key);
    checker.check(folded.data, i, inheritedHere, unknownKeys, folded.unknown, folded.twice);
  }
  endHoles();
  if (wide)
    issues.push(
      makeIssue("DATA_TOO_LARGE", { what: "fields (columns) in one subject", count: wide.count, limit: limits.columns, option: "limits.columns", rows: wide.rows }, { row: wide.row, path: [wide.index] })
    );
}
var RECENT_SHAPES = 8;
var MISS_LIMIT = 32;
function sameKeysShortValues(raw, keys, cellLength) {
  const n2 = keys.length;
  let k = 0;
  for (const key in raw) {
    if (k === n2 || key !== keys[k]) return false;
    k++;
    const v = raw[key];
    if (typeof v === "string" && v.length > cellLength) return false;
  }
  return k === n2;
}
function sameList(a, b) {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
function checkShaped(raw, i, shape, checker) {
  const fold = shape.fold;
  if (fold === void 0) checker.check(new OwnFields(raw, shape.keys), i, NO_KEYS, shape.unknown, void 0, void 0);
  else checker.check(new FoldedFields(raw, fold), i, NO_KEYS, shape.unknown, fold.badPeriods, fold.mayBeTwice.length > 0 ? givenTwice(raw, fold) : void 0);
}
var PLAIN_KEY = { kind: "plain" };
var BAD_PERIOD = { kind: "bad-period" };
function objectShape(keys, nested, checker) {
  const unknownOf = (list2) => [...list2].filter((k) => !checker.isKnown(k));
  if (nested.size === 0) return { keys, unknown: unknownOf(keys), fold: void 0 };
  const roles = [];
  const plain = /* @__PURE__ */ new Set();
  const groupOf = /* @__PURE__ */ new Map();
  const badPeriods = [];
  let folds = false;
  const groupFor = (base, spec) => {
    let g = groupOf.get(base);
    if (!g) groupOf.set(base, g = { base, series: spec.type === "series", records: spec.type === "records", whole: false, dotted: [] });
    return g;
  };
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const dot = key.indexOf(".");
    const spec = dot > 0 ? nested.get(key.slice(0, dot)) : nested.get(key);
    if (!spec) {
      roles.push(PLAIN_KEY);
      plain.add(key);
      continue;
    }
    folds = true;
    if (dot < 0) {
      const group2 = groupFor(key, spec);
      group2.whole = true;
      roles.push({ kind: "whole", group: group2 });
      continue;
    }
    const base = key.slice(0, dot);
    const sub = key.slice(dot + 1);
    if (spec.type === "series" && !(PERIOD.test(sub) && Number(sub) <= spec.length)) {
      roles.push(BAD_PERIOD);
      badPeriods.push({ key, hint: `the series has ${spec.length} periods: ${base}.1 \u2026 ${base}.${spec.length}`, base, periods: spec.length });
      continue;
    }
    const group = groupFor(base, spec);
    group.dotted.push({ key, sub, period: Number(sub), at: k });
    roles.push({ kind: "dotted", group });
  }
  if (!folds) return { keys, unknown: unknownOf(keys), fold: void 0 };
  const groups = [...groupOf.values()];
  return {
    keys,
    unknown: unknownOf(plain),
    fold: { keys, roles, plain, groupOf, mayBeTwice: groups.filter((g) => g.dotted.length > 0), badPeriods: badPeriods.length > 0 ? badPeriods : void 0 }
  };
}
var FoldedFields = class {
  constructor(row, fold) {
    this.row = row;
    this.fold = fold;
  }
  row;
  fold;
  has(key) {
    const g = this.fold.groupOf.get(key);
    if (g !== void 0) return g.whole || dottedGiven(this.row, g);
    return this.fold.plain.has(key);
  }
  get(key) {
    const g = this.fold.groupOf.get(key);
    if (g !== void 0) {
      const v = foldedObjectValue(this.row, g);
      if (v !== void 0 || !g.whole) return v;
      const whole = this.row[key];
      return g.records ? recordsCell(whole) : whole;
    }
    return this.fold.plain.has(key) ? this.row[key] : void 0;
  }
  keys() {
    const out = [];
    const { keys, roles } = this.fold;
    for (let k = 0; k < keys.length; k++) {
      const role2 = roles[k];
      if (role2.kind === "plain") out.push(keys[k]);
      else if ((role2.kind === "whole" || role2.kind === "dotted" && !isAbsent(this.row[keys[k]])) && !out.includes(role2.group.base)) out.push(role2.group.base);
    }
    return out;
  }
};
function dottedGiven(row, g) {
  for (const d2 of g.dotted) if (!isAbsent(row[d2.key])) return true;
  return false;
}
function recordsCell(value) {
  if (typeof value === "string" && value.trim().startsWith("["))
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  return value;
}
function foldedObjectValue(row, g) {
  let target;
  for (const d2 of g.dotted) {
    const value = row[d2.key];
    if (isAbsent(value)) continue;
    target ??= g.series ? [] : /* @__PURE__ */ Object.create(null);
    if (g.series) target[d2.period - 1] = value;
    else target[d2.sub] = value;
  }
  if (g.series && target !== void 0) for (let k = 0; k < target.length; k++) target[k] ??= null;
  return target;
}
function givenTwice(row, fold) {
  let twice;
  for (const g of fold.mayBeTwice) {
    if (!Object.hasOwn(row, g.base) || isAbsent(row[g.base])) continue;
    let columns;
    let at2 = 0;
    for (const d2 of g.dotted)
      if (!isAbsent(row[d2.key])) {
        if (!columns) at2 = d2.at;
        (columns ??= []).push(d2.key);
      }
    if (columns) (twice ??= []).push({ base: g.base, columns, at: at2 });
  }
  if (twice && twice.length > 1) twice.sort((a, b) => a.at - b.at);
  return twice?.map(({ base, columns }) => ({ base, columns }));
}
var NOT_PLAIN = -2;
function foldGroups(nestedColumns) {
  const groups = /* @__PURE__ */ new Map();
  for (const c of nestedColumns) {
    if (c.badPeriod !== void 0) continue;
    let g = groups.get(c.base);
    if (!g) groups.set(c.base, g = { base: c.base, series: c.spec.type === "series", records: c.spec.type === "records", whole: void 0, dotted: [] });
    if (c.sub === void 0) g.whole = c.index;
    else g.dotted.push({ index: c.index, key: c.key, sub: c.sub, period: Number(c.sub) });
  }
  return [...groups.values()];
}
var TableFields = class {
  constructor(layout, row) {
    this.layout = layout;
    this.row = row;
  }
  layout;
  row;
  get table() {
    return this.layout.table;
  }
  /**
   * Per input of the rubric, the column of its name and of its label: an index, -1 when
   * the table has no such column, NOT_PLAIN when it is a nested input's (read through get).
   */
  inputColumns(inputs) {
    let cols = this.layout.inputColumns.get(inputs);
    if (!cols) {
      const at2 = (key) => key === void 0 ? -1 : this.layout.groupOf.has(key) ? NOT_PLAIN : this.layout.plain.get(key) ?? -1;
      cols = new Int32Array(inputs.plans.flatMap((p) => [at2(p.name), at2(p.label)]));
      this.layout.inputColumns.set(inputs, cols);
    }
    return cols;
  }
  has(key) {
    if (this.layout.plain.has(key)) return true;
    const g = this.layout.groupOf.get(key);
    return g !== void 0 && foldedValue(this.layout.table, this.row, g) !== void 0;
  }
  get(key) {
    const g = this.layout.groupOf.get(key);
    if (g !== void 0) {
      const v = foldedValue(this.layout.table, this.row, g);
      if (v !== void 0) return v;
    }
    const c = this.layout.plain.get(key);
    return c === void 0 ? void 0 : this.layout.table.cell(this.row, c);
  }
  keys() {
    const out = [...this.layout.plainKeys];
    for (const g of this.layout.groups) if (!this.layout.plain.has(g.base) && foldedValue(this.layout.table, this.row, g) !== void 0) out.push(g.base);
    return out;
  }
};
function foldedValue(table, row, g) {
  let target;
  for (const d2 of g.dotted) {
    const value = table.cell(row, d2.index);
    if (isAbsent(value)) continue;
    target ??= g.series ? [] : /* @__PURE__ */ Object.create(null);
    if (g.series) target[d2.period - 1] = value;
    else target[d2.sub] = value;
  }
  if (target !== void 0) {
    if (g.series) for (let k = 0; k < target.length; k++) target[k] ??= null;
    return target;
  }
  if (g.records && g.whole !== void 0) {
    const value = table.cell(row, g.whole);
    if (!isAbsent(value) && value.trim().startsWith("["))
      try {
        return JSON.parse(value);
      } catch {
        return value;
      }
  }
  return void 0;
}
function tableLayout(table, nested) {
  const plain = /* @__PURE__ */ new Map();
  const plainKeys = [];
  const nestedColumns = [];
  table.header.forEach((key, index) => {
    const dot = key.indexOf(".");
    const spec = dot > 0 ? nested.get(key.slice(0, dot)) : nested.get(key);
    if (!spec) {
      plain.set(key, index);
      plainKeys.push(key);
      return;
    }
    if (dot < 0) {
      plain.set(key, index);
      plainKeys.push(key);
      nestedColumns.push({ index, key, spec, base: key });
      return;
    }
    const base = key.slice(0, dot);
    const sub = key.slice(dot + 1);
    const badPeriod = spec.type === "series" && !(PERIOD.test(sub) && Number(sub) <= spec.length) ? `the series has ${spec.length} periods: ${base}.1 \u2026 ${base}.${spec.length}` : void 0;
    nestedColumns.push({ index, key, spec, base, sub, ...badPeriod !== void 0 ? { badPeriod } : {} });
  });
  const groups = foldGroups(nestedColumns);
  return { table, plain, plainKeys, nestedColumns, groups, groupOf: new Map(groups.map((g) => [g.base, g])), inputColumns: /* @__PURE__ */ new WeakMap() };
}
function checkTable(table, nested, limits, checker, issues) {
  const width = table.header.length;
  if (table.length === 0) return;
  if (width > limits.columns) {
    issues.push(makeIssue("DATA_TOO_LARGE", { what: "fields (columns) in one subject", count: width, limit: limits.columns, option: "limits.columns", rows: table.length }, { row: 1, path: [0] }));
    return;
  }
  const layout = tableLayout(table, nested);
  const { header } = table;
  const badPeriods = layout.nestedColumns.filter((c) => c.badPeriod !== void 0).map((c) => ({ key: c.key, hint: c.badPeriod, base: c.base, periods: c.spec.length }));
  const unknownPeriods = badPeriods.length ? badPeriods : void 0;
  const unknownColumns = layout.plainKeys.filter((k) => !checker.isKnown(k));
  const mayBeTwice = layout.groups.filter((g) => g.whole !== void 0 && g.dotted.length > 0);
  checker.useColumns(checker.tableColumns(layout));
  const cellLength = limits.cellLength;
  for (let i = 0; i < table.length; i++) {
    let tooLong = false;
    if (table.rowLength(i) > cellLength)
      for (let c = 0; c < width; c++) {
        if (table.cellLength(i, c) <= limits.cellLength) continue;
        const v = table.cell(i, c);
        if (v.length > limits.cellLength) {
          tooLong = true;
          const key = header[c];
          issues.push(makeIssue("DATA_TOO_LARGE", { what: "characters in one value", field: key, count: v.length, limit: limits.cellLength, option: "limits.cellLength" }, { row: i + 1, field: key, path: [i, key] }));
        }
      }
    if (tooLong) continue;
    let twice;
    for (const g of mayBeTwice) {
      if (isAbsent(table.cell(i, g.whole))) continue;
      let columns;
      let at2 = 0;
      for (const d2 of g.dotted)
        if (!isAbsent(table.cell(i, d2.index))) {
          if (!columns) at2 = d2.index;
          (columns ??= []).push(d2.key);
        }
      if (columns) (twice ??= []).push({ base: g.base, columns, at: at2 });
    }
    if (twice && twice.length > 1) twice.sort((a, b) => a.at - b.at);
    const data = new TableFields(layout, i);
    checker.check(data, i, NO_KEYS, unknownColumns, unknownPeriods, twice);
  }
  checker.useColumns(checker.readAll);
}
function nestedInputs(rubrics) {
  const out = /* @__PURE__ */ new Map();
  const put = (key, spec) => {
    const before = out.get(key);
    if (before?.type === "series" && spec.type === "series" && before.length > spec.length) return;
    out.set(key, spec);
  };
  for (const r of rubrics)
    for (const spec of r.inputs.values())
      if (spec.type === "scores" || spec.type === "votes" || spec.type === "series" || spec.type === "records") {
        put(spec.name, spec);
        if (spec.label) put(spec.label, spec);
      }
  return out;
}
var PERIOD = /^[1-9][0-9]{0,8}$/;
function foldColumns(row, keys, nested) {
  if (nested.size === 0) return { data: new OwnFields(row, keys) };
  let folded;
  let unknown;
  let dotted;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const dot = key.indexOf(".");
    const spec = dot > 0 ? nested.get(key.slice(0, dot)) : nested.get(key);
    if (!spec) {
      folded?.set(key, row[key]);
      continue;
    }
    if (!folded) {
      folded = /* @__PURE__ */ new Map();
      for (let j = 0; j < k; j++) folded.set(keys[j], row[keys[j]]);
    }
    const value = row[key];
    if (dot < 0) {
      let parsed = value;
      if (spec.type === "records" && typeof value === "string" && value.trim().startsWith("["))
        try {
          parsed = JSON.parse(value);
        } catch {
          parsed = value;
        }
      if (!dotted?.has(key)) folded.set(key, parsed);
      continue;
    }
    const base = key.slice(0, dot);
    const sub = key.slice(dot + 1);
    if (spec.type === "series" && !(PERIOD.test(sub) && Number(sub) <= spec.length)) {
      (unknown ??= []).push({ key, hint: `the series has ${spec.length} periods: ${base}.1 \u2026 ${base}.${spec.length}`, base, periods: spec.length });
      continue;
    }
    if (isAbsent(value)) continue;
    dotted ??= /* @__PURE__ */ new Map();
    const columns = dotted.get(base);
    if (columns) columns.push(key);
    else {
      dotted.set(base, [key]);
      folded.set(base, spec.type === "series" ? [] : /* @__PURE__ */ Object.create(null));
    }
    const target = folded.get(base);
    if (spec.type === "series") target[Number(sub) - 1] = value;
    else target[sub] = value;
  }
  if (!folded) return { data: new OwnFields(row, keys), ...unknown ? { unknown } : {} };
  let twice;
  if (dotted)
    for (const [base, columns] of dotted) {
      if (Object.hasOwn(row, base) && !isAbsent(row[base])) (twice ??= []).push({ base, columns });
      const v = folded.get(base);
      if (Array.isArray(v)) folded.set(base, Array.from(v, (x) => x ?? null));
    }
  return { data: folded, ...unknown ? { unknown } : {}, ...twice ? { twice } : {} };
}

// src/engine/input-table.ts
function codedOptions(spec) {
  return spec.type === "boolean" ? BOOLEAN_OPTIONS : spec.type === "choice" ? spec.values : spec.type === "grade" ? spec.scale : void 0;
}
var BOOLEAN_OPTIONS = Object.freeze([false, true]);
function numberColumn(magnitude, n2) {
  if (magnitude !== void 0 && magnitude <= 127) return { scaled: new Int8Array(n2).fill(-128), narrow: true, none: -128, limit: 127 };
  if (magnitude !== void 0 && magnitude <= 32767) return { scaled: new Int16Array(n2).fill(-32768), narrow: true, none: -32768, limit: 32767 };
  if (magnitude !== void 0 && magnitude <= 2147483647) return { scaled: new Int32Array(n2).fill(-2147483648), narrow: true, none: -2147483648, limit: 2147483647 };
  return { scaled: new Float64Array(n2).fill(Number.NaN), narrow: false, none: Number.NaN, limit: Number.MAX_SAFE_INTEGER };
}
function codeColumn(options, n2) {
  return options <= 127 ? new Int8Array(n2).fill(-1) : new Int32Array(n2).fill(-1);
}
function scaledAt(c, row) {
  const x = c.scaled[row];
  return x === c.none ? Number.NaN : x;
}
var InputTable = class {
  constructor(rows, columns, index) {
    this.rows = rows;
    this.columns = columns;
    this.index = index;
  }
  rows;
  columns;
  index;
  /** The value of input column k in a row, or undefined when the subject has none. */
  value(k, row) {
    const c = this.columns[k];
    if (c.scaled !== void 0) {
      const x = scaledAt(c, row);
      if (x === x) return Dec.of(x, c.scale);
    } else if (c.codes !== void 0) {
      const code = c.codes[row];
      if (code >= 0) return c.options[code];
    }
    return c.values?.[row];
  }
};
var RowValues = class {
  constructor(table, row) {
    this.table = table;
    this.row = row;
  }
  table;
  row;
  get(key) {
    const k = this.table.index.get(key);
    return k === void 0 ? void 0 : this.table.value(k, this.row);
  }
  has(key) {
    return this.get(key) !== void 0;
  }
  get size() {
    let n2 = 0;
    for (let k = 0; k < this.table.columns.length; k++) if (this.table.value(k, this.row) !== void 0) n2++;
    return n2;
  }
  *entries() {
    const cols = this.table.columns;
    for (let k = 0; k < cols.length; k++) {
      const v = this.table.value(k, this.row);
      if (v !== void 0) yield [cols[k].name, v];
    }
  }
  *keys() {
    for (const [k] of this.entries()) yield k;
  }
  *values() {
    for (const [, v] of this.entries()) yield v;
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  forEach(fn, thisArg) {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
  get [Symbol.toStringTag]() {
    return "InputValues";
  }
};

// src/engine/prepare.ts
var InputReporter = class {
  constructor(rubric2, issues) {
    this.rubric = rubric2;
    this.issues = issues;
    this.report = (code, params, at2) => {
      const field = this.column + (at2 ?? "");
      const { row, id } = this.subject;
      this.issues.push(makeIssue(code, { field, input: this.input, ...params }, { row, subject: id, field, rubric: this.rubric, path: [row - 1, field] }));
    };
  }
  rubric;
  issues;
  subject;
  column = "";
  input = "";
  /** The reporting function handed to the readers: one per rubric, never per value. */
  report;
};
function planOf2(spec) {
  const number = spec.type === "number" || spec.type === "count" || spec.type === "ratio";
  const def = "default" in spec ? spec.default : void 0;
  return {
    spec,
    name: spec.name,
    label: spec.label !== void 0 && spec.label !== spec.name ? spec.label : void 0,
    fallbackColumn: spec.label ?? spec.name,
    kind: number ? 1 /* Number */ : spec.type === "boolean" ? 2 /* Boolean */ : spec.type === "choice" || spec.type === "grade" ? 3 /* OneOf */ : spec.type === "series" ? 4 /* Series */ : 0 /* Other */,
    count: spec.type === "count",
    min: number || spec.type === "series" ? spec.min : void 0,
    max: number || spec.type === "series" ? spec.max : void 0,
    length: spec.type === "series" ? spec.length : -1,
    places: number && spec.places !== void 0 ? spec.places : -1,
    options: spec.type === "choice" ? spec.values : spec.type === "grade" ? spec.scale : void 0,
    whenAbsent: def !== void 0 ? def : spec.type === "records" ? NO_RECORDS : void 0,
    zero: def === void 0 && spec.type !== "records" && spec.missing === "zero" ? spec.type === "scores" ? EMPTY_SHEET : ZERO : void 0,
    ...scaledRange(spec, number)
  };
}
function scaledRange(spec, number) {
  if (!number) return { scale: -1, minScaled: Number.NaN, maxScaled: Number.NaN, rangeInDec: false, unit: 1, magnitude: void 0 };
  const s2 = spec;
  const scale = s2.places ?? DEFAULT_INPUT_SCALE;
  const at2 = (d2) => d2 === void 0 ? Number.NaN : d2.scaled(scale) ?? Number.NaN;
  const rangeInDec = s2.min !== void 0 && s2.min.scaled(scale) === void 0 || s2.max !== void 0 && s2.max.scaled(scale) === void 0;
  const big = (d2) => Number(d2.abs().times(10 ** scale).toDecimalPlaces(0, "ceil").toFixed());
  const magnitude = s2.min !== void 0 && s2.max !== void 0 ? Math.max(big(s2.min), big(s2.max)) : void 0;
  return { scale, minScaled: at2(s2.min), maxScaled: at2(s2.max), rangeInDec, unit: 10 ** scale, magnitude };
}
function scaledInRange(plan, x) {
  if (plan.count && x % plan.unit !== 0) return false;
  if (plan.rangeInDec) {
    const d2 = Dec.of(x, plan.scale);
    return !(plan.min !== void 0 && d2.lt(plan.min) || plan.max !== void 0 && d2.gt(plan.max));
  }
  return !(x < plan.minScaled || x > plan.maxScaled);
}
function fastSeries(plan, raw) {
  if (plan.kind !== 4 /* Series */ || !Array.isArray(raw) || raw.length !== plan.length) return void 0;
  const out = [];
  for (const x of raw) {
    const d2 = typeof x === "string" ? plainDecimal(x) : void 0;
    if (d2 === void 0 || plan.min !== void 0 && d2.lt(plan.min) || plan.max !== void 0 && d2.gt(plan.max)) return void 0;
    out.push(d2);
  }
  return out;
}
var PreparedRow = class {
  constructor(subject, table, index, absent, columns) {
    this.table = table;
    this.index = index;
    this.absent = absent;
    this.columns = columns;
    this.id = subject.id;
    this.row = subject.row;
    if (subject.name !== void 0) this.name = subject.name;
    if (subject.group !== void 0) this.group = subject.group;
  }
  table;
  index;
  absent;
  columns;
  id;
  row;
  view = void 0;
  get values() {
    return this.view ??= new RowValues(this.table, this.index);
  }
};
var rubricInputs = /* @__PURE__ */ new WeakMap();
function inputsOf(rubric2) {
  let r = rubricInputs.get(rubric2);
  if (!r) {
    const plans2 = [...rubric2.inputs.values()].map(planOf2);
    const names = plans2.map((p) => p.name);
    r = { plans: plans2, names, index: new Map(names.map((n2, i) => [n2, i])), lastColumns: void 0, lastMap: void 0, lastKeys: void 0, keyPositions: new Int32Array(2 * plans2.length) };
    rubricInputs.set(rubric2, r);
  }
  return r;
}
var NO_RECORDS = Object.freeze([]);
var NONE_ABSENT = /* @__PURE__ */ new Set();
function prepareSubjects(identities, rubric2, issues) {
  const inputs = inputsOf(rubric2);
  const plans2 = inputs.plans;
  const n2 = identities.length;
  const columns = plans2.map((p) => {
    const options = codedOptions(p.spec);
    return {
      name: p.name,
      spec: p.spec,
      scale: p.scale,
      ...p.scale < 0 ? { scaled: void 0, narrow: false, none: Number.NaN, limit: 0 } : numberColumn(p.magnitude, n2),
      codes: options ? codeColumn(options.length, n2) : void 0,
      options,
      values: p.scale >= 0 || options ? void 0 : new Array(n2)
    };
  });
  const table = new InputTable(n2, columns, inputs.index);
  const at2 = new InputReporter(rubric2.id, issues);
  const subjects3 = prepareTableColumns(identities, inputs, columns, table, at2);
  if (subjects3) return { subjects: subjects3, inputs: table };
  const rows = new Array(n2);
  for (let i = 0; i < n2; i++) rows[i] = prepareRow(identities[i], i, rubric2, inputs, columns, table, at2, issues);
  return { subjects: rows, inputs: table };
}
var PREPARE_BLOCK = 1024;
function prepareTableColumns(identities, inputs, out, table, at2) {
  const n2 = identities.length;
  const first = identities[0]?.data;
  if (!(first instanceof TableFields)) return void 0;
  const cells = first.inputColumns(inputs);
  const plans2 = inputs.plans;
  const rowsOf = new Int32Array(n2);
  for (let i = 0; i < n2; i++) {
    const data = identities[i].data;
    if (!(data instanceof TableFields) || data.table !== first.table) return void 0;
    rowsOf[i] = data.row;
  }
  for (let k = 0; k < plans2.length; k++) {
    const nameAt = cells[2 * k];
    const labelAt = cells[2 * k + 1];
    if (nameAt >= 0 && labelAt >= 0 || (nameAt === NOT_PLAIN || labelAt === NOT_PLAIN) && plans2[k].label !== void 0) return void 0;
  }
  const source = first.table;
  const absent = new Array(n2);
  const nestedOf = [];
  const columnOf = [];
  const names = [];
  for (let k = 0; k < plans2.length; k++) {
    const plan = plans2[k];
    const nested = cells[2 * k] === NOT_PLAIN;
    nestedOf.push(nested);
    columnOf.push(nested ? -1 : cells[2 * k] >= 0 ? cells[2 * k] : cells[2 * k + 1]);
    names.push(nested ? plan.name : columnOf[k] < 0 ? plan.fallbackColumn : cells[2 * k] >= 0 ? plan.name : plan.label);
  }
  for (let lo = 0; lo < n2; lo += PREPARE_BLOCK) {
    const hi = Math.min(n2, lo + PREPARE_BLOCK);
    for (let k = 0; k < plans2.length; k++) readColumn(k, lo, hi);
  }
  function readColumn(k, lo, hi) {
    const plan = plans2[k];
    const col = out[k];
    const nested = nestedOf[k];
    const c = columnOf[k];
    at2.column = names[k];
    at2.input = plan.name;
    for (let i = lo; i < hi; i++) {
      const row = rowsOf[i];
      if (c >= 0 && plan.scale >= 0) {
        const x = source.cellScaled(row, c, plan.scale);
        if (x === x && scaledInRange(plan, x)) {
          col.scaled[i] = x;
          continue;
        }
      }
      const raw = nested ? identities[i].data.get(plan.name) : c < 0 ? void 0 : source.cell(row, c);
      if (raw === void 0 || isAbsent(raw)) {
        absent[i] = readAbsent(plan, col, i, absent[i]);
        continue;
      }
      at2.subject = identities[i];
      readGiven(plan, col, i, raw, at2);
    }
  }
  const columnMap = columnsMap(inputs, names);
  const subjects3 = new Array(n2);
  for (let i = 0; i < n2; i++) subjects3[i] = new PreparedRow(identities[i], table, i, absent[i] ?? NONE_ABSENT, columnMap);
  return subjects3;
}
function columnsMap(inputs, names) {
  const last = inputs.lastColumns;
  if (last !== void 0 && last.length === names.length && last.every((c, k) => c === names[k])) return inputs.lastMap;
  const map = /* @__PURE__ */ new Map();
  for (let k = 0; k < inputs.plans.length; k++) map.set(inputs.plans[k].name, names[k]);
  inputs.lastColumns = [...names];
  inputs.lastMap = map;
  return map;
}
function prepareRow(subject, i, rubric2, inputs, out, table, at2, issues) {
  let absent;
  const plans2 = inputs.plans;
  const data = subject.data;
  const cells = data instanceof TableFields ? data.inputColumns(inputs) : void 0;
  const own2 = data instanceof OwnFields ? data : void 0;
  const positions = own2 ? keyPositions(inputs, own2.ownKeys) : void 0;
  const ownValues = own2 ? Object.values(own2.row) : void 0;
  at2.subject = subject;
  const last = inputs.lastColumns;
  let columns;
  for (let k = 0; k < plans2.length; k++) {
    const plan = plans2[k];
    const col = out[k];
    const name = plan.name;
    const label = plan.label;
    let hasName;
    let nameValue;
    let hasLabel;
    let labelValue;
    const nameAt = cells === void 0 ? NOT_PLAIN : cells[2 * k];
    const labelAt = cells === void 0 ? NOT_PLAIN : cells[2 * k + 1];
    if (nameAt !== NOT_PLAIN && labelAt !== NOT_PLAIN) {
      const t = data;
      if (plan.scale >= 0 && nameAt < 0 !== labelAt < 0) {
        const x = t.table.cellScaled(t.row, nameAt >= 0 ? nameAt : labelAt, plan.scale);
        if (x === x && scaledInRange(plan, x)) {
          col.scaled[i] = x;
          const column3 = nameAt >= 0 ? name : label;
          if (columns) columns.push(column3);
          else if (last === void 0 || last[k] !== column3) {
            columns = k === 0 ? [] : last.slice(0, k);
            columns.push(column3);
          }
          continue;
        }
      }
      hasName = nameAt >= 0;
      nameValue = hasName ? t.table.cell(t.row, nameAt) : void 0;
      hasLabel = labelAt >= 0;
      labelValue = hasLabel ? t.table.cell(t.row, labelAt) : void 0;
    } else if (positions !== void 0) {
      const np = positions[2 * k];
      const lp = positions[2 * k + 1];
      hasName = np >= 0;
      nameValue = hasName ? ownValues[np] : void 0;
      hasLabel = lp >= 0;
      labelValue = hasLabel ? ownValues[lp] : void 0;
    } else {
      nameValue = data.get(name);
      hasName = nameValue !== void 0 || data.has(name);
      hasLabel = label !== void 0 && data.has(label);
      labelValue = hasLabel ? data.get(label) : void 0;
    }
    const givenName = hasName && !isAbsent(nameValue);
    const givenLabel = hasLabel && !isAbsent(labelValue);
    const column2 = givenName ? name : givenLabel ? label : hasName ? name : hasLabel ? label : plan.fallbackColumn;
    if (columns) columns.push(column2);
    else if (last === void 0 || last[k] !== column2) {
      columns = k === 0 ? [] : last.slice(0, k);
      columns.push(column2);
    }
    if (givenName && givenLabel) {
      const where = { row: subject.row, subject: subject.id, field: column2, rubric: rubric2.id, path: [subject.row - 1, column2] };
      issues.push(makeIssue("DATA_BAD_SHAPE", { field: column2, input: name, expected: "given once", received: `both "${name}" and "${label}"`, expects: "once", columns: [name, label] }, where));
      continue;
    }
    if (!givenName && !givenLabel) {
      absent = readAbsent(plan, col, i, absent);
      continue;
    }
    at2.column = column2;
    at2.input = name;
    readGiven(plan, col, i, givenName ? nameValue : labelValue, at2);
  }
  let columnMap;
  if (!columns && last !== void 0 && last.length === plans2.length) columnMap = inputs.lastMap;
  else {
    const list2 = columns ?? [];
    const map = /* @__PURE__ */ new Map();
    for (let k = 0; k < plans2.length; k++) map.set(plans2[k].name, list2[k]);
    inputs.lastColumns = list2;
    inputs.lastMap = columnMap = map;
  }
  return new PreparedRow(subject, table, i, absent ?? NONE_ABSENT, columnMap);
}
function readAbsent(plan, col, i, absent) {
  if (plan.whenAbsent !== void 0) {
    store(col, i, plan.whenAbsent);
    return absent;
  }
  const set = absent ?? /* @__PURE__ */ new Set();
  set.add(plan.name);
  if (plan.zero !== void 0) store(col, i, plan.zero);
  return set;
}
function readGiven(plan, col, i, raw, at2) {
  if (plan.scale >= 0) {
    const x = typeof raw === "number" ? scaledNumber(raw, plan.scale) : typeof raw === "string" ? scaledDigits(raw, 0, raw.length, plan.scale) : Number.NaN;
    if (x === x && scaledInRange(plan, x)) {
      col.scaled[i] = x;
      return;
    }
  } else if (col.codes !== void 0) {
    if (typeof raw === "string") {
      const code = plan.kind === 2 /* Boolean */ ? TRUE.has(raw) ? 1 : FALSE.has(raw) ? 0 : -1 : plan.options.indexOf(raw);
      if (code >= 0 && (plan.kind === 2 /* Boolean */ || raw.trim() === raw)) {
        col.codes[i] = code;
        return;
      }
    }
  } else {
    const fast = fastSeries(plan, raw);
    if (fast !== void 0) {
      store(col, i, fast);
      return;
    }
  }
  const value = readValue(plan.spec, raw, at2.report);
  if (value !== void 0) store(col, i, value);
}
function keyPositions(inputs, keys) {
  const last = inputs.lastKeys;
  const out = inputs.keyPositions;
  if (last === keys) return out;
  if (last !== void 0 && last.length === keys.length) {
    let same = true;
    for (let i = 0; i < keys.length && same; i++) same = last[i] === keys[i];
    if (same) {
      inputs.lastKeys = keys;
      return out;
    }
  }
  const plans2 = inputs.plans;
  for (let k = 0; k < plans2.length; k++) {
    out[2 * k] = keys.indexOf(plans2[k].name);
    const label = plans2[k].label;
    out[2 * k + 1] = label === void 0 ? -1 : keys.indexOf(label);
  }
  inputs.lastKeys = keys;
  return out;
}
function store(col, i, value) {
  if (col.scaled) {
    const x = value.scaled(col.scale);
    if (x !== void 0 && x <= col.limit && x >= -col.limit) {
      col.scaled[i] = x;
      return;
    }
    col.values ??= new Array(col.scaled.length);
  } else if (col.codes) {
    const code = col.options.indexOf(value);
    if (code >= 0) {
      col.codes[i] = code;
      return;
    }
    col.values ??= new Array(col.codes.length);
  }
  col.values[i] = value;
}

// src/pipeline/evaluate.ts
function evaluateSet(set, rows, options = {}) {
  const { subjects: subjects3, issues } = checkSubjects(rows, set.rubrics, options.limits);
  if (issues.length > 0) return { results: [], issues: sortIssues(issues) };
  const boundaries = set.rubrics.map((rubric2) => {
    const found = [];
    return { ...prepareSubjects(subjects3, rubric2, found), issues: found };
  });
  subjects3.length = 0;
  const linked = /* @__PURE__ */ new Map();
  const results = [];
  for (const [k, rubric2] of set.rubrics.entries()) {
    const boundary = boundaries[k];
    if (boundary.issues.length > 0) return { results: [], issues: sortIssues(boundary.issues) };
    const read = set.rubrics.some((r) => r.dependencies.has(rubric2.id));
    const out = evaluateRubric(rubric2, boundary.subjects, boundary.inputs, linked, options, read);
    if (out.issues.length > 0) return { results: [], issues: sortIssues(out.issues) };
    results.push(out.result);
    if (out.linked) linked.set(rubric2.id, out.linked);
  }
  return { results, issues: [] };
}
function sortIssues(issues) {
  return [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
function evaluateRubric(rubric2, prepared, inputs, linked, { onProgress, trail = "full" }, read = true) {
  const log = new IssueLog(rubric2);
  const cohort = computeCohortInputs(rubric2, prepared);
  const table = scoreSubjects(rubric2, prepared, inputs, cohort, linked, log, onProgress && ((done, total) => onProgress(done, total, rubric2.id)));
  const ctx = new RowContext(rubric2, planOf(rubric2), table, log, linked);
  const graded = gradeStage(rubric2, table, ctx, log);
  if (log.issues.length > 0) return { issues: log.issues };
  const early = applyEarlyRules(rubric2, initialVerdicts(table, graded.raw), ctx);
  const ranks = rankStage(rubric2.tieBreakers, early, ctx);
  const late = applyLateRules(rubric2, early, ranks, ctx);
  const ids = ctx.idsOf();
  const quotas = applyQuotas(rubric2, late, ranks, ids, prepared.map((p) => p.group));
  const v = quotas.verdicts;
  const warnings = quotas.warnings.map((w) => makeIssue("EVAL_QUOTA_HELD_BY_RULES", { ...w }, { rubric: rubric2.id, severity: "warning" }));
  const { actions, tiers } = actionStage(rubric2, v, ranks, ctx);
  if (log.issues.length > 0) return { issues: log.issues };
  const n2 = prepared.length;
  const order2 = unitOrder(v, ranks.rank, ids);
  const scale = rubric2.grades.map((g) => g.id);
  const tables = {
    ids,
    names: column(prepared, (p) => p.name),
    groups: column(prepared, (p) => p.group),
    gradeIds: scale,
    places: rubric2.rounding?.places,
    noGrade: NO_GRADE,
    total: v.total,
    grade: v.grade,
    rawGrade: v.rawGrade,
    excluded: v.excluded,
    rank: ranks.rank,
    groupRank: ranks.groupRank,
    adjustments: v.adjustments,
    actions,
    tiers,
    fired: v.fired,
    notes: graded.notes
  };
  const labels = rubric2.grades.map((g) => g.label);
  const linkedFacts = read ? /* @__PURE__ */ new Map() : void 0;
  for (let i = 0; linkedFacts && i < n2; i++) {
    const r = ranks.rank[i];
    linkedFacts.set(prepared[i].id, { score: v.total[i], scale, labels, grade: v.excluded[i] ? null : scale[v.grade[i]], rank: r ? { rank: r, of: ranks.of } : void 0, excluded: v.excluded[i] === 1 });
  }
  const result = { rubric: { id: rubric2.id, version: rubric2.version, name: rubric2.name, year: rubric2.year }, grades: scale, gradeLabels: dictionary(rubric2.grades.map((g) => [g.id, g.label])), units: [], summary: summarise(scale, tables), warnings };
  defineLazyUnits(result, trailSource(rubric2, trail, prepared, cohort, linked), tables, order2);
  return { result, ...linkedFacts ? { linked: linkedFacts } : {}, issues: [] };
}
var noTrail = () => /* @__PURE__ */ new Map();
function column(prepared, field) {
  const out = new Array(prepared.length);
  let any = false;
  for (let i = 0; i < prepared.length; i++) if ((out[i] = field(prepared[i])) !== void 0) any = true;
  return any ? out : void 0;
}
function trailSource(rubric2, level, prepared, cohort, linked) {
  if (level === "none") return { rubric: rubric2, level, rescore: noTrail };
  return { rubric: rubric2, level, rescore: (i) => rescoreSubject(rubric2, prepared[i], cohort, linked) };
}
function unitOrder(v, rank, ids) {
  const n2 = rank.length;
  const start = new Uint32Array(n2 + 3);
  for (let i = 0; i < n2; i++) {
    const r = rank[i];
    const last = v.excluded[i] | v.unranked[i];
    if (r < 0 || r > n2 || last && r !== 0) return sortedOrder(v, rank, ids);
    start[(last ? n2 + 1 : r) + 1]++;
  }
  for (let b = 1; b < n2 + 3; b++) start[b] += start[b - 1];
  const order2 = new Uint32Array(n2);
  const next = start.slice(0, n2 + 2);
  for (let i = 0; i < n2; i++) order2[next[v.excluded[i] | v.unranked[i] ? n2 + 1 : rank[i]]++] = i;
  const byId = (a, b) => compareIds(ids[a], ids[b]);
  for (let b = 0; b < n2 + 2; b++) {
    const from = start[b];
    const to = start[b + 1];
    let k = from + 1;
    while (k < to && compareIds(ids[order2[k - 1]], ids[order2[k]]) <= 0) k++;
    if (k < to) order2.subarray(from, to).sort(byId);
  }
  return order2;
}
function sortedOrder(v, rank, ids) {
  const n2 = rank.length;
  const order2 = Uint32Array.from({ length: n2 }, (_, i) => i);
  const key = new Float64Array(n2);
  for (let i = 0; i < n2; i++) key[i] = (v.excluded[i] | v.unranked[i]) * 4294967296 + rank[i];
  return order2.sort((a, b) => key[a] - key[b] || compareIds(ids[a], ids[b]));
}
function dictionary(entries) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const [k, v] of entries) out[k] = v;
  return out;
}
function summarise(scale, t) {
  const n2 = t.ids.length;
  const k = scale.length;
  const distribution = new Float64Array(k);
  const slot = /* @__PURE__ */ new Map();
  const byGroup = [];
  let graded = 0;
  for (let i = 0; i < n2; i++) {
    const g = t.grade[i];
    if (t.excluded[i] === 1 || g === t.noGrade) continue;
    graded++;
    distribution[g]++;
    const group = t.groups?.[i];
    if (group !== void 0) {
      let s2 = slot.get(group);
      if (s2 === void 0) {
        slot.set(group, s2 = byGroup.length);
        byGroup.push(new Float64Array(k));
      }
      byGroup[s2][g]++;
    }
  }
  const counts = (c) => dictionary(scale.map((g, j) => [g, c[j]]));
  const groups = [...slot.keys()].sort(compareIds);
  return {
    count: n2,
    graded,
    excluded: n2 - graded,
    distribution: counts(distribution),
    ...groups.length ? { byGroup: dictionary(groups.map((g) => [g, counts(byGroup[slot.get(g)])])) } : {}
  };
}

// src/parse/parse-yaml.ts
import {
  Composer,
  CST as Cst,
  isAlias,
  isCollection as isCollection2,
  isMap as isMap2,
  isPair,
  isScalar as isScalar2,
  isSeq,
  LineCounter,
  Lexer,
  Parser,
  visit,
  YAMLParseError
} from "yaml";

// src/parse/locate.ts
import { isCollection, isMap, isScalar } from "yaml";
function makeLocator(doc, lineCounter, file) {
  const position = (offset) => {
    const { line: line2, col } = lineCounter.linePos(offset);
    return { ...file !== void 0 ? { file } : {}, line: line2, col };
  };
  return (path, options) => {
    if (options?.key !== void 0) {
      const mapPath = path[path.length - 1] === options.key ? path.slice(0, -1) : path;
      const parent = nodeAt(doc, mapPath);
      if (isMap(parent)) {
        for (const pair of parent.items) {
          const key = pair.key;
          if (isScalar(key) && String(key.value) === options.key && key.range) return position(key.range[0]);
        }
      }
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node = nodeAt(doc, path.slice(0, depth));
      if (node?.range) return position(node.range[0]);
    }
    return void 0;
  };
}
function nodeAt(doc, path) {
  let node = doc.contents;
  for (const part of path) {
    if (!isCollection(node)) return void 0;
    node = node.get(part, true);
    if (node === void 0) return void 0;
  }
  return node ?? void 0;
}

// src/parse/parse-yaml.ts
var DEFAULT_MAX_DEPTH = 64;
var DEFAULT_MAX_ALIAS_COUNT = 1e3;
var DEFAULT_MAX_LENGTH = 4 * 1024 * 1024;
function parseYaml(text, file, limits = {}) {
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxAliasCount = limits.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT;
  const maxLength = limits.maxLength ?? DEFAULT_MAX_LENGTH;
  const lineCounter = new LineCounter();
  const at2 = (offset) => {
    const { line: line2, col } = lineCounter.linePos(offset);
    return { ...file !== void 0 ? { file } : {}, line: line2, col };
  };
  const failed = (issues2) => ({ parsed: { value: void 0, locate: (() => void 0), ...file !== void 0 ? { file } : {} }, issues: issues2 });
  if (text.length > maxLength)
    return failed([makeIssue("YAML_TOO_LARGE", { limit: maxLength, length: text.length }, { source: textPosition(text, maxLength, file) })]);
  const control = controlCharacter(text);
  if (control) return failed([makeIssue("YAML_CONTROL_CHARACTER", { char: control.char, count: control.count }, { source: textPosition(text, control.index, file) })]);
  let tokens;
  try {
    tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  } catch (e) {
    if (e instanceof RangeError) return failed([makeIssue("YAML_TOO_DEEP", { limit: maxDepth }, { source: textPosition(text, lexicalTooDeep(text, maxDepth), file) })]);
    throw e;
  }
  const deep = firstTooDeep(tokens, maxDepth);
  if (deep !== void 0) return failed([makeIssue("YAML_TOO_DEEP", { limit: maxDepth }, { source: at2(deep) })]);
  let doc;
  try {
    doc = compose(tokens, text.length);
  } catch (e) {
    if (e instanceof RangeError) return failed([makeIssue("YAML_TOO_DEEP", { limit: maxDepth }, { source: at2(0) })]);
    throw e;
  }
  const locate = makeLocator(doc, lineCounter, file);
  const issues = [];
  for (const error of doc.errors) {
    const opened = error.code === "MISSING_CHAR" && /closing ["']quote/.test(error.message) ? unclosedQuoteStart(tokens, error.pos[0]) : void 0;
    const source = at2(opened ?? error.pos[0]);
    const detail = error.message.split("\n")[0] ?? error.code;
    if (error.code === "DUPLICATE_KEY") {
      const key = keyAt(doc, error.pos[0]) ?? text.slice(error.pos[0], Math.min(error.pos[1], error.pos[0] + 60));
      issues.push(makeIssue("YAML_DUPLICATE_KEY", { key, yamlCode: error.code }, { source }));
    } else if (/call stack/i.test(detail)) {
      issues.push(makeIssue("YAML_TOO_DEEP", { limit: maxDepth }, { source }));
    } else {
      issues.push(makeIssue("YAML_SYNTAX", { yamlCode: error.code, parserMessage: stripPosition(detail) }, { source }));
    }
  }
  for (const warning of doc.warnings) {
    if (warning.code !== "TAG_RESOLVE_FAILED") continue;
    const tag = (/Unresolved tag: (\S+)/.exec(warning.message)?.[1] ?? "?").replace(/^tag:yaml\.org,2002:/, "!!");
    issues.push(makeIssue("YAML_UNKNOWN_TAG", { tag }, { source: at2(warning.pos[0]) }));
  }
  if (issues.length === 0) issues.push(...checkNodes(doc, text, at2, maxAliasCount));
  if (issues.length > 0) return { parsed: { value: void 0, locate, ...file !== void 0 ? { file } : {} }, issues };
  keepExactNumbers(doc);
  let value;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (e) {
    const message = e instanceof Error ? e.message : "";
    if (/alias count/i.test(message)) issues.push(makeIssue("YAML_ALIAS_LIMIT", { alias: "?", limit: maxAliasCount }, { source: at2(0) }));
    else if (/Unresolved alias/i.test(message)) issues.push(makeIssue("YAML_ALIAS", { alias: "?", reason: "unknown" }, { source: at2(0) }));
    else if (/Merge sources/i.test(message)) issues.push(makeIssue("YAML_MERGE", { received: "a value that is not a mapping", got: { kind: "not-mapping" } }, { source: at2(0) }));
    else if (e instanceof RangeError) issues.push(makeIssue("YAML_TOO_DEEP", { limit: maxDepth }, { source: at2(0) }));
    else throw e;
  }
  if (issues.length === 0 && (value === null || value === void 0)) {
    issues.push(makeIssue("YAML_EMPTY", {}, { source: { ...file !== void 0 ? { file } : {}, line: 1, col: 1 } }));
  }
  return { parsed: { value, locate, ...file !== void 0 ? { file } : {} }, issues };
}
function compose(tokens, length) {
  const composer = new Composer({ uniqueKeys: true, prettyErrors: false, strict: true, merge: true, resolveKnownTags: false });
  let doc;
  for (const d2 of composer.compose(tokens, true, length)) {
    if (!doc) doc = d2;
    else {
      doc.errors.push(new YAMLParseError([d2.range[0], d2.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; a rubric is one YAML document"));
      break;
    }
  }
  return doc;
}
function unclosedQuoteStart(tokens, end) {
  const stack = [...tokens];
  let found;
  while (stack.length > 0) {
    const t = stack.pop();
    if (typeof t !== "object" || t === null) continue;
    const token = t;
    if ((token.type === "double-quoted-scalar" || token.type === "single-quoted-scalar") && typeof token.offset === "number" && typeof token.source === "string") {
      if (token.offset + token.source.length >= end && (found === void 0 || token.offset > found)) found = token.offset;
      continue;
    }
    for (const v of Object.values(t)) if (typeof v === "object" && v !== null) stack.push(v);
  }
  return found;
}
function firstTooDeep(tokens, limit) {
  const stack = tokens.map((t) => [t, 0]).reverse();
  while (stack.length > 0) {
    const [token, depth] = stack.pop();
    switch (token.type) {
      case "document":
        if (token.value) stack.push([token.value, depth]);
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection": {
        if (depth + 1 > limit) return token.offset;
        const children = [];
        for (const item of token.items) {
          if (item.key) children.push(item.key);
          if (item.value) children.push(item.value);
        }
        for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
        break;
      }
      default:
        break;
    }
  }
  return void 0;
}
function keyAt(doc, offset) {
  let found;
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key;
      if (key?.range?.[0] !== offset) return void 0;
      if (isScalar2(key)) found = String(key.value);
      return visit.BREAK;
    }
  });
  return found;
}
function lexicalTooDeep(text, limit) {
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
    if (type !== "doc-mode" && type !== "scalar" && type !== "flow-error-end") offset += source.length;
  }
  return 0;
}
var CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
var C0_NAMES = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"];
function charName(c) {
  const code = c.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = code < 32 ? C0_NAMES[code] : code === 127 ? "DEL" : code >= 55296 && code <= 57343 ? "unpaired surrogate" : void 0;
  return name ? `${hex} (${name})` : hex;
}
function controlCharacter(text) {
  CONTROL.lastIndex = 0;
  const first = CONTROL.exec(text);
  if (!first) return void 0;
  let count = 1;
  while (CONTROL.exec(text)) count++;
  CONTROL.lastIndex = 0;
  return { index: first.index, char: charName(first[0]), count };
}
function textPosition(text, index, file) {
  let line2 = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line2++;
  const col = index - text.lastIndexOf("\n", index - 1);
  return { ...file !== void 0 ? { file } : {}, line: line2, col };
}
var isMergeKey = (key) => isScalar2(key) && (key.value === "<<" || typeof key.value === "symbol" && key.value.description === "<<");
var kindOf = (node) => isSeq(node) ? "a list" : isMap2(node) ? "a mapping" : isScalar2(node) ? `the value ${JSON.stringify(String(node.value))}` : "nothing";
var gotOf = (node) => isSeq(node) ? { kind: "list" } : isMap2(node) ? { kind: "mapping" } : isScalar2(node) ? { kind: "value", value: String(node.value) } : { kind: "nothing" };
function checkNodes(doc, text, at2, maxAliasCount) {
  const issues = [];
  const anchors = /* @__PURE__ */ new Map();
  const targets = /* @__PURE__ */ new Map();
  const counts = /* @__PURE__ */ new Map();
  const pos = (node) => at2(node.range?.[0] ?? 0);
  const resolve = (node) => isAlias(node) ? anchors.get(node.source) : node;
  const aliasCountOf = (node) => {
    if (isAlias(node)) {
      const target = targets.get(node);
      const data = target && counts.get(target);
      return data ? data.count * data.aliasCount : 0;
    }
    if (isPair(node)) return Math.max(aliasCountOf(node.key), aliasCountOf(node.value));
    if (isCollection2(node)) return node.items.reduce((m, item) => Math.max(m, aliasCountOf(item)), 0);
    return 1;
  };
  let overLimit = false;
  visit(doc, (_key, node, path) => {
    if (!node) return;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) {
        issues.push(makeIssue("YAML_ALIAS", { alias: node.source, reason: "unknown" }, { source: pos(node) }));
        return;
      }
      if (path.includes(target)) {
        issues.push(makeIssue("YAML_ALIAS", { alias: node.source, reason: "cycle" }, { source: pos(node) }));
        return;
      }
      targets.set(node, target);
      const data = counts.get(target);
      data.count += 1;
      if (data.aliasCount === 0) data.aliasCount = aliasCountOf(target);
      if (!overLimit && data.count * data.aliasCount > maxAliasCount) {
        overLimit = true;
        issues.push(makeIssue("YAML_ALIAS_LIMIT", { alias: node.source, limit: maxAliasCount }, { source: pos(node) }));
      }
      return;
    }
    if (isPair(node)) {
      if (isCollection2(resolve(node.key))) {
        issues.push(makeIssue("YAML_SYNTAX", { detail: "a key must be a plain value (text or a number), not a list or a mapping", yamlCode: "COLLECTION_KEY" }, { source: pos(node.key) }));
        return;
      }
      if (!isMergeKey(node.key)) return;
      const value = resolve(node.value);
      const sources = isSeq(value) ? value.items : [node.value];
      for (const s2 of sources) {
        const source = resolve(s2);
        if (source !== void 0 && !isMap2(source)) {
          const inList = isSeq(value) && value !== source;
          const received2 = inList ? `a list holding ${kindOf(source)}` : kindOf(source);
          issues.push(makeIssue("YAML_MERGE", { received: received2, got: { ...gotOf(source), ...inList ? { inList } : {} } }, { source: pos(isAlias(node.value) ? node.value : s2) }));
          break;
        }
      }
      return;
    }
    const anchor = node.anchor;
    if (anchor) {
      anchors.set(anchor, node);
      counts.set(node, { count: 1, aliasCount: 0 });
    }
    if (isScalar2(node) && typeof node.value === "string") {
      const control = controlCharacter(node.value);
      if (control) {
        const range2 = node.range ?? [0, 0, 0];
        const escape = controlEscape(text.slice(range2[0], range2[1]));
        issues.push(makeIssue("YAML_CONTROL_CHARACTER", { char: control.char, count: control.count }, { source: at2(range2[0] + (escape ?? 0)) }));
      }
    }
  });
  return issues;
}
function controlEscape(source) {
  const escapes = /\\(?:([0abtnvfre "\/\\N_LP\t])|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))/g;
  const named = /* @__PURE__ */ new Map([["0", "\0"], ["a", "\x07"], ["b", "\b"], ["v", "\v"], ["f", "\f"], ["e", "\x1B"]]);
  for (let m = escapes.exec(source); m; m = escapes.exec(source)) {
    const hex = m[2] ?? m[3] ?? m[4];
    const char = hex !== void 0 ? String.fromCodePoint(Math.min(parseInt(hex, 16), 1114111)) : named.get(m[1]);
    if (char !== void 0 && controlCharacter(char)) return m.index;
  }
  return void 0;
}
function stripPosition(message) {
  return message.replace(/\s+at line \d+, column \d+:?$/, "");
}
function keepExactNumbers(doc) {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "number" || node.source === void 0) return;
      const exact2 = parseDecimal(node.source.replace(/_/g, ""));
      const asRead = parseDecimal(node.value);
      if (exact2 && asRead && !exact2.eq(asRead)) node.value = node.source;
    }
  });
}

// src/schema/limits.ts
var DEFAULT_LIMITS = Object.freeze({ maxNodes: 1e4, maxTreeDepth: 32, maxEntries: 1e4, maxNesting: 200 });
var WHAT = {
  maxNodes: "nodes (groups and items) in the indicator tree",
  maxTreeDepth: "levels of the indicator tree",
  maxEntries: "entries in one list or mapping",
  maxNesting: "lists and mappings nested in one another"
};
function resolveLimits2(overrides) {
  const issues = [];
  const limits = { ...DEFAULT_LIMITS };
  if (overrides === void 0) return { limits, issues };
  if (overrides === null || typeof overrides !== "object" || Array.isArray(overrides)) {
    issues.push(makeIssue("LIMIT_INVALID", { limit: "(all)", received: describe(overrides) }, { path: ["limits"] }));
    return { limits, issues };
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(DEFAULT_LIMITS, name)) {
      issues.push(makeIssue("LIMIT_INVALID", { limit: name, received: `an unknown limit (known: ${Object.keys(DEFAULT_LIMITS).join(", ")})`, reason: "unknown", known: Object.keys(DEFAULT_LIMITS) }, { path: ["limits", name] }));
      continue;
    }
    if (value === void 0) continue;
    if (typeof value !== "number" || !(value === Infinity || Number.isInteger(value) && value >= 1)) {
      issues.push(makeIssue("LIMIT_INVALID", { limit: name, received: describe(value) }, { path: ["limits", name] }));
      continue;
    }
    limits[name] = value;
  }
  return { limits, issues };
}
function describe(value) {
  if (typeof value === "string") return `the string "${value}"`;
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `${typeof value} ${String(value)}`;
}
function checkLimits(value, locate, limits) {
  const found = /* @__PURE__ */ new Map();
  const report = (limit, path, key) => {
    if (found.has(limit)) return;
    const source = locate?.(path, key !== void 0 ? { key } : void 0);
    found.set(limit, makeIssue("LIMIT_EXCEEDED", { limit, value: limits[limit], what: WHAT[limit] }, { path, ...source ? { source } : {} }));
  };
  const seen = /* @__PURE__ */ new Set();
  const stack = [{ v: value, path: [], depth: 1 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop();
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (depth > limits.maxNesting) {
      report("maxNesting", path);
      continue;
    }
    const keys = Array.isArray(v) ? void 0 : Object.keys(v);
    const size = keys ? keys.length : v.length;
    if (size > limits.maxEntries) {
      report("maxEntries", path);
      continue;
    }
    if (keys) for (const k of keys) stack.push({ v: v[k], path: [...path, k], depth: depth + 1 });
    else v.forEach((x, i) => stack.push({ v: x, path: [...path, i], depth: depth + 1 }));
  }
  const scoring = isMapping2(value) ? value.scoring : void 0;
  if (isMapping2(scoring) && !found.has("maxEntries") && !found.has("maxNesting")) checkTree(scoring, limits, report);
  return [...found.values()];
}
function isMapping2(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function checkTree(root, limits, report) {
  let nodes = 0;
  let tooDeep = false;
  const stack = [{ node: root, path: ["scoring"], level: 1 }];
  while (stack.length > 0) {
    const { node, path, level } = stack.pop();
    if (++nodes > limits.maxNodes) {
      report("maxNodes", path);
      return;
    }
    if (level > limits.maxTreeDepth) {
      if (!tooDeep) report("maxTreeDepth", path);
      tooDeep = true;
      continue;
    }
    for (const key of ["outside", "children"]) {
      const list2 = node[key];
      if (!Array.isArray(list2)) continue;
      for (let i = list2.length - 1; i >= 0; i--) if (isMapping2(list2[i])) stack.push({ node: list2[i], path: [...path, key, i], level: level + 1 });
    }
  }
}

// src/schema/validate.ts
function validateWith(schema, value, locate, basePath = []) {
  const reserved = reservedKeyIssues(value, locate, basePath);
  const result = schema.safeParse(value);
  if (result.success && reserved.length === 0) return { value: result.data, issues: [] };
  const issues = [...reserved];
  for (const zi of result.error?.issues ?? []) {
    for (const leaf of flattenUnion(zi, [], value))
      for (const issue of toIssues(leaf.issue, leaf.prefix, value, locate, basePath))
        if (issue.code === "SCHEMA_RESERVED_NAME" || !throughReservedKey(issue.path.slice(basePath.length))) issues.push(issue);
  }
  return { issues: sortByPosition(dedupe(issues)) };
}
function flattenUnion(issue, prefix, root) {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [{ issue, prefix }];
  const here = [...prefix, ...issue.path];
  const input = valueAt(root, here);
  if (issue.errors.every((branch) => branch.every((bi) => bi.path.length === 0 && bi.code !== "unrecognized_keys" && bi.code !== "custom"))) {
    return [{ issue: { ...issue, errors: [] }, prefix }];
  }
  let best;
  let bestScore = Infinity;
  for (const branch of issue.errors) {
    const score = branch.reduce((acc, bi) => acc + penalty(bi, input), 0);
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return (best ?? []).flatMap((bi) => flattenUnion(bi, here, root));
}
function penalty(issue, input) {
  const atRoot = issue.path.length === 0;
  switch (issue.code) {
    case "invalid_type":
      if (atRoot) return 100;
      return valueAt(input, issue.path) === void 0 ? 10 : 1;
    case "unrecognized_keys":
      return 10 * issue.keys.length;
    case "invalid_union":
      return issue.errors.length === 0 ? 5 : 1;
    default:
      return 1;
  }
}
function valueAt(root, path) {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return void 0;
    v = v[p];
  }
  return v;
}
function describe2(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string "${value}"`;
  return `${typeof value} ${String(value)}`;
}
function receivedOf2(value) {
  const kind = value === void 0 ? "nothing" : value === null ? "null" : Array.isArray(value) ? "list" : typeof value === "object" ? "mapping" : typeof value;
  const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
  return { received: describe2(value), got: { kind, ...scalar ? { value } : {} } };
}
function expectedFrom(message, fallback, zodType) {
  const text = message.startsWith("expected ") ? message.slice("expected ".length) : fallback;
  const key = expectationKey(text) ?? (message.startsWith("expected ") ? void 0 : zodType !== void 0 ? `type:${zodType}` : expectationKey(fallback));
  return { expected: text, ...key ? { expects: key } : {} };
}
function toIssues(zi, prefix, root, locate, basePath) {
  const path = [...basePath, ...prefix, ...zi.path];
  const local = [...prefix, ...zi.path];
  const at2 = (p, key) => {
    const source = locate?.(p, key !== void 0 ? { key } : void 0);
    return { path: p, ...source ? { source } : {} };
  };
  const received2 = valueAt(root, local);
  const missing = () => {
    const key = local[local.length - 1];
    const parent = local.length === 0 ? void 0 : valueAt(root, local.slice(0, -1));
    return typeof key === "string" && parent !== null && typeof parent === "object" && !Array.isArray(parent) && !Object.hasOwn(parent, key);
  };
  switch (zi.code) {
    case "invalid_type": {
      if (received2 === void 0) {
        const key = path[path.length - 1];
        return [makeIssue("SCHEMA_MISSING_KEY", { key, ...expectedFrom(zi.message, zi.expected, zi.expected) }, at2(path))];
      }
      return [makeIssue("SCHEMA_INVALID_TYPE", { ...expectedFrom(zi.message, zi.expected, zi.expected), ...receivedOf2(received2) }, at2(path))];
    }
    case "unrecognized_keys":
      return zi.keys.map((key) => {
        const flowComma = valueAt(root, [...local, key]) === null;
        return makeIssue(
          "SCHEMA_UNKNOWN_KEY",
          { key, ...flowComma ? { hint: 'it has no value: inside { } a "," ends the value before it; quote text that contains commas', reason: "flow-comma" } : {} },
          at2([...path, key], key)
        );
      });
    case "invalid_union": {
      if (zi.errors.length === 0 && zi.discriminator !== void 0) {
        const onKey = path[path.length - 1] === zi.discriminator;
        const objectPath = onKey ? path.slice(0, -1) : path;
        const object = onKey ? valueAt(root, local.slice(0, -1)) : received2;
        const kind = object && typeof object === "object" ? object[zi.discriminator] : void 0;
        const keyPath = [...objectPath, zi.discriminator];
        if (kind === void 0)
          return [makeIssue("SCHEMA_MISSING_KEY", { key: zi.discriminator, ...expectedFrom(zi.message, "a kind") }, at2(objectPath))];
        return [makeIssue("SCHEMA_INVALID_KIND", { received: kind, ...expectedFrom(zi.message, "a known kind") }, at2(keyPath))];
      }
      if (missing()) return [makeIssue("SCHEMA_MISSING_KEY", { key: path[path.length - 1], ...expectedFrom(zi.message, "another shape") }, at2(path))];
      return [makeIssue("SCHEMA_INVALID_TYPE", { ...expectedFrom(zi.message, "another shape"), ...receivedOf2(received2) }, at2(path))];
    }
    case "invalid_value":
      if (missing()) return [makeIssue("SCHEMA_MISSING_KEY", { key: path[path.length - 1], expected: zi.values.map((v) => JSON.stringify(v)).join(" | ") }, at2(path))];
      return [
        makeIssue(
          "SCHEMA_INVALID_VALUE",
          { reason: "one-of", values: zi.values, ...receivedOf2(received2) },
          at2(path)
        )
      ];
    case "invalid_format":
      return [makeIssue("SCHEMA_INVALID_VALUE", { reason: "format", ...expectedFrom(zi.message, "another form"), ...receivedOf2(received2) }, at2(path))];
    case "too_small":
    case "too_big": {
      const bound2 = zi.code === "too_small" ? zi.minimum : zi.maximum;
      const side = zi.code === "too_small" ? "min" : "max";
      const mapping = received2 !== null && typeof received2 === "object" && !Array.isArray(received2);
      const count = Array.isArray(received2) ? received2.length : mapping ? Object.keys(received2).length : void 0;
      const of = zi.origin === "array" ? "list" : mapping ? "mapping" : zi.origin === "string" ? "text" : "value";
      const shown = count !== void 0 ? `${count} entries` : describe2(received2);
      return [
        makeIssue(
          "SCHEMA_OUT_OF_RANGE",
          { side, of, bound: String(bound2), received: shown, ...count !== void 0 ? { count } : { got: receivedOf2(received2).got } },
          at2(path)
        )
      ];
    }
    case "custom":
      if (zi.params?.reserved === true && typeof received2 === "string") return [reservedNameIssue(received2, path, locate, false)];
      return [makeIssue("SCHEMA_CONSTRAINT", { ...typeof zi.params?.reason === "string" ? {} : { reason: "other", text: zi.message }, ...zi.params }, at2(path))];
    default:
      return [makeIssue("SCHEMA_INVALID_VALUE", { reason: "other", text: zi.message, ...receivedOf2(received2) }, at2(path))];
  }
}
function dedupe(issues) {
  const seen = /* @__PURE__ */ new Set();
  return issues.filter((i) => {
    const key = `${i.code}|${i.path.join(".")}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function sortByPosition(issues) {
  return issues.map((issue, index) => ({ issue, index })).sort((a, b) => {
    const la = a.issue.source?.line ?? Infinity;
    const lb = b.issue.source?.line ?? Infinity;
    if (la !== lb) return la - lb;
    const ca = a.issue.source?.col ?? 0;
    const cb = b.issue.source?.col ?? 0;
    return ca !== cb ? ca - cb : a.index - b.index;
  }).map((x) => x.issue);
}

// src/kaohe.ts
function withoutExtensions(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith("x-")));
}
function unwrap(result) {
  if (!result.ok) throw new KaoheError(result.issues);
  return result.value;
}
var CallbackError = class extends Error {
  constructor(callback, thrown) {
    super(`${callback} threw`);
    this.callback = callback;
    this.thrown = thrown;
  }
  callback;
  thrown;
};
var errorText = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : textOf(e)).split("\n")[0].slice(0, 300);
function guard(fn, body) {
  try {
    return body();
  } catch (e) {
    if (e instanceof CallbackError) return fail([makeIssue("API_CALLBACK_FAILED", { fn, callback: e.callback, error: errorText(e.thrown) })]);
    return fail([makeIssue("API_INTERNAL_ERROR", { fn, error: errorText(e) })]);
  }
}
var TEXT_EXPECTED = 'a string holding YAML (decode bytes first, e.g. readFileSync(path, "utf8"))';
var isWhole = (v, min2) => typeof v === "number" && Number.isSafeInteger(v) && v >= min2;
function checkLoadOptions(fn, options) {
  if (!isOptionsObject(options)) return [badArgument(fn, "options", 'an object such as { file: "rubric.yaml" }', options)];
  if (options === void 0) return [];
  const issues = [];
  if (options.file !== void 0 && typeof options.file !== "string") issues.push(badArgument(fn, "options.file", "a string (the file name shown in positions)", options.file));
  if (options.maxDepth !== void 0 && !isWhole(options.maxDepth, 1)) issues.push(badArgument(fn, "options.maxDepth", "a whole number of at least 1 (default 64)", options.maxDepth));
  if (options.maxAliasCount !== void 0 && !isWhole(options.maxAliasCount, 0))
    issues.push(badArgument(fn, "options.maxAliasCount", "a whole number of at least 0 (default 1000)", options.maxAliasCount));
  if (options.maxLength !== void 0 && !isWhole(options.maxLength, 1))
    issues.push(badArgument(fn, "options.maxLength", "a whole number of at least 1 (default 4,194,304 characters)", options.maxLength));
  return issues;
}
var limitsOf = (options) => ({
  ...options.maxDepth !== void 0 ? { maxDepth: options.maxDepth } : {},
  ...options.maxAliasCount !== void 0 ? { maxAliasCount: options.maxAliasCount } : {},
  ...options.maxLength !== void 0 ? { maxLength: options.maxLength } : {}
});
function isCompiledRubric(value) {
  return reviveRubric(value) !== void 0;
}
var TARGET_EXPECTED = "a compiled rubric (from loadRubric) or a rubric set (from loadRubricSet)";
function checkTarget(fn, target) {
  if (isCompiledRubric(target)) return [];
  if (typeof target === "object" && target !== null && "rubrics" in target) {
    const rubrics = target.rubrics;
    if (!Array.isArray(rubrics)) return [badArgument(fn, "target.rubrics", "an array of compiled rubrics", rubrics)];
    const issues = [];
    for (let i = 0; i < rubrics.length; i++) if (!isCompiledRubric(rubrics[i])) issues.push(badArgument(fn, `target.rubrics[${i}]`, "a compiled rubric (from loadRubric)", rubrics[i]));
    return issues;
  }
  return [badArgument(fn, "target", TARGET_EXPECTED, target)];
}
function checkArray(fn, argument, value, expected2, check, rows = false) {
  if (!Array.isArray(value)) return [badArgument(fn, argument, expected2, value)];
  const issues = [];
  const keys = Object.keys(value);
  if (keys.length < value.length || keys.length > 0 && keys[value.length - 1] !== String(value.length - 1)) {
    let first = 0;
    while (first < keys.length && keys[first] === String(first)) first++;
    const present = keys.filter((k) => /^(0|[1-9]\d*)$/.test(k) && Number(k) < value.length).length;
    const what = `present: ${argument} is a sparse array (${value.length - present} missing element(s), the first at index ${first})`;
    return [badArgument(fn, `${argument}[${first}]`, what, void 0, rows ? first + 1 : void 0)];
  }
  for (let i = 0; i < value.length; i++) {
    const must = check(value[i], i);
    if (must !== void 0) issues.push(badArgument(fn, `${argument}[${i}]`, must, value[i], rows ? i + 1 : void 0));
  }
  return issues;
}
var isPlainObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function checkSubjects2(fn, subjects3) {
  if (subjects3 instanceof DataTable) return [];
  const element = "an object with the subject's id and inputs";
  return checkArray(fn, "subjects", subjects3, "an array of subject objects", (s2) => isPlainObject(s2) ? void 0 : element, true);
}
var TRAIL_LEVELS = ["full", "points", "none"];
function checkAssessOptions(fn, options) {
  if (!isOptionsObject(options)) return [badArgument(fn, "options", 'an object such as { trail: "points" }', options)];
  if (options === void 0) return [];
  const issues = [];
  if (options.trail !== void 0 && !TRAIL_LEVELS.includes(options.trail)) issues.push(badArgument(fn, "options.trail", '"full", "points" or "none"', options.trail));
  if (options.onProgress !== void 0 && typeof options.onProgress !== "function") issues.push(badArgument(fn, "options.onProgress", "a function (done, total, rubric)", options.onProgress));
  for (const p of limitProblems(options.limits)) issues.push(badArgument(fn, `options.limits${p.key ? `.${p.key}` : ""}`, p.expected, p.value));
  if (options.ignoreColumns !== void 0)
    issues.push(...checkArray(fn, "options.ignoreColumns", options.ignoreColumns, 'an array of column names such as ["l5b"]', (c) => typeof c === "string" && c !== "" ? void 0 : "a column name (a non-empty string)"));
  return issues;
}
function columnsRead(set) {
  const out = /* @__PURE__ */ new Set(["id", "name", "group"]);
  for (const r of set.rubrics) {
    for (const c of [r.idColumn, r.nameColumn, r.groupLabel]) if (c !== void 0) out.add(c);
    for (const spec of r.inputs.values()) {
      out.add(spec.name);
      if (spec.label !== void 0) out.add(spec.label);
    }
  }
  return out;
}
function setAside(fn, set, subjects3, columns) {
  const read = columnsRead(set);
  const bad = columns.flatMap((c, i) => read.has(c) ? [badArgument(fn, `options.ignoreColumns[${i}]`, "a column no rubric of the target reads (it is an input or subject column)", c)] : []);
  if (bad.length > 0) return fail(bad);
  const names = new Set(columns);
  const asideOf = (key) => names.has(key) ? key : key.includes(".") && names.has(key.slice(0, key.indexOf("."))) ? key.slice(0, key.indexOf(".")) : void 0;
  const found = /* @__PURE__ */ new Set();
  if (subjects3 instanceof DataTable) {
    const kept = subjects3.withoutColumns((key) => {
      const aside = asideOf(key);
      if (aside !== void 0 && subjects3.length > 0) found.add(aside);
      return aside !== void 0;
    });
    return ok({ rows: kept, found: columns.filter((c) => found.has(c)) });
  }
  const rows = subjects3.map((row) => {
    if (!isPlainObject(row)) return row;
    const keys = Object.keys(row);
    if (!keys.some((k) => asideOf(k) !== void 0)) return row;
    const copy = Object.create(Object.getPrototypeOf(row));
    for (const k of keys) {
      const aside = asideOf(k);
      if (aside !== void 0) found.add(aside);
      else Object.defineProperty(copy, k, { value: row[k], enumerable: true, writable: true, configurable: true });
    }
    return copy;
  });
  return ok({ rows, found: columns.filter((c) => found.has(c)) });
}
function safeLoadRubric(text, options = {}) {
  return guard("safeLoadRubric", () => {
    const bad = [...typeof text === "string" ? [] : [badArgument("safeLoadRubric", "text", TEXT_EXPECTED, text)], ...checkLoadOptions("safeLoadRubric", options)];
    if (bad.length > 0) return fail(bad);
    return loadOne(text, options ?? {});
  });
}
function loadOne(text, options) {
  const limits = resolveLimits2(options.limits);
  if (limits.issues.length > 0) return fail(limits.issues);
  const { parsed, issues } = parseYaml(text, options.file, limitsOf(options));
  if (issues.length > 0) return fail(issues);
  const value = withoutExtensions(parsed.value);
  const oversized = checkLimits(value, parsed.locate, limits.limits);
  if (oversized.length > 0) return fail(oversized);
  const validated = validateWith(RubricSchema, value, parsed.locate);
  if (!validated.value) return fail(validated.issues);
  const compiled = compileRubric(validated.value, { ...options.file !== void 0 ? { file: options.file } : {}, locate: parsed.locate });
  if (!compiled.rubric) return fail(sortByPosition(compiled.issues));
  return ok(compiled.rubric, sortByPosition(compiled.warnings));
}
function loadRubric(text, options = {}) {
  return unwrap(safeLoadRubric(text, options));
}
function linkChecked(rubrics) {
  const linked = linkRubrics(rubrics);
  return linked.set ? ok(linked.set) : fail(linked.issues);
}
function asSet(fn, target) {
  const bad = checkTarget(fn, target);
  if (bad.length > 0) return fail(bad);
  return "rubrics" in target ? ok({ rubrics: target.rubrics.map((r) => reviveRubric(r)) }) : linkChecked([reviveRubric(target)]);
}
function safeAssess(target, subjects3, options = {}) {
  const fn = "safeAssess";
  return guard(fn, () => {
    const bad = [...checkTarget(fn, target), ...checkSubjects2(fn, subjects3), ...checkAssessOptions(fn, options)];
    if (bad.length > 0) return fail(bad);
    const set = asSet(fn, target);
    if (!set.ok) return set;
    const { onProgress, trail, limits, ignoreColumns } = options ?? {};
    const aside = ignoreColumns !== void 0 ? setAside(fn, set.value, subjects3, ignoreColumns) : void 0;
    if (aside && !aside.ok) return aside;
    const rows = aside ? aside.value.rows : subjects3;
    const progress = onProgress ? (done, total, rubric2) => {
      try {
        onProgress(done, total, rubric2);
      } catch (e) {
        throw new CallbackError("onProgress", e);
      }
    } : void 0;
    const evaluation = evaluateSet(set.value, rows, { ...trail !== void 0 ? { trail } : {}, ...progress ? { onProgress: progress } : {}, ...limits !== void 0 ? { limits } : {} });
    if (evaluation.issues.length > 0) return fail(evaluation.issues);
    const warnings = evaluation.results.flatMap((r) => r.warnings);
    return ok({ results: evaluation.results, ...aside ? { setAside: aside.value.found } : {} }, warnings);
  });
}
function assess(target, subjects3, options = {}) {
  return unwrap(safeAssess(target, subjects3, options));
}

// ../../tmp/lead/peer.ts
var which = process.argv[2] ?? "peer";
var n = Number(process.argv[3] ?? 1e5);
var rubric = loadRubric(which === "peer" ? peerRubricYaml() : rubricYaml());
var subjects2 = which === "peer" ? peerSubjects(n) : [...subjects(n)];
for (let i = 0; i < 3; i++) assess(rubric, subjects2.slice(0, 2e3), { trail: "none" });
var cpus = [];
for (let i = 0; i < 5; i++) {
  const c = process.cpuUsage();
  assess(rubric, subjects2, { trail: "none" });
  const d2 = process.cpuUsage(c);
  cpus.push((d2.user + d2.system) / 1e3);
}
cpus.sort((a, b) => a - b);
console.log(which, n, "median CPU ms", cpus[2].toFixed(0), "\u2192", Math.round(n / cpus[2] * 1e3).toLocaleString(), "subjects/s of CPU");
