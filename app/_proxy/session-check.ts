/*
 * Whether a request carries a session that really exists, for the page cache's one question: may
 * this reader be served the anonymous page? A cookie merely named like ours must not force a
 * full render. Answers are kept for a few seconds (positive and negative), bounded in count, and
 * keyed by the token's hash; a revoked session may bypass the cache for those seconds, which is
 * harmless: authorisation happens in every action, never here.
 */
import { createHash } from "node:crypto";
import { db } from "@/db";
import { maintainerForToken } from "@/db/accounts";

const TTL_MS = 10_000;
const MAX_ENTRIES = 1_000;
const known = new Map<string, { valid: boolean; until: number }>();

export async function hasValidSession(token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const key = createHash("sha256").update(token).digest("base64url");
  const now = Date.now();
  const hit = known.get(key);
  if (hit && hit.until > now) return hit.valid;
  const valid = (await maintainerForToken(db, token)) !== null;
  known.delete(key);
  known.set(key, { valid, until: now + TTL_MS });
  for (const k of known.keys()) {
    if (known.size <= MAX_ENTRIES) break;
    known.delete(k);
  }
  return valid;
}
