import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and reads files next to its own modules; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // A source's text may be 2,000,000 characters (db/domain/rules.ts); in UTF-8 that is up to
      // 6 MB (3 bytes per UTF-16 unit), plus the other fields. Next's default is 1 MB.
      bodySizeLimit: "8mb",
    },
  },
};

export default nextConfig;
