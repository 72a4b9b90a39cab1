import { z } from "zod";
import { STRENGTHS, type JudgementPayload } from "@/server/domain/judgement-payload";
import type { TemplateConfig } from "@/server/domain/template-config";

/**
 * The one definition of what a judge must answer for a template (DESIGN §15): a zod schema in
 * the template's payload shape, with the responses named by the labels the judge was shown
 * ("A", "B", …) instead of ids. From it come the JSON schema sent as structured output, the
 * example in the judge's instructions, and the tolerant parser's validation; `toPayload`
 * turns a valid verdict into the payload, naming responses by id.
 */
export interface VerdictSpec {
  /** What structured output enforces: every key present. */
  schema: z.ZodObject;
  /** What the tolerant parser accepts: the same, with the keys that only refine a verdict optional. */
  lenient: z.ZodType<Record<string, unknown>>;
  /** A one-line example of the answer, for the instructions. */
  example: string;
  /** The keys whose presence makes a JSON object in a reply a candidate verdict. */
  keys: readonly string[];
  /** What the schema cannot say (a ranking places every response once): a problem, or null. */
  check?(verdict: Record<string, unknown>): string | null;
  /** A valid verdict (schema output) as the template's payload, responses by id. */
  toPayload(verdict: Record<string, unknown>, displayOrder: readonly string[]): JudgementPayload;
}

const LETTERS = "ABCDEFGHI";

/** The labels a judge sees the responses under, in display order. */
export function responseLabels(count: number): string[] {
  return [...LETTERS.slice(0, count)];
}

// No length bounds in the schema: strict structured outputs refuse them. Long ones are cut.
const rationale = z.string().describe("One or two sentences: why");

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(" | ");

export function verdictSpec(template: TemplateConfig, count: number): VerdictSpec {
  const labels = responseLabels(count);
  if (template.kind === "pairwise") {
    const choices = [...labels, ...(template.allow_tie ? ["tie"] : []), ...(template.allow_both_bad ? ["both_bad"] : [])];
    const shape: Record<string, z.ZodType> = {
      choice: z.enum(choices).describe("The better response, or a verdict on both"),
    };
    const parts = [`"choice": ${quoted(choices)}`];
    if (template.strength) {
      shape.strength = z.enum(STRENGTHS).nullable().describe("How much better the chosen response is; null for a tie or both bad");
      parts.push(`"strength": ${quoted(STRENGTHS)} | null`);
    }
    if (template.criteria.length > 0) {
      const perCriterion = z.enum([...labels, "tie"]);
      shape.criteria = z.object(Object.fromEntries(template.criteria.map((c) => [c, perCriterion]))).describe("The better response on each criterion");
      parts.push(`"criteria": {${template.criteria.map((c) => `"${c}": ${quoted([...labels, "tie"])}`).join(", ")}}`);
    }
    shape.rationale = rationale;
    parts.push(`"rationale": "<one or two sentences>"`);
    const schema = z.object(shape);
    return {
      schema,
      lenient: lenient(schema, ["strength", "criteria", "rationale"]),
      example: `{${parts.join(", ")}}`,
      keys: ["choice"],
      toPayload(verdict, displayOrder) {
        const choice = String(verdict.choice);
        const decisive = labels.includes(choice);
        const criteria = verdict.criteria as Record<string, string> | undefined;
        return {
          choice: decisive ? idOf(labels, displayOrder, choice) : choice,
          ...(decisive && typeof verdict.strength === "string" ? { strength: verdict.strength as (typeof STRENGTHS)[number] } : {}),
          ...(criteria
            ? { criteria: Object.fromEntries(Object.entries(criteria).map(([c, v]) => [c, v === "tie" ? v : idOf(labels, displayOrder, v)])) }
            : {}),
          ...withRationale(verdict),
        };
      },
    };
  }
  if (template.kind === "ranking") return rankingSpec(template, labels);
  if (template.kind === "rating") return ratingSpec(template, labels);
  throw new Error(`no judge verdict for the ${template.kind} template`);
}

/** Groups best first, every label once; a group of several is a tie. */
function orderSchema(labels: readonly string[], ties: boolean) {
  const group = z.array(z.enum(labels)).min(1);
  return z.array(ties ? group : group.max(1)).describe("Every response once, best first; responses in one inner list are tied");
}

function orderProblem(groups: unknown, labels: readonly string[]): string | null {
  const placed = (groups as string[][]).flat();
  if (placed.length !== labels.length || new Set(placed).size !== labels.length) {
    return `ranking: place each of ${labels.join(", ")} exactly once`;
  }
  return null;
}

const toIds = (groups: unknown, labels: readonly string[], displayOrder: readonly string[]) =>
  (groups as string[][]).map((group) => group.map((label) => idOf(labels, displayOrder, label)));

function rankingSpec(template: Extract<TemplateConfig, { kind: "ranking" }>, labels: string[]): VerdictSpec {
  const shape: Record<string, z.ZodType> = { ranking: orderSchema(labels, template.allow_ties) };
  const example = [rankingExample(labels)];
  if (template.allow_not_rankable) {
    shape.not_rankable = z.boolean().describe("True when no response is acceptable (then the ranking is ignored)");
    example.push(`"not_rankable": false`);
  }
  shape.rationale = rationale;
  const schema = z.object(shape);
  const ties = template.allow_ties ? `; responses of equal quality share an inner list` : "";
  const none = template.allow_not_rankable ? `; "not_rankable": true when none is acceptable` : "";
  return {
    schema,
    lenient: lenient(schema, ["not_rankable", "rationale", ...(template.allow_not_rankable ? ["ranking"] : [])]),
    example: `{${example.join(", ")}, "rationale": "<one or two sentences>"} — every response exactly once, best first${ties}${none}`,
    keys: ["ranking", "not_rankable"],
    check: (verdict) => (verdict.not_rankable === true ? null : orderProblem(verdict.ranking ?? [], labels)),
    toPayload(verdict, displayOrder) {
      if (verdict.not_rankable === true) return { not_rankable: true, ...withRationale(verdict) };
      return { ranking: toIds(verdict.ranking, labels, displayOrder), ...withRationale(verdict) };
    },
  };
}

function ratingSpec(template: Extract<TemplateConfig, { kind: "rating" }>, labels: string[]): VerdictSpec {
  const scales = template.attributes.map((a) => {
    const values = Array.from({ length: a.max - a.min + 1 }, (_, i) => a.min + i);
    return [a.name, z.literal(values).describe(`${a.name}, ${a.min} (worst) to ${a.max} (best)`)] as const;
  });
  const perResponse = z.object(Object.fromEntries(scales));
  const shape: Record<string, z.ZodType> = { ratings: z.object(Object.fromEntries(labels.map((l) => [l, perResponse]))) };
  const attributes = template.attributes.map((a) => `"${a.name}": ${a.min}..${a.max}`).join(", ");
  const example = [`"ratings": {${labels.map((l) => `"${l}": {${attributes}}`).join(", ")}}`];
  if (template.then === "pairwise") {
    shape.choice = z.enum(labels).describe("The better response");
    example.push(`"choice": ${quoted(labels)}`);
  }
  if (template.then === "ranking") {
    shape.ranking = orderSchema(labels, true);
    example.push(rankingExample(labels));
  }
  shape.rationale = rationale;
  const schema = z.object(shape);
  return {
    schema,
    lenient: lenient(schema, ["rationale"]),
    example: `{${example.join(", ")}, "rationale": "<one or two sentences>"} — every response rated on every attribute`,
    keys: ["ratings"],
    check: (verdict) => (template.then === "ranking" ? orderProblem(verdict.ranking, labels) : null),
    toPayload(verdict, displayOrder) {
      const ratings = verdict.ratings as Record<string, Record<string, number>>;
      return {
        ratings: Object.fromEntries(Object.entries(ratings).map(([label, values]) => [idOf(labels, displayOrder, label), values])),
        ...(typeof verdict.choice === "string" ? { choice: idOf(labels, displayOrder, verdict.choice) } : {}),
        ...(Array.isArray(verdict.ranking) ? { ranking: toIds(verdict.ranking, labels, displayOrder) } : {}),
        ...withRationale(verdict),
      };
    },
  };
}

/** `"ranking": [["A"], ["B"], …]`: a ranking's part of an example answer. */
function rankingExample(labels: readonly string[]): string {
  return `"ranking": [${labels.map((l) => `["${l}"]`).join(", ")}]`;
}

/** The response id a label ("A", "B", …) stands for in this display order; anything else as it is. */
function idOf(labels: readonly string[], displayOrder: readonly string[], label: string): string {
  return displayOrder[labels.indexOf(label)] ?? label;
}

/** The schema with the keys that only refine a verdict made optional (those it has). */
function lenient(schema: z.ZodObject, optional: readonly string[]): z.ZodType<Record<string, unknown>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, optional.includes(key) ? (field as z.ZodType).optional() : field]),
  );
  return z.object(shape) as z.ZodType<Record<string, unknown>>;
}

function withRationale(verdict: Record<string, unknown>): { rationale?: string } {
  const text = typeof verdict.rationale === "string" ? verdict.rationale.trim().slice(0, 2000) : "";
  return text ? { rationale: text } : {};
}

/**
 * The verdict schema as OpenAI's structured outputs take it (`response_format` json_schema,
 * strict): every key required, no others. Servers that speak the protocol (vLLM, llama.cpp,
 * Ollama) constrain their decoding with it.
 */
export function verdictResponseFormat(spec: VerdictSpec) {
  const { $schema: _draft, ...schema } = z.toJSONSchema(spec.schema, { io: "output" }) as Record<string, unknown>;
  return {
    type: "json_schema" as const,
    json_schema: { name: "verdict", strict: true, schema },
  };
}
