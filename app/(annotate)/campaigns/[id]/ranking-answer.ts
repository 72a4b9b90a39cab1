import type { RankingTemplate } from "@/server/services/campaigns/template-config";
import { FLAGS, SUBMIT, digitKeys, type KeyBinding } from "./key-map";

/** The order so far, best first (an inner list is a tie); also the autosaved draft. */
export interface RankingAnswer {
  groups: string[][];
  /** `=` was pressed: the next response joins the last group. */
  tiePending: boolean;
  notRankable: boolean;
  rationale: string;
  flags: string[];
}

export const EMPTY_RANKING: RankingAnswer = {
  groups: [],
  tiePending: false,
  notRankable: false,
  rationale: "",
  flags: [],
};

/** The rules the ranking keys follow; a rating's ranking step uses them without "none". */
export interface OrderRules {
  allowTies: boolean;
  allowNone: boolean;
}

export function rulesOf(template: RankingTemplate): OrderRules {
  return { allowTies: template.allow_ties, allowNone: template.allow_not_rankable };
}

export function orderKeys(rules: OrderRules, count: number): KeyBinding[] {
  return [
    { id: "place", ...digitKeys(1, count), label: "Put that response next in the order (best first)" },
    ...(rules.allowTies
      ? [{ id: "tie", keys: ["="], label: "Before a number: tie it with the previous response" }]
      : []),
    { id: "undo", keys: ["Backspace"], label: "Take the last response back" },
    ...(rules.allowNone ? [{ id: "none", keys: ["0"], label: "None is acceptable" }] : []),
  ];
}

export function rankingKeys(template: RankingTemplate, count: number): KeyBinding[] {
  return [...orderKeys(rulesOf(template), count), SUBMIT, ...(template.flags.length ? [FLAGS] : [])];
}

export const placedCount = (a: Pick<RankingAnswer, "groups">) => a.groups.flat().length;

export function placeResponse(a: RankingAnswer, id: string, rules: OrderRules): RankingAnswer {
  if (a.groups.some((g) => g.includes(id))) return a;
  const last = a.groups.at(-1);
  const groups =
    a.tiePending && rules.allowTies && last
      ? [...a.groups.slice(0, -1), [...last, id]]
      : [...a.groups, [id]];
  return { ...a, groups, tiePending: false, notRankable: false };
}

export function undoLast(a: RankingAnswer): RankingAnswer {
  if (a.tiePending) return { ...a, tiePending: false };
  if (a.notRankable) return { ...a, notRankable: false };
  const last = a.groups.at(-1);
  if (!last) return a;
  const groups = last.length > 1 ? [...a.groups.slice(0, -1), last.slice(0, -1)] : a.groups.slice(0, -1);
  return { ...a, groups };
}

/** The answer after one of the order keys, or null when the binding is not one of them. */
export function orderAfterKey(
  id: string,
  key: string,
  a: RankingAnswer,
  rules: OrderRules,
  responseIds: string[],
): RankingAnswer | null {
  if (id === "place") {
    const target = responseIds[Number(key) - 1];
    return target === undefined ? a : placeResponse(a, target, rules);
  }
  if (id === "tie") {
    const open = a.groups.length > 0 && placedCount(a) < responseIds.length;
    return open ? { ...a, tiePending: true } : a;
  }
  if (id === "undo") return undoLast(a);
  if (id === "none" && rules.allowNone) return { ...a, notRankable: !a.notRankable, tiePending: false };
  return null;
}

/** Groups that name each response at most once and only responses of this task. */
export function cleanGroups(value: unknown, responseIds: string[], allowTies: boolean): string[][] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const group of value) {
    if (!Array.isArray(group)) continue;
    const ids = group.filter(
      (id): id is string => typeof id === "string" && responseIds.includes(id) && !seen.has(id),
    );
    ids.forEach((id) => seen.add(id));
    if (ids.length === 0) continue;
    if (allowTies) groups.push(ids);
    else ids.forEach((id) => groups.push([id]));
  }
  return groups;
}

/** A draft (or a stored payload, for an edit) back into the answer, as far as it still fits. */
export function rankingFromDraft(
  draft: unknown,
  template: RankingTemplate,
  responseIds: string[],
): RankingAnswer {
  const d = (draft ?? {}) as Record<string, unknown>;
  return {
    groups: cleanGroups(d.groups ?? d.ranking, responseIds, template.allow_ties),
    tiePending: false,
    notRankable: template.allow_not_rankable && (d.notRankable === true || d.not_rankable === true),
    rationale: typeof d.rationale === "string" ? d.rationale : "",
    flags: Array.isArray(d.flags)
      ? d.flags.filter((f): f is string => typeof f === "string" && template.flags.includes(f))
      : [],
  };
}

export function rationaleProblem(rationale: string, template: { rationale: RankingTemplate["rationale"] }) {
  const min = template.rationale.required ? Math.max(1, template.rationale.min_length) : 0;
  return rationale.trim().length < min ? `Write a rationale of at least ${min} characters` : null;
}

export function rankingProblem(a: RankingAnswer, template: RankingTemplate, responseIds: string[]) {
  if (!a.notRankable && placedCount(a) < responseIds.length) {
    return `Place every response (${placedCount(a)} of ${responseIds.length} placed)`;
  }
  return rationaleProblem(a.rationale, template);
}

/** The judgement payload (DESIGN §5): the order, or "none is acceptable". */
export function rankingToPayload(a: RankingAnswer) {
  const rationale = a.rationale.trim();
  return {
    ...(a.notRankable ? { not_rankable: true as const } : { ranking: a.groups }),
    ...(rationale ? { rationale } : {}),
    ...(a.flags.length > 0 ? { flags: a.flags } : {}),
  };
}

export function rankingToDraft(a: RankingAnswer): RankingAnswer | null {
  const touched = a.groups.length > 0 || a.notRankable || a.rationale !== "" || a.flags.length > 0;
  return touched ? { ...a, tiePending: false } : null;
}

/**
 * After a drag: every response is placed in the list's order. Ties survive where the tied
 * responses are still next to each other; the moved response stands alone.
 */
export function reorderAll(a: RankingAnswer, order: string[], moved: string): RankingAnswer {
  const groupOf = new Map<string, number>();
  a.groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const groups: string[][] = [];
  order.forEach((id, i) => {
    const prev = order[i - 1];
    const last = groups.at(-1);
    const tied =
      last !== undefined &&
      prev !== undefined &&
      id !== moved &&
      prev !== moved &&
      groupOf.has(id) &&
      groupOf.get(id) === groupOf.get(prev);
    if (tied) last.push(id);
    else groups.push([id]);
  });
  return { ...a, groups, tiePending: false, notRankable: false };
}

const ORDINALS = ["1st", "2nd", "3rd"];
export const ordinal = (n: number) => ORDINALS[n - 1] ?? `${n}th`;
