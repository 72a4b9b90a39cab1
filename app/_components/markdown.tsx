"use client";

import { useEffect, useState, type ComponentProps } from "react";
import ReactMarkdown, { defaultUrlTransform, type Options } from "react-markdown";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import rehypeSanitize from "rehype-sanitize";
import { rehypeAutoDir } from "./content/auto-dir";
import { CodeBlock } from "./content/code-block";

type RichPlugins = (detectLanguage: boolean) => NonNullable<Options["rehypePlugins"]>;

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

/** Texts that need KaTeX or the highlighter: a fence, or a dollar sign that may open math. */
const NEEDS_RICH = /```|~~~|\$/;

let richLoaded: RichPlugins | null = null;
let richLoading: Promise<RichPlugins> | null = null;
function loadRich(): Promise<RichPlugins> {
  richLoading ??= import("./content/rich-plugins").then((m) => (richLoaded = m.richPlugins));
  return richLoading;
}

function useRichPlugins(needed: boolean): RichPlugins | null {
  const [rich, setRich] = useState<RichPlugins | null>(richLoaded);
  useEffect(() => {
    if (!needed || rich) return;
    let live = true;
    loadRich().then(
      (loaded) => live && setRich(() => loaded),
      // Without the chunk the text still reads, as plain code and raw formulas.
      () => (richLoading = null),
    );
    return () => {
      live = false;
    };
  }, [needed, rich]);
  return needed ? rich : null;
}

/**
 * Model output is hostile input: markdown without raw HTML (no rehype-raw), sanitized, with
 * links and images constrained. KaTeX and highlighting run after the sanitizer (see
 * content/rich-plugins.ts). `detectLanguage` guesses the language of unlabelled code.
 */
export function Markdown({
  text,
  detectLanguage = false,
}: {
  text: string;
  detectLanguage?: boolean;
}) {
  const rich = useRichPlugins(detectLanguage || NEEDS_RICH.test(text));
  const rehypePlugins = [rehypeSanitize, ...(rich ? rich(detectLanguage) : []), rehypeAutoDir];
  return (
    <div className="prose-response" dir="auto">
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        urlTransform={safeUrl}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
