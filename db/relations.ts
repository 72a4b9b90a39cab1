import { relations } from "drizzle-orm";
import {
  assignments,
  campaignMembers,
  campaigns,
  items,
  judgements,
  responses,
  users,
} from "./schema";

export const campaignsRelations = relations(campaigns, ({ many }) => ({
  members: many(campaignMembers),
  items: many(items),
}));

export const campaignMembersRelations = relations(campaignMembers, ({ one }) => ({
  campaign: one(campaigns, { fields: [campaignMembers.campaignId], references: [campaigns.id] }),
  user: one(users, { fields: [campaignMembers.userId], references: [users.id] }),
}));

export const itemsRelations = relations(items, ({ one, many }) => ({
  campaign: one(campaigns, { fields: [items.campaignId], references: [campaigns.id] }),
  responses: many(responses),
  assignments: many(assignments),
}));

export const responsesRelations = relations(responses, ({ one }) => ({
  item: one(items, { fields: [responses.itemId], references: [items.id] }),
}));

export const assignmentsRelations = relations(assignments, ({ one }) => ({
  item: one(items, { fields: [assignments.itemId], references: [items.id] }),
  annotator: one(users, { fields: [assignments.annotatorId], references: [users.id] }),
}));

export const judgementsRelations = relations(judgements, ({ one }) => ({
  assignment: one(assignments, {
    fields: [judgements.assignmentId],
    references: [assignments.id],
  }),
}));
