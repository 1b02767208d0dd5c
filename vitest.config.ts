import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.prop.test.ts"],
        },
      },
      {
        test: {
          name: "prop",
          include: ["test/**/*.prop.test.ts"],
        },
      },
    ],
  },
});
