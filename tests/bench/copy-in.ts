import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export interface CopyTable {
  table: string;
  columns: string[];
  /** Rows of values; null is SQL NULL, objects are written as JSON. */
  rows: (string | number | null | object)[][];
}

/** One value in COPY's text format. */
function copyValue(value: string | number | null | object): string {
  if (value === null) return "\\N";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.replace(/[\\\n\r\t]/g, (c) => ({ "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? c);
}

/**
 * `COPY … FROM STDIN` of the given tables in one transaction (psql -1), the fastest way
 * Postgres takes rows in. The script is written first and only psql's run is timed.
 */
export async function copyIn(url: string, tables: CopyTable[]): Promise<{ seconds: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "arbiter-bench-copy-"));
  try {
    const file = path.join(dir, "copy.sql");
    const parts: string[] = [];
    for (const t of tables) {
      parts.push(`copy ${t.table} (${t.columns.join(", ")}) from stdin;\n`);
      for (const row of t.rows) parts.push(`${row.map(copyValue).join("\t")}\n`);
      parts.push("\\.\n");
    }
    await writeFile(file, parts.join(""));
    const started = performance.now();
    await promisify(execFile)("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-f", file, url], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return { seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
