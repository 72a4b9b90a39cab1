import { describe, expect, it } from "vitest";
import { authCallbacks } from "@/server/auth/options";
import { sameOriginUrl } from "@/server/auth/same-origin-url";

const ORIGIN = "https://arbiter.example.test";

/** callbackUrl values that pass a `startsWith("/") && !startsWith("//")` check or try other tricks. */
const PROBES = [
  "/\\example.org",
  "/\\/example.org",
  "/%09/example.org",
  "/\t/example.org",
  "//evil.example",
  "///evil.example",
  "https://evil.example/path",
  "http://arbiter.example.test.evil.example/",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(document.cookie)",
  "data:text/html,<script>alert(1)</script>",
  " https://evil.example",
];

function landsOn(target: string): string {
  return new URL(target, ORIGIN).origin;
}

describe("the redirect after sign-in", () => {
  it.each(PROBES)("keeps %j on the app's origin", (probe) => {
    const path = sameOriginUrl(probe, ORIGIN);
    expect(path.startsWith("/")).toBe(true);
    expect(landsOn(path)).toBe(ORIGIN);
    // What a browser would do with it, resolved against a page on the app.
    expect(new URL(path, `${ORIGIN}/sign-in`).origin).toBe(ORIGIN);
  });

  it("keeps paths, queries and fragments of the app itself", () => {
    expect(sameOriginUrl("/campaigns/1?tab=items#top", ORIGIN)).toBe("/campaigns/1?tab=items#top");
    expect(sameOriginUrl(`${ORIGIN}/admin`, ORIGIN)).toBe("/admin");
    expect(sameOriginUrl(null, ORIGIN)).toBe("/");
  });

  it.each(PROBES)("next-auth's redirect callback keeps %j on the app's origin", async (probe) => {
    const redirect = authCallbacks.redirect;
    if (!redirect) throw new Error("no redirect callback");
    const target = await redirect({ url: probe, baseUrl: ORIGIN });
    expect(new URL(target).origin).toBe(ORIGIN);
    expect(await redirect({ url: `${ORIGIN}/campaigns`, baseUrl: ORIGIN })).toBe(`${ORIGIN}/campaigns`);
  });
});
