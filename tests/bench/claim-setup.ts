import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { hashApiToken } from "@/server/services/users/api-token-inputs";
import { createApiToken } from "@/server/services/users/create-api-token";
import type { SessionUser } from "@/server/services/users/session-user";
import { addAnnotator, createCampaign, createUser } from "../fixtures/factories";
import { bulkInsertItems } from "./bulk-items";

export interface Annotator {
  user: SessionUser;
  /** A REST token of their own, as a labelling pipeline would hold. */
  token: string;
}

export interface ClaimSetup {
  annotators: Annotator[];
  /** The campaign the product is measured on. */
  ours: string;
  /** An identical campaign for pgbench, so neither side works through the other's leftovers. */
  theirs: string;
}

/**
 * Annotators with tokens, members of two identical active campaigns (overlap 3, no gold,
 * probes or daily cap), and the bench_annotators table pgbench maps its client number through
 * to an annotator and their token hash.
 */
export async function setUpClaimBench(db: Db, params: { annotators: number; items: number }): Promise<ClaimSetup> {
  const admin = await createUser(db, { role: "admin" });
  const annotators: Annotator[] = [];
  for (let i = 0; i < params.annotators; i++) {
    const user = await createUser(db, { role: "annotator" });
    const { token } = await createApiToken(db, { userId: user.id, input: { name: "bench" } });
    annotators.push({ user, token });
  }
  const campaignFor = async () => {
    const campaign = await createCampaign(db, { admin, input: { overlap: 3, status: "active" } });
    for (const a of annotators) await addAnnotator(db, { campaignId: campaign.id, annotator: a.user });
    await bulkInsertItems(db, campaign.id, params.items);
    return campaign.id;
  };
  const ours = await campaignFor();
  const theirs = await campaignFor();
  await db.execute(sql`create table bench_annotators (n int primary key, id uuid not null, token_hash text not null)`);
  for (const [n, a] of annotators.entries()) {
    await db.execute(sql`insert into bench_annotators values (${n}, ${a.user.id}, ${hashApiToken(a.token)})`);
  }
  await db.execute(sql`analyze`);
  return { annotators, ours, theirs };
}
