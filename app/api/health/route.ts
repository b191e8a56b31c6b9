import { sql } from "drizzle-orm";
import { safeJson } from "@/app/api/safe-json";
import { db } from "@/db";

/** Readiness: answers 200 once the database answers. */
export async function GET() {
  await db.execute(sql`select 1`);
  return safeJson({ ok: true });
}
