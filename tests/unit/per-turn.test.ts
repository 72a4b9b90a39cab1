import { describe, expect, it } from "vitest";
import { TURNS, withKind } from "@/app/(annotate)/campaigns/[id]/answer-kinds";
import { bindingFor } from "@/app/(annotate)/campaigns/[id]/key-map";
import { verdictLabel } from "@/app/(admin)/admin/campaigns/[id]/_components/quality/verdict-label";
import { turnsTask, type TurnsAnswer, type TurnsTask } from "@/app/(annotate)/campaigns/[id]/turns-answer";
import { comparedTurnCount, itemTurnCount, responseTurns, splitTurns, turnContext } from "@/server/domain/turns";
import type { Message } from "@/server/formats/messages";
import { payloadFromHandles, payloadToHandles, taskHandle } from "@/server/services/assignment/task-handles";
import { templateConfigSchema, type PairwiseTemplate } from "@/server/services/campaigns/template-config";
import { payloadSchemaFor } from "@/server/services/judgements/judgement-payload";

const perTurn = (extra: Record<string, unknown> = {}) =>
  templateConfigSchema.parse({ kind: "pairwise", per_turn: true, ...extra }) as PairwiseTemplate;

const call = { id: "c1", type: "function" as const, function: { name: "lookup", arguments: '{"q":"x"}' } };
/** Three assistant turns after the prompt; the first calls a tool before it answers. */
const continuation = (tag: string, followUps = ["Why?", "Sure?"]): Message[] => [
  { role: "assistant", content: "", tool_calls: [{ ...call, id: `c-${tag}` }] },
  { role: "tool", tool_call_id: `c-${tag}`, content: "{}" },
  { role: "assistant", content: `${tag} one` },
  { role: "user", content: followUps[0] ?? "" },
  { role: "assistant", content: `${tag} two` },
  { role: "user", content: followUps[1] ?? "" },
  { role: "assistant", content: `${tag} three` },
];

describe("assistant turns of a continuation (DESIGN §16)", () => {
  it("end where the user follows up; tool calls and results stay in their turn", () => {
    const turns = splitTurns(continuation("A"));
    expect(turns.map((t) => [t.opening.map((m) => m.content), t.answer.map((m) => m.role)])).toEqual([
      [[], ["assistant", "tool", "assistant"]],
      [["Why?"], ["assistant"]],
      [["Sure?"], ["assistant"]],
    ]);
    // An unanswered follow-up at the end is no turn; plain text is one turn.
    expect(splitTurns([...continuation("A"), { role: "user", content: "Bye" }])).toHaveLength(3);
    expect(responseTurns({ content: "Just text." })).toEqual([{ opening: [], answer: [{ role: "assistant", content: "Just text." }] }]);
  });

  it("are compared on the shared prefix: both have the turn and the same follow-up opens it", () => {
    const a = splitTurns(continuation("A"));
    expect(comparedTurnCount(a, splitTurns(continuation("B")))).toBe(3);
    expect(comparedTurnCount(a, splitTurns(continuation("B").slice(0, 5)))).toBe(2);
    expect(comparedTurnCount(a, splitTurns(continuation("B", ["Why?", "Really?"])))).toBe(2);
    expect(comparedTurnCount(a, splitTurns(continuation("B", ["How?", "Sure?"])))).toBe(1);
    expect(itemTurnCount([{ content: "x" }, { content: "y", messages: continuation("B") }])).toBe(1);
  });

  it("give each turn its context: the prompt, that side's earlier turns, the follow-up", () => {
    const prompt: Message[] = [{ role: "user", content: "Q" }];
    const context = turnContext(prompt, splitTurns(continuation("A")), 2);
    expect(context.map((m) => m.content)).toEqual(["Q", "", "{}", "A one", "Why?", "A two", "Sure?"]);
    expect(context[context.length - 1]?.role).toBe("user");
  });
});

describe("per-turn payloads", () => {
  const ids = ["r1", "r2"];

  it("take one pairwise verdict per compared turn, and refuse another count", () => {
    const schema = payloadSchemaFor(perTurn({ strength: true }), ids, new Map(), 3);
    const three = [{ choice: "r1", strength: "slight" }, { choice: "tie" }, { choice: "r2", strength: "better" }];
    expect(schema.safeParse({ turns: three }).success).toBe(true);
    const short = schema.safeParse({ turns: three.slice(0, 2) });
    expect(short.error?.issues.map((i) => i.message)).toEqual(["This item is compared on 3 turns: give 3 verdicts, not 2"]);
    // Each turn follows the pairwise rules: strength when a response is preferred, and only then.
    expect(schema.safeParse({ turns: [{ choice: "r1" }, { choice: "tie" }, three[2]] }).error?.issues[0]?.path).toEqual(["turns", 0, "strength"]);
    expect(schema.safeParse({ turns: [three[0], { choice: "tie", strength: "slight" }, three[2]] }).success).toBe(false);
    expect(schema.safeParse({ turns: [three[0], three[1], { choice: "r3", strength: "slight" }] }).success).toBe(false);
    // The whole-response keys are not the per-turn shape.
    expect(schema.safeParse({ choice: "r1", strength: "slight" }).success).toBe(false);
    expect(schema.safeParse({ turns: three, choice: "r1" }).success).toBe(false);
    // A whole-response template refuses turns.
    expect(payloadSchemaFor(perTurn({ per_turn: false }), ids).safeParse({ turns: [{ choice: "r1" }] }).success).toBe(false);
  });

  it("read out turn by turn on the adjudication screen", () => {
    const payload = { turns: [{ choice: "r2", strength: "slight" }, { choice: "tie" }, { choice: "both_bad" }] };
    expect(verdictLabel(payload, ids)).toBe("turn 1: Response 2 (slight); turn 2: tie; turn 3: both bad");
  });

  it("name responses by the task's handles on the way in and out, turn by turn", () => {
    const assignmentId = "a1";
    const handle = (id: string) => taskHandle(assignmentId, id);
    const sent = { turns: [{ choice: handle("r2") }, { choice: "tie", criteria: { honesty: handle("r1") } }] };
    const stored = payloadFromHandles(sent, { assignmentId, responseIds: ids });
    expect(stored).toEqual({ turns: [{ choice: "r2" }, { choice: "tie", criteria: { honesty: "r1" } }] });
    expect(payloadToHandles(stored, { assignmentId })).toEqual(sent);
  });
});

const choices = (payload: Record<string, unknown>) => (payload.turns as { choice: string }[]).map((t) => t.choice);

describe("the per-turn screen's keys", () => {
  const responses = [
    { id: "r1", content: "", messages: continuation("A") },
    { id: "r2", content: "", messages: continuation("B") },
  ];
  const ids = responses.map((r) => r.id);
  const keyOf = (task: TurnsTask, key: string) => bindingFor(TURNS.keys(task, ids), key)?.id ?? "";
  const press = (task: TurnsTask, answer: TurnsAnswer, ...keys: string[]) =>
    keys.reduce((a, key) => TURNS.afterKey(keyOf(task, key), key, a, task, ids) ?? a, answer);

  it("judge the focused turn and move on, so 1 2 3 judges three turns; Enter waits for all", () => {
    const task = turnsTask(perTurn(), responses);
    expect(task.turnCount).toBe(3);
    const start = TURNS.fromDraft(null, task, ids);
    const two = press(task, start, "1", "2");
    expect(two.cursor).toBe(2);
    expect(TURNS.problem(two, task, ids)).toBe("Turn 3: choose a verdict (2 of 3 turns judged)");
    const done = press(task, two, "3");
    expect(TURNS.problem(done, task, ids)).toBeNull();
    const payload = TURNS.toPayload(done, task, ids);
    expect(payload).toEqual({ turns: [{ choice: "r1" }, { choice: "r2" }, { choice: "tie" }] });
    expect(payloadSchemaFor(task, ids, new Map(), 3).safeParse(payload).success).toBe(true);
    // k goes back and a new key changes that turn only; a stored payload reopens as it was.
    const changed = press(task, done, "k", "4");
    expect(choices(TURNS.toPayload(changed, task, ids))).toEqual(["r1", "both_bad", "tie"]);
    expect(TURNS.fromDraft(payload, task, ids).turns.map((t) => t.choice)).toEqual(["r1", "r2", "tie"]);
  });

  it("with strength, stay on a turn until its strength is chosen", () => {
    const task = turnsTask(perTurn({ strength: true }), responses);
    const start = TURNS.fromDraft(null, task, ids);
    const chosen = press(task, start, "2");
    expect(chosen.cursor).toBe(0);
    const graded = press(task, chosen, "e", "3");
    expect(graded.cursor).toBe(2);
    // The third turn is still open: Submit stays off.
    expect((TURNS.toPayload(graded, task, ids).turns as unknown[]).slice(0, 2)).toEqual([{ choice: "r2", strength: "better" }, { choice: "tie" }]);
    expect(TURNS.problem(graded, task, ids)).toMatch(/^Turn 3/);
  });

  it("is what withKind gives a per-turn pairwise template", () => {
    expect(withKind(perTurn(), (k) => k === (TURNS as unknown), responses)).toBe(true);
    expect(withKind(perTurn({ per_turn: false }), (k) => k === (TURNS as unknown), responses)).toBe(false);
  });
});
