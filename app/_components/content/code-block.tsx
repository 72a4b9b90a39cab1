"use client";

import { useRef, useState, type ComponentProps } from "react";
import type { ExtraProps } from "react-markdown";

/** `python` from `<code class="hljs language-python">`, or null for a block without one. */
function languageOf(node: ExtraProps["node"]): string | null {
  const code = node?.children.find((child) => child.type === "element" && child.tagName === "code");
  if (!code || code.type !== "element") return null;
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes : [];
  const language = list.map(String).find((c) => c.startsWith("language-"));
  return language ? language.slice("language-".length) : null;
}

/** A fenced code block: language label, copy button, scrolls sideways inside its own box. */
export function CodeBlock({ node, children }: ComponentProps<"pre"> & ExtraProps) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const language = languageOf(node);
  async function copy() {
    try {
      await navigator.clipboard.writeText(ref.current?.textContent ?? "");
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div className="code-block" dir="ltr">
      <div className="code-block-head">
        <span data-testid="code-language">{language ?? "code"}</span>
        <button
          type="button"
          className="code-copy rounded px-2 py-1 font-medium hover:bg-slate-200"
          aria-label="Copy code"
          onClick={() => void copy()}
        >
          {copied === "yes" ? "Copied" : copied === "failed" ? "Copy failed" : "Copy"}
        </button>
      </div>
      <pre ref={ref}>{children}</pre>
    </div>
  );
}
