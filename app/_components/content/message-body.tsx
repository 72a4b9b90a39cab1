import { ImageResponse } from "@/app/_components/content/media-response";
import { Markdown } from "@/app/_components/markdown";
import type { Message } from "@/server/formats/messages";

const ROLE_NAMES: Record<string, string> = {
  system: "System",
  user: "User",
  assistant: "Assistant",
  tool: "Tool",
};

export const roleName = (role: string) => ROLE_NAMES[role] ?? role;

export type ShownMessage = Pick<Message, "role" | "content" | "tool_calls" | "tool_call_id" | "name">;

/** A message's content: markdown text, or a vision prompt's parts in order (images zoom on click). */
function Content({ content, label }: { content: Message["content"]; label: string }) {
  if (typeof content === "string") return <Markdown text={content} />;
  let image = 0;
  return (
    <div className="space-y-2">
      {content.map((part, i) => {
        if (part.type === "text") return <Markdown key={i} text={part.text} />;
        image += 1;
        return <ImageResponse key={i} url={part.image_url.url} label={`${label}, image ${image}`} inline />;
      })}
    </div>
  );
}

/** A call or a result: closed by default, so the conversation reads as its words first. */
function ToolBlock({ summary, body }: { summary: string; body: string }) {
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 text-sm">
      <summary className="cursor-pointer px-2 py-1 font-medium">{summary}</summary>
      <pre className="overflow-x-auto whitespace-pre-wrap break-words px-2 pb-2 font-mono text-xs">{body}</pre>
    </details>
  );
}

/** Arguments arrive as a JSON string; shown indented when they parse, as they are when not. */
function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** One message of a conversation (a prompt's, or a response's continuation): tool calls and results collapsed. */
function MessageBody({ message, label }: { message: ShownMessage; label: string }) {
  if (message.role === "tool") {
    const text = typeof message.content === "string" ? message.content : JSON.stringify(message.content);
    const of = message.name ?? message.tool_call_id;
    return <ToolBlock summary={of ? `Tool result (${of})` : "Tool result"} body={pretty(text)} />;
  }
  const hasText = typeof message.content !== "string" || message.content.trim() !== "";
  return (
    <div className="space-y-2">
      {hasText && <Content content={message.content} label={label} />}
      {message.tool_calls?.map((call) => (
        <ToolBlock key={call.id} summary={`Tool call: ${call.function.name}`} body={pretty(call.function.arguments)} />
      ))}
    </div>
  );
}

/** Messages one after another, each under its speaker; the user's set apart from the rest. */
export function MessageList({ messages, label }: { messages: readonly ShownMessage[]; label: string }) {
  return (
    <>
      {messages.map((m, i) => (
        <div key={i} className={m.role === "user" ? "" : "border-l-2 border-slate-200 pl-3"}>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{roleName(m.role)}</p>
          <MessageBody message={m} label={`${label} ${roleName(m.role)} message ${i + 1}`.trim()} />
        </div>
      ))}
    </>
  );
}
