import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { parseHhRlhfRow } from "@/server/formats/hh-rlhf-jsonl";
import type { ImportedItem } from "@/server/formats/import-types";
import { importItems } from "@/server/services/imports/import-items";
import { createCampaign, createUser } from "../fixtures/factories";
import { createTestDatabase } from "../fixtures/test-database";
import { copyIn } from "./copy-in";
import { round, sized, verdict, type Benchmark, type Figures } from "./types";

const ITEMS = 100_000;
const SMOKE_ITEMS = 5_000;
const RATIO_BUDGET = 0.3;
const CHUNK_BYTES = 64 * 1024;

/**
 * DESIGN §12 P3: 100,000 HH-RLHF transcripts imported by the real import service (parse,
 * validate, write in one transaction), against `COPY FROM` of the very rows that import stores
 * (items and responses, parsed beforehand and not timed) into an identical campaign, in the
 * same run and database. Budget: ≥ 0.3 of COPY's rows per second.
 */
export const importHh: Benchmark = {
  id: "P3",
  title: `import ${ITEMS.toLocaleString("en")} HH-RLHF items vs COPY FROM (budget ≥ ${RATIO_BUDGET}×)`,
  async run(ctx): Promise<Figures> {
    if (!ctx.databaseUrl) {
      ctx.log("skipped: set DATABASE_URL to a PostgreSQL server (COPY is the baseline)");
      return { budget: "skipped", skipped: "DATABASE_URL not set" };
    }
    const count = sized(ctx, ITEMS, SMOKE_ITEMS);
    const database = await createTestDatabase({ poolMax: 4 });
    try {
      const { db } = database;
      const url = database.url ?? ctx.databaseUrl;
      const admin = await createUser(db, { role: "admin" });
      const file = Buffer.from(hhRlhfFile(count));
      const [ours, theirs, warm] = [
        await createCampaign(db, { admin, input: { overlap: 3, status: "active" } }),
        await createCampaign(db, { admin, input: { overlap: 3, status: "active" } }),
        await createCampaign(db, { admin, input: { overlap: 3, status: "active" } }),
      ];
      const run = (campaignId: string, body: Buffer) =>
        importItems(db, { campaignId, format: "hh-rlhf", body: chunks(body), maxBytes: body.length + 1, actorId: admin.id });
      // Warm both paths (JIT, catalog caches) on a small file before measuring.
      await run(warm.id, Buffer.from(hhRlhfFile(500)));

      const started = performance.now();
      const result = await run(ours.id, file);
      const importSeconds = (performance.now() - started) / 1000;
      if (result.imported !== count) throw new Error(`the import stored ${result.imported} of ${count} items`);
      ctx.log(`import: ${count.toLocaleString("en")} items (${round(file.length / 2 ** 20, 1)} MB) in ${round(importSeconds)} s`);

      const copy = await copyIn(url, copyTables(theirs.id, theirs.overlap, parsedItems(file)));
      const [stored] = (
        (await db.execute(sql`select count(*)::int as n from items where campaign_id = ${theirs.id}`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows;
      if (stored?.n !== count) throw new Error(`COPY stored ${stored?.n} of ${count} items`);
      ctx.log(`COPY FROM: ${count.toLocaleString("en")} items in ${round(copy.seconds)} s`);
      const ratio = copy.seconds / importSeconds;
      return {
        items: count,
        file_mb: round(file.length / 2 ** 20, 1),
        import_items_per_s: Math.round(count / importSeconds),
        copy_items_per_s: Math.round(count / copy.seconds),
        import_s: round(importSeconds),
        copy_s: round(copy.seconds),
        ratio: round(ratio),
        budget: verdict(ratio >= RATIO_BUDGET),
      };
    } finally {
      await database.close();
    }
  },
};

/** HH-RLHF-style lines: one- to three-turn conversations whose last answers differ. */
export function hhRlhfFile(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const turns = 1 + (i % 3);
    let shared = "";
    for (let t = 0; t < turns - 1; t++) {
      shared += `\n\nHuman: Earlier question ${t} of conversation ${i}, asking for some detail.\n\nAssistant: An earlier answer ${t}, with a sentence or two of explanation in it.`;
    }
    shared += `\n\nHuman: Question ${i}: how should I go about this, and what should I watch out for?`;
    const chosen = `${shared}\n\nAssistant: A careful, helpful answer to question ${i}, with steps and one caveat worth knowing.`;
    const rejected = `${shared}\n\nAssistant: A curt answer to question ${i} that misses the point.`;
    lines.push(JSON.stringify({ chosen, rejected }));
  }
  return `${lines.join("\n")}\n`;
}

async function* chunks(body: Buffer): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < body.length; at += CHUNK_BYTES) yield body.subarray(at, at + CHUNK_BYTES);
}

/** The file as the import parser reads it (the baseline stores exactly these rows). */
function parsedItems(file: Buffer): ImportedItem[] {
  return file
    .toString("utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line, i) => {
      const record = parseHhRlhfRow(JSON.parse(line), i + 1, line);
      if (!("item" in record)) throw new Error(`line ${i + 1} did not parse`);
      return record.item;
    });
}

/** The columns the import service writes (import-items.ts), with ids chosen here so responses can refer to their item. */
function copyTables(campaignId: string, overlap: number, parsed: ImportedItem[]) {
  const itemRows: (string | number | null | object)[][] = [];
  const responseRows: (string | number | null | object)[][] = [];
  for (const item of parsed) {
    const id = randomUUID();
    itemRows.push([
      id, campaignId, item.externalId, item.prompt, item.promptFormat, item.metadata,
      item.gold === undefined ? "regular" : "gold", item.gold === undefined ? null : (item.gold as object),
      item.source ?? null, overlap,
    ]);
    item.responses.forEach((r, position) =>
      responseRows.push([id, r.externalId, position, r.model, r.contentKind, r.content]),
    );
  }
  return [
    {
      table: "items",
      columns: ["id", "campaign_id", "external_id", "prompt", "prompt_format", "metadata", "kind", "gold_answer", "source", "open_slots"],
      rows: itemRows,
    },
    { table: "responses", columns: ["item_id", "external_id", "position", "model", "content_kind", "content"], rows: responseRows },
  ];
}
