import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { apiTokens, auditEvents } from "@/db/schema";
import { POST as trpcPost, GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { GET as listCampaigns, POST as createCampaign } from "@/app/api/v1/campaigns/route";
import { callerFor, createUser } from "../fixtures/factories";
import { callRoute, restOn } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
let restore: () => void;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});

function trpc(path: string, token: string, input: unknown) {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  return trpcPost(
    new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers, body: JSON.stringify({ json: input }) }),
  );
}

describe("API token management", () => {
  it("a bearer token can neither mint, list nor revoke tokens", async () => {
    const { db } = database;
    const user = await createUser(db, { role: "annotator" });
    const session = callerFor(db, user);
    const { id, token } = await session.token.create({ name: "leaked" });

    expect((await trpc("token.create", token, { name: "successor" })).status).toBe(403);
    expect((await trpc("token.revoke", token, { tokenId: id })).status).toBe(403);
    const list = await trpcGet(
      new Request("http://localhost/api/trpc/token.list", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(list.status).toBe(403);
    await expect(callerFor(db, user, { tokenId: id }).token.create({ name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    expect(rows.map((r) => [r.name, r.revokedAt])).toEqual([["leaked", null]]);
  });

  it("an expired token is refused by REST and tRPC alike, and the list shows when it expires", async () => {
    const { db } = database;
    const user = await createUser(db, { role: "annotator" });
    const session = callerFor(db, user);
    const { id, token, expiresAt } = await session.token.create({ name: "short", expiresInDays: 7 });
    expect(expiresAt && expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect((await callRoute(listCampaigns, "GET", { token })).status).toBe(200);

    await db.update(apiTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiTokens.id, id));
    expect((await callRoute(listCampaigns, "GET", { token })).status).toBe(401);
    const me = await trpcGet(
      new Request("http://localhost/api/trpc/user.me", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(((await me.json()) as { result: { data: { json: unknown } } }).result.data.json).toBeNull();
    const [listed] = await session.token.list();
    expect(listed?.expiresAt?.getTime()).toBeLessThan(Date.now());
  });

  it("records which token did what, and the list counts it per token", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const session = callerFor(db, admin);
    const pipeline = await session.token.create({ name: "pipeline" });
    const idle = await session.token.create({ name: "idle" });
    for (const name of ["one", "two"]) {
      expect((await callRoute(createCampaign, "POST", { token: pipeline.token, json: { name } })).status).toBe(201);
    }
    await session.campaign.create({ name: "by hand" });

    const events = await db.select().from(auditEvents).where(eq(auditEvents.actorId, admin.id));
    const byToken = events.filter((e) => e.action === "campaign.create").map((e) => e.tokenId);
    expect(byToken.sort()).toEqual([pipeline.id, pipeline.id, null].sort());

    const listed = await session.token.list();
    expect(listed.find((t) => t.id === pipeline.id)?.uses).toEqual([
      expect.objectContaining({ action: "campaign.create", count: 2 }),
    ]);
    expect(listed.find((t) => t.id === idle.id)?.uses).toEqual([]);
  });
});
