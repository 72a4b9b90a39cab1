import type { TemplateKind } from "@/server/domain/template-config";
import type { Message } from "@/server/formats/messages";

const UNBIASED = "Do not let the order of the responses, their length or the assistants' names influence you.";

/** What a judge is asked to do when the admin gave no instructions of their own. */
export function defaultJudgeInstructions(kind: TemplateKind): string {
  const task =
    kind === "ranking"
      ? "Rank the responses to the conversation below from best to worst, following the guidelines."
      : kind === "rating"
        ? "Rate each response to the conversation below on every attribute, following the guidelines."
        : "Compare the two responses to the conversation below and decide which one is better, following the guidelines.";
  return `You are an impartial judge. ${task} ${UNBIASED}`;
}

/**
 * The messages sent to a judge for one item in one display order: its instructions (the
 * campaign's guidelines included), the conversation, and the responses labelled A, B, … in
 * that order, asking for a JSON verdict.
 */
export function judgePromptMessages(params: {
  instructions?: string;
  kind: TemplateKind;
  guidelines: string;
  /** The answer's shape, from the verdict schema (verdict-schema.ts). */
  answerFormat: string;
  prompt: Message[];
  responses: { label: string; content: string }[];
}): { role: "system" | "user"; content: string }[] {
  const system = [
    params.instructions?.trim() || defaultJudgeInstructions(params.kind),
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
