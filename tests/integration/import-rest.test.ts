import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/campaigns/[id]/items/route";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { createCampaign, createUser, pairwiseLines } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { counts } from "./import-kit";

let database: TestDatabase;
let release: () => void;
beforeAll(async () => {
  database = await createTestDatabase();
  release = restOn(database.db);
});
afterAll(async () => {
  release?.();
  await database?.close();
});

async function setup() {
  const admin = await createUser(database.db, { role: "admin" });
  const campaign = await createCampaign(database.db, { admin });
  return { campaign, token: await tokenFor(database.db, admin) };
}

describe("POST /api/v1/campaigns/{id}/items", () => {
  it("?dry_run=true answers with a preview and writes nothing; without it the same file is imported", async () => {
    const { campaign, token } = await setup();
    const body = pairwiseLines(7);
    const preview = await callRoute(POST, "POST", {
      token,
      id: campaign.id,
      body,
      query: "format=native&dry_run=true",
    });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ valid: 7, duplicates: 0, importable: 7, error_count: 0 });
    expect((preview.json as { sample: unknown[] }).sample).toHaveLength(5);
    expect(await counts(database.db, campaign.id)).toEqual({ items: 0, responses: 0 });

    const imported = await callRoute(POST, "POST", {
      token,
      id: campaign.id,
      body,
      query: "format=native",
    });
    expect(imported).toMatchObject({ status: 200, json: { imported: 7, duplicates: 0 } });
    expect(await counts(database.db, campaign.id)).toEqual({ items: 7, responses: 14 });
  });

  it("a bad file is a 400 with line-numbered errors, and a declared over-size body a 413", async () => {
    const { campaign, token } = await setup();
    const bad = await callRoute(POST, "POST", {
      token,
      id: campaign.id,
      body: `${pairwiseLines(1)}\n{"id": 2`,
      query: "format=native",
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      error: { details: { errorCount: 1, errors: [{ line: 2, field: null }] } },
    });
    const huge = await callRoute(POST, "POST", {
      token,
      id: campaign.id,
      body: "x",
      headers: { "content-length": String(10 * 1024 * 1024 * 1024) },
      query: "format=native",
    });
    expect(huge.status).toBe(413);
    expect(await counts(database.db, campaign.id)).toEqual({ items: 0, responses: 0 });
  });

  it("refuses an unknown format", async () => {
    const { campaign, token } = await setup();
    const response = await callRoute(POST, "POST", {
      token,
      id: campaign.id,
      body: "{}",
      query: "format=xml",
    });
    expect(response.status).toBe(400);
  });
});
