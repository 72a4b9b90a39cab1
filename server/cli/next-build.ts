import { spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

const SOURCES = ["app", "server", "db", "next.config.js", "package.json", "tsconfig.json", "postcss.config.mjs"];

async function newestMtime(target: string): Promise<number> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target)) {
    newest = Math.max(newest, await newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** A build is needed when there is none, or when a source file changed after it was made. */
export async function buildIsStale(root: string): Promise<boolean> {
  const built = await newestMtime(path.join(root, ".next", "BUILD_ID"));
  if (built === 0) return true;
  for (const source of SOURCES) {
    if ((await newestMtime(path.join(root, source))) > built) return true;
  }
  return false;
}

export function nextBin(root: string): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

/** Runs `next build` in the foreground, output passed through. */
export function runNextBuild(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(root), "build"], { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
}
