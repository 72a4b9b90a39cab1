import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { CASES, file } from "./import-cases";
import { counts, expectRejected, newCampaign, upload } from "./import-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("truncated input", () => {
  it.each(CASES.filter((c) => c.header === null))(
    "$format: a truncated JSON line names its line",
    async (c) => {
      const campaign = await newCampaign(database.db);
      const row3 = c.row(3);
      const body = file(c, [c.row(1), c.row(2), row3.slice(0, Math.floor(row3.length / 2))]);
      await expectRejected(database.db, {
        campaignId: campaign.id,
        attempt: upload(database.db, { campaignId: campaign.id, format: c.format, body }),
        problems: [{ line: 3, field: null, message: /Not valid JSON/ }],
      });
    },
  );

  it("CSV: a quote never closed names the record it opens on", async () => {
    const campaign = await newCampaign(database.db);
    const body =
      'id,prompt,response_a,response_b\nc1,"multi\nline",a,b\nc2,"never closed,a,b\nc3,q,a,b\n';
    const error = await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, { campaignId: campaign.id, format: "csv", body }),
    });
    const details = error.details as { errors: { line: number; message: string }[] };
    expect(details.errors[0]?.line).toBe(4);
    expect(details.errors[0]?.message).toMatch(/quoted field/i);
  });

  it("CSV: after quoted newlines, later problems still name the physical line", async () => {
    const campaign = await newCampaign(database.db);
    const body = 'id,prompt,response_a,response_b\nc1,"one\ntwo\nthree",a,b\nc2,q,only-one-cell\n';
    await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, { campaignId: campaign.id, format: "csv", body }),
      problems: [{ line: 5, field: null, message: /cells/ }],
    });
    expect(await counts(database.db, campaign.id)).toEqual({ items: 0, responses: 0 });
  });
});
