import { Markdown } from "@/app/_components/markdown";

interface Message {
  role: string;
  content: string;
}

const ROLE_NAMES: Record<string, string> = {
  system: "System",
  user: "User",
  assistant: "Assistant",
  tool: "Tool",
};

export function Conversation({ messages }: { messages: Message[] }) {
  return (
    <section aria-label="Prompt" className="card space-y-3">
      {messages.map((m, i) => (
        <div key={i} className={m.role === "user" ? "" : "border-l-2 border-slate-200 pl-3"}>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {ROLE_NAMES[m.role] ?? m.role}
          </p>
          <Markdown text={m.content} />
        </div>
      ))}
    </section>
  );
}
