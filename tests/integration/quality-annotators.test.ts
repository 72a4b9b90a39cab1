import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as agreementRoute } from "@/app/api/v1/campaigns/[id]/agreement/route";
import { GET as annotatorsRoute } from "@/app/api/v1/campaigns/[id]/annotators/route";
import { GET as exportRoute } from "@/app/api/v1/campaigns/[id]/export/route";
import { GET as leaderboardRoute } from "@/app/api/v1/campaigns/[id]/leaderboard/route";
import { mulberry32, randomInt } from "@/server/stats";
import { exportFormatsFor } from "@/server/services/exports/export-kinds";
import type { SessionUser } from "@/server/services/users/session-user";
import {
  addAnnotator,
  callerFor,
  createCampaign,
  createUser,
  importNative,
} from "../fixtures/factories";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { campaignItems, seedJudgements, type SeededJudgement } from "../fixtures/seed-judgements";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
let restore: () => void;
let admin: SessionUser;
let adminToken: string;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
  admin = await createUser(database.db, { role: "admin" });
  adminToken = await tokenFor(database.db, admin);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});

type Row = {
  annotator: { id: string; email: string };
  judgements: number;
  flags: string[];
  gold: { accuracy: number; n: number };
  consensus: { agreement: number; kappa: number; n: number };
  position_bias: { first_share: number; n: number; p_value: number };
  excluded: boolean;
  paused: boolean;
};

/**
 * 100 items (every fifth a gold item whose answer is the good response); the good response is
 * the longer one on half the items, so preferring quality is not preferring length. Five
 * annotators judge every item, each shown the two responses in a random order.
 */
async function plantedCampaign() {
  const campaign = await createCampaign(database.db, { admin, input: { overlap: 5 } });
  const lines = Array.from({ length: 100 }, (_, i) => {
    const good = i % 2 === 0 ? `A careful, complete answer to question ${i}.` : `Right: ${i}.`;
    const bad =
      i % 2 === 0 ? `Wrong: ${i + 1}.` : `A long and confident but wrong answer to question ${i}.`;
    return JSON.stringify({
      id: `q-${i + 1}`,
      prompt: `Question ${i + 1}`,
      responses: [
        { id: "good", model: "model-good", content: good },
        { id: "bad", model: "model-bad", content: bad },
      ],
      ...(i % 5 === 0 ? { gold: { choice: "good" } } : {}),
    });
  });
  await importNative(database.db, { campaignId: campaign.id, text: lines.join("\n") });
  const people: Record<"honest1" | "honest2" | "honest3" | "first" | "random", SessionUser> = {
    honest1: await createUser(database.db, { role: "annotator" }),
    honest2: await createUser(database.db, { role: "annotator" }),
    honest3: await createUser(database.db, { role: "annotator" }),
    first: await createUser(database.db, { role: "annotator" }),
    random: await createUser(database.db, { role: "annotator" }),
  };
  for (const annotator of Object.values(people))
    await addAnnotator(database.db, { campaignId: campaign.id, annotator });

  const random = mulberry32(2024);
  const rows: SeededJudgement[] = [];
  for (const item of await campaignItems(database.db, campaign.id)) {
    const [good, bad] = item.responses;
    if (!good || !bad) throw new Error("two responses expected");
    for (const [role, person] of Object.entries(people)) {
      const displayOrder = random() < 0.5 ? [good.id, bad.id] : [bad.id, good.id];
      let choice: string;
      if (role === "first") choice = displayOrder[0] ?? good.id;
      else if (role === "random")
        choice = [good.id, bad.id, "tie", "both_bad"][randomInt(random, 4)] ?? "tie";
      else choice = random() < 0.9 ? good.id : bad.id;
      rows.push({
        itemId: item.id,
        annotatorId: person.id,
        payload: { choice },
        displayOrder,
        activeMs: 8000,
      });
    }
  }
  await seedJudgements(database.db, { campaignId: campaign.id, rows });
  return { campaign, people };
}

async function annotators(campaignId: string): Promise<Row[]> {
  const res = await callRoute(annotatorsRoute, "GET", { token: adminToken, id: campaignId });
  expect(res.status).toBe(200);
  return res.json as Row[];
}

async function exportText(campaignId: string, format: string): Promise<string> {
  const request = new Request(
    `http://localhost/api/v1/x?format=${format}&ties=${format === "hh-rlhf" ? "keep" : "drop"}`,
    {
      headers: { authorization: `Bearer ${adminToken}` },
    },
  );
  const res = await exportRoute(request, { params: Promise.resolve({ id: campaignId }) });
  expect(res.status).toBe(200);
  return res.text();
}

describe("planted annotators", () => {
  let planted: Awaited<ReturnType<typeof plantedCampaign>>;
  beforeAll(async () => {
    planted = await plantedCampaign();
  });

  it("flags the annotator who always picks the first response with position bias, and no honest one", async () => {
    const rows = await annotators(planted.campaign.id);
    const byId = new Map(rows.map((r) => [r.annotator.id, r]));
    const first = byId.get(planted.people.first.id);
    expect(first?.judgements).toBe(100);
    expect(first?.position_bias.first_share).toBe(1);
    expect(first?.position_bias.p_value).toBeLessThan(0.001);
    expect(first?.flags).toContain("position_bias");
    for (const honest of [planted.people.honest1, planted.people.honest2, planted.people.honest3]) {
      expect(byId.get(honest.id)?.flags).toEqual([]);
    }
  });

  it("reports progress per day: every judgement made today, the campaign complete, no ETA", async () => {
    const progress = await callerFor(database.db, admin).quality.progress({
      campaignId: planted.campaign.id,
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(progress).toMatchObject({ needed: 500, done: 500, eta: null, recentRate: 500 });
    expect(progress.perDay).toEqual([{ day: today, judgements: 500 }]);
  });

  it("gives the random clicker the lowest gold accuracy and consensus agreement", async () => {
    const rows = await annotators(planted.campaign.id);
    const randomRow = rows.find((r) => r.annotator.id === planted.people.random.id);
    expect(randomRow?.gold.n).toBe(20);
    for (const other of rows.filter((r) => r !== randomRow)) {
      expect(randomRow?.gold.accuracy).toBeLessThan(other.gold.accuracy);
      expect(randomRow?.consensus.agreement).toBeLessThan(other.consensus.agreement);
    }
    expect(randomRow?.flags).toEqual(
      expect.arrayContaining(["low_gold_accuracy", "low_agreement"]),
    );
  });

  it("excluding an annotator takes their judgements out of every export, agreement and the leaderboard; including restores them", async () => {
    const { campaign, people } = planted;
    const caller = callerFor(database.db, admin);
    // Every format this campaign can export (prompt-only rows hold no judgement to take out).
    const formats = exportFormatsFor(campaign.template).filter((f) => f !== "prompts");
    const read = async () => {
      const exports: Record<string, string> = {};
      for (const format of formats) exports[format] = await exportText(campaign.id, format);
      return {
        exports,
        agreement: (await callRoute(agreementRoute, "GET", { token: adminToken, id: campaign.id }))
          .json,
        leaderboard: (
          await callRoute(leaderboardRoute, "GET", { token: adminToken, id: campaign.id })
        ).json,
      };
    };
    const before = await read();

    await caller.quality.setExclusion({
      campaignId: campaign.id,
      userId: people.random.id,
      excluded: true,
    });
    const excluded = await read();
    const row = (await annotators(campaign.id)).find((r) => r.annotator.id === people.random.id);
    expect(row).toMatchObject({ excluded: true, paused: true });

    // The raw judgements export loses exactly the excluded annotator's 100 rows.
    const lines = (text: string) => text.split("\n").filter(Boolean);
    expect(lines(excluded.exports.judgements ?? "")).toHaveLength(400);
    expect(lines(before.exports.judgements ?? "")).toHaveLength(500);
    for (const format of formats) {
      expect(excluded.exports[format], format).not.toEqual(before.exports[format]);
    }
    const battles = (x: unknown) => (x as { battles: number }).battles;
    expect(battles(excluded.leaderboard)).toBeLessThan(battles(before.leaderboard));
    const choiceValues = (x: unknown) =>
      (x as { questions: { question: string; values: number }[] }).questions.find(
        (q) => q.question === "choice",
      )?.values;
    const choice = (
      before.agreement as { questions: { question: string; fleiss_kappa?: number }[] }
    ).questions[0];
    // Every item has exactly five raters, so Fleiss' κ is reported too.
    expect(choice?.question).toBe("choice");
    expect(typeof choice?.fleiss_kappa).toBe("number");
    expect(choiceValues(before.agreement)).toBe(500);
    expect(choiceValues(excluded.agreement)).toBe(400);

    await caller.quality.setExclusion({
      campaignId: campaign.id,
      userId: people.random.id,
      excluded: false,
    });
    const restored = await read();
    expect(restored).toEqual(before);
  });
});
