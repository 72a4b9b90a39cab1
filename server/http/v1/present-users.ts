import type { z } from "zod";
import type { MemberStatus, User } from "@/db/schema";
import type { AuditEventRow } from "@/server/services/audit/list-audit-events";
import type { MemberSummary } from "@/server/services/campaigns/list-members";
import type { UserDetails } from "@/server/services/users/get-user-details";
import type { UserSummary } from "@/server/services/users/list-users";
import type {
  auditEventOut,
  campaignMemberOut,
  userDetailsOut,
  userOut,
  userSummaryOut,
} from "./user-schemas";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type UserBase = Pick<
  User,
  "id" | "email" | "name" | "role" | "disabled" | "createdAt" | "lastSignInAt"
>;

export function userJson(u: UserBase): z.input<typeof userOut> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    created_at: u.createdAt.toISOString(),
    last_sign_in_at: iso(u.lastSignInAt),
  };
}

export function userSummaryJson(u: UserSummary): z.input<typeof userSummaryOut> {
  return {
    ...userJson(u),
    campaign_count: u.campaignCount,
    active_token_count: u.activeTokenCount,
  };
}

export function userDetailsJson(u: UserDetails): z.input<typeof userDetailsOut> {
  return {
    ...userJson(u),
    campaigns: u.campaigns.map((c) => ({
      campaign_id: c.campaignId,
      name: c.name,
      campaign_status: c.campaignStatus,
      member_status: c.memberStatus,
      joined_at: c.joinedAt.toISOString(),
    })),
    tokens: u.tokens.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      created_at: t.createdAt.toISOString(),
      last_used_at: iso(t.lastUsedAt),
      last_ip: t.lastIp,
      revoked_at: iso(t.revokedAt),
    })),
  };
}

export function auditEventJson(e: AuditEventRow): z.input<typeof auditEventOut> {
  return {
    id: e.id,
    created_at: e.createdAt.toISOString(),
    action: e.action,
    actor_id: e.actorId,
    actor_email: e.actorEmail,
    campaign_id: e.campaignId,
    campaign_name: e.campaignName,
    subject_type: e.subjectType,
    subject_id: e.subjectId,
    subject_label: e.subjectLabel,
    details: e.details,
  };
}

export function memberJson(m: MemberSummary): z.input<typeof campaignMemberOut> {
  return {
    user_id: m.userId,
    email: m.email,
    name: m.name,
    status: m.status as MemberStatus,
    submitted: m.submitted,
    added_at: m.addedAt.toISOString(),
  };
}
