import { defineConfig } from "vitest/config";

// The process test builds the bundle and spawns it, which takes longer than the default 5 s on a cold cache.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
