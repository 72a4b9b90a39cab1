import { readFile } from "node:fs/promises";

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far (Linux /proc), or NaN elsewhere. */
export async function cpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU seconds used so far by each PostgreSQL backend serving one database, by pid, optionally
 * only those of one application_name (pgbench sets "pgbench"; the app's pool sets none).
 */
export async function backendCpu(
  client: { query<R>(text: string, values: unknown[]): Promise<{ rows: R[] }> },
  params: { database: string; applicationName: string },
): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>(
    "select pid from pg_stat_activity where datname = $1 and application_name = $2 and pid <> pg_backend_pid()",
    [params.database, params.applicationName],
  );
  const byPid = new Map<number, number>();
  for (const { pid } of rows) byPid.set(pid, (await cpuSeconds(pid)) || 0);
  return byPid;
}

/**
 * CPU the backends used between two readings: backends that appeared in between count from
 * zero (their start-up is a millisecond or two), backends that exited in between are lost, so
 * read while the clients are connected.
 */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, now] of after) seconds += now - (before.get(pid) ?? 0);
  return seconds;
}
