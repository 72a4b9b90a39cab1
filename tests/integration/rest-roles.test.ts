import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCampaign, PATCH as patchCampaign } from "@/app/api/v1/campaigns/[id]/route";
import { GET as listCampaigns, POST as createCampaign } from "@/app/api/v1/campaigns/route";
import { addAnnotator, createCampaign as makeCampaign, createUser } from "../fixtures/factories";
import { callRoute, isErrorShape, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
let restore: () => void;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});

describe("REST v1 roles and campaign lifecycle", () => {
  it("an annotator's token sees exactly the open campaigns they belong to", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const mine = await makeCampaign(db, { admin });
    const other = await makeCampaign(db, { admin });
    await addAnnotator(db, { campaignId: mine.id, annotator });
    const token = await tokenFor(db, annotator);
    const adminToken = await tokenFor(db, admin);

    const listed = await callRoute(listCampaigns, "GET", { token });
    expect((listed.json as { campaigns: { id: string }[] }).campaigns.map((c) => c.id)).toEqual([
      mine.id,
    ]);
    expect((await callRoute(getCampaign, "GET", { token, id: mine.id })).status).toBe(200);
    expect((await callRoute(getCampaign, "GET", { token, id: other.id })).status).toBe(404);

    // Archiving hides the campaign from its annotators too.
    const archived = await callRoute(patchCampaign, "PATCH", {
      token: adminToken,
      id: mine.id,
      json: { status: "archived" },
    });
    expect(archived.json).toMatchObject({ status: "archived" });
    expect((await callRoute(getCampaign, "GET", { token, id: mine.id })).status).toBe(404);
  });

  it("PATCH follows the status rules and answers unknown campaigns with 404", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const token = await tokenFor(db, admin);
    const created = await callRoute(createCampaign, "POST", { token, json: { name: "Lifecycle" } });
    const id = (created.json as { id: string }).id;

    const skipAhead = await callRoute(patchCampaign, "PATCH", {
      token,
      id,
      json: { status: "paused" },
    });
    expect(skipAhead.status).toBe(409);
    expect(isErrorShape(skipAhead.json)).toBe(true);
    const wrongType = await callRoute(patchCampaign, "PATCH", {
      token,
      id,
      json: { overlap: "2" },
    });
    expect(wrongType.status).toBe(400);
    const renamed = await callRoute(patchCampaign, "PATCH", {
      token,
      id,
      json: { name: "Renamed", daily_cap: 10 },
    });
    expect(renamed.json).toMatchObject({ name: "Renamed", daily_cap: 10, status: "draft" });

    const missing = await callRoute(patchCampaign, "PATCH", {
      token,
      id: crypto.randomUUID(),
      json: { name: "x" },
    });
    expect(missing.status).toBe(404);
    expect((await callRoute(getCampaign, "GET", { token, id: "not-an-id" })).status).toBe(404);
  });

  it("refuses cross-site mutations even with a token, before anything is written", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const token = await tokenFor(db, admin);
    const response = await callRoute(createCampaign, "POST", {
      token,
      json: { name: "From elsewhere" },
      headers: { origin: "https://evil.example", host: "localhost" },
    });
    expect(response.status).toBe(403);
    const listed = await callRoute(listCampaigns, "GET", { token });
    expect(JSON.stringify(listed.json)).not.toContain("From elsewhere");
  });
});
