import { describe, expect, it } from "vitest";
import { textDiff as diffOrNull } from "@/db/domain/text-diff";

const textDiff = (a: string, b: string) => {
  const d = diffOrNull(a, b);
  if (!d) throw new Error("the comparison gave up");
  return d;
};

import { groupSourceUpdates, type SourceUpdate } from "@/db/queries/versions";

describe("the difference between two versions", () => {
  it("shows a changed number as one word struck and one inserted, not a whole line", () => {
    const a = "# Card\n\nContext length: 256K tokens.\nLicense: Apache 2.0\n";
    const b = "# Card\n\nContext length: 1M tokens.\nLicense: Apache 2.0\n";
    const d = textDiff(a, b);
    expect(d.pieces.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["256K"]);
    expect(d.pieces.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["1M"]);
    // Reading the pieces back gives each text again.
    const read = (kind: "added" | "removed") =>
      d.pieces
        .filter((p) => p.kind !== kind)
        .map((p) => p.text)
        .join("");
    expect(read("added")).toBe(a);
    expect(read("removed")).toBe(b);
  });

  it("keeps a wholly rewritten line as a deletion and an insertion", () => {
    const d = textDiff("alpha beta gamma\n", "completely different words here\n");
    expect(d.pieces.map((p) => p.kind)).toEqual(["removed", "added"]);
  });

  it("cuts long unchanged stretches to whole lines of context, saying how much was left out", () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} of the unchanged part`);
    const a = `${lines.join("\n")}\nold ending\n`;
    const b = `${lines.join("\n")}\nnew ending\n`;
    const d = textDiff(a, b);
    const same = d.pieces[0];
    expect(same?.kind).toBe("same");
    expect(same?.cut?.before).toBe("");
    expect(same?.cut?.after.startsWith("line ")).toBe(true);
    expect((same?.cut?.skipped ?? 0) + (same?.cut?.after.length ?? 0)).toBe(same?.text.length);
  });

  it("says when two versions are the same", () => {
    const d = textDiff("same\n", "same\n");
    expect(d.added + d.removed).toBe(0);
  });
});

describe("the change log's source updates", () => {
  const at = new Date("2026-11-24T05:00:00Z");
  const update = (version: number, slug = "a", createdAt = at): SourceUpdate => ({
    id: version,
    createdAt,
    authorName: "seed import",
    source: { slug, title: slug },
    version,
    publishedOn: null,
    commit: null,
    reanchored: { carried: 1, moved: 0, proposed: 0, orphaned: 0 },
  });
  it("reads a history loaded at once as one update, and keeps separate ones apart", () => {
    const later = new Date(at.getTime() + 3_600_000);
    const groups = groupSourceUpdates([
      update(5, "a", later),
      update(4),
      update(3),
      update(2),
      update(2, "b"),
    ]);
    expect(groups.map((g) => [g.source.slug, g.from, g.to, g.reanchored?.carried])).toEqual([
      ["a", 5, 5, 1],
      ["a", 2, 4, 3],
      ["b", 2, 2, 1],
    ]);
  });
});
