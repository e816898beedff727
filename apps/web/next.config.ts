// Next.js configuration of the web app: workspace packages ship TypeScript source, so Next compiles them.
import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: [],
};

export default config;
