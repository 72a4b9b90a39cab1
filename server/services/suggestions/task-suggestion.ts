import { suggestionVerdict, type ShownSuggestion, type TaskSuggestion } from "@/server/domain/suggestion";
import { payloadToHandles } from "@/server/services/assignment/task-handles";

/**
 * A kept suggestion as the assignment's task may show it: the judge's name and the verdict
 * keys of its payload, naming responses by the assignment's handles (never the real ids).
 */
export function toTaskSuggestion(shown: ShownSuggestion, assignmentId: string): TaskSuggestion {
  const verdict = suggestionVerdict(shown.payload) as Record<string, unknown>;
  return { judge: shown.judge, payload: payloadToHandles(verdict, { assignmentId }) };
}
