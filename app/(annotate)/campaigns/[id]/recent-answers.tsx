"use client";

import { messageText } from "@/server/formats/message-text";

import type { SubmittedAnswer } from "./template-task";

/** The annotator's answers that can still be changed (from the server), newest first. */
export function RecentAnswers({
  answers,
  selectedId,
  onSelect,
}: {
  answers: SubmittedAnswer[];
  selectedId: string;
  onSelect: (answer: SubmittedAnswer) => void;
}) {
  if (answers.length < 2) return null;
  return (
    <nav aria-label="Your recent answers" className="card text-sm">
      <p className="mb-2 font-medium">Your recent answers (newest first)</p>
      <ol className="flex flex-wrap gap-2">
        {answers.map((a, i) => {
          const text = messageText(a.task.item.prompt.find((m) => m.role === "user")?.content ?? "");
          return (
            <li key={a.judgementId} className="min-w-0 max-w-full">
              <button
                type="button"
                className={`btn max-w-full truncate ${a.judgementId === selectedId ? "border-indigo-600 bg-indigo-50" : ""}`}
                aria-current={a.judgementId === selectedId ? "true" : undefined}
                onClick={() => onSelect(a)}
              >
                {i + 1}. {text.slice(0, 40) || "(no prompt)"}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
