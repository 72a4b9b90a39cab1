import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { AppError } from "@/server/errors";
import { toErrorResponse } from "@/server/http/rest-errors";

/** Sign-in forms are a few hundred bytes; next-auth reads whatever it is sent, so say no first. */
const MAX_AUTH_BODY_BYTES = 64 * 1024;

// Options are built per request so the secret is read at run time, not during `next build`.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  if (request.method === "POST") {
    const length = request.headers.get("content-length");
    // Browsers always declare a form's length; a body without one is not from our pages.
    if (length === null ? request.body !== null : Number(length) > MAX_AUTH_BODY_BYTES) {
      return toErrorResponse(new AppError("PAYLOAD_TOO_LARGE", "Request body too large"));
    }
  }
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
