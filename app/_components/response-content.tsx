import type { ContentKind } from "@/db/schema/items";
import { Markdown } from "./markdown";

export interface ResponseContentProps {
  response: { id: string; content: string; contentKind?: ContentKind };
}

/**
 * The body of one model response, whatever its kind. Every template's screen renders responses
 * through this one component, so rendering rules (media, collapse, highlighting) live in one place.
 */
export function ResponseContent({ response }: ResponseContentProps) {
  if (response.content === "") {
    return <p className="text-sm italic text-slate-500">(empty response)</p>;
  }
  return <Markdown text={response.content} />;
}
