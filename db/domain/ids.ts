/** A database id from a URL segment: a positive int4, or null (never NaN, never a 500). */
export function parseId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}

/** A catalog slug from a URL segment: checked before it reaches a query (NUL or junk never does). */
export function isSlug(raw: string): boolean {
  return raw.length <= 200 && /^[a-z0-9]+([.-][a-z0-9]+)*$/.test(raw);
}
