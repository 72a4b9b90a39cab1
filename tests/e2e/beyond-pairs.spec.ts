import { expect, test } from "@playwright/test";
import { E2E_ADMIN, E2E_PORT } from "./constants";
import { openCampaignWith } from "./content-fixtures";
import { signIn } from "./helpers";

const base = `http://localhost:${E2E_PORT}`;
const lines = (text: string) => text.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

test("a vision prompt with two image responses is judged by keyboard; the stored choice and prompt come back in exports", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const prompt = [
    { role: "user", content: [{ type: "image_url", image_url: { url: `${base}/demo/cat-line.svg` } }, { type: "text", text: "Draw this animal in colour" }] },
  ];
  const id = await openCampaignWith(page, "E2E vision prompt", [
    { id: "vision", prompt, responses: [{ id: "red", image_url: `${base}/demo/red-circle.svg` }, { id: "square", image_url: `${base}/demo/red-square.svg` }] },
  ]);
  const task = page.getByRole("article", { name: "Task" });
  const shown = task.getByRole("region", { name: "Prompt" });
  await expect(shown.getByText("Draw this animal in colour")).toBeVisible();
  const promptImage = shown.getByRole("img", { name: "User message 1, image 1" });
  await expect(promptImage).toBeVisible();
  await expect.poll(() => promptImage.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await expect(task.locator("section img")).toHaveCount(3);
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toContainText("1 done today");

  const judgements = lines(await (await page.request.get(`/api/v1/campaigns/${id}/export?format=judgements`)).text());
  expect(judgements).toHaveLength(1);
  const [judgement] = judgements as { payload: { choice: string }; display_order: string[] }[];
  expect(judgement?.payload.choice).toBe(judgement?.display_order[0]);
  const prompts = lines(await (await page.request.get(`/api/v1/campaigns/${id}/export?format=prompts`)).text());
  expect(prompts).toEqual([{ prompt }]);
});

test("a tool-calling conversation shows its call, result and a response's reasoning collapsed; the judged pair exports with tool_calls and tools, without the reasoning", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const call = { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } };
  const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }];
  const prompt = [
    { role: "user", content: "Weather in Paris?" },
    { role: "assistant", content: "", tool_calls: [call] },
    { role: "tool", tool_call_id: "call_1", content: '{"temp": 21}' },
  ];
  const id = await openCampaignWith(page, "E2E tool calls", [
    {
      id: "tools",
      prompt,
      tools,
      responses: [
        { id: "warm", content: "It is 21 °C.", reasoning_content: "The tool said temp 21, in Celsius." },
        { id: "cold", content: "It is freezing." },
      ],
    },
  ]);
  // The reasoning is offered, closed, and not part of the answer's text.
  const task = page.getByRole("article", { name: "Task" });
  await expect(task.getByText("Reasoning", { exact: true })).toBeVisible();
  await expect(task.getByText("The tool said temp 21, in Celsius.")).toBeHidden();
  const shown = page.getByRole("article", { name: "Task" }).getByRole("region", { name: "Prompt" });
  await expect(shown.getByText("Tool call: get_weather")).toBeVisible();
  await expect(shown.getByText("Tool result (call_1)")).toBeVisible();
  // Collapsed: the arguments and the result are in the page but not shown until opened.
  await expect(shown.getByText('"city": "Paris"')).toBeHidden();
  await expect(shown.getByText('"temp": 21')).toBeHidden();
  await page.keyboard.press("2");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toContainText("1 done today");

  const [judgement] = lines(await (await page.request.get(`/api/v1/campaigns/${id}/export?format=judgements`)).text()) as {
    payload: { choice: string };
    display_order: string[];
    responses: { id: string; external_id: string }[];
  }[];
  const chosenExternal = judgement?.responses.find((r) => r.id === judgement.display_order[1])?.external_id;
  const trl = lines(await (await page.request.get(`/api/v1/campaigns/${id}/export?format=trl`)).text());
  expect(trl).toEqual([
    {
      prompt,
      chosen: [{ role: "assistant", content: chosenExternal === "warm" ? "It is 21 °C." : "It is freezing." }],
      rejected: [{ role: "assistant", content: chosenExternal === "warm" ? "It is freezing." : "It is 21 °C." }],
      tools,
    },
  ]);
});

test("a response that calls a tool shows the call and result collapsed; the judged pair exports them in chosen", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const call = { id: "call_7", type: "function", function: { name: "search_flights", arguments: '{"to":"OSL"}' } };
  const answer = [
    { role: "assistant", content: "", tool_calls: [call] },
    { role: "tool", tool_call_id: "call_7", content: '{"cheapest": "SK 4421"}' },
    { role: "assistant", content: "Take SK 4421." },
  ];
  const id = await openCampaignWith(page, "E2E tool answer", [
    { id: "flights", prompt: "Cheapest flight to Oslo?", responses: [{ id: "tool", messages: answer }, { id: "guess", content: "Any of them." }] },
  ]);
  const task = page.getByRole("article", { name: "Task" });
  await expect(task.getByText("Tool call: search_flights")).toBeVisible();
  await expect(task.getByText("Tool result (call_7)")).toBeVisible();
  await expect(task.getByText('"to": "OSL"')).toBeHidden();
  await expect(task.getByText('"cheapest": "SK 4421"')).toBeHidden();
  await expect(task.getByText("Take SK 4421.")).toBeVisible();
  // Open the call with the keyboard: its arguments show.
  await task.getByText("Tool call: search_flights").focus();
  await page.keyboard.press(" ");
  await expect(task.getByText('"to": "OSL"')).toBeVisible();
  const toolSide = await task.locator('section[aria-label="Response A"]').getByText("Tool call: search_flights").count();
  await page.keyboard.press(toolSide ? "1" : "2");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toContainText("1 done today");
  const trl = lines(await (await page.request.get(`/api/v1/campaigns/${id}/export?format=trl`)).text());
  expect(trl).toEqual([
    { prompt: [{ role: "user", content: "Cheapest flight to Oslo?" }], chosen: answer, rejected: [{ role: "assistant", content: "Any of them." }] },
  ]);
});
