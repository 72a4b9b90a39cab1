/**
 * Dawid–Skene (1979) EM for true labels from noisy annotators, step for step as
 * crowd-kit's DawidSkene does it, so our consensus reproduces its published fixture:
 *
 *   init:  posteriors = majority-vote label shares per task; priors = their mean;
 *          confusion = M-step(posteriors)
 *   iter:  posteriors = E-step(priors, confusion); priors = mean(posteriors);
 *          confusion = M-step(posteriors)
 *
 * M-step: confusion[w][k][l] = P(worker w answers l | true label k), the posterior
 * mass of k over w's answers l, clipped below at 1e-10 (as crowd-kit does, so one
 * unlucky zero cannot veto a class forever) and normalised over the labels w used.
 * E-step: posterior ∝ prior · Π confusion, computed in log space with the row maximum
 * subtracted so products of many small probabilities cannot underflow.
 */

import { compareRatingValues } from "./rating-value";

export interface Annotation<L extends string | number> {
  task: string;
  worker: string;
  label: L;
}

export interface DawidSkeneOptions<L extends string | number> {
  /** Run exactly this many EM iterations (0 returns the initialisation), without early stopping. */
  iterations?: number;
  /** Otherwise iterate until no posterior moves more than `tolerance`, at most `maxIterations` times. */
  tolerance?: number;
  maxIterations?: number;
  /** Class order (and any classes nobody used); by default the labels seen, numbers then strings, ascending. */
  classes?: readonly L[];
}

export interface DawidSkeneResult<L extends string | number> {
  classes: L[];
  /** Tasks in order of first appearance. */
  tasks: string[];
  /** Workers in order of first appearance. */
  workers: string[];
  /** posteriors[task][class]: P(true label = class | answers). Rows sum to 1. */
  posteriors: number[][];
  priors: number[];
  /** Most probable class per task; on an exact tie the earlier class (crowd-kit's idxmax). */
  labels: L[];
  /** confusion[worker][true class][answered class]; 0 for answers the worker never gave. */
  confusion: number[][][];
  iterations: number;
  converged: boolean;
}

const EPSILON = 1e-10;

export function dawidSkene<L extends string | number>(
  annotations: ReadonlyArray<Annotation<L>>,
  options: DawidSkeneOptions<L> = {},
): DawidSkeneResult<L> {
  const classes = options.classes
    ? [...options.classes]
    : [...new Set(annotations.map((a) => a.label))].sort(compareRatingValues);
  const classIndex = new Map(classes.map((c, i) => [c, i] as const));
  const tasks = new Map<string, number>();
  const workers = new Map<string, number>();
  const K = classes.length;
  const n = annotations.length;
  const taskOf = new Int32Array(n);
  const workerOf = new Int32Array(n);
  const labelOf = new Int32Array(n);
  annotations.forEach((a, i) => {
    const label = classIndex.get(a.label);
    if (label === undefined)
      throw new RangeError(`annotation ${i} has label ${String(a.label)} outside classes`);
    if (!tasks.has(a.task)) tasks.set(a.task, tasks.size);
    if (!workers.has(a.worker)) workers.set(a.worker, workers.size);
    taskOf[i] = tasks.get(a.task) ?? 0;
    workerOf[i] = workers.get(a.worker) ?? 0;
    labelOf[i] = label;
  });
  const T = tasks.size;
  const W = workers.size;
  const data = { n, K, T, W, taskOf, workerOf, labelOf };

  let posteriors = majorityShares(data);
  let priors = columnMeans(posteriors, K);
  let confusion = mStep(data, posteriors);

  const fixed = options.iterations;
  const maxIterations = fixed ?? options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-7;
  let iterations = 0;
  let converged = fixed !== undefined;
  while (iterations < maxIterations) {
    const next = eStep(data, priors, confusion);
    iterations++;
    const change = next.reduce(
      (worst, row, t) =>
        Math.max(worst, ...row.map((p, k) => Math.abs(p - (posteriors[t]?.[k] ?? 0)))),
      0,
    );
    posteriors = next;
    priors = columnMeans(posteriors, K);
    confusion = mStep(data, posteriors);
    if (fixed === undefined && change < tolerance) {
      converged = true;
      break;
    }
  }

  const labels = posteriors.map((row) => {
    let best = 0;
    row.forEach((p, k) => {
      if (p > (row[best] ?? Number.NEGATIVE_INFINITY)) best = k;
    });
    const label = classes[best];
    if (label === undefined) throw new RangeError("a task has answers but there are no classes");
    return label;
  });
  return {
    classes,
    tasks: [...tasks.keys()],
    workers: [...workers.keys()],
    posteriors,
    priors,
    labels,
    confusion,
    iterations,
    converged,
  };
}

interface Encoded {
  n: number;
  K: number;
  T: number;
  W: number;
  taskOf: Int32Array;
  workerOf: Int32Array;
  labelOf: Int32Array;
}

function majorityShares({ n, K, T, taskOf, labelOf }: Encoded): number[][] {
  const shares = Array.from({ length: T }, () => new Array<number>(K).fill(0));
  const totals = new Array<number>(T).fill(0);
  for (let i = 0; i < n; i++) {
    const row = shares[taskOf[i] ?? 0];
    const k = labelOf[i] ?? 0;
    if (row) row[k] = (row[k] ?? 0) + 1;
    totals[taskOf[i] ?? 0] = (totals[taskOf[i] ?? 0] ?? 0) + 1;
  }
  return shares.map((row, t) => row.map((c) => c / (totals[t] ?? 1)));
}

function columnMeans(rows: number[][], K: number): number[] {
  const sums = new Array<number>(K).fill(0);
  for (const row of rows) row.forEach((p, k) => (sums[k] = (sums[k] ?? 0) + p));
  return sums.map((s) => s / Math.max(rows.length, 1));
}

function mStep(
  { n, K, W, taskOf, workerOf, labelOf }: Encoded,
  posteriors: number[][],
): number[][][] {
  // mass[w][k][l]: posterior mass of true class k over worker w's answers l.
  const mass = Array.from({ length: W }, () =>
    Array.from({ length: K }, () => new Array<number>(K).fill(0)),
  );
  const used = Array.from({ length: W }, () => new Array<boolean>(K).fill(false));
  for (let i = 0; i < n; i++) {
    const w = workerOf[i] ?? 0;
    const l = labelOf[i] ?? 0;
    const post = posteriors[taskOf[i] ?? 0] ?? [];
    const usedRow = used[w];
    if (usedRow) usedRow[l] = true;
    mass[w]?.forEach((row, k) => (row[l] = (row[l] ?? 0) + (post[k] ?? 0)));
  }
  return mass.map((byTrue, w) =>
    byTrue.map((row) => {
      const clipped = row.map((x, l) => (used[w]?.[l] ? Math.max(x, EPSILON) : 0));
      const total = clipped.reduce((s, x) => s + x, 0);
      return clipped.map((x) => x / total);
    }),
  );
}

function eStep(
  { n, K, T, taskOf, workerOf, labelOf }: Encoded,
  priors: number[],
  confusion: number[][][],
): number[][] {
  const logPriors = priors.map((p) => Math.log(p));
  const scores = Array.from({ length: T }, () => [...logPriors]);
  for (let i = 0; i < n; i++) {
    const row = scores[taskOf[i] ?? 0];
    const byTrue = confusion[workerOf[i] ?? 0] ?? [];
    const l = labelOf[i] ?? 0;
    for (let k = 0; k < K && row; k++) row[k] = (row[k] ?? 0) + Math.log(byTrue[k]?.[l] ?? 0);
  }
  return scores.map((row) => {
    const top = Math.max(...row);
    // A task every class finds impossible cannot arise (confusion is clipped above 0),
    // but guard anyway rather than emit NaN.
    if (!Number.isFinite(top)) return row.map(() => 1 / K);
    const scaled = row.map((s) => Math.exp(s - top));
    const total = scaled.reduce((s, x) => s + x, 0);
    return scaled.map((x) => x / total);
  });
}
