import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { fromString } from "@/server/formats/byte-streams";
import { addMember } from "@/server/services/campaigns/add-member";
import { createCampaign } from "@/server/services/campaigns/create-campaign";
import { importItems } from "@/server/services/imports/import-items";
import { createUser } from "@/server/services/users/create-user";
import { DEMO_ITEMS } from "./demo-items";

export interface FirstRunResult {
  /** False when the database already had users: nothing was changed. */
  seeded: boolean;
  adminEmail?: string;
  /** Present only when the password was generated now; it is never stored in clear. */
  generatedPassword?: string;
  demoCampaignId?: string;
}

/**
 * On an empty database: an admin account (from the given credentials, or with a generated
 * password) and a small active demo campaign. On any later start it does nothing, so restarts
 * keep every change the users made.
 */
export async function seedFirstRun(
  db: Db,
  params: { adminEmail: string; adminPassword?: string },
): Promise<FirstRunResult> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((existing?.n ?? 0) > 0) return { seeded: false };

  const { user: admin, generatedPassword } = await createUser(db, {
    email: params.adminEmail,
    role: "admin",
    name: "Admin",
    password: params.adminPassword,
  });
  const campaign = await createCampaign(db, {
    input: {
      name: "Demo: which answer is better?",
      description: "A few pairwise comparisons to try the annotate screen.",
      overlap: 2,
      status: "active",
      guidelines:
        "Prefer the response that is **correct**, helpful and safe. Choose *tie* when they are equally good, *both bad* when neither is acceptable.",
    },
    actorId: admin.id,
  });
  await importItems(db, {
    campaignId: campaign.id,
    format: "native",
    body: fromString(DEMO_ITEMS.map((item) => JSON.stringify(item)).join("\n")),
    maxBytes: 1024 * 1024,
    actorId: admin.id,
  });
  await addMember(db, { input: { campaignId: campaign.id, email: admin.email }, actorId: admin.id });
  return { seeded: true, adminEmail: admin.email, generatedPassword, demoCampaignId: campaign.id };
}
