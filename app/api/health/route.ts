import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { db } from "@/db";

/** Readiness: answers 200 once the database answers. */
export async function GET() {
  await db.execute(sql`select 1`);
  return NextResponse.json({ ok: true });
}
