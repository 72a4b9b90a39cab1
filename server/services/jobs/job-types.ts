import type { GenerationParams } from "@/server/services/models/generation-params";

export const JOB_KINDS = ["generate", "judge"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job or task that will not change any more. */
export const FINISHED_STATUSES = ["done", "failed", "cancelled"] as const satisfies readonly JobStatus[];

/** What a generation job was asked to do, as stored on the job. */
export interface GenerateJobParams {
  endpoints: string[];
  samples_per_endpoint: number;
  params?: GenerationParams;
  /** Seeds are derived from it, so a re-run of the same job asks for the same samples. */
  seed: number;
}

/** One task that failed for good, as the job reports it. */
export interface JobError {
  task_id: string;
  item_id: string;
  endpoint_id: string;
  attempts: number;
  message: string;
  at: string;
}
