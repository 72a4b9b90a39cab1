import { createHmac } from "node:crypto";
import type { JudgementPayload } from "@/server/domain/judgement-payload";
import type { ParquetColumn } from "./parquet-writer";

/** One row of the raw `judgements` export (DESIGN §8): everything needed to re-aggregate. */
export type JudgementRow = {
  id: string;
  item_id: string;
  item_external_id: string;
  assignment_id: string;
  /** A stable pseudonym, never the user id or name. */
  annotator: string;
  payload: JudgementPayload;
  responses: { id: string; external_id: string; model: string | null }[];
  /** Response ids in the order they were shown (position bias analysis). */
  display_order: string[];
  guideline_version: number;
  template_version: number;
  shown_at: string | null;
  submitted_at: string;
  active_ms: number | null;
  revision_of: string | null;
  /** Whether the task showed an LLM judge's suggestion before this answer (DESIGN §15). */
  suggestion_shown: boolean;
  /** Whether the answer says what the shown suggestion said; null when none was shown. */
  agreed_with_suggestion: boolean | null;
};

export interface JudgementRowInput {
  judgement: {
    id: string;
    itemId: string;
    assignmentId: string;
    annotatorId: string;
    payload: JudgementPayload;
    displayOrder: string[];
    guidelineVersion: number;
    templateVersion: number;
    shownAt: Date | string | null;
    submittedAt: Date | string;
    activeMs: number | null;
    revisionOf: string | null;
    suggestionShown: boolean;
    agreedWithSuggestion: boolean | null;
  };
  item: { id: string; externalId: string };
  /** The item's responses, in source order. */
  responses: readonly { id: string; externalId: string; model: string | null }[];
  /** Per-campaign secret; see annotatorPseudonym. */
  annotatorSalt: string;
}

/** Parquet types for the columns inference would get wrong (integers) or cannot see (all null). */
export const JUDGEMENT_COLUMNS: ParquetColumn[] = [
  { name: "id", type: "string" },
  { name: "item_id", type: "string" },
  { name: "item_external_id", type: "string" },
  { name: "assignment_id", type: "string" },
  { name: "annotator", type: "string" },
  { name: "payload", type: "json" },
  { name: "responses", type: "json" },
  { name: "display_order", type: "json" },
  { name: "guideline_version", type: "int" },
  { name: "template_version", type: "int" },
  { name: "shown_at", type: "string" },
  { name: "submitted_at", type: "string" },
  { name: "active_ms", type: "int" },
  { name: "revision_of", type: "string" },
  { name: "suggestion_shown", type: "boolean" },
  { name: "agreed_with_suggestion", type: "boolean" },
];

export function toJudgementRow(input: JudgementRowInput): JudgementRow {
  const { judgement, item } = input;
  return {
    id: judgement.id,
    item_id: item.id,
    item_external_id: item.externalId,
    assignment_id: judgement.assignmentId,
    annotator: annotatorPseudonym(judgement.annotatorId, input.annotatorSalt),
    payload: judgement.payload,
    responses: input.responses.map((r) => ({
      id: r.id,
      external_id: r.externalId,
      model: r.model,
    })),
    display_order: judgement.displayOrder,
    guideline_version: judgement.guidelineVersion,
    template_version: judgement.templateVersion,
    shown_at: judgement.shownAt === null ? null : isoTime(judgement.shownAt),
    submitted_at: isoTime(judgement.submittedAt),
    active_ms: judgement.activeMs,
    revision_of: judgement.revisionOf,
    suggestion_shown: judgement.suggestionShown,
    agreed_with_suggestion: judgement.agreedWithSuggestion,
  };
}

/**
 * HMAC-SHA256 of the annotator id under a per-campaign salt, 48 bits in hex. Stable within a
 * campaign (agreement per annotator still works across exports) but not linkable across
 * campaigns, and not reversible by hashing every user id without the salt — which is why an
 * empty salt is refused.
 */
export function annotatorPseudonym(annotatorId: string, salt: string): string {
  if (salt.length === 0) throw new Error("An annotator pseudonym needs a non-empty salt");
  return `annotator-${createHmac("sha256", salt).update(annotatorId).digest("hex").slice(0, 12)}`;
}

function isoTime(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid time: ${String(value)}`);
  return date.toISOString();
}
