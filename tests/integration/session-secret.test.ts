import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { resetSessionSecret } from "@/server/services/settings/reset-session-secret";
import {
  resolveSessionSecret,
  SessionSecretMismatchError,
} from "@/server/services/settings/resolve-session-secret";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

/**
 * Two instances of the app against one database: on a server, two separate pools (two
 * processes as far as Postgres can tell); on PGlite, the one embedded database twice.
 */
let database: TestDatabase;
let second: DatabaseHandle | undefined;
beforeAll(async () => {
  database = await createTestDatabase();
  if (database.url) second = await openDatabase({ url: database.url, poolMax: 4 });
});
afterAll(async () => {
  await second?.close();
  await database?.close();
});

const otherInstance = () => second?.db ?? database.db;

describe("the session secret across instances", () => {
  it("is generated once and shared when no instance sets NEXTAUTH_SECRET: a session from one is valid on the other", async () => {
    // Several instances starting at the same moment race to create it: one value wins.
    const secrets = await Promise.all(
      Array.from({ length: 6 }, (_, i) => resolveSessionSecret(i % 2 ? otherInstance() : database.db, {})),
    );
    expect(new Set(secrets).size).toBe(1);
    const [first, other] = secrets;
    expect(first?.length).toBeGreaterThanOrEqual(32);

    const cookie = await encode({ token: { sub: "user-1" }, secret: first ?? "" });
    expect(await decode({ token: cookie, secret: other ?? "" })).toMatchObject({ sub: "user-1" });
  });

  it("refuses an instance whose NEXTAUTH_SECRET differs, with a message that says what to do", async () => {
    const failure = await resolveSessionSecret(otherInstance(), { configured: "a-different-secret-".repeat(3) }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SessionSecretMismatchError);
    expect((failure as Error).message).toMatch(/same NEXTAUTH_SECRET/);
    expect((failure as Error).message).not.toContain("a-different-secret");
  });

  it("accepts the new secret everywhere after a deliberate reset", async () => {
    const rotated = "rotated-secret-".repeat(4);
    await resetSessionSecret(database.db);
    expect(await resolveSessionSecret(database.db, { configured: rotated })).toBe(rotated);
    expect(await resolveSessionSecret(otherInstance(), { configured: rotated })).toBe(rotated);
    // An instance left on the shared generated secret is now the odd one out.
    await expect(resolveSessionSecret(otherInstance(), {})).rejects.toBeInstanceOf(SessionSecretMismatchError);
  });
});
