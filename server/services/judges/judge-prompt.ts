import type { Message } from "@/server/formats/messages";

export const DEFAULT_JUDGE_INSTRUCTIONS =
  "You are an impartial judge. Compare the two responses to the conversation below and decide which one is better, following the guidelines. Do not let the order of the responses, their length or the assistants' names influence you.";

/**
 * The messages sent to a judge for one item in one display order: its instructions (the
 * campaign's guidelines included), the conversation, and the responses labelled A and B in
 * that order, asking for a JSON verdict.
 */
export function judgePromptMessages(params: {
  instructions?: string;
  guidelines: string;
  /** The answer's shape, from the verdict schema (verdict-schema.ts). */
  answerFormat: string;
  prompt: Message[];
  responses: { label: string; content: string }[];
}): { role: "system" | "user"; content: string }[] {
  const system = [
    params.instructions?.trim() || DEFAULT_JUDGE_INSTRUCTIONS,
    params.guidelines.trim() ? `Guidelines:\n${params.guidelines.trim()}` : "",
    `Answer with JSON only: ${params.answerFormat}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const conversation = params.prompt.map((m) => `[${m.role}]\n${m.content}`).join("\n\n");
  const responses = params.responses.map((r) => `[Response ${r.label}]\n${r.content}\n[End of response ${r.label}]`).join("\n\n");
  return [
    { role: "system", content: system },
    { role: "user", content: `[Conversation]\n${conversation}\n[End of conversation]\n\n${responses}` },
  ];
}
