import { z } from "zod";

export const MESSAGE_ROLES = ["system", "user", "assistant", "tool"] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

export const messageSchema = z.strictObject({
  role: z.enum(MESSAGE_ROLES),
  content: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

/** A prompt arrives as a plain string or as a conversation; both are stored as messages. */
export const promptSchema = z.union([z.string(), z.array(messageSchema).min(1)]);
export type PromptInput = z.infer<typeof promptSchema>;

export function promptToMessages(prompt: PromptInput): {
  messages: Message[];
  format: "text" | "messages";
} {
  if (typeof prompt === "string") {
    return { messages: [{ role: "user", content: prompt }], format: "text" };
  }
  return { messages: prompt, format: "messages" };
}
