import { isSlug } from "./rules";

/** `/compare?models=a,b` or `?models=a&models=b`: up to four distinct, well-formed slugs. */
export const MAX_COMPARE = 4;

export function parseCompareSlugs(raw: string | string[] | undefined): {
  slugs: string[];
  ignored: string[];
} {
  const parts = (Array.isArray(raw) ? raw : raw ? [raw] : [])
    .flatMap((v) => v.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  const slugs: string[] = [];
  const ignored: string[] = [];
  for (const p of parts) {
    if (!isSlug(p)) ignored.push(`“${p.slice(0, 40)}” is not a model id`);
    else if (slugs.includes(p)) continue;
    else if (slugs.length >= MAX_COMPARE)
      ignored.push(`${p}: at most ${MAX_COMPARE} models can be compared at once`);
    else slugs.push(p);
  }
  return { slugs, ignored };
}
