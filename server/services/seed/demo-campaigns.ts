import type { CreateCampaignInput } from "@/server/services/campaigns/campaign-inputs";
import { DEMO_ITEMS } from "./demo-items";

export interface DemoCampaign {
  input: CreateCampaignInput;
  items: readonly unknown[];
}

const code = (lang: string, body: string) => "```" + lang + "\n" + body + "\n```";

/** Ranking: four answers each, with code and math, to try `3 1 4 2 Enter` and drag and drop. */
const RANKING_ITEMS = [
  {
    id: "rank-1",
    prompt: "Write a Python function that tells whether a number is prime.",
    responses: [
      { id: "a", model: "demo-small", content: code("python", "def is_prime(n: int) -> bool:\n    if n < 2:\n        return False\n    i = 2\n    while i * i <= n:\n        if n % i == 0:\n            return False\n        i += 1\n    return True") + "\nTrial division up to $\\sqrt{n}$: $O(\\sqrt{n})$ steps." },
      { id: "b", model: "demo-large", content: code("python", "def is_prime(n):\n    return all(n % i for i in range(2, n))") + "\nShort, but it calls 0 and 1 prime." },
      { id: "c", model: "demo-tiny", content: "Check every number below $n$; if none divides it, it is prime." },
      { id: "d", model: "demo-mid", content: code("python", "def is_prime(n):\n    return n in (2, 3, 5, 7)") },
    ],
  },
  {
    id: "rank-2",
    prompt: "What is the sum of the first $n$ odd numbers? Show why.",
    responses: [
      { id: "a", model: "demo-small", content: "It is $n^2$. Induction: $1 = 1^2$, and $n^2 + (2n + 1) = (n+1)^2$.\n\n$$\\sum_{k=1}^{n} (2k - 1) = n^2$$" },
      { id: "b", model: "demo-large", content: "$\\frac{n(n+1)}{2}$, like the sum of all numbers." },
      { id: "c", model: "demo-tiny", content: "$n^2$ — stack the odd numbers as L-shapes and they fill an $n \\times n$ square." },
      { id: "d", model: "demo-mid", content: "It depends on $n$." },
    ],
  },
  {
    id: "rank-3",
    prompt: "Name the planets of the solar system in order from the Sun.",
    responses: [
      { id: "a", model: "demo-small", content: "Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus, Neptune." },
      { id: "b", model: "demo-large", content: "Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus, Neptune, Pluto." },
      { id: "c", model: "demo-tiny", content: "| # | Planet |\n|---|---|\n| 1 | Mercury |\n| 2 | Venus |\n| 3 | Earth |\n| 4 | Mars |\n| 5 | Jupiter |\n| 6 | Saturn |\n| 7 | Uranus |\n| 8 | Neptune |" },
      { id: "d", model: "demo-mid", content: "Earth, Mars, Venus, Jupiter." },
    ],
  },
];

/** Rating: text-to-image pairs on two attributes, then the better picture. */
function ratingItems(baseUrl: string) {
  const image = (name: string) => new URL(`/demo/${name}.svg`, baseUrl).toString();
  const pair = (id: string, prompt: string, a: string, b: string) => ({
    id,
    prompt,
    responses: [
      { id: "a", model: "demo-painter", image_url: image(a) },
      { id: "b", model: "demo-sketcher", image_url: image(b) },
    ],
  });
  return [
    pair("img-1", "A red circle on a white background.", "red-circle", "red-square"),
    pair("img-2", "A sunset over the sea.", "sunset-warm", "sunset-noon"),
    pair("img-3", "A line drawing of a cat.", "dog-line", "cat-line"),
  ];
}

/** The three demo campaigns of a first run; image URLs are absolute, from the app's own address. */
export function demoCampaigns(baseUrl: string): DemoCampaign[] {
  return [
    {
      input: {
        name: "Demo: which answer is better?",
        description: "A few pairwise comparisons to try the annotate screen.",
        overlap: 2,
        status: "active",
        template: { kind: "pairwise", strength: true, flags: ["unsafe", "factually wrong"] },
        guidelines:
          "Prefer the response that is **correct**, helpful and safe. Choose *tie* when they are equally good, *both bad* when neither is acceptable.",
      },
      items: DEMO_ITEMS,
    },
    {
      input: {
        name: "Demo: rank the answers",
        description: "Order four answers from best to worst, by keyboard or by dragging.",
        overlap: 2,
        status: "active",
        template: { kind: "ranking", allow_ties: true, allow_not_rankable: true },
        guidelines: "Type the numbers of the answers best first (e.g. `3 1 4 2`), `=` to tie, `0` if none is acceptable.",
      },
      items: RANKING_ITEMS,
    },
    {
      input: {
        name: "Demo: rate the pictures",
        description: "Rate two generated images on how well they follow the prompt and how they look.",
        overlap: 2,
        status: "active",
        template: {
          kind: "rating",
          attributes: [
            { name: "prompt adherence", min: 1, max: 5 },
            { name: "quality", min: 0, max: 4 },
          ],
          then: "pairwise",
        },
        guidelines: "Rate each picture, then choose the better one.",
      },
      items: ratingItems(baseUrl),
    },
  ];
}
