import { defineConfig } from "@playwright/test";
import { E2E_ADMIN, E2E_PORT } from "./tests/e2e/constants";

const baseURL = `http://localhost:${E2E_PORT}`;

// Debian's Chromium; Playwright cannot download browsers on these machines (README, Testing).
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // A fresh database per run (a new PostgreSQL database when DATABASE_URL is set, else a
    // temporary PGlite directory), migrated and seeded, then `next start` on the built app.
    command: "node --import tsx tests/e2e/serve.ts",
    url: `${baseURL}/api/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      E2E_PORT: String(E2E_PORT),
      ARBITER_ADMIN_EMAIL: E2E_ADMIN.email,
      ARBITER_ADMIN_PASSWORD: E2E_ADMIN.password,
    },
  },
});
