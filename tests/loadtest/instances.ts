import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { nextBin } from "@/server/cli/next-build";

const root = process.cwd();

export interface AppInstance {
  port: number;
  url: string;
  process: ChildProcess;
}

/** Every process the load test started, so that every exit path can kill them all. */
const started = new Set<ChildProcess>();

export function killAll(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

export async function assertBuilt(): Promise<void> {
  try {
    await access(path.join(root, ".next", "BUILD_ID"));
  } catch {
    throw new Error("no production build: run `npx next build` first (the load test serves it with `next start`)");
  }
}

/**
 * One `next start` on 127.0.0.1:port against `databaseUrl`. Without `secret` the instance
 * takes the session secret the database holds (shared by every instance); its output goes to
 * loadtest/instance-<port>.log.
 */
export function startInstance(params: { port: number; databaseUrl: string; poolMax: number; secret?: string }): AppInstance {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: params.databaseUrl,
    DATABASE_POOL_MAX: String(params.poolMax),
    NEXTAUTH_URL: `http://127.0.0.1:${params.port}`,
  };
  delete env.NEXTAUTH_SECRET;
  if (params.secret) env.NEXTAUTH_SECRET = params.secret;
  const child = spawn(process.execPath, [nextBin(root), "start", "-p", String(params.port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  child.once("exit", () => started.delete(child));
  const log = createWriteStream(path.join(root, "loadtest", `instance-${params.port}.log`), { flags: "a" });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return { port: params.port, url: `http://127.0.0.1:${params.port}`, process: child };
}

/** Polls /api/ready until 200; bounded. Fails early if the process exits. */
export async function waitReady(instance: AppInstance, withinMs = 60_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (instance.process.exitCode !== null) {
      throw new Error(`instance on port ${instance.port} exited with code ${instance.process.exitCode}`);
    }
    const status = await fetch(`${instance.url}/api/ready`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`instance on port ${instance.port} not ready within ${withinMs} ms`);
}

export async function kill(instance: AppInstance): Promise<void> {
  if (instance.process.exitCode !== null || instance.process.signalCode !== null) return;
  const exited = new Promise((resolve) => instance.process.once("exit", resolve));
  instance.process.kill("SIGKILL");
  await exited;
}

/** Resolves with the exit code, or null if the process is still running after `withinMs`. */
export function exitCodeWithin(instance: AppInstance, withinMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    if (instance.process.exitCode !== null) return resolve(instance.process.exitCode);
    const timer = setTimeout(() => resolve(null), withinMs);
    instance.process.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}
