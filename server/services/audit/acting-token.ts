import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The API token the current request acts through, for the audit trail. The interfaces (tRPC
 * context, the REST wrapper) set it once per request, so every audit event any service records
 * names the token, without threading it through every service's parameters.
 */
const actingToken = new AsyncLocalStorage<string | null>();

export function withActingToken<T>(tokenId: string | null, fn: () => T): T {
  return actingToken.run(tokenId, fn);
}

export function currentActingToken(): string | null {
  return actingToken.getStore() ?? null;
}
