import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { apiTokens, auditEvents, users } from "@/db/schema";
import { GET as listCampaigns } from "@/app/api/v1/campaigns/route";
import { authCallbacks, SESSION_MAX_AGE_SECONDS } from "@/server/auth/options";
import { getRequestUser } from "@/server/auth/request-user";
import { sessionSecret } from "@/server/auth/secret";
import { recordSignIn } from "@/server/services/users/record-sign-in";
import { signOutEverywhere } from "@/server/services/users/sign-out-everywhere";
import { updateUser } from "@/server/services/users/update-user";
import type { SessionUser } from "@/server/services/users/session-user";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { callerFor, createUser, TEST_PASSWORD } from "../fixtures/factories";
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

/**
 * The session cookie a browser holds after signing in: the sign-in is recorded, next-auth's
 * jwt callback builds the claims, and next-auth's own encoder seals them.
 */
async function signedInCookie(user: SessionUser): Promise<string> {
  const recorded = await recordSignIn(database.db, { email: user.email, user, ip: "203.0.113.7" });
  const jwt = authCallbacks.jwt;
  if (!jwt || !recorded) throw new Error("no jwt callback");
  const claims = await jwt({
    token: {},
    user: { id: user.id, email: user.email, ...recorded },
    account: null,
  } as unknown as Parameters<typeof jwt>[0]);
  const token = await encode({ token: claims, secret: await sessionSecret(database.db), maxAge: SESSION_MAX_AGE_SECONDS });
  return `next-auth.session-token=${token}`;
}

const withCookie = (cookie: string) => new Request("http://localhost/x", { headers: { cookie } });

describe("ending sessions", () => {
  it("a cookie copied before sign-out-everywhere gets 401 after it", async () => {
    const { db } = database;
    const annotator = await createUser(db, { role: "annotator" });
    const copied = await signedInCookie(annotator);
    expect(await getRequestUser(db, withCookie(copied))).toMatchObject({ id: annotator.id });
    expect((await callRoute(listCampaigns, "GET", { headers: { cookie: copied } })).status).toBe(200);

    await signOutEverywhere(db, { userId: annotator.id, actorId: annotator.id });

    expect(await getRequestUser(db, withCookie(copied))).toBeNull();
    expect((await callRoute(listCampaigns, "GET", { headers: { cookie: copied } })).status).toBe(401);
    // Signing in again issues a session under the new version, which works.
    const fresh = await signedInCookie(annotator);
    expect((await callRoute(listCampaigns, "GET", { headers: { cookie: fresh } })).status).toBe(200);
    // Replaying the ended cookie is audited once, not once per request.
    await callRoute(listCampaigns, "GET", { headers: { cookie: copied } });
    const refused = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, annotator.id), eq(auditEvents.action, "session.refused")));
    expect(refused).toHaveLength(1);
  });

  it("a role change ends the sessions issued before it", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const cookie = await signedInCookie(annotator);
    await updateUser(db, { userId: annotator.id, actorId: admin.id, input: { role: "admin" } });
    expect(await getRequestUser(db, withCookie(cookie))).toBeNull();
  });

  it("disabling a user ends their sessions and makes every API token fail at once", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const cookie = await signedInCookie(annotator);
    const tokens = [await tokenFor(db, annotator, "ci"), await tokenFor(db, annotator, "laptop")];
    for (const token of tokens) expect((await callRoute(listCampaigns, "GET", { token })).status).toBe(200);

    await updateUser(db, { userId: annotator.id, actorId: admin.id, input: { disabled: true } });

    expect((await callRoute(listCampaigns, "GET", { headers: { cookie } })).status).toBe(401);
    for (const token of tokens) expect((await callRoute(listCampaigns, "GET", { token })).status).toBe(401);
    const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, annotator.id));
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);

    // Enabling the account again does not bring old sessions or tokens back.
    await updateUser(db, { userId: annotator.id, actorId: admin.id, input: { disabled: false } });
    expect((await callRoute(listCampaigns, "GET", { headers: { cookie } })).status).toBe(401);
    expect((await callRoute(listCampaigns, "GET", { token: tokens[0] })).status).toBe(401);
    const [row] = await db.select().from(users).where(eq(users.id, annotator.id));
    expect(row?.disabled).toBe(false);
  });

  it("changing one's own password needs the current one and ends every session", async () => {
    const { db } = database;
    const annotator = await createUser(db, { role: "annotator" });
    const cookie = await signedInCookie(annotator);
    const caller = callerFor(db, annotator).user;
    await expect(
      caller.changePassword({ currentPassword: "not my password", newPassword: "a new password here" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getRequestUser(db, withCookie(cookie))).not.toBeNull();

    await caller.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a new password here" });
    expect(await getRequestUser(db, withCookie(cookie))).toBeNull();
    expect(await verifyCredentials(db, { email: annotator.email, password: "a new password here" })).not.toBeNull();
  });

  it("a user can sign themselves out everywhere", async () => {
    const { db } = database;
    const annotator = await createUser(db, { role: "annotator" });
    const laptop = await signedInCookie(annotator);
    const phone = await signedInCookie(annotator);
    await callerFor(db, annotator).user.signOutMine();
    expect(await getRequestUser(db, withCookie(laptop))).toBeNull();
    expect(await getRequestUser(db, withCookie(phone))).toBeNull();
  });

  it("refuses a forged or tampered cookie", async () => {
    const { db } = database;
    const annotator = await createUser(db, { role: "annotator" });
    const cookie = await signedInCookie(annotator);
    const tampered = `${cookie.slice(0, -4)}AAAA`;
    expect(await getRequestUser(db, withCookie(tampered))).toBeNull();
    const wrongSecret = await encode({ token: { sub: annotator.id, sv: 0 }, secret: "someone else's secret" });
    expect(await getRequestUser(db, withCookie(`next-auth.session-token=${wrongSecret}`))).toBeNull();
  });
});
