import type { MetadataRoute } from "next";

/** Crawlers may read everything public; the maintainer pages are not for indexing. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: "/maintain" } };
}
