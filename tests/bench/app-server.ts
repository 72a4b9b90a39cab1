import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { buildIsStale, nextBin, runNextBuild } from "@/server/cli/next-build";

export interface AppServer {
  url: string;
  /** Process id of the app server, so its CPU time can be read (see cpuSeconds). */
  pid: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * Builds the app if the build is missing or older than the sources, so a stand-alone
 * `npm run bench` measures the code as it is (in `npm test` the e2e step has just built it).
 */
export async function ensureBuild(log: (message: string) => void): Promise<void> {
  const root = process.cwd();
  if (!(await buildIsStale(root))) return;
  log("the build is missing or stale: running next build");
  await runNextBuild(root, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
}

/**
 * The built app under `next start` (production mode, exactly as deployed) on its own port and
 * database, ready when /api/ready answers. `stop` ends this process and waits for it.
 */
export async function startAppServer(params: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<AppServer> {
  // BENCH_SERVER_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops
  // (summarise it with `node --import tsx tests/bench/profile-summary.ts <file>`).
  const profileDir = process.env.BENCH_SERVER_PROFILE;
  const root = process.cwd();
  const url = `http://127.0.0.1:${params.port}`;
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, nextBin(root), "start", "-p", String(params.port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      DATABASE_URL: params.databaseUrl,
      ...params.env,
    },
  });
  // Whatever happens to the bench process, the server does not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = () => stopChild(child);
  try {
    await waitReady(url, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error("next start has no pid");
  return { url, pid: child.pid, stop };
}

async function waitReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${stderr()}`);
    const ready = await fetch(`${url}/api/ready`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`next start did not become ready in ${READY_TIMEOUT_MS / 1000} s: ${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
