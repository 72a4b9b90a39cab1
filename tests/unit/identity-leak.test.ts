import { describe, expect, it } from "vitest";
import {
  compileLeakMatcher,
  DEFAULT_IDENTITY_LEAK_WORDS,
  leakCheckedText,
  leakExcerpt,
  normalizeLeakWords,
} from "@/server/domain/identity-leak";

const defaults = compileLeakMatcher(DEFAULT_IDENTITY_LEAK_WORDS);

describe("identity-leak matcher", () => {
  it("finds the default phrases whatever their case", () => {
    expect(defaults.phrases("As an AI developed by a large company, I cannot say.")).toEqual(["as an AI developed by"]);
    expect(defaults.phrases("LLAMA and llama and LLaMA")).toEqual(["Llama"]);
    expect(defaults.phrases("Built on openai's API")).toEqual(["OpenAI"]);
    expect(defaults.phrases("A plain answer about gardening.")).toBeNull();
  });

  it("matches whole words only: llamas, openair and openai_client are not leaks", () => {
    expect(defaults.phrases("Llamas live in the Andes.")).toBeNull();
    expect(defaults.phrases("An openair concert.")).toBeNull();
    expect(defaults.phrases("client = openai_client()")).toBeNull();
    expect(defaults.phrases("Geminids light up December.")).toBeNull();
    expect(defaults.phrases("I run Llama-2 locally")).toEqual(["Llama"]);
    expect(defaults.phrases("(OpenAI)")).toEqual(["OpenAI"]);
    expect(defaults.phrases("Anthropic.")).toEqual(["Anthropic"]);
  });

  it("treats any whitespace between words as one space and both apostrophes alike", () => {
    expect(defaults.phrases("As an   AI\n\tdeveloped by someone")).toEqual(["as an AI developed by"]);
    expect(defaults.phrases("Hi, I’m Claude.")).toEqual(["I'm Claude"]);
    expect(defaults.phrases("Hi, I'm Claude.")).toEqual(["I'm Claude"]);
  });

  it("reports the longest phrase where several start at one place, and each distinct phrase once", () => {
    expect(defaults.phrases("I am ChatGPT.")).toEqual(["I am ChatGPT"]);
    const m = compileLeakMatcher(["Llama", "Llama 2"]);
    expect(m.phrases("Llama 2 and Llama 3 and Llama 2")).toEqual(["Llama 2", "Llama"]);
    expect(m.find("Llama 2 and Llama").map((x) => [x.phrase, x.index, x.length])).toEqual([
      ["Llama 2", 0, 7],
      ["Llama", 12, 5],
    ]);
  });

  it("takes phrases with punctuation literally and bounds only their word-character ends", () => {
    const m = compileLeakMatcher(["GPT-4", "(beta)", "c++", "a.b"]);
    expect(m.phrases("Made with GPT-4.")).toEqual(["GPT-4"]);
    expect(m.phrases("Made with GPT-4o")).toBeNull();
    expect(m.phrases("x(beta)y")).toEqual(["(beta)"]);
    expect(m.phrases("I like c++!")).toEqual(["c++"]);
    expect(m.phrases("axb")).toBeNull();
  });

  it("matches letters beyond ASCII and does not treat accented letters as boundaries", () => {
    const m = compileLeakMatcher(["Ćlaude"]);
    expect(m.phrases("Je suis ćlaude.")).toEqual(["Ćlaude"]);
    expect(m.phrases("ćlaudeé")).toBeNull();
    expect(compileLeakMatcher(["Qwen"]).phrases("éQwen")).toBeNull();
  });

  it("an empty list matches nothing, and empty text is clean", () => {
    expect(compileLeakMatcher([]).phrases("I am ChatGPT")).toBeNull();
    expect(compileLeakMatcher(["  ", ""]).find("anything")).toEqual([]);
    expect(defaults.phrases("")).toBeNull();
  });

  it("normalizes a list: trimmed, inner spaces collapsed, repeats dropped keeping the first spelling", () => {
    expect(normalizeLeakWords(["  OpenAI ", "openai", "I’m  Claude", "I'm claude", "", "Llama"])).toEqual([
      "OpenAI",
      "I’m Claude",
      "Llama",
    ]);
  });

  it("reads text and code content and the reasoning, never media URLs", () => {
    expect(leakCheckedText({ contentKind: "text", content: "a", reasoning: "I am Claude" })).toBe("a\nI am Claude");
    expect(leakCheckedText({ contentKind: "code", content: "import openai" })).toBe("import openai");
    expect(leakCheckedText({ contentKind: "image", content: "https://openai.example/x.png" })).toBe("");
  });

  it("cuts an excerpt around a match", () => {
    const text = `${"x".repeat(100)} I am ChatGPT ${"y".repeat(100)}`;
    const [match] = defaults.find(text);
    if (!match) throw new Error("expected a match");
    const excerpt = leakExcerpt(text, match, 10);
    expect(excerpt).toEqual({ before: `…${"x".repeat(9)} `, match: "I am ChatGPT", after: ` ${"y".repeat(9)}…` });
  });
});
