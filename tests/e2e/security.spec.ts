import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
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
