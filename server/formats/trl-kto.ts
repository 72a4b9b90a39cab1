import type { Message } from "./messages";
import { answerMessages, type PairResponse, type PreferencePair } from "./preference-pair";
import { isStandardPrompt } from "./trl";

type KtoExtras = {
  group_id?: string;
  weight?: number;
  judge?: string;
  turn?: number;
};

export type TrlKtoRow =
  | ({ prompt: string; completion: string; label: boolean } & KtoExtras)
  | ({ prompt: Message[]; completion: Message[]; label: boolean } & KtoExtras);

/**
 * TRL's unpaired preference rows (KTOTrainer, BCO): the chosen response becomes a desirable
 * completion (`label: true`) and the rejected one an undesirable completion (`label: false`).
 * `label` is a JSON boolean because TRL tests it as one. The format follows the prompt, as in
 * the explicit-prompt export. `margin` is left out: it measures the gap between two responses
 * and means nothing on a row that holds one.
 */
export function toTrlKtoRows(pair: PreferencePair): [TrlKtoRow, TrlKtoRow] {
  const extras: KtoExtras = {};
  if (pair.groupId !== undefined) extras.group_id = pair.groupId;
  if (pair.weight !== undefined) extras.weight = pair.weight;
  if (pair.judge !== undefined) extras.judge = pair.judge;
  if (pair.turn !== undefined) extras.turn = pair.turn;
  return [row(pair, pair.chosen, true, extras), row(pair, pair.rejected, false, extras)];
}

function row(
  pair: PreferencePair,
  response: PairResponse,
  label: boolean,
  extras: KtoExtras,
): TrlKtoRow {
  const first = pair.prompt[0];
  if (isStandardPrompt(pair) && first && typeof first.content === "string") {
    return { prompt: first.content, completion: response.content, label, ...extras };
  }
  // Unpaired, each completion is asked in its own conversation (a per-turn row's earlier turns).
  return {
    prompt: response.context ?? pair.prompt,
    completion: answerMessages(response),
    label,
    ...extras,
  };
}
