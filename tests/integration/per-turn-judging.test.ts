import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateCampaign } from "@/server/services/campaigns/update-campaign";
import { callerFor } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { perTurnLine, turnsOf } from "../fixtures/per-turn";
import { setupExportCampaign } from "./export-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const line = perTurnLine;

describe("per-turn judging (DESIGN §16)", () => {
  it("serves both continuations and takes exactly one verdict per compared turn", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupExportCampaign(db, {
      text: [line("three", turnsOf("A"), turnsOf("B")), line("uneven", turnsOf("A"), turnsOf("B", 2))].join("\n"),
      annotators: 1,
      input: { overlap: 1, template: { kind: "pairwise", per_turn: true, strength: true } },
    });
    const [annotator] = annotators;
    if (!annotator) throw new Error("an annotator");
    const caller = callerFor(db, annotator);
    const counts: number[] = [];
    for (;;) {
      const { task } = await caller.task.claimNext({ campaignId: campaign.id });
      if (!task) break;
      // Each response is served as its messages, and as their text for text-only clients.
      for (const r of task.responses) {
        expect(r.messages?.filter((m) => m.role === "assistant")).toHaveLength(r.content.includes("answer 3") ? 3 : 2);
        expect(r.content).toMatch(/^Assistant: [AB]: answer 1\n\nUser: And in winter\?/);
      }
      const [first, second] = task.responses.map((r) => r.id);
      const three = task.responses.every((r) => r.content.includes("answer 3"));
      const count = three ? 3 : 2;
      counts.push(count);
      const verdicts = [{ choice: first, strength: "better" }, { choice: "tie" }, { choice: second, strength: "slight" }];
      const submit = (turns: unknown[]) =>
        caller.task.submit({ assignmentId: task.assignmentId, idempotencyKey: randomUUID(), payload: { turns } });
      // One verdict too many or too few is refused, naming the item's turn count.
      await expect(submit(verdicts.slice(0, count - 1))).rejects.toMatchObject({
        cause: { details: { issues: [{ path: "turns", message: `This item is compared on ${count} turns: give ${count} verdicts, not ${count - 1}` }] } },
      });
      await expect(submit([...verdicts.slice(0, count), { choice: "tie" }])).rejects.toThrow();
      await expect(submit([{ choice: first }, ...verdicts.slice(1, count)])).rejects.toThrow();
      await submit(verdicts.slice(0, count));
    }
    // The uneven pair (three turns against two) is judged on the two turns both have.
    expect(counts.sort()).toEqual([2, 3]);
    const recent = await caller.task.recent({ campaignId: campaign.id });
    expect(recent.map((r) => (r.payload as { turns: unknown[] }).turns.length).sort()).toEqual([2, 3]);
  });

  it("cannot be switched on or off once the campaign has items", async () => {
    const { db } = database;
    const { admin, campaign } = await setupExportCampaign(db, {
      text: line("one", turnsOf("A"), turnsOf("B")),
      annotators: 0,
      input: { template: { kind: "pairwise", per_turn: true } },
    });
    const attempt = updateCampaign(db, {
      campaignId: campaign.id,
      input: { template: { ...campaign.template, per_turn: false } as typeof campaign.template },
      actorId: admin.id,
    });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/turn-by-turn judging cannot be switched/) });
  });

  it("is not offered to LLM judges, which give one verdict per item", async () => {
    const { db } = database;
    const { admin, campaign } = await setupExportCampaign(db, {
      text: line("one", turnsOf("A"), turnsOf("B")),
      annotators: 0,
      input: { template: { kind: "pairwise", per_turn: true } },
    });
    const caller = callerFor(db, admin);
    const endpoint = await caller.model.create({ name: "judge", base_url: "http://127.0.0.1:9", model: "judge", api_key: "k" });
    await expect(caller.job.judge({ campaignId: campaign.id, input: { endpoint: endpoint.id } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/not one per turn/),
    });
  });
});
