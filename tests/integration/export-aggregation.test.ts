import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import {
  exportJsonl,
  judgeAll,
  nativeLines,
  setupExportCampaign,
  type TaskView,
} from "./export-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

type Vote = "a" | "b" | "tie" | "both_bad" | null;

/** Each annotator's vote per item (by item number), cast through the real claim/submit loop. */
async function castVotes(db: TestDatabase["db"], itemCount: number, votes: Record<string, Vote[]>) {
  const annotatorCount = Object.values(votes)[0]?.length ?? 0;
  const setup = await setupExportCampaign(db, {
    text: nativeLines(
      Array.from({ length: itemCount }, (_, i) => `Prompt ${i + 1}`),
      ["a", "b"],
    ),
    annotators: annotatorCount,
    input: { overlap: annotatorCount },
  });
  for (const [index, annotator] of setup.annotators.entries()) {
    await judgeAll(db, {
      campaignId: setup.campaign.id,
      annotator,
      decide: (view: TaskView) => {
        const vote = votes[view.itemExternalId]?.[index] ?? null;
        if (vote === null) return null;
        return { choice: vote === "a" || vote === "b" ? view.ids[vote] : vote };
      },
    });
  }
  return setup;
}

describe("aggregated exports on crafted judgements", () => {
  it("majority: a clear winner is kept, a split vote decides nothing, a tie shows only when kept", async () => {
    const { db } = database;
    const { admin, campaign } = await castVotes(db, 3, {
      "item-1": ["a", "a", "a", "b"],
      "item-2": ["a", "a", "b", "b"],
      "item-3": ["tie", "tie", "tie", "a"],
    });
    const run = (options: Record<string, unknown>) =>
      exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options });

    const majority = await run({ format: "trl", aggregation: "majority" });
    expect(majority).toEqual([
      { prompt: "Prompt 1", chosen: " answer a0 to 1", rejected: " answer b1 to 1" },
    ]);
    const withTies = await run({ format: "hh-rlhf", aggregation: "majority", ties: "keep" });
    expect(withTies.map((row) => row.tie)).toEqual([false, true]);
    expect(await run({ format: "trl" })).toHaveLength(4 + 4 + 1);
    // item-2 agrees only 50%: left out; item-1 and item-3 agree 75%.
    expect(await run({ format: "trl", min_agreement: 0.75 })).toHaveLength(4 + 1);
    expect(await run({ format: "trl", min_agreement: 0.8 })).toHaveLength(0);
  });

  it("Dawid–Skene reproduces crowd-kit's fixture, deciding the item majority leaves tied", async () => {
    const { db } = database;
    // yes = the first response, no = the second; w3 did not answer t1 (reference/stats-vectors.md).
    const { admin, campaign } = await castVotes(db, 5, {
      "item-1": ["b", "a", null, "a", "b"],
      "item-2": ["a", "a", "a", "b", "b"],
      "item-3": ["a", "b", "b", "a", "b"],
      "item-4": ["a", "a", "a", "a", "a"],
      "item-5": ["a", "b", "b", "b", "b"],
    });
    const run = (aggregation: string) =>
      exportJsonl(db, {
        campaignId: campaign.id,
        actorId: admin.id,
        options: { format: "trl", aggregation },
      });
    const winners = (rows: Record<string, unknown>[]) =>
      rows.map((row) => String(row.chosen).trim().split(" ")[1]?.slice(0, 1));
    // Published labels: yes, yes, no, yes, no.
    expect(winners(await run("dawid-skene"))).toEqual(["a", "a", "b", "a", "b"]);
    expect(winners(await run("majority"))).toEqual(["a", "b", "a", "b"]);
  });

  it("ranked pairs reproduces the reference profile's consensus; Bradley–Terry orders by strength", async () => {
    const { db } = database;
    const profile = [
      ...Array<string[]>(3).fill(["w", "x", "z", "y"]),
      ...Array<string[]>(2).fill(["w", "y", "x", "z"]),
      ...Array<string[]>(4).fill(["x", "y", "z", "w"]),
      ...Array<string[]>(5).fill(["x", "z", "w", "y"]),
      ["y", "w", "x", "z"],
    ];
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: nativeLines(["Which is best?"], ["w", "x", "y", "z"]),
      annotators: profile.length,
      input: { overlap: profile.length, template: { kind: "ranking" } },
    });
    for (const [index, annotator] of annotators.entries()) {
      await judgeAll(db, {
        campaignId: campaign.id,
        annotator,
        decide: (view) => ({ ranking: (profile[index] ?? []).map((name) => [view.ids[name]]) }),
      });
    }
    const order = async (aggregation: string) => {
      const [row] = await exportJsonl(db, {
        campaignId: campaign.id,
        actorId: admin.id,
        options: { format: "rankings", aggregation },
      });
      const answers = (row?.answers ?? []) as { model: string; rank: number }[];
      return answers.map((a) => `${a.model.replace("model-", "")}${a.rank}`);
    };
    expect(await order("ranked-pairs")).toEqual(["x1", "z2", "w3", "y4"]);
    // Every pair met 15 times, so Bradley–Terry ranks by total wins: x 36, w 22, z 17, y 15.
    expect(await order("bradley-terry")).toEqual(["x1", "w2", "z3", "y4"]);
    expect(await order("majority")).toEqual(["x1", "z2", "w3", "y4"]);
    expect(await order("none")).toHaveLength(4);

    const pairs = await exportJsonl(db, {
      campaignId: campaign.id,
      actorId: admin.id,
      options: { format: "trl", aggregation: "ranked-pairs" },
    });
    expect(pairs).toHaveLength(6);
    expect(new Set(pairs.map((p) => p.group_id)).size).toBe(1);
    for (const pair of pairs) expect(pair.weight).toBeCloseTo(1 / 6, 12);
    const none = await exportJsonl(db, {
      campaignId: campaign.id,
      actorId: admin.id,
      options: { format: "trl" },
    });
    expect(none).toHaveLength(15 * 6);
  });
});
