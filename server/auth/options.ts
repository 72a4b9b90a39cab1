import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authSecret } from "@/server/env";
import { recordSignIn } from "@/server/services/users/record-sign-in";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { clientIp } from "./client-ip";
import { CLAIM_SESSION_VERSION } from "./session-token";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

/** next-auth's `req.headers` is a plain record; the IP helper reads Fetch headers. */
function toHeaders(record: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(record ?? {})) {
    if (typeof value === "string") headers.set(key, value);
  }
  return headers;
}

/**
 * next-auth v4 with email + password. Credentials sign-in forces JWT sessions; the token holds
 * the user id and the session version it was issued under, and every request re-reads the
 * user to check both (server/auth/session.ts).
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          if (!credentials) return null;
          const db = await getDb();
          const user = await verifyCredentials(db, {
            email: credentials.email,
            password: credentials.password,
          });
          const recorded = await recordSignIn(db, {
            email: credentials.email,
            user,
            ip: clientIp(toHeaders(req.headers)),
          });
          if (!user || !recorded) return null;
          const signedIn = { id: user.id, email: user.email, name: user.name, ...recorded };
          return signedIn;
        },
      }),
    ],
    callbacks: {
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
    },
  };
}
