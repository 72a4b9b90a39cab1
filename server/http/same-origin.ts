/**
 * Cookie-authenticated mutations must come from our own pages (DESIGN §10). Browsers send
 * Origin on cross-site POSTs and Sec-Fetch-Site everywhere modern; either one betraying another
 * site is enough to refuse. Requests with neither (curl, scripts) carry no ambient cookie risk.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
