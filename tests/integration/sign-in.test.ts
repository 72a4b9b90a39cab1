import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, like, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { signInThrottles } from "@/db/schema";
import { SIGN_IN_LIMITS, SIGN_IN_PRUNE_AFTER_HOURS } from "@/server/services/users/sign-in-throttle";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { createUser, TEST_PASSWORD } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email, and stores only an argon2id hash", async () => {
    const user = await createUser(database.db, { role: "annotator" });
    const signedIn = await verifyCredentials(database.db, { email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(signedIn).toMatchObject({ id: user.id, role: "annotator" });
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it("gives the same answer for an unknown email, a wrong password and a disabled account", async () => {
    const user = await createUser(database.db, { role: "annotator" });
    expect(await verifyCredentials(database.db, { email: "nobody@example.test", password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials(database.db, { email: user.email, password: "wrong password" })).toBeNull();
    await database.db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await verifyCredentials(database.db, { email: user.email, password: TEST_PASSWORD })).toBeNull();
  });

  it("throttles an email after repeated failures, even with the right password", async () => {
    const user = await createUser(database.db, { role: "admin" });
    for (let i = 0; i < SIGN_IN_LIMITS.account; i++) {
      expect(await verifyCredentials(database.db, { email: user.email, password: `guess ${i}` })).toBeNull();
    }
    expect(await verifyCredentials(database.db, { email: user.email, password: TEST_PASSWORD })).toBeNull();
    const other = await createUser(database.db, { role: "admin" });
    expect(await verifyCredentials(database.db, { email: other.email, password: TEST_PASSWORD })).not.toBeNull();
  });

  it("80 parallel wrong passwords get no more checks than the limit", async () => {
    const user = await createUser(database.db, { role: "admin" });
    const guesses = Array.from({ length: 80 }, (_, i) =>
      verifyCredentials(database.db, { email: user.email, password: `guess ${i}`, ip: `198.51.100.${i}` }),
    );
    expect(await Promise.all(guesses)).toEqual(Array(80).fill(null));
    const [row] = await database.db
      .select()
      .from(signInThrottles)
      .where(eq(signInThrottles.key, `account:${user.email}`));
    expect(row?.attempts).toBe(SIGN_IN_LIMITS.account);
    // Locked for a short while, not for good: well under an hour.
    expect(row && row.blockedUntil.getTime() - Date.now()).toBeLessThan(16 * 60_000);
    expect(await verifyCredentials(database.db, { email: user.email, password: TEST_PASSWORD })).toBeNull();
  });

  it("limits one client address across many emails, and lets other addresses in", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < SIGN_IN_LIMITS.ip; i++) {
      await verifyCredentials(database.db, { email: `nobody-${i}@example.test`, password: "guess", ip });
    }
    const victim = await createUser(database.db, { role: "annotator" });
    expect(await verifyCredentials(database.db, { email: victim.email, password: TEST_PASSWORD, ip })).toBeNull();
    expect(await verifyCredentials(database.db, { email: victim.email, password: TEST_PASSWORD, ip: "192.0.2.7" })).not.toBeNull();
  });

  it("a correct password forgives the account, and idle rows are pruned", async () => {
    const user = await createUser(database.db, { role: "annotator" });
    await verifyCredentials(database.db, { email: user.email, password: "wrong" });
    expect(await verifyCredentials(database.db, { email: user.email, password: TEST_PASSWORD })).not.toBeNull();
    const left = await database.db.select().from(signInThrottles).where(eq(signInThrottles.key, `account:${user.email}`));
    expect(left).toEqual([]);

    await database.db.insert(signInThrottles).values([
      { key: "account:old@example.test", attempts: 3, updatedAt: sql`now() - make_interval(hours => ${SIGN_IN_PRUNE_AFTER_HOURS + 1})` },
      { key: "account:recent@example.test", attempts: 3 },
    ]);
    await verifyCredentials(database.db, { email: user.email, password: "wrong" });
    const kept = await database.db.select({ key: signInThrottles.key }).from(signInThrottles).where(like(signInThrottles.key, "account:%@example.test"));
    expect(kept.map((r) => r.key)).toContain("account:recent@example.test");
    expect(kept.map((r) => r.key)).not.toContain("account:old@example.test");
  });
});
