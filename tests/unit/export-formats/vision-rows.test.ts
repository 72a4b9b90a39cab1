import { describe, expect, it } from "vitest";
import { toOpenAiDpoRow } from "@/server/formats/openai-dpo";
import type { PreferencePair } from "@/server/formats/preference-pair";
import { toTrlVisionRow } from "@/server/formats/trl-vision";
import { conversationalPair, standardPair } from "./fixtures";
import { fileFormatViolations, trlViolations } from "./trl-rules";

const cat = "https://img.example/cat.png";
const dog = "https://img.example/dog.png";
const visionPair: PreferencePair = {
  itemExternalId: "pets",
  prompt: [
    { role: "system", content: "Answer in one word." },
    {
      role: "user",
      content: [
        { type: "image_url", image_url: { url: cat } },
        { type: "text", text: "And this one?" },
        { type: "image_url", image_url: { url: dog } },
      ],
    },
  ],
  promptFormat: "messages",
  chosen: { externalId: "a", model: "m1", content: "Pets." },
  rejected: { externalId: "b", model: "m2", content: "Cars." },
};

describe("TRL vision preference rows (the rlaif-v_formatted shape)", () => {
  it("moves the images to the images column, a placeholder each, every message as parts", () => {
    const row = toTrlVisionRow(visionPair);
    expect(row).toEqual({
      images: [cat, dog],
      prompt: [
        { role: "system", content: [{ type: "text", text: "Answer in one word." }] },
        { role: "user", content: [{ type: "image" }, { type: "text", text: "And this one?" }, { type: "image" }] },
      ],
      chosen: [{ role: "assistant", content: [{ type: "text", text: "Pets." }] }],
      rejected: [{ role: "assistant", content: [{ type: "text", text: "Cars." }] }],
    });
    expect(trlViolations(row)).toEqual([]);
  });

  it("a text prompt in a vision file gets no images and the same shapes, so columns keep one format", () => {
    const rows = [visionPair, standardPair, conversationalPair].map((p) => toTrlVisionRow({ ...p, promptFormat: "messages" }));
    expect(rows[1]?.images).toEqual([]);
    for (const row of rows) expect(trlViolations(row)).toEqual([]);
    expect(fileFormatViolations(rows)).toEqual([]);
  });

  it("the checker catches what prepare_multimodal_messages rejects", () => {
    const row = toTrlVisionRow(visionPair);
    expect(trlViolations({ ...row, images: [cat] })).toContain("2 image placeholders for 1 images");
    expect(trlViolations({ ...row, chosen: [{ role: "assistant", content: "Pets." }] })).toContain(
      "chosen mixes text and part contents in a vision row",
    );
    expect(fileFormatViolations([row, { ...row, prompt: [{ role: "user", content: "text" }] }])).toEqual([
      "column prompt holds messages(parts) and messages(text)",
    ]);
  });
});

describe("OpenAI DPO with image inputs", () => {
  it("keeps the prompt's image_url parts as OpenAI's vision inputs read them", () => {
    const row = toOpenAiDpoRow(visionPair);
    expect(row.input.messages).toEqual(visionPair.prompt);
    expect(row.preferred_output).toEqual([{ role: "assistant", content: "Pets." }]);
    expect(row.non_preferred_output).toEqual([{ role: "assistant", content: "Cars." }]);
  });
});
