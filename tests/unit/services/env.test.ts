import { afterEach, describe, expect, it, vi } from "vitest";
import { authSecret, resetEnvCache } from "@/server/env";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("environment validation", () => {
  it("refuses to run in production without a strong secret", () => {
    vi.stubEnv("NODE_ENV", "production");
    for (const weak of [undefined, "changeme", "short-secret"]) {
      vi.stubEnv("NEXTAUTH_SECRET", weak);
      resetEnvCache();
      expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET/);
    }
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(40));
    resetEnvCache();
    expect(authSecret()).toBe("x".repeat(40));
  });

  it("rejects a malformed DATABASE_URL with the variable's name", async () => {
    vi.stubEnv("DATABASE_URL", "not a url");
    resetEnvCache();
    const { env } = await import("@/server/env");
    expect(() => env()).toThrow(/DATABASE_URL/);
  });
});
