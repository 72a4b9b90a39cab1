import { itemTurnCount, responseTurns, type Turn } from "@/server/domain/turns";
import type { Message } from "@/server/formats/messages";
import type { PairwiseTemplate } from "@/server/services/campaigns/template-config";
import { FLAGS, SUBMIT, type KeyBinding } from "./key-map";
import { STRENGTH_OPTIONS, answerFromDraft, answerToPayload, verdictOptions, type StrengthValue } from "./pairwise-answer";
import { rationaleProblem } from "./ranking-answer";

/**
 * A per-turn pairwise task (DESIGN §16): the template, with each response cut into its
 * assistant turns and the number of turns the two are compared on, as the server counts them.
 */
export type TurnsTask = PairwiseTemplate & { responseTurns: Record<string, Turn[]>; turnCount: number };

export function turnsTask(
  template: PairwiseTemplate,
  responses: readonly { id: string; content: string; messages?: Message[] | null }[],
): TurnsTask {
  const byId = Object.fromEntries(responses.map((r) => [r.id, responseTurns(r)]));
  return { ...template, responseTurns: byId, turnCount: itemTurnCount(responses) };
}

/** One turn's verdict so far: the pairwise keys for that turn. */
export interface TurnVerdictAnswer {
  choice: string | null;
  strength: StrengthValue | null;
  criteria: Record<string, string>;
}

/** What the annotator has chosen so far, turn by turn; also the autosaved draft. */
export interface TurnsAnswer {
  turns: TurnVerdictAnswer[];
  /** The focused turn (0-based). */
  cursor: number;
  rationale: string;
  flags: string[];
}

const EMPTY_TURN: TurnVerdictAnswer = { choice: null, strength: null, criteria: {} };

/** Why one turn's verdict is not complete yet, or null when it is. */
export function turnProblem(turn: TurnVerdictAnswer | undefined, t: PairwiseTemplate, ids: string[]): string | null {
  if (!turn?.choice) return "choose a verdict";
  if (t.strength && ids.includes(turn.choice) && !turn.strength) return "choose how much better";
  const answered = Object.keys(turn.criteria).length;
  if (answered > 0 && answered < t.criteria.length) return "answer every criterion, or none";
  return null;
}

export function turnsProblem(a: TurnsAnswer, t: TurnsTask, ids: string[]): string | null {
  const open = a.turns.findIndex((turn) => turnProblem(turn, t, ids) !== null);
  if (open >= 0) {
    const done = a.turns.filter((turn) => turnProblem(turn, t, ids) === null).length;
    return `Turn ${open + 1}: ${turnProblem(a.turns[open], t, ids)} (${done} of ${t.turnCount} turns judged)`;
  }
  return rationaleProblem(a.rationale, t);
}

/** The pairwise keys, applied to the focused turn; `j` / `k` move between turns. */
export function turnsKeys(t: TurnsTask, ids: string[]): KeyBinding[] {
  return [
    { id: "next-turn", keys: ["j"], label: "Next turn" },
    { id: "prev-turn", keys: ["k"], label: "Previous turn" },
    ...verdictOptions(t, ids).map((o) => ({ id: `verdict:${o.value}`, keys: [o.key], label: `${o.label} (this turn)` })),
    ...(t.strength
      ? STRENGTH_OPTIONS.map((s) => ({ id: `strength:${s.value}`, keys: [s.key], label: `Strength of this turn: ${s.label.toLowerCase()}` }))
      : []),
    SUBMIT,
    ...(t.flags.length > 0 ? [FLAGS] : []),
  ];
}

/**
 * The answer with the focused turn's verdict or strength set. Once the turn is complete the
 * focus moves on to the next turn still open, so 1, 2, 1… judges a conversation turn by turn.
 */
export function setTurn(a: TurnsAnswer, t: TurnsTask, ids: string[], index: number, patch: Partial<TurnVerdictAnswer>): TurnsAnswer {
  const current = a.turns[index] ?? EMPTY_TURN;
  const next = { ...current, ...patch };
  // A tie or both-bad has no strength; a strength needs a preferred response.
  if (!ids.includes(next.choice ?? "")) next.strength = null;
  const turns = a.turns.map((turn, i) => (i === index ? next : turn));
  let cursor = index;
  if (turnProblem(next, t, ids) === null) {
    const open = turns.findIndex((turn, i) => i > index && turnProblem(turn, t, ids) !== null);
    cursor = open >= 0 ? open : Math.min(index + 1, t.turnCount - 1);
  }
  return { ...a, turns, cursor };
}

export function turnsAfterKey(id: string, _key: string, a: TurnsAnswer, t: TurnsTask, ids: string[]): TurnsAnswer | null {
  if (id === "next-turn") return a.cursor < t.turnCount - 1 ? { ...a, cursor: a.cursor + 1 } : null;
  if (id === "prev-turn") return a.cursor > 0 ? { ...a, cursor: a.cursor - 1 } : null;
  if (id.startsWith("verdict:")) return setTurn(a, t, ids, a.cursor, { choice: id.slice("verdict:".length) });
  const strength = STRENGTH_OPTIONS.find((s) => id === `strength:${s.value}`);
  if (strength && t.strength && ids.includes(a.turns[a.cursor]?.choice ?? "")) {
    return setTurn(a, t, ids, a.cursor, { strength: strength.value });
  }
  return null;
}

/** One turn of a draft or payload, as far as it fits: a turn's verdict is read as a pairwise answer. */
function turnFrom(value: unknown, t: PairwiseTemplate, ids: string[]): TurnVerdictAnswer {
  const { choice, strength, criteria } = answerFromDraft(value, t, ids);
  return { choice, strength, criteria };
}

/** A draft, or a stored `{turns: […]}` payload when an earlier answer is edited, as far as it fits. */
export function turnsFromDraft(draft: unknown, t: TurnsTask, ids: string[]): TurnsAnswer {
  const d = (draft ?? {}) as Record<string, unknown>;
  const given = Array.isArray(d.turns) ? (d.turns as unknown[]) : [];
  const turns = Array.from({ length: t.turnCount }, (_, i) => turnFrom(given[i], t, ids));
  const open = turns.findIndex((turn) => turnProblem(turn, t, ids) !== null);
  return {
    turns,
    cursor: open >= 0 ? open : t.turnCount - 1,
    rationale: typeof d.rationale === "string" ? d.rationale : "",
    flags: Array.isArray(d.flags) ? d.flags.filter((f): f is string => typeof f === "string" && t.flags.includes(f)) : [],
  };
}

/** The judgement payload: `{turns: [{choice, strength?, criteria?}, …], rationale?, flags?}`. */
export function turnsToPayload(a: TurnsAnswer, t: TurnsTask, ids: string[]) {
  const rationale = a.rationale.trim();
  return {
    // Each turn is a pairwise verdict; the rationale and flags belong to the whole answer.
    turns: a.turns.map((turn) => answerToPayload({ ...turn, rationale: "", flags: [] }, t, ids)),
    ...(rationale ? { rationale } : {}),
    ...(a.flags.length > 0 ? { flags: a.flags } : {}),
  };
}

export function turnsToDraft(a: TurnsAnswer): TurnsAnswer | null {
  const touched =
    a.turns.some((turn) => turn.choice !== null || Object.keys(turn.criteria).length > 0) || a.rationale !== "" || a.flags.length > 0;
  return touched ? a : null;
}
