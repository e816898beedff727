import { configDefaults, defineConfig } from "vitest/config";

// Tests named *.server.test.ts need a PostgreSQL server (DATABASE_URL); without one they are not collected.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    exclude: process.env.DATABASE_URL
      ? configDefaults.exclude
      : [...configDefaults.exclude, "**/*.server.test.ts"],
  },
});
