import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { count, eq } from "drizzle-orm";
import { items } from "@/db/schema";
import { getRequestUser } from "@/server/auth/request-user";
import { main } from "@/server/cli/main";
import { setCliDatabase } from "@/server/cli/with-database";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { addAnnotator, callerFor, createUser, pairwiseLines } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  setCliDatabase(database);
  dir = await mkdtemp(path.join(tmpdir(), "arbiter-cli-"));
});
afterAll(async () => {
  setCliDatabase(undefined);
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

/** Runs `arbiter …args` in-process and captures what it prints. */
async function arbiter(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  await main(["node", "arbiter", ...args]);
  vi.restoreAllMocks();
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, stdout, stderr };
}

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe("the arbiter CLI", () => {
  it("prints help for every command", async () => {
    for (const command of [
      [],
      ["token", "create"],
      ["campaign", "create"],
      ["import"],
      ["export"],
      ["stats"],
    ]) {
      const result = await arbiter(...command, "--help");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Usage: arbiter");
    }
  });

  it("migrates idempotently and creates users with a given or generated password", async () => {
    expect(await arbiter("migrate")).toMatchObject({ code: 0, stderr: "" });
    expect((await arbiter("migrate")).stdout).toMatch(/^Migrations applied/);

    const email = `cli-${Date.now()}@example.test`;
    const given = await arbiter("user", "create", "--email", email, "--role", "annotator", "--password", "a long password");
    expect(given.code).toBe(0);
    expect(given.stdout).not.toContain("a long password");
    expect(await verifyCredentials(database.db, { email, password: "a long password" })).toMatchObject({ role: "annotator" });

    const generatedEmail = `cli-admin-${Date.now()}@example.test`;
    const generated = await arbiter("user", "create", "--email", generatedEmail, "--role", "admin");
    const password = /Password \(shown once\): (\S+)/.exec(generated.stdout)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(await verifyCredentials(database.db, { email: generatedEmail, password })).toMatchObject({ role: "admin" });

    const duplicate = await arbiter("user", "create", "--email", email, "--role", "annotator");
    expect(duplicate).toMatchObject({ code: 1, stdout: "" });
    expect(duplicate.stderr).toContain("already exists");
    const badRole = await arbiter("user", "create", "--email", "x@example.test", "--role", "owner");
    expect(badRole.code).toBe(1);
    expect(badRole.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("creates a token that authenticates as the user, printing only the token", async () => {
    const { db } = database;
    const annotator = await createUser(db, { role: "annotator" });
    const result = await arbiter(
      "token",
      "create",
      "--email",
      annotator.email.toUpperCase(),
      "--name",
      "ci",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^arb_[A-Za-z0-9_-]{43}\n$/);
    const token = result.stdout.trim();
    const request = new Request("http://localhost/", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await getRequestUser(db, request))?.id).toBe(annotator.id);
    expect((await callerFor(db, annotator).token.list())[0]?.name).toBe("ci");

    const unknown = await arbiter("token", "create", "--email", "nobody@example.test");
    expect(unknown).toMatchObject({ code: 1, stdout: "" });
    expect(unknown.stderr).toBe("arbiter: No user with email nobody@example.test\n");
    expect((await arbiter("token", "create")).code).not.toBe(0);
  });

  it("creates a campaign, imports (gzip too), reports stats and exports, by id or slug", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const settings = await write(
      "campaign.json",
      JSON.stringify({ name: "CLI campaign", overlap: 1, status: "active" }),
    );
    const created = await arbiter("campaign", "create", "--file", settings);
    expect(created.code).toBe(0);
    const campaign = JSON.parse(created.stdout) as { id: string; slug: string; overlap: number };
    expect(campaign).toMatchObject({ overlap: 1, status: "active" });

    const plain = await write("items.jsonl", pairwiseLines(3));
    const imported = await arbiter("import", campaign.slug, plain);
    expect(imported).toMatchObject({
      code: 0,
      stdout: "Imported 3 items (0 duplicates skipped).\n",
    });
    const gz = await write("more.jsonl.gz", gzipSync(pairwiseLines(5)));
    expect((await arbiter("import", campaign.id, gz, "--format", "native")).stdout).toBe(
      "Imported 2 items (3 duplicates skipped).\n",
    );

    const annotator = await createUser(db, { role: "annotator" });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    const caller = callerFor(db, annotator);
    const { task } = await caller.task.claimNext({ campaignId: campaign.id });
    if (!task) throw new Error("expected a task");
    await caller.task.submit({
      assignmentId: task.assignmentId,
      idempotencyKey: crypto.randomUUID(),
      payload: { choice: task.responses[0]?.id ?? "" },
    });

    const stats = await arbiter("stats", campaign.slug);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({
      items: 5,
      judgements: 1,
      completed_items: 1,
      annotators: [{ submitted: 1 }],
    });

    const quality = await arbiter("stats", campaign.slug, "--annotators");
    expect(JSON.parse(quality.stdout)).toMatchObject([
      { annotator: { email: annotator.email }, judgements: 1, flags: [], excluded: false },
    ]);
    const board = await arbiter("stats", campaign.id, "--leaderboard", "--rounds", "10", "--seed", "4");
    expect(JSON.parse(board.stdout)).toMatchObject({ battles: 1, method: { rounds: 10, seed: 4 } });
    const agreement = await arbiter("stats", campaign.slug, "--agreement");
    expect(JSON.parse(agreement.stdout)).toMatchObject({ questions: [{ question: "choice", units: 0 }] });
    expect((await arbiter("stats", campaign.slug, "--agreement", "--leaderboard")).code).toBe(1);

    const out = path.join(dir, "trl.jsonl");
    const exported = await arbiter("export", campaign.slug, "--format", "trl", "--out", out);
    expect(exported.code).toBe(0);
    const rows = (await readFile(out, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as object);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(["chosen", "prompt", "rejected"]);
    expect(admin.role).toBe("admin");
  });

  it("fails with one clear line and a non-zero exit on bad input", async () => {
    const { db } = database;
    const missing = await arbiter("stats", "no-such-campaign");
    expect(missing).toMatchObject({ code: 1, stdout: "" });
    expect(missing.stderr).toBe('arbiter: No campaign with id or slug "no-such-campaign"\n');

    const badJson = await write("bad.json", "{name:");
    const bad = await arbiter("campaign", "create", "--file", badJson);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^arbiter: .*bad\.json is not valid JSON/);
    const wrongField = await write("wrong.json", JSON.stringify({ name: "x", colour: "red" }));
    expect((await arbiter("campaign", "create", "--file", wrongField)).stderr).toMatch(
      /^arbiter: .*colour/,
    );

    const settings = await write("c2.json", JSON.stringify({ name: "Bad imports" }));
    const campaign = JSON.parse(
      (await arbiter("campaign", "create", "--file", settings)).stdout,
    ) as { id: string };
    const broken = await write("broken.jsonl", `${pairwiseLines(1)}\n{"id": "x", "prompt": "p", "responses": [{"content": "only one"}]}\n`);
    const failed = await arbiter("import", campaign.id, broken);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("line 2");
    const [row] = await db
      .select({ n: count() })
      .from(items)
      .where(eq(items.campaignId, campaign.id));
    expect(row?.n).toBe(0);
    expect((await arbiter("import", campaign.id, broken, "--format", "yaml")).stderr).toMatch(
      /Unknown import format/,
    );
    expect((await arbiter("import", campaign.id, path.join(dir, "absent.jsonl"))).code).toBe(1);

    const exportFailed = await arbiter(
      "export",
      campaign.id,
      "--format",
      "nope",
      "--out",
      path.join(dir, "x.jsonl"),
    );
    expect(exportFailed.code).toBe(1);
    expect(exportFailed.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect((await arbiter("frobnicate")).code).not.toBe(0);
  });
});
