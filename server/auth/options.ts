import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { clientIp } from "./client-ip";
import { sameOriginUrl } from "./same-origin-url";
import { sessionSecret } from "./secret";
import { verifyCredentials } from "@/server/services/users/verify-credentials";

/**
 * next-auth v4 with email + password. Credentials sign-in forces JWT sessions; the token holds
 * only the user id, and role / disabled are re-read from the database on each request.
 */
export async function authOptions(): Promise<NextAuthOptions> {
  return {
    secret: await sessionSecret(),
    session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 7 },
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
          const user = await verifyCredentials(await getDb(), {
            email: credentials.email,
            password: credentials.password,
            ip: clientIp(request.headers?.["x-forwarded-for"] as string | string[] | undefined),
          });
          return user ? { id: user.id, email: user.email, name: user.name } : null;
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
    if (user) token.sub = user.id;
    return token;
  },
  session({ session, token }) {
    return { ...session, userId: token.sub };
  },
};
