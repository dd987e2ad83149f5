import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Database-backed suites each start their own embedded Postgres; two workers fit the 2-core machines.
    maxWorkers: 2,
  },
});
