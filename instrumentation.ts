/** Next calls this once per server process, before the first request. */
export async function register(): Promise<void> {
  // Next inlines NEXT_RUNTIME in each bundle; reading it through server/env.ts would pull Node
  // modules into the edge bundle, where this branch is dropped.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppWorker } = await import("./server/worker/start-app-worker");
  await startAppWorker();
}
