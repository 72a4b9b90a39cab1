import type { Endpoint, Outcome, Sample } from "./client";

export interface Window {
  name: string;
  from: number;
  to: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

/** Latency of the requests that got an HTTP answer (client-side aborts have none). */
export function latency(samples: Sample[], endpoint: Endpoint) {
  const ms = samples
    .filter((s) => s.endpoint === endpoint && typeof s.outcome === "number")
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  return { count: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
}

export function outcomes(samples: Sample[], filter: (s: Sample) => boolean = () => true) {
  const byEndpoint: Record<string, Record<string, number>> = {};
  for (const s of samples.filter(filter)) {
    const row = (byEndpoint[s.endpoint] ??= {});
    row[String(s.outcome)] = (row[String(s.outcome)] ?? 0) + 1;
  }
  return byEndpoint;
}

export function isServerError(outcome: Outcome): boolean {
  return typeof outcome === "number" && outcome >= 500 && outcome !== 503;
}

export function formatOutcomes(table: Record<string, Record<string, number>>): string {
  return Object.entries(table)
    .map(([endpoint, counts]) => {
      const cells = Object.entries(counts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([outcome, n]) => `${outcome}×${n}`);
      return `    ${endpoint.padEnd(7)} ${cells.join("  ")}`;
    })
    .join("\n");
}
