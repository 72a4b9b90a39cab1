/** Liveness: the process answers. Readiness (database reachable) is /api/ready. */
export function GET(): Response {
  return Response.json({ status: "ok" });
}

export const dynamic = "force-dynamic";
