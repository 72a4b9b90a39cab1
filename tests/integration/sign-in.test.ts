import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { SIGN_IN_MAX_FAILURES } from "@/server/services/users/sign-in-throttle";
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
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      expect(await verifyCredentials(database.db, { email: user.email, password: `guess ${i}` })).toBeNull();
    }
    expect(await verifyCredentials(database.db, { email: user.email, password: TEST_PASSWORD })).toBeNull();
    const other = await createUser(database.db, { role: "admin" });
    expect(await verifyCredentials(database.db, { email: other.email, password: TEST_PASSWORD })).not.toBeNull();
  });
});
