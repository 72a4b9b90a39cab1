import type { ImportedItem, ImportProblem, ParsedRecord } from "./import-types";
import { contentId, problem, problemRecord } from "./json-rows";
import { readCsvRecords } from "./csv-records";

const MAX_ID_LENGTH = 200;
const EXPECTED =
  "expected prompt, response_a, response_b, model_a, model_b, id, or response_1..response_9 and model_1..model_9";

/** Where each part of an item sits in a row, read once from the header. */
interface CsvLayout {
  prompt: number;
  id: number | null;
  responses: { externalId: string; content: number; model: number | null }[];
}

/**
 * A CSV with a header: `prompt, response_a, response_b[, model_a, model_b, id]` for pairs or
 * `prompt, response_1..response_K[, model_1..model_K, id]` for K-wise items. Cells are data:
 * nothing is trimmed, typed or evaluated, so `=SUM(A1)` stays that text.
 */
export async function* parseCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: { maxRecordBytes?: number } = {},
): AsyncGenerator<ParsedRecord> {
  // undefined until the header is read; null when it is unusable, so later rows only get the
  // checks that need no layout (cell count, encoding, quoting) and every problem is still found.
  let layout: CsvLayout | null | undefined;
  let width: number | null = null;
  for await (const record of readCsvRecords(chunks, options)) {
    const { line } = record;
    if ("message" in record) {
      if (layout === undefined) layout = null;
      yield problemRecord(line, null, record.message);
      continue;
    }
    const { cells } = record;
    if (layout === undefined) {
      width = cells.length;
      const header = readHeader(cells, line);
      layout = Array.isArray(header) ? null : header;
      if (Array.isArray(header)) yield { line, problems: header };
      continue;
    }
    if (cells.every((cell) => cell.trim() === "")) continue;
    if (width !== null && cells.length !== width) {
      yield problemRecord(
        line,
        null,
        `Row has ${cells.length} cells, but the header has ${width} columns`,
      );
      continue;
    }
    if (layout !== null) yield toItem(cells, layout, line);
  }
}

function readHeader(cells: string[], line: number): CsvLayout | ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const responses = new Map<string, number>();
  const models = new Map<string, number>();
  let prompt: number | null = null;
  let id: number | null = null;
  for (const [column, cell] of cells.entries()) {
    const label = cell.trim();
    const name = label.toLowerCase();
    if (name === "" || seen.has(name)) {
      problems.push(
        name === ""
          ? problem(line, null, `Column ${column + 1} has no name`)
          : problem(line, label, `Column "${label}" appears twice`),
      );
      continue;
    }
    seen.add(name);
    const numbered = /^(response|model)_([ab]|[1-9])$/.exec(name);
    if (name === "prompt") prompt = column;
    else if (name === "id") id = column;
    else if (numbered?.[1] === "response" && numbered[2]) responses.set(numbered[2], column);
    else if (numbered?.[1] === "model" && numbered[2]) models.set(numbered[2], column);
    else if (/^(response|model)_\d+$/.test(name)) {
      problems.push(problem(line, label, `Column "${label}": responses are numbered 1 to 9`));
    } else problems.push(problem(line, label, `Unknown column "${label}"; ${EXPECTED}`));
  }

  if (prompt === null) problems.push(problem(line, "prompt", "The header has no prompt column"));
  const keys = responseKeys(responses, line, problems);
  for (const key of models.keys()) {
    if (!keys.includes(key))
      problems.push(problem(line, `model_${key}`, `model_${key} has no response_${key} column`));
  }
  if (problems.length > 0 || prompt === null) return problems;
  return {
    prompt,
    id,
    responses: keys.map((key) => ({
      externalId: key,
      content: responses.get(key) ?? -1,
      model: models.get(key) ?? null,
    })),
  };
}

/** The response ids in screen order, after checking the columns form one complete set. */
function responseKeys(
  responses: Map<string, number>,
  line: number,
  problems: ImportProblem[],
): string[] {
  const keys = [...responses.keys()];
  const letters: string[] = keys.filter((key) => key === "a" || key === "b");
  const numbers = keys.filter((key) => !letters.includes(key)).map(Number);
  // A header with a prompt and no response columns is a prompts file: responses are generated later.
  if (keys.length === 0) return [];
  if (letters.length > 0 && numbers.length > 0) {
    problems.push(
      problem(line, null, "Use either response_a/response_b or response_1..response_K, not both"),
    );
    return keys;
  }
  const wanted =
    letters.length > 0
      ? ["a", "b"]
      : Array.from({ length: Math.max(...numbers) }, (_, i) => String(i + 1));
  for (const key of wanted) {
    if (!responses.has(key))
      problems.push(problem(line, `response_${key}`, `The header has no response_${key} column`));
  }
  return wanted;
}

function toItem(cells: string[], layout: CsvLayout, line: number): ParsedRecord {
  const cell = (column: number | null) => (column === null ? "" : (cells[column] ?? ""));
  const problems: ImportProblem[] = [];
  if (cell(layout.prompt).trim() === "")
    problems.push(problem(line, "prompt", "The prompt is empty"));
  const id = cell(layout.id).trim();
  if (id.length > MAX_ID_LENGTH)
    problems.push(problem(line, "id", `The id is longer than ${MAX_ID_LENGTH} characters`));
  const responses = layout.responses.map((r) => {
    const model = cell(r.model).trim();
    if (model.length > MAX_ID_LENGTH) {
      problems.push(
        problem(
          line,
          `model_${r.externalId}`,
          `The model name is longer than ${MAX_ID_LENGTH} characters`,
        ),
      );
    }
    return {
      externalId: r.externalId,
      model: model || null,
      contentKind: "text" as const,
      content: cell(r.content),
    };
  });
  if (problems.length > 0) return { line, problems };
  const item: ImportedItem = {
    // Hashing the cells, not the raw text, gives the same id whatever the quoting or line endings.
    externalId: id || contentId(JSON.stringify(cells)),
    prompt: [{ role: "user", content: cell(layout.prompt) }],
    promptFormat: "text",
    responses,
    metadata: {},
  };
  return { line, item };
}
