/**
 * The client's IP as the reverse proxy in front of the app reports it (the first
 * `X-Forwarded-For` hop, else `X-Real-IP`); null when neither is there. Used for the audit
 * log, so a spoofed header can only mislabel an entry, never grant anything.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  return headers.get("x-real-ip")?.trim().slice(0, 64) || null;
}
