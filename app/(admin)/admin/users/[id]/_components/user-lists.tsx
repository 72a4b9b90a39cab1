import Link from "next/link";
import type { RouterOutputs } from "@/app/_trpc/types";
import { formatTime } from "../../_components/format-time";

type Details = RouterOutputs["user"]["byId"];

export function UserCampaigns({ campaigns }: { campaigns: Details["campaigns"] }) {
  return (
    <section className="card" aria-labelledby="user-campaigns-heading">
      <h2 id="user-campaigns-heading" className="mb-2 font-semibold">
        Campaigns
      </h2>
      {campaigns.length === 0 ? (
        <p className="text-sm text-slate-500">Not a member of any campaign.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {campaigns.map((c) => (
            <li key={c.campaignId} className="flex flex-wrap justify-between gap-2 py-1.5">
              <Link
                href={`/admin/campaigns/${c.campaignId}`}
                className="text-indigo-700 hover:underline"
              >
                {c.name}
              </Link>
              <span className="text-slate-500">
                campaign {c.campaignStatus} · member {c.memberStatus} · joined{" "}
                {formatTime(c.joinedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function UserTokens({ tokens }: { tokens: Details["tokens"] }) {
  return (
    <section className="card" aria-labelledby="user-tokens-heading">
      <h2 id="user-tokens-heading" className="mb-2 font-semibold">
        API tokens
      </h2>
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">No tokens.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1">Name</th>
                <th>Prefix</th>
                <th>Last used</th>
                <th>Last IP</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-t border-slate-100">
                  <td className="py-1.5">{t.name}</td>
                  <td className="font-mono text-xs">{t.prefix}…</td>
                  <td>{formatTime(t.lastUsedAt)}</td>
                  <td className="font-mono text-xs">{t.lastIp ?? "—"}</td>
                  <td>{t.revokedAt ? `revoked ${formatTime(t.revokedAt)}` : "active"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
