import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { toErrorResponse } from "@/server/http/rest-errors";

// Options are built per request so the secret is read at run time, not during `next build`.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  let options;
  try {
    options = await authOptions();
  } catch (error) {
    // The secret comes from the database: an outage is a 503 here too.
    return toErrorResponse(error);
  }
  return NextAuth(options)(request, context);
}

export { handler as GET, handler as POST };
