import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { jsonl, signIn, signOut, uniqueEmail } from "./helpers";

const ITEMS = [
  { id: "q1", prompt: "What is 2 + 2?", responses: [{ content: "4" }, { content: "22" }] },
  { id: "q2", prompt: "Name a primary colour.", responses: [{ content: "Red" }, { content: "Purple" }] },
  { id: "q3", prompt: "Capital of France?", responses: [{ content: "Paris" }, { content: "Lyon" }] },
  { id: "q4", prompt: "Largest planet?", responses: [{ content: "Jupiter" }, { content: "Mars" }] },
];
// One verdict key per task, in the order tasks are served: A better, B better, tie, both bad.
const KEYS = ["1", "2", "3", "4"] as const;

test("admin uploads, annotator judges by keyboard, admin exports rows matching the choices", async ({ page }) => {
  const annotator = { email: uniqueEmail("annotator"), password: "annotator password" };

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole("link", { name: "Demo: which answer is better?" })).toBeVisible();

  await page.getByLabel("Name").fill("E2E pairwise");
  await page.getByLabel("Judgements per item (overlap)").fill("1");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E pairwise" })).toBeVisible();

  await page.getByLabel("File (.jsonl, .gz)").setInputFiles({
    name: "items.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(jsonl(ITEMS)),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 4 items" })).toBeVisible();

  await page.getByLabel("Email").fill(annotator.email);
  await page.getByLabel("Password (new accounts only)").fill(annotator.password);
  await page.getByRole("button", { name: "Add annotator" }).click();
  await expect(page.getByRole("list", { name: "Members" })).toContainText(annotator.email);
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("active");
  const campaignUrl = page.url();
  const campaignId = campaignUrl.split("/").pop() ?? "";
  await signOut(page);

  await signIn(page, annotator.email, annotator.password);
  await page.goto(`/campaigns/${campaignId}`);
  const expected: { prompt: string; chosen: string; rejected: string }[] = [];
  let previousTask = "";
  for (const [index, key] of KEYS.entries()) {
    const article = page.getByRole("article", { name: "Task" });
    await expect(article).not.toHaveAttribute("data-assignment-id", previousTask);
    previousTask = (await article.getAttribute("data-assignment-id")) ?? "";
    const prompt = page.getByRole("region", { name: "Prompt" });
    await expect(prompt).toBeVisible();
    const promptText = (await prompt.innerText()).replace(/^User\s*/i, "").trim();
    const a = (await page.getByRole("region", { name: "Response A" }).innerText()).replace(/^Response A\s*/, "").trim();
    const b = (await page.getByRole("region", { name: "Response B" }).innerText()).replace(/^Response B\s*/, "").trim();
    await page.keyboard.press(key);
    await expect(page.getByRole("button", { name: ["A is better", "B is better", "Tie", "Both bad"][index] })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.keyboard.press("Enter");
    await expect(page.getByText(`${index + 1} done today`)).toBeVisible();
    if (key === "1") expected.push({ prompt: promptText, chosen: a, rejected: b });
    if (key === "2") expected.push({ prompt: promptText, chosen: b, rejected: a });
  }
  await expect(page.getByRole("status").filter({ hasText: "nothing left" })).toBeVisible();
  await signOut(page);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(campaignUrl);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download TRL JSONL" }).click(),
  ]);
  const text = await readFile(await download.path(), "utf8");
  const rows = text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(rows).toHaveLength(2);
  expect(rows).toEqual(expect.arrayContaining(expected));
  for (const row of rows) expect(Object.keys(row).sort()).toEqual(["chosen", "prompt", "rejected"]);
});

test("a file with one malformed line imports nothing and names the line", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByLabel("Name").fill("E2E bad upload");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E bad upload" })).toBeVisible();
  const good = jsonl(ITEMS.slice(0, 2)).trimEnd().split("\n");
  const file = [good[0], '{"id": "broken", "prompt": "x", "responses": [', good[1]].join("\n");
  await page.getByLabel("File (.jsonl, .gz)").setInputFiles({
    name: "bad.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(file),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toBeVisible();
  await expect(page.getByTestId("import-problem")).toHaveCount(1);
  await expect(page.getByTestId("import-problem").first()).toContainText("2");
  await expect(page.getByText(/0 items, 0 complete/)).toBeVisible();
});
