import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/server/env";
import { encodeSessionToken, readSessionClaims } from "@/server/auth/session-token";

const claims = { userId: "6f1c2b8e-2f0e-4a55-9d7e-0c3b1a2d4e5f", sessionVersion: 3 };

describe("the session cookie", () => {
  it("is read whole, with the __Secure- prefix, or split into chunks as next-auth writes large ones", async () => {
    const token = await encodeSessionToken(claims, 60);
    expect(await readSessionClaims(`a=b; next-auth.session-token=${token}`)).toEqual(claims);
    expect(await readSessionClaims(`__Secure-next-auth.session-token=${token}`)).toEqual(claims);
    const half = Math.floor(token.length / 2);
    const chunked = `next-auth.session-token.1=${token.slice(half)}; next-auth.session-token.0=${token.slice(0, half)}`;
    expect(await readSessionClaims(chunked)).toEqual(claims);
  });

  it("is refused when missing, expired, or without a session version", async () => {
    expect(await readSessionClaims(null)).toBeNull();
    expect(await readSessionClaims("other=1")).toBeNull();
    const expired = await encodeSessionToken(claims, -60);
    expect(await readSessionClaims(`next-auth.session-token=${expired}`)).toBeNull();
    const legacy = await encode({ token: { sub: claims.userId }, secret: authSecret() });
    expect(await readSessionClaims(`next-auth.session-token=${legacy}`)).toBeNull();
  });
});
