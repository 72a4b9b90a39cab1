import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from "fflate";
import { toParquet, type ParquetColumn, type ParquetOptions } from "./parquet-writer";

export interface DatasetSplit {
  /** "train", "test", … ; becomes the file name and the split name. */
  name: string;
  /** Read only when its turn comes, so pass a lazy source (one query per split). */
  rows: AsyncIterable<Record<string, unknown>>;
}

/** What the dataset card says about where the data came from. */
export interface DatasetCardInfo {
  campaign: string;
  format: string;
  template: string;
  guidelineVersion: number | null;
  /** Set when the preferences are LLM judges' verdicts (RLAIF data): who judged. */
  judges?: string[];
  filters?: Record<string, unknown>;
  counts?: Record<string, number>;
  license?: string;
}

export interface HfDatasetZipOptions {
  splits: readonly DatasetSplit[];
  card: DatasetCardInfo;
  parquet?: Omit<ParquetOptions, "onColumns">;
  /** Entry time stamps; fixed by default so the same data gives the same bytes (and sha256). */
  modifiedAt?: Date;
}

const FIXED_TIME = new Date("2000-01-01T00:00:00Z");

/**
 * A Hugging Face dataset folder as a zip: one Parquet file per non-empty split under `data/`
 * and a README.md whose YAML header lets `load_dataset(folder)` find the splits and features.
 *
 * Streams: splits are written one after the other, each through the row-group-bounded Parquet
 * writer, and zip bytes are yielded as soon as fflate emits them. Parquet pages are already
 * compressed, so they are stored; only the README is deflated. The README comes last because
 * its counts and features are known only once the rows have gone by. The first written
 * split's columns are imposed on the others, so every file has the same schema.
 */
export async function* toHfDatasetZip(options: HfDatasetZipOptions): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    yield* out.splice(0);
  }
  const mtime = options.modifiedAt ?? FIXED_TIME;
  let columns: ParquetColumn[] | undefined;
  const written: { name: string; rows: number }[] = [];

  async function* writeSplit(name: string, rows: AsyncIterable<Record<string, unknown>>) {
    const file = new ZipPassThrough(`data/${name}-00000-of-00001.parquet`);
    file.mtime = mtime;
    zip.add(file);
    const parquetOptions: ParquetOptions = {
      ...options.parquet,
      ...(columns ? { columns } : {}),
      onColumns: (resolved) => (columns ??= resolved),
    };
    for await (const chunk of toParquet(rows, parquetOptions)) {
      file.push(chunk);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }

  const names = options.splits.map((s) => s.name);
  for (const name of names) {
    // Split names become paths inside the zip: nothing that could climb out of `data/`.
    if (!/^[a-z][a-z0-9_]*$/i.test(name) || names.indexOf(name) !== names.lastIndexOf(name)) {
      throw new Error(`Split name "${name}" is not a unique plain word`);
    }
  }
  for (const split of options.splits) {
    const iterator = split.rows[Symbol.asyncIterator]();
    const first = await iterator.next();
    // An empty split gets no file and no config entry: a card should not promise a split
    // that holds nothing.
    if (first.done) continue;
    const counted = { name: split.name, rows: 0 };
    yield* writeSplit(split.name, countedRows(first, iterator, counted, columns));
    written.push(counted);
  }
  // Nothing at all to export still makes a loadable folder: an empty train split.
  if (written.length === 0) {
    yield* writeSplit("train", (async function* () {})());
    written.push({ name: "train", rows: 0 });
  }

  const readme = new ZipDeflate("README.md", { level: 6 });
  readme.mtime = mtime;
  zip.add(readme);
  readme.push(strToU8(datasetCard(options.card, written, columns ?? [])), true);
  zip.end();
  yield* drain();
}

/** The split's rows with the peeked first one put back, counted, checked against the schema. */
async function* countedRows(
  first: IteratorResult<Record<string, unknown>>,
  rest: AsyncIterator<Record<string, unknown>>,
  counter: { rows: number },
  columns: readonly ParquetColumn[] | undefined,
): AsyncGenerator<Record<string, unknown>> {
  const names = columns ? new Set(columns.map((c) => c.name)) : null;
  try {
    for (let next = first; !next.done; next = await rest.next()) {
      const row = next.value;
      const extra = names && Object.keys(row).find((k) => row[k] !== undefined && !names.has(k));
      if (extra) throw new Error(`Column "${extra}" is in a later split but not in the first`);
      counter.rows++;
      yield row;
    }
  } finally {
    // Closing the source releases it (e.g. a database cursor) if the download stops early.
    await rest.return?.();
  }
}

/** README.md: YAML header (configs, features, split sizes) and a paragraph of provenance. */
export function datasetCard(
  card: DatasetCardInfo,
  splits: readonly { name: string; rows: number }[],
  columns: readonly ParquetColumn[],
): string {
  const header: Yaml = {
    ...(card.license ? { license: card.license } : {}),
    tags: ["rlhf", "preference", "arbiter", ...(card.judges ? ["rlaif"] : [])],
    configs: [
      {
        config_name: "default",
        data_files: splits.map((s) => ({ split: s.name, path: `data/${s.name}-*` })),
      },
    ],
    dataset_info: {
      features: columns.map(hfFeature),
      splits: splits.map((s) => ({ name: s.name, num_examples: s.rows })),
    },
  };
  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  const facts = [
    `Exported from the Arbiter campaign "${oneLine(card.campaign)}" in the \`${card.format}\` format.`,
    `Template: ${card.template}.`,
    ...(card.judges ? [`Preferences by LLM judges, not people (RLAIF): ${card.judges.map(oneLine).join(", ")}.`] : []),
    `Guideline version: ${card.guidelineVersion ?? "any"}.`,
    `Filters: ${describeRecord(card.filters)}.`,
    `Counts: ${describeRecord(card.counts)}.`,
    `Splits: ${splits.map((s) => `${s.name} ${s.rows} rows`).join(", ")}.`,
  ];
  return [
    "---",
    ...yamlLines(header, ""),
    "---",
    "",
    `# ${oneLine(card.campaign)}`,
    "",
    facts.join(" "),
    "",
  ].join("\n");
}

function describeRecord(record: Record<string, unknown> | undefined): string {
  const entries = Object.entries(record ?? {}).filter(([, v]) => v !== undefined);
  if (!entries.length) return "none";
  return entries
    .map(([k, v]) => `${k} = ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

/** The `datasets` feature of a column; message lists are lists of {role, content}. */
export function hfFeature(column: ParquetColumn): { [key: string]: Yaml } {
  if (column.type === "messages" || column.type === "tool_messages") {
    const fields: { [key: string]: Yaml }[] = [
      { name: "role", dtype: "string" },
      { name: "content", dtype: "string" },
    ];
    if (column.type === "tool_messages") {
      const call: { [key: string]: Yaml }[] = [
        { name: "id", dtype: "string" },
        { name: "type", dtype: "string" },
        { name: "function", struct: [{ name: "name", dtype: "string" }, { name: "arguments", dtype: "string" }] },
      ];
      fields.push({ name: "tool_calls", list: call }, { name: "tool_call_id", dtype: "string" }, { name: "name", dtype: "string" });
    }
    return { name: column.name, list: fields };
  }
  // JSON columns are stored as JSON text, which `datasets` reads as a string.
  const dtype = {
    string: "string",
    json: "string",
    int: "int64",
    float: "float64",
    boolean: "bool",
  };
  return { name: column.name, dtype: dtype[column.type] };
}

export type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

/** A tiny YAML emitter for the card header: block style, strings quoted unless plainly safe. */
function yamlLines(value: Yaml, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (isScalar(item)) return [`${indent}- ${scalar(item)}`];
      const [head = "", ...tail] = yamlLines(item, `${indent}  `);
      return [`${indent}- ${head.trimStart()}`, ...tail];
    });
  }
  if (isScalar(value)) return [`${indent}${scalar(value)}`];
  return Object.entries(value).flatMap(([key, item]) => {
    if (isScalar(item)) return [`${indent}${scalar(key)}: ${scalar(item)}`];
    if (Array.isArray(item)) {
      return item.length
        ? [`${indent}${scalar(key)}:`, ...yamlLines(item, indent)]
        : [`${indent}${scalar(key)}: []`];
    }
    return [`${indent}${scalar(key)}:`, ...yamlLines(item, `${indent}  `)];
  });
}

function isScalar(value: Yaml): value is string | number | boolean | null {
  return value === null || typeof value !== "object";
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_./*-]*$/;
const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n)$/i;

function scalar(value: string | number | boolean | null): string {
  if (typeof value !== "string") return String(value);
  // JSON strings are valid YAML double-quoted scalars.
  return PLAIN.test(value) && !YAML_WORDS.test(value) ? value : JSON.stringify(value);
}
