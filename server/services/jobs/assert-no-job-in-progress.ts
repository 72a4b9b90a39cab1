import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { AppError } from "@/server/errors";

const NOUN = { generate: "generation", judge: "judge" } as const;

/** One job of a kind at a time per campaign; call it with the campaign row locked. */
export async function assertNoJobInProgress(
  tx: Db,
  params: { campaignId: string; kind: keyof typeof NOUN },
): Promise<void> {
  const [running] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.campaignId, params.campaignId),
        eq(jobs.kind, params.kind),
        inArray(jobs.status, ["queued", "running"]),
      ),
    )
    .limit(1);
  if (running) {
    throw new AppError(
      "CONFLICT",
      `This campaign already has a ${NOUN[params.kind]} job in progress`,
    );
  }
}
