import type { Campaign } from "@/db/schema";

/**
 * A campaign as any interface may show it. The pseudonym salt never leaves the server (with it,
 * export pseudonyms could be linked to user ids), and annotators do not see the gold and probe
 * rates (knowing them helps tell checks from real work).
 */
export type CampaignView = Omit<Campaign, "pseudonymSalt" | "goldRate" | "probeRate"> &
  Partial<Pick<Campaign, "goldRate" | "probeRate">>;

export function toCampaignView(campaign: Campaign, viewer: { role: "admin" | "annotator" }): CampaignView {
  const { pseudonymSalt: _salt, goldRate, probeRate, ...shown } = campaign;
  return viewer.role === "admin" ? { ...shown, goldRate, probeRate } : shown;
}
