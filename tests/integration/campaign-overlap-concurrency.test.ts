import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { claimNextTask } from "@/server/services/assignment/claim-next-task";
import { updateCampaign } from "@/server/services/campaigns/update-campaign";
import { submitJudgement } from "@/server/services/judgements/submit-judgement";
import {
  createTestDatabase,
  hasServerDatabase,
  type TestDatabase,
} from "../fixtures/test-database";
import { setupCampaign } from "./assignment-setup";

const onServer = hasServerDatabase();
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ poolMax: 12 });
});
afterAll(async () => {
  await database?.close();
});

describe.skipIf(!onServer)("changing the overlap while annotators work (PostgreSQL server)", () => {
  it("open slots stay = overlap − judgements − live leases, and no item ends above the final overlap", async () => {
    const { db } = database;
    const { campaign, annotators, admin } = await setupCampaign(db, {
      items: 30,
      annotators: 8,
      input: { overlap: 3 },
    });

    let stop = false;
    const work = annotators.map(async (user) => {
      while (!stop) {
        const claim = await claimNextTask(db, { campaignId: campaign.id, user });
        if (!claim.task) {
          if (claim.reason === "done") await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        const [first] = claim.task.responses;
        await submitJudgement(db, {
          input: {
            assignmentId: claim.task.assignmentId,
            idempotencyKey: crypto.randomUUID(),
            payload: { choice: first?.id ?? "tie" },
          },
          user,
        }).catch((error: unknown) => {
          // An item filled while the overlap dropped refuses the late judgement: that is the rule.
          if (!(error instanceof Error) || !/all the judgements|received all/i.test(error.message))
            throw error;
        });
      }
    });
    try {
      for (const overlap of [2, 4, 1, 3, 2]) {
        await new Promise((r) => setTimeout(r, 40));
        await updateCampaign(db, {
          campaignId: campaign.id,
          input: { overlap },
          actorId: admin.id,
        });
      }
      await new Promise((r) => setTimeout(r, 40));
    } finally {
      stop = true;
      await Promise.allSettled(work);
    }
    await Promise.all(work);

    const result = (await db.execute(sql`
      select i.id, i.open_slots, i.judgement_count,
        (select count(*)::int from assignments a where a.item_id = i.id and a.status = 'leased' and a.purpose = 'regular') as leases,
        (select count(*)::int from judgements j join assignments a on a.id = j.assignment_id
          where j.item_id = i.id and j.revision_of is null and a.purpose = 'regular') as judged
      from items i where i.campaign_id = ${campaign.id}
    `)) as unknown as {
      rows: { open_slots: number; judgement_count: number; leases: number; judged: number }[];
    };
    expect(result.rows).toHaveLength(30);
    for (const row of result.rows) {
      expect(row.judgement_count).toBe(row.judged);
      expect(row.open_slots).toBe(Math.max(0, 2 - row.judgement_count - row.leases));
    }
  });
});
