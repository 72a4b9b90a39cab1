import type { Command } from "commander";
import type { Db } from "@/db/client";
import { resolveCampaignRef } from "@/server/services/campaigns/resolve-campaign-ref";
import { getJob } from "@/server/services/jobs/get-job";
import type { JobView } from "@/server/services/jobs/job-view";
import { runWorker } from "@/server/services/jobs/run-worker";
import { startGenerationJob } from "@/server/services/jobs/start-generation-job";
import { checkSecretKey } from "@/server/services/models/check-secret-key";
import type { GenerationParams } from "@/server/services/models/generation-params";
import { resolveEndpointRef } from "@/server/services/models/resolve-endpoint-ref";
import { progressBar } from "../progress";
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
        return options.detach ? null : follow(db, started.id, options);
      });
      if (!job) return;
      process.stderr.write(`Job ${job.status}: ${job.progress.done}/${job.progress.total} responses, ${job.progress.failed} failed.\n`);
      for (const e of job.errors.slice(0, 10)) process.stderr.write(`  item ${e.item_id}: ${e.message}\n`);
      if (job.status !== "done") process.exitCode = 1;
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

/** Shows the job's progress until it ends, working on it meanwhile unless told not to. */
async function follow(db: Db, jobId: string, options: GenerateOptions): Promise<JobView> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  const worker = options.work ? runWorker(db, { signal: stop.signal, pollMs: Number(options.pollMs) }) : Promise.resolve();
  let job = await getJob(db, { jobId });
  const bar = progressBar("Generating", job.progress.total, "responses");
  try {
    while ((job.status === "queued" || job.status === "running") && !stop.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, Number(options.pollMs)));
      job = await getJob(db, { jobId });
      bar.update(job.progress.done + job.progress.failed);
    }
  } finally {
    bar.stop();
    stop.abort();
    process.off("SIGINT", onSignal);
    await worker;
  }
  return job;
}
