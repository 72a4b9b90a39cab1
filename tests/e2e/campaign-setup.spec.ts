import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { jsonl, signIn, uniqueEmail } from "./helpers";

// HH-RLHF transcripts: the shared conversation, then each side's last assistant turn.
const HH_ROWS = [
  ["What's a good name for a cat? 🐱", "How about “Miso”? It’s short and sweet.", "Cat."],
  ["Give me a synonym for happy.", "Joyful.", "Sad."],
  ["What is the boiling point of water at sea level?", "100 °C (212 °F).", "About 50 degrees."],
].map(([question, chosen, rejected]) => ({
  chosen: `\n\nHuman: ${question}\n\nAssistant: ${chosen}`,
  rejected: `\n\nHuman: ${question}\n\nAssistant: ${rejected}`,
}));

test("admin imports HH-RLHF with a preview, sets overlap 2, invites by link; the invitee signs up and gets a task", async ({
  page,
  browser,
}) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByLabel("Name").fill("E2E invited campaign");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E invited campaign" })).toBeVisible();

  await page.getByLabel("File (.jsonl, .gz)").setInputFiles({
    name: "hh-rlhf-sample.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(jsonl(HH_ROWS)),
  });
  await expect(page.getByLabel("Import format")).toHaveValue("hh-rlhf");
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const preview = page.getByRole("region", { name: "Import preview" });
  await expect(preview.getByRole("status")).toContainText("3 valid items");
  await expect(preview.getByRole("list", { name: "First items" })).toContainText(
    "Give me a synonym for happy.",
  );
  await expect(page.getByText(/0 items, 0 complete/)).toBeVisible();
  await preview.getByRole("button", { name: "Import 3 items" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 3 items" })).toBeVisible();
  await expect(page.getByText(/3 items, 0 complete/)).toBeVisible();

  await page.getByLabel("Judgements per item (overlap)").fill("2");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
  await expect(page.getByTestId("campaign-overlap")).toHaveText("2");
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("active");

  await page.getByRole("button", { name: "Create invitation link" }).click();
  const linkField = page.getByLabel("Invitation link (shown once; works once)");
  await expect(linkField).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const link = await linkField.inputValue();
  await expect(page.getByTestId("invitation-state")).toHaveText(["open"]);

  // A fresh browser: no cookies, no account.
  const invitee = await browser.newContext();
  const guest = await invitee.newPage();
  const email = uniqueEmail("invitee");
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Join “E2E invited campaign”" })).toBeVisible();
  await guest.getByLabel("Email").fill(email);
  await guest.getByLabel("Password (at least 8 characters)").fill("invitee password");
  await guest.getByLabel("Repeat the password").fill("invitee password");
  await guest.getByRole("button", { name: "Create account and join" }).click();

  await expect(guest).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(guest.getByTestId("signed-in-as")).toContainText(email);
  const task = guest.getByRole("article", { name: "Task" });
  await expect(task).toBeVisible();
  await expect(guest.getByRole("region", { name: "Prompt" })).toBeVisible();
  await guest.keyboard.press("1");
  await expect(guest.getByRole("button", { name: "A is better" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await guest.keyboard.press("Enter");
  await expect(guest.getByText("1 done today")).toBeVisible();

  // The link worked once: following it again says so.
  await guest.goto(link);
  await expect(guest.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
  await invitee.close();

  await page.reload();
  await expect(page.getByTestId("invitation-state")).toHaveText(["used"]);
  await expect(page.getByRole("list", { name: "Members" })).toContainText(email);
});
