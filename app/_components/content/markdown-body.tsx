"use client";

import { useState, type ComponentProps } from "react";
import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import rehypeSanitize from "rehype-sanitize";
import { rehypeAutoDir } from "./auto-dir";
import { CodeBlock } from "./code-block";
import type { RehypePlugins } from "./rich-plugins";

/** Only web and mail links survive; javascript:, data: and the like become empty. */
function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return /^(https?:|mailto:)/i.test(cleaned) ? cleaned : "";
}

function SafeLink({ href, children }: ComponentProps<"a">) {
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

/** Remote images inside model text are not fetched until the annotator asks (tracking, DESIGN §10). */
function ImagePlaceholder({ src, alt }: ComponentProps<"img">) {
  const [shown, setShown] = useState(false);
  if (typeof src !== "string" || !src) return null;
  if (shown) {
    return (
      <img src={src} alt={alt ?? ""} className="max-h-96 max-w-full" referrerPolicy="no-referrer" />
    );
  }
  return (
    <button type="button" className="btn my-1" onClick={() => setShown(true)}>
      Show image{alt ? `: ${alt}` : ""}
    </button>
  );
}

// Math is parsed by remark-math (so `\,` and other backslashes inside `$…$` survive markdown)
// even before KaTeX is loaded; single line breaks are kept, as the model wrote them.
const remarkPlugins = [remarkGfm, remarkMath, remarkBreaks];
const components = { a: SafeLink, img: ImagePlaceholder, pre: CodeBlock };

/**
 * Model output is hostile input: markdown without raw HTML (no rehype-raw), sanitized, with
 * links and images constrained. `rich` (KaTeX, highlighting: math-plugins.ts,
 * code-plugins.ts) runs after the sanitizer, on the already sanitized tree.
 */
export function MarkdownBody({ text, rich }: { text: string; rich: RehypePlugins }) {
  return (
    <div className="prose-response" dir="auto">
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={[rehypeSanitize, ...rich, rehypeAutoDir]}
        urlTransform={safeUrl}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
