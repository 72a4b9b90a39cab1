/** A judgement payload in words, naming responses by their source position ("Response 2"). */
export function verdictLabel(payload: unknown, responseIds: readonly string[]): string {
  const name = (id: string) => {
    const at = responseIds.indexOf(id);
    return at < 0 ? id : `Response ${at + 1}`;
  };
  const p = payload as {
    choice?: string;
    ranking?: string[][];
    not_rankable?: boolean;
    strength?: string;
    turns?: unknown[];
  };
  if (Array.isArray(p.turns))
    return p.turns.map((turn, i) => `turn ${i + 1}: ${verdictLabel(turn, responseIds)}`).join("; ");
  if (p.not_rankable) return "none acceptable";
  if (Array.isArray(p.ranking))
    return p.ranking.map((group) => group.map(name).join(" = ")).join(" > ");
  if (typeof p.choice === "string") {
    if (p.choice === "tie") return "tie";
    if (p.choice === "both_bad") return "both bad";
    return `${name(p.choice)}${p.strength ? ` (${p.strength})` : ""}`;
  }
  return JSON.stringify(payload);
}

export function orderLabel(
  displayOrder: readonly string[],
  responseIds: readonly string[],
): string {
  return displayOrder.map((id) => responseIds.indexOf(id) + 1).join(", ");
}
