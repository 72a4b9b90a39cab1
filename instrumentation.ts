/** Next.js calls this once as a server starts, before it serves any request. */
export async function register(): Promise<void> {
  // Only the Node.js server talks to the database; the edge proxy has nothing to check. Next
  // inlines NEXT_RUNTIME in each bundle; reading it through server/env.ts would pull Node
  // modules into the edge bundle, where this branch is dropped.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { limitHeapGrowth } = await import("./server/heap-growth");
  limitHeapGrowth();
  const { checkSecretAtStart } = await import("./server/auth/check-secret-at-start");
  await checkSecretAtStart();
  const { startAppWorker } = await import("./server/worker/start-app-worker");
  await startAppWorker();
}
