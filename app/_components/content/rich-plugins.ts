/**
 * Math and code highlighting, loaded only when a text needs them: KaTeX and highlight.js are
 * larger than the rest of the annotate page together, so they stay out of its first load.
 * Both run after rehype-sanitize, on the already sanitized tree: KaTeX renders the formula
 * text itself (so its classes and inline styles are its own, never the model's), and the
 * highlighter only adds `hljs-*` spans inside code blocks.
 */
import "katex/dist/katex.min.css";
import type { Options } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeKatex from "rehype-katex";

type Plugins = NonNullable<Options["rehypePlugins"]>;

const katexOptions = {
  // \href, \url, \htmlClass and friends stay inert: KaTeX shows them as errors instead.
  trust: false,
  throwOnError: false,
  strict: "ignore",
  // A hostile formula cannot blow up the page: bounded sizes and macro expansion.
  maxSize: 20,
  maxExpand: 500,
  // From the palette, so an error reads in both themes.
  errorColor: "var(--color-red-700)",
} as const;

export function richPlugins(detectLanguage: boolean): Plugins {
  return [
    [rehypeKatex, katexOptions],
    [rehypeHighlight, { detect: detectLanguage, plainText: ["text", "txt", "plain"] }],
  ];
}
