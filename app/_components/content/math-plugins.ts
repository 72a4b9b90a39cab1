/**
 * KaTeX, run after rehype-sanitize on the already sanitized tree: it renders the formula text
 * itself, so the classes and inline styles in its output are KaTeX's own, never the model's.
 */
import "katex/dist/katex.min.css";
import rehypeKatex from "rehype-katex";
import type { RehypePlugins } from "./rich-plugins";

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

export const mathPlugins: RehypePlugins = [[rehypeKatex, katexOptions]];
