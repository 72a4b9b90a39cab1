import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { GET as listUsersRoute, POST as createUserRoute } from "@/app/api/v1/users/route";
import { GET as getUserRoute, PATCH as patchUserRoute } from "@/app/api/v1/users/[id]/route";
import { POST as resetLinkRoute } from "@/app/api/v1/users/[id]/password-reset/route";
import { POST as signOutRoute } from "@/app/api/v1/users/[id]/sign-out/route";
import { passwordResets, users } from "@/db/schema";
import { getRequestUser } from "@/server/auth/request-user";
import { resetPassword } from "@/server/services/users/reset-password";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { addAnnotator, callerFor, createCampaign, createUser, TEST_PASSWORD } from "../fixtures/factories";
import { callRoute, isErrorShape, restOn, tokenFor } from "../fixtures/rest-client";
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

const tokenOf = (url: string) => url.split("/reset-password/")[1] ?? "";

describe("users over REST", () => {
  it("an admin creates, finds, reads and changes accounts; annotators get 403", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const token = await tokenFor(db, admin);
    const created = await callRoute(createUserRoute, "POST", {
      token,
      json: { email: "New.Person@Example.test", name: "New Person", role: "annotator" },
    });
    expect(created.status).toBe(201);
    const body = created.json as { id: string; email: string; generated_password: string };
    expect(body.email).toBe("new.person@example.test");
    expect(await verifyCredentials(db, { email: body.email, password: body.generated_password })).not.toBeNull();

    const listed = await callRoute(listUsersRoute, "GET", { token, query: "search=person" });
    expect((listed.json as { users: { email: string }[] }).users.map((u) => u.email)).toEqual([body.email]);

    const campaign = await createCampaign(db, { admin });
    await addAnnotator(db, { campaignId: campaign.id, annotator: { ...admin, id: body.id, email: body.email } });
    const annotatorToken = await tokenFor(db, { id: body.id, email: body.email, name: null, role: "annotator" }, "ci");
    await getRequestUser(db, new Request("http://x/", { headers: { authorization: `Bearer ${annotatorToken}` } }));
    const details = await callRoute(getUserRoute, "GET", { token, id: body.id });
    expect(details.json).toMatchObject({
      campaigns: [{ campaign_id: campaign.id, member_status: "active" }],
      tokens: [{ name: "ci", prefix: annotatorToken.slice(0, 10), revoked_at: null }],
      last_sign_in_at: null,
    });
    expect(JSON.stringify(details.json)).not.toContain(annotatorToken);
    const again = await callRoute(listUsersRoute, "GET", { token, query: "search=new.person" });
    expect((again.json as { users: unknown[] }).users).toEqual([
      expect.objectContaining({ id: body.id, campaign_count: 1, active_token_count: 1 }),
    ]);

    const promoted = await callRoute(patchUserRoute, "PATCH", { token, id: body.id, json: { role: "admin" } });
    expect(promoted.json).toMatchObject({ role: "admin", disabled: false });
    const bad = await callRoute(patchUserRoute, "PATCH", { token, id: body.id, json: {} });
    expect(bad.status).toBe(400);
    expect(isErrorShape(bad.json)).toBe(true);
    expect((await callRoute(getUserRoute, "GET", { token, id: crypto.randomUUID() })).status).toBe(404);

    const annotator = await createUser(db, { role: "annotator" });
    const plain = await tokenFor(db, annotator);
    expect((await callRoute(listUsersRoute, "GET", { token: plain })).status).toBe(403);
    expect((await callRoute(patchUserRoute, "PATCH", { token: plain, id: annotator.id, json: { role: "admin" } })).status).toBe(403);
    expect((await callRoute(listUsersRoute, "GET", {})).status).toBe(401);
  });

  it("a reset link sets a new password once, ends old sessions and then stops working", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const user = await createUser(db, { role: "annotator" });
    const token = await tokenFor(db, admin);
    const link = await callRoute(resetLinkRoute, "POST", { token, id: user.id });
    expect(link.status).toBe(201);
    const { url, expires_at } = link.json as { url: string; expires_at: string };
    expect(url).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
    expect(new Date(expires_at).getTime()).toBeGreaterThan(Date.now() + 60 * 60 * 1000);
    const [stored] = await db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(JSON.stringify(stored)).not.toContain(tokenOf(url));
    const [before] = await db.select().from(users).where(eq(users.id, user.id));

    const reset = callerFor(db, null).user;
    expect(await reset.checkResetLink({ token: tokenOf(url) })).toEqual({ email: user.email });
    await reset.resetPassword({ token: tokenOf(url), password: "a brand new password" });
    expect(await verifyCredentials(db, { email: user.email, password: "a brand new password" })).not.toBeNull();
    expect(await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD })).toBeNull();
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);

    await expect(reset.resetPassword({ token: tokenOf(url), password: "another new password" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await reset.checkResetLink({ token: tokenOf(url) })).toBeNull();
  });

  it("a reset link is refused after it expires, and a newer link replaces an older one", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const user = await createUser(db, { role: "annotator" });
    const token = await tokenFor(db, admin);
    const older = tokenOf(((await callRoute(resetLinkRoute, "POST", { token, id: user.id })).json as { url: string }).url);
    const newer = tokenOf(((await callRoute(resetLinkRoute, "POST", { token, id: user.id })).json as { url: string }).url);
    await expect(resetPassword(db, { token: older, password: "password number one" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await db
      .update(passwordResets)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordResets.userId, user.id));
    await expect(resetPassword(db, { token: newer, password: "password number two" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD })).not.toBeNull();
  });

  it("parallel uses of one reset link: exactly one sets the password", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const user = await createUser(db, { role: "annotator" });
    const { path } = await callerFor(db, admin).user.createResetLink({ userId: user.id });
    const link = tokenOf(path);
    const results = await Promise.allSettled(
      ["first new password", "second new password", "third new password"].map((password) =>
        resetPassword(db, { token: link, password }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("sign-out-everywhere over REST is admin only and bumps the session version", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const user = await createUser(db, { role: "annotator" });
    const userToken = await tokenFor(db, user);
    expect((await callRoute(signOutRoute, "POST", { token: userToken, id: user.id })).status).toBe(403);
    expect((await callRoute(signOutRoute, "POST", { token: await tokenFor(db, admin), id: user.id })).status).toBe(204);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.sessionVersion).toBe(1);
  });
});

describe("user and audit procedures", () => {
  it("are admin only: annotators get FORBIDDEN, signed-out callers UNAUTHORIZED, nothing changes", async () => {
    const { db } = database;
    const annotator = await createUser(db, { role: "annotator" });
    const other = await createUser(db, { role: "annotator" });
    const caller = callerFor(db, annotator);
    const attempts = [
      () => caller.user.list({}),
      () => caller.user.byId({ userId: other.id }),
      () => caller.user.update({ userId: annotator.id, changes: { role: "admin" } }),
      () => caller.user.signOutEverywhere({ userId: other.id }),
      () => caller.user.createResetLink({ userId: other.id }),
      () => caller.audit.list({}),
      () => caller.audit.actions(),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(db, null).user.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const [row] = await db.select().from(users).where(eq(users.id, annotator.id));
    expect(row).toMatchObject({ role: "annotator", sessionVersion: 0 });
    expect(await db.select().from(passwordResets).where(eq(passwordResets.userId, other.id))).toEqual([]);
  });
});
