import { z } from "zod";

/**
 * The one place that reads process.env. Parsed lazily so that `next build`, which imports
 * route modules, does not need runtime secrets; each accessor validates what it needs.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  /** Connections per instance; instances × this must stay under Postgres' max_connections. */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  /** A query running longer is cancelled (and the request answers 503). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** Waiting longer for a row lock is given up (503), so a stuck lock cannot pile up requests. */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Opening a connection (or waiting for a free one in the pool) longer than this fails with 503. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  PGLITE_DIR: z.string().min(1).default("./.data/pglite"),
  NEXTAUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  ARBITER_ADMIN_EMAIL: z.string().email().optional(),
  ARBITER_ADMIN_PASSWORD: z.string().min(8).optional(),
  ARBITER_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  PORT: z.coerce.number().int().positive().default(3000),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Secrets that ship in examples or docs; the app refuses them in production. */
const KNOWN_WEAK_SECRETS = new Set(["changeme", "secret", "development-secret", "arbiter"]);

/**
 * NEXTAUTH_SECRET when it is set, validated: in production it must be long and not a known
 * default. When unset, instances share a secret generated once in the database
 * (server/auth/secret.ts); there is no fixed fallback anywhere.
 */
export function configuredAuthSecret(): string | undefined {
  const { NEXTAUTH_SECRET, NODE_ENV } = env();
  if (NEXTAUTH_SECRET === undefined || NEXTAUTH_SECRET === "") return undefined;
  if (NODE_ENV === "production" && (NEXTAUTH_SECRET.length < 32 || KNOWN_WEAK_SECRETS.has(NEXTAUTH_SECRET))) {
    throw new Error(
      "NEXTAUTH_SECRET must be a random value of at least 32 characters in production " +
        "(or unset, to share one generated in the database).",
    );
  }
  return NEXTAUTH_SECRET;
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** The environment for a child process (the app server the CLI starts), with overrides. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
