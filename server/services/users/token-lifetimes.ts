/**
 * How long a new token may be made to last, in days; without a choice it lasts until revoked.
 * Its own module (no node imports) so the token page can offer the same choices.
 */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const;
