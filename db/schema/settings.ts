import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * Deployment-wide values that every instance must agree on, created once by whichever instance
 * gets there first (insert … on conflict do nothing, then read back), e.g. the generated
 * session secret and the fingerprint of the secret instances sign with.
 */
export const appSettings = pgTable("app_settings", {
  key: text().primaryKey(),
  value: text().notNull(),
  createdAt: createdAt(),
});

export type AppSetting = typeof appSettings.$inferSelect;
