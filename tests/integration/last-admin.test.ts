import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { PATCH as patchUser } from "@/app/api/v1/users/[id]/route";
import { users } from "@/db/schema";
import { updateUser } from "@/server/services/users/update-user";
import { createUser } from "../fixtures/factories";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

// Its own database: the rule is about every admin there is, so no other test may add admins.
let database: TestDatabase;
let restore: () => void;
beforeAll(async () => {
  database = await createTestDatabase({ poolMax: 4 });
  restore = restOn(database.db);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});
beforeEach(async () => {
  // Every test starts without active admins and makes the ones it needs.
  await database.db.update(users).set({ disabled: true }).where(eq(users.role, "admin"));
});

describe("the last active admin", () => {
  it("cannot be demoted or disabled, over REST (409) or by the service", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const token = await tokenFor(db, admin);
    for (const json of [{ role: "annotator" }, { disabled: true }]) {
      const res = await callRoute(patchUser, "PATCH", { token, id: admin.id, json });
      expect(res.status).toBe(409);
    }
    await expect(
      updateUser(db, { userId: admin.id, actorId: admin.id, input: { role: "annotator" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(row).toMatchObject({ role: "admin", disabled: false });
  });

  it("can be demoted once there is another active admin, and a disabled admin does not count", async () => {
    const { db } = database;
    const first = await createUser(db, { role: "admin" });
    const second = await createUser(db, { role: "admin" });
    await updateUser(db, { userId: second.id, actorId: first.id, input: { disabled: true } });
    await expect(
      updateUser(db, { userId: first.id, actorId: first.id, input: { disabled: true } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await updateUser(db, { userId: second.id, actorId: first.id, input: { disabled: false } });
    const demoted = await updateUser(db, { userId: first.id, actorId: second.id, input: { role: "annotator" } });
    expect(demoted.role).toBe("annotator");
  });

  it("survives two admins demoting each other at the same moment: exactly one demotion wins", async () => {
    const { db } = database;
    for (let round = 0; round < 5; round++) {
      await db.update(users).set({ disabled: true }).where(eq(users.role, "admin"));
      const a = await createUser(db, { role: "admin" });
      const b = await createUser(db, { role: "admin" });
      const results = await Promise.allSettled([
        updateUser(db, { userId: a.id, actorId: b.id, input: { role: "annotator" } }),
        updateUser(db, { userId: b.id, actorId: a.id, input: { disabled: true } }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected");
      expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({ code: "CONFLICT" });
      const active = await db
        .select()
        .from(users)
        .where(eq(users.role, "admin"))
        .then((rows) => rows.filter((r) => !r.disabled));
      expect(active).toHaveLength(1);
    }
  });
});
