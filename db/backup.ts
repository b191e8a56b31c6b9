/*
 * Whole-catalog backup: every table the catalog needs (maintainers, sources and their versions,
 * models, claims, the review queue, revisions) as JSON, rows keyed by their SQL column names so import can hand them straight back
 * to Postgres (json_populate_recordset), ids included. Import goes only into an empty database
 * and runs in one transaction; the integrity triggers re-check every quote on the way in.
 * Sessions and sign-in attempts are not backed up. The file holds password hashes: keep it private.
 */
import { sql } from "drizzle-orm";
import { rebuildCatalogRows } from "./catalog-index";
import { type Db, rowsOf } from "./client";

export const BACKUP_FORMAT = "open-weights-ledger/backup-v2";
/** Version 1 files predate source versions: each source restores as its own version 1. */
const BACKUP_FORMAT_V1 = "open-weights-ledger/backup-v1";
/** Insert order respects foreign keys; model families are linked in a second pass. */
export const BACKUP_TABLES = [
  "maintainers",
  "sources",
  "source_versions",
  "models",
  "claims",
  "claim_reviews",
  "revisions",
] as const;
const V1_TABLES = ["maintainers", "sources", "models", "claims", "revisions"] as const;
type Table = (typeof BACKUP_TABLES)[number];

export type Backup = {
  format: string;
  exportedAt: string;
  tables: Record<Table, Record<string, unknown>[]>;
};

export async function exportCatalog(db: Db): Promise<Backup> {
  return db.transaction(async (tx) => {
    // One snapshot for all tables.
    await tx.execute(sql`set transaction isolation level repeatable read`);
    const tables = {} as Backup["tables"];
    for (const t of BACKUP_TABLES) {
      const [row] = rowsOf(
        await tx.execute(
          sql.raw(`select coalesce(json_agg(t order by t.id), '[]'::json) as rows from ${t} t`),
        ),
      );
      const value = row?.rows;
      tables[t] = (typeof value === "string" ? JSON.parse(value) : value) as Record<
        string,
        unknown
      >[];
    }
    return { format: BACKUP_FORMAT, exportedAt: new Date().toISOString(), tables };
  });
}

export class BackupError extends Error {}

export async function importCatalog(db: Db, backup: Backup): Promise<Record<Table, number>> {
  const v1 = backup?.format === BACKUP_FORMAT_V1;
  if (backup?.format !== BACKUP_FORMAT && !v1)
    throw new BackupError(`this is not an ${BACKUP_FORMAT} file`);
  const tables: readonly Table[] = v1 ? V1_TABLES : BACKUP_TABLES;
  for (const t of tables) {
    if (!Array.isArray(backup.tables?.[t])) throw new BackupError(`the backup has no "${t}" table`);
  }
  return db.transaction(async (tx) => {
    // A v2 file brings every version with its number: the triggers that create version 1, number
    // new versions and mirror the newest onto its source stand aside for this transaction; what
    // they would have ensured is checked after the inserts instead. Every quote is still checked.
    if (!v1) await tx.execute(sql`select set_config('ledger.restoring', 'on', true)`);
    for (const t of BACKUP_TABLES) {
      const [row] = rowsOf(await tx.execute(sql.raw(`select count(*)::int as n from ${t}`)));
      if (Number(row?.n) > 0)
        throw new BackupError(
          `the database is not empty (${t} has rows): import only into an empty database`,
        );
    }
    const counts = {} as Record<Table, number>;
    for (const t of tables) {
      const rows =
        t === "models"
          ? backup.tables.models.map((m) => ({ ...m, family_id: null }))
          : backup.tables[t];
      // Only the columns the file has: a column added since it was written keeps its default.
      const known = new Set(
        rowsOf<{ name: string }>(
          await tx.execute(
            sql`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ${t}`,
          ),
        ).map((r) => r.name),
      );
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      const unknown = columns.filter((c) => !known.has(c));
      if (unknown.length > 0)
        throw new BackupError(
          `the "${t}" table has columns this database lacks: ${unknown.join(", ")}`,
        );
      const list = sql.raw(columns.map((c) => `"${c}"`).join(", "));
      if (rows.length > 0)
        await tx.execute(
          sql`insert into ${sql.raw(t)} (${list}) overriding system value select ${list} from json_populate_recordset(null::${sql.raw(t)}, ${JSON.stringify(rows)}::json)`,
        );
      if (t === "models") {
        await tx.execute(sql`update models m set family_id = (r.family_id)::int
          from json_to_recordset(${JSON.stringify(backup.tables.models)}::json) as r(id int, family_id int)
          where m.id = r.id and r.family_id is not null`);
      }
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('${t}', 'id'), coalesce((select max(id) from ${t}), 0) + 1, false)`,
        ),
      );
      counts[t] = rows.length;
    }
    if (!v1) {
      const unnumbered = rowsOf<{ slug: string }>(
        await tx.execute(sql`select s.slug from sources s
          where not exists (select 1 from source_versions v where v.source_id = s.id)
             or (select count(*) from source_versions v where v.source_id = s.id)
                <> (select max(number) from source_versions v where v.source_id = s.id)`),
      );
      if (unnumbered.length > 0)
        throw new BackupError(
          `sources whose versions are not numbered 1 to N: ${unnumbered.map((r) => r.slug).join(", ")}`,
        );
      const stale = rowsOf<{ slug: string }>(
        await tx.execute(sql`select s.slug from sources s
          where s.text is distinct from (select v.text from source_versions v
            where v.source_id = s.id order by v.number desc limit 1)`),
      );
      if (stale.length > 0)
        throw new BackupError(
          `sources whose text is not their newest version: ${stale.map((r) => r.slug).join(", ")}`,
        );
    }
    // The read model is derived, so it is rebuilt rather than backed up.
    await rebuildCatalogRows(tx);
    return counts;
  });
}
