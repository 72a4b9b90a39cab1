import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignMembers, campaigns, users } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { createUser } from "@/server/services/users/create-user";
import { addMemberInput, type AddMemberInput } from "./campaign-inputs";
import { writeTransaction } from "@/server/services/with-retry";

export interface AddedMember {
  userId: string;
  email: string;
  /** True when this call created the annotator's account. */
  createdAccount: boolean;
  alreadyMember: boolean;
}

/**
 * Adds a user to a campaign as an annotator. An unknown email needs a password, which creates
 * the annotator account (invitation links for people without one come with the members work).
 */
export async function addMember(
  db: Db,
  params: { input: AddMemberInput; actorId: string | null },
): Promise<AddedMember> {
  const input = addMemberInput.parse(params.input);
  return writeTransaction(db, async (tx) => {
    const [campaign] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(eq(campaigns.id, input.campaignId));
    if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");

    let [user] = await tx.select().from(users).where(eq(users.email, input.email));
    let createdAccount = false;
    if (!user) {
      if (!input.password) {
        throw new AppError(
          "NOT_FOUND",
          `No account uses ${input.email}. Give a password to create the annotator's account.`,
        );
      }
      user = (
        await createUser(tx, { email: input.email, role: "annotator", password: input.password })
      ).user;
      createdAccount = true;
    }
    if (user.disabled) throw new AppError("CONFLICT", `The account ${input.email} is disabled`);

    const inserted = await tx
      .insert(campaignMembers)
      .values({ campaignId: campaign.id, userId: user.id })
      .onConflictDoNothing()
      .returning({ id: campaignMembers.id });
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "campaign.member.add",
      campaignId: campaign.id,
      subjectType: "user",
      subjectId: user.id,
    });
    return {
      userId: user.id,
      email: user.email,
      createdAccount,
      alreadyMember: inserted.length === 0,
    };
  });
}
