/**
 * Long-running work (an export streaming, any future background job) proves it is alive by
 * touching its row every few seconds. A row still `running` whose beat is older than
 * STALE_AFTER_MS belongs to a process that died (killed, redeployed, lost its database) and is
 * reported as failed, so it can be run again. One source for both numbers.
 */
export const HEARTBEAT_INTERVAL_MS = 5_000;
export const STALE_AFTER_MS = 6 * HEARTBEAT_INTERVAL_MS;

/**
 * Calls `beat` every interval until the returned stop function runs. A failed beat (the
 * database blinking) is only logged: the work itself decides whether it failed.
 */
export function startHeartbeat(beat: () => Promise<unknown>, intervalMs = HEARTBEAT_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    beat().catch((error: unknown) => {
      console.error(`[heartbeat] could not record a beat: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, intervalMs);
  // A forgotten heartbeat must never keep a process (a CLI export) alive.
  timer.unref();
  return () => clearInterval(timer);
}
