import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache, secretKey } from "@/server/env";
import { redact } from "@/server/services/models/model-call-error";
import { openSecret, sealSecret } from "@/server/services/models/secret-box";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("API keys at rest", () => {
  it("round-trip through AES-256-GCM, bound to their row and to the key that sealed them", () => {
    const key = randomBytes(32);
    const sealed = sealSecret(key, "sk-abc", "model_endpoints:1");
    expect(sealed).not.toContain("sk-abc");
    expect(sealSecret(key, "sk-abc", "model_endpoints:1")).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(key, sealed, "model_endpoints:1")).toBe("sk-abc");
    expect(() => openSecret(key, sealed, "model_endpoints:2")).toThrow(/integrity/);
    expect(() => openSecret(randomBytes(32), sealed, "model_endpoints:1")).toThrow(/different ARBITER_SECRET_KEY/);
    const [v, id, iv, tag, ct] = sealed.split(".");
    const flipped = `${v}.${id}.${iv}.${tag}.${(ct ?? "").replace(/^./, (c) => (c === "A" ? "B" : "A"))}`;
    expect(() => openSecret(key, flipped, "model_endpoints:1")).toThrow(/integrity/);
  });

  it("need ARBITER_SECRET_KEY in production, as 32 random bytes, and never fall back to a default there", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("ARBITER_SECRET_KEY", "");
    resetEnvCache();
    expect(() => secretKey()).toThrow(/ARBITER_SECRET_KEY must be set in production/);
    for (const weak of ["changeme", "0".repeat(64), randomBytes(16).toString("base64")]) {
      vi.stubEnv("ARBITER_SECRET_KEY", weak);
      resetEnvCache();
      expect(() => secretKey()).toThrow(/32 random bytes/);
    }
    const hex = randomBytes(32).toString("hex");
    vi.stubEnv("ARBITER_SECRET_KEY", hex);
    resetEnvCache();
    expect(secretKey().toString("hex")).toBe(hex);
    const b64 = randomBytes(32).toString("base64url");
    vi.stubEnv("ARBITER_SECRET_KEY", b64);
    resetEnvCache();
    expect(secretKey().toString("base64url")).toBe(b64);
  });

  it("are scrubbed from remote error messages", () => {
    expect(redact("401 Incorrect API key provided: sk-live-123456789.", "sk-live-123456789")).not.toContain("123456789");
    expect(redact("Incorrect API key provided: sk-proj-abc*****wxyz", null)).not.toContain("wxyz");
    expect(redact("upstream said Bearer abcdef0123 is bad", null)).toBe("upstream said Bearer [redacted] is bad");
    expect(redact("rate limited", "k")).toBe("rate limited");
  });
});
