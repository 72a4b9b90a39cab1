import type { z } from "zod";
import type { Campaign } from "@/db/schema";
import type { Message } from "@/server/formats/messages";
import type { Task } from "@/server/services/assignment/task";
import type { CampaignView } from "@/server/services/campaigns/campaign-view";
import type { CampaignSummary } from "@/server/services/campaigns/list-campaigns";
import type { CampaignStats } from "@/server/services/campaigns/get-campaign-stats";
import type { SubmitResult } from "@/server/services/judgements/submit-judgement";
import type { campaignOut, campaignSummaryOut, judgementOut, statsOut, taskOut } from "./schemas";

/** Service results in the REST wire shape: snake_case, ISO timestamps, nothing internal. */

/** Takes a campaign as its viewer may see it (toCampaignView); rates appear only for admins. */
export function campaignJson(c: CampaignView): z.input<typeof campaignOut> {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    status: c.status,
    template: c.template,
    template_version: c.templateVersion,
    overlap: c.overlap,
    lease_ttl_seconds: c.leaseTtlSeconds,
    ...(c.goldRate === undefined ? {} : { gold_rate: c.goldRate }),
    ...(c.probeRate === undefined ? {} : { probe_rate: c.probeRate }),
    ...(c.goldFeedback === undefined ? {} : { gold_feedback: c.goldFeedback }),
    ...(c.identityLeak === undefined ? {} : { identity_leak: c.identityLeak }),
    ...(c.identityLeakWords === undefined ? {} : { identity_leak_words: c.identityLeakWords }),
    daily_cap: c.dailyCap,
    suggestion_mode: c.suggestionMode,
    guidelines: c.guidelines,
    guideline_version: c.guidelineVersion,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export function campaignSummaryJson(c: CampaignSummary): z.input<typeof campaignSummaryOut> {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    status: c.status as Campaign["status"],
    template_kind: c.templateKind,
    overlap: c.overlap,
    item_count: c.itemCount,
    completed_items: c.completedItems,
    judgement_count: c.judgementCount,
    my_submitted: c.mySubmitted,
    created_at: c.createdAt.toISOString(),
  };
}

function messageJson(m: Message) {
  return {
    role: m.role,
    content: m.content,
    ...(m.tool_calls ? { tool_calls: m.tool_calls } : {}),
    ...(m.tool_call_id ? { tool_call_id: m.tool_call_id } : {}),
  };
}

export function taskJson(t: Task): z.input<typeof taskOut> {
  return {
    assignment_id: t.assignmentId,
    expires_at: t.expiresAt.toISOString(),
    item: {
      id: t.item.id,
      prompt: t.item.prompt.map(messageJson),
    },
    responses: t.responses.map((r) => ({
      id: r.id,
      content_kind: r.contentKind,
      content: r.content,
      ...(r.steps ? { steps: r.steps } : {}),
      ...(r.reasoning ? { reasoning: r.reasoning } : {}),
      ...(r.messages ? { messages: r.messages.map(messageJson) } : {}),
    })),
    template: t.template,
    guideline_version: t.guidelineVersion,
    draft: t.draft,
    identity_warning: t.identityWarning,
    suggestion: t.suggestion,
  };
}

export function judgementJson(r: SubmitResult): z.input<typeof judgementOut> {
  return {
    id: r.judgement.id,
    created: r.created,
    gold_feedback: r.goldFeedback,
    suggestion_shown: r.judgement.suggestionShown,
    agreed_with_suggestion: r.judgement.agreedWithSuggestion,
    suggestion: r.suggestion,
  };
}

export function statsJson(s: CampaignStats): z.input<typeof statsOut> {
  return {
    campaign_id: s.campaignId,
    status: s.status as Campaign["status"],
    overlap: s.overlap,
    items: s.items,
    judgements: s.judgements,
    completed_items: s.completedItems,
    annotators: s.annotators.map((a) => ({
      user_id: a.userId,
      email: a.email,
      submitted: a.submitted,
      skipped: a.skipped,
      in_progress: a.inProgress,
    })),
    identity_leaks: s.identityLeaks,
  };
}
