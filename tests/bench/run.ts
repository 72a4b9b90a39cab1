import { mkdir, readFile, writeFile } from "node:fs/promises";
import { env } from "@/server/env";
import { claimScaling } from "./claim-scaling";
import { claimThroughput } from "./claim-throughput";
import { exportTrl } from "./export-trl";
import type { Benchmark } from "./types";

/**
 * `npm run bench [-- <id>…]`: runs the registered benchmarks (all, or the ids given), prints a
 * table and writes bench/results.json. Results of benchmarks not run this time are kept, so
 * one benchmark can be re-measured alone. Register a new benchmark by adding it to this list.
 */
export const benchmarks: Benchmark[] = [claimThroughput, exportTrl, claimScaling];

const RESULTS = "bench/results.json";

interface Stored {
  title: string;
  measuredAt: string;
  figures: Record<string, number | string>;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? benchmarks.filter((b) => wanted.includes(b.id)) : benchmarks;
  if (selected.length === 0) throw new Error(`no benchmark called ${wanted.join(", ")}; have ${benchmarks.map((b) => b.id).join(", ")}`);

  const results = await readPrevious();
  const ctx = { databaseUrl: env().DATABASE_URL, log: (message: string) => console.log(`  ${message}`) };
  for (const bench of selected) {
    console.log(`${bench.id}: ${bench.title}`);
    const figures = await bench.run(ctx).catch((error: unknown) => {
      console.error(error);
      return { budget: "FAIL", error: oneLine(error) };
    });
    results[bench.id] = { title: bench.title, measuredAt: new Date().toISOString(), figures };
  }
  await mkdir("bench", { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  console.log(`\nwritten to ${RESULTS}`);
  if (selected.some((b) => results[b.id]?.figures.budget === "FAIL")) process.exitCode = 1;
}

async function readPrevious(): Promise<Record<string, Stored>> {
  try {
    return JSON.parse(await readFile(RESULTS, "utf8")) as Record<string, Stored>;
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
  const rows = Object.entries(results).flatMap(([id, r]) =>
    Object.entries(r.figures).map(([name, value]) => [id, name, String(value)]),
  );
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]?.length ?? 0), 6));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log(`\n${line(["bench", "figure", "value"])}`);
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
