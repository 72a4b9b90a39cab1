/**
 * `npm run loadtest [-- options]` (DESIGN §11): simulated annotators over REST v1 against one
 * or more `next start` instances on one PostgreSQL database, with faults on demand, then
 * DESIGN §4's invariants checked with SQL. Prints a summary and writes loadtest/results.json.
 * Needs a prior `next build` and DATABASE_URL pointing at a PostgreSQL server on this machine.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { Command } from "commander";
import { env } from "@/server/env";
import { localPostgresControl } from "../fixtures/local-postgres";
import { annotate, type RunState } from "./annotator";
import { Balancer } from "./client";
import { assertBuilt, kill, killAll, startInstance, waitReady, type AppInstance } from "./instances";
import { checkInvariants, type InvariantReport } from "./invariants";
import { formatOutcomes, isServerError, latency, outcomes, type Window } from "./report";
import { mismatchedSecretRefused, sessionCrossesInstances } from "./secrets";
import { createLoadFixture, type LoadFixture } from "./setup";

const options = new Command()
  .name("loadtest")
  .option("--annotators <n>", "simulated annotators, each with its own API token", "20")
  .option("--items <n>", "items in the campaign", "2000")
  .option("--overlap <n>", "judgements wanted per item", "3")
  .option("--duration <s>", "seconds of load", "30")
  .option("--instances <n>", "app instances (next start) behind the round-robin balancer", "1")
  .option("--lease-ttl <s>", "lease TTL of the campaign (short, so abandoned leases expire)", "10")
  .option("--base-port <port>", "first instance port (127.0.0.1)", "3260")
  .option("--pool-max <n>", "database connections per instance", "8")
  .option("--restart-db", "stop and start the local PostgreSQL a third of the way in")
  .option("--kill-instance", "SIGKILL one instance two thirds of the way in, then start it again")
  .option("--smoke", "a short CI run: skip (exit 0) where there is no PostgreSQL server")
  .option("--out <file>", "where to write the JSON results", "loadtest/results.json")
  .parse()
  .opts<Record<string, string | boolean | undefined>>();

const int = (name: string) => {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  killAll();
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((e: unknown) => console.error(e));
}
// Last resort: whatever happens, no app process outlives the load test.
process.on("exit", killAll);
process.on("SIGINT", () => void cleanUp().finally(() => process.exit(130)));
process.on("SIGTERM", () => void cleanUp().finally(() => process.exit(143)));

/** The whole run is bounded: past this, say what is still going on and stop. */
function watchdog(ms: number, describe: () => string): NodeJS.Timeout {
  const timer = setTimeout(() => {
    console.error(`loadtest: still running after ${Math.round(ms / 1000)} s, giving up: ${describe()}`);
    void cleanUp().finally(() => process.exit(1));
  }, ms);
  timer.unref();
  return timer;
}

async function main(): Promise<number> {
  const serverUrl = env().DATABASE_URL;
  if (!serverUrl) {
    console.log("loadtest: skipped — needs a PostgreSQL server (DATABASE_URL); PGlite serves one process only");
    return options.smoke ? 0 : 1;
  }
  if (!["127.0.0.1", "localhost"].includes(new URL(serverUrl).hostname)) {
    throw new Error("the load test creates and drops databases: DATABASE_URL must point at 127.0.0.1");
  }
  const settings = {
    annotators: int("annotators"),
    items: int("items"),
    overlap: int("overlap"),
    duration: int("duration"),
    instances: int("instances"),
    leaseTtlSeconds: Math.max(10, int("leaseTtl")),
    basePort: int("basePort"),
    poolMax: int("poolMax"),
    restartDb: Boolean(options.restartDb),
    killInstance: Boolean(options.killInstance),
  };
  const control = settings.restartDb ? await localPostgresControl(serverUrl) : undefined;
  if (typeof control === "string") throw new Error(`--restart-db: ${control}`);
  await assertBuilt();
  await mkdir("loadtest", { recursive: true });

  console.log(`loadtest: seeding ${settings.annotators} annotators, ${settings.items} items (overlap ${settings.overlap})…`);
  const fixture: LoadFixture = await createLoadFixture(serverUrl, settings);
  cleanups.push(() => fixture.drop());
  const instances: AppInstance[] = [];
  const start = (i: number) =>
    startInstance({ port: settings.basePort + i, databaseUrl: fixture.url, poolMax: settings.poolMax });
  for (let i = 0; i < settings.instances; i++) instances.push(start(i));
  await Promise.all(instances.map((instance) => waitReady(instance)));
  console.log(`loadtest: ${instances.length} instance(s) ready on ${instances.map((i) => i.port).join(", ")}`);

  const secrets: Record<string, boolean> = {};
  const [first, second] = instances;
  if (first && second) {
    secrets.sessionAcceptedByAnotherInstance = await sessionCrossesInstances(first, second, fixture.admin);
    secrets.mismatchedSecretRefusedToStart = await mismatchedSecretRefused({
      port: settings.basePort + settings.instances,
      databaseUrl: fixture.url,
    });
  }

  const lb = new Balancer(() => instances.map((i) => i.url));
  const began = Date.now();
  const state: RunState = {
    campaignId: fixture.campaignId,
    leaseTtlSeconds: fixture.leaseTtlSeconds,
    until: began + settings.duration * 1000,
    graceUntil: began + settings.duration * 1000 + 20_000,
    acknowledged: new Map(),
    counters: {},
  };
  const windows: Window[] = [];
  const allReady = () => Promise.all(instances.map((instance) => waitReady(instance, 60_000)));
  const at = (fraction: number) => new Promise((r) => setTimeout(r, settings.duration * 1000 * fraction));
  const faults: Promise<void>[] = [];
  if (control) {
    faults.push(
      at(1 / 3).then(async () => {
        const from = Date.now();
        console.log(`loadtest: stopping PostgreSQL (${control.label})…`);
        try {
          await control.stop();
        } finally {
          await control.start();
        }
        await allReady();
        windows.push({ name: "database restart", from, to: Date.now() });
        console.log(`loadtest: PostgreSQL back, all instances ready after ${Date.now() - from} ms`);
      }),
    );
  }
  if (settings.killInstance) {
    faults.push(
      at(2 / 3).then(async () => {
        const victim = instances.length - 1;
        const from = Date.now();
        const target = instances[victim];
        if (!target) return;
        console.log(`loadtest: SIGKILL instance on port ${target.port}…`);
        await kill(target);
        const restarted = start(victim);
        instances[victim] = restarted;
        await waitReady(restarted);
        windows.push({ name: "instance killed", from, to: Date.now() });
        console.log(`loadtest: instance on port ${target.port} serving again after ${Date.now() - from} ms`);
      }),
    );
  }
  console.log(`loadtest: ${settings.duration} s of load…`);
  let running = fixture.tokens.length;
  const dog = watchdog(settings.duration * 1000 + 180_000, () =>
    `${running} annotators still working; counters ${JSON.stringify(state.counters)}; last request ${
      lb.samples.at(-1) ? `${Math.round((Date.now() - (lb.samples.at(-1)?.at ?? 0)) / 1000)} s ago` : "never"
    }`,
  );
  await Promise.all(
    fixture.tokens.map((token) =>
      annotate(lb, token, state).finally(() => {
        running -= 1;
      }),
    ),
  );
  console.log("loadtest: annotators done; waiting for the faults to finish…");
  await Promise.all(faults);
  let recovered = true;
  await allReady().catch(() => {
    recovered = false;
  });

  console.log("loadtest: checking the invariants…");
  const invariants = await checkInvariants(fixture.url, {
    campaignId: fixture.campaignId,
    overlap: fixture.overlap,
    acknowledged: state.acknowledged,
  });
  const inWindow = (name: string) => (s: { at: number }) =>
    windows.some((w) => w.name === name && s.at >= w.from && s.at <= w.to);
  const after = Math.max(0, ...windows.map((w) => w.to));
  const succeededAfterFaults = lb.samples.filter(
    (s) => s.endpoint === "submit" && s.at > after && (s.outcome === 200 || s.outcome === 201),
  ).length;
  const serverErrors = lb.samples.filter((s) => isServerError(s.outcome)).length;
  const results = {
    settings,
    elapsedSeconds: Math.round((Date.now() - began) / 100) / 10,
    invariants,
    behaviour: state.counters,
    outcomes: outcomes(lb.samples),
    outcomesDuringDatabaseRestart: outcomes(lb.samples, inWindow("database restart")),
    outcomesDuringInstanceKill: outcomes(lb.samples, inWindow("instance killed")),
    latencyMs: { claim: latency(lb.samples, "claim"), submit: latency(lb.samples, "submit") },
    windows: windows.map((w) => ({ name: w.name, ms: w.to - w.from })),
    secrets,
    recovered: recovered && (windows.length === 0 || succeededAfterFaults > 0),
    serverErrors,
  };
  const ok =
    invariants.duplicates === 0 &&
    invariants.overQuota === 0 &&
    invariants.lost === 0 &&
    invariants.orphans === 0 &&
    invariants.submittedWithoutJudgement === 0 &&
    serverErrors === 0 &&
    results.recovered &&
    !state.counters.idempotency_mismatches &&
    Object.values(secrets).every(Boolean);
  clearTimeout(dog);
  await writeFile(String(options.out), `${JSON.stringify({ ...results, ok }, null, 2)}\n`);
  printSummary(results, ok);
  return ok ? 0 : 1;
}

function printSummary(r: Record<string, unknown> & { invariants: InvariantReport }, ok: boolean): void {
  const i = r.invariants;
  const lat = r.latencyMs as Record<string, { p50: number; p95: number; p99: number; count: number }>;
  const line = (name: string, l: { p50: number; p95: number; p99: number; count: number } | undefined) =>
    l ? `    ${name.padEnd(7)} p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms  (${l.count} answered)` : "";
  console.log(`
loadtest summary (${String(r.elapsedSeconds)} s)
  judgements  acknowledged ${i.acknowledged}  stored ${i.stored}  duplicates ${i.duplicates}  over quota ${i.overQuota}  lost ${i.lost}
              orphans ${i.orphans}  submitted without judgement ${i.submittedWithoutJudgement}  items complete ${i.itemsComplete}/${i.items}
  behaviour   ${Object.entries(r.behaviour as Record<string, number>).map(([k, v]) => `${k} ${v}`).join("  ")}
  outcomes (status or client-side failure × count)
${formatOutcomes(r.outcomes as Record<string, Record<string, number>>)}
  during the database restart
${formatOutcomes(r.outcomesDuringDatabaseRestart as Record<string, Record<string, number>>) || "    —"}
  during the instance kill
${formatOutcomes(r.outcomesDuringInstanceKill as Record<string, Record<string, number>>) || "    —"}
  latency
${line("claim", lat.claim)}
${line("submit", lat.submit)}
  faults      ${JSON.stringify(r.windows)}   secrets ${JSON.stringify(r.secrets)}
  5xx other than 503: ${String(r.serverErrors)}   recovered by itself: ${String(r.recovered)}
  ${ok ? "OK" : "FAILED"} — written to ${String(options.out)}`);
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error("loadtest:", error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
