import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createMaintainer, signIn } from "@/db/accounts";
import { rowsOf } from "@/db/client";
import { models } from "@/db/schema";
import * as h from "./harness";

/* The data version the page cache is keyed by: moved by every public write, and only by those. */

describe("the data version (what the page cache is keyed by)", () => {
  const version = async () => {
    const [row] = rowsOf<{ v: string }>(
      await h.t.db.execute(sql`select version::text as v from data_version`),
    );
    return Number(row?.v);
  };

  it("moves with every write the public pages show, whoever makes it", async () => {
    const v0 = await version();
    await h.signInAs("alice");
    h.expectOk(
      await h.actions.createClaimAction(
        null,
        await h.newClaimForm({ label: "activation precision (data version)" }),
      ),
    );
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    // A write from outside the app (psql, a script) moves it too: the triggers see every table.
    await h.t.db
      .update(models)
      .set({ name: sql`${models.name}` })
      .where(eq(models.slug, "gpt-oss-20b"));
    expect(await version()).toBeGreaterThan(v1);
  });

  it("stays put for sign-ins, refused edits and rolled-back transactions", async () => {
    await createMaintainer(h.t.db, "carol", h.PASSWORD);
    const v0 = await version();
    h.signOut();
    const refused = await h.actions.createClaimAction(null, await h.newClaimForm());
    expect(refused.ok).toBe(false);
    // Sessions and sign-in attempts are written; neither is shown on a public page.
    const signedIn = await signIn(h.t.db, {
      name: "carol",
      password: h.PASSWORD,
      address: "203.0.113.9",
    });
    expect(signedIn.ok).toBe(true);
    await expect(
      h.t.db.transaction(async (tx) => {
        await tx
          .update(models)
          .set({ name: sql`${models.name}` })
          .where(eq(models.slug, "gpt-oss-20b"));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await version()).toBe(v0);
  });
});

h.readModelStaysInStep();
