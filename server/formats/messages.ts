import { z } from "zod";

export const MESSAGE_ROLES = ["system", "user", "assistant", "tool"] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** Media is loaded by the annotator's browser: only web addresses (no javascript:, data:, file:). */
export const webUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

/** A vision prompt's content parts (the OpenAI chat shape, which TRL conversational rows share). */
export const contentPartSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: z.string() }),
  z.strictObject({
    type: z.literal("image_url"),
    image_url: z.strictObject(
      { url: webUrlSchema, detail: z.enum(["auto", "low", "high"]).optional() },
      { error: "an image part needs image_url: {url}" },
    ),
  }),
]);
export type ContentPart = z.infer<typeof contentPartSchema>;

const PART_SHAPES = 'a content part is {type: "text", text} or {type: "image_url", image_url: {url}}';

/**
 * A string, or a list the given schema accepts. Zod's own union reports "Invalid input" when
 * both sides fail, losing the one issue that matters (which part of which message is bad), so
 * the list's issues are passed on as they are.
 */
export function stringOrList<T>(list: z.ZodType<T[]>, message: string) {
  return z.custom<string | T[]>().superRefine((value, ctx) => {
    if (typeof value === "string") return;
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: value === undefined ? "This field is required" : message });
      return;
    }
    const parsed = list.safeParse(value);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom", path: issue.path.map(String) } as never);
  });
}

/** Parts are checked one by one, so a bad one is named with a message a person can act on. */
const partsSchema = z
  .array(z.unknown())
  .min(1, { error: "content needs at least one part" })
  .superRefine((parts, ctx) => {
    parts.forEach((part, index) => {
      const parsed = contentPartSchema.safeParse(part);
      if (parsed.success) return;
      const image = typeof part === "object" && part !== null && (part as { type?: unknown }).type === "image_url";
      const url: unknown = image ? (part as { image_url?: { url?: unknown } }).image_url?.url : undefined;
      if (image && typeof url !== "string") {
        ctx.addIssue({ code: "custom", path: [index, "image_url", "url"], message: "an image part needs a URL (image_url: {url})" });
        return;
      }
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: "custom", path: [index, ...issue.path.map(String)], message: image ? issue.message : PART_SHAPES });
      }
    });
  }) as unknown as z.ZodType<ContentPart[]>;

/** An assistant's function call, in the OpenAI chat shape TRL's tool-calling rows share. */
export const toolCallSchema = z.strictObject({
  id: z.string().min(1).max(200),
  type: z.literal("function"),
  function: z.strictObject({ name: z.string().min(1).max(200), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

const singleMessageSchema = z.strictObject({
  role: z.enum(MESSAGE_ROLES),
  content: stringOrList(partsSchema, "content must be a string or a list of content parts"),
  tool_calls: z.array(toolCallSchema).min(1).optional(),
  tool_call_id: z.string().min(1).max(200).optional(),
  name: z.string().min(1).max(200).optional(),
});
export type Message = z.infer<typeof singleMessageSchema>;
export const messageSchema: z.ZodType<Message> = singleMessageSchema;

/**
 * A conversation's tool turns must fit together: only an assistant calls tools, and every tool
 * message answers a call made earlier in the conversation (by its `tool_call_id`).
 */
export function toolCallIssues(messages: readonly Message[]): { index: number; field: string; message: string }[] {
  const issues: { index: number; field: string; message: string }[] = [];
  const calls = new Set<string>();
  messages.forEach((m, index) => {
    if (m.tool_calls && m.role !== "assistant")
      issues.push({ index, field: "tool_calls", message: "only an assistant message may carry tool_calls" });
    for (const call of m.tool_calls ?? []) calls.add(call.id);
    if (m.role === "tool" && (m.tool_call_id === undefined || !calls.has(m.tool_call_id))) {
      issues.push({
        index,
        field: "tool_call_id",
        message:
          m.tool_call_id === undefined
            ? "a tool message needs the tool_call_id of the assistant call it answers"
            : `this tool message answers no earlier tool call (no call has id "${m.tool_call_id}")`,
      });
    }
    if (m.role !== "tool" && m.tool_call_id !== undefined)
      issues.push({ index, field: "tool_call_id", message: "only a tool message answers a call" });
  });
  return issues;
}

/** A non-empty conversation whose tool turns fit together (see toolCallIssues). */
export function conversationSchema(params: { required: string; empty: string }) {
  return z
    .array(messageSchema, { error: (i) => (i.input === undefined ? "This field is required" : params.required) })
    .min(1, { error: params.empty })
    .superRefine((messages, ctx) => {
      for (const issue of toolCallIssues(messages)) {
        ctx.addIssue({ code: "custom", path: [issue.index, issue.field], message: issue.message });
      }
    });
}

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

export { messageImages, messageText } from "./message-text";
