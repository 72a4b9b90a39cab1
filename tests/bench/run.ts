import { mkdir, readFile, writeFile } from "node:fs/promises";
import { env } from "@/server/env";
import { annotatePage } from "./annotate-page";
import { claimHttp } from "./claim-http";
import { claimScaling } from "./claim-scaling";
import { claimThroughput } from "./claim-throughput";
import { exportTrl } from "./export-trl";
import { importHh } from "./import-hh";
import { leaderboard } from "./leaderboard";
import type { Benchmark, Figures } from "./types";

/**
 * `npm run bench [-- --smoke] [-- <id>…]`: runs the registered benchmarks (all, or the ids
 * given), prints a table and writes bench/results.json (bench/results.smoke.json under
 * --smoke, whose small sizes say nothing about the budgets). Results of benchmarks not run
 * this time are kept, so one benchmark can be re-measured alone.
 *
 * Exit status: a benchmark that crashes fails the run, always. A missed budget fails a full
 * run but not a smoke run, which only proves that every benchmark still works (CI).
 */
export const benchmarks: Benchmark[] = [claimHttp, exportTrl, importHh, annotatePage, leaderboard, claimScaling, claimThroughput];

interface Stored {
  title: string;
  measuredAt: string;
  smoke?: boolean;
  figures: Figures;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const smoke = args.includes("--smoke");
  const wanted = args.filter((a) => !a.startsWith("--"));
  const selected = wanted.length ? benchmarks.filter((b) => wanted.includes(b.id)) : benchmarks;
  if (selected.length === 0) throw new Error(`no benchmark called ${wanted.join(", ")}; have ${benchmarks.map((b) => b.id).join(", ")}`);
  const file = smoke ? "bench/results.smoke.json" : "bench/results.json";

  const results = await readPrevious(file);
  const ctx = {
    databaseUrl: env().DATABASE_URL,
    smoke,
    port: Number(process.env.BENCH_PORT ?? 3270),
    log: (message: string) => console.log(`  ${message}`),
  };
  const crashed: string[] = [];
  for (const bench of selected) {
    console.log(`${bench.id}: ${bench.title}${smoke ? " [smoke sizes]" : ""}`);
    const started = performance.now();
    const figures = await bench.run(ctx).catch((error: unknown): Figures => {
      console.error(error);
      crashed.push(bench.id);
      return { budget: "FAIL", error: oneLine(error) };
    });
    console.log(`  (${Math.round((performance.now() - started) / 100) / 10} s)`);
    results[bench.id] = { title: bench.title, measuredAt: new Date().toISOString(), smoke, figures };
  }
  await mkdir("bench", { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  console.log(`\nwritten to ${file}`);
  if (crashed.length > 0) {
    console.error(`crashed: ${crashed.join(", ")}`);
    process.exitCode = 1;
  } else if (!smoke && selected.some((b) => results[b.id]?.figures.budget === "FAIL")) {
    process.exitCode = 1;
  }
}

async function readPrevious(file: string): Promise<Record<string, Stored>> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Record<string, Stored>;
  } catch {
    return {};
  }
}

/** The error and its cause (drizzle wraps the driver's error) on one short line, for the table. */
function oneLine(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const text = [error, cause].filter(Boolean).map((e) => (e instanceof Error ? e.message : String(e)));
  return text.join(" ← ").replace(/\s+/g, " ").slice(0, 200);
}

function printTable(results: Record<string, Stored>): void {
  const rows = Object.entries(results)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([id, r]) => Object.entries(r.figures).map(([name, value]) => [id, name, String(value).slice(0, 100)]));
  const widths = [0, 1].map((c) => Math.max(...rows.map((row) => row[c]?.length ?? 0), 6));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log(`\n${line(["bench", "figure", "value"])}`);
  console.log(line([...widths, 6].map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
