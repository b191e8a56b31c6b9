/* npm run db:import -- <file>   restores a db:export file into an empty, migrated database. */
import { readFileSync } from "node:fs";
import { type Backup, importCatalog } from "../backup";
import { dbHandle } from "../index";

try {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run db:import -- <backup.json>");
  let backup: Backup;
  try {
    backup = JSON.parse(readFileSync(file, "utf8")) as Backup;
  } catch (err) {
    throw new Error(`${file} is not a readable JSON backup: ${(err as Error).message}`);
  }
  const counts = await importCatalog(dbHandle.db, backup);
  console.log(
    `imported ${Object.entries(counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(", ")} (${dbHandle.driver}); every quote re-checked by the database`,
  );
} catch (err) {
  const e = err as { message: string; cause?: { message?: string } };
  console.error(e.cause?.message ? `${e.message}: ${e.cause.message}` : e.message);
  process.exitCode = 1;
} finally {
  await dbHandle.close();
}
