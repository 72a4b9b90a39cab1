import { expect, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./constants";
import { jsonl } from "./helpers";

/**
 * A campaign made over REST as the signed-in admin, with the given items imported and the
 * admin as its annotator, then opened on the annotate screen.
 */
export async function openCampaignWith(
  page: Page,
  name: string,
  rows: unknown[],
  template: Record<string, unknown> = { kind: "pairwise" },
): Promise<string> {
  const created = await page.request.post("/api/v1/campaigns", {
    data: { name, overlap: 1, template },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const imported = await page.request.post(`/api/v1/campaigns/${id}/items?format=native`, {
    headers: { "content-type": "application/x-ndjson" },
    data: jsonl(rows),
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const member = await page.request.post(`/api/v1/campaigns/${id}/members`, {
    data: { email: E2E_ADMIN.email, role: "annotator" },
  });
  expect(member.ok()).toBe(true);
  const active = await page.request.patch(`/api/v1/campaigns/${id}`, {
    data: { status: "active" },
  });
  expect(active.ok()).toBe(true);
  await page.goto(`/campaigns/${id}`);
  return id;
}

/** A one-second silent WAV, so an audio response has a length to load. */
export function silentWav(): Buffer {
  const rate = 8000;
  const samples = rate;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

/** WCAG contrast of an element's text against the first opaque background behind it. */
export async function textContrast(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      // Tailwind 4 colours are oklch(); a canvas resolves any CSS colour to sRGB bytes.
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (!context) throw new Error("no canvas");
      const rgba = (color: string) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = color;
        context.fillRect(0, 0, 1, 1);
        return Array.from(context.getImageData(0, 0, 1, 1).data);
      };
      let node: Element | null = element;
      let background = [255, 255, 255, 255];
      while (node) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if ((color[3] ?? 0) === 255) {
          background = color;
          break;
        }
        node = node.parentElement;
      }
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const [R, G, B] = [r, g, b].map((v) => {
          const c = v / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * (R ?? 0) + 0.7152 * (G ?? 0) + 0.0722 * (B ?? 0);
      };
      const [a, b] = [luminance(rgba(getComputedStyle(element).color)), luminance(background)];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
}

/** The page's own background, as sRGB bytes. */
export async function bodyBackground(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no canvas");
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    return Array.from(context.getImageData(0, 0, 1, 1).data);
  });
}
