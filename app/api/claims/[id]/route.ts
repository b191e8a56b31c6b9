import { safeJson } from "@/app/api/safe-json";
import { db } from "@/db";
import { parseId } from "@/db/domain/rules";
import { getClaimDetail } from "@/db/queries/claims";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = parseId((await ctx.params).id);
  if (id === null)
    return safeJson({ error: "A claim id is a positive whole number." }, { status: 400 });
  const detail = await getClaimDetail(db, id);
  if (!detail) return safeJson({ error: `No claim ${id}.` }, { status: 404 });
  return safeJson(detail);
}
