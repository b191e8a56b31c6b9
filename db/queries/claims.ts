import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, db as defaultDb } from "@/db";
import { claimColumns } from "@/db/columns";
import { type ClaimRow, compareClaims } from "@/db/domain/catalog";
import { claims, models, sources } from "@/db/schema";

/** Characters of context either side of a quote, cut in SQL so the source text never travels. */
const CONTEXT = 160;

const withContext = {
  ...claimColumns,
  retiredAt: claims.retiredAt,
  authorName: claims.authorName,
  createdAt: claims.createdAt,
  updatedAt: claims.updatedAt,
  revision: claims.revision,
  before: sql<string>`substring(${sources.text} from greatest(1, ${claims.quoteStart} + 1 - ${CONTEXT}) for least(${claims.quoteStart}, ${CONTEXT}))`,
  after: sql<string>`substring(${sources.text} from ${claims.quoteEnd} + 1 for ${CONTEXT})`,
  sourceLength: sql<number>`char_length(${sources.text})`.mapWith(Number),
  model: { slug: models.slug, name: models.name, kind: models.kind },
};

export type ClaimDetail = Awaited<ReturnType<typeof getClaimDetail>>;

function trimContext(before: string, after: string, start: number, end: number, length: number) {
  // Cut at word boundaries and mark elisions so context never starts or ends mid-word.
  let b = before;
  let a = after;
  if (start > CONTEXT) b = `…${b.slice(b.indexOf(" ") + 1)}`;
  if (end + CONTEXT < length) a = `${a.slice(0, Math.max(a.lastIndexOf(" "), 0))}…`;
  return { before: b, after: a };
}

export async function getClaimDetail(id: number, db: Db = defaultDb) {
  const [row] = await db
    .select(withContext)
    .from(claims)
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .innerJoin(models, eq(models.id, claims.modelId))
    .where(eq(claims.id, id));
  if (!row) return null;
  const { before, after, sourceLength, ...claim } = row;
  const group = await db
    .select(claimColumns)
    .from(claims)
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(
      and(
        eq(claims.modelId, claim.modelId),
        eq(claims.field, claim.field),
        eq(claims.label, claim.label),
        eq(claims.settings, claim.settings),
        isNull(claims.retiredAt),
      ),
    )
    .orderBy(asc(claims.id));
  return {
    claim,
    context: trimContext(before, after, claim.quoteStart, claim.quoteEnd, sourceLength),
    group: group.sort(compareClaims),
  };
}

/** All claims of several models (live and retired flagged), with context, for model and compare pages. */
export async function listClaimsForModels(modelIds: number[], db: Db = defaultDb) {
  if (modelIds.length === 0) return [];
  const rows = await db
    .select(withContext)
    .from(claims)
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .innerJoin(models, eq(models.id, claims.modelId))
    .where(and(inArray(claims.modelId, modelIds), isNull(claims.retiredAt)));
  return rows
    .map(({ before, after, sourceLength, ...c }) => ({
      ...c,
      context: trimContext(before, after, c.quoteStart, c.quoteEnd, sourceLength),
    }))
    .sort(compareClaims);
}

export type ClaimWithContext = Awaited<ReturnType<typeof listClaimsForModels>>[number];
export type { ClaimRow };
