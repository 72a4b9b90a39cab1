import type { Command } from "commander";
import { statsJson } from "@/server/http/v1/present";
import { getCampaignStats } from "@/server/services/campaigns/get-campaign-stats";
import { resolveCampaignRef } from "@/server/services/campaigns/resolve-campaign-ref";
import { withDatabase } from "../with-database";

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description(
      "Print a campaign's progress as JSON (the same as GET /api/v1/campaigns/{id}/stats)",
    )
    .argument("<campaign>", "campaign id or slug")
    .action(async (ref: string) => {
      const stats = await withDatabase(async ({ db }) => {
        const campaign = await resolveCampaignRef(db, { ref });
        return getCampaignStats(db, { campaignId: campaign.id });
      });
      process.stdout.write(`${JSON.stringify(statsJson(stats), null, 2)}\n`);
    });
}
