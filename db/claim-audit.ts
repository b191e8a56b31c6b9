/*
 * The claim audit over a database: every live claim's value beside its quote, the flags of
 * db/domain/audit.ts, and the catalog's agreement counts checked against the distinct sources
 * behind each cell. Used by `npm run audit:claims` and by the tests (zero flags on the seed).
 */
import { asc } from "drizzle-orm";
import type { Db } from "./client";
import { modelRowColumns, selectLiveClaims } from "./columns";
import { type AuditFlag, agreementFlags, auditClaim } from "./domain/audit";
import { buildCatalogRows, type ClaimRow, columnOf } from "./domain/catalog";
import { models } from "./schema";

export type AuditedClaim = { claim: ClaimRow; model: string; flags: AuditFlag[] };

export async function auditDatabase(
  db: Db,
): Promise<{ claims: AuditedClaim[]; flags: AuditFlag[] }> {
  const [modelRows, claims] = await Promise.all([
    db.select(modelRowColumns).from(models).orderBy(asc(models.slug)),
    selectLiveClaims(db),
  ]);
  const slugOf = new Map(modelRows.map((m) => [m.id, m.slug]));
  const audited = claims.map((c) => ({
    claim: c,
    model: slugOf.get(c.modelId) ?? String(c.modelId),
    flags: auditClaim({ ...c, key: `claim #${c.id}`, model: slugOf.get(c.modelId) ?? "" }),
  }));
  // "N sources agree" may never exceed the distinct sources of the claims behind that column.
  const byModel = new Map<number, ClaimRow[]>();
  for (const c of claims) byModel.set(c.modelId, [...(byModel.get(c.modelId) ?? []), c]);
  // Each row already carries its family chain (slugs): the claims behind a cell are its own
  // and its families'.
  const idOf = new Map(modelRows.map((m) => [m.slug, m.id]));
  const cells = buildCatalogRows(modelRows, claims).flatMap((row) =>
    Object.entries(row.cells).map(([column, cell]) => {
      const ids = [row.id, ...row.families.map((slug) => idOf.get(slug) ?? -1)];
      const behind = ids.flatMap((id) =>
        (byModel.get(id) ?? []).filter((c) => columnOf(c) === column),
      );
      return {
        key: `${row.slug} ${column}`,
        count: cell.count,
        distinctSources: new Set(behind.map((c) => c.source.slug)).size,
      };
    }),
  );
  return {
    claims: audited,
    flags: [...audited.flatMap((a) => a.flags), ...agreementFlags(cells)],
  };
}
