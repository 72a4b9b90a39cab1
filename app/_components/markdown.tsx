"use client";

import { lazy, memo, Suspense } from "react";
import { useRichPlugins } from "./content/rich-plugins";

const loadBody = () => import("./content/markdown-body");
// The markdown pipeline (react-markdown, GFM, math syntax, sanitizer: ~50 kB gzip) is its own
// chunk, fetched as soon as a page that shows model text loads (in parallel with the first task
// claim) rather than in the page's first load.
if (typeof window !== "undefined") void loadBody().catch(() => undefined);
const MarkdownBody = lazy(() => loadBody().then((m) => ({ default: m.MarkdownBody })));

/**
 * A model's text as sanitized markdown (content/markdown-body.tsx), with math and code support
 * loaded as it needs them. Until the pipeline has arrived the text shows as written, escaped.
 * `detectLanguage` guesses the language of unlabelled code (code responses). Memoised: the
 * screen re-renders around a task (a prefetched one appearing, an answer settling) without
 * parsing the same text again.
 */
export const Markdown = memo(function Markdown({
  text,
  detectLanguage = false,
}: {
  text: string;
  detectLanguage?: boolean;
}) {
  const rich = useRichPlugins(text, detectLanguage);
  return (
    <Suspense
      fallback={
        <div className="prose-response whitespace-pre-wrap" dir="auto">
          {text}
        </div>
      }
    >
      <MarkdownBody text={text} rich={rich} />
    </Suspense>
  );
});
