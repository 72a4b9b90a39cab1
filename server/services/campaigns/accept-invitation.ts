import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignMembers, campaigns, invitations, users } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { createUser } from "@/server/services/users/create-user";
import type { SessionUser } from "@/server/services/users/session-user";
import { signUpWithInvitationInput, type SignUpWithInvitationInput } from "./invitation-inputs";
import { hashInvitationToken, isWellFormedToken } from "./invitation-token";
import { writeTransaction } from "@/server/services/with-retry";

export interface AcceptedInvitation {
  campaignId: string;
  userId: string;
  createdAccount: boolean;
  /** True when the user already belonged to the campaign; the link then stays unused. */
  alreadyMember: boolean;
}

const INVALID = "This invitation link is not valid. Ask the campaign admin for a new one.";

/**
 * Joins a campaign through an invitation link, either as the signed-in `user` or by creating an
 * annotator account from `signUp`. The invitation row is locked for the whole transaction, so
 * two requests racing on one link (double clicks, a shared link) cannot both use it.
 */
export async function acceptInvitation(
  db: Db,
  params:
    | { token: string; user: SessionUser; signUp?: undefined }
    | { token?: undefined; user?: undefined; signUp: SignUpWithInvitationInput },
): Promise<AcceptedInvitation> {
  const signUp = params.signUp ? signUpWithInvitationInput.parse(params.signUp) : undefined;
  const token = signUp?.token ?? params.token ?? "";
  if (!isWellFormedToken(token)) throw new AppError("NOT_FOUND", INVALID);

  return writeTransaction(db, async (tx) => {
    const [invitation] = await tx
      .select({
        id: invitations.id,
        campaignId: invitations.campaignId,
        email: invitations.email,
        usedAt: invitations.usedAt,
        expired: sql<boolean>`${invitations.expiresAt} <= now()`,
      })
      .from(invitations)
      .where(eq(invitations.tokenHash, hashInvitationToken(token)))
      .for("update");
    if (!invitation) throw new AppError("NOT_FOUND", INVALID);
    if (invitation.usedAt) {
      throw new AppError(
        "CONFLICT",
        "This invitation link has already been used. Ask the campaign admin for a new one.",
      );
    }
    if (invitation.expired) {
      throw new AppError(
        "CONFLICT",
        "This invitation link has expired. Ask the campaign admin for a new one.",
      );
    }
    const [campaign] = await tx
      .select({ status: campaigns.status })
      .from(campaigns)
      .where(eq(campaigns.id, invitation.campaignId));
    if (!campaign || campaign.status === "archived") {
      throw new AppError("CONFLICT", "This campaign has been closed.");
    }

    const email = signUp?.email ?? params.user?.email ?? "";
    if (invitation.email && invitation.email !== email) {
      throw new AppError("FORBIDDEN", `This invitation is for ${invitation.email}.`);
    }

    let userId: string;
    let createdAccount = false;
    if (signUp) {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, signUp.email));
      if (existing) {
        throw new AppError(
          "CONFLICT",
          "An account with this email already exists: sign in with it to join.",
        );
      }
      const { user } = await createUser(tx, {
        email: signUp.email,
        name: signUp.name || undefined,
        role: "annotator",
        password: signUp.password,
      });
      userId = user.id;
      createdAccount = true;
    } else if (params.user) {
      userId = params.user.id;
    } else {
      throw new AppError("UNAUTHORIZED", "Sign in or create an account to join");
    }

    const joined = await tx
      .insert(campaignMembers)
      .values({ campaignId: invitation.campaignId, userId })
      .onConflictDoNothing()
      .returning({ id: campaignMembers.id });
    const alreadyMember = joined.length === 0;
    if (!alreadyMember) {
      await tx
        .update(invitations)
        .set({ usedAt: sql`now()`, usedBy: userId })
        .where(eq(invitations.id, invitation.id));
      await recordAuditEvent(tx, {
        actorId: userId,
        action: "campaign.invitation.accept",
        campaignId: invitation.campaignId,
        subjectType: "invitation",
        subjectId: invitation.id,
        details: { createdAccount },
      });
    }
    return { campaignId: invitation.campaignId, userId, createdAccount, alreadyMember };
  });
}
