import { describe, expect, it } from "vitest";
import {
  DEFAULT_EXPORT_FORM,
  effectiveState,
  exportQuery,
} from "@/app/(admin)/admin/campaigns/[id]/_components/export-options-form";
import { defaultTemplate } from "@/server/domain/template-config";
import { exportFormatsFor, relevantExportOptions } from "@/server/services/exports/export-kinds";

const pairwise = defaultTemplate("pairwise");

describe("the export form's choice of whose verdicts", () => {
  it("offers the judge options with ai-judgements and hides the human-only filters", () => {
    const ai = relevantExportOptions(pairwise, "trl", "ai-judgements");
    expect(["source", "judge", "inconsistent"].every((k) => ai.has(k as never))).toBe(true);
    expect(["guideline_version", "min_gold_accuracy", "prefer_adjudicated"].some((k) => ai.has(k as never))).toBe(false);
    const human = relevantExportOptions(pairwise, "trl");
    expect(human.has("judge")).toBe(false);
    expect(human.has("prefer_adjudicated")).toBe(true);
    expect(relevantExportOptions(pairwise, "prompts").has("source")).toBe(false);
    expect(exportFormatsFor(pairwise, "ai-judgements")).toEqual(["trl", "trl-implicit", "trl-kto", "openai-dpo", "hh-rlhf", "judgements"]);
  });

  it("downloads what the form shows: judge options only with ai-judgements, adjudication kept", () => {
    const ai = { ...DEFAULT_EXPORT_FORM, source: "ai-judgements" as const, judge: "judge-1", inconsistent: "keep" as const };
    expect(exportQuery(effectiveState(ai, pairwise))).toBe("format=trl&source=ai-judgements&judge=judge-1&inconsistent=keep");
    // Back to the annotators: the judge options fall away instead of making the download a 400.
    expect(exportQuery(effectiveState({ ...ai, source: "judgements" }, pairwise))).toBe("format=trl");
    const adjudicated = { ...DEFAULT_EXPORT_FORM, prefer_adjudicated: true };
    expect(exportQuery(effectiveState(adjudicated, pairwise))).toBe("format=trl&prefer_adjudicated=true");
  });
});
