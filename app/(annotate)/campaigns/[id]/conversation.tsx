import { ImageResponse } from "@/app/_components/content/media-response";
import { Markdown } from "@/app/_components/markdown";
import type { Message } from "@/server/formats/messages";

const ROLE_NAMES: Record<string, string> = {
  system: "System",
  user: "User",
  assistant: "Assistant",
  tool: "Tool",
};

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

export function Conversation({ messages }: { messages: { role: string; content: Message["content"] }[] }) {
  return (
    <section aria-label="Prompt" className="card space-y-3">
      {messages.map((m, i) => (
        <div key={i} className={m.role === "user" ? "" : "border-l-2 border-slate-200 pl-3"}>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {ROLE_NAMES[m.role] ?? m.role}
          </p>
          <Content content={m.content} label={`${ROLE_NAMES[m.role] ?? m.role} message ${i + 1}`} />
        </div>
      ))}
    </section>
  );
}
