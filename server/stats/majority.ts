/**
 * Majority vote with ties made explicit: a consensus label is only claimed when
 * one label strictly outnumbers every other, because silently picking the first
 * of two tied labels would hide exactly the items that need adjudication.
 */

export interface MajorityResult<L> {
  /** The strict winner, or null when labels are tied for first place (or there are none). */
  label: L | null;
  /** Every label with the top count, in order of first appearance (one element when there is a winner). */
  tied: L[];
  /** Votes for the top label(s). */
  count: number;
  /** Votes cast (missing labels excluded). */
  total: number;
  /** count / total: the share of the winning (or each tied) label; 0 when no votes. */
  share: number;
}

/** Labels are compared with SameValueZero (Map keys), so 1 and "1" are different labels. */
export function majorityVote<L>(labels: ReadonlyArray<L | null | undefined>): MajorityResult<L> {
  const counts = new Map<L, number>();
  let total = 0;
  for (const label of labels) {
    if (label === null || label === undefined) continue;
    counts.set(label, (counts.get(label) ?? 0) + 1);
    total++;
  }
  let count = 0;
  let tied: L[] = [];
  for (const [label, c] of counts) {
    if (c > count) {
      count = c;
      tied = [label];
    } else if (c === count) {
      tied.push(label);
    }
  }
  const winner = tied.length === 1 ? tied[0] : undefined;
  return {
    label: winner === undefined ? null : winner,
    tied,
    count,
    total,
    share: total === 0 ? 0 : count / total,
  };
}
