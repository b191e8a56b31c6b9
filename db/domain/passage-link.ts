/**
 * The address of a claim's passage in the stored source: the source page at the claim's anchor,
 * on the version the claim cites unless that is the newest (the page's default). Without the
 * newest number (`newest` unknown) the version is always named, which is never wrong.
 */
export function passageHref(
  slug: string,
  claimId: number,
  version?: number | null,
  newest?: number | null,
): string {
  const named = version != null && version !== newest;
  return `/sources/${slug}${named ? `?version=${version}` : ""}#claim-${claimId}`;
}
