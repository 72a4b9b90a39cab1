import { createHash } from "node:crypto";
import { z } from "zod";
import { TOKEN_LIFETIMES_DAYS } from "./token-lifetimes";

/** Every token starts with this, so leaked tokens are easy to recognise (and to scan for). */
export const API_TOKEN_PREFIX = "arb_";
/** How much of a token lists show: enough to tell tokens apart, far too little to use one. */
export const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;

export const createApiTokenInput = z.strictObject({
  name: z.string().trim().min(1, "Name the token").max(100),
  /** Days until the token stops working; omitted: until revoked. */
  expiresInDays: z.number().int().min(1).max(Math.max(...TOKEN_LIFETIMES_DAYS)).optional(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

export const revokeApiTokenInput = z.strictObject({
  tokenId: z.uuid({ message: "Not a token id" }),
});

/** Tokens are 32 random bytes, so a fast unsalted hash is enough: there is nothing to guess. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
