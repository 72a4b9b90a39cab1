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
  return { clients: params.clients, perSecond: Number(tps[1]), latencyMs: Number(latency?.[1] ?? Number.NaN) };
}
