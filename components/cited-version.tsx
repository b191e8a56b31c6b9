import Link from "next/link";
import { passageHref } from "@/db/domain/passage-link";

/** The version a citation was checked against, as claim queries read it (db/columns.ts). */
export type CitedVersion = {
  number: number;
  newest: number;
  url: string | null;
  waiting: boolean;
};

type Cited = { id: number; source: { slug: string; url: string | null }; version: CitedVersion };

/** Where a citation points: its passage on its version, and the original at that version. */
export function citedLinks(claim: Cited) {
  const v = claim.version;
  return {
    behind: v.number < v.newest,
    passage: passageHref(claim.source.slug, claim.id, v.number, v.newest),
    // The original at the version the claim was checked on (its commit) when that is known.
    original: v.url ?? claim.source.url,
  };
}

/** " · checked against version N of M (the newest)", for sources with more than one version. */
export function versionPhrase(v: CitedVersion): string {
  if (v.newest <= 1) return "";
  return ` · checked against version ${v.number} of ${v.newest}${v.number < v.newest ? "" : " (the newest)"}`;
}

/** The notice on a citation whose source has changed at its passage since it was checked. */
export function ChangedSince({ claim, className }: { claim: Cited; className: string }) {
  const v = claim.version;
  if (v.number >= v.newest) return null;
  return (
    <p className={`rounded border border-amber-500 px-2 py-1 text-xs ${className}`}>
      The source has changed here since: version {v.newest} no longer states this passage as quoted.{" "}
      <Link href={`/sources/${claim.source.slug}?from=${v.number}&to=${v.newest}`}>
        See what changed
      </Link>
      {v.waiting ? " · waiting for a maintainer's review" : ""}
    </p>
  );
}
