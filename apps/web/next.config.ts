// Next.js configuration of the web app: workspace packages ship TypeScript source, so Next compiles them.
import type { NextConfig } from "next";

const config: NextConfig = {
  // NEXT_DIST_DIR lets two builds of this app coexist on one machine (parallel work, side-by-side e2e runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Design imports travel through server actions; the API takes sources up to 5 MB, so the web must too.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
  reactStrictMode: true,
  transpilePackages: [],
};

export default config;
