import { z } from "zod";
import { MEMBER_STATUSES, USER_ROLES } from "@/db/schema";
import { createUserInput } from "@/server/services/users/user-inputs";

/** REST v1 wire shapes for users, the audit log and campaign members (snake_case). */

const timestamp = z.iso.datetime();
const uuid = z.uuid();

// Requests.
export const createUserBody = createUserInput;

export const updateUserBody = z
  .strictObject({
    role: z.enum(USER_ROLES).optional(),
    disabled: z
      .boolean()
      .optional()
      .describe("Disabling ends every session and revokes every token"),
    name: z.string().trim().max(120).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Change at least one field" });

export const updateMemberBody = z.strictObject({ status: z.enum(MEMBER_STATUSES) });

// Responses.
export const userOut = z.object({
  id: uuid,
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(USER_ROLES),
  disabled: z.boolean(),
  created_at: timestamp,
  last_sign_in_at: timestamp.nullable(),
});
export const userSummaryOut = userOut.extend({
  campaign_count: z.number().int(),
  active_token_count: z.number().int(),
});
export const userListOut = z.object({ users: z.array(userSummaryOut) });
export const createdUserOut = userOut.extend({
  generated_password: z
    .string()
    .optional()
    .describe("Only when no password was sent: shown this once"),
});
export const userDetailsOut = userOut.extend({
  campaigns: z.array(
    z.object({
      campaign_id: uuid,
      name: z.string(),
      campaign_status: z.string(),
      member_status: z.string(),
      joined_at: timestamp,
    }),
  ),
  tokens: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      prefix: z.string(),
      created_at: timestamp,
      last_used_at: timestamp.nullable(),
      last_ip: z.string().nullable(),
      revoked_at: timestamp.nullable(),
    }),
  ),
});
export const resetLinkOut = z.object({
  url: z.string().describe("Single use; give it to the user over a trusted channel"),
  expires_at: timestamp,
});

export const auditEventOut = z.object({
  id: uuid,
  created_at: timestamp,
  action: z.string(),
  actor_id: uuid.nullable(),
  actor_email: z.string().nullable(),
  campaign_id: uuid.nullable(),
  campaign_name: z.string().nullable(),
  subject_type: z.string().nullable(),
  subject_id: z.string().nullable(),
  subject_label: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const auditEventListOut = z.object({
  events: z.array(auditEventOut),
  next_cursor: z.string().nullable().describe("Pass as `cursor` for the next (older) page"),
});

export const campaignMemberOut = z.object({
  user_id: uuid,
  email: z.string(),
  name: z.string().nullable(),
  status: z.enum(MEMBER_STATUSES),
  submitted: z.number().int(),
  added_at: timestamp,
});
export const campaignMemberListOut = z.object({ members: z.array(campaignMemberOut) });
export const memberStatusOut = z.object({ user_id: uuid, status: z.enum(MEMBER_STATUSES) });
export const removedMemberOut = z.object({
  user_id: uuid,
  released_leases: z.number().int().describe("Open tasks of the member given back to the pool"),
});

// Query strings (all values arrive as strings).
export const listUsersQuery = z.strictObject({ search: z.string().max(254).optional() });

export const auditEventsQuery = z.strictObject({
  campaign_id: z.uuid().optional(),
  user_id: z.uuid().optional(),
  action: z.string().max(100).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** A query string as a plain object, parsed by a strict schema (unknown parameters are a 400). */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}
