import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "./_components/providers";
import "./globals.css";

// Every page is rendered per request so that Next.js can put the CSP nonce (proxy.ts) on its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Arbiter",
  description: "Human preference data for RLHF",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
