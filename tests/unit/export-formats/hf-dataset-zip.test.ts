import { parquetReadObjects } from "hyparquet";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toHfDatasetZip, type DatasetCardInfo } from "@/server/formats/hf-dataset-zip";
import { splitForPrompt } from "@/server/formats/split";
import { toTrlExplicitRow } from "@/server/formats/trl";
import { allPairs, collect, concatBytes, fromArray, toArrayBuffer } from "./fixtures";

const card: DatasetCardInfo = {
  campaign: "Helpfulness\nround 2",
  format: "trl",
  template: "pairwise",
  guidelineVersion: 3,
  filters: { min_judgements: 2, exclude_gold: true },
  counts: { items: 7, judgements: 21 },
  license: "cc-by-4.0",
};

async function unzip(splits: { name: string; rows: Record<string, unknown>[] }[]) {
  const bytes = concatBytes(
    await collect(
      toHfDatasetZip({
        splits: splits.map((s) => ({ name: s.name, rows: fromArray(s.rows) })),
        card,
      }),
    ),
  );
  return unzipSync(bytes);
}

function arrayBuffer(bytes: Uint8Array | undefined): ArrayBuffer {
  if (!bytes) throw new Error("missing entry");
  return toArrayBuffer(bytes);
}

const standard = allPairs.filter((p) => p.promptFormat === "text" && p.prompt.length === 1);
const rows = standard.map((pair) => toTrlExplicitRow(pair));

describe("toHfDatasetZip", () => {
  it("holds train and test Parquet files and a README whose YAML header lists both", async () => {
    const train = rows.slice(0, 4);
    const test = rows.slice(4);
    const files = await unzip([
      { name: "train", rows: train },
      { name: "test", rows: test },
    ]);
    expect(Object.keys(files).sort()).toEqual([
      "README.md",
      "data/test-00000-of-00001.parquet",
      "data/train-00000-of-00001.parquet",
    ]);
    const readTrain = await parquetReadObjects({
      file: arrayBuffer(files["data/train-00000-of-00001.parquet"]),
    });
    const readTest = await parquetReadObjects({
      file: arrayBuffer(files["data/test-00000-of-00001.parquet"]),
    });
    expect(readTrain).toHaveLength(train.length);
    expect(readTest).toHaveLength(test.length);
    expect(readTrain[0]).toMatchObject(train[0] ?? {});

    const readme = strFromU8(files["README.md"] ?? new Uint8Array());
    const [, yaml = "", body = ""] = readme.split(/^---$/m);
    expect(yaml).toContain(
      [
        "configs:",
        "- config_name: default",
        "  data_files:",
        "  - split: train",
        "    path: data/train-*",
        "  - split: test",
        "    path: data/test-*",
      ].join("\n"),
    );
    expect(yaml).toContain("license: cc-by-4.0");
    expect(yaml).toContain(["  features:", "  - name: prompt", "    dtype: string"].join("\n"));
    expect(yaml).toContain("  - name: margin\n    dtype: float64");
    expect(yaml).toContain(`  - name: train\n    num_examples: ${train.length}`);
    expect(body).toContain('campaign "Helpfulness round 2"');
    expect(body).toContain("Guideline version: 3.");
    expect(body).toContain("exclude_gold = true");
    expect(body).toContain("judgements = 21");
  });

  it("describes message-list columns as lists of {role, content}", async () => {
    const conversational = allPairs
      .filter((p) => p.promptFormat === "messages")
      .map((pair) => toTrlExplicitRow(pair));
    const files = await unzip([{ name: "train", rows: conversational }]);
    const readme = strFromU8(files["README.md"] ?? new Uint8Array());
    expect(readme).toContain(
      [
        "  - name: prompt",
        "    list:",
        "    - name: role",
        "      dtype: string",
        "    - name: content",
      ].join("\n"),
    );
    const back = await parquetReadObjects({
      file: arrayBuffer(files["data/train-00000-of-00001.parquet"]),
    });
    expect(back[0]?.prompt).toEqual(conversational[0]?.prompt);
  });

  it("leaves out an empty test split, from the files and from the configs", async () => {
    const files = await unzip([
      { name: "train", rows },
      { name: "test", rows: [] },
    ]);
    expect(Object.keys(files).sort()).toEqual(["README.md", "data/train-00000-of-00001.parquet"]);
    expect(strFromU8(files["README.md"] ?? new Uint8Array())).not.toContain("split: test");
  });

  it("writes only the test split when train is empty, and an empty train when all are", async () => {
    const onlyTest = await unzip([
      { name: "train", rows: [] },
      { name: "test", rows },
    ]);
    expect(Object.keys(onlyTest).sort()).toEqual(["README.md", "data/test-00000-of-00001.parquet"]);
    const nothing = await unzip([{ name: "train", rows: [] }]);
    expect(Object.keys(nothing).sort()).toEqual(["README.md", "data/train-00000-of-00001.parquet"]);
    const file = arrayBuffer(nothing["data/train-00000-of-00001.parquet"]);
    expect(await parquetReadObjects({ file })).toEqual([]);
    expect(strFromU8(nothing["README.md"] ?? new Uint8Array())).toContain("num_examples: 0");
  });

  it("writes a split chosen by prompt group, with no prompt on both sides", async () => {
    // Seed "a" puts some of the fixture prompts on each side.
    const options = { seed: "a", testFraction: 0.5 };
    const side = (name: string) =>
      allPairs.filter((p) => splitForPrompt(p.prompt, options) === name);
    const asRows = (pairs: typeof allPairs) =>
      pairs.map((pair) => ({ prompt: JSON.stringify(pair.prompt), chosen: pair.chosen.content }));
    const files = await unzip([
      { name: "train", rows: asRows(side("train")) },
      { name: "test", rows: asRows(side("test")) },
    ]);
    const prompts = async (name: string) => {
      const entry = files[`data/${name}-00000-of-00001.parquet`];
      if (!entry) return new Set<string>();
      return new Set(
        (await parquetReadObjects({ file: arrayBuffer(entry) })).map((r) => String(r.prompt)),
      );
    };
    const train = await prompts("train");
    const test = await prompts("test");
    expect(train.size).toBeGreaterThan(0);
    expect(test.size).toBeGreaterThan(0);
    for (const prompt of test) expect(train.has(prompt)).toBe(false);
  });

  it("refuses a later split with a column the first lacks", async () => {
    await expect(
      unzip([
        { name: "train", rows: [{ prompt: "p" }] },
        { name: "test", rows: [{ prompt: "p", extra: 1 }] },
      ]),
    ).rejects.toThrow(/extra/);
  });
});
