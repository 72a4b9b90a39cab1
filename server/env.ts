import { z } from "zod";

/**
 * The one place that reads process.env. Parsed lazily so that `next build`, which imports
 * route modules, does not need runtime secrets; each accessor validates what it needs.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  /** Connections the app server keeps to PostgreSQL (DESIGN §12 P1 measures the default). */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().max(200).default(10),
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
  ARBITER_DATA_DIR: z.string().min(1).default("./.data"),
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

/** The session-signing secret. In production it must be set, long and not a known default. */
export function authSecret(): string {
  const { NEXTAUTH_SECRET, NODE_ENV } = env();
  if (NODE_ENV !== "production") return NEXTAUTH_SECRET ?? "arbiter-development-only-secret";
  if (!NEXTAUTH_SECRET || NEXTAUTH_SECRET.length < 32 || KNOWN_WEAK_SECRETS.has(NEXTAUTH_SECRET)) {
    throw new Error(
      "NEXTAUTH_SECRET must be set to a random value of at least 32 characters in production " +
        "(`npm start` generates one under ARBITER_DATA_DIR when it is unset).",
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
