import { expect, test, type Page } from "@playwright/test";
import { startFakeOpenAiServer, type FakeOpenAiServer, type RecordedRequest } from "../fixtures/fake-openai-server";
import { E2E_ADMIN } from "./constants";
import { jsonl, shoot, signIn, signOut, uniqueEmail } from "./helpers";

const API_KEY = "sk-e2e-8277e0910d750195b448797616e091ad";
const JUDGE = "e2e-suggesting-judge";
// Each item has one response that says "good": the judge prefers it in both orders.
const ITEMS = [
  { id: "s1", prompt: "Suggest a name for a cat.", responses: [{ id: "good", content: "A good name: Miso." }, { id: "poor", content: "Cat." }] },
  { id: "s2", prompt: "Suggest a name for a dog.", responses: [{ id: "poor", content: "Dog." }, { id: "good", content: "A good name: Biscuit." }] },
];

let server: FakeOpenAiServer;
test.beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: API_KEY });
});
test.afterAll(async () => {
  await server?.close();
});

function judgeReply(request: RecordedRequest) {
  if (request.body?.model !== "suggesting-judge") return undefined;
  const user = String(request.body.messages?.at(-1)?.content ?? "");
  const a = /\[Response A\]\n(.*)\n\[End of response A\]/.exec(user)?.[1] ?? "";
  return { kind: "reply" as const, content: JSON.stringify({ choice: a.includes("good") ? "A" : "B", rationale: "A is clearly better." }) };
}

async function setSuggestionMode(page: Page, mode: "after_submit" | "before_submit") {
  await page.getByLabel("LLM judge suggestions").selectOption(mode);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
}

/** The admin sets up a judged campaign with two annotators; returns its id. */
async function judgedCampaign(page: Page, annotators: { email: string; password: string }[]): Promise<string> {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole("link", { name: "Models" }).click();
  const form = page.getByRole("region", { name: "Add an endpoint" });
  await form.getByLabel("Name").fill(JUDGE);
  await form.getByLabel("Base URL").fill(server.baseURL);
  await form.getByLabel("Model id").fill("suggesting-judge");
  await form.getByLabel("API key (optional)").fill(API_KEY);
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByRole("listitem", { name: JUDGE })).toContainText("API key stored");

  await page.getByRole("link", { name: "Campaigns" }).click();
  await page.getByLabel("Name", { exact: true }).fill("E2E suggestions");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E suggestions" })).toBeVisible();
  const campaignId = page.url().split("/").pop() ?? "";
  await page.getByLabel("Judgements per item (overlap)").fill("2");
  await page.getByLabel("File (.jsonl, .gz)").setInputFiles({ name: "items.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(jsonl(ITEMS)) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 items" })).toBeVisible();

  server.setScript(judgeReply);
  const panel = page.getByRole("region", { name: "Models: generate and judge" });
  await panel.getByLabel("Judge endpoint").selectOption({ label: JUDGE });
  await panel.getByRole("button", { name: "Run judge" }).click();
  const job = panel.getByRole("listitem", { name: "judge job" });
  await expect(job.getByTestId("job-status")).toHaveText("done", { timeout: 30_000 });
  await expect(job.getByTestId("job-progress")).toHaveText("4 of 4 verdicts");
  server.setScript(undefined);

  await setSuggestionMode(page, "after_submit");
  await page.reload();
  await expect(page.getByLabel("LLM judge suggestions")).toHaveValue("after_submit");
  for (const annotator of annotators) {
    await page.getByLabel("Email").fill(annotator.email);
    await page.getByLabel("Password (new accounts only)").fill(annotator.password);
    await page.getByRole("button", { name: "Add annotator" }).click();
    await expect(page.getByRole("list", { name: "Members" })).toContainText(annotator.email);
  }
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("active");
  await signOut(page);
  return campaignId;
}

/** Which side (1 = A, 2 = B) shows the response the judge prefers, on the task on screen. */
async function goodKey(page: Page): Promise<{ good: "1" | "2"; poor: "1" | "2"; assignment: string }> {
  const task = page.getByRole("article", { name: "Task" });
  await expect(task.getByRole("region", { name: "Response A" })).toBeVisible();
  const goodIsA = (await task.getByRole("region", { name: "Response A" }).innerText()).includes("good");
  return { good: goodIsA ? "1" : "2", poor: goodIsA ? "2" : "1", assignment: (await task.getAttribute("data-assignment-id")) ?? "" };
}

async function nextTask(page: Page, previous: string) {
  await expect(page.getByRole("article", { name: "Task" })).not.toHaveAttribute("data-assignment-id", previous);
}

test("after_submit reveals the judge's verdict only once answered; before_submit shows a hint that y accepts, stored as agreed", async ({ page }) => {
  const later = { email: uniqueEmail("after-submit"), password: "annotator password" };
  const hinted = { email: uniqueEmail("before-submit"), password: "annotator password" };
  const campaignId = await judgedCampaign(page, [later, hinted]);

  // after_submit: nothing about the judge on the task; its verdict follows each answer.
  await signIn(page, later.email, later.password);
  await page.goto(`/campaigns/${campaignId}`);
  let sides = await goodKey(page);
  await expect(page.getByTestId("suggestion-hint")).toHaveCount(0);
  await expect(page.getByText(JUDGE)).toHaveCount(0);
  await expect(page.getByText(/model suggestion/i)).toHaveCount(0);
  await page.keyboard.press(sides.poor);
  await page.keyboard.press("Enter");
  const revealed = page.getByRole("status", { name: "Model suggestion on your previous answer" });
  await expect(revealed).toContainText(`The model judge ${JUDGE} suggested ${sides.good === "1" ? "A" : "B"} is better. You disagreed.`);
  await nextTask(page, sides.assignment);
  await shoot(page, "suggestion-revealed");
  sides = await goodKey(page);
  await expect(page.getByTestId("suggestion-hint")).toHaveCount(0);
  await page.keyboard.press(sides.good);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "All done" })).toBeVisible();
  await expect(revealed).toContainText("You agreed.");
  await signOut(page);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/admin/campaigns/${campaignId}`);
  await setSuggestionMode(page, "before_submit");
  await signOut(page);

  // before_submit: a marked hint on the task; y takes it and submits.
  await signIn(page, hinted.email, hinted.password);
  await page.goto(`/campaigns/${campaignId}`);
  sides = await goodKey(page);
  const hint = page.getByRole("complementary", { name: "Model suggestion" });
  await expect(hint).toContainText(`Model suggestion: ${sides.good === "1" ? "A" : "B"} is better`);
  await expect(hint).toContainText(JUDGE);
  await expect(hint).not.toContainText("clearly better");
  await expect(hint.getByRole("button", { name: /^Accept the model suggestion/ })).toHaveAttribute("aria-keyshortcuts", "y");
  await page.keyboard.press("?");
  await expect(page.getByRole("table", { name: "Keyboard shortcuts" })).toContainText("Accept the model suggestion");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("table", { name: "Keyboard shortcuts" })).toHaveCount(0);
  await shoot(page, "suggestion-hint");
  await page.keyboard.press("y");
  await nextTask(page, sides.assignment);
  // The second task: overridden by answering as usual.
  sides = await goodKey(page);
  await expect(hint).toBeVisible();
  await page.keyboard.press(sides.poor);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "All done" })).toBeVisible();
  await signOut(page);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const reply = await page.request.get(`/api/v1/campaigns/${campaignId}/export?format=judgements`);
  expect(reply.status()).toBe(200);
  const rows = (await reply.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { suggestion_shown: boolean; agreed_with_suggestion: boolean | null; payload: { choice: string }; responses: { id: string; external_id: string }[] });
  const good = (row: (typeof rows)[number]) => row.responses.find((r) => r.external_id === "good")?.id;
  const shown = rows.filter((r) => r.suggestion_shown);
  expect(rows.filter((r) => !r.suggestion_shown).map((r) => r.agreed_with_suggestion)).toEqual([null, null]);
  expect(shown).toHaveLength(2);
  const accepted = shown.filter((r) => r.agreed_with_suggestion === true);
  expect(accepted).toHaveLength(1);
  expect(accepted[0]?.payload.choice).toBe(good(accepted[0] as (typeof rows)[number]));
  expect(shown.filter((r) => r.agreed_with_suggestion === false)).toHaveLength(1);
  expect(await reply.text()).not.toContain(API_KEY);

  // The annotator table: suggestions shown and the agreement with them, per annotator.
  await page.goto(`/admin/campaigns/${campaignId}`);
  await page.getByRole("tab", { name: "Quality" }).click();
  const table = page.getByTestId("quality-section").getByRole("table", { name: "Annotator quality" });
  const cells = (email: string) => table.getByRole("row").filter({ hasText: email }).getByRole("cell");
  await expect(cells(hinted.email).nth(8)).toHaveText("2");
  await expect(cells(hinted.email).nth(9)).toHaveText("50%");
  await expect(cells(later.email).nth(8)).toHaveText("0");
});
