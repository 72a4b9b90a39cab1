/**
 * Pairwise model battles and their aggregation into a win table. Rating fits work
 * on the table, never on the raw list, so their cost depends on the number of models
 * rather than the number of battles.
 */

/** "tie" covers both "equally good" and "both bad": each side gets half a win. */
export type BattleWinner = "a" | "b" | "tie";

export interface Battle {
  modelA: string;
  modelB: string;
  winner: BattleWinner;
  /**
   * How much this battle counts; 1 when absent. A K-wise ranking contributes its C(K,2)
   * pairs with weight 1/C(K,2) each, so one ranking weighs as much as one pairwise verdict.
   */
  weight?: number;
}

export interface WinTable {
  /** Models sorted by code unit, the row/column order of `wins`. */
  models: string[];
  /** Row-major m × m: wins[i * m + j] = wins of i over j, ties counted as half a win for each. */
  wins: Float64Array;
}

export interface EncodedBattles {
  /** Models sorted by code unit; sorting keeps every result independent of battle order. */
  models: string[];
  /**
   * One outcome cell per battle: decisive "i beat j" is cell i·m + j; a tie between
   * i < j is cell m² + i·m + j. Per-cell counts are all a fit or a bootstrap round needs.
   */
  cells: Int32Array;
  /** Each battle's weight, or null when every battle weighs 1 (the common case). */
  weights: Float64Array | null;
}

/**
 * Maps battles to outcome cells in one pass over the list (the only O(battles) work
 * in a leaderboard): models get provisional indices in order of appearance, which are
 * then renumbered into sorted order.
 */
export function encodeBattles(battles: ReadonlyArray<Battle>): EncodedBattles {
  const provisional = new Map<string, number>();
  const first = new Int32Array(battles.length);
  const second = new Int32Array(battles.length);
  const outcome = new Uint8Array(battles.length); // 0 a wins, 1 b wins, 2 tie
  let weights: Float64Array | null = null;
  for (let n = 0; n < battles.length; n++) {
    const battle = battles[n];
    if (!battle) continue;
    const { modelA, modelB, winner } = battle;
    if (battle.weight !== undefined && battle.weight !== 1) {
      if (!(battle.weight > 0 && Number.isFinite(battle.weight)))
        throw new RangeError(`battle ${n} has weight ${battle.weight}; expected a positive number`);
      weights ??= new Float64Array(battles.length).fill(1);
      weights[n] = battle.weight;
    }
    let a = provisional.get(modelA);
    if (a === undefined) provisional.set(modelA, (a = provisional.size));
    let b = provisional.get(modelB);
    if (b === undefined) provisional.set(modelB, (b = provisional.size));
    first[n] = a;
    second[n] = b;
    if (winner === "a") outcome[n] = 0;
    else if (winner === "b") outcome[n] = 1;
    else if (winner === "tie") outcome[n] = 2;
    else
      throw new RangeError(`battle ${n} has winner ${String(winner)}; expected "a", "b" or "tie"`);
  }

  const models = [...provisional.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const m = models.length;
  const rank = new Int32Array(m);
  models.forEach((name, sorted) => {
    rank[provisional.get(name) ?? 0] = sorted;
  });
  const cells = new Int32Array(battles.length);
  for (let n = 0; n < battles.length; n++) {
    const a = rank[first[n] ?? 0] ?? 0;
    const b = rank[second[n] ?? 0] ?? 0;
    const o = outcome[n];
    cells[n] =
      o === 0 ? a * m + b : o === 1 ? b * m + a : m * m + Math.min(a, b) * m + Math.max(a, b);
  }
  return { models, cells, weights };
}

/** Folds per-cell battle counts (length 2m²) into a win table. Self-battles carry no information and vanish. */
export function winsFromCellCounts(
  counts: ArrayLike<number>,
  m: number,
  out: Float64Array = new Float64Array(m * m),
): Float64Array {
  out.fill(0);
  const mm = m * m;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      const cell = i * m + j;
      out[cell] = (out[cell] ?? 0) + (counts[cell] ?? 0);
      if (i < j) {
        const half = (counts[mm + cell] ?? 0) / 2;
        out[cell] = (out[cell] ?? 0) + half;
        out[j * m + i] = (out[j * m + i] ?? 0) + half;
      }
    }
  }
  return out;
}

/** Battle counts per outcome cell (length 2m²). */
export function countCells(cells: Int32Array, m: number): Float64Array {
  const counts = new Float64Array(2 * m * m);
  for (let n = 0; n < cells.length; n++) {
    const cell = cells[n] ?? 0;
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
  return counts;
}

/** Summed battle weights per outcome cell (length 2m²); plain counts when weights is null. */
export function weighCells(
  cells: Int32Array,
  weights: Float64Array | null,
  m: number,
): Float64Array {
  if (weights === null) return countCells(cells, m);
  const sums = new Float64Array(2 * m * m);
  for (let n = 0; n < cells.length; n++) {
    const cell = cells[n] ?? 0;
    sums[cell] = (sums[cell] ?? 0) + (weights[n] ?? 1);
  }
  return sums;
}

export function tabulateBattles(battles: ReadonlyArray<Battle>): WinTable {
  const { models, cells, weights } = encodeBattles(battles);
  const m = models.length;
  return { models, wins: winsFromCellCounts(weighCells(cells, weights, m), m) };
}
