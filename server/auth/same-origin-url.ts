/**
 * Where to send someone after sign-in: the URL resolved against the app's own origin, kept only
 * if it stays on that origin, else the fallback. Resolving (not pattern-matching) is what makes
 * this safe: browsers read `/\evil.example` and `/<TAB>/evil.example` as `//evil.example`, which
 * prefix checks let through. Pure, so the sign-in page and the auth callback share it.
 */
export function sameOriginUrl(value: string | null | undefined, origin: string, fallback = "/"): string {
  if (!value) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || (url.protocol !== "http:" && url.protocol !== "https:")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
