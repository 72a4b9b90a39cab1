import { NextResponse, type NextRequest } from "next/server";

/**
 * A strict Content-Security-Policy with a fresh nonce on every page (DESIGN §10): model output
 * is hostile input, so even if something slipped past the markdown sanitizer, no injected
 * script could run. Next.js puts the nonce on its own scripts when it sees this header on the
 * request. This proxy sets headers only; authorization lives in procedures and services.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const development = request.nextUrl.hostname === "localhost" && process.env.NODE_ENV === "development";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React style attributes and KaTeX set inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Image and audio responses, loaded only when shown or clicked.
    "img-src 'self' data: blob: https: http:",
    "media-src 'self' https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages, and next-auth's own pages under /api/auth; not the JSON APIs or static files.
      source: "/((?!api/(?!auth/)|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
