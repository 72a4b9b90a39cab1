import { createHash } from "node:crypto";

/**
 * Opaque per-assignment handles for the item and response ids a task shows (DESIGN §6, §10).
 * A probe re-serves an item the annotator already judged; with the real ids on the screen (or in
 * `tasks/next`) a script could recognise it and answer consistently without reading. A handle
 * is derived from the assignment id and the real id, so it differs on every assignment, needs
 * no storage, and maps back through the assignment's own ids. Judgements are stored against the
 * real ids: this is the one place that translates.
 */
export function taskHandle(assignmentId: string, realId: string): string {
  const bytes = createHash("sha256").update(`arbiter-task-handle\0${assignmentId}\0${realId}`).digest();
  // Shaped as a version-4 UUID, so the wire format stays what clients validate.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A submitted payload with the assignment's response handles replaced by the real response ids,
 * wherever the payload shapes (DESIGN §5) name a response: `choice`, `criteria` values,
 * `ranking` groups, `ratings` and `steps` keys, and the same inside each verdict of `turns`. Anything else is left for validation to judge.
 */
export function payloadFromHandles(
  payload: Record<string, unknown>,
  params: { assignmentId: string; responseIds: readonly string[] },
): Record<string, unknown> {
  const real = new Map(params.responseIds.map((id) => [taskHandle(params.assignmentId, id), id]));
  return mapResponseIds(payload, (value) => real.get(value) ?? value);
}

/** A stored payload (real ids) as the assignment's task shows it (handles): for reopening it. */
export function payloadToHandles(
  payload: Record<string, unknown>,
  params: { assignmentId: string },
): Record<string, unknown> {
  return mapResponseIds(payload, (value) =>
    value === "tie" || value === "both_bad" ? value : taskHandle(params.assignmentId, value),
  );
}

/** Every place a payload names a response: `choice`, `criteria` values, `ranking` groups, `ratings` and `steps` keys, each of `turns`. */
function mapResponseIds(payload: Record<string, unknown>, map: (id: string) => string): Record<string, unknown> {
  const id = (value: unknown) => (typeof value === "string" ? map(value) : value);
  const out: Record<string, unknown> = { ...payload };
  if ("choice" in out) out.choice = id(out.choice);
  if (isRecord(out.criteria)) {
    out.criteria = Object.fromEntries(Object.entries(out.criteria).map(([name, v]) => [name, id(v)]));
  }
  if (Array.isArray(out.ranking)) {
    out.ranking = out.ranking.map((group: unknown) => (Array.isArray(group) ? group.map(id) : group));
  }
  for (const keyed of ["ratings", "steps"] as const) {
    const record = out[keyed];
    if (isRecord(record)) out[keyed] = Object.fromEntries(Object.entries(record).map(([key, v]) => [id(key) as string, v]));
  }
  // A per-turn payload holds one pairwise verdict per turn, each naming responses the same way.
  if (Array.isArray(out.turns)) out.turns = out.turns.map((turn: unknown) => (isRecord(turn) ? mapResponseIds(turn, map) : turn));
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
