"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useSyncedScroll } from "./scroll-sync";

/** Taller than this (px), a response is shown in a box of this height with "Show more". */
const COLLAPSED_HEIGHT = 480;

/**
 * Long responses (a 3,000-word essay) do not push the verdict bar off screen: they show in a
 * bounded box that scrolls on its own (in step with the other response's, when synced) until
 * the annotator expands them.
 */
export function Collapsible({
  syncScroll,
  children,
}: {
  syncScroll: boolean;
  children: ReactNode;
}) {
  const inner = useRef<HTMLDivElement>(null);
  const outer = useRef<HTMLDivElement>(null);
  const [tall, setTall] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const synced = useSyncedScroll(syncScroll && tall && !expanded);

  useEffect(() => {
    const content = inner.current;
    if (!content) return;
    const measure = () => setTall(content.scrollHeight > COLLAPSED_HEIGHT + 40);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  const collapsed = tall && !expanded;
  return (
    <div ref={outer}>
      <div
        ref={synced.ref}
        onScroll={synced.onScroll}
        data-collapsed={collapsed || undefined}
        className={collapsed ? "overflow-y-auto overscroll-contain" : undefined}
        style={collapsed ? { maxHeight: COLLAPSED_HEIGHT } : undefined}
      >
        <div ref={inner}>{children}</div>
      </div>
      {tall && (
        <button
          type="button"
          className="btn mt-2"
          aria-expanded={expanded}
          onClick={() => {
            setExpanded(!expanded);
            // Showing less moves the response's top back into view, not the page's middle.
            if (expanded) outer.current?.scrollIntoView({ block: "nearest" });
          }}
        >
          {expanded ? "Show less" : "Show more"}
        </button>
      )}
    </div>
  );
}
