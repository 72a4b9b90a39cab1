import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type DatabaseHandle, type Db } from "@/db/client";
import { GET as listCampaigns } from "@/app/api/v1/campaigns/route";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { resetEnvCache } from "@/server/env";
import { toAppError } from "@/server/errors";
import { retryAfterMeta } from "@/server/trpc/http-errors";
import { withRetry, writeTransaction } from "@/server/services/with-retry";
import { callerFor } from "../fixtures/factories";
import { callRoute, restOn } from "../fixtures/rest-client";

/** A real node-postgres pool whose server is not there: every query fails as in an outage. */
let unreachable: DatabaseHandle;
let restore: () => void;
beforeAll(async () => {
  unreachable = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/arbiter", connectTimeoutMs: 2_000 });
  restore = restOn(unreachable.db);
});
afterAll(async () => {
  restore?.();
  await unreachable?.close();
});

const admin = { id: "00000000-0000-4000-8000-000000000001", email: "a@example.test", name: null, role: "admin" } as const;

describe("a database outage", () => {
  it("reaches the service wrapped by drizzle, and is still reported as 503", async () => {
    const failure = await unreachable.db.execute("select 1").catch((error: unknown) => error);
    // The driver's error sits in `cause`: this is what toAppError must see through.
    expect((failure as Error).constructor.name).toBe("DrizzleQueryError");
    expect((failure as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
    expect(toAppError(failure)).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
  });

  it("answers REST with 503 and Retry-After, without internals", async () => {
    const response = await callRoute(listCampaigns, "GET", { token: "arb_anything" });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.json).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
    expect(JSON.stringify(response.json)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|select/);
  });

  it("answers tRPC with SERVICE_UNAVAILABLE and a Retry-After header", async () => {
    const caller = callerFor(unreachable.db, admin as never);
    const error = await caller.campaign.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    expect(retryAfterMeta({ errors: [error as never] }).headers?.["Retry-After"]).toBeTruthy();
  });

  it("answers a tRPC request over HTTP with 503 and Retry-After when the session lookup cannot reach the database", async () => {
    // The route uses the app's own process-wide database: point it at the absent server.
    vi.stubEnv("DATABASE_URL", "postgres://postgres@127.0.0.1:1/arbiter");
    vi.stubEnv("DATABASE_CONNECT_TIMEOUT_MS", "2000");
    resetEnvCache();
    try {
      const response = await trpcGet(
        new Request("http://localhost/api/trpc/campaign.list", { headers: { authorization: "Bearer arb_anything" } }),
      );
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await response.text()).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      vi.unstubAllEnvs();
      resetEnvCache();
    }
  });

  it.each([
    ["57P01", "admin shutdown"],
    ["53300", "too many connections"],
    ["57014", "statement timeout"],
    ["55P03", "lock timeout"],
  ])("maps SQLSTATE %s (%s) found in a cause chain to 503", (code) => {
    const wrapped = new Error("Failed query: select 1", { cause: Object.assign(new Error("boom"), { code }) });
    expect(toAppError(wrapped)?.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("does not turn a plain bug into a 503", () => {
    const wrapped = new Error("Failed query", { cause: Object.assign(new Error("syntax"), { code: "42601" }) });
    expect(toAppError(wrapped)).toBeUndefined();
  });
});

describe("the write retry", () => {
  const serializationFailure = () =>
    new Error("Failed query: update …", { cause: Object.assign(new Error("could not serialize access"), { code: "40001" }) });

  it("runs a transaction again after a serialization failure, then returns its result", async () => {
    let calls = 0;
    const db = {
      transaction: async (work: (tx: unknown) => Promise<string>) => {
        calls += 1;
        if (calls < 3) throw serializationFailure();
        return work({});
      },
    } as unknown as Db;
    await expect(writeTransaction(db, () => Promise.resolve("stored"))).resolves.toBe("stored");
    expect(calls).toBe(3);
  });

  it("gives up after a bounded number of attempts and surfaces a 503", async () => {
    let calls = 0;
    const failure = await withRetry(
      () => {
        calls += 1;
        return Promise.reject(serializationFailure());
      },
      { attempts: 4, baseDelayMs: 1 },
    ).catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect(toAppError(failure)?.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("does not repeat work that failed for another reason", async () => {
    let calls = 0;
    const failure = await withRetry(() => {
      calls += 1;
      return Promise.reject(Object.assign(new Error("duplicate"), { code: "23505" }));
    }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(failure).toMatchObject({ code: "23505" });
  });
});
