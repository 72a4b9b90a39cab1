import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { openCampaignWith } from "./content-fixtures";
import { shoot, signIn } from "./helpers";

const lines = (text: string) => text.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

const call = { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } };
const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }];
const FOLLOW_UPS = ["And if it rains?", "One last tip?"];
/** Three assistant turns under the same two follow-ups; `withTool` calls the weather tool first. */
const continuation = (tag: string, withTool: boolean) => [
  ...(withTool
    ? [
        { role: "assistant", content: "", tool_calls: [call] },
        { role: "tool", tool_call_id: "call_1", content: '{"temp": 4, "sky": "grey"}' },
      ]
    : []),
  { role: "assistant", content: `${tag} 1: walk the harbour.` },
  { role: "user", content: FOLLOW_UPS[0] },
  { role: "assistant", content: `${tag} 2: visit the museum.` },
  { role: "user", content: FOLLOW_UPS[1] },
  { role: "assistant", content: `${tag} 3: try the sauna.` },
];

type Judgement = { payload: { turns: { choice: string; strength?: string }[] }; display_order: string[]; responses: { id: string; external_id: string }[] };

async function exported(page: Page, id: string, format: string) {
  return lines(await (await page.request.get(`/api/v1/campaigns/${id}/export?format=${format}`)).text());
}

test("a 3-turn pair is judged turn by turn from the keyboard, its calls collapsed; exports give each turn's verdict and one TRL row per preferred turn", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const id = await openCampaignWith(
    page,
    "E2E per turn",
    [{ id: "oslo", prompt: "Plan a day in Oslo.", tools, responses: [{ id: "tool", messages: continuation("Plan T", true) }, { id: "plain", messages: continuation("Plan P", false) }] }],
    { kind: "pairwise", per_turn: true, strength: true },
  );
  const task = page.getByRole("article", { name: "Task" });
  const turn = (n: number) => task.getByRole("listitem", { name: `Turn ${n} of 3` });
  await expect(turn(1)).toHaveAttribute("aria-current", "step");
  // Later turns open as they are reached; the tool call and its result are collapsed.
  await expect(turn(2)).toHaveCount(0);
  await expect(task.getByText("2 more turns to judge after this one.")).toBeVisible();
  await expect(turn(1).getByText("Tool call: get_weather")).toBeVisible();
  await expect(turn(1).getByText("Tool result (call_1)")).toBeVisible();
  await expect(turn(1).getByText('"city": "Oslo"')).toBeHidden();
  await expect(turn(1).getByText('"sky": "grey"')).toBeHidden();

  // Turn 1: A is better, better. Turn 2: B is better, slightly. Turn 3: tie.
  await page.keyboard.press("1");
  await expect(turn(1).getByRole("button", { name: "Turn 1: A is better" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("e");
  await expect(turn(2)).toHaveAttribute("aria-current", "step");
  await expect(turn(2).getByText(FOLLOW_UPS[0] ?? "")).toBeVisible();
  await shoot(page, "per-turn");
  await page.keyboard.press("2");
  await expect(turn(2).getByRole("button", { name: "Turn 2: B is better" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("w");
  await expect(turn(3)).toHaveAttribute("aria-current", "step");
  await expect(task.getByRole("button", { name: "Submit" })).toBeDisabled();
  await page.keyboard.press("3");
  await expect(task.getByRole("button", { name: "Submit" })).toBeEnabled();
  // Earlier turns stay in view with their verdicts.
  await expect(turn(1)).toContainText("A is better, better");
  await expect(turn(2)).toContainText("B is better, slightly better");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toContainText("1 done today");

  const [judgement] = (await exported(page, id, "judgements")) as Judgement[];
  const [first, second] = judgement?.display_order ?? [];
  expect(judgement?.payload.turns).toEqual([{ choice: first, strength: "better" }, { choice: second, strength: "slight" }, { choice: "tie" }]);
  const tag = (responseId: string | undefined) => (judgement?.responses.find((r) => r.id === responseId)?.external_id === "tool" ? "Plan T" : "Plan P");

  // The tie is dropped; turn 2 is asked after the chosen side's own first turn.
  const trl = (await exported(page, id, "trl")) as { prompt: { role: string; content: string }[]; chosen: { content: string }[]; rejected: { content: string }[]; turn: number; tools: unknown }[];
  expect(trl.map((r) => r.turn)).toEqual([1, 2]);
  const [one, two] = trl;
  expect(one?.prompt).toEqual([{ role: "user", content: "Plan a day in Oslo." }]);
  expect(one?.chosen.at(-1)?.content).toBe(`${tag(first)} 1: walk the harbour.`);
  expect(one?.rejected.at(-1)?.content).toBe(`${tag(second)} 1: walk the harbour.`);
  expect(two?.prompt.filter((m) => m.role === "assistant" && m.content !== "").map((m) => m.content)).toEqual([`${tag(second)} 1: walk the harbour.`]);
  expect(two?.prompt.at(-1)).toEqual({ role: "user", content: FOLLOW_UPS[0] });
  expect(two?.chosen).toEqual([{ role: "assistant", content: `${tag(second)} 2: visit the museum.` }]);
  expect(one?.tools).toEqual(tools);

  // `u` reopens the answer turn by turn; the last turn becomes "both bad".
  await page.keyboard.press("u");
  const previous = page.getByRole("article", { name: "Previous answer" });
  await expect(previous.getByRole("listitem", { name: "Turn 3 of 3" })).toHaveAttribute("aria-current", "step");
  await page.keyboard.press("4");
  await expect(previous.getByRole("button", { name: "Turn 3: Both bad" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your earlier answer was changed.")).toBeVisible();
  const [revised] = (await exported(page, id, "judgements")) as Judgement[];
  expect(revised?.payload.turns.map((t) => t.choice)).toEqual([first, second, "both_bad"]);
});
