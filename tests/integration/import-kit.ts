import { asc, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { items, responses } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { ImportFormat } from "@/server/formats/import-types";
import { importItems } from "@/server/services/imports/import-items";
import { createCampaign, createUser } from "../fixtures/factories";

/** Shared by the import-*.test.ts files: a campaign, an upload, and what ended up stored. */
export async function newCampaign(db: Db, kind: "pairwise" | "ranking" = "pairwise") {
  const admin = await createUser(db, { role: "admin" });
  return createCampaign(db, { admin, input: { overlap: 2, template: { kind } } });
}

/** Streams the body in small chunks, so multi-byte characters and CRLFs straddle chunk edges. */
export async function* chunked(body: string | Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export function upload(
  db: Db,
  params: {
    campaignId: string;
    format: ImportFormat;
    body: string | Uint8Array;
    maxBytes?: number;
    chunkSize?: number;
  },
) {
  return importItems(db, {
    campaignId: params.campaignId,
    format: params.format,
    body: chunked(params.body, params.chunkSize),
    maxBytes: params.maxBytes ?? 50 * 1024 * 1024,
    actorId: null,
  });
}

export async function counts(
  db: Db,
  campaignId: string,
): Promise<{ items: number; responses: number }> {
  const [row] = await db
    .select({
      items: sql<number>`count(distinct ${items.id})::int`,
      responses: sql<number>`count(${responses.id})::int`,
    })
    .from(items)
    .leftJoin(responses, eq(responses.itemId, items.id))
    .where(eq(items.campaignId, campaignId));
  return { items: row?.items ?? 0, responses: row?.responses ?? 0 };
}

/** Items in import order, each with its responses in file order. */
export async function stored(db: Db, campaignId: string) {
  const rows = await db.query.items.findMany({
    where: eq(items.campaignId, campaignId),
    orderBy: asc(items.seq),
    with: { responses: { orderBy: asc(responses.position) } },
  });
  return rows.map((item) => ({
    externalId: item.externalId,
    prompt: item.prompt,
    metadata: item.metadata,
    responses: item.responses.map((r) => ({ model: r.model, content: r.content })),
  }));
}

export interface ExpectedProblem {
  line: number;
  field?: string | null;
  message: RegExp;
}

/** The upload fails with these line-numbered problems and nothing is written. */
export async function expectRejected(
  db: Db,
  params: {
    campaignId: string;
    attempt: Promise<unknown>;
    problems?: ExpectedProblem[];
    code?: string;
    message?: RegExp;
  },
): Promise<AppError> {
  const error = await params.attempt.then(
    () => {
      throw new Error("expected the import to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe(params.code ?? "BAD_REQUEST");
  if (params.message) expect(appError.message).toMatch(params.message);
  if (params.problems) {
    const details = appError.details as {
      errors: { line: number; field: string | null; message: string }[];
      errorCount: number;
    };
    expect(details.errorCount).toBe(params.problems.length);
    params.problems.forEach((p, i) => {
      const found = details.errors[i];
      expect(found?.line).toBe(p.line);
      if (p.field !== undefined) expect(found?.field).toBe(p.field);
      expect(found?.message).toMatch(p.message);
    });
  }
  expect(await counts(db, params.campaignId)).toEqual({ items: 0, responses: 0 });
  return appError;
}
