import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suggestions } from "@/db/schema";
import type { JudgeReport } from "@/server/services/judges/list-judges";
import { expectTrlRow } from "../unit/export-formats/trl-rules";
import { addAnnotator, callerFor, createCampaign, createUser, importNative } from "../fixtures/factories";
import { startFakeOpenAiServer, type FakeOpenAiServer, type RecordedRequest } from "../fixtures/fake-openai-server";
import { judgeAsHumans, runJudgeJob } from "../fixtures/judge-run";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { exportJsonl } from "./export-kit";

let database: TestDatabase;
let server: FakeOpenAiServer;
beforeAll(async () => {
  database = await createTestDatabase();
  server = await startFakeOpenAiServer();
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

/** The responses as the judge saw them: label → content. */
function shown(request: RecordedRequest): [string, string][] {
  const user = String(request.body?.messages?.at(-1)?.content ?? "");
  return [...user.matchAll(/\[Response ([A-I])\]\n(.*)\n\[End of response \1\]/g)].map((m) => [m[1] ?? "", m[2] ?? ""]);
}

/** Ranks by the score in each response ("s3" beats "s1", equal scores tie); "awful" is not rankable; k3 by position. */
function rankingJudge(request: RecordedRequest) {
  const responses = shown(request);
  if (responses.some(([, c]) => c.includes("awful"))) return { kind: "reply" as const, content: '{"ranking": [], "not_rankable": true, "rationale": "None is acceptable."}' };
  if (responses.some(([, c]) => c.includes("k3"))) return { kind: "reply" as const, content: JSON.stringify({ ranking: responses.map(([l]) => [l]), not_rankable: false }) };
  const score = (c: string) => Number(/s(\d)/.exec(c)?.[1]);
  const scores = [...new Set(responses.map(([, c]) => score(c)))].sort((x, y) => y - x);
  const ranking = scores.map((s) => responses.filter(([, c]) => score(c) === s).map(([l]) => l.toLowerCase()));
  return { kind: "reply" as const, content: "```json\n" + JSON.stringify({ ranking, not_rankable: false, rationale: "By score." }) + "\n```" };
}

/** Rates "h4 c3" as helpfulness 4, correctness 3; on t3 rates whatever it is shown first 5/4 and the other 1/0. */
function ratingJudge(request: RecordedRequest) {
  const responses = shown(request);
  const positional = responses.some(([, c]) => c.includes("t3"));
  const ratings = Object.fromEntries(
    responses.map(([label, c], i) => [
      label,
      positional ? { helpfulness: i === 0 ? 5 : 1, correctness: i === 0 ? 4 : 0 } : { helpfulness: Number(/h(\d)/.exec(c)?.[1]), correctness: String(/c(\d)/.exec(c)?.[1]) },
    ]),
  );
  return { kind: "reply" as const, content: JSON.stringify({ ratings, rationale: "Rated." }) };
}

async function setUp(kind: "ranking" | "rating", lines: object[], script: (r: RecordedRequest) => ReturnType<typeof rankingJudge>) {
  const { db } = database;
  const admin = await createUser(db, { role: "admin" });
  const template =
    kind === "ranking"
      ? { kind, allow_ties: true, allow_not_rankable: true }
      : { kind, attributes: [{ name: "helpfulness", min: 1, max: 5 }, { name: "correctness", min: 0, max: 4 }] };
  const campaign = await createCampaign(db, { admin, input: { overlap: 3, template } });
  await importNative(db, { campaignId: campaign.id, text: lines.map((l) => JSON.stringify(l)).join("\n") });
  const endpoint = await callerFor(db, admin).model.create({ name: `${kind}-judge`, base_url: server.baseURL, model: `${kind}-judge` });
  server.setScript((r) => (r.body?.model === `${kind}-judge` ? script(r) : undefined));
  const job = await runJudgeJob(db, { campaignId: campaign.id, endpointId: endpoint.id, actorId: admin.id });
  server.setScript(undefined);
  const annotators = await Promise.all([0, 1, 2].map(() => createUser(db, { role: "annotator" })));
  for (const annotator of annotators) await addAnnotator(db, { campaignId: campaign.id, annotator });
  return { db, admin, campaign, job, annotators };
}

const ids = (map: Record<string, string>, order: string) => order.split(" ").map((group) => group.split("=").map((l) => map[l] ?? ""));

describe("judges for ranking and rating campaigns", () => {
  it("rank in both orders, and agree with the humans pair by pair, as a hand count says", async () => {
    const items = ["k1 s3 s2 s1", "k2 s1 s3 s3", "k3 s1 s1 s1", "k4 awful awful awful"].map((spec) => {
      const [id = "", ...contents] = spec.split(" ");
      return { id, prompt: `Rank ${id}`, responses: contents.map((c, i) => ({ id: "abc"[i], content: `${"abc"[i]} ${id} ${c}` })) };
    });
    const { db, admin, campaign, job, annotators } = await setUp("ranking", items, rankingJudge);
    expect(job).toMatchObject({ status: "done", progress: { done: 8, total: 8 } });
    const stored = await db.select().from(suggestions).where(eq(suggestions.campaignId, campaign.id));
    expect(stored.filter((s) => s.orderIndex === 1).map((s) => s.displayOrder.length)).toEqual([3, 3, 3, 3]);

    // X, Y, Z: "a b=c" is a first, b and c tied second; "none" is not rankable.
    const humans: Record<string, string>[] = [
      { k1: "a b c", k2: "b c a", k3: "a b c", k4: "none" },
      { k1: "b a c", k2: "b=c a", k3: "a b c", k4: "a b c" },
      { k1: "b c a", k2: "c b a", k3: "a b c", k4: "none" },
    ];
    await judgeAsHumans(db, {
      campaignId: campaign.id,
      annotators,
      pick: (i, external, [a = "", b = "", c = ""]) => {
        const order = humans[i]?.[external] ?? "";
        return order === "none" ? { not_rankable: true } : { ranking: ids({ a, b, c }, order) };
      },
    });
    const [report] = (await callerFor(db, admin).quality.judges({ campaignId: campaign.id })) as JudgeReport[];
    // k3 is ranked by position: reversed, its order flips.
    expect(report?.swapConsistency).toEqual({ consistent: 3, n: 4, rate: 0.75 });
    // One response alone on top: k1 (a; shown first in one order of two), k3 (shown first both
    // times); k2's top is a tie, k4 has none. 3 of 4 against 1/3: P(X ≥ 3) + P(X = 4 is as
    // unlikely) = (8 + 1)/81.
    expect(report?.positionBias).toMatchObject({ firstShare: 0.75, n: 4, expectedShare: expect.closeTo(1 / 3, 12), pValue: expect.closeTo(9 / 81, 9) });

    // Units are the pairs (ab, ac, bc) of k1, k2, k4; values say which of the two is higher.
    // Judge: k1 a a a · k2 b b tie · k4 both_bad ×3. Consensus (strict majority of X, Y, Z):
    // k1 b a a · k2 b b (bc split: a, tie, b) · k4 both_bad ×3: 8 shared units, 7 agree.
    // κ: judge a3 b2 bb3, consensus a2 b3 bb3 → p_e = (6 + 6 + 9)/64 → κ = (56 − 21)/(64 − 21) = 35/43.
    // α: pooled a5 b5 bb6 (n = 16), one disagreeing unit → 1 − 15·2/(2·(25 + 30 + 30)) = 14/17.
    const question = report?.questions[0];
    expect(question).toMatchObject({ question: "ranking", level: "nominal" });
    expect(report?.humanConsensus).toEqual({ n: 8, agreement: 7 / 8, kappa: expect.closeTo(35 / 43, 12), alpha: expect.closeTo(14 / 17, 12) });
    // Each annotator over the 9 units. X: k1 a a a · k2 b b a · k4 bb ×3 → 8 agree; X a4 b2 bb3 →
    // p_e = (12 + 4 + 9)/81 → κ = (72 − 25)/(81 − 25) = 47/56; α: a7 b4 tie1 bb6 (n = 18) →
    // 1 − 17·2/(2·111) = 94/111. Y: k1 b a a · k2 b b tie · k4 a a a → 5 agree; Y a5 b3 tie1 →
    // p_e = 22/81 → κ = 23/59; α: a8 b5 tie2 bb3 → 1 − 17·8/222 = 43/111. Z: k1 b b a · k2 b b b ·
    // k4 bb ×3 → 6 agree; Z a1 b5 bb3 → p_e = (3 + 10 + 9)/81 → κ = (54 − 22)/(81 − 22) = 32/59;
    // α: a4 b7 tie1 bb6, three disagreeing units → 1 − 17·6/222 = 20/37.
    const expected = [
      [8 / 9, 47 / 56, 94 / 111],
      [5 / 9, 23 / 59, 43 / 111],
      [6 / 9, 32 / 59, 20 / 37],
    ];
    for (const [i, [agreement, kappa, alpha]] of expected.entries()) {
      expect(report?.annotators.find((a) => a.annotator.id === annotators[i]?.id)).toMatchObject({
        n: 9,
        agreement: expect.closeTo(agreement ?? 0, 12),
        kappa: expect.closeTo(kappa ?? 0, 12),
        alpha: expect.closeTo(alpha ?? 0, 12),
      });
    }

    // RLAIF data from rankings: K-wise pairs for TRL, and the judge's orders (k3 left out).
    const params = { campaignId: campaign.id, actorId: admin.id };
    const trl = await exportJsonl(db, { ...params, options: { format: "trl", source: "ai-judgements" } });
    // k1: 3 pairs; k2: b and c over a (the tie gives none); k4 is not rankable.
    expect(trl).toHaveLength(3 + 2);
    for (const row of trl) {
      expectTrlRow(row);
      expect(row).toMatchObject({ judge: "ranking-judge", weight: 1 / 3 });
    }
    const rankings = await exportJsonl(db, { ...params, options: { format: "rankings", source: "ai-judgements" } });
    expect(rankings.map((r) => [r.id, (r.answers as { rank: number }[]).map((a) => a.rank), r.judge])).toEqual([
      ["k1", [1, 2, 3], "ranking-judge"],
      ["k2", [1, 1, 3], "ranking-judge"],
    ]);
  });

  it("rate in both orders; agreement on each attribute is interval α, as a hand count says", async () => {
    const items = [
      { id: "t1", prompt: "Rate t1", responses: [{ id: "a", content: "a t1 h4 c3" }, { id: "b", content: "b t1 h2 c1" }] },
      { id: "t2", prompt: "Rate t2", responses: [{ id: "a", content: "a t2 h3 c2" }, { id: "b", content: "b t2 h5 c4" }] },
      { id: "t3", prompt: "Rate t3", responses: [{ id: "a", content: "a t3" }, { id: "b", content: "b t3" }] },
    ];
    const { db, admin, campaign, job, annotators } = await setUp("rating", items, ratingJudge);
    expect(job).toMatchObject({ status: "done", progress: { done: 6, total: 6 } });
    // Helpfulness by X and Y (Z rates nothing): [a, b] per item; correctness 2 everywhere.
    const helpfulness: Record<string, [number, number]>[] = [
      { t1: [5, 2], t2: [3, 3], t3: [3, 3] },
      { t1: [3, 1], t2: [3, 5], t3: [3, 3] },
    ];
    await judgeAsHumans(db, {
      campaignId: campaign.id,
      annotators,
      pick: (i, external, [a = "", b = ""]) => {
        const h = helpfulness[i]?.[external];
        if (!h) return null;
        return { ratings: { [a]: { helpfulness: h[0], correctness: 2 }, [b]: { helpfulness: h[1], correctness: 2 } } };
      },
    });
    const [report] = (await callerFor(db, admin).quality.judges({ campaignId: campaign.id })) as JudgeReport[];
    expect(report?.swapConsistency).toEqual({ consistent: 2, n: 3, rate: 2 / 3 });
    // Top response = highest total: t1 a (first in one order), t2 b (first in one order), t3 the
    // first shown (both orders): 4 of 6, p = 1 − C(6,3)/2⁶.
    expect(report?.positionBias).toMatchObject({ firstShare: 4 / 6, n: 6, expectedShare: 0.5, pValue: expect.closeTo(44 / 64, 12) });
    expect(report?.questions.map((q) => [q.question, q.level])).toEqual([
      ["ratings.helpfulness", "interval"],
      ["ratings.correctness", "interval"],
    ]);
    // Helpfulness, units t1:a t1:b t2:a t2:b. Judge 4 2 3 5; consensus (mean of X, Y) 4 1.5 3 4.
    // Within half a step: 3 of 4. α interval: observed Σ 2·(0 + .25 + 0 + 1) = 2.5; the 8 pooled
    // values have Σ (x − x̄)² = 9.46875, so Σ_{i≠j} (xᵢ − xⱼ)² = 2·8·9.46875 = 151.5 →
    // α = 1 − 7·2.5/151.5 = 268/303. κ: none for ratings.
    expect(report?.humanConsensus).toEqual({ n: 4, agreement: 0.75, kappa: null, alpha: expect.closeTo(268 / 303, 12) });
    // X 5 2 3 3: observed 2·(1 + 0 + 0 + 4) = 10; pooled Σ (x − x̄)² = 9.875 → 1 − 70/158 = 44/79.
    // Y 3 1 3 5: observed 2·(1 + 1 + 0 + 0) = 4; pooled Σ (x − x̄)² = 13.5 → 1 − 28/216 = 47/54.
    const byId = (i: number) => report?.annotators.find((a) => a.annotator.id === annotators[i]?.id);
    expect(byId(0)).toMatchObject({ n: 4, agreement: 0.5, kappa: null, alpha: expect.closeTo(44 / 79, 12) });
    expect(byId(1)).toMatchObject({ n: 4, agreement: 0.5, kappa: null, alpha: expect.closeTo(47 / 54, 12) });
    expect(byId(2)).toBeUndefined();
    // Correctness: judge 3 1 2 4 against everyone's 2: only t2:a within half a step.
    expect(report?.questions[1]?.humanConsensus).toMatchObject({ n: 4, agreement: 0.25 });

    // The judge's ratings as a ratings export: one judge, so the means are its ratings.
    const ratings = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "ratings", source: "ai-judgements" } });
    expect(ratings.map((r) => [r.id, r.response_id, r.helpfulness, r.correctness, r.judge])).toEqual([
      ["t1", "a", 4, 3, "rating-judge"],
      ["t1", "b", 2, 1, "rating-judge"],
      ["t2", "a", 3, 2, "rating-judge"],
      ["t2", "b", 5, 4, "rating-judge"],
    ]);
  });
});
