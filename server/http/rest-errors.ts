import { ZodError } from "zod";
import { APP_ERROR_CODES, AppError, toAppError } from "@/server/errors";

/** The REST error shape (DESIGN §13): `{"error": {"code", "message", "details"}}`. */
export function errorResponse(error: AppError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, details: error.details ?? null } },
    { status: APP_ERROR_CODES[error.code] },
  );
}

/** Any thrown value as a REST response; unknown errors are logged and masked as 500. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    return errorResponse(
      new AppError("BAD_REQUEST", "Invalid input", {
        issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      }),
    );
  }
  const appError = toAppError(error);
  if (appError) return errorResponse(appError);
  console.error("[rest] internal error", error);
  return Response.json(
    { error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side.", details: null } },
    { status: 500 },
  );
}
