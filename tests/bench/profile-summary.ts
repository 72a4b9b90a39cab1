import { readFile } from "node:fs/promises";

/**
 * `node --import tsx tests/bench/profile-summary.ts <file.cpuprofile> [top]`: self time per
 * function and per package of a V8 CPU profile (as written by BENCH_SERVER_PROFILE), so a
 * benchmark's server-side cost can be attributed without a browser's profiler.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [top]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(await readFile(file, "utf8")) as { nodes: ProfileNode[]; samples: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const total = profile.samples.length;
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const id of profile.samples) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const fn = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/\.next\//, ".next/")}:${lineNumber}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + 1);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url ? (url.includes(".next/") ? "(app bundle)" : url.startsWith("node:") ? "(node)" : url) : functionName);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + 1);
}
const show = (title: string, counts: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * n) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
};
show("self time by package", byPackage);
show("self time by function", byFunction);
