import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const SCRIPT = fileURLToPath(new URL("./claim-submit.pgbench.sql", import.meta.url));

export interface PgbenchResult {
  clients: number;
  /** Script runs (claim + submit pairs) per second. */
  perSecond: number;
  /** Average latency of one whole script run, ms. */
  latencyMs: number;
  /** Average latency of the claim request's SQL (its token lookup through its COMMIT), ms. */
  claimMs: number;
}

/**
 * Runs claim-submit.pgbench.sql, the SQL one claim + submit pair sends, for `seconds` with
 * `clients` connections, and returns its pairs per second. Any failed transaction fails the
 * benchmark: a baseline that errors out is not a baseline.
 */
export async function pgbench(params: {
  url: string;
  campaignId: string;
  clients: number;
  seconds: number;
}): Promise<PgbenchResult> {
  const { stdout } = await promisify(execFile)("pgbench", [
    "-n",
    "-r",
    "-M", "extended",
    "-c", String(params.clients),
    "-j", "2",
    "-T", String(params.seconds),
    "-D", `campaign=${params.campaignId}`,
    "-f", SCRIPT,
    params.url,
  ]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout);
  const failed = /number of failed transactions: (\d+)/.exec(stdout);
  if (!tps?.[1]) throw new Error(`pgbench printed no tps:\n${stdout}`);
  if (failed?.[1] && Number(failed[1]) > 0) throw new Error(`pgbench transactions failed:\n${stdout}`);
  return {
    clients: params.clients,
    perSecond: Number(tps[1]),
    latencyMs: Number(latency?.[1] ?? Number.NaN),
    claimMs: claimLatency(stdout),
  };
}

/**
 * From `-r`'s per-statement averages: the claim's statements, from the first token lookup to
 * the first COMMIT, summed.
 */
function claimLatency(stdout: string): number {
  const statements = stdout
    .split("\n")
    .map((line) => /^\s+([\d.]+)\s+\d+\s+(.*)$/.exec(line))
    .flatMap((m) => (m?.[1] && m[2] ? [{ ms: Number(m[1]), text: m[2] }] : []));
  const from = statements.findIndex((s) => s.text.startsWith("select t.id as tid"));
  const to = statements.findIndex((s) => s.text.startsWith("COMMIT"));
  if (from < 0 || to < from) return Number.NaN;
  return statements.slice(from, to + 1).reduce((sum, s) => sum + s.ms, 0);
}
