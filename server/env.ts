import { createHash } from "node:crypto";
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
  /** Where `npm start` keeps what it generates (the model-key encryption key). */
  ARBITER_DATA_DIR: z.string().min(1).default("./.data"),
  PORT: z.coerce.number().int().positive().default(3000),
  /** 32 random bytes (hex or base64) that encrypt model endpoints' API keys at rest. */
  ARBITER_SECRET_KEY: z.string().optional(),
  /** `off` keeps this process from running background jobs (tests, a web-only instance). */
  ARBITER_WORKER: z.enum(["on", "off"]).default("on"),
  /** Set by Next while it builds; nothing may start then. */
  NEXT_PHASE: z.string().optional(),
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

const DEVELOPMENT_SECRET_KEY = createHash("sha256").update("arbiter-development-only-secret-key").digest();

/**
 * The AES-256 key for model endpoints' API keys (DESIGN §15). When set it must be 32 bytes,
 * hex or base64 (`npm start` generates one under ARBITER_DATA_DIR when it is unset). Outside
 * production an unset key falls back to a fixed development key; in production there is no
 * fallback, so storing or using an API key fails with this message until the key is set.
 */
export function secretKey(): Buffer {
  const { ARBITER_SECRET_KEY, NODE_ENV } = env();
  if (ARBITER_SECRET_KEY === undefined || ARBITER_SECRET_KEY === "") {
    if (NODE_ENV !== "production") return DEVELOPMENT_SECRET_KEY;
    throw new Error(
      "ARBITER_SECRET_KEY must be set in production to store or use model endpoint API keys " +
        "(32 random bytes as hex or base64, e.g. `openssl rand -base64 32`).",
    );
  }
  const key = decodeKey(ARBITER_SECRET_KEY);
  // A key with hardly any distinct bytes is a placeholder ("000…", "aaa…"), not a random key.
  if (!key || new Set(key).size < 8) {
    throw new Error(
      "ARBITER_SECRET_KEY must be 32 random bytes written as 64 hex characters or as base64 " +
        "(e.g. `openssl rand -base64 32`).",
    );
  }
  return key;
}

function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, "base64");
  return bytes.length === 32 ? bytes : null;
}

/** Whether an explicit ARBITER_SECRET_KEY is configured (as opposed to the development fallback). */
export function hasSecretKey(): boolean {
  const value = env().ARBITER_SECRET_KEY;
  return value !== undefined && value !== "";
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** The environment for a child process (the app server the CLI starts), with overrides. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
