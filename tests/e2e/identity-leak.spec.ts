import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { jsonl, shoot, signIn, signOut, uniqueEmail } from "./helpers";

const LEAK = "As an AI developed by OpenAI, I cannot taste soup.";
const ITEMS = [
  { id: "leaky", prompt: "Is this soup good?", responses: [{ content: LEAK }, { content: "It needs salt." }] },
  { id: "clean", prompt: "Name a mammal.", responses: [{ content: "Whale" }, { content: "Shark" }] },
];

async function openCampaign(page: Page, campaignId: string) {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/admin/campaigns/${campaignId}`);
}

test("a response naming its maker is held from annotators, then served with a warning, and released by the admin", async ({ page }) => {
  const annotator = { email: uniqueEmail("leak"), password: "annotator password" };
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByLabel("Name").fill("E2E identity leaks");
  await page.getByLabel("Judgements per item (overlap)").fill("1");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E identity leaks" })).toBeVisible();
  const campaignId = page.url().split("/").pop() ?? "";
  await page.getByLabel("File (.jsonl, .gz)").setInputFiles({ name: "items.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(jsonl(ITEMS)) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 items" })).toContainText("1 may reveal a model's identity");
  await page.getByLabel("Email").fill(annotator.email);
  await page.getByLabel("Password (new accounts only)").fill(annotator.password);
  await page.getByRole("button", { name: "Add annotator" }).click();
  await expect(page.getByRole("list", { name: "Members" })).toContainText(annotator.email);
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("active");

  // Held (the default): the review names the response's phrase and shows it in context.
  await page.getByRole("tab", { name: "Quality" }).click();
  const panel = page.getByTestId("identity-leak-panel");
  await expect(panel.getByTestId("identity-counts")).toContainText("1 flagged · 1 held");
  await expect(panel.getByTestId("flagged-item")).toContainText("leaky");
  await expect(panel.getByTestId("flagged-item")).toContainText("matched “as an AI developed by”, “OpenAI”");
  await expect(panel.locator("mark").first()).toHaveText("As an AI developed by");
  await shoot(page, "identity-leak-review");
  await signOut(page);

  // The annotator is served the clean item only.
  await signIn(page, annotator.email, annotator.password);
  await page.goto(`/campaigns/${campaignId}`);
  const task = page.getByRole("article", { name: "Task" });
  await expect(task.getByRole("region", { name: "Prompt" })).toContainText("Name a mammal");
  await expect(page.getByTestId("identity-warning")).toHaveCount(0);
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "All done" })).toBeVisible();
  await signOut(page);

  // The admin switches the campaign to warn: the item is served, with a warning naming no model.
  await openCampaign(page, campaignId);
  await page.getByLabel("Responses that name a model or vendor").selectOption("warn");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
  await signOut(page);

  await signIn(page, annotator.email, annotator.password);
  await page.goto(`/campaigns/${campaignId}`);
  await expect(task.getByRole("region", { name: "Prompt" })).toContainText("Is this soup good?");
  const warning = page.getByTestId("identity-warning");
  await expect(warning).toContainText("may reveal the model's identity");
  await expect(warning).not.toContainText(/OpenAI|Response [AB]/);
  await shoot(page, "identity-leak-warning");
  await signOut(page);

  // Released: an admin looked; the counts say so.
  await openCampaign(page, campaignId);
  await page.getByRole("tab", { name: "Quality" }).click();
  await expect(panel.getByTestId("flagged-status")).toHaveText("served with a warning");
  await panel.getByRole("button", { name: "Release leaky" }).click();
  await expect(panel.getByTestId("identity-counts")).toContainText("1 flagged · 0 held · 0 served with a warning · 1 released");
  await expect(panel.getByTestId("flagged-status")).toHaveText("released");
});
