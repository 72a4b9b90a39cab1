import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { encodeSessionToken, readSessionClaims } from "@/server/auth/session-token";

/** The secret is an argument: any value signs and checks, here one made for the test. */
const SECRET = "unit-test-session-secret-0123456789abcdef";
const claims = { userId: "6f1c2b8e-2f0e-4a55-9d7e-0c3b1a2d4e5f", sessionVersion: 3 };

describe("the session cookie", () => {
  it("is read whole, with the __Secure- prefix, or split into chunks as next-auth writes large ones", async () => {
    const token = await encodeSessionToken(claims, 60, SECRET);
    expect(await readSessionClaims(`a=b; next-auth.session-token=${token}`, SECRET)).toEqual(claims);
    expect(await readSessionClaims(`__Secure-next-auth.session-token=${token}`, SECRET)).toEqual(claims);
    const half = Math.floor(token.length / 2);
    const chunked = `next-auth.session-token.1=${token.slice(half)}; next-auth.session-token.0=${token.slice(0, half)}`;
    expect(await readSessionClaims(chunked, SECRET)).toEqual(claims);
  });

  it("is refused when missing, expired, or without a session version", async () => {
    expect(await readSessionClaims(null, SECRET)).toBeNull();
    expect(await readSessionClaims("other=1", SECRET)).toBeNull();
    const expired = await encodeSessionToken(claims, -60, SECRET);
    expect(await readSessionClaims(`next-auth.session-token=${expired}`, SECRET)).toBeNull();
    const legacy = await encode({ token: { sub: claims.userId }, secret: SECRET });
    expect(await readSessionClaims(`next-auth.session-token=${legacy}`, SECRET)).toBeNull();
  });
});
