import { and, asc, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, responses } from "@/db/schema";
import {
  compileLeakMatcher,
  leakCheckedText,
  leakExcerpt,
  type IdentityLeakMode,
  type LeakStatus,
} from "@/server/domain/identity-leak";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";
import { countIdentityLeaks, type IdentityLeakCounts } from "./count-identity-leaks";
import { listIdentityLeaksInput, type ListIdentityLeaksInput } from "./leak-inputs";

/** Excerpts shown per flagged response: enough to judge, short enough to scan. */
const EXCERPTS_PER_RESPONSE = 3;

export interface FlaggedResponse {
  responseId: string;
  externalId: string;
  model: string | null;
  phrases: string[];
  excerpts: { before: string; match: string; after: string }[];
}

export interface FlaggedItem {
  itemId: string;
  externalId: string;
  status: LeakStatus;
  responses: FlaggedResponse[];
}

export interface IdentityLeakReview {
  mode: IdentityLeakMode;
  words: string[];
  counts: IdentityLeakCounts;
  items: FlaggedItem[];
  /** Pass as `after` for the next page; null on the last one. */
  next: number | null;
}

/**
 * The admin's review list of items the identity-leak guard flagged (DESIGN §15): for each, the
 * responses that matched, which phrases, and the text around each match, in import order.
 * Admins only: it names models, which annotators must never see.
 */
export async function listIdentityLeaks(
  db: Db,
  params: { campaignId: string; input?: ListIdentityLeaksInput },
): Promise<IdentityLeakReview> {
  assertUuid(params.campaignId, "campaign");
  const input = listIdentityLeaksInput.parse(params.input ?? {});
  const [campaign] = await db
    .select({ id: campaigns.id, mode: campaigns.identityLeak, words: campaigns.identityLeakWords })
    .from(campaigns)
    .where(eq(campaigns.id, params.campaignId));
  if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");

  const page = await db
    .select({ id: items.id, seq: items.seq, externalId: items.externalId, status: items.leakStatus })
    .from(items)
    .where(
      and(
        eq(items.campaignId, campaign.id),
        // Literal, so the planner matches items_campaign_id_flagged_idx.
        sql`${items.leakStatus} <> 'clean'`,
        input.status === "flagged" ? undefined : eq(items.leakStatus, input.status),
        input.after === undefined ? undefined : gt(items.seq, input.after),
      ),
    )
    .orderBy(asc(items.seq))
    .limit(input.limit + 1);
  const shown = page.slice(0, input.limit);
  const rows = shown.length
    ? await db
        .select({
          id: responses.id,
          itemId: responses.itemId,
          externalId: responses.externalId,
          model: responses.model,
          contentKind: responses.contentKind,
          content: responses.content,
          reasoning: responses.reasoning,
          phrases: responses.leakMatches,
        })
        .from(responses)
        .where(and(inArray(responses.itemId, shown.map((i) => i.id)), isNotNull(responses.leakMatches)))
        .orderBy(asc(responses.position))
    : [];
  const matcher = compileLeakMatcher(campaign.words);
  const byItem = new Map<string, FlaggedResponse[]>();
  for (const r of rows) {
    const text = leakCheckedText(r);
    const list = byItem.get(r.itemId) ?? [];
    list.push({
      responseId: r.id,
      externalId: r.externalId,
      model: r.model,
      phrases: r.phrases ?? [],
      excerpts: matcher
        .find(text)
        .slice(0, EXCERPTS_PER_RESPONSE)
        .map((m) => leakExcerpt(text, m)),
    });
    byItem.set(r.itemId, list);
  }
  const last = shown[shown.length - 1];
  return {
    mode: campaign.mode,
    words: campaign.words,
    counts: await countIdentityLeaks(db, { campaignId: campaign.id }),
    items: shown.map((i) => ({ itemId: i.id, externalId: i.externalId, status: i.status, responses: byItem.get(i.id) ?? [] })),
    next: page.length > input.limit && last ? Number(last.seq) : null,
  };
}
