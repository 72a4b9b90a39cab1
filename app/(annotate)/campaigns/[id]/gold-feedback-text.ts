import type { RouterOutputs } from "@/app/_trpc/types";
import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import { verdictOptions } from "./pairwise-answer";
import { responseLabel } from "./ranking-view";

export type GoldFeedback = NonNullable<RouterOutputs["task"]["submit"]["goldFeedback"]>;

/**
 * The expected answer in the words the annotator's screen used: "A is better" for a pairwise
 * task, a numbered order of "Response 2" … for a ranking. Lines, best first.
 */
export function describeExpected(
  expected: GoldFeedback["expected"],
  template: TemplateConfig,
  responseIds: string[],
): string[] {
  if (!expected) return ["This item's expected answer could not be shown."];
  const name = (id: unknown) => {
    const index = responseIds.indexOf(String(id));
    return index < 0 ? "an unknown response" : responseLabel(index);
  };
  if (expected.not_rankable === true) return ["None of the responses is acceptable"];
  if (Array.isArray(expected.ranking)) {
    return expected.ranking.map((group: unknown, place) => {
      const names = (Array.isArray(group) ? group : [group]).map(name);
      return `${place + 1}. ${names.join(" = ")}${names.length > 1 ? " (tied)" : ""}`;
    });
  }
  const choice = expected.choice;
  if (template.kind === "pairwise") {
    const all = verdictOptions({ ...template, allow_tie: true, allow_both_bad: true }, responseIds);
    const option = all.find((o) => o.value === choice);
    if (option) return [option.label];
  }
  if (choice === "tie") return ["Tie: both are equally good"];
  if (choice === "both_bad") return ["Both are bad"];
  return [`${name(choice)} is the better one`];
}
