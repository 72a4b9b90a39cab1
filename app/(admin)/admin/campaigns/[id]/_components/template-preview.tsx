"use client";

import { useState } from "react";
import type { PairwiseTemplate } from "@/server/services/campaigns/template-config";
import { EMPTY_ANSWER, answerProblem } from "@/app/(annotate)/campaigns/[id]/pairwise-answer";
import { PairwiseView } from "@/app/(annotate)/campaigns/[id]/pairwise-view";

const EXAMPLE = {
  prompt: [{ role: "user", content: "Why is the sky blue? Answer in one sentence." }],
  responses: [
    {
      id: "preview-a",
      content:
        "Air molecules scatter short (blue) wavelengths of sunlight far more than long ones.",
    },
    { id: "preview-b", content: "Because it reflects the ocean." },
  ],
};

/** The annotator's screen for the template being edited, clickable but never submitted. */
export function TemplatePreview({ template }: { template: PairwiseTemplate }) {
  const [answer, setAnswer] = useState(EMPTY_ANSWER);
  const ids = EXAMPLE.responses.map((r) => r.id);
  const [note, setNote] = useState<string | null>(null);
  return (
    <section
      aria-label="Annotator screen preview"
      className="rounded-lg border border-dashed border-slate-300 p-3"
    >
      <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
        Preview of the annotator screen (keyboard shortcuts work on the real one)
      </p>
      <PairwiseView
        prompt={EXAMPLE.prompt}
        responses={EXAMPLE.responses}
        template={template}
        answer={answer}
        onChange={(a) => {
          setAnswer(a);
          setNote(null);
        }}
        onSubmit={() => setNote("This is a preview: nothing was submitted.")}
        problem={answerProblem(answer, template, ids)}
        submitting={false}
        error={note}
      />
    </section>
  );
}
