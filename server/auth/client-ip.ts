/**
 * The client's address, for sign-in throttling and the audit log: the last X-Forwarded-For hop,
 * which is the one added by the proxy nearest the app (Next itself fills the header with the
 * socket address when no proxy sent one). Run behind a reverse proxy that appends to the header,
 * or a client can choose its own address; the per-account limit holds either way.
 */
export function clientIp(source: Headers | string | string[] | null | undefined): string | null {
  const header =
    source instanceof Headers
      ? source.get("x-forwarded-for")
      : Array.isArray(source)
        ? source.join(",")
        : source;
  const last = header?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}
