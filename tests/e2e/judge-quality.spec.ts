import { expect, test, type APIRequestContext } from "@playwright/test";
import { startFakeOpenAiServer, type FakeOpenAiServer, type RecordedRequest } from "../fixtures/fake-openai-server";
import { E2E_ADMIN } from "./constants";
import { jsonl, shoot, signIn, uniqueEmail } from "./helpers";

const API_KEY = "sk-e2e-judge-6512bd43d9caa6e02c990b0a82652dca";

let server: FakeOpenAiServer;
test.beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: API_KEY });
});
test.afterAll(async () => {
  await server?.close();
});

/** Prefers the response that says "good"; on j3 answers "A" whatever it is shown, so it flips. */
function judge(request: RecordedRequest) {
  const user = String(request.body?.messages?.at(-1)?.content ?? "");
  const a = /\[Response A\]\n(.*)\n\[End of response A\]/.exec(user)?.[1] ?? "";
  const choice = user.includes("J3") || a.includes("good") ? "A" : "B";
  return { kind: "reply" as const, content: JSON.stringify({ choice, rationale: "Compared." }) };
}

/** The annotator picks the response that says "good" on every item but j2. */
async function judgeAll(request: APIRequestContext, campaignId: string) {
  for (;;) {
    const claimed = await request.post(`/api/v1/campaigns/${campaignId}/tasks/next`);
    if (claimed.status() === 204) return;
    const task = (await claimed.json()) as { assignment_id: string; responses: { id: string; content: string }[] };
    const contrary = task.responses.some((r) => r.content.includes("j2"));
    const pick = task.responses.find((r) => r.content.includes("good") !== contrary) ?? task.responses[0];
    const submitted = await request.post(`/api/v1/assignments/${task.assignment_id}/judgement`, {
      data: { idempotency_key: crypto.randomUUID(), payload: { choice: pick?.id } },
    });
    expect(submitted.status()).toBe(201);
  }
}

test("the Quality tab measures an LLM judge against the annotators, and its consistent verdicts export as RLAIF data", async ({
  page,
  browser,
}) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const api = page.request;
  const campaign = (await (
    await api.post("/api/v1/campaigns", { data: { name: "E2E judged campaign", overlap: 1, template: { kind: "pairwise" } } })
  ).json()) as { id: string };
  const lines = ["j1", "j2", "j3", "j4"].map((id, i) => ({
    id,
    prompt: `${id.toUpperCase()}: which answer is right?`,
    responses: i % 2 ? [{ content: `bad ${id}` }, { content: `good ${id}` }] : [{ content: `good ${id}` }, { content: `bad ${id}` }],
  }));
  expect((await api.post(`/api/v1/campaigns/${campaign.id}/items`, { data: jsonl(lines) })).status()).toBe(200);
  const endpoint = (await (
    await api.post("/api/v1/model-endpoints", { data: { name: "e2e-judge", base_url: server.baseURL, model: "judge-model", api_key: API_KEY } })
  ).json()) as { id: string };

  await page.goto(`/admin/campaigns/${campaign.id}`);
  await page.getByRole("tab", { name: "Quality" }).click();
  const judges = page.getByTestId("judge-section");
  await expect(judges).toContainText("No judge has run on this campaign yet");

  server.setScript((r) => (r.body?.model === "judge-model" ? judge(r) : undefined));
  const started = (await (await api.post(`/api/v1/campaigns/${campaign.id}/judge`, { data: { endpoint: endpoint.id } })).json()) as { job_id: string };
  await expect.poll(async () => ((await (await api.get(`/api/v1/jobs/${started.job_id}`)).json()) as { status: string }).status, { timeout: 30_000 }).toBe("done");
  server.setScript(undefined);

  expect((await api.patch(`/api/v1/campaigns/${campaign.id}`, { data: { status: "active" } })).status()).toBe(200);
  const annotator = { email: uniqueEmail("judged"), password: "judged annotator" };
  expect((await api.post(`/api/v1/campaigns/${campaign.id}/members`, { data: { ...annotator, role: "annotator" } })).status()).toBe(201);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, annotator.email, annotator.password);
  await judgeAll(otherPage.request, campaign.id);
  await other.close();

  await page.reload();
  await page.getByRole("tab", { name: "Quality" }).click();
  const card = judges.getByRole("region", { name: "e2e-judge" });
  const figures = card.getByRole("definition");
  // j3 flips; the three others keep their verdict. Verdicts for the response shown first: j1, j2
  // and j4 once each, j3 twice: 5 of 8.
  await expect(figures.nth(0)).toHaveText("8 on 4 items");
  await expect(figures.nth(1)).toHaveText("75% (3 of 4)");
  await expect(figures.nth(2)).toHaveText("63% of 8 (p = 0.727)");
  // The annotator agrees on j1 and j4 and goes the other way on j2: 2 of 3.
  const table = card.getByRole("table", { name: "e2e-judge: Choice agreement" });
  await expect(table.getByRole("row", { name: /Human consensus/ })).toContainText("67%");
  await expect(table.getByRole("row", { name: new RegExp(annotator.email) })).toContainText("67%");
  await card.scrollIntoViewIfNeeded();
  await shoot(page, "quality-judges");

  await page.getByRole("tab", { name: "Setup" }).click();
  const exportPanel = page.getByRole("region", { name: "Export", exact: true });
  await exportPanel.getByLabel("Verdicts from").selectOption("ai-judgements");
  await expect(exportPanel.getByRole("combobox", { name: "Judge", exact: true })).toContainText("e2e-judge");
  // The three consistent verdicts; the flipped one is left out unless kept.
  await expect(exportPanel.getByTestId("export-preview-count")).toHaveText("3 rows");
  await exportPanel.getByLabel("Verdicts that flip with the order").selectOption("keep");
  await expect(exportPanel.getByTestId("export-preview-count")).toHaveText("5 rows");
  await expect(exportPanel.getByRole("link", { name: "Download", exact: true })).toHaveAttribute("href", /source=ai-judgements&inconsistent=keep/);
  expect(await page.content()).not.toContain(API_KEY);
  await exportPanel.scrollIntoViewIfNeeded();
});
