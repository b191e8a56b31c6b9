import { rebuildCatalogRows } from "./catalog-index";
import { dbHandle } from "./index";

const started = Date.now();
await dbHandle.migrate();
// The catalog's read model is derived: rebuild it so rows written by an older version (or by a
// migration that changed how cells are chosen) never outlive the code that made them.
const built = await dbHandle.db.transaction((tx) => rebuildCatalogRows(tx));
console.log(
  `migrations applied (${dbHandle.driver}) and ${built.rows} catalog rows rebuilt in ${Date.now() - started} ms`,
);
await dbHandle.close();
