import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Replen — recurring orders",
  description: "Open-source order management for recurring orders",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next.js stamps the CSP nonce (proxy.ts) on its inline
  // scripts only while rendering, so a page prerendered at build time would have none and
  // its scripts would be blocked by 'strict-dynamic'.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
