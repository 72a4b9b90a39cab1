import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGGREGATIONS } from "@/server/services/exports/export-options";
import { streamExport } from "@/server/services/exports/stream-export";
import { expectTrlRow } from "../unit/export-formats/trl-rules";
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

const TRL_FORMATS = ["trl", "trl-implicit", "trl-kto"] as const;
const STRENGTHS = ["negligible", "slight", "better", "significant"] as const;

/** A spread of verdicts per annotator and item, so every consensus method has work to do. */
function pairwiseVerdict(annotator: number) {
  return (view: TaskView) => {
    const n = Number(view.itemExternalId.split("-")[1]);
    const [a, b] = view.order;
    const pick = (n + annotator) % 5;
    if (pick === 3) return { choice: "tie" };
    if (pick === 4 && annotator === 0) return { choice: "both_bad" };
    const choice = pick % 2 === 0 ? a : b;
    return { choice, strength: STRENGTHS[(n + annotator) % 4] };
  };
}

function rankingVerdict(annotator: number) {
  return (view: TaskView) => {
    const ids = [...view.order];
    const shift = (annotator + Number(view.itemExternalId.split("-")[1])) % ids.length;
    const rotated = [...ids.slice(shift), ...ids.slice(0, shift)];
    if (annotator === 2) return { ranking: [[rotated[0]], [rotated[1], rotated[2]], [rotated[3]]] };
    return { ranking: rotated.map((id) => [id]) };
  };
}

async function everyTrlExport(db: TestDatabase["db"], campaignId: string, actorId: string) {
  let rows = 0;
  for (const format of TRL_FORMATS) {
    for (const aggregation of AGGREGATIONS) {
      for (const margin of ["none", "small", "large"]) {
        const exported = await exportJsonl(db, {
          campaignId,
          actorId,
          options: { format, aggregation, margin },
        });
        for (const row of exported) expectTrlRow(row);
        rows += exported.length;
      }
    }
    const kept = await exportJsonl(db, {
      campaignId,
      actorId,
      options: { format, both_bad: format === "trl-kto" ? "keep" : "drop" },
    });
    for (const row of kept) expectTrlRow(row);
  }
  return rows;
}

describe("every row of every TRL export passes TRL's key-set rules", () => {
  it("for text prompts and conversations, pairwise with strength", async () => {
    const { db } = database;
    const conversation = [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "", tool_calls: [{ id: "c1", type: "function", function: { name: "ping", arguments: "{}" } }] },
      { role: "tool", tool_call_id: "c1", content: '{"ok": true}' },
    ];
    const prompts = Array.from({ length: 8 }, (_, i) =>
      i % 2 ? `Question ${i}` : conversation.map((m) => ({ ...m, content: `${m.content} ${i}` })),
    );
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: nativeLines(prompts, ["a", "b"]),
      annotators: 3,
      input: { overlap: 3, template: { kind: "pairwise", strength: true } },
    });
    for (const [i, annotator] of annotators.entries()) {
      await judgeAll(db, { campaignId: campaign.id, annotator, decide: pairwiseVerdict(i) });
    }
    const rows = await everyTrlExport(db, campaign.id, admin.id);
    expect(rows).toBeGreaterThan(100);

    const withMargins = await exportJsonl(db, {
      campaignId: campaign.id,
      actorId: admin.id,
      options: { format: "trl", margin: "large" },
    });
    expect(withMargins.some((row) => row.margin === 3)).toBe(true);
    for (const row of withMargins) expect(row).not.toHaveProperty("label");
    const kto = await exportJsonl(db, {
      campaignId: campaign.id,
      actorId: admin.id,
      options: { format: "trl-kto", both_bad: "keep" },
    });
    expect(kto.filter((row) => row.label === false).length).toBeGreaterThan(
      kto.filter((row) => row.label === true).length,
    );
  });

  it("for answers that call tools: every tool result in chosen/rejected answers an earlier call", async () => {
    const { db } = database;
    const call = (id: string) => ({ id, type: "function", function: { name: "lookup", arguments: "{}" } });
    const toolAnswer = (i: number) => [
      { role: "assistant", content: "", tool_calls: [call(`c${i}`)] },
      { role: "tool", tool_call_id: `c${i}`, content: `{"n": ${i}}` },
      { role: "assistant", content: `Found ${i}.` },
    ];
    const text = Array.from({ length: 6 }, (_, i) =>
      JSON.stringify({
        id: `item-${i}`,
        prompt: i % 2 ? `Look up ${i}` : [{ role: "user", content: `Look up ${i}` }],
        responses: [{ messages: toolAnswer(i) }, { content: `No idea ${i}.` }],
      }),
    ).join("\n");
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text,
      annotators: 3,
      input: { overlap: 3, template: { kind: "pairwise", strength: true } },
    });
    for (const [i, annotator] of annotators.entries()) {
      await judgeAll(db, { campaignId: campaign.id, annotator, decide: pairwiseVerdict(i) });
    }
    expect(await everyTrlExport(db, campaign.id, admin.id)).toBeGreaterThan(50);
    const rows = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "trl" } });
    const withTools = rows.filter((r) => JSON.stringify(r.chosen).includes("tool_call_id"));
    expect(withTools.length).toBeGreaterThan(0);
    for (const row of withTools) expect((row.chosen as { role: string }[]).map((m) => m.role)).toEqual(["assistant", "tool", "assistant"]);
  });

  it("for K-wise rankings expanded into weighted groups", async () => {
    const { db } = database;
    const prompts = Array.from({ length: 4 }, (_, i) => `Rank these ${i}`);
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: nativeLines(prompts, ["a", "b", "c", "d"]),
      annotators: 3,
      input: { overlap: 3, template: { kind: "ranking" } },
    });
    for (const [i, annotator] of annotators.entries()) {
      await judgeAll(db, { campaignId: campaign.id, annotator, decide: rankingVerdict(i) });
    }
    await everyTrlExport(db, campaign.id, admin.id);
    const rows = await exportJsonl(db, {
      campaignId: campaign.id,
      actorId: admin.id,
      options: { format: "trl" },
    });
    // Two annotators rank strictly (6 pairs each), one ties the middle two (5 pairs).
    expect(rows).toHaveLength(4 * (6 + 6 + 5));
    const groups = new Map<unknown, number>();
    for (const row of rows) groups.set(row.group_id, (groups.get(row.group_id) ?? 0) + 1);
    expect(groups.size).toBe(12);
    for (const row of rows) expect(row.weight).toBeCloseTo(1 / 6, 12);
  });

  it("refuses ties=keep for TRL with a clear reason instead of writing rows TRL rejects", async () => {
    const { db } = database;
    const { admin, campaign } = await setupExportCampaign(db, {
      text: nativeLines(["q"], ["a", "b"]),
      annotators: 0,
    });
    for (const format of ["trl", "trl-implicit", "trl-kto", "openai-dpo"]) {
      await expect(
        streamExport(db, {
          campaignId: campaign.id,
          actorId: admin.id,
          options: { format, ties: "keep" },
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/tie/) });
    }
    await expect(
      streamExport(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "nope" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
