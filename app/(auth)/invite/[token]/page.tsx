import Link from "next/link";
import { getDb } from "@/db/client";
import { describeInvitation } from "@/server/services/campaigns/describe-invitation";
import { getCurrentUser } from "@/app/_lib/current-user";
import { InviteForms } from "./invite-forms";

export const metadata = { title: "Invitation · Arbiter" };

const CLOSED_MESSAGES = {
  unknown:
    "This invitation link is not valid. Check that you copied all of it, or ask the campaign admin for a new one.",
  used: "This invitation link has already been used. Each link works once: ask the campaign admin for a new one, or sign in if it was you.",
  expired: "This invitation link has expired. Ask the campaign admin for a new one.",
  closed: "This campaign has been closed and takes no new annotators.",
} as const;

/** Public: the person following the link may not have an account yet. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([
    describeInvitation(await getDb(), { token }),
    getCurrentUser(),
  ]);

  if (invitation.state !== "open") {
    return (
      <main className="mx-auto mt-24 max-w-md px-4">
        <h1 className="mb-3 text-2xl font-semibold">Invitation unavailable</h1>
        <p role="alert" className="card text-sm">
          {CLOSED_MESSAGES[invitation.state]}
        </p>
        <p className="mt-4 text-sm">
          <Link href="/sign-in" className="text-indigo-700 underline">
            Go to sign in
          </Link>
        </p>
      </main>
    );
  }
  return (
    <main className="mx-auto mt-16 max-w-md px-4">
      <h1 className="mb-1 text-2xl font-semibold">Join “{invitation.campaignName}”</h1>
      <p className="mb-6 text-sm text-slate-600">
        You have been invited to judge model responses as an annotator on Arbiter.
        {invitation.email && ` This link is for ${invitation.email}.`}
      </p>
      <InviteForms
        token={token}
        campaignId={invitation.campaignId}
        invitedEmail={invitation.email}
        signedInAs={user?.email ?? null}
      />
    </main>
  );
}
