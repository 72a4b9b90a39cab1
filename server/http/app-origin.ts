import { env } from "@/server/env";

/**
 * The app's public origin for links handed to people (password resets): the configured
 * NEXTAUTH_URL, else the origin this request came in on.
 */
export function appOrigin(request: Request | null): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  return request ? new URL(request.url).origin : `http://localhost:${env().PORT}`;
}
