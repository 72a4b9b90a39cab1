import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import { getRequestUser } from "@/server/auth/request-user";
import { setCliDatabase } from "@/server/cli/with-database";
import { resetPassword } from "@/server/services/users/reset-password";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { createUser } from "../fixtures/factories";
import { tokenFor } from "../fixtures/rest-client";
import { runCli } from "../fixtures/run-cli";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  setCliDatabase(database);
});
afterAll(async () => {
  setCliDatabase(undefined);
  await database?.close();
});

const bearer = (token: string) => new Request("http://x/", { headers: { authorization: `Bearer ${token}` } });

describe("arbiter user", () => {
  it("lists, disables (revoking tokens), enables and changes roles by email", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const token = await tokenFor(db, annotator);

    const listed = await runCli("user", "list", "--search", annotator.email);
    expect(listed.stdout.trim().split("\t")).toEqual([annotator.email, "annotator", "active", "never", annotator.id]);

    expect(await runCli("user", "disable", annotator.email.toUpperCase())).toMatchObject({ code: 0 });
    expect(await getRequestUser(db, bearer(token))).toBeNull();
    const [tokenRow] = await db.select().from(apiTokens).where(eq(apiTokens.userId, annotator.id));
    expect(tokenRow?.revokedAt).not.toBeNull();
    expect((await runCli("user", "list", "--search", annotator.email)).stdout).toContain("\tdisabled\t");

    expect(await runCli("user", "enable", annotator.email)).toMatchObject({ code: 0 });
    expect(await runCli("user", "set-role", annotator.email, "admin")).toMatchObject({ code: 0 });
    const [row] = await db.select().from(users).where(eq(users.id, annotator.id));
    expect(row).toMatchObject({ disabled: false, role: "admin" });

    const badRole = await runCli("user", "set-role", annotator.email, "owner");
    expect(badRole).toMatchObject({ code: 1, stdout: "" });
    expect(badRole.stderr).toContain("Role must be one of");
    const unknown = await runCli("user", "disable", "nobody@example.test");
    expect(unknown).toMatchObject({ code: 1, stderr: "arbiter: No user with email nobody@example.test\n" });
    expect(admin.role).toBe("admin");
  });

  it("refuses to disable the last active admin", async () => {
    const { db } = database;
    const keep = await createUser(db, { role: "admin" });
    const admins = await db.select().from(users).where(eq(users.role, "admin"));
    const others = admins.filter((a) => !a.disabled && a.id !== keep.id);
    for (const other of others) expect((await runCli("user", "disable", other.email)).code).toBe(0);
    const refused = await runCli("user", "disable", keep.email);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("last active admin");
  });

  it("reset-password prints a single-use link at the given address", async () => {
    const { db } = database;
    const user = await createUser(db, { role: "annotator" });
    const result = await runCli("user", "reset-password", user.email, "--url", "https://arbiter.example.org/ignored");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^https:\/\/arbiter\.example\.org\/reset-password\/[A-Za-z0-9_-]{43}\n$/);
    const token = result.stdout.trim().split("/").pop() ?? "";
    await resetPassword(db, { token, password: "set from the cli link" });
    expect(await verifyCredentials(db, { email: user.email, password: "set from the cli link" })).not.toBeNull();
    await expect(resetPassword(db, { token, password: "second time lucky" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
