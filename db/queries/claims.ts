import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { citedVersionColumns, claimColumns, sameGroup } from "@/db/columns";
import { type ClaimRow, compareClaims } from "@/db/domain/catalog";
import { trimContext } from "@/db/domain/quote";
import { claims, models, sources, sourceVersions } from "@/db/schema";

/** Characters of context either side of a quote, cut in SQL so the source text never travels. */
const CONTEXT = 160;

const withContext = {
  ...claimColumns,
  retiredAt: claims.retiredAt,
  authorName: claims.authorName,
  createdAt: claims.createdAt,
  updatedAt: claims.updatedAt,
  revision: claims.revision,
  // Context comes from the version the claim cites, which need not be the newest.
  before: sql<string>`substring(${sourceVersions.text} from greatest(1, ${claims.quoteStart} + 1 - ${CONTEXT}) for least(${claims.quoteStart}, ${CONTEXT}))`,
  after: sql<string>`substring(${sourceVersions.text} from ${claims.quoteEnd} + 1 for ${CONTEXT})`,
  sourceLength: sql<number>`char_length(${sourceVersions.text})`.mapWith(Number),
  version: citedVersionColumns,
  model: { slug: models.slug, name: models.name, kind: models.kind },
};

export type ClaimDetail = Awaited<ReturnType<typeof getClaimDetail>>;

export async function getClaimDetail(db: Db, id: number) {
  const [row] = await db
    .select(withContext)
    .from(claims)
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .innerJoin(sourceVersions, eq(sourceVersions.id, claims.versionId))
    .innerJoin(models, eq(models.id, claims.modelId))
    .where(eq(claims.id, id));
  if (!row) return null;
  const { before, after, sourceLength, ...claim } = row;
  const group = await db
    .select(claimColumns)
    .from(claims)
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(sameGroup(claim))
    .orderBy(asc(claims.id));
  return {
    claim,
    context: trimContext(before, after, {
      start: claim.quoteStart,
      end: claim.quoteEnd,
      length: sourceLength,
      chars: CONTEXT,
    }),
    group: group.sort(compareClaims),
  };
}

/** All claims of several models (live and retired flagged), with context, for model and compare pages. */
export async function listClaimsForModels(db: Db, modelIds: number[]) {
  if (modelIds.length === 0) return [];
  const rows = await db
    .select(withContext)
    .from(claims)
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .innerJoin(sourceVersions, eq(sourceVersions.id, claims.versionId))
    .innerJoin(models, eq(models.id, claims.modelId))
    .where(and(inArray(claims.modelId, modelIds), isNull(claims.retiredAt)));
  return rows
    .map(({ before, after, sourceLength, ...c }) => ({
      ...c,
      context: trimContext(before, after, {
        start: c.quoteStart,
        end: c.quoteEnd,
        length: sourceLength,
        chars: CONTEXT,
      }),
    }))
    .sort(compareClaims);
}

export type ClaimWithContext = Awaited<ReturnType<typeof listClaimsForModels>>[number];
export type { ClaimRow };
