import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { jsonl, signIn, signOut, uniqueEmail } from "./helpers";

const ITEMS = [
  { id: "k1", prompt: "What is 3 + 3?", responses: [{ content: "6" }, { content: "33" }] },
  { id: "k2", prompt: "Name a mammal.", responses: [{ content: "Whale" }, { content: "Shark" }] },
  { id: "k3", prompt: "Opposite of hot?", responses: [{ content: "Cold" }, { content: "Warm" }] },
  { id: "k4", prompt: "Colour of grass?", responses: [{ content: "Green" }, { content: "Blue" }] },
];
const GUIDELINES = "## Judge correctness first\n\nPrefer the **factually right** answer.";

async function createCampaign(
  page: Page,
  annotator: { email: string; password: string },
  configure?: () => Promise<void>,
) {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByLabel("Name").fill("E2E keyboard");
  await page.getByLabel("Judgements per item (overlap)").fill("1");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E keyboard" })).toBeVisible();
  await page.getByLabel("File (.jsonl, .gz)").setInputFiles({
    name: "items.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(jsonl(ITEMS)),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 4 items" })).toBeVisible();
  await page.getByLabel(/^Guidelines \(markdown/).fill(GUIDELINES);
  await configure?.();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
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

test("annotator works by keyboard only: help, guidelines, draft on reload, skip, edit the previous answer", async ({
  page,
}) => {
  const annotator = { email: uniqueEmail("keys"), password: "annotator password" };
  const campaignId = await createCampaign(page, annotator);

  await signIn(page, annotator.email, annotator.password);
  await page.goto(`/campaigns/${campaignId}`);
  const task = page.getByRole("article", { name: "Task" });
  const prompt = page.getByRole("region", { name: "Prompt" });
  await expect(task).toBeVisible();

  // `?` lists every key; Escape closes it.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const key of ["1", "2", "3", "4", "Enter", "s", "g", "u", "?"]) {
    await expect(help.getByRole("cell", { name: key, exact: true })).toBeVisible();
  }
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // `g` shows the guidelines, rendered from markdown; `g` again hides them.
  await page.keyboard.press("g");
  const guidelines = page.getByRole("complementary", { name: "Guidelines" });
  await expect(guidelines.getByRole("heading", { name: "Judge correctness first" })).toBeVisible();
  await expect(guidelines).toContainText("version 2");
  await page.keyboard.press("g");
  await expect(guidelines).toBeHidden();

  // A choice autosaves as a draft and comes back after a reload.
  const firstTask = (await task.getAttribute("data-assignment-id")) ?? "";
  const skippedPrompt = (await prompt.innerText()).replace(/^User\s*/i, "").trim();
  const saved = page.waitForResponse((r) => r.url().includes("task.saveDraft") && r.ok());
  await page.keyboard.press("1");
  await saved;
  await page.reload();
  await expect(task).toHaveAttribute("data-assignment-id", firstTask);
  await expect(page.getByRole("button", { name: "A is better" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // `s`, then a preset reason by its number key: the task is skipped and the next one shows.
  await page.keyboard.press("s");
  const skip = page.getByRole("dialog", { name: "Skip this task?" });
  await expect(skip).toBeVisible();
  await page.keyboard.press("2");
  await expect(skip).toBeHidden();
  await expect(task).toBeVisible();
  await expect(task).not.toHaveAttribute("data-assignment-id", firstTask);

  // Submit with `2`, then `u` reopens it in the same order; change to `1` and submit the revision.
  const revisedTask = (await task.getAttribute("data-assignment-id")) ?? "";
  const seenPrompts = [(await prompt.innerText()).replace(/^User\s*/i, "").trim()];
  await page.keyboard.press("2");
  await page.keyboard.press("Enter");
  await expect(page.getByText("1 done today")).toBeVisible();
  await expect(task).not.toHaveAttribute("data-assignment-id", revisedTask);
  await page.keyboard.press("u");
  const edit = page.getByRole("article", { name: "Previous answer" });
  await expect(edit).toHaveAttribute("data-assignment-id", revisedTask);
  await expect(edit.getByRole("button", { name: "B is better" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("1");
  await expect(edit.getByRole("button", { name: "A is better" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("status").filter({ hasText: "earlier answer was changed" }),
  ).toBeVisible();
  await expect(edit).toBeHidden();

  // The rest, until nothing is left: the skipped item never comes back.
  for (let done = 2; ; done++) {
    await expect(
      task.or(page.getByRole("status").filter({ hasText: "nothing left" })),
    ).toBeVisible();
    if (!(await task.isVisible())) break;
    seenPrompts.push((await prompt.innerText()).replace(/^User\s*/i, "").trim());
    await page.keyboard.press("1");
    await page.keyboard.press("Enter");
    await expect(page.getByText(`${done} done today`)).toBeVisible();
  }
  expect(seenPrompts).toHaveLength(3);
  expect(seenPrompts).not.toContain(skippedPrompt);
  await signOut(page);

  // The export holds only the revision for the edited item, choosing the response shown as A.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const reply = await page.request.get(`/api/v1/campaigns/${campaignId}/export?format=judgements`);
  expect(reply.ok()).toBe(true);
  const rows = (await reply.text())
    .trim()
    .split("\n")
    .map(
      (line) =>
        JSON.parse(line) as {
          assignment_id: string;
          payload: { choice: string };
          display_order: string[];
          revision_of: string | null;
        },
    );
  expect(rows).toHaveLength(3);
  const edited = rows.filter((row) => row.assignment_id === revisedTask);
  expect(edited).toHaveLength(1);
  expect(edited[0]?.revision_of).toEqual(expect.any(String));
  expect(edited[0]?.payload.choice).toBe(edited[0]?.display_order[0]);
});

test("strength, flags and rationale by keyboard come back from the draft; keys typed in the rationale stay text; a stale edit says why it failed", async ({
  page,
}) => {
  const annotator = { email: uniqueEmail("keys-extra"), password: "annotator password" };
  const campaignId = await createCampaign(page, annotator, async () => {
    await page.getByLabel("Ask how much better (strength)").check();
    await page.getByLabel("Require a rationale").check();
    await page.getByLabel("Flags (comma-separated, e.g. unsafe, pii)").fill("unsafe, pii");
  });

  await signIn(page, annotator.email, annotator.password);
  await page.goto(`/campaigns/${campaignId}`);
  const task = page.getByRole("article", { name: "Task" });
  await expect(task).toBeVisible();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const key of ["q", "w", "e", "r", "f"]) {
    await expect(help.getByRole("cell", { name: key, exact: true })).toBeVisible();
  }
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("2");
  await page.keyboard.press("w");
  await expect(task.getByRole("button", { name: /^Slightly better/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  // `f` puts focus on the flags: Space ticks "unsafe", Tab walks on to the rationale.
  await page.keyboard.press("f");
  await page.keyboard.press(" ");
  await expect(task.getByLabel("unsafe")).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const saved = page.waitForResponse(
    (r) => r.url().includes("task.saveDraft") && (r.request().postData() ?? "").includes("right 1"),
  );
  await page.keyboard.type("B is right 1");
  await expect(task.getByRole("button", { name: "B is better" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await saved;

  await page.reload();
  await expect(task.getByRole("button", { name: "B is better" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(task.getByRole("button", { name: /^Slightly better/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(task.getByLabel("unsafe")).toBeChecked();
  await expect(task.getByLabel(/^Rationale/)).toHaveValue("B is right 1");
  await page.keyboard.press("Enter");
  await expect(page.getByText("1 done today")).toBeVisible();

  // Meanwhile another tab changes the same answer: this edit is stale, and says so.
  await page.keyboard.press("u");
  const edit = page.getByRole("article", { name: "Previous answer" });
  await expect(edit).toBeVisible();
  const other = await page.context().newPage();
  await other.goto(`/campaigns/${campaignId}`);
  await expect(other.getByRole("article", { name: "Task" })).toBeVisible();
  // `u` works once the recent answers have come from the server, as its button shows.
  await expect(other.getByRole("button", { name: /^Edit previous/ })).toBeVisible();
  await other.keyboard.press("u");
  await other.getByRole("article", { name: "Previous answer" }).getByLabel(/^Rationale/).fill("A is fine");
  // Escape leaves the text field, so the next keys are commands again.
  await other.keyboard.press("Escape");
  await other.keyboard.press("1");
  await other.keyboard.press("q");
  await other.keyboard.press("Enter");
  await expect(other.getByRole("status").filter({ hasText: "earlier answer was changed" })).toBeVisible();
  await other.close();
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(edit.getByRole("alert")).toContainText("changed since");
  await expect(edit.getByRole("button", { name: "A is better" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("Escape");
  await expect(task).toBeVisible();
});
