import { AppError } from "@/server/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids arrive from URLs; a malformed one is simply not found, never a database error. */
export function assertUuid(value: string, what: string): void {
  if (!isUuid(value)) throw new AppError("NOT_FOUND", `No such ${what}`);
}
