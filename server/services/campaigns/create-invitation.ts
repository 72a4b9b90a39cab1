import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, invitations, type Invitation } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { createInvitationInput, type CreateInvitationInput } from "./invitation-inputs";
import { hashInvitationToken, newInvitationToken } from "./invitation-token";
import { writeTransaction } from "@/server/services/with-retry";

export interface CreatedInvitation {
  invitation: Invitation;
  /** The secret part of the link; returned this once and never stored. */
  token: string;
}

/** A single-use link that lets one person join the campaign as an annotator. */
export async function createInvitation(
  db: Db,
  params: { input: CreateInvitationInput; actorId: string | null },
): Promise<CreatedInvitation> {
  const input = createInvitationInput.parse(params.input);
  return writeTransaction(db, async (tx) => {
    const [campaign] = await tx
      .select({ id: campaigns.id, status: campaigns.status })
      .from(campaigns)
      .where(eq(campaigns.id, input.campaignId));
    if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
    if (campaign.status === "archived") {
      throw new AppError("CONFLICT", "An archived campaign takes no new members");
    }
    const token = newInvitationToken();
    const [invitation] = await tx
      .insert(invitations)
      .values({
        campaignId: campaign.id,
        tokenHash: hashInvitationToken(token),
        email: input.email ?? null,
        expiresAt: sql`now() + make_interval(hours => ${input.expires_in_hours})`,
        createdBy: params.actorId,
      })
      .returning();
    if (!invitation) throw new Error("insert returned no row");
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "campaign.invitation.create",
      campaignId: campaign.id,
      subjectType: "invitation",
      subjectId: invitation.id,
      details: { email: invitation.email, expiresAt: invitation.expiresAt.toISOString() },
    });
    return { invitation, token };
  });
}
