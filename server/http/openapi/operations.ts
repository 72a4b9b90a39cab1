import { IMPORT_FORMATS } from "@/server/formats/import-types";
import {
  EXPORT_FILES,
  EXPORT_FORMATS,
  exportOptionsSchema,
} from "@/server/services/exports/export-options";
import { AGREEMENT_DEFAULTS } from "@/server/services/quality/get-agreement";
import { LEADERBOARD_DEFAULTS } from "@/server/services/quality/get-leaderboard";
import * as q from "../v1/quality-schemas";
import * as s from "../v1/schemas";
import type { Operation } from "./operation";
import { LEAK_OPERATIONS } from "./leak-operations";
import { JOB_OPERATIONS, JUDGE_OPERATIONS, MODEL_OPERATIONS } from "./model-operations";
import { MEMBER_OPERATIONS, USER_OPERATIONS } from "./operations-users";

export type { Operation } from "./operation";


const exportOptionNames = Object.keys(exportOptionsSchema.shape).filter(
  (k) => k !== "format" && k !== "file",
);

function seedAndRounds(defaults: { rounds: number; seed: number }): NonNullable<Operation["query"]> {
  return [
    { name: "rounds", description: "Bootstrap rounds", default: String(defaults.rounds) },
    {
      name: "seed",
      description: "Bootstrap seed (the same seed gives the same intervals)",
      default: String(defaults.seed),
    },
  ];
}

/** Every v1 route. A test compares this list with the route files under app/api/v1. */
export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/campaigns",
    operationId: "listCampaigns",
    tag: "Campaigns",
    tier: "user",
    summary: "List campaigns",
    description:
      "Admins see every campaign; annotators the active or paused campaigns they belong to.",
    responses: { 200: { description: "The campaigns", schema: s.campaignListOut } },
  },
  {
    method: "post",
    path: "/api/v1/campaigns",
    operationId: "createCampaign",
    tag: "Campaigns",
    tier: "admin",
    summary: "Create a campaign",
    body: { schema: s.createCampaignBody },
    responses: { 201: { description: "Created", schema: s.campaignOut } },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}",
    operationId: "getCampaign",
    tag: "Campaigns",
    tier: "user",
    idOf: "campaign",
    summary: "Read a campaign",
    responses: { 200: { description: "The campaign", schema: s.campaignOut } },
  },
  {
    method: "patch",
    path: "/api/v1/campaigns/{id}",
    operationId: "updateCampaign",
    tag: "Campaigns",
    tier: "admin",
    idOf: "campaign",
    summary: "Update a campaign",
    description:
      "Any subset of the create fields, plus `status` (draft → active ⇄ paused → archived).",
    body: { schema: s.updateCampaignBody },
    responses: { 200: { description: "The updated campaign", schema: s.campaignOut } },
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/members",
    operationId: "addMember",
    tag: "Campaigns",
    tier: "admin",
    idOf: "campaign",
    summary: "Add an annotator by email",
    body: { schema: s.addMemberBody },
    responses: {
      201: { description: "Added", schema: s.memberOut },
      200: { description: "Already a member", schema: s.memberOut },
    },
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/items",
    operationId: "importItems",
    tag: "Data",
    tier: "admin",
    idOf: "campaign",
    summary: "Import items from a file",
    description:
      "The body is the file itself (gzip allowed). All or nothing: any bad line imports nothing and the 400's details list `{line, field, message}`.",
    query: [
      {
        name: "format",
        description: "Format of the file",
        enum: IMPORT_FORMATS,
        default: "native",
      },
    ],
    body: { binary: "application/octet-stream" },
    responses: { 200: { description: "Imported", schema: s.importOut } },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}/export",
    operationId: "exportCampaign",
    tag: "Data",
    tier: "admin",
    idOf: "campaign",
    summary: "Download an export (streamed)",
    description: "A streamed attachment; every export is recorded with its row count and sha256.",
    query: [
      { name: "format", description: "Dataset format", enum: EXPORT_FORMATS, default: "trl" },
      { name: "file", description: "File type", enum: EXPORT_FILES, default: "jsonl" },
      ...exportOptionNames.map((name) => ({
        name,
        description: exportOptionsSchema.shape[name as keyof typeof exportOptionsSchema.shape].description ?? `Export option \`${name}\``,
      })),
    ],
    responses: { 200: { description: "The file", binary: "application/octet-stream" } },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}/stats",
    operationId: "getCampaignStats",
    tag: "Data",
    tier: "admin",
    idOf: "campaign",
    summary: "Progress numbers",
    responses: {
      200: {
        description: "Items, judgements, completed items and per-annotator counts",
        schema: s.statsOut,
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}/agreement",
    operationId: "getAgreement",
    tag: "Data",
    tier: "admin",
    idOf: "campaign",
    summary: "Agreement per question",
    description:
      "Krippendorff's α at each question's level (choice nominal, strength and ranks ordinal, rating attributes interval per response) with a seeded bootstrap interval, percent agreement, Fleiss' κ when every unit has the same number of raters, and the most disputed items. Excluded annotators and probe repeats are left out.",
    query: seedAndRounds(AGREEMENT_DEFAULTS),
    responses: { 200: { description: "Agreement and disputed items", schema: q.agreementOut } },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}/annotators",
    operationId: "listAnnotatorQuality",
    tag: "Data",
    tier: "admin",
    idOf: "campaign",
    summary: "Per-annotator quality",
    description:
      "Throughput, skips, median active time, gold accuracy, agreement and κ with the leave-one-out consensus, self-consistency on swapped probes, position and length bias with exact binomial p-values, and flags.",
    responses: { 200: { description: "One row per annotator", schema: q.annotatorsOut } },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}/leaderboard",
    operationId: "getLeaderboard",
    tag: "Data",
    tier: "admin",
    idOf: "campaign",
    summary: "Model leaderboard",
    description:
      "Bradley–Terry ratings as LMSYS computes them (base 10, scale 400, mean 1000, ties half a win) with seeded bootstrap 95% intervals, online Elo (K = 4) and the win-rate matrix. A K-wise ranking counts as its C(K,2) pairs at weight 1/C(K,2).",
    query: seedAndRounds(LEADERBOARD_DEFAULTS),
    responses: { 200: { description: "The leaderboard", schema: q.leaderboardOut } },
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/tasks/next",
    operationId: "claimNextTask",
    tag: "Tasks",
    tier: "user",
    idOf: "campaign",
    summary: "Claim the next task",
    description:
      "Returns the task the caller already holds, if any. Responses are in display order. 204 when there is nothing to do; the `Arbiter-Reason` header says why (`done`, `paused`, `member_paused`, `daily_cap`).",
    responses: {
      200: { description: "A task", schema: s.taskOut },
      204: { description: "Nothing to do" },
    },
  },
  {
    method: "post",
    path: "/api/v1/assignments/{id}/heartbeat",
    operationId: "heartbeat",
    tag: "Tasks",
    tier: "user",
    idOf: "assignment",
    summary: "Keep the lease alive",
    responses: { 200: { description: "The new expiry", schema: s.heartbeatOut } },
  },
  {
    method: "put",
    path: "/api/v1/assignments/{id}/draft",
    operationId: "saveDraft",
    tag: "Tasks",
    tier: "user",
    idOf: "assignment",
    summary: "Save a draft",
    body: { schema: s.draftBody },
    responses: { 204: { description: "Saved" } },
  },
  {
    method: "post",
    path: "/api/v1/assignments/{id}/skip",
    operationId: "skipTask",
    tag: "Tasks",
    tier: "user",
    idOf: "assignment",
    summary: "Skip the task with a reason",
    body: { schema: s.skipBody },
    responses: { 204: { description: "Skipped" } },
  },
  {
    method: "post",
    path: "/api/v1/assignments/{id}/judgement",
    operationId: "submitJudgement",
    tag: "Tasks",
    tier: "user",
    idOf: "assignment",
    summary: "Submit a judgement",
    description:
      "Idempotent: the same `idempotency_key` again returns 200 with the first judgement's id and stores nothing.",
    body: { schema: s.judgementBody },
    responses: {
      201: { description: "Stored", schema: s.judgementOut },
      200: { description: "A retry: the first judgement", schema: s.judgementOut },
    },
  },
  ...MEMBER_OPERATIONS,
  ...USER_OPERATIONS,
  ...MODEL_OPERATIONS,
  ...JOB_OPERATIONS,
  ...JUDGE_OPERATIONS,
  ...LEAK_OPERATIONS,
];
