import type { Command } from "commander";
import { resolveCampaignRef } from "@/server/services/campaigns/resolve-campaign-ref";
import { startJudgeJob } from "@/server/services/judges/start-judge-job";
import { checkSecretKey } from "@/server/services/models/check-secret-key";
import { resolveEndpointRef } from "@/server/services/models/resolve-endpoint-ref";
import { followJob, reportJob } from "../follow-job";
import { withDatabase } from "../with-database";

export function registerJudge(program: Command): void {
  program
    .command("judge")
    .description("Run an LLM judge over a campaign's items (both display orders) and follow the job")
    .argument("<campaign>", "campaign id or slug")
    .requiredOption("--endpoint <id-or-name>", "the model endpoint that judges")
    .option("--prompt <text>", "the judge's instructions (the campaign's guidelines are always added)")
    .option("--detach", "queue the job, print its id and return at once")
    .option("--no-work", "only watch: leave the work to the app's or `arbiter worker`'s workers")
    .option("--poll-ms <ms>", "how often to refresh the progress", "500")
    .action(async (ref: string, options: { endpoint: string; prompt?: string; detach?: boolean; work: boolean; pollMs: string }) => {
      const job = await withDatabase(async ({ db }) => {
        await checkSecretKey(db);
        const campaign = await resolveCampaignRef(db, { ref });
        const endpoint = await resolveEndpointRef(db, { ref: options.endpoint });
        const started = await startJudgeJob(db, {
          campaignId: campaign.id,
          input: { endpoint: endpoint.id, ...(options.prompt ? { prompt: options.prompt } : {}) },
          actorId: null,
        });
        process.stdout.write(`${started.id}\n`);
        if (options.detach) return null;
        return followJob(db, started.id, { work: options.work, pollMs: Number(options.pollMs), label: "Judging", unit: "verdicts" });
      });
      if (job) reportJob(job, "verdicts");
    });
}
