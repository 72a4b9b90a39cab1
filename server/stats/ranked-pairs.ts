/**
 * Tideman's ranked pairs, used (as Open-Assistant does) to merge several annotators'
 * rankings of the same responses into one consensus order.
 *
 * 1. Tally, for every ordered pair, how many ballots rank x above y.
 * 2. Take every pair where x beats y by a positive margin, strongest first.
 * 3. Lock each in unless it would close a cycle with pairs already locked.
 * 4. Read the order off the locked graph, always taking an unbeaten candidate next.
 *
 * Deterministic tie-breaking (documented because "strongest first" is not a total order):
 * equal margins are ordered by the winner's own tally (more votes first), then by the
 * winner's and then the loser's position in the candidate order. When several candidates
 * are unbeaten at step 4 (only possible when some pairs have zero margin), the earliest in
 * candidate order goes first. Candidate order is `options.candidates` if given, otherwise
 * names sorted by code unit.
 */

/** A ballot, best first. An inner array is a group of candidates ranked equal. */
export type Ballot = ReadonlyArray<string | ReadonlyArray<string>>;

export interface RankedPairsOptions {
  /** All candidates, in tie-break order. Defaults to every name on any ballot, sorted. */
  candidates?: readonly string[];
}

export interface RankedPairsResult {
  /** Consensus ranking, best first. */
  order: string[];
  /** Row/column order of `tallies`. */
  candidates: string[];
  /** tallies[i][j]: ballots ranking candidate i above candidate j. */
  tallies: number[][];
  /** Locked majorities [winner, loser], in the order they were locked. */
  locked: Array<[string, string]>;
}

/**
 * A candidate missing from a ballot counts as ranked below every candidate that ballot
 * lists (and equal to the other missing ones): leaving a response out of a ranking is
 * read as not preferring it.
 */
export function rankedPairs(
  ballots: ReadonlyArray<Ballot>,
  options: RankedPairsOptions = {},
): RankedPairsResult {
  const candidates = options.candidates ? [...options.candidates] : collectCandidates(ballots);
  const index = new Map(candidates.map((c, i) => [c, i] as const));
  if (index.size !== candidates.length) throw new RangeError("candidates must be distinct");
  const m = candidates.length;
  const tallies = headToHead(ballots, index, m);

  const majorities: Array<{ winner: number; loser: number; margin: number; votes: number }> = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const votes = tallies[i]?.[j] ?? 0;
      const margin = votes - (tallies[j]?.[i] ?? 0);
      if (margin > 0) majorities.push({ winner: i, loser: j, margin, votes });
    }
  }
  majorities.sort(
    (a, b) => b.margin - a.margin || b.votes - a.votes || a.winner - b.winner || a.loser - b.loser,
  );

  const beats = Array.from({ length: m }, () => new Set<number>());
  const locked: Array<[string, string]> = [];
  for (const { winner, loser } of majorities) {
    if (reaches(beats, loser, winner)) continue; // would close a cycle
    beats[winner]?.add(loser);
    locked.push([candidates[winner] ?? "", candidates[loser] ?? ""]);
  }

  const beatenBy = new Array<number>(m).fill(0);
  for (const set of beats) for (const j of set) beatenBy[j] = (beatenBy[j] ?? 0) + 1;
  const placed = new Array<boolean>(m).fill(false);
  const order: string[] = [];
  for (let step = 0; step < m; step++) {
    // The locked graph is acyclic, so some unplaced candidate is always unbeaten.
    const next = beatenBy.findIndex((count, i) => count === 0 && !placed[i]);
    if (next < 0) throw new Error("locked pairs contain a cycle"); // unreachable by construction
    placed[next] = true;
    order.push(candidates[next] ?? "");
    for (const j of beats[next] ?? []) beatenBy[j] = (beatenBy[j] ?? 0) - 1;
  }
  return { order, candidates, tallies, locked };
}

function collectCandidates(ballots: ReadonlyArray<Ballot>): string[] {
  const names = new Set<string>();
  for (const ballot of ballots)
    for (const entry of ballot) for (const name of groupOf(entry)) names.add(name);
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function groupOf(entry: string | ReadonlyArray<string>): ReadonlyArray<string> {
  return typeof entry === "string" ? [entry] : entry;
}

function headToHead(
  ballots: ReadonlyArray<Ballot>,
  index: ReadonlyMap<string, number>,
  m: number,
): number[][] {
  const tallies = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const rank = new Array<number>(m);
  ballots.forEach((ballot, b) => {
    rank.fill(Number.POSITIVE_INFINITY); // unlisted: below everyone listed
    ballot.forEach((entry, position) => {
      for (const name of groupOf(entry)) {
        const i = index.get(name);
        if (i === undefined) throw new RangeError(`ballot ${b} ranks unknown candidate ${name}`);
        if (rank[i] !== Number.POSITIVE_INFINITY)
          throw new RangeError(`ballot ${b} ranks ${name} twice`);
        rank[i] = position;
      }
    });
    for (let i = 0; i < m; i++) {
      const row = tallies[i];
      for (let j = 0; j < m && row; j++)
        if ((rank[i] ?? 0) < (rank[j] ?? 0)) row[j] = (row[j] ?? 0) + 1;
    }
  });
  return tallies;
}

/** Is `to` reachable from `from` along locked "beats" edges? */
function reaches(beats: ReadonlyArray<ReadonlySet<number>>, from: number, to: number): boolean {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const i = stack.pop();
    if (i === undefined) break;
    if (i === to) return true;
    for (const j of beats[i] ?? []) {
      if (!seen.has(j)) {
        seen.add(j);
        stack.push(j);
      }
    }
  }
  return false;
}
