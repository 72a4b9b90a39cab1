import type { Campaign } from "@/db/schema";

/**
 * A campaign as any interface may show it. The pseudonym salt never leaves the server (with it,
 * export pseudonyms could be linked to user ids); annotators see neither the gold and probe
 * rates nor the gold feedback setting (knowing them helps tell checks from real work), nor who
 * is excluded, nor the identity-leak list (the phrases an answer could be held for).
 */
type AdminOnly = "goldRate" | "probeRate" | "goldFeedback" | "excludedAnnotators" | "identityLeak" | "identityLeakWords";
export type CampaignView = Omit<Campaign, "pseudonymSalt" | AdminOnly> & Partial<Pick<Campaign, AdminOnly>>;

export function toCampaignView(campaign: Campaign, viewer: { role: "admin" | "annotator" }): CampaignView {
  const { pseudonymSalt: _salt, goldRate, probeRate, goldFeedback, excludedAnnotators, identityLeak, identityLeakWords, ...shown } =
    campaign;
  return viewer.role === "admin"
    ? { ...shown, goldRate, probeRate, goldFeedback, excludedAnnotators, identityLeak, identityLeakWords }
    : shown;
}
