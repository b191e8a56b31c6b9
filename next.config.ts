import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and reads files next to its own modules; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
};

export default nextConfig;
