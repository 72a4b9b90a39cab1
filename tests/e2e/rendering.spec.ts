import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_PORT } from "./constants";
import { bodyBackground, openCampaignWith, silentWav, textContrast } from "./content-fixtures";
import { signIn } from "./helpers";

const RICH = [
  "## Haiku",
  "",
  "An old silent pond\nA frog jumps into the pond\nSplash! Silence again",
  "",
  "> Quoted wisdom",
  "",
  "مرحبا بالعالم، هذا نص عربي",
  "",
  "Inline math $x^2$ and a thin space $a\\,b$.",
  "",
  "$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$",
  "",
  '```python\ndef greet(name):\n    return f"hello {name}"  # ' +
    "a long comment ".repeat(12) +
    "\n```",
  "",
  "| a | b |\n|---|---|\n| " + "wide cell ".repeat(20) + " | 2 |",
].join("\n");
const ESSAY = Array.from({ length: 3000 }, (_, i) => `word${i % 50}`).join(" ");

async function richTask(page: Page, name: string) {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await openCampaignWith(page, name, [
    { id: "rich", prompt: "Write a haiku", responses: [{ content: RICH }, { content: ESSAY }] },
  ]);
  const rich = page
    .getByRole("region", { name: /^Response/ })
    .filter({ hasText: "An old silent pond" });
  await expect(rich.locator(".katex-display")).toHaveCount(1);
  return rich;
}

test("markdown, math and code render as the model wrote them", async ({ page }) => {
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  const rich = await richTask(page, "E2E rendering text");

  // Line for line, styled, right to left where the text is Arabic.
  const haiku = rich.locator("p", { hasText: "An old silent pond" });
  await expect(haiku.locator("br")).toHaveCount(2);
  const heading = rich.getByRole("heading", { name: "Haiku" });
  const [headingSize, bodySize] = await Promise.all([
    heading.evaluate((h) => parseFloat(getComputedStyle(h).fontSize)),
    haiku.evaluate((p) => parseFloat(getComputedStyle(p).fontSize)),
  ]);
  expect(headingSize).toBeGreaterThan(bodySize);
  const quote = rich.locator("blockquote");
  await expect(quote).toHaveText("Quoted wisdom");
  expect(
    await quote.evaluate((q) => parseFloat(getComputedStyle(q).borderInlineStartWidth)),
  ).toBeGreaterThan(0);
  const arabic = rich.locator("p", { hasText: "مرحبا" });
  await expect(arabic).toHaveAttribute("dir", "auto");
  expect(await arabic.evaluate((p) => getComputedStyle(p).direction)).toBe("rtl");
  expect(await haiku.evaluate((p) => getComputedStyle(p).direction)).toBe("ltr");

  // KaTeX, inline and display; `\,` reaches KaTeX intact.
  await expect(rich.locator(".katex:not(.katex-display .katex)")).toHaveCount(2);
  await expect(rich.locator('annotation[encoding="application/x-tex"]').nth(1)).toHaveText("a\\,b");

  // Highlighted python with its language label; readable size; a copy button.
  const code = rich.locator(".code-block");
  await expect(code.getByTestId("code-language")).toHaveText("python");
  await expect(code.locator(".hljs-keyword").first()).toHaveText("def");
  const [keyword, plain] = await Promise.all([
    code
      .locator(".hljs-keyword")
      .first()
      .evaluate((e) => getComputedStyle(e).color),
    code.locator("pre").evaluate((e) => getComputedStyle(e).color),
  ]);
  expect(keyword).not.toBe(plain);
  expect(
    await code.locator("pre").evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
  ).toBeGreaterThanOrEqual(13);
  await expect(code.getByRole("button", { name: "Copy code" })).toBeVisible();
  // Readable in the light theme too: body text and the muted response labels.
  expect(await textContrast(page, ".prose-response p")).toBeGreaterThanOrEqual(4.5);
  expect(await textContrast(page, "section h2")).toBeGreaterThanOrEqual(4.5);
  // KaTeX's stylesheet and fonts come from the app itself, allowed by the CSP.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts].some(
          (f) => f.family.replace(/"/g, "") === "KaTeX_Main" && f.status === "loaded",
        ),
      ),
    )
    .toBe(true);
  expect(blocked).toEqual([]);
});

test("a 3,000-word response collapses and expands, with the verdict bar in reach", async ({
  page,
}) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const other = ESSAY.replaceAll("word", "term");
  await openCampaignWith(page, "E2E rendering long", [
    { id: "long", prompt: "Write an essay", responses: [{ content: ESSAY }, { content: other }] },
  ]);
  const essay = page.getByRole("region", { name: /^Response/ }).filter({ hasText: "word49" });
  const terms = page.getByRole("region", { name: /^Response/ }).filter({ hasText: "term49" });
  const height = () => essay.evaluate((e) => e.getBoundingClientRect().height);
  await expect(essay.getByRole("button", { name: "Show more" })).toBeVisible();
  const collapsed = await height();
  expect(collapsed).toBeLessThan(700);

  // Both sit in bounded boxes that scroll together, until synchronized scrolling is off.
  const box = (region: typeof essay) => region.locator("[data-collapsed]");
  await box(essay).evaluate((e) => e.scrollTo({ top: (e.scrollHeight - e.clientHeight) / 2 }));
  await expect
    .poll(() => box(terms).evaluate((e) => e.scrollTop / (e.scrollHeight - e.clientHeight)))
    .toBeCloseTo(0.5, 1);
  await page.getByRole("button", { name: "Sync scrolling" }).click();
  await box(essay).evaluate((e) => e.scrollTo({ top: 0 }));
  await expect.poll(() => box(essay).evaluate((e) => e.scrollTop)).toBe(0);
  expect(await box(terms).evaluate((e) => e.scrollTop)).toBeGreaterThan(0);

  await essay.getByRole("button", { name: "Show more" }).click();
  await expect(essay.getByRole("button", { name: "Show less" })).toBeVisible();
  expect(await height()).toBeGreaterThan(collapsed * 3);
  await essay.getByText("word25").last().scrollIntoViewIfNeeded();
  await expect(page.getByRole("group", { name: "Your verdict" })).toBeInViewport();
  await essay.getByRole("button", { name: "Show less" }).click();
  await expect(essay.getByRole("button", { name: "Show more" })).toBeVisible();
  expect(await height()).toBeLessThan(700);
});

test("the word diff marks inserted and deleted words; `d` toggles it", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await openCampaignWith(page, "E2E rendering diff", [
    {
      id: "diff",
      prompt: "Say the pangram",
      responses: [
        { content: "The quick brown fox jumps over the lazy dog" },
        { content: "The quick red fox leaps over the lazy dog" },
      ],
    },
  ]);
  const task = page.getByRole("article", { name: "Task" });
  await expect(task).toContainText("lazy dog");
  await expect(task.getByTestId("word-diff")).toHaveCount(0);
  await page.keyboard.press("d");
  await expect(task.getByTestId("word-diff")).toHaveCount(2);
  // The display order is random: the first pane shows its own words as deleted.
  const first = await task.getByRole("region", { name: "Response A" }).innerText();
  const [mine, theirs] = first.includes("brown")
    ? [
        ["brown", "jumps"],
        ["red", "leaps"],
      ]
    : [
        ["red", "leaps"],
        ["brown", "jumps"],
      ];
  await expect(task.locator("del")).toHaveText(mine);
  await expect(task.locator("ins")).toHaveText(theirs);
  await expect(page.getByRole("button", { name: /Word diff/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("d");
  await expect(task.getByTestId("word-diff")).toHaveCount(0);
});

test("image responses load side by side and zoom; audio responses get a player", async ({
  page,
}) => {
  // Media from the app itself and from an https host answered here (no internet needed).
  await page.route("https://media.test/**", (route) =>
    route.request().url().endsWith(".wav")
      ? route.fulfill({ contentType: "audio/wav", body: silentWav() })
      : route.fulfill({ contentType: "image/svg+xml", path: "app/icon.svg" }),
  );
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await openCampaignWith(page, "E2E rendering media", [
    {
      id: "images",
      prompt: "Draw a letter A",
      responses: [
        { image_url: `http://localhost:${E2E_PORT}/icon.svg` },
        { image_url: "https://media.test/a.svg" },
      ],
    },
    {
      id: "sounds",
      prompt: "Hum quietly",
      responses: [
        { audio_url: "https://media.test/one.wav" },
        { audio_url: "https://media.test/two.wav" },
      ],
    },
  ]);
  const task = page.getByRole("article", { name: "Task" });
  await expect(task.getByRole("region", { name: "Prompt" })).toBeVisible();
  for (let round = 0; round < 2; round++) {
    if ((await task.getByRole("region", { name: "Prompt" }).innerText()).includes("Draw")) {
      const images = task.locator("section img");
      await expect(images).toHaveCount(2);
      await expect
        .poll(() =>
          images.evaluateAll((all) => all.map((i) => (i as HTMLImageElement).naturalWidth > 0)),
        )
        .toEqual([true, true]);
      const boxes = await images.evaluateAll((all) => all.map((i) => i.getBoundingClientRect()));
      expect(boxes[0]?.width).toBe(boxes[1]?.width);
      expect(boxes[0]?.height).toBe(boxes[1]?.height);
      expect(boxes[0]?.top).toBe(boxes[1]?.top);
      await task.getByRole("button", { name: "Zoom into Response A" }).click();
      const zoom = page.getByRole("dialog", { name: "Response A, full size" });
      await expect(zoom.locator("img")).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(zoom).toHaveCount(0);
    } else {
      const players = task.locator("audio");
      await expect(players).toHaveCount(2);
      for (const player of await players.all()) {
        await expect(player).toHaveAttribute("controls", "");
        await expect(player).toHaveAttribute("preload", "metadata");
        await expect(player).not.toHaveAttribute("autoplay");
      }
      await expect
        // Reading the metadata takes the media pipeline a while on a busy machine.
        .poll(() => players.first().evaluate((a) => (a as HTMLAudioElement).duration), { timeout: 30_000 })
        .toBeCloseTo(1, 1);
    }
    if (round === 1) break;
    // The next task is a new assignment (innerText is upper-cased by CSS, so not a text match).
    const shown = (await task.getAttribute("data-assignment-id")) ?? "";
    await task.getByRole("button", { name: "A is better" }).click();
    await task.getByRole("button", { name: "Submit" }).click();
    await expect(task).not.toHaveAttribute("data-assignment-id", shown);
  }
});

test("a phone screen never scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await richTask(page, "E2E rendering phone");
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
  await expect(page.getByRole("group", { name: "Your verdict" })).toBeInViewport();
});

test.describe("dark", () => {
  test.use({ colorScheme: "dark" });
  test("follows the system's dark scheme with readable response text", async ({ page }) => {
    const rich = await richTask(page, "E2E rendering dark");
    const [r = 255, g = 255, b = 255] = await bodyBackground(page);
    expect(Math.max(r, g, b)).toBeLessThan(60);
    expect(await textContrast(page, ".prose-response p")).toBeGreaterThanOrEqual(4.5);
    expect(await textContrast(page, ".prose-response blockquote p")).toBeGreaterThanOrEqual(4.5);
    expect(await textContrast(page, "section h2")).toBeGreaterThanOrEqual(4.5);
    await expect(rich).toBeVisible();
    // The annotator's own choice wins over the system's, and is kept.
    await page.getByRole("button", { name: /System theme/ }).click();
    await page.getByRole("button", { name: /Dark theme/ }).click();
    await expect(page.getByRole("button", { name: /Light theme/ })).toBeVisible();
    await page.reload();
    const [lr = 0] = await bodyBackground(page);
    expect(lr).toBeGreaterThan(200);
  });
});
