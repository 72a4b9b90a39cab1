/**
 * The actions the audit log knows, by name. Services write these strings; the audit page
 * offers them as filters. Keep new actions here so the two cannot drift apart.
 */
export const AUDIT_ACTIONS = {
  signIn: "user.sign_in",
  signInFailed: "user.sign_in_failed",
  sessionRefused: "session.refused",
  signOutEverywhere: "user.sign_out_everywhere",
  userCreate: "user.create",
  roleChange: "user.role",
  disable: "user.disable",
  enable: "user.enable",
  passwordResetLink: "user.password_reset_link",
  passwordReset: "user.password_reset",
  passwordChange: "user.password_change",
  tokenCreate: "token.create",
  tokenRevoke: "token.revoke",
  tokenNewIp: "token.new_ip",
  campaignCreate: "campaign.create",
  campaignUpdate: "campaign.update",
  campaignStatus: "campaign.status",
  campaignDuplicate: "campaign.duplicate",
  campaignImport: "campaign.import",
  campaignExport: "campaign.export",
  identityRelease: "campaign.identity_leak.release",
  identityHold: "campaign.identity_leak.hold",
  identityRecheck: "campaign.identity_leak.recheck",
  memberAdd: "campaign.member.add",
  memberPause: "campaign.member.pause",
  memberResume: "campaign.member.resume",
  memberRemove: "campaign.member.remove",
  invitationCreate: "campaign.invitation.create",
  invitationRevoke: "campaign.invitation.revoke",
  invitationAccept: "campaign.invitation.accept",
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
export const AUDIT_ACTION_NAMES = Object.values(AUDIT_ACTIONS) as AuditAction[];
