"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/app/_trpc/client";
import { formatTime } from "../../_components/format-time";
import { UserActions } from "./user-actions";
import { UserCampaigns, UserTokens } from "./user-lists";

export function UserAdmin({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const user = useQuery(trpc.user.byId.queryOptions({ userId }));
  if (user.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (user.isError) return <p role="alert">Could not load this user: {user.error.message}</p>;
  const u = user.data;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/users" className="text-sm text-indigo-700 hover:underline">
          ← Users
        </Link>
        <h1 className="mt-1 text-xl font-semibold break-all">{u.email}</h1>
        <p className="text-sm text-slate-600">
          {u.name ? `${u.name} · ` : ""}
          {u.role} ·{" "}
          <span data-testid="user-status" className={u.disabled ? "font-medium text-red-700" : ""}>
            {u.disabled ? "disabled" : "active"}
          </span>{" "}
          · last sign-in {formatTime(u.lastSignInAt)} · created {formatTime(u.createdAt)}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <UserCampaigns campaigns={u.campaigns} />
          <UserTokens tokens={u.tokens} />
          <Link
            href={`/admin/audit?user=${u.id}`}
            className="inline-block text-sm text-indigo-700 hover:underline"
          >
            This user’s audit log →
          </Link>
        </div>
        <UserActions user={u} />
      </div>
    </div>
  );
}
