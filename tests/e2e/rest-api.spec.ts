import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { signIn, signOut, uniqueEmail } from "./helpers";

/** The fenced block that follows `<!-- rest-api-example:LANG -->` in the README. */
async function readmeExample(lang: "bash" | "python"): Promise<string> {
  const readme = await readFile(path.resolve("README.md"), "utf8");
  const start = readme.indexOf(`<!-- rest-api-example:${lang} -->`);
  expect(start, `README marker for the ${lang} example`).toBeGreaterThan(-1);
  const match = new RegExp("```" + lang + "\\n([\\s\\S]*?)\\n```").exec(readme.slice(start));
  if (!match?.[1]) throw new Error(`no ${lang} block after the README marker`);
  return match[1];
}

/** Creates a token on the settings page, as a person would, and reads it off the screen once. */
async function createTokenInUi(page: Page, name: string): Promise<string> {
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^arb_/);
  await expect(page.getByRole("table", { name: "API tokens" })).toContainText(name);
  return token;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>) {
  return spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

test("the README's curl and Python examples run against the server with tokens made in the UI", async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error("baseURL is not set");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const adminToken = await createTokenInUi(page, "readme admin");

  // An annotator account (made through the API), who then signs in and makes their own token.
  const annotator = { email: uniqueEmail("rest-annotator"), password: "annotator password" };
  const auth = { Authorization: `Bearer ${adminToken}` };
  const scratch = await (
    await page.request.post("/api/v1/campaigns", { headers: auth, data: { name: "Scratch" } })
  ).json();
  const member = await page.request.post(`/api/v1/campaigns/${scratch.id}/members`, {
    headers: auth,
    data: { email: annotator.email, role: "annotator", password: annotator.password },
  });
  expect(member.status()).toBe(201);
  await signOut(page);
  await signIn(page, annotator.email, annotator.password);
  const annotatorToken = await createTokenInUi(page, "readme annotator");

  const env = {
    ARBITER_URL: baseURL,
    ADMIN_TOKEN: adminToken,
    ANNOTATOR_TOKEN: annotatorToken,
    ANNOTATOR_EMAIL: annotator.email,
  };
  const dir = await mkdtemp(path.join(tmpdir(), "arbiter-readme-"));
  try {
    const bash = run("bash", ["-c", await readmeExample("bash")], dir, env);
    expect(bash.stderr).toBe("");
    expect(bash.status).toBe(0);
    expect(bash.stdout).toContain('{"imported":2,"duplicates":0,"flagged":0}');
    expect(bash.stdout).toContain('{"items":2,"judgements":2,"completed_items":2}');
    const rows = (await readFile(path.join(dir, "preferences.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as unknown);
    expect(rows).toEqual(
      expect.arrayContaining([
        { prompt: "What is 2 + 2?", chosen: "2 + 2 = 4", rejected: "4" },
        { prompt: "Name a primary colour.", chosen: "Red is one.", rejected: "Red" },
      ]),
    );
    expect(rows).toHaveLength(2);

    const python = run("python3", ["-c", await readmeExample("python")], dir, env);
    test.skip(python.error !== undefined, "python3 is not installed");
    expect(python.stderr).toBe("");
    expect(python.status).toBe(0);
    expect(python.stdout).toContain("2 preference rows");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a revoked token stops working, and the docs page sends requests with a token", async ({
  page,
}) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const token = await createTokenInUi(page, "short-lived");
  const headers = { Authorization: `Bearer ${token}` };
  expect((await page.request.get("/api/v1/campaigns", { headers })).status()).toBe(200);

  const openapi = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(openapi.openapi).toBe("3.1.0");
  await page.goto("/api/v1/docs");
  await expect(page).toHaveURL(/\/docs\/api$/);
  await page.getByLabel(/API token for/).fill(token);
  const operation = page.locator("details#listCampaigns");
  await operation.locator("summary").click();
  await operation.getByRole("button", { name: "Send GET" }).click();
  await expect(operation.getByRole("status", { name: "Response" })).toContainText("HTTP 200");
  await expect(operation.getByRole("status", { name: "Response" })).toContainText('"campaigns"');

  await page.goto("/settings/tokens");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke short-lived" }).click();
  await expect(
    page
      .getByRole("table", { name: "API tokens" })
      .getByRole("row")
      .filter({ hasText: "short-lived" }),
  ).toContainText("revoked");
  const revoked = await page.request.get("/api/v1/campaigns", { headers });
  expect(revoked.status()).toBe(401);
  expect(await revoked.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
});
