import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { openCampaignWith } from "./content-fixtures";
import { jsonl, signIn } from "./helpers";

test("pages carry a nonce-based Content-Security-Policy", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  // The page still works under the policy: its scripts carry the nonce.
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});

test("hostile model output renders inert: no script, no javascript: link, no auto-loaded remote image", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const remoteRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith("https://tracker.example")) remoteRequests.push(request.url());
  });

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByLabel("Name").fill("E2E hostile output");
  await page.getByLabel("Judgements per item (overlap)").fill("1");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "E2E hostile output" })).toBeVisible();
  const hostile = [
    "<script>alert('script')</script>",
    "<img src=x onerror=\"alert('onerror')\">",
    "[click me](javascript:alert('link'))",
    "![pixel](https://tracker.example/pixel.png)",
  ].join("\n\n");
  await page.getByLabel("File (.jsonl, .gz)").setInputFiles({
    name: "hostile.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(jsonl([{ id: "h1", prompt: "Say hi", responses: [{ content: hostile }, { content: "Hi!" }] }])),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 1 item" })).toBeVisible();
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByRole("button", { name: "Add annotator" }).click();
  await expect(page.getByRole("list", { name: "Members" })).toContainText(E2E_ADMIN.email);
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("active");
  const campaignId = page.url().split("/").pop() ?? "";

  await page.goto(`/campaigns/${campaignId}`);
  const task = page.getByRole("article", { name: "Task" });
  await expect(task).toContainText("click me");
  await expect(task.getByRole("button", { name: /Show image/ })).toBeVisible();
  await expect(task.locator("script")).toHaveCount(0);
  await expect(task.locator("img")).toHaveCount(0);
  const hrefs = await task.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.filter((href) => /^javascript:/i.test(href))).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(remoteRequests).toEqual([]);
});

test("math cannot link, run or style: \\href, \\url and \\htmlClass stay inert text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const hostileMath = [
    "$\\href{javascript:alert('href')}{click}$",
    "$\\url{javascript:alert('url')}$",
    "$\\htmlClass{pwned}{x}$ $\\htmlStyle{position:fixed;inset:0}{y}$",
    "$$\\href{javascript:alert('display')}{go}$$",
    "$\\rule{100000em}{100000em}$",
  ].join("\n\n");
  await openCampaignWith(page, "E2E hostile math", [
    { id: "m1", prompt: "Math", responses: [{ content: hostileMath }, { content: "$x$" }] },
  ]);
  const task = page.getByRole("article", { name: "Task" });
  await expect(task.locator(".katex").first()).toBeVisible();
  // Six formulas here and `$x$` in the other response: all rendered, none dropped.
  await expect(task.locator(".katex")).toHaveCount(7);
  await expect(task.locator("a")).toHaveCount(0);
  await expect(task.locator(".pwned")).toHaveCount(0);
  const styled = await task.locator("[style]").evaluateAll((all) =>
    all.filter((e) => getComputedStyle(e).position === "fixed").length,
  );
  expect(styled).toBe(0);
  // The oversized rule is capped (maxSize): nothing pushes the page sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(dialogs).toEqual([]);
});

test("image_url and audio_url that are not http(s) are refused at import, by line", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const created = await page.request.post("/api/v1/campaigns", { data: { name: "E2E media urls", overlap: 1 } });
  const { id } = (await created.json()) as { id: string };
  const rows = [
    { id: "ok", prompt: "p", responses: [{ image_url: "https://img.example/a.png" }, { image_url: "https://img.example/b.png" }] },
    { id: "js", prompt: "p", responses: [{ image_url: "javascript:alert(1)" }, { image_url: "https://img.example/b.png" }] },
    { id: "data", prompt: "p", responses: [{ audio_url: "https://a.example/1.mp3" }, { audio_url: "data:audio/wav;base64,AA" }] },
  ];
  const response = await page.request.post(`/api/v1/campaigns/${id}/items?format=native`, {
    headers: { "content-type": "application/x-ndjson" },
    data: jsonl(rows),
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { details: { errors: { line: number; field: string; message: string }[] } } };
  expect(body.error.details.errors).toEqual([
    { line: 2, field: "responses.0.image_url", message: "image_url must be an http:// or https:// URL" },
    { line: 3, field: "responses.1.audio_url", message: "audio_url must be an http:// or https:// URL" },
  ]);
  const stats = await (await page.request.get(`/api/v1/campaigns/${id}/stats`)).json();
  expect(stats).toMatchObject({ items: 0 });
});

/* The same hostile text on the ranking and rating screens. */
for (const template of [
  { kind: "ranking" },
  { kind: "rating", attributes: [{ name: "helpfulness", min: 1, max: 5 }] },
] as const) {
  test(`hostile model output renders inert on the ${template.kind} screen`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    const hostile = [
      "<script>alert('script')</script>",
      "<img src=x onerror=\"alert('onerror')\">",
      "[click me](javascript:alert('link'))",
      "$\\href{javascript:alert('math')}{m}$",
    ].join("\n\n");
    await openCampaignWith(
      page,
      `E2E hostile ${template.kind}`,
      [{ id: "h", prompt: "Say hi", responses: [{ content: hostile }, { content: "Hi" }, { content: "Hello" }] }],
      template,
    );
    const task = page.getByRole("article", { name: "Task" });
    await expect(task).toContainText("click me");
    await expect(task.locator("script")).toHaveCount(0);
    await expect(task.locator("img")).toHaveCount(0);
    const hrefs = await task.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((href) => /^javascript:/i.test(href))).toEqual([]);
    expect(dialogs).toEqual([]);
  });
}

test("next-auth's own pages carry the Content-Security-Policy too", async ({ request }) => {
  const response = await request.get("/api/auth/signout");
  expect(response.status()).toBe(200);
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
});

test("a callbackUrl pointing elsewhere keeps the signed-in user on the app", async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? "").origin;
  for (const probe of ["/\\example.org", "/%09/example.org", "//evil.example", "https://evil.example", "javascript:alert(1)"]) {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(probe)}`);
    await page.getByLabel("Email").fill(E2E_ADMIN.email);
    await page.getByLabel("Password").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Wherever the form sends the user (a same-origin path may well be a 404 page), it is here.
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    expect(new URL(page.url()).origin).toBe(origin);
    await page.context().clearCookies();
  }
});
