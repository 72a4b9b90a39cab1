import type { Campaign } from "@/db/schema";

/**
 * A campaign as any interface may show it. The pseudonym salt never leaves the server (with it,
 * export pseudonyms could be linked to user ids); annotators see neither the gold and probe
 * rates nor the gold feedback setting (knowing them helps tell checks from real work), nor who
 * is excluded.
 */
export type CampaignView = Omit<Campaign, "pseudonymSalt" | "goldRate" | "probeRate" | "goldFeedback" | "excludedAnnotators"> &
  Partial<Pick<Campaign, "goldRate" | "probeRate" | "goldFeedback" | "excludedAnnotators">>;

export function toCampaignView(campaign: Campaign, viewer: { role: "admin" | "annotator" }): CampaignView {
  const { pseudonymSalt: _salt, goldRate, probeRate, goldFeedback, excludedAnnotators, ...shown } = campaign;
  return viewer.role === "admin" ? { ...shown, goldRate, probeRate, goldFeedback, excludedAnnotators } : shown;
}
