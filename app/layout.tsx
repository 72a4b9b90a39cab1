import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { parseTheme, THEME_COOKIE } from "./_components/content/theme";
import { Providers } from "./_components/providers";
import "./globals.css";

// Every page is rendered per request so that Next.js can put the CSP nonce (proxy.ts) on its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Arbiter",
  description: "Human preference data for RLHF",
};

export const viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // A chosen theme is a class rendered by the server (no script, no flash); without one the
  // stylesheet follows prefers-color-scheme.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme ?? undefined}>
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
