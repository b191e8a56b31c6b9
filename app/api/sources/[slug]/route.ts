import { safeJson } from "@/app/api/safe-json";
import { db } from "@/db";
import { isSlug } from "@/db/domain/rules";
import { getSourceWithClaims } from "@/db/queries/sources";

export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  if (!isSlug(slug)) {
    return safeJson(
      { error: "A source id is lowercase letters, digits and hyphens." },
      { status: 400 },
    );
  }
  const found = await getSourceWithClaims(db, slug);
  if (!found) return safeJson({ error: `No source ${slug}.` }, { status: 404 });
  const { source, claims } = found;
  return safeJson({
    slug: source.slug,
    title: source.title,
    publisher: source.publisher,
    url: source.url,
    publishedOn: source.publishedOn,
    kind: source.kind,
    tier: source.tier,
    commit: source.commit,
    sha256: source.textSha256,
    text: source.text,
    offsetUnit: "unicode code points",
    claims: claims.map((c) => ({
      ...c,
      links: { claim: `/claims/${c.id}`, passage: `/sources/${source.slug}#claim-${c.id}` },
    })),
  });
}
