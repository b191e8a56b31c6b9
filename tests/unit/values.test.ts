import { describe, expect, it } from "vitest";
import { parseIsoDate, parseQuantity } from "@/db/domain/values";

describe("parseQuantity", () => {
  it.each([
    ["117B", "count", 117e9, "exact"],
    ["5.1B", "count", 5.1e9, "exact"],
    ["2.6B", "count", 2.6e9, "exact"],
    ["1 billion", "count", 1e9, "exact"],
    ["~120B", "count", 120e9, "approx"],
    ["15T+", "count", 15e12, "at_least"],
    ["up to 18T", "count", 18e12, "at_most"],
    ["72.7B", "count", 72.7e9, "exact"],
    ["128K", "context", 131072, "exact"],
    ["128k (BF16 model)", "context", 131072, "exact"],
    ["32K", "context", 32768, "exact"],
    // "M" is read as the sources write it, decimal: none of them says 2^20 (issue 13).
    ["10M", "context", 10000000, "exact"],
    ["65,536", "context", 65536, "exact"],
    ["4096", "context", 4096, "exact"],
    ["16 GB", "memory", 16, "exact"],
    ["16GB", "memory", 16, "exact"],
    ["58,462 MB GPU memory", "memory", 58.462, "exact"],
    ["~55 GB GPU RAM", "memory", 55, "approx"],
    ["136.20 GB", "memory", 136.2, "exact"],
    ["32,768 native; 131,072 with YaRN", "context", 32768, "exact"],
    ["65,536 tokens", "context", 65536, "exact"],
  ] as const)("%s (%s) → %d", (phrase, kind, value, qualifier) => {
    expect(parseQuantity(phrase, kind)).toEqual({ value, qualifier });
  });

  it.each([
    ["fits a single 80GB GPU", "memory"],
    ["16", "memory"],
    ["MXFP4", "count"],
    ["", "count"],
    ["12 zq", "count"],
    ["5 GW", "memory"],
  ] as const)("%s (%s) is not a quantity", (phrase, kind) => {
    expect(parseQuantity(phrase, kind)).toBeNull();
  });
});

describe("parseIsoDate", () => {
  it("reads a leading ISO date", () => {
    expect(parseIsoDate("2024-10-24 (model card 'Model Release Date')")).toBe("2024-10-24");
  });
  it("rejects impossible and non-ISO dates", () => {
    expect(parseIsoDate("2024-02-30")).toBeNull();
    expect(parseIsoDate("announced in the week of 2025-08-08")).toBeNull();
  });
});
