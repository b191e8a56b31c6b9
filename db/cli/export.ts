/* npm run db:export -- [file]   (default: backup-<date>.json; "-" writes to standard output) */
import { writeFileSync } from "node:fs";
import { exportCatalog } from "../backup";
import { dbHandle } from "../index";

const target =
  process.argv[2] ?? `backup-${new Date().toISOString().slice(0, 19).replaceAll(":", "-")}.json`;
try {
  const backup = await exportCatalog(dbHandle.db);
  const json = JSON.stringify(backup);
  if (target === "-") process.stdout.write(json);
  else writeFileSync(target, json, { mode: 0o600 });
  const counts = Object.entries(backup.tables)
    .map(([t, rows]) => `${rows.length} ${t}`)
    .join(", ");
  console.error(
    `exported ${counts} (${dbHandle.driver}) to ${target === "-" ? "standard output" : target}`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await dbHandle.close();
}
