import { describe, expect, it } from "vitest";
import {
  codePointLength,
  locateQuote,
  OffsetMap,
  sliceByCodePoints,
  toCodePointOffset,
  toUtf16Offset,
  trimContext,
} from "@/db/domain/quote";

const SOURCE =
  "The gpt-oss-20b model delivers similar results to OpenAI o3\u2011mini. It “runs” within 16GB.\n" +
  "[... lines 1-20 of README.md ...]\nMore text 🤗 after an emoji: 117B parameters.";

describe("locateQuote", () => {
  it("finds an exact passage and returns code point offsets", () => {
    const r = locateQuote(SOURCE, "117B parameters");
    expect(r.ok && r.exact).toBe(true);
    if (!r.ok) return;
    expect(r.quote).toBe("117B parameters");
    // The emoji is one code point but two UTF-16 units: offsets must count it once.
    expect(r.start).toBe(toCodePointOffset(SOURCE, SOURCE.indexOf("117B")));
    expect(r.start).toBe(SOURCE.indexOf("117B") - 1);
    expect(sliceByCodePoints(SOURCE, r.start, r.end)).toBe("117B parameters");
  });

  it("is lenient about straight vs curly quotes and hyphen variants, but stores the source's characters", () => {
    const r = locateQuote(SOURCE, 'OpenAI o3-mini. It "runs" within 16GB.');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.exact).toBe(false);
    expect(r.quote).toBe("OpenAI o3\u2011mini. It “runs” within 16GB.");
  });

  it("is lenient about whitespace runs and surrounding blanks", () => {
    const r = locateQuote(SOURCE, "  delivers   similar\nresults ");
    expect(r.ok && r.quote).toBe("delivers similar results");
  });

  it("refuses a passage that is not in the source", () => {
    expect(locateQuote(SOURCE, "delivers better results")).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("refuses words that differ even if quotes fold", () => {
    expect(locateQuote(SOURCE, "It “walks” within 16GB").ok).toBe(false);
  });

  it("refuses empty input and passages spanning an omission marker", () => {
    expect(locateQuote(SOURCE, "   ")).toEqual({ ok: false, reason: "empty" });
    const r = locateQuote(SOURCE, "within 16GB.\n[... lines 1-20 of README.md ...]\nMore text");
    expect(r).toEqual({ ok: false, reason: "crosses_omission" });
  });

  it("reports ambiguity, and resolves it with a nearby offset", () => {
    const text = "alpha beta. gamma. alpha beta.";
    expect(locateQuote(text, "alpha beta")).toEqual({ ok: false, reason: "ambiguous", count: 2 });
    const r = locateQuote(text, "alpha beta", 25);
    expect(r.ok && r.start).toBe(19);
  });

  it("refuses over-long quotes", () => {
    expect(locateQuote("x".repeat(5000), "x".repeat(4001))).toEqual({
      ok: false,
      reason: "too_long",
    });
  });
});

describe("offset conversion", () => {
  it("round-trips between UTF-16 and code points around astral characters", () => {
    const s = "a🤗b👉🏻c";
    expect(codePointLength(s)).toBe(6);
    for (let cp = 0; cp <= 6; cp++) expect(toCodePointOffset(s, toUtf16Offset(s, cp))).toBe(cp);
    expect(sliceByCodePoints(s, 1, 3)).toBe("🤗b");
  });
});

describe("trimContext", () => {
  it("gives words either side without cutting into the quote", () => {
    const r = locateQuote(SOURCE, "similar results");
    if (!r.ok) throw new Error("not found");
    const chars = 20;
    // What the SQL hands over: `chars` code points either side of the quote.
    const before = sliceByCodePoints(SOURCE, Math.max(0, r.start - chars), r.start);
    const after = sliceByCodePoints(SOURCE, r.end, r.end + chars);
    const length = codePointLength(SOURCE);
    const ctx = trimContext(before, after, { start: r.start, end: r.end, length, chars });
    expect(ctx.before.endsWith("delivers ")).toBe(true);
    expect(ctx.before.startsWith("…")).toBe(true);
    expect(ctx.after.startsWith(" to OpenAI")).toBe(true);
    expect(ctx.after.endsWith("…")).toBe(true);
  });
});

describe("OffsetMap", () => {
  it("converts both ways as the one-off functions do, with and without surrogate pairs", () => {
    for (const text of ["plain text, no pairs", "a🔹b 😀😀 c\n𝔘nicode end", ""]) {
      const map = new OffsetMap(text);
      for (let u = 0; u <= text.length; u++) {
        // Only whole-character boundaries are ever converted.
        if (u > 0 && u < text.length && /[\uDC00-\uDFFF]/.test(text[u] as string)) continue;
        expect(map.toCodePoint(u)).toBe(toCodePointOffset(text, u));
      }
      for (let cp = 0; cp <= codePointLength(text); cp++)
        expect(map.toUtf16(cp)).toBe(toUtf16Offset(text, cp));
    }
  });
});
