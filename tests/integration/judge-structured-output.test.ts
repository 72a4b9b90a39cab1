import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suggestions } from "@/db/schema";
import { callerFor, createCampaign, createUser, importNative } from "../fixtures/factories";
import { startFakeOpenAiServer, type FakeOpenAiServer, type RecordedRequest } from "../fixtures/fake-openai-server";
import { runJudgeJob } from "../fixtures/judge-run";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

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

type Format = { type: string; json_schema: { name: string; strict: boolean; schema: { properties: Record<string, { enum?: string[] }>; required: string[] } } };
const formatOf = (r: RecordedRequest) => r.body?.response_format as Format | undefined;

async function campaignWithJudge(model: string) {
  const { db } = database;
  const admin = await createUser(db, { role: "admin" });
  const campaign = await createCampaign(db, { admin, input: { template: { kind: "pairwise", allow_both_bad: false, strength: true } } });
  await importNative(db, {
    campaignId: campaign.id,
    text: ["s1", "s2"].map((id) => JSON.stringify({ id, prompt: `Prompt ${id}`, responses: [{ content: `first ${id}` }, { content: `second ${id}` }] })).join("\n"),
  });
  const endpoint = await callerFor(db, admin).model.create({ name: model, base_url: server.baseURL, model });
  const run = () => runJudgeJob(db, { campaignId: campaign.id, endpointId: endpoint.id, actorId: admin.id });
  const stored = () => db.select().from(suggestions).where(eq(suggestions.campaignId, campaign.id));
  const requests = () => server.chatRequests().filter((r) => r.body?.model === model);
  return { run, stored, requests };
}

describe("judges answer in structured output derived from the template", () => {
  it("sends the template's verdict schema as response_format and stores the verdict it constrains", async () => {
    const judge = await campaignWithJudge("strict-judge");
    server.setScript((r) =>
      r.body?.model === "strict-judge" && formatOf(r)
        ? { kind: "reply", content: JSON.stringify({ choice: "A", strength: "slight", rationale: "A is clearer." }) }
        : undefined,
    );
    const job = await judge.run();
    expect(job).toMatchObject({ status: "done", progress: { done: 4, failed: 0 } });
    const sent = judge.requests();
    expect(sent).toHaveLength(4);
    for (const request of sent) {
      const format = formatOf(request);
      expect(format).toMatchObject({ type: "json_schema", json_schema: { name: "verdict", strict: true } });
      // The campaign forbids "both bad" and asks for strength: so does the schema.
      expect(format?.json_schema.schema.properties.choice?.enum).toEqual(["A", "B", "tie"]);
      expect(format?.json_schema.schema.required).toEqual(["choice", "strength", "rationale"]);
    }
    const stored = await judge.stored();
    expect(stored).toHaveLength(4);
    for (const s of stored) expect(s.payload).toEqual({ choice: s.displayOrder[0], strength: "slight", rationale: "A is clearer." });
    expect(stored.every((s) => s.consistent === false)).toBe(true);
  });

  it("asks again without it when the server rejects response_format, reading the reply tolerantly", async () => {
    const judge = await campaignWithJudge("old-server");
    server.setScript((r) => {
      if (r.body?.model !== "old-server") return undefined;
      if (formatOf(r)) return { kind: "error", status: 400, message: "Unrecognized request argument supplied: response_format" };
      const user = String(r.body.messages?.at(-1)?.content ?? "");
      return { kind: "reply", content: `After careful thought, [[${/\[Response A\]\nsecond/.test(user) ? "A" : "B"}]]` };
    });
    const job = await judge.run();
    expect(job).toMatchObject({ status: "done", progress: { done: 4, failed: 0 } });
    // Each task: one request with the schema (refused), one without.
    const sent = judge.requests();
    expect(sent.map((r) => formatOf(r) !== undefined).filter(Boolean)).toHaveLength(4);
    expect(sent).toHaveLength(8);
    const stored = await judge.stored();
    expect(stored.every((s) => s.consistent === true)).toBe(true);
  });

  it("stores a clear error when the reply is no verdict, and the server's own when it refuses both ways", async () => {
    const prose = await campaignWithJudge("prose-judge");
    server.setScript((r) =>
      r.body?.model === "prose-judge" ? { kind: "reply", content: '{"choice": "C", "rationale": "Neither, really."}' } : undefined,
    );
    const failed = await prose.run();
    expect(failed).toMatchObject({ status: "failed", progress: { done: 0, failed: 4 } });
    expect(failed.errors.map((e) => e.message)).toEqual(Array(4).fill('The judge\'s choice "C" is not one this template allows'));
    expect(await prose.stored()).toEqual([]);

    const refusing = await campaignWithJudge("refusing");
    server.setScript((r) => (r.body?.model === "refusing" ? { kind: "error", status: 400, message: "Bad request: context too long" } : undefined));
    const refused = await refusing.run();
    server.setScript(undefined);
    expect(refused).toMatchObject({ status: "failed", progress: { failed: 4 } });
    expect(refused.errors[0]?.message).toContain("context too long");
    expect(refusing.requests()).toHaveLength(8);
  });
});
