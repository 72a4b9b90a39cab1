import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { CASES, file } from "./import-cases";
import { expectRejected, newCampaign, stored, upload } from "./import-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe.each(CASES)("$format: bad input imports nothing and names the line", (c) => {
  const first = c.header ? 2 : 1; // the line number of the first record

  it("a BOM and CRLF line endings are accepted and imported correctly", async () => {
    const campaign = await newCampaign(database.db);
    const body = `\uFEFF${file(c, [c.row(1), c.row(2), c.row(3)], "\r\n")}`;
    expect(
      await upload(database.db, { campaignId: campaign.id, format: c.format, body, chunkSize: 5 }),
    ).toEqual({ imported: 3, duplicates: 0, flagged: 0 });
    const rows = await stored(database.db, campaign.id);
    expect(rows.map((r) => r.prompt.at(-1)?.content)).toEqual([
      c.promptOf(1),
      c.promptOf(2),
      c.promptOf(3),
    ]);
    for (const r of rows) {
      expect(r.externalId.startsWith("\uFEFF")).toBe(false);
      for (const response of r.responses) expect(response.content).not.toMatch(/\r/);
    }
  });

  it("invalid UTF-8", async () => {
    const campaign = await newCampaign(database.db);
    const [before, after] = file(c, [c.row(1), "@@BAD@@", c.row(3)]).split("@@BAD@@");
    const row2 = c.row(2).replace("Question 2", "Question ");
    const encoder = new TextEncoder();
    const [head, tail] = row2.split("Question ");
    const body = new Uint8Array([
      ...encoder.encode(`${before ?? ""}${head ?? ""}Question `),
      0xff,
      0xfe,
      0xc3,
      ...encoder.encode(`${tail ?? ""}${after ?? ""}`),
    ]);
    await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, { campaignId: campaign.id, format: c.format, body }),
      problems: [{ line: first + 1, field: null, message: /UTF-8/ }],
    });
  });

  it("a NUL byte", async () => {
    const campaign = await newCampaign(database.db);
    const body = file(c, [c.row(1), c.row(2).replace("Question 2", "Question\u00002"), c.row(3)]);
    await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, { campaignId: campaign.id, format: c.format, body }),
      problems: [{ line: first + 1, field: null, message: /NUL/ }],
    });
  });

  it("a missing required field", async () => {
    const campaign = await newCampaign(database.db);
    const body = file(c, [c.row(1), c.row(2), c.missing.text]);
    await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, { campaignId: campaign.id, format: c.format, body }),
      problems: [{ line: first + 2, field: c.missing.field, message: c.missing.message }],
    });
  });

  it("a 20 MB line is an error, not a crash", async () => {
    const campaign = await newCampaign(database.db);
    const body = file(c, [c.row(1), c.huge(), c.row(3)]);
    await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, {
        campaignId: campaign.id,
        format: c.format,
        body,
        chunkSize: 1024 * 1024,
      }),
      problems: [{ line: first + 1, field: null, message: /longer than 16 MB/ }],
    });
  });

  it("an over-size file is refused with 413", async () => {
    const campaign = await newCampaign(database.db);
    const body = file(
      c,
      Array.from({ length: 50 }, (_, i) => c.row(i + 1)),
    );
    const error = await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, {
        campaignId: campaign.id,
        format: c.format,
        body,
        maxBytes: 1000,
      }),
      code: "PAYLOAD_TOO_LARGE",
      message: /larger than 1000 bytes|larger than 1 kB/,
    });
    expect(error.httpStatus).toBe(413);
  });

  it("duplicate ids inside one file", async () => {
    const campaign = await newCampaign(database.db);
    const body = file(c, [c.row(1), c.row(2), c.repeat(1)]);
    await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, { campaignId: campaign.id, format: c.format, body }),
      problems: [
        { line: first + 2, field: "id", message: new RegExp(`already appears on line ${first}`) },
      ],
    });
  });

  it("an empty file", async () => {
    const campaign = await newCampaign(database.db);
    await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, { campaignId: campaign.id, format: c.format, body: "\n\n" }),
      message: /no items/,
    });
  });
});
