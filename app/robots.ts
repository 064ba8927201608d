import type { MetadataRoute } from "next";

/** A private portal: no crawler has anything to read here. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", disallow: "/" } };
}
