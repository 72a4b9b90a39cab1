import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import {
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportProblem,
} from "@/server/formats/import-types";
import { resolveCampaignRef } from "@/server/services/campaigns/resolve-campaign-ref";
import { importItems } from "@/server/services/imports/import-items";
import { progressBar } from "../progress";
import { withDatabase } from "../with-database";

const MAX_PRINTED_PROBLEMS = 20;

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "Import items from a file (gzip allowed) into a campaign: all of them, or none on any error",
    )
    .argument("<campaign>", "campaign id or slug")
    .argument("<file>", "the file to import")
    .option("--format <format>", `one of: ${IMPORT_FORMATS.join(", ")}`, "native")
    .action(async (ref: string, file: string, options: { format: string }) => {
      if (!(IMPORT_FORMATS as readonly string[]).includes(options.format)) {
        throw new AppError(
          "BAD_REQUEST",
          `Unknown import format "${options.format}" (use ${IMPORT_FORMATS.join(", ")})`,
        );
      }
      const { size } = await stat(file);
      const result = await withDatabase(async ({ db }) => {
        const campaign = await resolveCampaignRef(db, { ref });
        const bar = progressBar("Importing", size);
        let read = 0;
        async function* chunks(): AsyncGenerator<Uint8Array> {
          for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
            read += chunk.length;
            bar.update(read);
            yield chunk;
          }
        }
        try {
          return await importItems(db, {
            campaignId: campaign.id,
            format: options.format as ImportFormat,
            body: chunks(),
            maxBytes: env().ARBITER_MAX_UPLOAD_BYTES,
            actorId: null,
          });
        } catch (error) {
          printProblems(error);
          throw error;
        } finally {
          bar.stop();
        }
      });
      process.stdout.write(
        `Imported ${result.imported} items (${result.duplicates} duplicates skipped).\n` +
          (result.flagged > 0
            ? `${result.flagged} may reveal a model's identity: review them under Identity leaks on the campaign's Quality tab.\n`
            : ""),
      );
    });
}

/** Line-numbered problems go to stderr before the one-line summary main() prints. */
function printProblems(error: unknown): void {
  const details =
    error instanceof AppError
      ? (error.details as { errors?: ImportProblem[] } | undefined)
      : undefined;
  for (const p of details?.errors?.slice(0, MAX_PRINTED_PROBLEMS) ?? []) {
    process.stderr.write(`  line ${p.line}${p.field ? ` (${p.field})` : ""}: ${p.message}\n`);
  }
}
