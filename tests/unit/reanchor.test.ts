import { describe, expect, it } from "vitest";
import { claimsToFollow, HISTORIES, loadVersions } from "@/db/cli/replay-versions";
import { reanchor, replayHistory, valueAppears } from "@/db/domain/reanchor";

const anchor = (text: string, quote: string, valueText: string) => {
  const start = text.indexOf(quote);
  return { quote, start, end: start + quote.length, valueText };
};

describe("re-anchoring a claim on a new version", () => {
  const old = "# Model\n\nIntro.\n\n- Context Length: 32,768 tokens natively.\n- Layers: 36\n";
  const a = anchor(old, "Context Length: 32,768 tokens natively.", "32,768");

  it("carries a quote that is where it was", () => {
    expect(reanchor(old, `${old}\nMore.\n`, a)).toEqual({
      outcome: "carried",
      start: a.start,
      end: a.end,
    });
  });

  it("moves a quote that now stands exactly once elsewhere", () => {
    const next = `# Model\n\nA longer introduction.\n\n${old.slice(old.indexOf("- Context"))}`;
    const r = reanchor(old, next, a);
    expect(r.outcome).toBe("moved");
    if (r.outcome === "moved") expect(next.slice(r.start, r.end)).toBe(a.quote);
  });

  it("only proposes a near match, and only when the value is still in it", () => {
    const edited = old.replace("tokens natively.", "tokens natively (YaRN: 131,072).");
    const r = reanchor(old, edited, a);
    expect(r.outcome).toBe("proposed");
    if (r.outcome === "proposed") {
      expect(r.quote).toContain("32,768");
      expect(r.similarity).toBeLessThan(1);
    }
    // The number changed ("256K" became "1M"): nothing is proposed, the claim is orphaned.
    const changed = old.replace("32,768", "262,144");
    expect(reanchor(old, changed, a)).toMatchObject({ outcome: "orphaned" });
  });

  it("orphans a passage that is gone, and one that now appears in two places alike", () => {
    expect(reanchor(old, "# Model\n\nRewritten entirely.\n", a)).toMatchObject({
      outcome: "orphaned",
    });
    const twice =
      `${old}\n## Again\n\n- Context Length: 32,768 tokens natively.\n- Layers: 36\n`.replace(
        /^# Model\n\nIntro\.\n\n/,
        "# Model\n\nAn introduction.\n\n",
      );
    const r = reanchor(old, twice, a);
    expect(["proposed", "orphaned"]).toContain(r.outcome);
    // Never moved on its own when the quote is ambiguous.
    expect(r.outcome).not.toBe("moved");
  });

  it("never proposes half an emoji: a passage is whole characters", () => {
    const before = "Intro.\n- Context length: 128K tokens\n";
    const after = "Intro.\n🔹 Context length: 128K tokens\n";
    const r = reanchor(before, after, anchor(before, "- Context length: 128K tokens", "128K"));
    expect(r.outcome).toBe("proposed");
    if (r.outcome === "proposed") {
      expect(r.quote.isWellFormed()).toBe(true);
      expect(after.slice(r.start, r.end)).toBe(r.quote);
    }
  });

  it("checks the value as the quote writes it", () => {
    expect(valueAppears(a, "Context Length: 32,768 tokens")).toBe(true);
    expect(valueAppears(a, "Context Length: 32768 tokens")).toBe(false);
  });
});

describe("replaying real histories (the Llama 3.2 and Llama 4 model cards)", () => {
  for (const h of HISTORIES.filter((x) => x.dir.startsWith("meta-llama"))) {
    it(`${h.dir}: every claim keeps pointing at its quote, none is lost, none moves on a guess`, () => {
      const versions = loadVersions(h.dir);
      const claims = claimsToFollow(h.source, versions);
      const { steps, final } = replayHistory(versions, claims);
      expect(steps.flatMap((s) => s.violations)).toEqual([]);
      expect(final.followed).toBeGreaterThan(50);
      expect(final.current + final.proposed + final.orphaned).toBe(final.followed);
      // The documents did change under the claims: some moved, some wait for a maintainer.
      expect(steps.reduce((n, s) => n + s.moved, 0)).toBeGreaterThan(0);
      expect(final.proposed + final.orphaned).toBeGreaterThan(0);
    }, 60_000);
  }
});
