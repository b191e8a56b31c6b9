import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sliceByCodePoints } from "@/db/domain/quote";
import { buildSeedCatalog, loadCandidates, SeedError } from "@/seed/build";
import { SOURCES_DIR } from "@/seed/sources";

const catalog = buildSeedCatalog();
const text = new Map(catalog.sources.map((s) => [s.slug, s.text]));

describe("seed catalog", () => {
  it("turns every candidate claim into at least one claim", () => {
    const candidates = loadCandidates();
    expect(candidates).toHaveLength(306);
    // "#123+1" is a second statement of candidate 123's quote; ":1" the same claim for a second model.
    const covered = new Set(
      catalog.claims
        .filter((c) => c.seedKey.startsWith("claims.json#"))
        .map((c) => c.seedKey.replace(/(\+\d+)?(:\d+)?$/, "")),
    );
    expect(covered.size).toBe(306);
  });

  it("stores every quote exactly as it stands in its source at its offsets", () => {
    for (const c of catalog.claims) {
      const src = text.get(c.source) as string;
      expect(sliceByCodePoints(src, c.quoteStart, c.quoteEnd), c.seedKey).toBe(c.quote);
    }
  });

  it("includes every model the issue names, and the seeds' families", () => {
    const slugs = new Set(catalog.models.map((m) => m.slug));
    for (const slug of [
      "gpt-oss-120b",
      "gpt-oss-20b",
      "gemma-3-1b",
      "gemma-3-4b",
      "gemma-3-12b",
      "gemma-3-27b",
      "gemma-2-2b",
      "qwen2.5-72b",
      "qwen3-235b-a22b",
      "qwen3-30b-a3b",
      "llama-3.3-70b",
      "llama-3.2-1b",
      "llama-4-scout",
      "llama-4-maverick",
      "mistral-small-3.1",
      "apertus",
      "apertus-8b",
      "apertus-70b",
      "deepseek-v3",
      "deepseek-r1",
      "olmo-2-7b",
      "olmo-2-13b",
      "olmo-2-32b",
      "llama",
      "gemma",
      "qwen",
      "gpt-oss",
      "deepseek",
    ]) {
      expect(slugs.has(slug), slug).toBe(true);
    }
    // Every model has at least one claim of its own, or (Apertus 1.5 8B and 70B, which their
    // article describes together) its family's.
    const withClaims = new Set(catalog.claims.map((c) => c.model));
    const familyOf = new Map(catalog.models.map((m) => [m.slug, m.family]));
    const cited = (slug: string | undefined): boolean =>
      slug !== undefined && (withClaims.has(slug) || cited(familyOf.get(slug)));
    for (const m of catalog.models.filter((m) => m.kind === "model"))
      expect(cited(m.slug), m.slug).toBe(true);
    for (const m of catalog.models.filter((m) => m.kind === "model" && !withClaims.has(m.slug)))
      expect(["apertus-1.5-8b", "apertus-1.5-70b"], m.slug).toContain(m.slug);
  });

  it("ranks exactly one preferred claim per group, never a forecast", () => {
    const preferred = new Map<string, number>();
    for (const c of catalog.claims) {
      if (c.provenance === "forecast") expect(c.rank).not.toBe("preferred");
      if (c.rank !== "preferred") continue;
      const key = [c.model, c.field, c.label, c.variant, c.condition, c.settings].join("|");
      preferred.set(key, (preferred.get(key) ?? 0) + 1);
    }
    expect([...preferred.values()].every((n) => n === 1)).toBe(true);
  });

  it("keeps conflicting figures as separately ranked claims (117B preferred over ~120B)", () => {
    const gpt = catalog.claims.filter(
      (c) => c.model === "gpt-oss-120b" && c.field === "total_params",
    );
    expect(gpt.map((c) => [c.valueText, c.rank]).sort()).toEqual([
      ["117B", "preferred"],
      ["~120B", "normal"],
    ]);
    const approx = gpt.find((c) => c.valueText === "~120B");
    expect(approx?.qualifier).toBe("approx");
    expect(approx?.provenance).toBe("third_party");
  });

  it("marks the pre-release prediction as a forecast on the family", () => {
    const forecast = catalog.claims.filter((c) => c.provenance === "forecast");
    expect(forecast.map((c) => c.model)).toEqual(["gpt-oss", "gpt-oss"]);
  });

  it("attributes a claim that names no variant to the family", () => {
    const apertus = catalog.claims.filter((c) => c.model === "apertus");
    expect(apertus.length).toBeGreaterThan(0);
    expect(apertus.every((c) => c.provenance === "third_party")).toBe(true);
  });

  it("never invents a URL or date for the seed articles", () => {
    const articles = catalog.sources.filter((s) => s.kind === "article");
    expect(articles).toHaveLength(5);
    expect(articles.every((s) => s.url === null)).toBe(true);
    expect(articles.map((s) => s.publishedOn)).toEqual([
      null,
      "2025-04-01",
      "2025-08-08",
      null,
      null,
    ]);
  });

  it("fails loudly, naming the claim, when a quote is not in its source", () => {
    const dir = mkdtempSync(join(tmpdir(), "owl-seed-"));
    cpSync(SOURCES_DIR, dir, { recursive: true });
    const claims = JSON.parse(readFileSync(join(dir, "claims.json"), "utf8"));
    claims[7].quote = "gpt-oss-20b has 99B parameters";
    writeFileSync(join(dir, "claims.json"), JSON.stringify(claims));
    expect(() => buildSeedCatalog(dir)).toThrow(SeedError);
    expect(() => buildSeedCatalog(dir)).toThrow(
      /claims\.json #7 \(gpt-oss-20b \/ total_params = 21B\): This passage is not in the source/,
    );
  });
});
