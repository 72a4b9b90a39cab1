import type { RatingTemplate } from "@/server/services/campaigns/template-config";
import { FLAGS, SUBMIT, digitKeys, type KeyBinding } from "./key-map";
import {
  EMPTY_RANKING,
  cleanGroups,
  orderAfterKey,
  placedCount,
  rationaleProblem,
  type OrderRules,
  type RankingAnswer,
} from "./ranking-answer";

/** What the annotator has rated so far; also the autosaved draft. */
export interface RatingAnswer {
  ratings: Record<string, Record<string, number>>;
  /** The focused row: every response × attribute in order, then the preference row. */
  cursor: number;
  /** The preference that follows when the template's `then` is "pairwise". */
  choice: string | null;
  /** … or "ranking" (ties allowed, no "none is acceptable"). */
  order: RankingAnswer;
  rationale: string;
  flags: string[];
}

export const RATING_ORDER_RULES: OrderRules = { allowTies: true, allowNone: false };

export interface RatingRow {
  responseId: string;
  attribute: RatingTemplate["attributes"][number];
}

export function ratingRows(template: RatingTemplate, responseIds: string[]): RatingRow[] {
  return responseIds.flatMap((responseId) => template.attributes.map((attribute) => ({ responseId, attribute })));
}

const rowCount = (t: RatingTemplate, ids: string[]) => ratingRows(t, ids).length + (t.then ? 1 : 0);

export function ratingKeys(template: RatingTemplate, responseIds: string[]): KeyBinding[] {
  const low = Math.min(...template.attributes.map((a) => a.min));
  const high = Math.max(...template.attributes.map((a) => a.max));
  const digits = digitKeys(
    Math.max(0, Math.min(low, template.then ? 1 : low)),
    Math.min(9, Math.max(high, template.then ? responseIds.length : high)),
  );
  const preference =
    template.then === "pairwise"
      ? "; on the last row, choose the best response"
      : template.then === "ranking"
        ? "; on the last row, put that response next in the order"
        : "";
  return [
    { id: "next-row", keys: ["ArrowDown", "Tab"], label: "Next row", display: "↓ / Tab" },
    { id: "prev-row", keys: ["ArrowUp", "Shift+Tab"], label: "Previous row", display: "↑ / Shift+Tab" },
    { id: "digit", ...digits, label: `Rate the focused row${preference}` },
    ...(template.then === "ranking"
      ? [{ id: "tie", keys: ["="], label: "On the last row: tie the next response with the previous" }]
      : []),
    { id: "back", keys: ["Backspace"], label: "Clear the focused rating; on the ranking row, take the last back" },
    SUBMIT,
    ...(template.flags.length ? [FLAGS] : []),
  ];
}

export function ratingAfterKey(
  id: string,
  key: string,
  a: RatingAnswer,
  template: RatingTemplate,
  responseIds: string[],
): RatingAnswer | null {
  const rows = ratingRows(template, responseIds);
  const last = rowCount(template, responseIds) - 1;
  if (id === "next-row") return a.cursor < last ? { ...a, cursor: a.cursor + 1 } : null;
  if (id === "prev-row") return a.cursor > 0 ? { ...a, cursor: a.cursor - 1 } : null;
  const row = rows[a.cursor];
  if (row) {
    const current = { ...a.ratings[row.responseId] };
    if (id === "back") {
      delete current[row.attribute.name];
      return { ...a, ratings: { ...a.ratings, [row.responseId]: current } };
    }
    if (id !== "digit") return null;
    const value = Number(key);
    if (value < row.attribute.min || value > row.attribute.max) return a;
    return setRating(a, row, value, Math.min(a.cursor + 1, last));
  }
  if (template.then === "pairwise" && id === "digit") {
    const choice = responseIds[Number(key) - 1];
    return choice ? { ...a, choice } : a;
  }
  if (template.then === "ranking") {
    const orderId = id === "digit" ? "place" : id === "back" ? "undo" : id;
    const order = orderAfterKey(orderId, key, a.order, RATING_ORDER_RULES, responseIds);
    return order ? { ...a, order } : null;
  }
  return null;
}

export function setRating(a: RatingAnswer, row: RatingRow, value: number, cursor: number): RatingAnswer {
  const current = { ...a.ratings[row.responseId], [row.attribute.name]: value };
  return { ...a, cursor, ratings: { ...a.ratings, [row.responseId]: current } };
}

export const ratedCount = (a: RatingAnswer, rows: RatingRow[]) =>
  rows.filter((r) => a.ratings[r.responseId]?.[r.attribute.name] !== undefined).length;

export function ratingFromDraft(draft: unknown, template: RatingTemplate, responseIds: string[]): RatingAnswer {
  const d = (draft ?? {}) as Record<string, unknown>;
  const raw = (d.ratings && typeof d.ratings === "object" ? d.ratings : {}) as Record<string, unknown>;
  const ratings: RatingAnswer["ratings"] = {};
  for (const id of responseIds) {
    const given = (raw[id] ?? {}) as Record<string, unknown>;
    for (const { name, min, max } of template.attributes) {
      const v = given[name];
      if (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max) {
        ratings[id] = { ...ratings[id], [name]: v };
      }
    }
  }
  const orderSource = (d.order ?? {}) as Record<string, unknown>;
  const groups = cleanGroups(orderSource.groups ?? d.ranking, responseIds, true);
  const answer: RatingAnswer = {
    ratings,
    cursor: 0,
    choice: typeof d.choice === "string" && responseIds.includes(d.choice) ? d.choice : null,
    order: { ...EMPTY_RANKING, groups },
    rationale: typeof d.rationale === "string" ? d.rationale : "",
    flags: Array.isArray(d.flags)
      ? d.flags.filter((f): f is string => typeof f === "string" && template.flags.includes(f))
      : [],
  };
  const rows = ratingRows(template, responseIds);
  const firstOpen = rows.findIndex((r) => ratings[r.responseId]?.[r.attribute.name] === undefined);
  return { ...answer, cursor: firstOpen >= 0 ? firstOpen : rowCount(template, responseIds) - 1 };
}

export function ratingProblem(a: RatingAnswer, template: RatingTemplate, responseIds: string[]) {
  const rows = ratingRows(template, responseIds);
  const rated = ratedCount(a, rows);
  if (rated < rows.length) return `Rate every row (${rated} of ${rows.length} rated)`;
  if (template.then === "pairwise" && !a.choice) return "Choose the best response";
  if (template.then === "ranking" && placedCount(a.order) < responseIds.length) {
    return `Rank every response (${placedCount(a.order)} of ${responseIds.length} placed)`;
  }
  return rationaleProblem(a.rationale, template);
}

export function ratingToPayload(a: RatingAnswer, template: RatingTemplate) {
  const rationale = a.rationale.trim();
  return {
    ratings: a.ratings,
    ...(template.then === "pairwise" && a.choice ? { choice: a.choice } : {}),
    ...(template.then === "ranking" ? { ranking: a.order.groups } : {}),
    ...(rationale ? { rationale } : {}),
    ...(a.flags.length > 0 ? { flags: a.flags } : {}),
  };
}

export function ratingToDraft(a: RatingAnswer): RatingAnswer | null {
  const touched =
    Object.keys(a.ratings).length > 0 ||
    a.choice !== null ||
    a.order.groups.length > 0 ||
    a.rationale !== "" ||
    a.flags.length > 0;
  return touched ? a : null;
}
