import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { rubricJsonSchema, testFileJsonSchema } from "../../src/index.js";

const committed = (name: string) => JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), "utf8"));

test("schema/rubric.schema.json is generated from the zod schema (run `npm run schema` after changing it)", () => {
  expect(committed("rubric.schema.json")).toEqual(JSON.parse(JSON.stringify(rubricJsonSchema())));
  expect(committed("tests.schema.json")).toEqual(JSON.parse(JSON.stringify(testFileJsonSchema())));
});

test("the schema describes every item kind and rule kind for completion", () => {
  const text = JSON.stringify(rubricJsonSchema());
  for (const kind of ["input", "yesno", "levels", "deduct", "bonus", "adjust", "ratio", "scale", "bands", "rank", "panel", "votes", "periods", "carry", "linked", "veto", "downgrade", "cap", "exclude"])
    expect(text).toContain(`"const":"${kind}"`);
  expect(rubricJsonSchema()).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", required: expect.arrayContaining(["kaohe", "id", "grades", "scoring"]) });
});
