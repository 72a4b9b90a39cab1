import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { fromString } from "@/server/formats/byte-streams";
import { addMember } from "@/server/services/campaigns/add-member";
import { createCampaign } from "@/server/services/campaigns/create-campaign";
import { importItems } from "@/server/services/imports/import-items";
import { createUser } from "@/server/services/users/create-user";
import { demoCampaigns } from "./demo-campaigns";

export interface FirstRunResult {
  /** False when the database already had users: nothing was changed. */
  seeded: boolean;
  adminEmail?: string;
  /** Present only when the password was generated now; it is never stored in clear. */
  generatedPassword?: string;
  /** The pairwise, ranking and rating demo campaigns. */
  demoCampaignIds?: string[];
}

/**
 * On an empty database: an admin account (from the given credentials, or with a generated
 * password) and three small active demo campaigns: pairwise, ranking and rating. On any later start it does nothing, so restarts
 * keep every change the users made.
 */
export async function seedFirstRun(
  db: Db,
  params: {
    adminEmail: string;
    adminPassword?: string;
    /** The app's own address: the demo's image responses are served from it (public/demo). */
    baseUrl: string;
  },
): Promise<FirstRunResult> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((existing?.n ?? 0) > 0) return { seeded: false };

  const { user: admin, generatedPassword } = await createUser(db, {
    email: params.adminEmail,
    role: "admin",
    name: "Admin",
    password: params.adminPassword,
  });
  const campaignIds: string[] = [];
  for (const demo of demoCampaigns(params.baseUrl)) {
    const campaign = await createCampaign(db, { input: demo.input, actorId: admin.id });
    await importItems(db, {
      campaignId: campaign.id,
      format: "native",
      body: fromString(demo.items.map((item) => JSON.stringify(item)).join("\n")),
      maxBytes: 1024 * 1024,
      actorId: admin.id,
    });
    await addMember(db, { input: { campaignId: campaign.id, email: admin.email }, actorId: admin.id });
    campaignIds.push(campaign.id);
  }
  return { seeded: true, adminEmail: admin.email, generatedPassword, demoCampaignIds: campaignIds };
}
