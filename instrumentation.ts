/** Next.js calls this once as a server starts, before it serves any request. */
export async function register(): Promise<void> {
  // Only the Node.js server talks to the database; the edge proxy has nothing to check.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkSecretAtStart } = await import("./server/auth/check-secret-at-start");
  await checkSecretAtStart();
}
