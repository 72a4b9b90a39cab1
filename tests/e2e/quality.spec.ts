import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_ITEMS } from "@/server/services/seed/demo-items";
import { E2E_ADMIN } from "./constants";
import { shoot, signIn, uniqueEmail } from "./helpers";

type Task = { assignment_id: string; responses: { id: string; content: string }[] };

/** Which demo item a task is, and the response id a given model wrote, from the contents shown. */
function identify(task: Task) {
  const item = DEMO_ITEMS.find((d) =>
    d.responses.some((r) => r.content === task.responses[0]?.content),
  );
  if (!item) throw new Error("not a demo item");
  const idOf = (model: string) =>
    task.responses.find((r) => r.content === item.responses.find((x) => x.model === model)?.content)
      ?.id ?? "";
  return { externalId: item.id, idOf };
}

/** Judges every task the signed-in user can claim over REST (the session cookie authenticates). */
async function judgeAll(
  request: APIRequestContext,
  campaignId: string,
  prefer: (externalId: string) => string,
) {
  for (;;) {
    const claimed = await request.post(`/api/v1/campaigns/${campaignId}/tasks/next`);
    if (claimed.status() === 204) return;
    expect(claimed.status()).toBe(200);
    const task = (await claimed.json()) as Task;
    const { externalId, idOf } = identify(task);
    const submitted = await request.post(`/api/v1/assignments/${task.assignment_id}/judgement`, {
      data: { idempotency_key: crypto.randomUUID(), payload: { choice: idOf(prefer(externalId)), strength: "better" } },
    });
    expect(submitted.status()).toBe(201);
  }
}

test("the Quality tab shows real numbers, a leaderboard with intervals, and an adjudication reaches the export", async ({
  page,
  browser,
}) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const listed = (await (await page.request.get("/api/v1/campaigns")).json()) as {
    campaigns: { id: string; name: string }[];
  };
  // The pairwise demo (its template asks how much better, so every verdict says so).
  const demo = listed.campaigns.find((c) => c.name === "Demo: which answer is better?");
  if (!demo) throw new Error("no demo campaign");

  // Two judges for the demo's overlap of 2: the admin (a member) and a new annotator, who
  // disagree on demo-5 and demo-6.
  const annotator = { email: uniqueEmail("quality"), password: "quality annotator" };
  const added = await page.request.post(`/api/v1/campaigns/${demo.id}/members`, {
    data: { email: annotator.email, role: "annotator", password: annotator.password },
  });
  expect(added.status()).toBe(201);
  await judgeAll(page.request, demo.id, () => "demo-small");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, annotator.email, annotator.password);
  await judgeAll(otherPage.request, demo.id, (id) =>
    id === "demo-5" || id === "demo-6" ? "demo-large" : "demo-small",
  );
  await other.close();

  await page.goto(`/admin/campaigns/${demo.id}`);
  await page.getByRole("tab", { name: "Quality" }).click();
  const quality = page.getByTestId("quality-section");
  // Every demo item judged by both judges (the demo's overlap is 2).
  const total = DEMO_ITEMS.length * 2;
  await expect(quality.getByTestId("progress-summary")).toContainText(`${total} of ${total} judgements`);
  await expect(quality.getByRole("table", { name: "Annotator quality" })).toContainText(
    annotator.email,
  );

  // The leaderboard's numbers, read from its table view: both models, each rating inside its interval.
  await expect(
    quality.getByRole("region", { name: /Leaderboard/ }).locator(".recharts-bar-rectangle"),
  ).toHaveCount(2);
  await shoot(page, "quality");
  const board = quality.getByRole("region", { name: /Leaderboard/ });
  await board.getByRole("button", { name: "Show table" }).click();
  const rows = board.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("demo-small");
  const [rating, lo, hi] = (await rows.first().locator("td").allTextContents())
    .slice(1, 4)
    .map(Number);
  expect(lo).toBeLessThan(rating ?? 0);
  expect(hi).toBeGreaterThan(rating ?? 0);
  await expect(quality.getByRole("table", { name: "Win-rate heatmap" })).toContainText(
    // demo-small wins every vote but the second judge's two on demo-5 and demo-6.
    ((total - 2) / total).toFixed(2),
  );

  // Adjudicate demo-5 for the larger model's answer (response 2 in source order).
  await quality.getByRole("button", { name: "Adjudicate demo-5" }).click();
  const panel = quality.getByRole("region", { name: /Adjudicate demo-5/ });
  await expect(panel.getByRole("table", { name: "Judgements" }).locator("tbody tr")).toHaveCount(2);
  await panel.getByLabel("Response 2 is better").check();
  await panel.getByLabel("Note for the record").fill("the larger model is right here");
  await panel.getByRole("button", { name: "Save verdict" }).click();
  await expect(panel.getByRole("status")).toHaveText("Adjudicated verdict saved.");
  await expect(quality.getByRole("region", { name: "Most disputed items" })).toContainText(
    "adjudicated",
  );
  await shoot(page, "quality-adjudication");

  const exported = await page.request.get(
    `/api/v1/campaigns/${demo.id}/export?format=trl&aggregation=majority&prefer_adjudicated=true`,
  );
  expect(exported.status()).toBe(200);
  const lines = (await exported.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { chosen: unknown });
  const large5 =
    DEMO_ITEMS.find((d) => d.id === "demo-5")?.responses.find((r) => r.model === "demo-large")
      ?.content ?? "";
  expect(
    lines.some((row) => JSON.stringify(row.chosen).includes(JSON.stringify(large5).slice(1, 40))),
  ).toBe(true);
});
