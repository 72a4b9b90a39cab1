import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two cores: more parallel files only queue on the database.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          // Stops and starts the PostgreSQL server: run alone, never beside other files.
          name: "restart",
          include: ["tests/restart/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          maxWorkers: 1,
          // Even when every project runs in one command, this group goes last and alone.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
