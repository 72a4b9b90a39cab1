"use client";

import { useState } from "react";
import type { ApiDocument } from "./api-document";
import { TryIt } from "./try-it";

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-violet-100 text-violet-800",
  delete: "bg-rose-100 text-rose-800",
};

function Schema({ schema }: { schema: unknown }) {
  return (
    <pre className="max-h-72 overflow-auto rounded bg-slate-50 p-2 text-xs">
      {JSON.stringify(schema, null, 2)}
    </pre>
  );
}

export function ApiExplorer({ document }: { document: ApiDocument }) {
  // The token stays in this page's memory only; reloading forgets it.
  const [token, setToken] = useState("");
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <div className="grid gap-3">
      <label className="card text-sm font-medium">
        API token for “Try it” (leave empty to use your signed-in session)
        <input
          className="input mt-1 font-mono"
          type="password"
          autoComplete="off"
          placeholder="arb_…"
          value={token}
          onChange={(e) => setToken(e.target.value.trim())}
        />
      </label>
      {operations.map(({ path, method, op }) => (
        <details key={`${method} ${path}`} className="card" id={op.operationId}>
          <summary className="flex cursor-pointer items-center gap-3 text-sm">
            <span
              className={`w-16 rounded px-2 py-0.5 text-center font-mono text-xs uppercase ${METHOD_STYLE[method] ?? ""}`}
            >
              {method}
            </span>
            <code className="font-mono">{path}</code>
            <span className="text-slate-600">{op.summary}</span>
          </summary>
          <div className="mt-3 grid gap-3 text-sm">
            {op.description && (
              <p className="whitespace-pre-line text-slate-700">{op.description}</p>
            )}
            {op.parameters && (
              <table className="text-left text-xs">
                <thead className="text-slate-500">
                  <tr>
                    <th className="pr-4">parameter</th>
                    <th className="pr-4">in</th>
                    <th>meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={p.name}>
                      <td className="pr-4 font-mono">{p.name}</td>
                      <td className="pr-4">{p.in}</td>
                      <td>
                        {p.description}
                        {p.schema.enum && (
                          <span className="text-slate-500">
                            {" "}
                            — one of {p.schema.enum.join(", ")}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {op.requestBody &&
              Object.entries(op.requestBody.content).map(([type, { schema }]) => (
                <div key={type}>
                  <h3 className="font-medium">Request body ({type})</h3>
                  <Schema schema={schema} />
                </div>
              ))}
            <div>
              <h3 className="font-medium">Responses</h3>
              <ul className="grid gap-1">
                {Object.entries(op.responses).map(([status, r]) => (
                  <li key={status}>
                    <span className="font-mono">{status}</span>{" "}
                    {r.description ?? "Error (see the error shape)"}
                    {r.content?.["application/json"] && (
                      <Schema schema={r.content["application/json"].schema} />
                    )}
                  </li>
                ))}
              </ul>
            </div>
            <TryIt method={method} path={path} operation={op} token={token} />
          </div>
        </details>
      ))}
    </div>
  );
}
