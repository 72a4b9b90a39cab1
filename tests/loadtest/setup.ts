import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { addAnnotator, createCampaign, createUser, importNative, pairwiseLines, TEST_PASSWORD } from "../fixtures/factories";
import { tokenFor } from "../fixtures/rest-client";
import { replaceDatabase } from "../fixtures/test-database";

export interface LoadFixture {
  url: string;
  campaignId: string;
  overlap: number;
  leaseTtlSeconds: number;
  tokens: string[];
  admin: { email: string; password: string };
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database on the PostgreSQL server for one run: migrated, with an admin, one active
 * pairwise campaign (short leases), its items, and annotators that each hold an API token.
 */
export async function createLoadFixture(
  serverUrl: string,
  options: { annotators: number; items: number; overlap: number; leaseTtlSeconds: number },
): Promise<LoadFixture> {
  const name = `arbiter_load_${randomBytes(5).toString("hex")}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = replaceDatabase(serverUrl, name);
  const drop = () => onServer(serverUrl, `drop database if exists ${name} with (force)`);
  try {
    const handle = await openDatabase({ url, poolMax: 4 });
    try {
      await migrateDatabase(handle);
      const { db } = handle;
      const admin = await createUser(db, { role: "admin" });
      const campaign = await createCampaign(db, {
        admin,
        input: { overlap: options.overlap, lease_ttl_seconds: options.leaseTtlSeconds },
      });
      await importNative(db, { campaignId: campaign.id, text: pairwiseLines(options.items, "load") });
      const tokens: string[] = [];
      for (let i = 0; i < options.annotators; i++) {
        const annotator = await createUser(db, { role: "annotator" });
        await addAnnotator(db, { campaignId: campaign.id, annotator });
        tokens.push(await tokenFor(db, annotator, `loadtest-${i}`));
      }
      return {
        url,
        campaignId: campaign.id,
        overlap: options.overlap,
        leaseTtlSeconds: options.leaseTtlSeconds,
        tokens,
        admin: { email: admin.email, password: TEST_PASSWORD },
        drop,
      };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}
