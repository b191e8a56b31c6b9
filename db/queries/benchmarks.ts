import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import type { BenchmarkClaim } from "@/db/domain/benchmarks";
import { claims, models, sources } from "@/db/schema";

/** Every live benchmark score of a model (not a family), with what the matrix shows of it. */
export async function listBenchmarkClaims(db: Db): Promise<BenchmarkClaim[]> {
  return db
    .select({
      id: claims.id,
      model: models.slug,
      modelName: models.name,
      variant: claims.variant,
      label: claims.label,
      settings: claims.settings,
      valueText: claims.valueText,
      valueNum: claims.valueNum,
      unit: claims.unit,
      rank: claims.rank,
      source: sources.slug,
    })
    .from(claims)
    .innerJoin(models, eq(models.id, claims.modelId))
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(and(eq(claims.field, "benchmark"), isNull(claims.retiredAt), eq(models.kind, "model")));
}
