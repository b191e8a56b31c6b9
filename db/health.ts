/*
 * Is the database answering? Used by the proxy to answer a clear 503 instead of letting pages
 * fail one by one. Healthy answers are cached briefly (one ping per second at most); while the
 * database is down every request re-checks, so the app recovers as soon as it returns.
 */
import { sql } from "drizzle-orm";
import { dbHandle } from "./index";

const HEALTHY_FOR_MS = 1000;
const PING_TIMEOUT_MS = 1500;
let healthyUntil = 0;

export async function databaseAvailable(): Promise<boolean> {
  if (Date.now() < healthyUntil) return true;
  try {
    await Promise.race([
      dbHandle.db.execute(sql`select 1`),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("database ping timed out")), PING_TIMEOUT_MS),
      ),
    ]);
    healthyUntil = Date.now() + HEALTHY_FOR_MS;
    return true;
  } catch {
    healthyUntil = 0;
    return false;
  }
}
