/** Dates in admin tables: short, local, and "never" for a missing time. */
export function formatTime(value: Date | string | null | undefined): string {
  if (!value) return "never";
  return new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
