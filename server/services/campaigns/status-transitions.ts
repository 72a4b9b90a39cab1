import type { CampaignStatus } from "@/db/schema";
import { AppError } from "@/server/errors";

/** draft → active ⇄ paused → archived; archiving is allowed from any state and is final. */
const ALLOWED: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ["active", "archived"],
  active: ["paused", "archived"],
  paused: ["active", "archived"],
  archived: [],
};

/** The one place the lifecycle rule lives; setCampaignStatus and updateCampaign both use it. */
export function assertStatusTransition(from: CampaignStatus, to: CampaignStatus): void {
  if (from === to) return;
  if (!ALLOWED[from].includes(to)) {
    throw new AppError("CONFLICT", `A ${from} campaign cannot become ${to}`);
  }
}
