import type { ImportFormat } from "@/server/formats/import-types";

/** One import format's test rows, for the import-bad-input and import-truncated tests. */
export interface FormatCase {
  format: ImportFormat;
  /** CSV has a header line, so its first record is on line 2. */
  header: string | null;
  row: (i: number) => string;
  /** A row without a required field, and the field the error names. */
  missing: { text: string; field: string | null; message: RegExp };
  /** The same item again: its id (or, without ids, its content) repeats. */
  repeat: (i: number) => string;
  /** A 20 MB row. */
  huge: () => string;
  /** What the stored prompt of row i reads. */
  promptOf: (i: number) => string;
}

export const BIG = "x".repeat(20 * 1024 * 1024);

export const CASES: FormatCase[] = [
  {
    format: "native",
    header: null,
    row: (i) =>
      JSON.stringify({
        id: `n${i}`,
        prompt: `Question ${i}`,
        responses: [{ content: `a${i}` }, { content: `b${i}` }],
      }),
    missing: {
      text: JSON.stringify({ id: "n9", responses: [{ content: "a" }, { content: "b" }] }),
      field: "prompt",
      message: /required/i,
    },
    repeat: (i) =>
      JSON.stringify({
        id: `n${i}`,
        prompt: "Other text, same id",
        responses: [{ content: "a" }, { content: "b" }],
      }),
    huge: () =>
      JSON.stringify({ id: "big", prompt: "p", responses: [{ content: BIG }, { content: "b" }] }),
    promptOf: (i) => `Question ${i}`,
  },
  {
    format: "trl",
    header: null,
    row: (i) =>
      JSON.stringify({ id: `t${i}`, prompt: `Question ${i}`, chosen: `a${i}`, rejected: `b${i}` }),
    missing: {
      text: JSON.stringify({ id: "t9", prompt: "p", chosen: "a" }),
      field: "rejected",
      message: /required/i,
    },
    repeat: (i) => JSON.stringify({ id: `t${i}`, prompt: "Other", chosen: "a", rejected: "b" }),
    huge: () => JSON.stringify({ prompt: "p", chosen: BIG, rejected: "b" }),
    promptOf: (i) => `Question ${i}`,
  },
  {
    format: "hh-rlhf",
    header: null,
    row: (i) =>
      JSON.stringify({
        chosen: `\n\nHuman: Question ${i}\n\nAssistant: a${i}`,
        rejected: `\n\nHuman: Question ${i}\n\nAssistant: b${i}`,
      }),
    missing: {
      text: JSON.stringify({ chosen: "\n\nHuman: q\n\nAssistant: a" }),
      field: "rejected",
      message: /required/i,
    },
    repeat: (i) =>
      JSON.stringify({
        chosen: `\n\nHuman: Question ${i}\n\nAssistant: a${i}`,
        rejected: `\n\nHuman: Question ${i}\n\nAssistant: b${i}`,
      }),
    huge: () =>
      JSON.stringify({
        chosen: `\n\nHuman: q\n\nAssistant: ${BIG}`,
        rejected: "\n\nHuman: q\n\nAssistant: b",
      }),
    promptOf: (i) => `Question ${i}`,
  },
  {
    format: "openai-dpo",
    header: null,
    row: (i) =>
      JSON.stringify({
        id: `o${i}`,
        input: { messages: [{ role: "user", content: `Question ${i}` }] },
        preferred_output: [{ role: "assistant", content: `a${i}` }],
        non_preferred_output: [{ role: "assistant", content: `b${i}` }],
      }),
    missing: {
      text: JSON.stringify({
        id: "o9",
        input: { messages: [{ role: "user", content: "q" }] },
        non_preferred_output: [{ role: "assistant", content: "b" }],
      }),
      field: "preferred_output",
      message: /required/i,
    },
    repeat: (i) =>
      JSON.stringify({
        id: `o${i}`,
        input: { messages: [{ role: "user", content: "Other" }] },
        preferred_output: [{ role: "assistant", content: "a" }],
        non_preferred_output: [{ role: "assistant", content: "b" }],
      }),
    huge: () =>
      JSON.stringify({
        input: { messages: [{ role: "user", content: BIG }] },
        preferred_output: [{ role: "assistant", content: "a" }],
        non_preferred_output: [{ role: "assistant", content: "b" }],
      }),
    promptOf: (i) => `Question ${i}`,
  },
  {
    format: "csv",
    header: "id,prompt,response_a,response_b",
    row: (i) => `c${i},Question ${i},a${i},b${i}`,
    missing: { text: "c9,Question 9,a9", field: null, message: /cells/ },
    repeat: (i) => `c${i},Other,a,b`,
    huge: () => `big,p,${BIG},b`,
    promptOf: (i) => `Question ${i}`,
  },
];

/** The file: an optional header, then the given rows, one per line. */
export function file(c: FormatCase, rows: string[], eol = "\n"): string {
  return [...(c.header ? [c.header] : []), ...rows].join(eol) + eol;
}
