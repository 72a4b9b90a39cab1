"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";

export function NewUserForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: async (created) => {
        setMessage(`Created ${created.email}.`);
        setGenerated(created.generatedPassword ?? null);
        await queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
      },
      onError: (e) => setMessage(e.message),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setMessage(null);
    setGenerated(null);
    create.mutate(
      {
        email: String(form.get("email") ?? ""),
        name: name || undefined,
        role: form.get("role") === "admin" ? "admin" : "annotator",
        password: password || undefined,
      },
      { onSuccess: () => element.reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 text-sm">
      <label className="block font-medium">
        Email
        <input name="email" type="email" required className="input mt-1" />
      </label>
      <label className="block font-medium">
        Name (optional)
        <input name="name" maxLength={120} className="input mt-1" />
      </label>
      <label className="block font-medium">
        Role
        <select name="role" className="input mt-1" defaultValue="annotator">
          <option value="annotator">Annotator</option>
          <option value="admin">Admin</option>
        </select>
      </label>
      <label className="block font-medium">
        Password (leave empty to generate one)
        <input
          name="password"
          type="password"
          minLength={8}
          autoComplete="new-password"
          className="input mt-1"
        />
      </label>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        Create user
      </button>
      {message && <p role="status">{message}</p>}
      {generated && (
        <p className="rounded bg-amber-50 p-2 text-amber-900">
          Generated password, shown once: <code className="font-mono">{generated}</code>
        </p>
      )}
    </form>
  );
}
