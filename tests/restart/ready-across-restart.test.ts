import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { env, resetEnvCache } from "@/server/env";
import { localPostgresControl } from "../fixtures/local-postgres";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

/**
 * Really stops and starts the PostgreSQL server, so this file runs alone in its own vitest
 * project (`npm run test:restart`), after the integration files that share the server.
 */
const control = await localPostgresControl(env().DATABASE_URL);

/** Polls the readiness route until it answers `status`; bounded. */
async function readyBecomes(status: number, withinMs: number): Promise<number> {
  const deadline = Date.now() + withinMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await ready()).status;
    if (last === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}

describe("/api/ready across a PostgreSQL restart", () => {
  if (typeof control === "string") {
    console.warn(`[restart] skipped: cannot restart the database (${control})`);
    it.skip(`skipped: cannot restart the database (${control})`, () => {});
    return;
  }

  // The app's own process-wide database (what the route uses) pointed at a fresh, migrated one.
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ poolMax: 1 });
    vi.stubEnv("DATABASE_URL", database.url);
    resetEnvCache();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    resetEnvCache();
    await database?.close();
  });

  it("is 503 while the server is down and 200 again by itself, without restarting the app", async () => {
    expect((await ready()).status).toBe(200);
    let started = false;
    try {
      await control.stop();
      expect(await readyBecomes(503, 10_000)).toBe(503);
      await control.start();
      started = true;
      // The same process, the same pool: broken connections were dropped, not cached.
      expect(await readyBecomes(200, 30_000)).toBe(200);
    } finally {
      if (!started) await control.start();
    }
  });
});
