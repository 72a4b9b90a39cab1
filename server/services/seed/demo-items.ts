/** A handful of pairwise items that show what the annotate screen handles: markdown, code, math, multi-turn. */
export const DEMO_ITEMS = [
  {
    id: "demo-1",
    prompt: "Explain in two sentences why the sky is blue.",
    responses: [
      { id: "a", model: "demo-small", content: "Sunlight scatters off air molecules, and shorter (blue) wavelengths scatter far more than longer ones — this is **Rayleigh scattering**. So blue light reaches our eyes from every direction of the sky." },
      { id: "b", model: "demo-large", content: "The sky is blue because it reflects the ocean." },
    ],
  },
  {
    id: "demo-2",
    prompt: "Write a Python function that reverses a string.",
    responses: [
      { id: "a", model: "demo-small", content: "```python\ndef reverse(s: str) -> str:\n    return s[::-1]\n```" },
      { id: "b", model: "demo-large", content: "```python\ndef reverse(s):\n    out = ''\n    for ch in s:\n        out = ch + out\n    return out\n```\nThis builds the result one character at a time." },
    ],
  },
  {
    id: "demo-3",
    prompt: [
      { role: "system", content: "You are a concise assistant." },
      { role: "user", content: "What's the capital of Australia?" },
      { role: "assistant", content: "Canberra." },
      { role: "user", content: "And its population, roughly?" },
    ],
    responses: [
      { id: "a", model: "demo-small", content: "About 470,000 people live in Canberra." },
      { id: "b", model: "demo-large", content: "Roughly 26 million." },
    ],
  },
  {
    id: "demo-4",
    prompt: "Give me three tips for a first marathon.",
    responses: [
      { id: "a", model: "demo-small", content: "1. Start slower than you think.\n2. Practise your race-day nutrition in training.\n3. Don't try new shoes on race day." },
      { id: "b", model: "demo-large", content: "- Run a lot\n- Drink water\n- Have fun 🎉" },
    ],
  },
  {
    id: "demo-5",
    prompt: "Is it safe to mix bleach and ammonia for cleaning?",
    responses: [
      { id: "a", model: "demo-small", content: "No. Mixing them releases toxic chloramine gas. Use one product at a time and ventilate the room." },
      { id: "b", model: "demo-large", content: "Yes, it makes a stronger cleaner." },
    ],
  },
  {
    id: "demo-6",
    prompt: "Translate 'good morning' into French and Japanese.",
    responses: [
      { id: "a", model: "demo-small", content: "French: *bonjour* · Japanese: *おはようございます* (ohayō gozaimasu)" },
      { id: "b", model: "demo-large", content: "French: bonjour. Japanese: konnichiwa." },
    ],
  },
  {
    id: "demo-7",
    prompt: "Solve $x^2 - 5x + 6 = 0$.",
    responses: [
      { id: "a", model: "demo-small", content: "Factor: $(x - 2)(x - 3) = 0$, so $x = 2$ or $x = 3$.\n\n$$x = \\frac{5 \\pm \\sqrt{25 - 24}}{2}$$" },
      { id: "b", model: "demo-large", content: "$x = 5$ and $x = 6$." },
    ],
  },
] as const;
