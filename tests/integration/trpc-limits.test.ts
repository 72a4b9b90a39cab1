import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, MAX_TRPC_BATCH_SIZE, POST } from "@/app/api/trpc/[trpc]/route";
import { MAX_JSON_BODY_BYTES } from "@/server/http/json-body";
import { restOn } from "../fixtures/rest-client";
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

const MB = 1024 * 1024;

/** A body of `total` bytes made as it is read, never held: `sent()` says how much was pulled. */
function generatedBody(total: number) {
  const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"0":{"json":{"token":"'));
    },
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, sent: () => sent };
}

describe("tRPC request limits", () => {
  it("refuses a 400 MB body to a public procedure with 413, reading little of it", async () => {
    const body = generatedBody(400 * MB);
    const before = process.memoryUsage().rss;
    const response = await POST(
      new Request("http://localhost/api/trpc/invitation.signUp?batch=1", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: body.stream,
        duplex: "half",
      } as RequestInit),
    );
    const grown = process.memoryUsage().rss - before;
    expect(response.status).toBe(413);
    expect(grown).toBeLessThan(50 * MB);
    expect(body.sent()).toBeLessThan(MAX_JSON_BODY_BYTES + 256 * 1024);
  });

  it("refuses a declared oversize body before reading it", async () => {
    const response = await POST(
      new Request("http://localhost/api/trpc/user.me", {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(2 * MB) },
        body: "{}",
      }),
    );
    expect(response.status).toBe(413);
  });

  it(`answers batches of up to ${MAX_TRPC_BATCH_SIZE} calls and refuses bigger ones`, async () => {
    const batch = (n: number) => {
      const paths = Array(n).fill("user.me").join(",");
      const input = encodeURIComponent(JSON.stringify({}));
      return GET(new Request(`http://localhost/api/trpc/${paths}?batch=1&input=${input}`));
    };
    const ok = await batch(MAX_TRPC_BATCH_SIZE);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(await ok.json()).toHaveLength(MAX_TRPC_BATCH_SIZE);

    const tooMany = await batch(MAX_TRPC_BATCH_SIZE + 1);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toMatch(/Batch call exceeds maximum size/);
  });
});
