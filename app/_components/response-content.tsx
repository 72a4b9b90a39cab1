"use client";

import dynamic from "next/dynamic";
import type { ContentKind } from "@/db/schema/items";
import { fenced } from "./content/code-fence";
import { Collapsible } from "./content/collapsible";
import { MessageList, type ShownMessage } from "./content/message-body";
import { AudioResponse, ImageResponse } from "./content/media-response";
import { useViewPrefs } from "./content/view-prefs";
import { Markdown } from "./markdown";

// The diff library loads when an annotator first turns the word diff on, not with every page.
const WordDiff = dynamic(() => import("./content/word-diff").then((m) => m.WordDiff), {
  loading: () => <p className="text-sm text-slate-500">Loading the word diff…</p>,
});

export interface ResponseContentProps {
  response: { id: string; content: string; contentKind?: ContentKind; reasoning?: string | null; messages?: ShownMessage[] | null };
  /** Shown to the annotator as the response's name (alt text, player label). */
  label?: string;
  /** With the word diff on: the other response of the pair, and which side this one is. */
  diff?: { other: string; side: "first" | "second" };
}

/**
 * The body of one model response, whatever its kind. Every template's screen renders responses
 * through this one component, so rendering rules (media, collapse, highlighting) live in one place.
 */
export function ResponseContent({ response, label = "Response", diff }: ResponseContentProps) {
  const { syncScroll } = useViewPrefs();
  const kind = response.contentKind ?? "text";
  if (kind === "image") return <ImageResponse url={response.content} label={label} />;
  if (kind === "audio") return <AudioResponse url={response.content} label={label} />;
  const reasoning = response.reasoning ? <Reasoning text={response.reasoning} /> : null;
  // A continuation (turns, tool calls and results) reads as the conversation it is, calls collapsed.
  if (response.messages && response.messages.length > 0) {
    return (
      <Collapsible syncScroll={syncScroll}>
        {reasoning}
        <div className="space-y-3">
          <MessageList messages={response.messages} label={label} />
        </div>
      </Collapsible>
    );
  }
  if (response.content === "") {
    return (
      <>
        {reasoning}
        <p className="text-sm italic text-slate-500">(empty response)</p>
      </>
    );
  }
  return (
    <Collapsible syncScroll={syncScroll}>
      {reasoning}
      {diff ? (
        <WordDiff text={response.content} other={diff.other} side={diff.side} />
      ) : kind === "code" ? (
        <Markdown text={fenced(response.content)} detectLanguage />
      ) : (
        <Markdown text={response.content} />
      )}
    </Collapsible>
  );
}

/** The model's working, not its answer: closed until asked for, and set apart from it. */
function Reasoning({ text }: { text: string }) {
  return (
    <details className="mb-2 rounded-md border border-slate-200 bg-slate-50 text-sm">
      <summary className="cursor-pointer px-2 py-1 font-medium">Reasoning</summary>
      <div className="px-2 pb-2">
        <Markdown text={text} />
      </div>
    </details>
  );
}
