import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as agreement } from "@/app/api/v1/campaigns/[id]/agreement/route";
import { GET as leaderboard } from "@/app/api/v1/campaigns/[id]/leaderboard/route";
import type { SessionUser } from "@/server/services/users/session-user";
import { createCampaign, createUser, importNative } from "../fixtures/factories";
import { callRoute, isErrorShape, restOn, tokenFor } from "../fixtures/rest-client";
import { campaignItems, seedJudgements, type SeededJudgement } from "../fixtures/seed-judgements";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { REFERENCE_BATTLES } from "../unit/stats/fixtures";

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

/**
 * Three coders × 15 units from the `krippendorff` package's README (null = not rated):
 * nominal α 0.691, interval α 0.811 — computed there independently of our code.
 */
const n = null;
const THREE_CODERS: (number | null)[][] = [
  [n, n, n, n, n, 3, 4, 1, 2, 1, 1, 3, 3, n, 3],
  [1, n, 2, 1, 3, 3, 4, 3, n, n, n, n, n, n, n],
  [n, n, 2, 1, 3, 4, 4, n, 2, 1, 1, 3, 3, n, 4],
];

describe("GET /api/v1/campaigns/{id}/agreement", () => {
  it("returns the published interval α (0.811) when three annotators rate as the reliability matrix says", async () => {
    const campaign = await createCampaign(database.db, {
      admin,
      input: {
        template: { kind: "rating", attributes: [{ name: "quality", min: 1, max: 5 }] },
        overlap: 3,
      },
    });
    const lines = THREE_CODERS[0]?.map((_, u) =>
      JSON.stringify({
        id: `unit-${u + 1}`,
        prompt: `Unit ${u + 1}`,
        responses: [{ id: "r", content: `text ${u}` }],
      }),
    );
    await importNative(database.db, { campaignId: campaign.id, text: (lines ?? []).join("\n") });
    const coders: SessionUser[] = [];
    for (let c = 0; c < 3; c++) coders.push(await createUser(database.db, { role: "annotator" }));
    const itemsInOrder = await campaignItems(database.db, campaign.id);
    const rows: SeededJudgement[] = [];
    THREE_CODERS.forEach((values, c) =>
      values.forEach((value, u) => {
        const item = itemsInOrder[u];
        const coder = coders[c];
        const response = item?.responses[0];
        if (value === null || !item || !coder || !response) return;
        rows.push({
          itemId: item.id,
          annotatorId: coder.id,
          payload: { ratings: { [response.id]: { quality: value } } },
        });
      }),
    );
    await seedJudgements(database.db, { campaignId: campaign.id, rows });

    const res = await callRoute(agreement, "GET", {
      token: adminToken,
      id: campaign.id,
      query: "seed=3",
    });
    expect(res.status).toBe(200);
    const body = res.json as {
      questions: {
        question: string;
        level: string;
        alpha: number;
        alpha_ci: [number, number];
        units: number;
        values: number;
      }[];
    };
    const quality = body.questions.find((q) => q.question === "ratings.quality");
    expect(quality?.level).toBe("interval");
    expect(quality?.alpha).toBeCloseTo(0.8108449, 3);
    // Units 2 and 14 have no rating and unit 1 only one: 12 pairable units holding 26 values.
    expect(quality?.units).toBe(12);
    expect(quality?.values).toBe(26);
    const [lo, hi] = quality?.alpha_ci ?? [Number.NaN, Number.NaN];
    expect(lo).toBeLessThan(0.8108449);
    expect(hi).toBeGreaterThan(0.75);
    const again = await callRoute(agreement, "GET", {
      token: adminToken,
      id: campaign.id,
      query: "seed=3",
    });
    expect(again.json).toEqual(res.json);
  });

  it("is for admins only and answers 404 for an unknown campaign", async () => {
    const annotator = await createUser(database.db, { role: "annotator" });
    const token = await tokenFor(database.db, annotator);
    const forbidden = await callRoute(agreement, "GET", { token, id: crypto.randomUUID() });
    expect(forbidden.status).toBe(403);
    const missing = await callRoute(agreement, "GET", {
      token: adminToken,
      id: crypto.randomUUID(),
    });
    expect(missing.status).toBe(404);
    expect(isErrorShape(missing.json)).toBe(true);
    const bad = await callRoute(agreement, "GET", {
      token: adminToken,
      id: crypto.randomUUID(),
      query: "rounds=lots",
    });
    expect(bad.status).toBe(400);
  });
});

describe("GET /api/v1/campaigns/{id}/leaderboard", () => {
  it("returns the reference Bradley–Terry and Elo ratings for the reference battles", async () => {
    const campaign = await createCampaign(database.db, { admin, input: { overlap: 1 } });
    // One item per battle, the first-named model shown first; "both bad" where A met C and tied.
    const lines = REFERENCE_BATTLES.map((b, i) =>
      JSON.stringify({
        id: `battle-${i + 1}`,
        prompt: `Battle ${i + 1}`,
        responses: [
          { id: "x", model: b.modelA, content: `from ${b.modelA}` },
          { id: "y", model: b.modelB, content: `from ${b.modelB}` },
        ],
      }),
    );
    await importNative(database.db, { campaignId: campaign.id, text: lines.join("\n") });
    const judge = await createUser(database.db, { role: "annotator" });
    const itemsInOrder = await campaignItems(database.db, campaign.id);
    const rows = REFERENCE_BATTLES.map((b, i): SeededJudgement => {
      const item = itemsInOrder[i];
      const [x, y] = item?.responses ?? [];
      if (!item || !x || !y) throw new Error("missing item");
      const tie = b.modelA === "A" && b.modelB === "C" ? "both_bad" : "tie";
      const choice = b.winner === "a" ? x.id : b.winner === "b" ? y.id : tie;
      return {
        itemId: item.id,
        annotatorId: judge.id,
        payload: { choice },
        displayOrder: [x.id, y.id],
      };
    });
    await seedJudgements(database.db, { campaignId: campaign.id, rows });

    const res = await callRoute(leaderboard, "GET", {
      token: adminToken,
      id: campaign.id,
      query: "rounds=50&seed=9",
    });
    expect(res.status).toBe(200);
    const body = res.json as {
      models: {
        model: string;
        rating: number;
        ci: [number, number];
        battles: number;
        wins: number;
        ties: number;
      }[];
      elo: { model: string; rating: number }[];
      win_matrix: Record<string, Record<string, number | null>>;
      battles: number;
      method: { rounds: number; seed: number };
    };
    expect(body.models.map((m) => m.model)).toEqual(["A", "B", "C"]);
    const rating = Object.fromEntries(body.models.map((m) => [m.model, m.rating]));
    expect(rating.A).toBeCloseTo(1129.192, 3);
    expect(rating.B).toBeCloseTo(980.573, 3);
    expect(rating.C).toBeCloseTo(890.234, 3);
    const elo = Object.fromEntries(body.elo.map((e) => [e.model, e.rating]));
    expect(elo.A).toBeCloseTo(1017.7544, 3);
    expect(elo.B).toBeCloseTo(996.5814, 3);
    expect(elo.C).toBeCloseTo(985.6642, 3);
    expect(body.battles).toBe(28);
    expect(body.models[0]).toMatchObject({ battles: 20, wins: 13, ties: 4 });
    expect(body.win_matrix.A?.B).toBeCloseTo(0.75, 9);
    for (const m of body.models) {
      expect(m.ci[0]).toBeLessThan(m.rating);
      expect(m.ci[1]).toBeGreaterThan(m.rating);
    }
    expect(body.method).toMatchObject({ rounds: 50, seed: 9 });
  });
});

describe("a K-wise ranking campaign", () => {
  it("counts each ranking as its C(K,2) pairs at weight 1/C(K,2) and measures rank agreement as ordinal", async () => {
    const campaign = await createCampaign(database.db, {
      admin,
      input: { template: { kind: "ranking" }, overlap: 2 },
    });
    const lines = Array.from({ length: 4 }, (_, i) =>
      JSON.stringify({
        id: `rank-${i + 1}`,
        prompt: `Rank ${i + 1}`,
        responses: ["p", "q", "r"].map((m) => ({
          id: m,
          model: `model-${m}`,
          content: `${m} ${i}`,
        })),
      }),
    );
    await importNative(database.db, { campaignId: campaign.id, text: lines.join("\n") });
    const judges = [
      await createUser(database.db, { role: "annotator" }),
      await createUser(database.db, { role: "annotator" }),
    ];
    const rows: SeededJudgement[] = [];
    for (const item of await campaignItems(database.db, campaign.id)) {
      const [p, q, r] = item.responses.map((x) => x.id);
      if (!p || !q || !r) throw new Error("three responses expected");
      // Both judges rank p > q > r, except that the second ties q and r.
      rows.push({
        itemId: item.id,
        annotatorId: judges[0]?.id ?? "",
        payload: { ranking: [[p], [q], [r]] },
      });
      rows.push({
        itemId: item.id,
        annotatorId: judges[1]?.id ?? "",
        payload: { ranking: [[p], [q, r]] },
      });
    }
    await seedJudgements(database.db, { campaignId: campaign.id, rows });

    const board = (await callRoute(leaderboard, "GET", { token: adminToken, id: campaign.id }))
      .json as {
      models: { model: string; battles: number; wins: number; ties: number }[];
      battles: number;
    };
    // 8 rankings of 3 responses: 24 pairs at weight 1/3, i.e. 8 battles.
    expect(board.battles).toBeCloseTo(8, 9);
    const byModel = Object.fromEntries(board.models.map((m) => [m.model, m]));
    expect(board.models[0]?.model).toBe("model-p");
    expect(byModel["model-p"]?.wins).toBeCloseTo(16 / 3, 9);
    expect(byModel["model-r"]?.ties).toBeCloseTo(4 / 3, 9);

    const agreementBody = (
      await callRoute(agreement, "GET", { token: adminToken, id: campaign.id })
    ).json as {
      questions: {
        question: string;
        level: string;
        units: number;
        values: number;
        percent_agreement: number;
      }[];
    };
    const ranking = agreementBody.questions.find((q) => q.question === "ranking");
    expect(ranking).toMatchObject({ level: "ordinal", units: 12, values: 24 });
    // p agrees everywhere, q everywhere (rank 2 both times), r never (3 vs 2).
    expect(ranking?.percent_agreement).toBeCloseTo(2 / 3, 9);
  });
});
