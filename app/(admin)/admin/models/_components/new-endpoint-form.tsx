"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";

/** Optional numbers stay unset when the field is empty, so the server's default applies. */
function optionalNumber(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? "").trim();
  return text === "" ? undefined : Number(text);
}

export function NewEndpointForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(
    trpc.model.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.model.list.queryKey() });
        // A fresh form: the key the admin typed leaves the page with the request.
        setFormKey((k) => k + 1);
      },
      onError: (e) => setError(e.message),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    const apiKey = String(form.get("api_key") ?? "").trim();
    const systemPrompt = String(form.get("system_prompt") ?? "").trim();
    create.mutate({
      name: String(form.get("name") ?? ""),
      base_url: String(form.get("base_url") ?? ""),
      model: String(form.get("model") ?? ""),
      ...(apiKey ? { api_key: apiKey } : {}),
      concurrency: optionalNumber(form.get("concurrency")),
      params: {
        temperature: optionalNumber(form.get("temperature")),
        top_p: optionalNumber(form.get("top_p")),
        max_tokens: optionalNumber(form.get("max_tokens")),
        ...(systemPrompt ? { system_prompt: systemPrompt } : {}),
        ...(form.get("stream") === "on" ? { stream: true } : {}),
      },
    });
  }

  return (
    <form key={formKey} onSubmit={onSubmit} className="space-y-3 text-sm" autoComplete="off">
      <label className="block font-medium">
        Name
        <input name="name" required maxLength={100} className="input mt-1" placeholder="llama-3-8b-instruct" />
      </label>
      <label className="block font-medium">
        Base URL
        <input name="base_url" type="url" required className="input mt-1" placeholder="http://localhost:11434/v1" />
      </label>
      <label className="block font-medium">
        Model id
        <input name="model" required maxLength={200} className="input mt-1" placeholder="llama3:8b" />
      </label>
      <label className="block font-medium">
        API key (optional)
        <input name="api_key" type="password" className="input mt-1" autoComplete="new-password" />
      </label>
      <div className="grid grid-cols-3 gap-2">
        <label className="block font-medium">
          Temperature
          <input name="temperature" type="number" min={0} max={2} step={0.05} className="input mt-1" />
        </label>
        <label className="block font-medium">
          Top p
          <input name="top_p" type="number" min={0.01} max={1} step={0.01} className="input mt-1" />
        </label>
        <label className="block font-medium">
          Max tokens
          <input name="max_tokens" type="number" min={1} className="input mt-1" />
        </label>
      </div>
      <label className="block font-medium">
        Parallel requests
        <input name="concurrency" type="number" min={1} max={256} defaultValue={4} className="input mt-1" />
      </label>
      <label className="block font-medium">
        System prompt (optional)
        <textarea name="system_prompt" rows={3} className="input mt-1" />
      </label>
      <label className="flex items-center gap-2 font-medium">
        <input name="stream" type="checkbox" />
        Stream replies (for servers that only answer long generations as a stream)
      </label>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        Add endpoint
      </button>
    </form>
  );
}
