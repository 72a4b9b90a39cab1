import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { jsonl, signIn, uniqueEmail } from "./helpers";

const ITEMS = [
  { id: "d1", prompt: "What is 3 + 3?", responses: [{ content: "6" }, { content: "33" }] },
  { id: "d2", prompt: "Opposite of hot?", responses: [{ content: "Cold" }, { content: "Warm" }] },
];

/** Sets up an active campaign with one annotator over REST, as the signed-in admin. */
async function campaignWithAnnotator(api: APIRequestContext, annotator: { email: string; password: string }) {
  const created = await api.post("/api/v1/campaigns", { data: { name: `Disable ${Date.now()}`, status: "active" } });
  expect(created.status()).toBe(201);
  const campaign = (await created.json()) as { id: string };
  const imported = await api.post(`/api/v1/campaigns/${campaign.id}/items?format=native`, {
    headers: { "content-type": "application/octet-stream" },
    data: Buffer.from(jsonl(ITEMS)),
  });
  expect(imported.status()).toBe(200);
  const member = await api.post(`/api/v1/campaigns/${campaign.id}/members`, { data: annotator });
  expect(member.status()).toBe(201);
  return { campaignId: campaign.id, annotatorId: ((await member.json()) as { user_id: string }).user_id };
}

test("an admin disables an annotator mid-task: the next action is refused, the session ends, the audit log shows it", async ({
  browser,
}) => {
  const annotator = { email: uniqueEmail("disabled"), password: "annotator password" };
  const adminContext = await browser.newContext();
  const annotatorContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const worker = await annotatorContext.newPage();

  await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  const { campaignId, annotatorId } = await campaignWithAnnotator(admin.request, annotator);

  await signIn(worker, annotator.email, annotator.password);
  await worker.goto(`/campaigns/${campaignId}`);
  await expect(worker.getByRole("article", { name: "Task" })).toBeVisible();

  await admin.getByRole("link", { name: "Users" }).click();
  await admin.getByLabel("Search by email or name").fill(annotator.email);
  await admin.getByRole("link", { name: annotator.email }).click();
  await expect(admin.getByRole("heading", { name: annotator.email })).toBeVisible();
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: "Disable" }).click();
  await expect(admin.getByTestId("user-status")).toHaveText("disabled");

  // The annotator, screen still open, answers: the submit is refused and they land on sign-in.
  await worker.keyboard.press("1");
  await worker.keyboard.press("Enter");
  await expect(worker).toHaveURL(/\/sign-in/);
  await expect(worker.getByRole("button", { name: "Sign in" })).toBeVisible();
  // The session is over in this browser: the annotate screen sends them back to sign-in.
  await worker.goto(`/campaigns/${campaignId}`);
  await expect(worker).toHaveURL(/\/sign-in/);
  const stats = await admin.request.get(`/api/v1/campaigns/${campaignId}/stats`);
  expect(((await stats.json()) as { judgements: number }).judgements).toBe(0);

  await admin.getByRole("link", { name: "This user’s audit log" }).click();
  const events = admin.getByRole("list", { name: "Audit events" });
  await expect(events.getByRole("listitem").filter({ hasText: "user.disable" })).toContainText(E2E_ADMIN.email);
  await expect(events.getByRole("listitem").filter({ hasText: "session.refused" })).toContainText("reason: disabled");
  await expect(events.getByRole("listitem").filter({ hasText: "user.sign_in" }).first()).toContainText(annotator.email);
  expect(admin.url()).toContain(`user=${annotatorId}`);

  await adminContext.close();
  await annotatorContext.close();
});
