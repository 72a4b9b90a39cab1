import { cohenKappaFromLabels, krippendorffAlphaFromUnits, majorityVote, type RatingValue } from "@/server/stats";

/** How a unit's values compare: categories (κ and nominal α) or numbers on a scale (interval α). */
export type AgreementLevel = "nominal" | "interval";

/** One rater's value per unit (an item, an item's response pair, a rated response…). */
export type UnitValues = ReadonlyMap<string, RatingValue>;

export interface AgreementFigure {
  /** Units both raters gave a value for. */
  n: number;
  /** Share of those units with the same value (for numbers: within half a scale step). */
  agreement: number | null;
  /** Cohen's κ; null when undefined (a single category) or for numeric values. */
  kappa: number | null;
  /** Krippendorff's α with the level's metric, the two raters as coders; null when undefined. */
  alpha: number | null;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The judge against one other rater (the human consensus, or one annotator) over the units
 * both valued. α treats the two as coders of the shared units, which makes it comparable with
 * the campaign's human α; κ is Cohen's, for categories only.
 */
export function agreementFigure(judge: UnitValues, other: UnitValues, level: AgreementLevel): AgreementFigure {
  const a: RatingValue[] = [];
  const b: RatingValue[] = [];
  for (const [unit, value] of judge) {
    const theirs = other.get(unit);
    if (theirs === undefined) continue;
    a.push(value);
    b.push(theirs);
  }
  if (a.length === 0) return { n: 0, agreement: null, kappa: null, alpha: null };
  const same = a.filter((value, i) => agrees(value, b[i], level)).length;
  const alpha = krippendorffAlphaFromUnits(
    a.map((value, i) => [value, b[i] ?? null]),
    { metric: level },
  );
  return {
    n: a.length,
    agreement: same / a.length,
    kappa: level === "nominal" ? finite(cohenKappaFromLabels(a, b).kappa) : null,
    alpha: finite(alpha),
  };
}

function agrees(x: RatingValue, y: RatingValue | undefined, level: AgreementLevel): boolean {
  if (level === "nominal" || typeof x !== "number" || typeof y !== "number") return x === y;
  return Math.abs(x - y) <= 0.5 + 1e-9;
}

/**
 * The humans' consensus per unit: the strict majority for categories (a split unit has none),
 * the mean for numbers.
 */
export function consensusValues(
  raters: Iterable<UnitValues>,
  level: AgreementLevel,
): Map<string, RatingValue> {
  const perUnit = new Map<string, RatingValue[]>();
  for (const values of raters) {
    for (const [unit, value] of values) perUnit.set(unit, [...(perUnit.get(unit) ?? []), value]);
  }
  const consensus = new Map<string, RatingValue>();
  for (const [unit, values] of perUnit) {
    if (level === "interval") {
      const numbers = values.filter((v): v is number => typeof v === "number");
      if (numbers.length) consensus.set(unit, numbers.reduce((s, x) => s + x, 0) / numbers.length);
      continue;
    }
    const winner = majorityVote(values).label;
    if (winner !== null) consensus.set(unit, winner);
  }
  return consensus;
}
