import { messageImages, type Message } from "./messages";
import { answerMessages, type PreferencePair } from "./preference-pair";
import { trlExtras } from "./trl";

/** A TRL vision message: text parts, and `{type: "image"}` where an image was. */
export type TrlVisionPart = { type: "image" } | { type: "text"; text: string };
export type TrlVisionMessage = { role: Message["role"]; content: TrlVisionPart[] } & Pick<Message, "tool_calls" | "tool_call_id">;

export type TrlVisionRow = {
  images: string[];
  prompt: TrlVisionMessage[];
  chosen: TrlVisionMessage[];
  rejected: TrlVisionMessage[];
  margin?: number;
};

function visionMessage(message: Message): TrlVisionMessage {
  const { role, content, tool_calls, tool_call_id } = message;
  // Tool turns keep what ties a result to its call; the content alone becomes parts.
  const calls = { ...(tool_calls ? { tool_calls } : {}), ...(tool_call_id ? { tool_call_id } : {}) };
  if (typeof content === "string") return { role, content: [{ type: "text", text: content }], ...calls };
  return {
    role,
    ...calls,
    content: content.map((part) =>
      part.type === "image_url" ? { type: "image" as const } : { type: "text" as const, text: part.text },
    ),
  };
}

/**
 * TRL's vision preference row (reference/formats.md, as in HuggingFaceH4/rlaif-v_formatted):
 * the prompt's images, in order, move to the `images` column (as URLs) and leave a
 * `{type: "image"}` placeholder each, which is what `prepare_multimodal_messages` counts. Every
 * message, text-only ones too, is written as parts, so each column has one format in the file.
 */
export function toTrlVisionRow(pair: PreferencePair): TrlVisionRow {
  return {
    images: pair.prompt.flatMap((m) => messageImages(m.content)),
    prompt: pair.prompt.map(visionMessage),
    chosen: answerMessages(pair.chosen).map(visionMessage),
    rejected: answerMessages(pair.rejected).map(visionMessage),
    ...trlExtras(pair),
  };
}
