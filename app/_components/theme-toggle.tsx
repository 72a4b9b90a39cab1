"use client";

import { useState } from "react";
import { THEME_COOKIE, type Theme } from "./content/theme";

const NEXT: Record<"system" | Theme, "system" | Theme> = {
  system: "dark",
  dark: "light",
  light: "system",
};
const NAMES = { system: "System theme", dark: "Dark theme", light: "Light theme" };

/**
 * Cycles system → dark → light. The choice goes in a cookie the root layout reads, so the
 * server renders the right class and no page ever flashes the wrong theme.
 */
export function ThemeToggle({ initial }: { initial: Theme | null }) {
  const [theme, setTheme] = useState<"system" | Theme>(initial ?? "system");
  function cycle() {
    const next = NEXT[theme];
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    if (next === "system") {
      document.cookie = `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`;
    } else {
      root.classList.add(next);
      document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    }
    setTheme(next);
  }
  return (
    <button type="button" className="btn" onClick={cycle} aria-label={`${NAMES[theme]} (change)`}>
      {NAMES[theme]}
    </button>
  );
}
