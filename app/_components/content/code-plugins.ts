/**
 * highlight.js through rehype-highlight, run after rehype-sanitize: it only adds `hljs-*` spans
 * inside code blocks whose `language-*` class the sanitizer kept.
 */
import rehypeHighlight from "rehype-highlight";
import type { RehypePlugins } from "./rich-plugins";

const plainText = ["text", "txt", "plain", "math"];

export const codePlugins: RehypePlugins = [[rehypeHighlight, { detect: false, plainText }]];
/** For code responses, whose language nobody labelled. */
export const detectingCodePlugins: RehypePlugins = [[rehypeHighlight, { detect: true, plainText }]];
