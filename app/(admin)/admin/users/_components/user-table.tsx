"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { formatTime } from "./format-time";

export function UserTable() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const users = useQuery(trpc.user.list.queryOptions({ search: deferred || undefined }));
  return (
    <>
      <label className="mb-3 block max-w-sm text-sm font-medium">
        Search by email or name
        <input
          type="search"
          className="input mt-1"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      {users.isPending && <p className="text-sm text-slate-500">Loading…</p>}
      {users.isError && <p role="alert">Could not load users: {users.error.message}</p>}
      {users.data?.length === 0 && <p className="text-sm text-slate-600">No users match.</p>}
      {users.data && users.data.length > 0 && (
        <div className="card overflow-x-auto p-0">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="px-4 py-2">Email</th>
                <th>Role</th>
                <th>Status</th>
                <th>Last sign-in</th>
                <th className="text-right">Campaigns</th>
                <th className="px-4 text-right">Tokens</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id} className="border-t border-slate-100">
                  <td className="px-4 py-2">
                    <Link
                      href={`/admin/users/${u.id}`}
                      className="font-medium text-indigo-700 hover:underline"
                    >
                      {u.email}
                    </Link>
                    {u.name && <span className="block text-xs text-slate-500">{u.name}</span>}
                  </td>
                  <td>{u.role}</td>
                  <td>
                    {u.disabled ? (
                      <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">
                        disabled
                      </span>
                    ) : (
                      "active"
                    )}
                  </td>
                  <td className="text-slate-600">{formatTime(u.lastSignInAt)}</td>
                  <td className="text-right tabular-nums">{u.campaignCount}</td>
                  <td className="px-4 text-right tabular-nums">{u.activeTokenCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
