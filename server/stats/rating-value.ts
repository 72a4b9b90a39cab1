/**
 * The value types shared by the agreement statistics, and the one ordering they
 * all use so that category order never depends on input order or locale.
 */

/** A rating: a number, or a category name. */
export type RatingValue = number | string;
/** A possibly absent rating: null, undefined and NaN all mean "not rated". */
export type MaybeRating = RatingValue | null | undefined;

export function isMissingRating(value: MaybeRating): value is null | undefined {
  return (
    value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))
  );
}

/** Numbers before strings, numbers ascending, strings by code unit. */
export function compareRatingValues(a: RatingValue, b: RatingValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct present values, sorted with compareRatingValues. */
export function distinctRatingValues(values: Iterable<MaybeRating>): RatingValue[] {
  const seen = new Set<RatingValue>();
  for (const v of values) if (!isMissingRating(v)) seen.add(v);
  return [...seen].sort(compareRatingValues);
}
