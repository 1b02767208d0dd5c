import { describe, expect, it } from "vitest";
import { DataTable, RecordCells, scaledDigits } from "../../src/engine/data-table.js";

const at = (text: string, scale: number) => scaledDigits(text, 0, text.length, scale);

describe("scaledDigits: a plain decimal as an exact integer of 10^-scale", () => {
  it("reads digits and one interior dot, trailing zeros counted as decimals", () => {
    expect(at("85", 2)).toBe(8500); // 85 × 10²
    expect(at("0.947", 6)).toBe(947000); // 0.947 × 10⁶
    expect(at("12.50", 2)).toBe(1250);
    expect(at("12.50", 1)).toBeNaN(); // two decimals written, one allowed
    expect(at("0", 0)).toBe(0);
    expect(at("007", 0)).toBe(7);
  });
  it("refuses anything that is not plain: the boundary reads those as text", () => {
    for (const t of ["", "-1", "+1", " 1", "1 ", "1.", ".5", "1.2.3", "9%", "８５", "1e3", "1,000"]) expect(at(t, 6), t).toBeNaN();
  });
  it("keeps to 15 digits and to 2^53 − 1", () => {
    expect(at("999999999999999", 0)).toBe(999999999999999); // 15 digits
    expect(at("9999999999999999", 0)).toBeNaN(); // 16 digits
    expect(at("900719925.474099", 7)).toBe(9007199254740990); // 2^53 − 2, 15 digits × 10
    expect(at("900719925.474100", 7)).toBeNaN(); // 9007199254741000 > 2^53 − 1 = 9007199254740991
    expect(at("9007199254740991", 0)).toBeNaN(); // 2^53 − 1 itself has 16 digits
  });
  it("reads a part of a text (start, end)", () => {
    expect(scaledDigits("a,12.5,b", 2, 6, 1)).toBe(125);
  });
  it("DataTable.cellScaled reads a cell the same way, also through withoutColumns", () => {
    const t = new DataTable(["id", "x", "y"], 2, new RecordCells([["a", "1.25", "x"], ["b", "", "3"]]));
    expect(t.cellScaled(0, 1, 2)).toBe(125);
    expect(t.cellScaled(1, 1, 2)).toBeNaN(); // an empty cell is not a number
    const kept = t.withoutColumns((c) => c === "x");
    expect(kept.cellScaled(1, 1, 0)).toBe(3); // column 1 of the kept table is y
  });
});
