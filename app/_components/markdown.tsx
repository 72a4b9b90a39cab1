"use client";

import { useState, type ComponentProps } from "react";
import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

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
    return <img src={src} alt={alt ?? ""} className="max-h-96 max-w-full" referrerPolicy="no-referrer" />;
  }
  return (
    <button type="button" className="btn my-1" onClick={() => setShown(true)}>
      Show image{alt ? `: ${alt}` : ""}
    </button>
  );
}

/**
 * Model output is hostile input: markdown without raw HTML (no rehype-raw), sanitized, with
 * links and images constrained.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="prose-response break-words">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize]}
        urlTransform={safeUrl}
        components={{ a: SafeLink, img: ImagePlaceholder }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
