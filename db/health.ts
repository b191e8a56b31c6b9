/*
 * Is the database answering, and at which version of the data? The proxy asks before every page
 * and API request: an outage answers a clear 503 rather than pages failing one by one, and the
 * version keys its page cache (app/_proxy/page-cache.ts). No caching of the answer: a cached
 * "healthy" would let requests through during the first moments of an outage. It costs one
 * primary-key read (a fraction of a millisecond on loopback; see BENCHMARKS.md), and times out
 * quickly so a hung server cannot hang the site.
 */
import { sql } from "drizzle-orm";
import { rowsOf } from "./client";
import { stateLog } from "./domain/state-log";
import { dbHandle } from "./index";

const PING_TIMEOUT_MS = 1500;
const pings = stateLog("database ping");

/** The data version (drizzle/0004_data_version.sql), or null while the database is unreachable. */
export async function dataVersion(): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      dbHandle.db.execute(sql`select version::text as version from data_version`),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("database ping timed out")), PING_TIMEOUT_MS);
      }),
    ]);
    const [row] = rowsOf<{ version: string }>(result);
    if (!row) throw new Error("data_version has no row: run the migrations");
    pings.ok();
    return Number(row.version);
  } catch (err) {
    pings.failed(err);
    return null;
  } finally {
    clearTimeout(timer);
  }
}
