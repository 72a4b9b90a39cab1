import type { Command } from "commander";
import { resolveCampaignRef } from "@/server/services/campaigns/resolve-campaign-ref";
import { startGenerationJob } from "@/server/services/jobs/start-generation-job";
import { checkSecretKey } from "@/server/services/models/check-secret-key";
import type { GenerationParams } from "@/server/services/models/generation-params";
import { resolveEndpointRef } from "@/server/services/models/resolve-endpoint-ref";
import { followJob, reportJob } from "../follow-job";
import { withDatabase } from "../with-database";

interface GenerateOptions {
  endpoint: string[];
  samples: string;
  temperature?: string;
  topP?: string;
  maxTokens?: string;
  detach?: boolean;
  work: boolean;
  pollMs: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerGenerate(program: Command): void {
  program
    .command("generate")
    .description("Generate responses for a campaign's waiting prompts and follow the job to its end")
    .argument("<campaign>", "campaign id or slug")
    .requiredOption("--endpoint <id-or-name>", "a model endpoint (repeat for K endpoints)", collect, [])
    .option("--samples <k>", "samples per endpoint", "1")
    .option("--temperature <t>", "override the endpoints' temperature")
    .option("--top-p <p>", "override the endpoints' top_p")
    .option("--max-tokens <n>", "override the endpoints' max tokens")
    .option("--detach", "queue the job, print its id and return at once")
    .option("--no-work", "only watch: leave the work to the app's or `arbiter worker`'s workers")
    .option("--poll-ms <ms>", "how often to refresh the progress", "500")
    .action(async (ref: string, options: GenerateOptions) => {
      const job = await withDatabase(async ({ db }) => {
        await checkSecretKey(db);
        const campaign = await resolveCampaignRef(db, { ref });
        const endpoints = [];
        for (const e of options.endpoint) endpoints.push((await resolveEndpointRef(db, { ref: e })).id);
        const started = await startGenerationJob(db, {
          campaignId: campaign.id,
          input: { endpoints, samples_per_endpoint: Number(options.samples), params: overrides(options) },
          actorId: null,
        });
        process.stdout.write(`${started.id}\n`);
        return options.detach ? null : followJob(db, started.id, { work: options.work, pollMs: Number(options.pollMs), label: "Generating", unit: "responses" });
      });
      if (job) reportJob(job, "responses");
    });
}

function overrides(options: GenerateOptions): GenerationParams | undefined {
  const params: GenerationParams = {
    ...(options.temperature !== undefined ? { temperature: Number(options.temperature) } : {}),
    ...(options.topP !== undefined ? { top_p: Number(options.topP) } : {}),
    ...(options.maxTokens !== undefined ? { max_tokens: Number(options.maxTokens) } : {}),
  };
  return Object.keys(params).length > 0 ? params : undefined;
}
