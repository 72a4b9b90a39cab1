import { expect, test, type Page } from "@playwright/test";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../fixtures/fake-openai-server";
import { E2E_ADMIN } from "./constants";
import { jsonl, shoot, signIn } from "./helpers";

const API_KEY = "sk-e2e-d41d8cd98f00b204e9800998ecf8427e";

let server: FakeOpenAiServer;
test.beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: API_KEY });
});
test.afterAll(async () => {
  await server?.close();
});

async function addEndpoint(page: Page, name: string, model: string): Promise<void> {
  const form = page.getByRole("region", { name: "Add an endpoint" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Base URL").fill(server.baseURL);
  await form.getByLabel("Model id").fill(model);
  await form.getByLabel("API key (optional)").fill(API_KEY);
  await form.getByLabel("Temperature").fill("0.7");
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByRole("listitem", { name })).toContainText("API key stored");
  await expect(form.getByLabel("API key (optional)")).toHaveValue("");
}

test("admin adds two endpoints, tests one, imports prompts and generates their responses with visible progress", async ({
  page,
}) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole("link", { name: "Models" }).click();
  await expect(page.getByRole("heading", { name: "Model endpoints" })).toBeVisible();
  await addEndpoint(page, "e2e-left", "left-model");
  await addEndpoint(page, "e2e-right", "right-model");

  const left = page.getByRole("listitem", { name: "e2e-left" });
  await left.getByRole("button", { name: "Test connection" }).click();
  await expect(left.getByRole("status")).toContainText("Connected in");
  await expect(left.getByRole("status")).toContainText("left-model");
  expect(server.chatRequests().at(-1)?.authorization).toBe(`Bearer ${API_KEY}`);
  await page.reload();
  await expect(page.getByRole("listitem", { name: "e2e-right" })).toBeVisible();
  expect(await page.content()).not.toContain(API_KEY);
  await shoot(page, "models");

  await page.getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { name: "Campaigns", exact: true })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("E2E generated campaign");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E generated campaign" })).toBeVisible();
  await page.getByLabel("File (.jsonl, .gz)").setInputFiles({
    name: "prompts.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(
      jsonl([
        { id: "g1", prompt: "Write a limerick about a cat." },
        { id: "g2", prompt: "Explain recursion to a child." },
        { id: "g3", prompt: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello!" }, { role: "user", content: "Name a colour." }] },
      ]),
    ),
  });
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const preview = page.getByRole("region", { name: "Import preview" });
  await expect(preview.getByRole("status")).toContainText("3 valid items");
  await preview.getByRole("button", { name: "Import 3 items" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 3 items" })).toBeVisible();

  const panel = page.getByRole("region", { name: "Models: generate and judge" });
  await panel.getByRole("checkbox", { name: /e2e-left/ }).check();
  await panel.getByRole("checkbox", { name: /e2e-right/ }).check();
  await panel.getByRole("button", { name: "Generate" }).click();
  const job = panel.getByRole("listitem", { name: "generate job" });
  await expect(job.getByTestId("job-status")).toHaveText("done", { timeout: 30_000 });
  await expect(job.getByTestId("job-progress")).toHaveText("6 of 6 responses");
  await expect(job.getByRole("progressbar", { name: "Job progress" })).toHaveAttribute("aria-valuenow", "6");
  expect(server.chatRequests().filter((r) => r.body?.model === "right-model")).toHaveLength(3);
  expect(await page.content()).not.toContain(API_KEY);

  // The left endpoint judges: it prefers whichever response it is shown first, so every verdict flips.
  server.setScript((r) =>
    String(r.body?.messages?.[0]?.content).includes("impartial judge") ? { kind: "reply", content: '{"choice": "A"}' } : undefined,
  );
  await panel.getByLabel("Judge endpoint").selectOption({ label: "e2e-left" });
  await panel.getByRole("button", { name: "Run judge" }).click();
  const judgeJob = panel.getByRole("listitem", { name: "judge job" });
  await expect(judgeJob.getByTestId("job-status")).toHaveText("done", { timeout: 30_000 });
  await expect(judgeJob.getByTestId("job-progress")).toHaveText("6 of 6 verdicts");
  server.setScript(undefined);

  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("active");
  await panel.scrollIntoViewIfNeeded();
  await shoot(page, "campaign-generation");
});
