import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sources } from "@/db/schema";
import * as h from "./harness";

/* Adding sources and models from the maintainer forms. */

describe("sources and models", () => {
  it("adds a source from pasted text; then a claim can quote it", async () => {
    await h.signInAs("alice");
    const text = "Example model card.\r\nExampleLM has 3B parameters and a 4K context.";
    const { slug } = h.expectOk(
      await h.actions.createSourceAction(
        null,
        h.form({
          slug: "example-card",
          title: "Example card",
          kind: "model_card",
          tier: "primary",
          text,
          url: "",
        }),
      ),
    );
    const [src] = await h.t.db.select().from(sources).where(eq(sources.slug, slug));
    expect(src?.text).toBe("Example model card.\nExampleLM has 3B parameters and a 4K context.");
    expect(src?.url).toBeNull();
    expect(src?.retrievedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const { slug: model } = h.expectOk(
      await h.actions.createModelAction(
        null,
        h.form({ slug: "examplelm", name: "ExampleLM", kind: "model", developer: "Example Org" }),
      ),
    );
    const { id } = h.expectOk(
      await h.actions.createClaimAction(
        null,
        h.form({
          modelId: await h.modelId(model),
          field: "total_params",
          valueText: "3B",
          provenance: "publisher",
          sourceId: src?.id,
          quote: "ExampleLM has 3B parameters",
          rank: "preferred",
        }),
      ),
    );
    expect((await h.claim(id)).valueNum).toBe(3e9);
  });

  it("refuses bad source input without storing anything", async () => {
    await h.signInAs("alice");
    const r = await h.actions.createSourceAction(
      null,
      h.form({
        slug: "Bad Slug!",
        title: "",
        kind: "tweet",
        tier: "primary",
        text: "",
        url: "javascript:alert(1)",
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
        "kind",
        "slug",
        "text",
        "title",
        "url",
      ]);
    expect(await h.t.db.$count(sources, eq(sources.slug, "bad-slug"))).toBe(0);
  });
});

describe("slug rules match the database's", () => {
  it("refuses a source slug with a dot as a field error, as the database would", async () => {
    await h.signInAs("alice");
    const r = await h.actions.createSourceAction(
      null,
      h.form({ slug: "1.5e-323", title: "Fuzz", kind: "blog", tier: "press", text: "fuzz text" }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.slug?.[0]).toMatch(/hyphens/);
  });
});

h.readModelStaysInStep();
