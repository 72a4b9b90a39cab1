/** The interactive docs live at /docs/api (a page, so the app's CSP and styles apply). */
export function GET(request: Request): Response {
  return Response.redirect(new URL("/docs/api", request.url), 308);
}
