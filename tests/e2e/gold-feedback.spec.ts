import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { jsonl, signIn, signOut, uniqueEmail } from "./helpers";

const PASSAGE = "Section 2: prefer the **factually right** answer, even when it is shorter.";
const ITEMS = [
  {
    id: "g1",
    prompt: "What is the capital of France?",
    responses: [{ id: "right", content: "Paris." }, { id: "wrong", content: "Rome, of course." }],
    gold: { choice: "right" },
    gold_explanation: PASSAGE,
  },
  { id: "r1", prompt: "Name a mammal.", responses: [{ content: "Whale" }, { content: "Shark" }] },
];

/** An active campaign whose gold item comes first (gold rate 100 %) and gives feedback. */
async function createCampaign(page: Page, annotator: { email: string; password: string }) {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByLabel("Name").fill("E2E gold feedback");
  await page.getByLabel("Judgements per item (overlap)").fill("1");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E gold feedback" })).toBeVisible();
  await page.getByLabel("File (.jsonl, .gz)").setInputFiles({
    name: "items.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(jsonl(ITEMS)),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 items" })).toBeVisible();
  await page.getByLabel("Gold item rate (%)").fill("100");
  await page.getByLabel(/Gold feedback for annotators/).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/Gold feedback for annotators/)).toBeChecked();
  await page.getByLabel("Email").fill(annotator.email);
  await page.getByLabel("Password (new accounts only)").fill(annotator.password);
  await page.getByRole("button", { name: "Add annotator" }).click();
  await expect(page.getByRole("list", { name: "Members" })).toContainText(annotator.email);
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("active");
  const campaignId = page.url().split("/").pop() ?? "";
  await signOut(page);
  return campaignId;
}

test("after a gold item the annotator sees the expected answer and its passage, then Enter moves on", async ({
  page,
}) => {
  const annotator = { email: uniqueEmail("gold"), password: "annotator password" };
  const campaignId = await createCampaign(page, annotator);
  await signIn(page, annotator.email, annotator.password);
  await page.goto(`/campaigns/${campaignId}`);

  const task = page.getByRole("article", { name: "Task" });
  await expect(task.getByRole("region", { name: "Prompt" })).toContainText("capital of France");
  // Nothing on the screen says this is a check item before it is answered.
  await expect(page.getByText(/check item|expected answer/i)).toHaveCount(0);
  await expect(page.getByText("Section 2")).toHaveCount(0);
  const rightIsA = (await task.getByRole("region", { name: "Response A" }).innerText()).includes("Paris");

  // Pick A, submit: the feedback names the right answer in the screen's own terms.
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  const feedback = page.getByRole("region", { name: /^Check item/ });
  await expect(feedback).toBeVisible();
  await expect(feedback.getByRole("heading")).toHaveText(
    rightIsA ? "Check item: your answer matches the expected one" : "Check item: the expected answer differs from yours",
  );
  await expect(feedback.getByTestId("gold-expected")).toHaveText(rightIsA ? "A is better" : "B is better");
  await expect(feedback.getByTestId("gold-given")).toHaveText("A is better");
  // The passage is rendered as markdown, not shown as written.
  await expect(feedback.getByRole("group", { name: "Why" }).locator("strong")).toHaveText("factually right");
  await expect(page.getByRole("article", { name: "Answered task" })).toContainText("capital of France");

  // Enter goes on to the next task (fetched with the submit); it is a regular one: no feedback.
  await page.keyboard.press("Enter");
  await expect(feedback).toBeHidden();
  await expect(task.getByRole("region", { name: "Prompt" })).toContainText("Name a mammal");
  await page.keyboard.press("2");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "All done" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Check item/ })).toHaveCount(0);
});
