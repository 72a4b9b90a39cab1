import { expect, test } from "@playwright/test";
import { adminPage, expectNoSideScroll, rankingTemplateItems, setupCampaign } from "./template-setup";

test("the new-campaign form makes a rating campaign with its preview; the export panel fits each kind and says why a choice is invalid; the demo rating campaign works", async ({
  browser,
}) => {
  const page = await adminPage(browser);
  await page.goto("/admin");
  await page.getByLabel("Name", { exact: true }).fill("E2E rating form");
  await page.getByRole("combobox", { name: "Template", exact: true }).selectOption("rating");
  await page.getByLabel("Attribute 1 name").fill("helpfulness");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await page.getByLabel("Attribute 2 name").fill("correctness");
  await page.getByRole("combobox", { name: "Attribute 2 scale", exact: true }).selectOption("0–4");
  await page.getByRole("combobox", { name: "After the ratings", exact: true }).selectOption("pairwise");
  await page.getByLabel("Show a preview of the annotator screen").check();
  const preview = page.getByRole("region", { name: "Annotator screen preview" });
  await expect(preview.getByRole("radiogroup", { name: "Response 2 correctness" }).getByRole("radio")).toHaveCount(5);
  await expect(preview.getByRole("radiogroup", { name: "Best response" })).toBeVisible();
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E rating form" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Rating template" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Attribute 2 scale", exact: true })).toHaveValue("0–4");

  // A rating campaign exports ratings by default; pairs too, since a preference follows; no
  // rankings, and the tie and margin options that mean nothing here are not shown.
  const format = page.getByRole("combobox", { name: "Format", exact: true });
  await expect(format).toHaveValue("ratings");
  const offered = async () => format.locator("option").allTextContents();
  expect(await offered()).toContain("TRL preference (explicit prompt)");
  expect(await offered()).not.toContain("Rankings (Nectar-like)");
  await expect(page.getByRole("combobox", { name: "Ties", exact: true })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Margin from strength", exact: true })).toHaveCount(0);

  // A ranking campaign offers rankings and K-wise TRL; a tie kept for TRL is refused at the field.
  const { campaignId } = await setupCampaign(page.request, {
    template: { kind: "ranking" },
    items: rankingTemplateItems(1),
  });
  await page.goto(`/admin/campaigns/${campaignId}`);
  await expect(format).toHaveValue("trl");
  expect(await offered()).toEqual(expect.arrayContaining(["TRL preference, K-wise pairs (group_id, weight)", "Rankings (Nectar-like)"]));
  expect(await offered()).not.toContain("Ratings (HelpSteer2-like)");
  await expect(page.getByRole("combobox", { name: "Both bad", exact: true })).toHaveCount(0);
  await page.getByRole("combobox", { name: "Ties", exact: true }).selectOption("keep");
  await expect(page.getByRole("alert").filter({ hasText: "trl cannot express a tie" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Download", exact: true })).toBeDisabled();
  await format.selectOption("rankings");
  await expect(page.getByTestId("export-preview-count")).toHaveText("0 rows");

  // The demo's rating campaign (pictures the app serves itself) works on the annotate screen.
  await page.goto("/campaigns");
  await page.getByRole("listitem").filter({ hasText: "Demo: rate the pictures" }).getByRole("link", { name: "Start annotating" }).click();
  const task = page.getByRole("article", { name: "Task" });
  await expect(task.getByRole("radiogroup", { name: "Response 2 quality" })).toBeVisible();
  await expectNoSideScroll(page);
  for (const key of ["4", "3", "2", "1", "1", "Enter"]) await page.keyboard.press(key);
  await expect(page.getByTestId("progress")).toContainText("1 done today");
});
