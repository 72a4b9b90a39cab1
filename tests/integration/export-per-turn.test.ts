import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGGREGATIONS } from "@/server/services/exports/export-options";
import { expectTrlRow, fileFormatViolations } from "../unit/export-formats/trl-rules";
import { FOLLOW_UPS, PER_TURN_PROMPT, perTurnLine, turnsOf } from "../fixtures/per-turn";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { exportJsonl, judgeAll, setupExportCampaign, type TaskView } from "./export-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

type Msg = { role: string; content: unknown; tool_calls?: unknown; tool_call_id?: string };
const STRENGTHS = ["negligible", "slight", "better", "significant"] as const;

/** Four 3-turn pairs (the first turn of "a" calls a tool) and one pair of 3 turns against 2. */
const LINES = [
  ...Array.from({ length: 4 }, (_, i) => perTurnLine(`pair-${i}`, turnsOf(`A${i}`, 3, { withTool: true }), turnsOf(`B${i}`))),
  perTurnLine("uneven", turnsOf("AU"), turnsOf("BU", 2)),
];

/** Per turn: a spread of choices across annotators and turns, ties and both-bad included. */
function verdicts(annotator: number) {
  return (view: TaskView) => {
    const [a, b] = view.order;
    const n = view.itemExternalId === "uneven" ? 2 : 3;
    return {
      turns: Array.from({ length: n }, (_, k) => {
        const pick = (annotator + k + view.itemExternalId.length) % 5;
        if (pick === 3) return { choice: "tie" };
        if (pick === 4) return { choice: "both_bad" };
        return { choice: pick % 2 === 0 ? a : b, strength: STRENGTHS[(annotator + k) % 4] };
      }),
      rationale: `annotator ${annotator}`,
    };
  };
}

async function judgedCampaign() {
  const { db } = database;
  const { admin, campaign, annotators } = await setupExportCampaign(db, {
    text: LINES.join("\n"),
    annotators: 3,
    input: { overlap: 3, template: { kind: "pairwise", per_turn: true, strength: true } },
  });
  for (const [i, annotator] of annotators.entries()) {
    await judgeAll(db, { campaignId: campaign.id, annotator, decide: verdicts(i) });
  }
  const run = (options: Record<string, unknown>) => exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options });
  return { run };
}

const answerText = (messages: Msg[]) => messages.map((m) => m.content).join(" ");

describe("per-turn exports (DESIGN §16)", () => {
  it("give one preference row per judgement and turn, asked in the chosen side's conversation", async () => {
    const { run } = await judgedCampaign();
    const judgements = await run({ format: "judgements" });
    // The raw export keeps each judgement's verdicts turn by turn.
    expect(judgements).toHaveLength(15);
    for (const j of judgements as { item_external_id: string; payload: { turns: unknown[] } }[])
      expect(j.payload.turns).toHaveLength(j.item_external_id === "uneven" ? 2 : 3);
    const preferred = (judgements as { payload: { turns: { choice: string }[] } }[])
      .flatMap((j) => j.payload.turns)
      .filter((t) => t.choice !== "tie" && t.choice !== "both_bad").length;

    const rows = (await run({ format: "trl" })) as { prompt: Msg[]; chosen: Msg[]; rejected: Msg[]; turn: number }[];
    expect(rows).toHaveLength(preferred);
    expect(fileFormatViolations(rows)).toEqual([]);
    for (const row of rows) {
      expectTrlRow(row);
      const side = answerText(row.chosen).slice(0, 2);
      // The prompt: the item's question, the chosen side's earlier turns, the follow-up.
      expect(row.prompt[0]).toEqual({ role: "user", content: PER_TURN_PROMPT });
      expect(row.prompt[row.prompt.length - 1]).toEqual({ role: "user", content: row.turn === 1 ? PER_TURN_PROMPT : FOLLOW_UPS[row.turn - 2] });
      const earlier = row.prompt.filter((m) => m.role === "assistant" && m.content !== "").map((m) => m.content);
      expect(earlier).toEqual(Array.from({ length: row.turn - 1 }, (_, k) => `${side}: answer ${k + 1}`));
      expect(answerText(row.chosen)).toMatch(new RegExp(`answer ${row.turn}$`));
      expect(answerText(row.rejected)).toMatch(new RegExp(`answer ${row.turn}$`));
      expect(answerText(row.rejected).slice(0, 2)).not.toBe(side);
    }
    // Turn 1 of an "A" side keeps its tool call and result in the answer.
    const toolTurn = rows.find((r) => r.turn === 1 && answerText(r.chosen).includes("A0"));
    expect(toolTurn?.chosen.map((m) => m.role)).toEqual(["assistant", "tool", "assistant"]);
    // The uneven pair has rows for its two shared turns only.
    expect(rows.filter((r) => answerText(r.chosen).includes("U:")).every((r) => r.turn <= 2)).toBe(true);
    expect(new Set(rows.map((r) => r.turn))).toEqual(new Set([1, 2, 3]));
  });

  it("pass TRL's rules in every TRL format, aggregation and margin; OpenAI rows end input on the user", async () => {
    const { run } = await judgedCampaign();
    let count = 0;
    for (const format of ["trl", "trl-implicit", "trl-kto"]) {
      for (const aggregation of AGGREGATIONS) {
        for (const margin of ["none", "large"]) {
          const rows = await run({ format, aggregation, margin, ...(format === "trl-kto" ? { both_bad: "keep" } : {}) });
          for (const row of rows) expectTrlRow(row);
          expect(fileFormatViolations(rows)).toEqual([]);
          count += rows.length;
          if (aggregation !== "none") {
            // Consensus per (item, turn): at most one row per turn of each item (two for KTO).
            expect(rows.length).toBeLessThanOrEqual((format === "trl-kto" ? 2 : 1) * (4 * 3 + 2));
          }
        }
      }
    }
    expect(count).toBeGreaterThan(300);

    const openai = (await run({ format: "openai-dpo" })) as {
      input: { messages: Msg[] };
      preferred_output: Msg[];
      non_preferred_output: Msg[];
    }[];
    expect(openai.length).toBeGreaterThan(0);
    for (const row of openai) {
      expect(row.input.messages[row.input.messages.length - 1]?.role).toBe("user");
      for (const output of [row.preferred_output, row.non_preferred_output]) {
        expect(output.every((m) => m.role === "assistant" || m.role === "tool")).toBe(true);
        expect(output[output.length - 1]?.role).toBe("assistant");
      }
      expect(Object.keys(row).sort()).toEqual(["input", "non_preferred_output", "preferred_output"]);
    }

    // Unpaired, each completion is asked in its own side's conversation.
    const kto = (await run({ format: "trl-kto" })) as { prompt: Msg[]; completion: Msg[]; turn: number }[];
    for (const row of kto.filter((r) => r.turn > 1)) {
      const side = answerText(row.completion).slice(0, 2);
      const earlier = row.prompt.filter((m) => m.role === "assistant" && m.content !== "").map((m) => String(m.content).slice(0, 2));
      expect(new Set(earlier)).toEqual(new Set([side]));
    }
  });
});
