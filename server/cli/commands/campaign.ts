import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { AppError } from "@/server/errors";
import { campaignJson } from "@/server/http/v1/present";
import { createCampaignBody } from "@/server/http/v1/schemas";
import { createCampaign } from "@/server/services/campaigns/create-campaign";
import { withDatabase } from "../with-database";

export function registerCampaign(program: Command): void {
  const campaign = program.command("campaign").description("Manage campaigns");
  campaign
    .command("create")
    .description(
      "Create a campaign from a JSON file (the body of POST /api/v1/campaigns); prints it as JSON",
    )
    .requiredOption("--file <path>", 'settings, e.g. {"name": "Helpfulness", "overlap": 3}')
    .action(async (options: { file: string }) => {
      const input = createCampaignBody.parse(
        parseJson(await readFile(options.file, "utf8"), options.file),
      );
      const created = await withDatabase(({ db }) => createCampaign(db, { input, actorId: null }));
      process.stdout.write(`${JSON.stringify(campaignJson(created), null, 2)}\n`);
    });
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError(
      "BAD_REQUEST",
      `${file} is not valid JSON: ${error instanceof Error ? error.message : ""}`,
    );
  }
}
