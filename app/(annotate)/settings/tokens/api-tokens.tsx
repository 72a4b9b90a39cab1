"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { TOKEN_LIFETIMES_DAYS } from "@/server/services/users/token-lifetimes";

function when(date: Date | null, never = "never"): string {
  return date ? date.toLocaleString() : never;
}

function isPast(date: Date | null): boolean {
  return date !== null && date.getTime() <= Date.now();
}

export function ApiTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.token.list.queryOptions());
  // The new token lives only in this component's state: it is never stored or shown again.
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.token.list.queryKey() });
  const create = useMutation(
    trpc.token.create.mutationOptions({
      onSuccess: async (token) => {
        setCreated({ name: token.name, token: token.token });
        setCopied(false);
        await refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  const revoke = useMutation(
    trpc.token.revoke.mutationOptions({ onSuccess: refresh, onError: (e) => setError(e.message) }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    setError(null);
    const form = new FormData(formElement);
    const days = Number(form.get("expiresInDays") ?? "");
    create.mutate(
      { name: String(form.get("name") ?? ""), expiresInDays: days > 0 ? days : undefined },
      { onSuccess: () => formElement.reset() },
    );
  }

  async function copy(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setError("Copying failed: select the token and copy it by hand.");
    }
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={onSubmit} className="card flex flex-wrap items-end gap-2 text-sm">
        <label className="grow font-medium">
          Token name
          <input
            name="name"
            required
            maxLength={100}
            placeholder="e.g. nightly import"
            className="input mt-1"
          />
        </label>
        <label className="font-medium">
          Expires
          <select name="expiresInDays" defaultValue="90" className="input mt-1">
            {TOKEN_LIFETIMES_DAYS.map((days) => (
              <option key={days} value={days}>
                in {days} days
              </option>
            ))}
            <option value="">never (until revoked)</option>
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {created && (
        <div
          role="status"
          aria-label="New token"
          className="card border-amber-300 bg-amber-50 text-sm"
        >
          <p className="mb-2 font-medium">
            Your new token “{created.name}”. Copy it now: it is shown this once.
          </p>
          <div className="flex items-center gap-2">
            <input
              readOnly
              value={created.token}
              aria-label="New token value"
              data-testid="new-token"
              className="input font-mono"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="btn" onClick={() => void copy(created.token)}>
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
      <section className="card" aria-labelledby="token-list-heading">
        <h2 id="token-list-heading" className="mb-2 font-semibold">
          Your tokens
        </h2>
        {tokens.isPending && <p className="text-sm text-slate-500">Loading…</p>}
        {tokens.isError && <p role="alert">{tokens.error.message}</p>}
        {tokens.data?.length === 0 && <p className="text-sm text-slate-500">No tokens yet.</p>}
        {tokens.data && tokens.data.length > 0 && (
          // Seven columns do not fit a phone: the table scrolls sideways instead of the page.
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label="API tokens">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-1 font-medium">Name</th>
                  <th className="py-1 font-medium">Token</th>
                  <th className="hidden py-1 font-medium sm:table-cell">Created</th>
                  <th className="py-1 font-medium">Last used</th>
                  <th className="py-1 font-medium">Expires</th>
                  <th className="py-1 font-medium">Used for</th>
                  <th className="py-1 font-medium">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.data.map((t) => (
                  <tr key={t.id}>
                    <td className="py-1.5">{t.name}</td>
                    <td className="py-1.5 font-mono">{t.prefix}…</td>
                    <td className="hidden py-1.5 sm:table-cell">{when(t.createdAt)}</td>
                    <td className="py-1.5">{when(t.lastUsedAt)}</td>
                    <td className="py-1.5">{when(t.expiresAt)}</td>
                    <td className="py-1.5">
                      {t.uses.length === 0 ? (
                        <span className="text-slate-500">nothing recorded</span>
                      ) : (
                        <ul aria-label={`Used for (${t.name})`}>
                          {t.uses.slice(0, 3).map((u) => (
                            <li key={u.action} title={`last ${when(u.lastAt)}`}>
                              <code>{u.action}</code> ×{u.count}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="py-1.5">
                      {t.revokedAt ? (
                        <span className="text-slate-500">revoked</span>
                      ) : isPast(t.expiresAt) ? (
                        <span className="text-slate-500">expired</span>
                      ) : (
                        <button
                          type="button"
                          className="btn"
                          aria-label={`Revoke ${t.name}`}
                          disabled={revoke.isPending}
                          onClick={() => {
                            if (
                              window.confirm(`Revoke “${t.name}”? Scripts using it stop working.`)
                            ) {
                              revoke.mutate({ tokenId: t.id });
                            }
                          }}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
