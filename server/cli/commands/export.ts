import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import type { Command } from "commander";
import { AppError } from "@/server/errors";
import { EXPORT_FILES, EXPORT_FORMATS, EXPORT_SOURCES } from "@/server/services/exports/export-options";
import { resolveCampaignRef } from "@/server/services/campaigns/resolve-campaign-ref";
import { streamExport } from "@/server/services/exports/stream-export";
import { progressBar } from "../progress";
import { withDatabase } from "../with-database";

function collectOption(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf("=");
  if (at < 1) throw new AppError("BAD_REQUEST", `--option takes key=value, got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description(
      "Export a campaign's dataset to a file, streamed (the same options as GET /api/v1/campaigns/{id}/export)",
    )
    .argument("<campaign>", "campaign id or slug")
    .requiredOption("--format <format>", `one of: ${EXPORT_FORMATS.join(", ")}`)
    .requiredOption("--out <file>", "where to write the export")
    .option("--file <type>", `file type: ${EXPORT_FILES.join(", ")}`, "jsonl")
    .option(
      "--source <source>",
      `whose verdicts: ${EXPORT_SOURCES.join(", ")} (LLM judge verdicts as RLAIF data; with --option judge=<name>, inconsistent=keep)`,
      "judgements",
    )
    .option(
      "--option <key=value>",
      "an export option, e.g. --option aggregation=majority (repeatable)",
      collectOption,
      {},
    )
    .action(
      async (
        ref: string,
        options: { format: string; out: string; file: string; source: string; option: Record<string, string> },
      ) => {
        const summary = await withDatabase(async ({ db }) => {
          const campaign = await resolveCampaignRef(db, { ref });
          const exported = await streamExport(db, {
            campaignId: campaign.id,
            actorId: null,
            options: { ...options.option, format: options.format, file: options.file, source: options.source },
          });
          const out = createWriteStream(options.out);
          const bar = progressBar("Exporting", null);
          let bytes = 0;
          try {
            for await (const chunk of exported.body) {
              bytes += chunk.length;
              // Respect backpressure: memory stays flat however large the export.
              if (!out.write(chunk))
                await new Promise<void>((resolve) => out.once("drain", () => resolve()));
              bar.update(bytes);
            }
            out.end();
            await finished(out);
          } catch (error) {
            out.destroy();
            await rm(options.out, { force: true });
            throw error;
          } finally {
            bar.stop();
          }
          return { bytes, exportId: exported.exportId };
        });
        process.stdout.write(
          `Wrote ${summary.bytes} bytes to ${options.out} (export ${summary.exportId}).\n`,
        );
      },
    );
}
