import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { jsonl, signIn, uniqueEmail } from "./helpers";

export interface ExportedJudgement {
  assignment_id: string;
  payload: Record<string, unknown>;
  display_order: string[];
  revision_of: string | null;
}

/** The admin signed in in a browser context of their own, so the annotator's page stays signed in. */
export async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  return page;
}

export async function adminRequest(browser: Browser): Promise<APIRequestContext> {
  return (await adminPage(browser)).request;
}

async function ok(reply: Awaited<ReturnType<APIRequestContext["get"]>>) {
  expect(reply.ok(), await reply.text()).toBe(true);
  return reply.json() as Promise<Record<string, unknown>>;
}

/**
 * A campaign with one template, its items and one annotator, made over REST (the UI for it is
 * tested elsewhere); active, overlap 1. Returns the id and the annotator's sign-in.
 */
export async function setupCampaign(
  admin: APIRequestContext,
  params: { template: Record<string, unknown>; items: unknown[]; settings?: Record<string, unknown> },
) {
  const annotator = { email: uniqueEmail("tmpl"), password: "annotator password" };
  const campaign = await ok(
    await admin.post("/api/v1/campaigns", {
      data: { name: `E2E ${String(params.template.kind)}`, overlap: 1, template: params.template, ...params.settings },
    }),
  );
  const id = String(campaign.id);
  await ok(
    await admin.post(`/api/v1/campaigns/${id}/items`, {
      headers: { "content-type": "application/x-ndjson" },
      data: jsonl(params.items),
    }),
  );
  const member = await admin.post(`/api/v1/campaigns/${id}/members`, {
    data: { email: annotator.email, password: annotator.password },
  });
  expect(member.status()).toBe(201);
  await ok(await admin.patch(`/api/v1/campaigns/${id}`, { data: { status: "active" } }));
  return { campaignId: id, annotator };
}

export async function exportJudgements(admin: APIRequestContext, campaignId: string) {
  const reply = await admin.get(`/api/v1/campaigns/${campaignId}/export?format=judgements`);
  expect(reply.ok()).toBe(true);
  return (await reply.text())
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ExportedJudgement);
}

/** Signs the annotator in and opens the campaign's task. */
export async function openTask(page: Page, campaignId: string, annotator: { email: string; password: string }) {
  await signIn(page, annotator.email, annotator.password);
  await page.goto(`/campaigns/${campaignId}`);
  const task = page.getByRole("article", { name: "Task" });
  await expect(task).toBeVisible();
  return task;
}

/** Waits for the autosave that carries `text` (or matches it), so a reload finds the draft. */
export function draftSaved(page: Page, text: string | RegExp) {
  return page.waitForResponse((r) => {
    if (!r.url().includes("task.saveDraft") || !r.ok()) return false;
    const body = r.request().postData() ?? "";
    return typeof text === "string" ? body.includes(text) : text.test(body);
  });
}

/** At 390×844 the page never scrolls sideways. */
export async function expectNoSideScroll(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // Named in the failure message: the elements that stick out.
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > client + 1)
      .slice(-4)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? "").slice(0, 40)}`);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  expect(widths.scroll, widths.wide.join("\n")).toBeLessThanOrEqual(widths.client);
  if (size) await page.setViewportSize(size);
}

export function responsesOf(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, content: `${prefix} answer ${i + 1}` }));
}

export function rankingTemplateItems(n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: `r${i}`, prompt: `Rank these ${i}`, responses: responsesOf(`item${i}-`, 4) }));
}
