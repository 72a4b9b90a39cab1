import { afterEach, describe, expect, it, vi } from "vitest";
import { configuredAuthSecret, resetEnvCache } from "@/server/env";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("environment validation", () => {
  it("refuses a short or known secret in production, and has no fixed fallback anywhere", () => {
    vi.stubEnv("NODE_ENV", "production");
    for (const weak of ["changeme", "short-secret"]) {
      vi.stubEnv("NEXTAUTH_SECRET", weak);
      resetEnvCache();
      expect(() => configuredAuthSecret()).toThrow(/NEXTAUTH_SECRET/);
    }
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(40));
    resetEnvCache();
    expect(configuredAuthSecret()).toBe("x".repeat(40));
    for (const mode of ["production", "development", "test"]) {
      vi.stubEnv("NODE_ENV", mode);
      vi.stubEnv("NEXTAUTH_SECRET", undefined);
      resetEnvCache();
      // Unset means "share the one generated in the database", never a default string.
      expect(configuredAuthSecret()).toBeUndefined();
    }
  });

  it("rejects a malformed DATABASE_URL with the variable's name", async () => {
    vi.stubEnv("DATABASE_URL", "not a url");
    resetEnvCache();
    const { env } = await import("@/server/env");
    expect(() => env()).toThrow(/DATABASE_URL/);
  });
});
