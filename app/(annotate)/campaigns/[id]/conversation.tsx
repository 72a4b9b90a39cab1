import { MessageList, type ShownMessage } from "@/app/_components/content/message-body";

export function Conversation({ messages }: { messages: ShownMessage[] }) {
  return (
    <section aria-label="Prompt" className="card space-y-3">
      <MessageList messages={messages} label="" />
    </section>
  );
}
