"use client";

import { useEffect, useState } from "react";
import type { Options } from "react-markdown";

export type RehypePlugins = NonNullable<Options["rehypePlugins"]>;

/**
 * KaTeX (~75 kB gzip) and highlight.js (~50 kB) are larger than the rest of the annotate page's
 * markdown together, so each loads on first need, never in the page's first load. A text that
 * needs neither never fetches them.
 */
function lazy(load: () => Promise<RehypePlugins>) {
  let loaded: RehypePlugins | null = null;
  let loading: Promise<RehypePlugins> | null = null;
  return {
    current: () => loaded,
    load: () => {
      loading ??= load().then(
        (plugins) => (loaded = plugins),
        (error: unknown) => {
          loading = null; // a failed chunk may load next time
          throw error;
        },
      );
      return loading;
    },
  };
}

const math = lazy(() => import("./math-plugins").then((m) => m.mathPlugins));
const code = lazy(() => import("./code-plugins").then((m) => m.codePlugins));
const detectingCode = lazy(() => import("./code-plugins").then((m) => m.detectingCodePlugins));

function useLazy(source: ReturnType<typeof lazy>, needed: boolean): RehypePlugins {
  const [plugins, setPlugins] = useState(source.current);
  useEffect(() => {
    if (!needed || plugins) return;
    let live = true;
    // Until (or unless) the chunk arrives, the text reads as plain code and raw formulas.
    source.load().then(
      (loaded) => live && setPlugins(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source, needed, plugins]);
  return needed && plugins ? plugins : [];
}

/** Texts that may hold math: a dollar sign (remark-math's delimiter). */
const MAY_HAVE_MATH = /\$|```math|~~~math/;
/** Texts with a fenced code block. */
const HAS_FENCE = /```|~~~/;

/** The rehype plugins to run after the sanitizer for this text, as far as they have loaded. */
export function useRichPlugins(text: string, detectLanguage: boolean): RehypePlugins {
  const mathPlugins = useLazy(math, MAY_HAVE_MATH.test(text));
  const codePlugins = useLazy(
    detectLanguage ? detectingCode : code,
    detectLanguage || HAS_FENCE.test(text),
  );
  return [...mathPlugins, ...codePlugins];
}
