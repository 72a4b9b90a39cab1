import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { recordSignIn } from "@/server/services/users/record-sign-in";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { clientIp } from "./client-ip";
import { sameOriginUrl } from "./same-origin-url";
import { sessionSecret } from "./secret";
import { CLAIM_SESSION_VERSION } from "./session-token";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

/**
 * next-auth v4 with email + password. Credentials sign-in forces JWT sessions; the token holds
 * the user id and the session version it was issued under, and every request re-reads the
 * user to check both (server/auth/session.ts).
 */
export async function authOptions(): Promise<NextAuthOptions> {
  return {
    secret: await sessionSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, request) {
          if (!credentials) return null;
          const db = await getDb();
          const ip = clientIp(request.headers?.["x-forwarded-for"] as string | string[] | undefined);
          const user = await verifyCredentials(db, {
            email: credentials.email,
            password: credentials.password,
            ip,
          });
          const recorded = await recordSignIn(db, { email: credentials.email, user, ip });
          if (!user || !recorded) return null;
          return { id: user.id, email: user.email, name: user.name, ...recorded };
        },
      }),
    ],
    callbacks: authCallbacks,
  };
}

/** The session callbacks, apart from the secret so they can be checked without a database. */
export const authCallbacks: NonNullable<NextAuthOptions["callbacks"]> = {
  // next-auth's own redirects (after sign-in and sign-out) stay on this app.
  redirect({ url, baseUrl }) {
    return `${new URL(baseUrl).origin}${sameOriginUrl(url, baseUrl, new URL(baseUrl).pathname)}`;
  },
  jwt({ token, user }) {
    if (user) {
      token.sub = user.id;
      token[CLAIM_SESSION_VERSION] = (user as { sessionVersion?: number }).sessionVersion ?? 0;
    }
    return token;
  },
  session({ session, token }) {
    return { ...session, userId: token.sub };
  },
};
