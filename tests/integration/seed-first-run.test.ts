import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { campaigns, items, responses } from "@/db/schema";
import { seedFirstRun } from "@/server/services/seed/seed-first-run";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("the first run", () => {
  it("seeds a pairwise, a ranking and a rating demo whose pictures come from the app's own address; a second run changes nothing", async () => {
    const { db } = database;
    const params = { adminEmail: "first@example.test", adminPassword: "first run password", baseUrl: "http://arbiter.example.test:8080" };
    const result = await seedFirstRun(db, params);
    expect(result.demoCampaignIds).toHaveLength(3);
    const rows = await db.select({ kind: campaigns.template, status: campaigns.status }).from(campaigns);
    expect(rows.map((r) => r.kind.kind).sort()).toEqual(["pairwise", "ranking", "rating"]);
    expect(rows.every((r) => r.status === "active")).toBe(true);

    const media = await db
      .select({ kind: responses.contentKind, url: responses.content })
      .from(responses)
      .innerJoin(items, eq(items.id, responses.itemId))
      .where(eq(responses.contentKind, "image"));
    expect(media.length).toBeGreaterThan(0);
    for (const m of media) {
      expect(m.url).toMatch(/^http:\/\/arbiter\.example\.test:8080\/demo\/[a-z-]+\.svg$/);
      // The app ships the file (no network on the machine: nothing else could serve it).
      expect(existsSync(path.resolve("public", new URL(m.url).pathname.slice(1)))).toBe(true);
    }

    expect(await seedFirstRun(db, params)).toEqual({ seeded: false });
    expect(await db.select({ id: campaigns.id }).from(campaigns)).toHaveLength(3);
  });
});
