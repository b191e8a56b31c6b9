import { safeJson } from "@/app/api/safe-json";
import { db } from "@/db";
import { passageHref } from "@/db/domain/passage-link";
import { isSlug, parseId } from "@/db/domain/rules";
import { getSourceWithClaims } from "@/db/queries/sources";
import { versionText } from "@/db/queries/versions";

/**
 * A source with its versions and the claims citing it (each with the version it was checked
 * against). The text is the newest version's, or version N's with ?version=N.
 */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  if (!isSlug(slug)) {
    return safeJson(
      { error: "A source id is lowercase letters, digits and hyphens." },
      { status: 400 },
    );
  }
  const asked = new URL(req.url).searchParams.get("version");
  const number = asked === null ? null : parseId(asked);
  if (asked !== null && number === null)
    return safeJson(
      { error: `version=${asked}: a version number is a whole number from 1.` },
      { status: 400 },
    );
  const found = await getSourceWithClaims(db, slug);
  if (!found) return safeJson({ error: `No source ${slug}.` }, { status: 404 });
  const { source, claims, versions } = found;
  const newest = versions[versions.length - 1];
  const shown =
    number === null || number === newest?.number ? null : await versionText(db, source.id, number);
  if (number !== null && number !== newest?.number && !shown)
    return safeJson(
      { error: `Source ${slug} has no version ${number} (it has ${versions.length}).` },
      { status: 404 },
    );
  const base = `/sources/${source.slug}`;
  return safeJson({
    slug: source.slug,
    title: source.title,
    publisher: source.publisher,
    url: source.url,
    // Date, commit and hash describe the version whose text is served.
    publishedOn: shown ? shown.publishedOn : source.publishedOn,
    kind: source.kind,
    tier: source.tier,
    commit: shown ? shown.commit : source.commit,
    sha256: shown ? shown.textSha256 : source.textSha256,
    versions: versions.map((v) => ({
      number: v.number,
      sha256: v.textSha256,
      date: v.publishedOn,
      url: v.url,
      commit: v.commit,
      retrievedOn: v.retrievedOn,
      characters: v.characters,
      links: { text: `/api${base}?version=${v.number}`, page: `${base}?version=${v.number}` },
    })),
    version: shown ? shown.number : newest?.number,
    text: shown ? shown.text : source.text,
    offsetUnit: "unicode code points",
    claims: claims.map((c) => ({
      ...c,
      newest: c.version === newest?.number,
      links: {
        claim: `/claims/${c.id}`,
        passage: passageHref(source.slug, c.id, c.version, newest?.number),
        text: `/api${base}?version=${c.version}`,
      },
    })),
  });
}
