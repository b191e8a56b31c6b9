/*
 * Is the database answering? The proxy asks before every page and API request so an outage
 * answers a clear 503 rather than pages failing one by one. No caching: a cached "healthy"
 * would let requests through during the first moments of an outage. The ping costs one round
 * trip (a fraction of a millisecond on loopback; see BENCHMARKS.md), and times out quickly so a
 * hung server cannot hang the site.
 */
import { sql } from "drizzle-orm";
import { dbHandle } from "./index";

const PING_TIMEOUT_MS = 1500;

export async function databaseAvailable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dbHandle.db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database ping timed out")), PING_TIMEOUT_MS);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
