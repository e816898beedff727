// Next.js configuration of the web app: workspace packages ship TypeScript source, so Next compiles them.
import type { NextConfig } from "next";

const config: NextConfig = {
  // NEXT_DIST_DIR lets two builds of this app coexist on one machine (parallel work, side-by-side e2e runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Design imports and model uploads travel through server actions; the API takes models up to 20 MiB, so
  // the web must too (with room for the form's own fields).
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
  reactStrictMode: true,
  transpilePackages: [],
};

export default config;
