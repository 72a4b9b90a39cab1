import type { Command } from "commander";
import { statsJson } from "@/server/http/v1/present";
import { agreementJson, annotatorsJson, leaderboardJson } from "@/server/http/v1/quality-present";
import { qualityQuery } from "@/server/http/v1/quality-schemas";
import { getCampaignStats } from "@/server/services/campaigns/get-campaign-stats";
import { resolveCampaignRef } from "@/server/services/campaigns/resolve-campaign-ref";
import { getAgreement } from "@/server/services/quality/get-agreement";
import { getLeaderboard } from "@/server/services/quality/get-leaderboard";
import { listAnnotatorQuality } from "@/server/services/quality/list-annotator-quality";
import { withDatabase } from "../with-database";

interface StatsOptions {
  agreement?: boolean;
  annotators?: boolean;
  leaderboard?: boolean;
  rounds?: string;
  seed?: string;
}

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description(
      "Print a campaign's numbers as JSON: progress by default (GET /api/v1/campaigns/{id}/stats), or the quality reports",
    )
    .argument("<campaign>", "campaign id or slug")
    .option("--agreement", "agreement per question and disputed items (…/agreement)")
    .option("--annotators", "per-annotator quality and flags (…/annotators)")
    .option("--leaderboard", "model leaderboard (…/leaderboard)")
    .option("--rounds <n>", "bootstrap rounds for --agreement / --leaderboard")
    .option("--seed <n>", "bootstrap seed for --agreement / --leaderboard")
    .action(async (ref: string, options: StatsOptions) => {
      const chosen = [options.agreement, options.annotators, options.leaderboard].filter(Boolean);
      if (chosen.length > 1)
        throw new Error("Choose one of --agreement, --annotators, --leaderboard");
      const query = qualityQuery.parse({ rounds: options.rounds, seed: options.seed });
      const json = await withDatabase(async ({ db }) => {
        const { id: campaignId } = await resolveCampaignRef(db, { ref });
        if (options.agreement)
          return agreementJson(await getAgreement(db, { campaignId, ...query }));
        if (options.annotators)
          return annotatorsJson(await listAnnotatorQuality(db, { campaignId }));
        if (options.leaderboard)
          return leaderboardJson(await getLeaderboard(db, { campaignId, ...query }));
        return statsJson(await getCampaignStats(db, { campaignId }));
      });
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    });
}
