/**
 * Bradley–Terry ratings as LMSYS computes them for Chatbot Arena: the maximum-
 * likelihood fit of P(i beats j) = 1 / (1 + base^((R_j − R_i) / scale)), ties counted
 * as half a win for each side, no regularisation, reported as initial + scale·θ/ln(base)
 * with the ratings' mean at the initial rating (LMSYS's unpenalised logistic regression
 * starts at zero and its gradient always sums to zero, so it lands there too).
 *
 * LMSYS fits a logistic regression on one row per battle; we maximise the same
 * likelihood by Newton's method on the aggregated win table, which costs
 * O(models² + models³) per iteration whatever the number of battles, and converges
 * quadratically, so a 1e-10 tolerance takes a handful of iterations.
 */

import { tabulateBattles, type Battle, type WinTable } from "./battles";
import { solveSymmetricPositiveDefinite } from "./linear-solve";
import { comparisonComponents, maximumLikelihoodExists } from "./comparison-graph";

export interface BradleyTerryOptions {
  /** Defaults follow LMSYS: base 10, scale 400, initial rating 1000. */
  base?: number;
  scale?: number;
  initialRating?: number;
  /** Stop when the largest Newton step, in natural log-odds units, is below this. */
  tolerance?: number;
  maxIterations?: number;
}

export interface StrengthFit {
  /** Natural-log strengths, centred to mean 0 within each component; NaN for models with no games. */
  theta: Float64Array;
  iterations: number;
  converged: boolean;
  /**
   * False when, within some component, a group of models never lost (even half a
   * game) to the rest: the maximum-likelihood gap is then infinite. We stop once every
   * model's predicted wins match its observed wins within 1e-6 per game, so the
   * reported gap is a large finite stand-in that should be shown with a warning.
   */
  mleExists: boolean;
  /** Connected components of the "has played" graph; ratings compare only within one. */
  components: number;
}

export interface BradleyTerryResult extends Omit<StrengthFit, "theta"> {
  /** Models sorted by name. */
  models: string[];
  /** Rating per model; NaN for a model that only ever played itself. */
  ratings: Record<string, number>;
}

const DEFAULTS = {
  base: 10,
  scale: 400,
  initialRating: 1000,
  tolerance: 1e-10,
  maxIterations: 100,
};
/** Per-game residual at which a fit without a finite optimum is declared done (see mleExists). */
const DIVERGENT_RESIDUAL = 1e-6;

/** P(A beats B) under the rating model. */
export function winProbability(
  ratingA: number,
  ratingB: number,
  options: { base?: number; scale?: number } = {},
): number {
  const base = options.base ?? DEFAULTS.base;
  const scale = options.scale ?? DEFAULTS.scale;
  return 1 / (1 + base ** ((ratingB - ratingA) / scale));
}

export function fitBradleyTerry(
  battles: ReadonlyArray<Battle>,
  options: BradleyTerryOptions = {},
): BradleyTerryResult {
  return bradleyTerryFromTable(tabulateBattles(battles), options);
}

export function bradleyTerryFromTable(
  table: WinTable,
  options: BradleyTerryOptions = {},
): BradleyTerryResult {
  const { theta, ...fit } = fitStrengths(table.wins, table.models.length, options);
  // fromEntries defines own properties, so even a model called "__proto__" is kept.
  const ratings = Object.fromEntries(
    table.models.map((model, i) => [model, strengthToRating(theta[i] ?? Number.NaN, options)]),
  );
  return { models: [...table.models], ratings, ...fit };
}

export function strengthToRating(theta: number, options: BradleyTerryOptions = {}): number {
  const base = options.base ?? DEFAULTS.base;
  const scale = options.scale ?? DEFAULTS.scale;
  return (options.initialRating ?? DEFAULTS.initialRating) + (scale * theta) / Math.log(base);
}

/**
 * Newton's method on the log-likelihood over a row-major m × m win table.
 * `start` (natural-log strengths) warm-starts the fit, as the bootstrap does from
 * the full-data fit; non-finite entries start at 0.
 */
export function fitStrengths(
  wins: Float64Array,
  m: number,
  options: BradleyTerryOptions = {},
  start?: Float64Array,
): StrengthFit {
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  const maxIterations = options.maxIterations ?? DEFAULTS.maxIterations;
  const games = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++)
      if (i !== j) games[i * m + j] = (wins[i * m + j] ?? 0) + (wins[j * m + i] ?? 0);
  }
  const components = comparisonComponents(games, m);
  const mleExists = components.every((c) => maximumLikelihoodExists(wins, m, c));

  // The likelihood only sees differences, so one model per component is pinned
  // (the last) and the others are free; that keeps the Newton system positive definite.
  const free: number[] = [];
  for (const component of components) free.push(...component.slice(0, -1));
  const f = free.length;

  const theta = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const s = start?.[i];
    theta[i] = s !== undefined && Number.isFinite(s) ? s : 0;
  }
  const gradient = new Float64Array(m);
  const curvature = new Float64Array(m * m);
  const trial = new Float64Array(m);
  const g = new Float64Array(f);
  const h = new Float64Array(f * f);
  let loglik = logLikelihood(wins, m, theta);
  let iterations = 0;
  let converged = f === 0;

  while (!converged && iterations < maxIterations) {
    iterations++;
    derivatives(wins, games, m, theta, gradient, curvature);
    if (!mleExists && worstResidualPerGame(gradient, games, m) <= DIVERGENT_RESIDUAL) {
      converged = true;
      break;
    }
    for (let r = 0; r < f; r++) {
      const i = free[r] ?? 0;
      g[r] = gradient[i] ?? 0;
      for (let c = 0; c < f; c++) h[r * f + c] = curvature[i * m + (free[c] ?? 0)] ?? 0;
    }
    const step = solveSymmetricPositiveDefinite(h, g, f);
    let ascent = 0;
    let largest = 0;
    for (let r = 0; r < f; r++) {
      ascent += (step[r] ?? 0) * (g[r] ?? 0);
      largest = Math.max(largest, Math.abs(step[r] ?? 0));
    }

    // Backtracking keeps early iterations from overshooting; near the optimum the
    // full Newton step is always taken. The small slack absorbs round-off in the
    // log-likelihood once the improvement drops below machine precision.
    let t = 1;
    let next = loglik;
    for (let halvings = 0; halvings < 60; halvings++) {
      trial.set(theta);
      for (let r = 0; r < f; r++) {
        const i = free[r] ?? 0;
        trial[i] = (theta[i] ?? 0) + t * (step[r] ?? 0);
      }
      next = logLikelihood(wins, m, trial);
      if (next >= loglik + 1e-4 * t * ascent - 1e-12 * (1 + Math.abs(loglik))) break;
      t /= 2;
    }
    theta.set(trial);
    loglik = next;
    if (t * largest < tolerance) converged = true;
  }

  const played = new Uint8Array(m);
  for (const component of components) {
    const mean = component.reduce((s, i) => s + (theta[i] ?? 0), 0) / component.length;
    for (const i of component) {
      theta[i] = (theta[i] ?? 0) - mean;
      played[i] = 1;
    }
  }
  for (let i = 0; i < m; i++) if (!played[i]) theta[i] = Number.NaN;
  return { theta, iterations, converged, mleExists, components: components.length };
}

/** log σ(x) without overflow for large |x|. */
function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

function logLikelihood(wins: Float64Array, m: number, theta: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const wij = wins[i * m + j] ?? 0;
      const wji = wins[j * m + i] ?? 0;
      if (wij === 0 && wji === 0) continue;
      const d = (theta[i] ?? 0) - (theta[j] ?? 0);
      sum += wij * logSigmoid(d) + wji * logSigmoid(-d);
    }
  }
  return sum;
}

/** Gradient and negated Hessian (a weighted graph Laplacian) of the log-likelihood. */
function derivatives(
  wins: Float64Array,
  games: Float64Array,
  m: number,
  theta: Float64Array,
  gradient: Float64Array,
  curvature: Float64Array,
): void {
  gradient.fill(0);
  curvature.fill(0);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const n = games[i * m + j] ?? 0;
      if (n === 0) continue;
      const p = 1 / (1 + Math.exp((theta[j] ?? 0) - (theta[i] ?? 0)));
      const residual = (wins[i * m + j] ?? 0) - n * p;
      gradient[i] = (gradient[i] ?? 0) + residual;
      gradient[j] = (gradient[j] ?? 0) - residual;
      const w = n * p * (1 - p);
      curvature[i * m + i] = (curvature[i * m + i] ?? 0) + w;
      curvature[j * m + j] = (curvature[j * m + j] ?? 0) + w;
      curvature[i * m + j] = -w;
      curvature[j * m + i] = -w;
    }
  }
}

function worstResidualPerGame(gradient: Float64Array, games: Float64Array, m: number): number {
  let worst = 0;
  for (let i = 0; i < m; i++) {
    let n = 0;
    for (let j = 0; j < m; j++) n += games[i * m + j] ?? 0;
    if (n > 0) worst = Math.max(worst, Math.abs(gradient[i] ?? 0) / n);
  }
  return worst;
}
