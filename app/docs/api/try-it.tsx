"use client";

import { useState, type FormEvent } from "react";
import type { ApiOperation } from "./api-document";

const MAX_SHOWN = 20_000;

/** Sends one request from the docs page, with the token the reader typed in. */
export function TryIt(props: {
  method: string;
  path: string;
  operation: ApiOperation;
  token: string;
}) {
  const { method, path, operation, token } = props;
  const [result, setResult] = useState<{ status: number; type: string; body: string } | null>(null);
  const [pending, setPending] = useState(false);
  const bodyTypes = Object.keys(operation.requestBody?.content ?? {});
  const isJson = bodyTypes.includes("application/json");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    let url = path;
    const query = new URLSearchParams();
    for (const p of operation.parameters ?? []) {
      const value = String(form.get(p.name) ?? "");
      if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(value));
      else if (value) query.set(p.name, value);
    }
    if (query.size) url += `?${query.toString()}`;
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (isJson) {
      headers["Content-Type"] = "application/json";
      body = String(form.get("body") ?? "");
    } else if (bodyTypes.length > 0) {
      const file = form.get("file");
      if (file instanceof File) body = file;
    }
    setPending(true);
    try {
      const response = await fetch(url, { method: method.toUpperCase(), headers, body });
      const text = await response.text();
      setResult({
        status: response.status,
        type: response.headers.get("content-type") ?? "",
        body:
          text.length > MAX_SHOWN
            ? `${text.slice(0, MAX_SHOWN)}\n… (${text.length} characters)`
            : text,
      });
    } catch (error) {
      setResult({
        status: 0,
        type: "",
        body: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      className="grid gap-2 rounded border border-slate-200 p-3"
      aria-label={`Try ${operation.operationId}`}
    >
      <h3 className="font-medium">Try it</h3>
      {(operation.parameters ?? []).map((p) => (
        <label key={p.name} className="text-xs font-medium">
          {p.name} ({p.in})
          {p.schema.enum ? (
            <select name={p.name} className="input mt-1" defaultValue={p.schema.default ?? ""}>
              <option value="">(not set)</option>
              {p.schema.enum.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          ) : (
            <input name={p.name} className="input mt-1 font-mono" required={p.in === "path"} />
          )}
        </label>
      ))}
      {isJson && (
        <label className="text-xs font-medium">
          JSON body
          <textarea name="body" rows={5} className="input mt-1 font-mono" defaultValue="{}" />
        </label>
      )}
      {!isJson && bodyTypes.length > 0 && (
        <label className="text-xs font-medium">
          File
          <input name="file" type="file" className="mt-1 block" />
        </label>
      )}
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          Send {method.toUpperCase()}
        </button>
      </div>
      {result && (
        <div role="status" aria-label="Response">
          <p className="font-mono text-xs">
            HTTP {result.status} {result.type}
          </p>
          <pre className="max-h-96 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100">
            {result.body}
          </pre>
        </div>
      )}
    </form>
  );
}
