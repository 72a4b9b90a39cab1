/**
 * Graph facts about a win table that decide whether Bradley–Terry ratings are
 * comparable (connectivity) and finite (strong connectivity of who-beat-whom).
 */

/**
 * Connected components of the "played each other" graph, each sorted ascending,
 * in order of their smallest member. Models with no games form no component.
 */
export function comparisonComponents(games: Float64Array, m: number): number[][] {
  const seen = new Uint8Array(m);
  const components: number[][] = [];
  for (let root = 0; root < m; root++) {
    if (seen[root] || !hasGames(games, m, root)) continue;
    const component: number[] = [];
    const stack = [root];
    seen[root] = 1;
    while (stack.length > 0) {
      const i = stack.pop();
      if (i === undefined) break;
      component.push(i);
      for (let j = 0; j < m; j++) {
        if (!seen[j] && (games[i * m + j] ?? 0) > 0) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    components.push(component.sort((a, b) => a - b));
  }
  return components;
}

/**
 * Zermelo/Ford condition: the maximum-likelihood strengths of a connected component
 * are finite iff for every split of it into two groups each group has (half-)won at
 * least once against the other, i.e. the directed "i has won against j" graph is
 * strongly connected. Checked as: every member reaches and is reached by the first.
 */
export function maximumLikelihoodExists(
  wins: Float64Array,
  m: number,
  component: readonly number[],
): boolean {
  const root = component[0];
  if (root === undefined || component.length < 2) return true;
  return (
    reachableCount(wins, m, root, component, false) === component.length &&
    reachableCount(wins, m, root, component, true) === component.length
  );
}

function hasGames(games: Float64Array, m: number, i: number): boolean {
  for (let j = 0; j < m; j++) if ((games[i * m + j] ?? 0) > 0) return true;
  return false;
}

/** Members reachable from root along "has won against" edges (reversed: "has lost to"). */
function reachableCount(
  wins: Float64Array,
  m: number,
  root: number,
  members: readonly number[],
  reversed: boolean,
): number {
  const seen = new Uint8Array(m);
  const stack = new Int32Array(m);
  let top = 0;
  let count = 1;
  seen[root] = 1;
  stack[top++] = root;
  while (top > 0) {
    const i = stack[--top] ?? 0;
    for (const j of members) {
      if (seen[j]) continue;
      const w = reversed ? wins[j * m + i] : wins[i * m + j];
      if ((w ?? 0) > 0) {
        seen[j] = 1;
        stack[top++] = j;
        count++;
      }
    }
  }
  return count;
}
