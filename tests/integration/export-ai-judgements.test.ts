import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/campaigns/[id]/export/route";
import { AGGREGATIONS } from "@/server/services/exports/export-options";
import { streamExport } from "@/server/services/exports/stream-export";
import { expectTrlRow, fileFormatViolations } from "../unit/export-formats/trl-rules";
import { callerFor } from "../fixtures/factories";
import { startFakeOpenAiServer, type FakeOpenAiServer, type RecordedRequest } from "../fixtures/fake-openai-server";
import { runJudgeJob } from "../fixtures/judge-run";
import { restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { exportBytes, exportJsonl, nativeLines, setupExportCampaign } from "./export-kit";

const API_KEY = "sk-rlaif-c81e728d9d4c2f636f067f89cc14862c";

let database: TestDatabase;
let restore: () => void;
let server: FakeOpenAiServer;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
  server = await startFakeOpenAiServer({ apiKey: API_KEY });
});
afterAll(async () => {
  restore?.();
  await server?.close();
  await database?.close();
});

/**
 * judge-a prefers response a on even items and b on odd ones, but answers "A" whatever it is
 * shown on item 3 (so it flips), calls item 5 a tie and item 7 both bad. judge-b always
 * prefers response a.
 */
function scriptedJudges(request: RecordedRequest) {
  const user = String(request.body?.messages?.at(-1)?.content ?? "");
  const shownFirst = /\[Response A\]\n(.*)\n\[End of response A\]/.exec(user)?.[1] ?? "";
  const n = Number(/ to (\d+)/.exec(shownFirst)?.[1]);
  const firstIsA = shownFirst.includes("answer a");
  const wants = (letter: "a" | "b") => ((letter === "a") === firstIsA ? "A" : "B");
  const choice =
    request.body?.model === "judge-b"
      ? wants("a")
      : n === 3
        ? "A"
        : n === 5
          ? "tie"
          : n === 7
            ? "both_bad"
            : wants(n % 2 === 0 ? "a" : "b");
  return { kind: "reply" as const, content: JSON.stringify({ choice, rationale: `Judged item ${n}.` }) };
}

const TRL_FORMATS = ["trl", "trl-implicit", "trl-kto"] as const;

describe("ai-judgements: LLM judge verdicts as RLAIF data", () => {
  it("exports the judges' consistent verdicts in every preference format, naming the judge, passing TRL's rules", async () => {
    const { db } = database;
    const conversation = [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
    ];
    const prompts = Array.from({ length: 8 }, (_, i) => (i % 2 ? `Question ${i}` : conversation.map((m) => ({ ...m, content: `${m.content} ${i}` }))));
    const { admin, campaign } = await setupExportCampaign(db, {
      text: nativeLines(prompts, ["a", "b"]),
      annotators: 0,
      input: { overlap: 2, template: { kind: "pairwise" } },
    });
    const models = callerFor(db, admin).model;
    const judgeA = await models.create({ name: "judge-a", base_url: server.baseURL, model: "judge-a", api_key: API_KEY });
    const judgeB = await models.create({ name: "judge-b", base_url: server.baseURL, model: "judge-b", api_key: API_KEY });
    server.setScript(scriptedJudges);

    const params = { campaignId: campaign.id, actorId: admin.id };
    await expect(streamExport(db, { ...params, options: { format: "trl", source: "ai-judgements" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("No LLM judge has judged this campaign yet"),
    });
    await runJudgeJob(db, { ...params, endpointId: judgeA.id });
    await runJudgeJob(db, { ...params, endpointId: judgeB.id });
    const ai = (options: Record<string, unknown>) => exportJsonl(db, { ...params, options: { source: "ai-judgements", ...options } });

    // judge-a alone: items 1, 2, 4, 6, 8 are decisive and consistent; 3 flipped; 5 tie; 7 both bad.
    const onlyA = await ai({ format: "trl", judge: "judge-a" });
    expect(onlyA).toHaveLength(5);
    expect(onlyA.every((row) => row.judge === "judge-a")).toBe(true);
    const chosen = onlyA.map((row) => (row.chosen as { content: string }[])[0]?.content ?? "");
    expect(chosen).toEqual([" answer b1 to 1", " answer a0 to 2", " answer a0 to 4", " answer a0 to 6", " answer a0 to 8"]);
    // Kept, the flipped item gives one vote per order: a over b, and b over a.
    const kept = await ai({ format: "trl", judge: "judge-a", inconsistent: "keep" });
    expect(kept).toHaveLength(7);
    expect(kept.filter((row) => JSON.stringify(row.chosen).includes("to 3")).map((row) => (row.chosen as { content: string }[])[0]?.content).sort()).toEqual([
      " answer a0 to 3",
      " answer b1 to 3",
    ]);
    expect(await ai({ format: "trl-kto", judge: "judge-a", both_bad: "keep" })).toHaveLength(2 * 5 + 2);
    const hh = await ai({ format: "hh-rlhf", judge: "judge-a", ties: "keep", both_bad: "keep" });
    expect(hh.map((row) => [row.tie, row.both_bad, row.judge])).toEqual([
      [false, false, "judge-a"],
      [false, false, "judge-a"],
      [false, false, "judge-a"],
      [true, false, "judge-a"],
      [false, false, "judge-a"],
      [false, true, "judge-a"],
      [false, false, "judge-a"],
    ]);
    expect(String(hh[0]?.chosen)).toMatch(/^\n\nHuman: /);

    // Both judges: every verdict is a vote; by majority, a split item has no label.
    expect(await ai({ format: "trl" })).toHaveLength(5 + 8);
    const majority = await ai({ format: "trl", aggregation: "majority" });
    expect(majority.map((row) => row.judge)).toEqual(["judge-a, judge-b", "judge-b", "judge-a, judge-b", "judge-a, judge-b", "judge-a, judge-b"]);

    // The same trainer rules as the human exports, whatever the aggregation, and one shape per column.
    for (const format of TRL_FORMATS) {
      for (const aggregation of AGGREGATIONS) {
        const rows = await ai({ format, aggregation });
        for (const row of rows) expectTrlRow(row);
        expect(fileFormatViolations(rows)).toEqual([]);
      }
    }
    const dpo = await ai({ format: "openai-dpo" });
    expect(dpo).toHaveLength(13);
    for (const row of dpo) expect(Object.keys(row).sort()).toEqual(["input", "non_preferred_output", "preferred_output"]);

    // Raw rows: one per consistent item and judge, with the order, the consistency and tokens.
    const raw = await ai({ format: "judgements" });
    expect(raw).toHaveLength(7 + 8);
    expect(raw[0]).toMatchObject({ judge: "judge-a", order_index: 0, consistent: true, payload: { rationale: "Judged item 1." } });
    expect(raw.every((row) => typeof row.prompt_tokens === "number" && !("annotator" in row))).toBe(true);
    const rawKept = await ai({ format: "judgements", judge: "judge-a", inconsistent: "keep" });
    expect(rawKept.filter((row) => row.consistent === false).map((row) => row.order_index)).toEqual([0, 1]);

    // The humans' exports never hold a judge verdict.
    expect(await exportJsonl(db, { ...params, options: { format: "trl" } })).toEqual([]);

    // CSV and the REST download name the judge too, and no file carries the API key.
    const csv = await exportBytes(db, { ...params, options: { format: "trl", file: "csv", source: "ai-judgements" } });
    expect(new TextDecoder().decode(csv.bytes).split("\r\n")[0]).toBe("prompt,chosen,rejected,judge");
    const token = await tokenFor(db, admin);
    const response = await exportRoute(
      new Request(`http://localhost/api/v1/campaigns/${campaign.id}/export?format=hh-rlhf&source=ai-judgements&judge=judge-b`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ id: campaign.id }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`${campaign.slug}-ai-judgements-hh-rlhf.jsonl`);
    const viaRest = { text: await response.text() };
    expect(viaRest.text.trim().split("\n")).toHaveLength(8);
    const everything = [csv.bytes, ...(await Promise.all(["judgements", "trl", "hh-rlhf"].map(async (format) => (await exportBytes(db, { ...params, options: { format, source: "ai-judgements", inconsistent: "keep" } })).bytes)))];
    for (const bytes of everything) expect(new TextDecoder().decode(bytes)).not.toContain(API_KEY);
    expect(viaRest.text).not.toContain(API_KEY);
  });

  it("refuses options that mean nothing for judge verdicts, and an unknown judge, with the reason", async () => {
    const { db } = database;
    const { admin, campaign } = await setupExportCampaign(db, { text: nativeLines(["q"], ["a", "b"]), annotators: 0 });
    const params = { campaignId: campaign.id, actorId: admin.id };
    const refused = (options: Record<string, unknown>) => streamExport(db, { ...params, options });
    await expect(refused({ format: "trl", source: "ai-judgements", guideline_version: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("guideline_version filters annotators' judgements"),
    });
    await expect(refused({ format: "prompts", source: "ai-judgements" })).rejects.toMatchObject({
      message: expect.stringContaining("prompts cannot be made of LLM judge verdicts"),
    });
    await expect(refused({ format: "trl", inconsistent: "keep" })).rejects.toMatchObject({
      message: expect.stringContaining("inconsistent applies to source=ai-judgements only"),
    });
  });
});
