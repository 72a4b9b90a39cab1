import type { Strength } from "@/server/domain/judgement-payload";

export const MARGIN_SCALES = ["none", "small", "large"] as const;
export type MarginScale = (typeof MARGIN_SCALES)[number];

/**
 * Llama 2 (§3.2.2) margin tables, indexed by the annotated strength. The raw level is what we
 * store; the margin is a training choice, so it is computed only at export time.
 */
const MARGINS: Record<Exclude<MarginScale, "none">, Record<Strength, number>> = {
  small: { significant: 1, better: 2 / 3, slight: 1 / 3, negligible: 0 },
  large: { significant: 3, better: 2, slight: 1, negligible: 0 },
};

/**
 * The reward-model margin for one pair, or undefined when the export asks for none or the
 * judgement carries no strength (a template without strength has nothing to scale by, and
 * inventing a 0 would look like "negligible" to the trainer).
 */
export function marginFor(strength: Strength | undefined, scale: MarginScale): number | undefined {
  if (scale === "none" || strength === undefined) return undefined;
  return MARGINS[scale][strength];
}
