import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "@/db/client";
import { AppError, toAppError } from "@/server/errors";
import { withActingToken } from "@/server/services/audit/acting-token";
import type { SessionUser } from "@/server/services/users/session-user";

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** The API token the caller authenticated with; null for a browser session (or nobody). */
  tokenId: string | null;
}

/**
 * Every procedure declares who may call it; a test walks the router to make sure. `session`
 * is any signed-in user, but only through a browser session, never an API token: what a token
 * must not be able to do to itself (mint or revoke tokens).
 */
export type AuthTier = "public" | "user" | "session" | "admin";
export interface Meta {
  tier: AuthTier;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const cause = error.cause;
      return {
        ...shape,
        // 5xx messages can carry SQL or paths: never send them to the client.
        message: internal ? "Something went wrong on our side." : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
          details: cause instanceof AppError ? cause.details : undefined,
        },
      };
    },
  });

/** Services throw AppError (and zod errors for bad params); this maps them to tRPC codes. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof ZodError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Invalid input", cause });
  }
  const appError = toAppError(cause);
  if (appError) throw new TRPCError({ code: appError.code, message: appError.message, cause: appError });
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    console.error("[trpc] internal error", cause ?? result.error);
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Audit events recorded while this call runs name the token it came through. */
const actingToken = t.middleware(({ ctx, next }) => withActingToken(ctx.tokenId, () => next()));

const baseProcedure = t.procedure.use(mapAppErrors).use(actingToken);

export const publicProcedure = baseProcedure.meta({ tier: "public" });

/** Any signed-in, non-disabled user; narrows `ctx.user` for the resolver. */
export const protectedProcedure = baseProcedure.meta({ tier: "user" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A signed-in user in a browser: API tokens get FORBIDDEN. */
export const sessionProcedure = baseProcedure.meta({ tier: "session" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  if (ctx.tokenId !== null) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Manage API tokens in the browser, signed in; not with a token" });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const adminProcedure = baseProcedure.meta({ tier: "admin" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  if (ctx.user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only admins can do this" });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});
