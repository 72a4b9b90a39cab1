/**
 * Ends the session through the auth routes as next-auth's own client does — fetch the CSRF
 * token, POST the sign-out, follow the URL it answers with — without loading that client's
 * bundle into every page (it was an eighth of the annotate page's own JavaScript).
 */
export async function signOut(params: { callbackUrl: string }): Promise<void> {
  const csrf = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken?: string };
  const reply = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? "", callbackUrl: params.callbackUrl, json: "true" }),
  });
  const { url } = (await reply.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? params.callbackUrl;
}
