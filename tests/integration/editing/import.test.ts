import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ProposalView } from "@/db/queries/imports";
import { claims, models, revisions, sources } from "@/db/schema";
import * as h from "./harness";

/* The importer through its server actions: propose, decide, apply — and what it refuses. */

const CARD = [
  "---",
  "license: apache-2.0",
  "---",
  "",
  "# Qwen3-99B",
  "",
  "- Number of Parameters: 99B",
  "- Number of Layers: 80",
  "- Context Length: 131,072",
  "",
  "| Benchmark | Qwen3-99B | GPT-X |",
  "|---|---|---|",
  "| MMLU-Pro | 71.5 | 80.1 |",
  "",
].join("\n");

const newSource = {
  mode: "new",
  slug: "qwen3-99b-card",
  title: "Qwen3-99B (test card)",
  publisher: "Qwen Team, Alibaba Cloud",
  kind: "model_card",
  tier: "primary",
  text: CARD,
  model: "qwen3-99b",
  modelName: "Qwen3-99B",
  subject: "qwen3",
};

async function propose(values: Record<string, string>): Promise<ProposalView> {
  return h.expectOk(await h.actions.proposeImportAction(null, h.form(values)));
}

const acceptAll = (view: ProposalView) =>
  JSON.stringify(
    Object.fromEntries(
      view.candidates
        .filter((c) => c.status !== "same")
        .map((c) => [c.key, { decision: "accept", reason: "checked against the card" }]),
    ),
  );

describe("the importer", () => {
  it("is for maintainers only", async () => {
    h.signOut();
    const r = await h.actions.proposeImportAction(null, h.form(newSource));
    expect(r.ok).toBe(false);
  });

  it("proposes every fact of a new card with its passage, storing nothing", async () => {
    await h.signInAs("alice");
    const before = await h.revisionCount();
    const view = await propose(newSource);
    expect(view.candidates.map((c) => [c.field, c.valueText, c.status])).toEqual([
      ["license", "apache-2.0", "new"],
      ["benchmark", "71.5", "new"],
      ["total_params", "99B", "new"],
      ["layers", "80", "new"],
      ["context_window", "131,072", "new"],
    ]);
    const mmlu = view.candidates.find((c) => c.field === "benchmark");
    expect(mmlu?.quote).toBe("| MMLU-Pro | 71.5 | 80.1 |");
    expect(mmlu?.header).toBe("| Benchmark | Qwen3-99B | GPT-X |");
    expect(await h.revisionCount()).toBe(before);
    expect(await h.t.db.$count(sources, eq(sources.slug, "qwen3-99b-card"))).toBe(0);
  });

  it("saves what is accepted — source, new model, claims — with a revision each, once", async () => {
    await h.signInAs("alice");
    const view = await propose(newSource);
    const decisions = JSON.parse(acceptAll(view));
    const layers = view.candidates.find((c) => c.field === "layers")?.key as string;
    decisions[layers] = { decision: "reject", reason: "checking it later" };
    const before = await h.revisionCount();
    const applied = h.expectOk(
      await h.actions.applyImportAction(
        null,
        h.form({ ...newSource, decisions: JSON.stringify(decisions) }),
      ),
    );
    expect(applied).toMatchObject({ created: 4, models: ["qwen3-99b"], rejected: 1 });
    const [model] = await h.t.db.select().from(models).where(eq(models.slug, "qwen3-99b"));
    expect(model?.name).toBe("Qwen3-99B");
    const [family] = await h.t.db.select().from(models).where(eq(models.slug, "qwen3"));
    expect(model?.familyId).toBe(family?.id);
    const rows = await h.t.db
      .select()
      .from(claims)
      .where(eq(claims.modelId, model?.id as number));
    expect(rows.map((r) => r.field).sort()).toEqual([
      "benchmark",
      "context_window",
      "license",
      "total_params",
    ]);
    for (const r of rows) {
      expect(CARD.slice(r.quoteStart, r.quoteEnd)).toBe(r.quote);
      expect(r.authorName).toBe("alice");
      expect(r.provenance).toBe("publisher");
    }
    // One revision per source, model and claim.
    expect(await h.revisionCount()).toBe(before + 1 + 1 + 4);
    const [rev] = await h.t.db
      .select()
      .from(revisions)
      .where(eq(revisions.entityId, rows[0]?.id as number));
    expect(rev?.reason).toBe("checked against the card");

    // Again, into the stored source: everything is already cited, nothing is written.
    const again = await propose({
      mode: "existing",
      sourceSlug: "qwen3-99b-card",
      model: "qwen3-99b",
      subject: "qwen3",
    });
    expect(again.candidates.filter((c) => c.status === "same")).toHaveLength(4);
    const second = h.expectOk(
      await h.actions.applyImportAction(
        null,
        h.form({
          mode: "existing",
          sourceSlug: "qwen3-99b-card",
          model: "qwen3-99b",
          subject: "qwen3",
          decisions: JSON.stringify(decisions),
        }),
      ),
    );
    expect(second.created).toBe(0);
  });

  it("creates a model its card calls not yet released as announced, and marks what it read as checked", async () => {
    await h.signInAs("alice");
    const card = "# Qwen3-98B is Coming\n\nThe model is not yet released.\n";
    const source = {
      ...newSource,
      slug: "qwen3-98b-card",
      title: "Qwen3-98B (test card)",
      text: card,
      model: "qwen3-98b",
      modelName: "Qwen3-98B",
    };
    const view = await propose(source);
    expect(view.candidates.map((c) => [c.field, c.label, c.valueText])).toEqual([
      ["other", "release status", "not yet released"],
    ]);
    const before = new Date();
    h.expectOk(
      await h.actions.applyImportAction(null, h.form({ ...source, decisions: acceptAll(view) })),
    );
    const [model] = await h.t.db.select().from(models).where(eq(models.slug, "qwen3-98b"));
    expect(model?.status).toBe("announced");
    expect(model?.checkedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    // Its create revision records it as announced (no unlogged change afterwards).
    const [created] = await h.t.db
      .select()
      .from(revisions)
      .where(and(eq(revisions.entityType, "model"), eq(revisions.entityId, model?.id as number)));
    expect((created?.after as { status?: string } | undefined)?.status).toBe("announced");
    // Reading the same card again changes nothing, but the model is checked again.
    await new Promise((r) => setTimeout(r, 20));
    const again = h.expectOk(
      await h.actions.applyImportAction(
        null,
        h.form({
          mode: "existing",
          sourceSlug: "qwen3-98b-card",
          model: "qwen3-98b",
          subject: "qwen3",
          decisions: acceptAll(view),
        }),
      ),
    );
    expect(again.created).toBe(0);
    const [rechecked] = await h.t.db.select().from(models).where(eq(models.slug, "qwen3-98b"));
    expect(rechecked?.checkedAt.getTime()).toBeGreaterThan(model?.checkedAt.getTime() as number);
    expect(rechecked?.updatedAt.getTime()).toBe(model?.updatedAt.getTime());
  });

  it("refuses bad input with a clear message and stores nothing", async () => {
    await h.signInAs("alice");
    const before = await h.revisionCount();
    const bad = async (values: Record<string, string>) => {
      const r = await h.actions.proposeImportAction(null, h.form(values));
      if (r.ok) throw new Error("accepted");
      return r;
    };
    expect(
      (
        await bad({
          ...newSource,
          slug: "bad-json",
          text: '{"num_hidden_layers": 4,',
          format: "json",
        })
      ).error,
    ).toMatch(/could not be read: the JSON is malformed/);
    expect(
      (await bad({ ...newSource, slug: "no-facts", text: "A page about nothing." })).error,
    ).toMatch(/found no facts/);
    const taken = await bad({ ...newSource, slug: "github-openai-gpt-oss-readme" });
    expect(taken.fieldErrors?.slug).toBeDefined();
    // The form comes back as it was sent: nothing typed is lost.
    expect(taken.values?.text).toBe(CARD);
    const mirror = await bad({ ...newSource, slug: "m", tier: "mirror" });
    expect(mirror.fieldErrors?.mirrorOf).toBeDefined();
    // A decision naming a candidate the document does not yield.
    const stale = await h.actions.applyImportAction(
      null,
      h.form({
        ...newSource,
        slug: "stale",
        decisions: JSON.stringify({ nope: { decision: "accept", reason: "x" } }),
      }),
    );
    expect(stale.ok === false && stale.error).toMatch(/does not yield/);
    // A correction that says more than the quote.
    const view = await propose({ ...newSource, slug: "overreach" });
    const key = view.candidates.find((c) => c.field === "total_params")?.key as string;
    const over = await h.actions.applyImportAction(
      null,
      h.form({
        ...newSource,
        slug: "overreach",
        decisions: JSON.stringify({
          [key]: { decision: "accept", reason: "x", edit: { valueText: "999B" } },
        }),
      }),
    );
    expect(over.ok === false && over.error).toMatch(/refused .*number not in quote: 999/);
    expect(await h.revisionCount()).toBe(before);
  });
});

h.readModelStaysInStep();
