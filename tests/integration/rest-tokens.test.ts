import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import { GET as listCampaigns } from "@/app/api/v1/campaigns/route";
import { getRequestUser } from "@/server/auth/request-user";
import { hashApiToken } from "@/server/services/users/api-token-inputs";
import { callerFor, createUser } from "../fixtures/factories";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
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

const bearer = (token: string) =>
  new Request("http://localhost/x", { headers: { authorization: `Bearer ${token}` } });

describe("API tokens", () => {
  it("are shown once, stored only as a sha256 hash, and act as their user", async () => {
    const { db } = database;
    const annotator = await createUser(db, { role: "annotator" });
    const created = await callerFor(db, annotator).token.create({ name: "laptop" });
    expect(created.token).toMatch(/^arb_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row?.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(created.token.startsWith(row?.prefix ?? "none")).toBe(true);

    const listed = await callerFor(db, annotator).token.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty("token");
    expect(listed[0]).not.toHaveProperty("tokenHash");
    expect(await getRequestUser(db, bearer(created.token))).toMatchObject({
      id: annotator.id,
      role: "annotator",
    });
  });

  it("record when they were last used, at most once a minute", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const token = await tokenFor(db, admin);
    const first = await getRequestUser(db, bearer(token));
    expect(first?.id).toBe(admin.id);
    const [afterFirst] = await db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashApiToken(token)));
    expect(afterFirst?.lastUsedAt).toBeInstanceOf(Date);
    await getRequestUser(db, bearer(token));
    const [afterSecond] = await db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashApiToken(token)));
    expect(afterSecond?.lastUsedAt?.getTime()).toBe(afterFirst?.lastUsedAt?.getTime());
  });

  it("stop working when revoked, when the user is disabled, or when malformed", async () => {
    const { db } = database;
    const annotator = await createUser(db, { role: "annotator" });
    const caller = callerFor(db, annotator);
    const { id, token } = await caller.token.create({ name: "ci" });
    expect((await callRoute(listCampaigns, "GET", { token })).status).toBe(200);

    await caller.token.revoke({ tokenId: id });
    expect(await getRequestUser(db, bearer(token))).toBeNull();
    const revoked = await callRoute(listCampaigns, "GET", { token });
    expect(revoked.status).toBe(401);
    expect(revoked.json).toMatchObject({
      error: { code: "UNAUTHORIZED", message: expect.any(String), details: null },
    });
    expect((await caller.token.list())[0]?.revokedAt).toBeInstanceOf(Date);

    const other = await tokenFor(db, annotator);
    await db.update(users).set({ disabled: true }).where(eq(users.id, annotator.id));
    expect((await callRoute(listCampaigns, "GET", { token: other })).status).toBe(401);

    for (const authorization of [
      "Bearer",
      "Bearer arb_nope",
      "Basic dXNlcjpwYXNz",
      `Bearer ${other}x`,
    ]) {
      expect((await callRoute(listCampaigns, "GET", { headers: { authorization } })).status).toBe(
        401,
      );
    }
    expect((await callRoute(listCampaigns, "GET")).status).toBe(401);
  });

  it("can be revoked only by their owner", async () => {
    const { db } = database;
    const owner = await createUser(db, { role: "annotator" });
    const admin = await createUser(db, { role: "admin" });
    const { id, token } = await callerFor(db, owner).token.create({ name: "mine" });
    await expect(callerFor(db, admin).token.revoke({ tokenId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await callerFor(db, admin).token.list()).toEqual([]);
    expect((await getRequestUser(db, bearer(token)))?.id).toBe(owner.id);
    await expect(callerFor(db, null).token.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
