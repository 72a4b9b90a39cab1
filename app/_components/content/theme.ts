/** The annotator's colour theme: a choice kept in a cookie, or (no cookie) the system's. */
export const THEME_COOKIE = "arbiter-theme";
export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function parseTheme(value: string | undefined): Theme | null {
  return THEMES.find((t) => t === value) ?? null;
}
