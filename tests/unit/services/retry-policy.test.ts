import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelayMs } from "@/server/services/jobs/retry-policy";

const headers = (values: Record<string, string>) => new Headers(values);

describe("retry policy for model requests", () => {
  it("reads Retry-After in seconds, as an HTTP date, or OpenAI's retry-after-ms", () => {
    const now = Date.parse("2026-12-01T08:00:00Z");
    expect(parseRetryAfter(headers({ "retry-after": "7" }), now)).toBe(7000);
    expect(parseRetryAfter(headers({ "retry-after": "Tue, 01 Dec 2026 08:00:30 GMT" }), now)).toBe(30_000);
    expect(parseRetryAfter(headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(parseRetryAfter(headers({ "retry-after": "soon" }), now)).toBeNull();
    expect(parseRetryAfter(headers({}), now)).toBeNull();
    expect(parseRetryAfter(headers({ "retry-after": "86400" }), now)).toBe(15 * 60_000);
  });

  it("backs off exponentially with bounded jitter, capped, and never sooner than Retry-After", () => {
    const mid = () => 0.5;
    const options = { baseMs: 1000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5].map((a) => retryDelayMs(a, null, options, mid))).toEqual([1000, 2000, 4000, 8000, 10_000]);
    expect(retryDelayMs(1, null, options, () => 0)).toBe(750);
    expect(retryDelayMs(1, null, options, () => 0.999999)).toBe(1250);
    expect(retryDelayMs(1, 5000, options, mid)).toBe(5000);
    expect(retryDelayMs(5, 5000, options, mid)).toBe(10_000);
  });
});
