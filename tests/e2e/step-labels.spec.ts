import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { adminPage, adminRequest, draftSaved, expectNoSideScroll, openTask, setupCampaign } from "./template-setup";

const FIVE = ["Let x be the number.", "Then 2x + 3 = 11.", "So 2x = 9.", "Hence x = 4.5.", "Check: 2 · 4.5 + 3 = 12."];

async function keys(page: Page, sequence: string) {
  for (const key of sequence.split(" ")) await page.keyboard.press(key);
}

/** Each step's label as the screen shows it ("" while open). */
async function labels(task: Locator) {
  return task.getByTestId("step").evaluateAll((steps) => steps.map((s) => s.getAttribute("data-label") ?? ""));
}

async function exported(admin: APIRequestContext, campaignId: string, format: string) {
  const reply = await admin.get(`/api/v1/campaigns/${campaignId}/export?format=${format}`);
  expect(reply.ok()).toBe(true);
  return (await reply.text())
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("step labels by keyboard, every step: j / k move, 1 2 3 label, the draft survives a reload", async ({ page, browser }) => {
  const admin = await adminRequest(browser);
  const { campaignId, annotator } = await setupCampaign(admin, {
    template: { kind: "steps", mode: "per_step" },
    items: [{ id: "solve", prompt: "Solve 2x + 3 = 11.", responses: [{ id: "sol", steps: FIVE }] }],
  });
  const task = await openTask(page, campaignId, annotator);
  await expect(task.getByTestId("step")).toHaveCount(5);
  await expectNoSideScroll(page);

  // The overlay lists the keys the handlers use.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const key of ["j", "k", "1", "2", "3", "Enter"]) {
    await expect(help.getByRole("cell", { name: key, exact: true })).toBeVisible();
  }
  await page.keyboard.press("Escape");

  const assignment = (await task.getAttribute("data-assignment-id")) ?? "";
  const saved = draftSaved(page, /\[1,0,null,null,null\]/);
  await keys(page, "1 2");
  await saved;
  await page.reload();
  await expect(task).toHaveAttribute("data-assignment-id", assignment);
  expect(await labels(task)).toEqual(["1", "0", "", "", ""]);
  // The focus comes back on the first open step.
  await expect(task.getByRole("listitem", { name: "Response 1 step 3" })).toHaveAttribute("aria-current", "step");

  await keys(page, "3 1 1");
  expect(await labels(task)).toEqual(["1", "0", "-1", "1", "1"]);
  await keys(page, "k k k 1 j");
  await expect(task.getByRole("listitem", { name: "Response 1 step 4" })).toHaveAttribute("aria-current", "step");
  expect(await labels(task)).toEqual(["1", "1", "-1", "1", "1"]);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "All done" })).toBeVisible();

  const rows = await exported(admin, campaignId, "steps");
  expect(rows.map((r) => [r.step_index, r.step, (r.labels as { rating: number }[]).map((l) => l.rating)])).toEqual(
    FIVE.map((step, i) => [i, step, [[1, 1, -1, 1, 1][i]]]),
  );
});

test("step labels by keyboard, first error: −1 on step 3 marks the rest wrong", async ({ page, browser }) => {
  const admin = await adminRequest(browser);
  const { campaignId, annotator } = await setupCampaign(admin, {
    template: { kind: "steps", mode: "first_error" },
    // No explicit steps: the text is split at blank lines.
    items: [{ id: "solve", prompt: "Solve 2x + 3 = 11.", responses: [{ id: "sol", content: FIVE.join("\n\n") }] }],
  });
  const task = await openTask(page, campaignId, annotator);
  await expect(task.getByTestId("step")).toHaveCount(5);
  await keys(page, "1 1 3");
  expect(await labels(task)).toEqual(["1", "1", "-1", "-1", "-1"]);
  // A step after the first error cannot be made good; taking the error back opens the rest.
  await keys(page, "j 1");
  expect(await labels(task)).toEqual(["1", "1", "-1", "-1", "-1"]);
  await keys(page, "k k 1");
  expect(await labels(task)).toEqual(["1", "1", "1", "", ""]);
  await keys(page, "k 3");
  expect(await labels(task)).toEqual(["1", "1", "-1", "-1", "-1"]);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "All done" })).toBeVisible();

  const steps = await exported(admin, campaignId, "steps");
  expect(steps.map((r) => [r.step, (r.labels as { rating: number }[]).map((l) => l.rating)])).toEqual(
    FIVE.map((step, i) => [step, [[1, 1, -1, -1, -1][i]]]),
  );
  const trl = await exported(admin, campaignId, "trl-stepwise");
  expect(trl).toEqual([{ prompt: "Solve 2x + 3 = 11.", completions: FIVE, labels: [true, true, false, false, false] }]);
});

test("the new-campaign form offers step labels, previews them, and the export panel offers the step formats", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/admin");
  await page.getByLabel("Name", { exact: true }).fill("E2E steps form");
  await page.getByRole("combobox", { name: "Template", exact: true }).selectOption("steps");
  await page.getByRole("combobox", { name: "Labelling", exact: true }).selectOption("first_error");
  await page.getByLabel("Show a preview of the annotator screen").check();
  const preview = page.getByRole("region", { name: "Annotator screen preview" });
  await expect(preview.getByTestId("step")).toHaveCount(3);
  await preview.getByRole("radiogroup", { name: "Label of Response 1 step 2" }).getByRole("radio", { name: "−1 wrong" }).click();
  expect(await labels(preview)).toEqual(["", "-1", "-1"]);
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E steps form" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Step-label template" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Labelling", exact: true })).toHaveValue("first_error");

  const format = page.getByRole("combobox", { name: "Format", exact: true });
  await expect(format).toHaveValue("trl-stepwise");
  const offered = await format.locator("option").allTextContents();
  // Prompt-only rows come from any campaign.
  expect(offered).toEqual([
    "TRL stepwise supervision (PRM)",
    "Step labels, every annotator (PRM800K-like)",
    "Raw judgements",
    "Prompts only (GRPO / RLOO)",
  ]);
});
