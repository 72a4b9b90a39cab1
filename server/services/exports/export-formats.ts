import type { Db } from "@/db/client";
import { toTrlExplicitRow } from "@/server/formats/trl";
import { iterateLiveJudgements } from "./iterate-live-judgements";
import { pairsFromJudgements } from "./preference-pairs";

export const EXPORT_FORMATS = ["trl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Each export format as a stream of rows (plain objects) read from the campaign. */
export const EXPORT_ROW_SOURCES: Record<
  ExportFormat,
  (db: Db, params: { campaignId: string }) => AsyncIterable<object>
> = {
  trl: async function* (db, { campaignId }) {
    for await (const pair of pairsFromJudgements(iterateLiveJudgements(db, { campaignId }))) {
      yield toTrlExplicitRow(pair);
    }
  },
};
