/**
 * Verdicts name response ids, which differ from item to item; agreement needs values that
 * mean the same across items, so a response is named by its position in the item's source
 * order ("r1", "r2", …), exactly what every annotator saw behind their own shuffled screen.
 * "tie" and "both_bad" stay as they are; an id not among `ids` has no label.
 */
export function positionalLabel(ids: readonly string[], id: string | undefined): string | undefined {
  if (id === "tie" || id === "both_bad") return id;
  const index = id === undefined ? -1 : ids.indexOf(id);
  return index < 0 ? undefined : `r${index + 1}`;
}
