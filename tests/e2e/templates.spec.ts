import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  adminRequest,
  draftSaved,
  expectNoSideScroll,
  exportJudgements,
  openTask,
  rankingTemplateItems,
  responsesOf,
  setupCampaign,
} from "./template-setup";
import { shoot } from "./helpers";

const RANKING = { kind: "ranking", allow_ties: true, allow_not_rankable: true };

/** The tray's rows as "Response 3: 1st", best first. */
async function tray(task: Locator) {
  return task.getByTestId("tray-row").evaluateAll((rows) =>
    rows.map((r) => `${r.querySelector(".font-medium")?.textContent}: ${r.querySelector(".ml-auto")?.textContent}`),
  );
}

async function keys(page: Page, sequence: string) {
  for (const key of sequence.split(" ")) await page.keyboard.press(key);
}

test("ranking by keyboard: 3 1 4 2 Enter, a tie, none acceptable; the draft survives a reload, and edit previous revises any recent answer", async ({
  page,
  browser,
}) => {
  const admin = await adminRequest(browser);
  const { campaignId, annotator } = await setupCampaign(admin, { template: RANKING, items: rankingTemplateItems(3) });
  const task = await openTask(page, campaignId, annotator);
  await expectNoSideScroll(page);

  // The overlay lists the ranking keys the handlers use.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const key of ["1–4", "=", "Backspace", "0", "Enter"]) {
    await expect(help.getByRole("cell", { name: key, exact: true })).toBeVisible();
  }
  await page.keyboard.press("Escape");

  // 3 1, reload: the order comes back; Backspace takes the last one back.
  const first = (await task.getAttribute("data-assignment-id")) ?? "";
  // The save that holds both picks (the first keystroke may be saved on its own).
  const saved = draftSaved(page, /groups\\?":\[\[\\?"[^"\\]+\\?"\],\[/);
  await keys(page, "3 1");
  await saved;
  await page.reload();
  await expect(task).toHaveAttribute("data-assignment-id", first);
  expect((await tray(task)).slice(0, 2)).toEqual(["Response 3: 1st", "Response 1: 2nd"]);
  await keys(page, "2 Backspace 4 2");
  expect(await tray(task)).toEqual(["Response 3: 1st", "Response 1: 2nd", "Response 4: 3rd", "Response 2: 4th"]);
  await page.keyboard.press("Enter");
  await expect(task).not.toHaveAttribute("data-assignment-id", first);
  await expect(page.getByTestId("progress")).toContainText("1 done today");

  // A tie: 2 = 4 puts responses 2 and 4 together first.
  const second = (await task.getAttribute("data-assignment-id")) ?? "";
  await keys(page, "2 = 4 1 3");
  expect(await tray(task)).toEqual(["Response 2: 1st", "Response 4: tied 1st", "Response 1: 2nd", "Response 3: 3rd"]);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toContainText("2 done today");

  // None is acceptable.
  const third = (await task.getAttribute("data-assignment-id")) ?? "";
  await keys(page, "0 Enter");
  await expect(page.getByRole("status").filter({ hasText: "All done" })).toBeVisible();

  // After a reload, `u` still offers the last answer, in the order it was shown.
  await page.reload();
  await expect(page.getByRole("button", { name: /^Edit previous/ })).toBeVisible();
  await page.keyboard.press("u");
  const edit = page.getByRole("article", { name: "Previous answer" });
  await expect(edit).toHaveAttribute("data-assignment-id", third);
  await expect(edit.getByText("None of the responses is acceptable.")).toBeVisible();

  // Any recent answer, not only the last: the oldest comes back in its order and is revised.
  const recent = page.getByRole("navigation", { name: "Your recent answers" }).getByRole("button");
  await expect(recent).toHaveCount(3);
  await recent.nth(2).click();
  await expect(edit).toHaveAttribute("data-assignment-id", first);
  expect(await tray(edit)).toEqual(["Response 3: 1st", "Response 1: 2nd", "Response 4: 3rd", "Response 2: 4th"]);
  await keys(page, "Backspace Backspace 2 4 Enter");
  await expect(page.getByRole("status").filter({ hasText: "earlier answer was changed" })).toBeVisible();

  const rows = await exportJudgements(admin, campaignId);
  const by = (id: string) => rows.find((r) => r.assignment_id === id);
  const d1 = by(first)?.display_order ?? [];
  expect(by(first)?.revision_of).toEqual(expect.any(String));
  expect(by(first)?.payload).toEqual({ ranking: [[d1[2]], [d1[0]], [d1[1]], [d1[3]]] });
  const d2 = by(second)?.display_order ?? [];
  expect(by(second)?.payload).toEqual({ ranking: [[d2[1], d2[3]], [d2[0]], [d2[2]]] });
  expect(by(third)?.payload).toEqual({ not_rankable: true });
});

test("ranking of 4 by mouse drag, then by the keyboard sensor; clear screens for a paused campaign and the daily cap", async ({ page, browser }) => {
  const admin = await adminRequest(browser);
  const { campaignId, annotator } = await setupCampaign(admin, {
    template: RANKING,
    items: rankingTemplateItems(2),
    settings: { daily_cap: 1 },
  });
  const task = await openTask(page, campaignId, annotator);
  await expect(page.getByRole("heading", { name: "E2E ranking", level: 1 })).toBeVisible();
  await expect(page.getByTestId("progress")).toHaveText("0 done today of 1 · 1 left in the campaign");
  const assignment = (await task.getAttribute("data-assignment-id")) ?? "";

  const setStatus = async (status: string) =>
    expect((await admin.patch(`/api/v1/campaigns/${campaignId}`, { data: { status } })).ok()).toBe(true);
  await setStatus("paused");
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Campaign paused" })).toBeVisible();
  await setStatus("active");
  await page.reload();
  await expect(task).toHaveAttribute("data-assignment-id", assignment);
  await expect(page.getByTestId("progress")).toHaveText("0 done today of 1 · 1 left in the campaign");
  const handle = task.getByRole("button", { name: "Drag Response 4" });
  const target = task.getByRole("button", { name: "Drag Response 1" });
  // The pointer goes down only once the rows stand still: a row that moves under it between
  // the measure and the press is never picked up. A drag that picked nothing up leaves the
  // tray as it was, so it is tried again; one that moved anything else fails here.
  const boxes = async () => JSON.stringify([await handle.boundingBox(), await target.boundingBox()]);
  const unplaced = ["Response 1: not placed yet", "Response 2: not placed yet", "Response 3: not placed yet", "Response 4: not placed yet"];
  await expect(async () => {
    expect(await tray(task)).toEqual(unplaced);
    const before = await boxes();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await boxes()).toBe(before);
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error("tray rows not laid out");
    await handle.hover();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, to.y + 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => tray(task), { timeout: 2000 }).not.toEqual(unplaced);
  }).toPass();
  expect(await tray(task)).toEqual(["Response 4: 1st", "Response 1: 2nd", "Response 2: 3rd", "Response 3: 4th"]);
  // dnd-kit's keyboard sensor on the same rows: Space picks up, an arrow moves, Space drops;
  // each key waits for dnd-kit's own announcement of the step before the next one.
  const live = page.locator("[id^=DndLiveRegion]");
  await expect(live).toContainText(/dropped/);
  await task.getByRole("button", { name: "Drag Response 3" }).focus();
  await page.keyboard.press("Space");
  // Picked up: over its own place first.
  await expect(live).toContainText(/item (\S+) was moved over droppable area \1\./);
  // The sensor listens for arrows from a task it queues on pick-up: under load the first arrow
  // can come before it, and is lost. Pressed again only if no move was announced within 2 s.
  await expect(async () => {
    await page.keyboard.press("ArrowUp");
    await expect(live).toContainText(/item (\S+) was moved over droppable area (?!\1\.)\S+/, { timeout: 2000 });
  }).toPass();
  await page.keyboard.press("Space");
  await expect.poll(() => tray(task)).toEqual(["Response 4: 1st", "Response 1: 2nd", "Response 3: 3rd", "Response 2: 4th"]);
  await task.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Daily limit reached" })).toBeVisible();
  await expect(page.getByTestId("progress")).toHaveText("1 done today of 1 · 1 left in the campaign");

  const [row] = await exportJudgements(admin, campaignId);
  const d = row?.display_order ?? [];
  expect(row?.assignment_id).toBe(assignment);
  expect(row?.payload).toEqual({ ranking: [[d[3]], [d[0]], [d[2]], [d[1]]] });
});

test("rating 2 responses × 3 attributes by keyboard; the draft survives a reload; edit previous revises it", async ({
  page,
  browser,
}) => {
  const admin = await adminRequest(browser);
  const attributes = [
    { name: "helpfulness", min: 1, max: 5 },
    { name: "correctness", min: 0, max: 4 },
    { name: "verbosity", min: 0, max: 4 },
  ];
  const { campaignId, annotator } = await setupCampaign(admin, {
    template: { kind: "rating", attributes },
    items: [{ id: "t1", prompt: "Rate these", responses: responsesOf("rate-", 2) }],
  });
  const task = await openTask(page, campaignId, annotator);
  await expectNoSideScroll(page);
  const assignment = (await task.getAttribute("data-assignment-id")) ?? "";
  const value = (response: number, attribute: string) =>
    task.getByRole("radiogroup", { name: `Response ${response} ${attribute}` }).getByRole("radio", { checked: true });

  // Digits rate the focused row and move on; arrows (and Tab) move between rows.
  // The save that holds the last of the five keys (Response 2's helpfulness, 1).
  const saved = draftSaved(page, /helpfulness\\?":1\b/);
  await keys(page, "4 3 2 9 1");
  await saved;
  await page.reload();
  await expect(value(1, "verbosity")).toHaveText("2");
  await expect(value(2, "helpfulness")).toHaveText("1");
  await keys(page, "Shift+Tab Tab 2 4 ArrowUp ArrowUp 5 Shift+Tab Shift+Tab 0 3");
  await expect(value(1, "verbosity")).toHaveText("0");
  await expect(value(2, "helpfulness")).toHaveText("3");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "All done" })).toBeVisible();

  // Reload after submitting: `u` reopens the answer; change one value and store the revision.
  await page.reload();
  await expect(page.getByRole("button", { name: /^Edit previous/ })).toBeVisible();
  await page.keyboard.press("u");
  const edit = page.getByRole("article", { name: "Previous answer" });
  await expect(edit).toHaveAttribute("data-assignment-id", assignment);
  await expect(edit.getByRole("radiogroup", { name: "Response 2 correctness" }).getByRole("radio", { checked: true })).toHaveText("2");
  await keys(page, "ArrowUp 4 Enter");
  await expect(page.getByRole("status").filter({ hasText: "earlier answer was changed" })).toBeVisible();

  const [row] = await exportJudgements(admin, campaignId);
  const [a, b] = row?.display_order ?? [];
  expect(row?.revision_of).toEqual(expect.any(String));
  expect(row?.payload).toEqual({
    ratings: {
      [String(a)]: { helpfulness: 4, correctness: 3, verbosity: 0 },
      [String(b)]: { helpfulness: 3, correctness: 4, verbosity: 4 },
    },
  });
});

test("pairwise by keyboard with strength, two criteria, a rationale and a flag; a clicked verdict then Enter submits", async ({
  page,
  browser,
}) => {
  const admin = await adminRequest(browser);
  const { campaignId, annotator } = await setupCampaign(admin, {
    template: { kind: "pairwise", strength: true, criteria: ["helpfulness", "harmlessness"], flags: ["unsafe", "pii"] },
    items: [1, 2].map((i) => ({ id: `p${i}`, prompt: `Compare ${i}`, responses: responsesOf(`pair${i}-`, 2) })),
  });
  const task = await openTask(page, campaignId, annotator);
  await expectNoSideScroll(page);
  const first = (await task.getAttribute("data-assignment-id")) ?? "";

  // B better, "better"; f goes to the flags, Space ticks "unsafe"; Shift+Tab walks back into the
  // criteria (arrows pick within a group); Tab on to the rationale, and Ctrl+Enter submits from there.
  await keys(page, "2 e f Space Shift+Tab Space Shift+Tab ArrowLeft");
  await expect(task.getByLabel("unsafe")).toBeChecked();
  const criterion = (name: string) => task.getByRole("group", { name }).getByRole("radio", { checked: true });
  await expect(criterion("harmlessness")).toHaveAccessibleName("Tie");
  await expect(criterion("helpfulness")).toHaveAccessibleName("B");
  await shoot(page, "pairwise-strength-criteria");
  await keys(page, "Tab Tab Tab Tab");
  await page.keyboard.type("B is clearer");
  await page.keyboard.press("Control+Enter");
  await expect(task).not.toHaveAttribute("data-assignment-id", first);

  // The mouse picks a verdict; Enter, with focus still on that button, submits.
  const second = (await task.getAttribute("data-assignment-id")) ?? "";
  await task.getByRole("button", { name: "Tie" }).click();
  await expect(task.getByRole("button", { name: "Tie" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "All done" })).toBeVisible();

  const rows = await exportJudgements(admin, campaignId);
  const one = rows.find((r) => r.assignment_id === first);
  const [, b] = one?.display_order ?? [];
  expect(one?.payload).toEqual({
    choice: b,
    strength: "better",
    criteria: { helpfulness: b, harmlessness: "tie" },
    rationale: "B is clearer",
    flags: ["unsafe"],
  });
  expect(rows.find((r) => r.assignment_id === second)?.payload).toEqual({ choice: "tie" });
});
