import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSourceVersion } from "@/db/queries/versions";
import { claims, sources, sourceVersions } from "@/db/schema";
import { buildSeedCatalog } from "@/seed/build";
import { findBrokenQuotes, seed } from "@/seed/index";
import { createTestDb, type TestDb } from "../helpers/test-db";

/*
 * Re-seeding a database a maintainer has changed: a claim the seed adds later, on a source that
 * has a newer version since, is read on the version whose text the seed reviewed and re-anchored
 * onto the newest — never inserted against text it was not checked on, never left behind.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("seeding a catalog whose sources have moved on", () => {
  it("reads new seed claims on the seed's version and re-anchors them onto the newest", async () => {
    const full = buildSeedCatalog();
    const slug = "github-deepseek-r1-license";
    const later = full.claims.filter((c) => c.source === slug);
    expect(later.length).toBeGreaterThan(0);
    await seed(t.db, { ...full, claims: full.claims.filter((c) => c.source !== slug) });
    const [src] = await t.db.select().from(sources).where(eq(sources.slug, slug));
    const r = await addSourceVersion(
      t.db,
      { id: null, name: "a maintainer" },
      { slug, text: `A new first line.\n${src?.text}`, publishedOn: null },
    );
    expect(r.ok).toBe(true);
    const again = await seed(t.db, full);
    expect(again.claims).toBe(later.length);
    expect(again.reanchored.map((v) => [v.slug, v.moved])).toEqual([[slug, later.length]]);
    const versions = await t.db
      .select()
      .from(sourceVersions)
      .where(eq(sourceVersions.sourceId, src?.id as number));
    const newest = versions.find((v) => v.number === 2);
    const added = await t.db
      .select()
      .from(claims)
      .where(eq(claims.sourceId, src?.id as number));
    expect(added.every((c) => c.versionId === newest?.id)).toBe(true);
    expect(await findBrokenQuotes(t.db)).toEqual([]);
  });
});
