import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { campaignMembers, campaigns } from "@/db/schema";
import { GET as getCampaign, PATCH as patchCampaign } from "@/app/api/v1/campaigns/[id]/route";
import { POST as addMember } from "@/app/api/v1/campaigns/[id]/members/route";
import { POST as importItems } from "@/app/api/v1/campaigns/[id]/items/route";
import { GET as stats } from "@/app/api/v1/campaigns/[id]/stats/route";
import { GET as listCampaigns, POST as createCampaign } from "@/app/api/v1/campaigns/route";
import { MAX_JSON_BODY_BYTES } from "@/server/http/json-body";
import { createUser, pairwiseLines } from "../fixtures/factories";
import { callRoute, isErrorShape, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
let restore: () => void;
let adminToken: string;
let annotatorToken: string;
let annotatorEmail: string;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
  const admin = await createUser(database.db, { role: "admin" });
  const annotator = await createUser(database.db, { role: "annotator" });
  annotatorEmail = annotator.email;
  adminToken = await tokenFor(database.db, admin);
  annotatorToken = await tokenFor(database.db, annotator);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});

async function campaignCount(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(campaigns);
  return row?.n ?? 0;
}

describe("REST v1 campaigns", () => {
  it("an admin token creates, reads, lists and updates a campaign (snake_case)", async () => {
    const created = await callRoute(createCampaign, "POST", {
      token: adminToken,
      json: { name: "Helpfulness", overlap: 2, guidelines: "Prefer the helpful answer." },
    });
    expect(created.status).toBe(201);
    const campaign = created.json as {
      id: string;
      status: string;
      overlap: number;
      lease_ttl_seconds: number;
    };
    expect(campaign).toMatchObject({
      status: "draft",
      overlap: 2,
      lease_ttl_seconds: 900,
      template: { kind: "pairwise" },
    });

    const read = await callRoute(getCampaign, "GET", { token: adminToken, id: campaign.id });
    expect(read.json).toMatchObject({ id: campaign.id, name: "Helpfulness", guideline_version: 1 });

    const patched = await callRoute(patchCampaign, "PATCH", {
      token: adminToken,
      id: campaign.id,
      json: { status: "active", guidelines: "Prefer the honest answer." },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ status: "active", guideline_version: 2, overlap: 2 });

    const listed = await callRoute(listCampaigns, "GET", { token: adminToken });
    expect(
      (listed.json as { campaigns: { id: string; item_count: number }[] }).campaigns,
    ).toContainEqual(expect.objectContaining({ id: campaign.id, item_count: 0 }));
  });

  it("an annotator token cannot create, update, add members, import or read stats", async () => {
    const before = await campaignCount();
    const denied = await callRoute(createCampaign, "POST", {
      token: annotatorToken,
      json: { name: "Mine" },
    });
    expect(denied.status).toBe(403);
    expect(isErrorShape(denied.json)).toBe(true);
    expect(await campaignCount()).toBe(before);

    const target = (
      await callRoute(createCampaign, "POST", { token: adminToken, json: { name: "Target" } })
    ).json as { id: string };
    for (const [handler, method, extra] of [
      [patchCampaign, "PATCH", { json: { name: "Renamed" } }],
      [addMember, "POST", { json: { email: annotatorEmail, role: "annotator" } }],
      [importItems, "POST", { body: pairwiseLines(1) }],
      [stats, "GET", {}],
    ] as const) {
      const response = await callRoute(handler, method, {
        token: annotatorToken,
        id: target.id,
        ...extra,
      });
      expect(response.status).toBe(403);
    }
    // A draft campaign the annotator is not in is invisible, not forbidden.
    expect(
      (await callRoute(getCampaign, "GET", { token: annotatorToken, id: target.id })).status,
    ).toBe(404);
    const [row] = await database.db.select().from(campaigns).where(eq(campaigns.id, target.id));
    expect(row?.name).toBe("Target");
  });

  it("refuses requests without a token with 401", async () => {
    for (const [handler, method] of [
      [listCampaigns, "GET"],
      [createCampaign, "POST"],
    ] as const) {
      const response = await callRoute(handler, method, { json: { name: "x" } });
      expect(response.status).toBe(401);
      expect(isErrorShape(response.json)).toBe(true);
    }
  });

  it("rejects malformed bodies with the error shape and writes nothing", async () => {
    const before = await campaignCount();
    const cases: { options: Parameters<typeof callRoute>[2]; status: number; code: string }[] = [
      { options: { json: { name: 42 } }, status: 400, code: "BAD_REQUEST" },
      { options: { json: { name: "x", overlap: "three" } }, status: 400, code: "BAD_REQUEST" },
      { options: { json: { name: "x", owner: "me" } }, status: 400, code: "BAD_REQUEST" },
      { options: { json: ["name"] }, status: 400, code: "BAD_REQUEST" },
      {
        options: { body: "{not json", headers: { "content-type": "application/json" } },
        status: 400,
        code: "BAD_REQUEST",
      },
      {
        options: {
          body: "name=x",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        },
        status: 415,
        code: "UNSUPPORTED_MEDIA_TYPE",
      },
      { options: { body: '{"name": "x"}' }, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
      {
        options: { json: { name: "x", description: "y".repeat(MAX_JSON_BODY_BYTES) } },
        status: 413,
        code: "PAYLOAD_TOO_LARGE",
      },
    ];
    for (const { options, status, code } of cases) {
      const response = await callRoute(createCampaign, "POST", { token: adminToken, ...options });
      expect({ status: response.status, json: response.json }).toMatchObject({
        status,
        json: { error: { code } },
      });
      expect(isErrorShape(response.json)).toBe(true);
    }
    // A huge body without Content-Length is cut off while streaming.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
        for (let i = 0; i < 40; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await callRoute(createCampaign, "POST", {
      token: adminToken,
      body: stream,
      headers: { "content-type": "application/json" },
    });
    expect(streamed.status).toBe(413);
    expect(await campaignCount()).toBe(before);

    const unknownPatch = await callRoute(patchCampaign, "PATCH", {
      token: adminToken,
      id: crypto.randomUUID(),
      json: { name: "x", colour: "red" },
    });
    expect(unknownPatch.status).toBe(400);
    expect(
      (unknownPatch.json as { error: { details: { issues: unknown[] } } }).error.details.issues
        .length,
    ).toBeGreaterThan(0);
  });

  it("adds members by email, imports items with the token, and reports stats", async () => {
    const campaign = (
      await callRoute(createCampaign, "POST", {
        token: adminToken,
        json: { name: "Stats", status: "active" },
      })
    ).json as { id: string };
    const added = await callRoute(addMember, "POST", {
      token: adminToken,
      id: campaign.id,
      json: { email: annotatorEmail.toUpperCase(), role: "annotator" },
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({
      email: annotatorEmail,
      role: "annotator",
      created_account: false,
      already_member: false,
    });
    const again = await callRoute(addMember, "POST", {
      token: adminToken,
      id: campaign.id,
      json: { email: annotatorEmail },
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ already_member: true });
    const badRole = await callRoute(addMember, "POST", {
      token: adminToken,
      id: campaign.id,
      json: { email: annotatorEmail, role: "admin" },
    });
    expect(badRole.status).toBe(400);
    const unknown = await callRoute(addMember, "POST", {
      token: adminToken,
      id: campaign.id,
      json: { email: "nobody@example.test" },
    });
    expect(unknown.status).toBe(404);
    const members = await database.db
      .select()
      .from(campaignMembers)
      .where(eq(campaignMembers.campaignId, campaign.id));
    expect(members).toHaveLength(1);

    const imported = await callRoute(importItems, "POST", {
      token: adminToken,
      id: campaign.id,
      body: pairwiseLines(3),
      query: "format=native",
    });
    expect(imported).toMatchObject({ status: 200, json: { imported: 3, duplicates: 0 } });
    const badImport = await callRoute(importItems, "POST", {
      token: adminToken,
      id: campaign.id,
      body: '{"id": 1}\n',
    });
    expect(badImport.status).toBe(400);
    expect(badImport.json).toMatchObject({
      error: {
        code: "BAD_REQUEST",
        details: { errors: expect.arrayContaining([expect.objectContaining({ line: 1 })]) },
      },
    });

    const numbers = await callRoute(stats, "GET", { token: adminToken, id: campaign.id });
    expect(numbers.json).toMatchObject({
      campaign_id: campaign.id,
      items: 3,
      judgements: 0,
      completed_items: 0,
      annotators: [],
    });
    expect((await callRoute(stats, "GET", { token: adminToken, id: "not-a-uuid" })).status).toBe(
      404,
    );
  });
});
