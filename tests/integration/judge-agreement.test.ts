import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as judges } from "@/app/api/v1/campaigns/[id]/judges/route";
import { addAnnotator, callerFor, createCampaign, createUser, importNative } from "../fixtures/factories";
import { startFakeOpenAiServer, type FakeOpenAiServer, type RecordedRequest } from "../fixtures/fake-openai-server";
import { judgeAsHumans, runJudgeJob } from "../fixtures/judge-run";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
let restore: () => void;
let server: FakeOpenAiServer;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
  server = await startFakeOpenAiServer();
});
afterAll(async () => {
  restore?.();
  await server?.close();
  await database?.close();
});

/** Prefers the response that says "good", ties two that say "same", and on Q6 always answers A. */
function scriptedJudge(request: RecordedRequest) {
  const user = String(request.body?.messages?.at(-1)?.content ?? "");
  const a = /\[Response A\]\n(.*)\n\[End of response A\]/.exec(user)?.[1] ?? "";
  const b = /\[Response B\]\n(.*)\n\[End of response B\]/.exec(user)?.[1] ?? "";
  const choice = user.includes("Q6") ? "A" : a.includes("same") && b.includes("same") ? "tie" : a.includes("good") ? "A" : "B";
  return { kind: "reply" as const, content: JSON.stringify({ choice }) };
}

// F = the first response (source order) is better, S = the second, T = tie.
const JUDGE = { q1: "F", q2: "F", q3: "S", q4: "S", q5: "T" } as const; // q6 flips with the order
const HUMANS: Record<string, string>[] = [
  /* X */ { q1: "F", q2: "F", q3: "S", q4: "F", q5: "F", q6: "F" },
  /* Y */ { q1: "F", q2: "S", q3: "S", q4: "S", q5: "S", q6: "S" },
  /* Z */ { q1: "F", q2: "S", q3: "F", q4: "S", q5: "T", q6: "S" },
  /* W, excluded */ { q1: "F", q2: "F", q3: "F", q4: "F", q5: "F", q6: "F" },
];

describe("judge agreement with the humans", () => {
  it("κ and α with the consensus and with each annotator match a hand count", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const campaign = await createCampaign(db, { admin, input: { overlap: 4, template: { kind: "pairwise" } } });
    const contents: Record<string, [string, string]> = { F: ["good", "bad"], S: ["bad", "good"], T: ["same", "same"] };
    await importNative(db, {
      campaignId: campaign.id,
      text: ["q1", "q2", "q3", "q4", "q5", "q6"]
        .map((id) => {
          const [a, b] = id === "q6" ? ["first", "second"] : contents[JUDGE[id as keyof typeof JUDGE]] ?? ["", ""];
          return JSON.stringify({ id, prompt: `${id.toUpperCase()}?`, responses: [{ id: "a", content: `${a} ${id}` }, { id: "b", content: `${b} ${id}` }] });
        })
        .join("\n"),
    });
    const endpoint = await callerFor(db, admin).model.create({ name: "judge-k", base_url: server.baseURL, model: "judge-k" });
    server.setScript(scriptedJudge);
    const job = await runJudgeJob(db, { campaignId: campaign.id, endpointId: endpoint.id, actorId: admin.id });
    expect(job).toMatchObject({ status: "done", progress: { done: 12, total: 12 } });

    const annotators = await Promise.all(HUMANS.map(() => createUser(db, { role: "annotator" })));
    for (const annotator of annotators) await addAnnotator(db, { campaignId: campaign.id, annotator });
    await judgeAsHumans(db, {
      campaignId: campaign.id,
      annotators,
      pick: (i, external, ids) => {
        const label = HUMANS[i]?.[external];
        return { choice: label === "T" ? "tie" : (label === "F" ? ids[0] : ids[1]) ?? "" };
      },
    });
    const excluded = annotators[3];
    await callerFor(db, admin).quality.setExclusion({ campaignId: campaign.id, userId: excluded?.id ?? "", excluded: true });

    const token = await tokenFor(db, admin);
    const reply = await callRoute(judges, "GET", { token, id: campaign.id });
    expect(reply.status).toBe(200);
    const [report] = (reply.json as { judges: Record<string, unknown>[] }).judges;

    // Swap: q1–q5 keep their verdict, q6 flips. Position: decisive verdicts q1–q4 pick the shown-first
    // response in one order of two (4 of 8), q6 in both (2 of 2): 6 of 10, p = 1 − C(10,5)/2¹⁰.
    expect(report).toMatchObject({ verdicts: 12, items: 6, swap_consistency: { consistent: 5, n: 6 } });
    expect(report?.position_bias).toEqual({ first_share: 0.6, expected_share: 0.5, n: 10, p_value: expect.closeTo(1 - 252 / 1024, 12) });

    // Consensus of X, Y, Z (W is excluded): q1 F, q2 S, q3 S, q4 S, q5 split (none), q6 S.
    // The judge answers q1–q5; shared with the consensus: q1 (F,F) q2 (F,S) q3 (S,S) q4 (S,S).
    // κ: p_o = 3/4; judge F2 S2, consensus F1 S3 → p_e = (2·1 + 2·3)/16 = 1/2 → κ = 1/2.
    // α: pooled values F3 S5 (n = 8), one disagreeing unit (o_FS = o_SF = 1) → 1 − 7·2/(2·3·5) = 8/15.
    expect(report?.human_consensus).toEqual({ n: 4, agreement: 0.75, kappa: expect.closeTo(0.5, 12), alpha: expect.closeTo(8 / 15, 12) });

    const byId = new Map(
      (report?.annotators as { annotator: { id: string }; excluded: boolean }[]).map((a) => [a.annotator.id, a]),
    );
    // Each annotator against the judge on q1–q5 (n = 5):
    // X F F S F F: p_o = 3/5, X F4 S1 → p_e = (2·4 + 2·1)/25 = 2/5 → κ = 1/3;
    //   α: F6 S3 T1 (n = 10), two disagreeing units → 1 − 9·4/(2·(18 + 6 + 3)) = 1/3.
    // Y F S S S S: p_o = 3/5, Y F1 S4 → p_e = 10/25 → κ = 1/3; α: F3 S6 T1 → 1 − 36/(2·27) = 1/3.
    // Z F S F S T: p_o = 3/5, Z F2 S2 T1 → p_e = 9/25 → κ = (15 − 9)/(25 − 9) = 3/8;
    //   α: F4 S4 T2 → 1 − 36/(2·(16 + 8 + 8)) = 7/16.
    // W F F F F F: p_o = 2/5 = p_e (W is all F) → κ = 0; α: F7 S2 T1, three disagreeing units →
    //   1 − 9·6/(2·(14 + 7 + 2)) = −4/23.
    const expected: [number, number, number, number][] = [
      [3 / 5, 1 / 3, 1 / 3, 0],
      [3 / 5, 1 / 3, 1 / 3, 0],
      [3 / 5, 3 / 8, 7 / 16, 0],
      [2 / 5, 0, -4 / 23, 1],
    ];
    for (const [i, [agreement, kappa, alpha, isExcluded]] of expected.entries()) {
      expect(byId.get(annotators[i]?.id ?? "")).toMatchObject({
        n: 5,
        excluded: isExcluded === 1,
        agreement: expect.closeTo(agreement, 12),
        kappa: expect.closeTo(kappa, 12),
        alpha: expect.closeTo(alpha, 12),
      });
    }

    // The Quality tab reads the same figures through tRPC.
    const [viaTrpc] = await callerFor(db, admin).quality.judges({ campaignId: campaign.id });
    expect(viaTrpc?.humanConsensus.alpha).toBeCloseTo(8 / 15, 12);
    expect(viaTrpc?.questions.map((q) => [q.question, q.level])).toEqual([["choice", "nominal"]]);
  });
});
