import type { Message } from "./messages";
import { answerMessages, type PreferencePair } from "./preference-pair";
import { isStandardPrompt, trlExtras } from "./trl";

export type TrlImplicitRow =
  | { chosen: string; rejected: string; margin?: number; group_id?: string; weight?: number; judge?: string }
  | { chosen: Message[]; rejected: Message[]; margin?: number; group_id?: string; weight?: number; judge?: string };

/**
 * TRL's implicit-prompt preference row (RewardTrainer's recommended input): each side is the
 * whole text or conversation. Standard strings are concatenated with nothing in between,
 * because TRL itself joins `prompt + chosen` that way and the annotated text (leading spaces
 * included) must reach the trainer unchanged. Never a `prompt` or `label` key: the key set
 * must be exactly {chosen, rejected}.
 */
export function toTrlImplicitRow(pair: PreferencePair): TrlImplicitRow {
  const first = pair.prompt[0];
  if (isStandardPrompt(pair) && first) {
    return {
      chosen: first.content + pair.chosen.content,
      rejected: first.content + pair.rejected.content,
      ...trlExtras(pair),
    };
  }
  return {
    chosen: [...pair.prompt, ...answerMessages(pair.chosen)],
    rejected: [...pair.prompt, ...answerMessages(pair.rejected)],
    ...trlExtras(pair),
  };
}
