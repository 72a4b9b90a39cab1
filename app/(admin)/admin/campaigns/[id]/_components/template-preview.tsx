"use client";

import { useState } from "react";
import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import type { AnswerKind } from "@/app/(annotate)/campaigns/[id]/answer-kind";
import { withKind } from "@/app/(annotate)/campaigns/[id]/answer-kinds";

const PROMPT = [{ role: "user" as const, content: "Why is the sky blue? Answer in one sentence." }];
const RESPONSES = [
  { id: "preview-1", content: "Air molecules scatter short (blue) wavelengths of sunlight far more than long ones." },
  { id: "preview-2", content: "Because it reflects the ocean." },
  { id: "preview-3", content: "Rayleigh scattering: blue light scatters about 5.5× more than red." },
  { id: "preview-4", content: "It is not blue; it only looks blue." },
];
const COUNT: Record<TemplateConfig["kind"], number> = { pairwise: 2, ranking: 4, rating: 2, steps: 1 };
/** A step-label preview needs a response of several steps (split at blank lines). */
const STEPS_RESPONSE = {
  id: "preview-steps",
  content: "Sunlight holds every colour.\n\nAir molecules scatter short wavelengths most.\n\nSo red light fills the sky.",
};

/** A per-turn preview needs two responses that go on for a second turn after the same follow-up. */
const TURN_RESPONSES = RESPONSES.slice(0, 2).map((r, i) => ({
  ...r,
  messages: [
    { role: "assistant" as const, content: r.content },
    { role: "user" as const, content: "And at sunset?" },
    { role: "assistant" as const, content: i === 0 ? "The longer path through air scatters the blue away, leaving red." : "The ocean turns red." },
  ],
}));

/** The annotator's screen for the template being edited, clickable but never submitted. */
export function TemplatePreview({ template }: { template: TemplateConfig }) {
  const responses =
    template.kind === "steps"
      ? [STEPS_RESPONSE]
      : template.kind === "pairwise" && template.per_turn
        ? TURN_RESPONSES
        : RESPONSES.slice(0, COUNT[template.kind]);
  return (
    <section aria-label="Annotator screen preview" className="rounded-lg border border-dashed border-slate-300 p-3">
      <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
        Preview of the annotator screen (keyboard shortcuts work on the real one)
      </p>
      {withKind(template, (kind, t) => (
        <Preview key={`${template.kind}:${String(template.kind === "pairwise" && template.per_turn)}`} kind={kind} template={t} responses={responses} />
      ), responses)}
    </section>
  );
}

function Preview<T, A>({
  kind,
  template,
  responses,
}: {
  kind: AnswerKind<T, A>;
  template: T;
  responses: { id: string; content: string; messages?: (typeof TURN_RESPONSES)[number]["messages"] }[];
}) {
  const ids = responses.map((r) => r.id);
  const [answer, setAnswer] = useState(() => kind.fromDraft(null, template, ids));
  const [note, setNote] = useState<string | null>(null);
  const View = kind.View;
  return (
    <View
      prompt={PROMPT}
      responses={responses}
      template={template}
      keys={kind.keys(template, ids)}
      answer={answer}
      onChange={(a) => {
        setAnswer(a);
        setNote(null);
      }}
      onSubmit={() => setNote("This is a preview: nothing was submitted.")}
      problem={kind.problem(answer, template, ids)}
      submitting={false}
      error={note}
    />
  );
}
