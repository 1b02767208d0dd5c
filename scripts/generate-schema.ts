/**
 * Writes schema/rubric.schema.json and schema/tests.schema.json from the zod schema.
 * Run: npm run schema. A test fails when the committed files are stale.
 */
import { writeFileSync } from "node:fs";
import { rubricJsonSchema, testFileJsonSchema } from "../src/index.js";

const out = (name: string, schema: unknown) => writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
out("rubric.schema.json", rubricJsonSchema());
out("tests.schema.json", testFileJsonSchema());
console.log("wrote schema/rubric.schema.json and schema/tests.schema.json");
