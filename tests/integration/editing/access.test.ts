import { describe, expect, it } from "vitest";
import { signIn } from "@/db/accounts";
import type { ActionResult } from "@/db/domain/result";
import * as h from "./harness";
import { state } from "./state";

/* Only signed-in maintainers write: every action checks the session itself; sign-in is limited. */

describe("every write path refuses an unauthenticated call and writes nothing", () => {
  it("refuses each action without a session", async () => {
    h.signOut();
    const before = await h.revisionCount();
    const c = await h.claim(1);
    const calls: [string, Promise<ActionResult<unknown>>][] = [
      ["createClaim", h.actions.createClaimAction(null, await h.newClaimForm())],
      [
        "updateClaim",
        h.actions.updateClaimAction(
          null,
          h.form({ id: 1, baseRevision: c.revision, reason: "x y z" }),
        ),
      ],
      [
        "rankClaim",
        h.actions.rankClaimAction(
          null,
          h.form({ id: 1, baseRevision: c.revision, rank: "normal", reason: "because" }),
        ),
      ],
      [
        "retireClaim",
        h.actions.retireClaimAction(
          null,
          h.form({ id: 1, baseRevision: c.revision, reason: "because" }),
        ),
      ],
      [
        "revertClaim",
        h.actions.revertClaimAction(
          null,
          h.form({ id: 1, baseRevision: c.revision, toRevision: 1, reason: "because" }),
        ),
      ],
      [
        "createSource",
        h.actions.createSourceAction(
          null,
          h.form({ slug: "x-source", title: "X", kind: "blog", tier: "press", text: "hello" }),
        ),
      ],
      [
        "createModel",
        h.actions.createModelAction(
          null,
          h.form({ slug: "x-model", name: "X", kind: "model", developer: "X" }),
        ),
      ],
      [
        "updateModel",
        h.actions.updateModelAction(
          null,
          h.form({
            id: 1,
            baseRevision: 1,
            slug: "gpt-oss",
            name: "Y",
            kind: "family",
            developer: "Y",
            reason: "because",
          }),
        ),
      ],
    ];
    for (const [name, call] of calls) {
      const r = await call;
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error, name).toMatch(/Only signed-in maintainers/);
    }
    expect(await h.revisionCount()).toBe(before);
  });

  it("refuses a forged or revoked session token", async () => {
    state.cookies.set(h.SESSION_COOKIE, "forged-token");
    const r = await h.actions.createClaimAction(null, await h.newClaimForm());
    expect(r.ok).toBe(false);
    await h.signInAs("alice");
    const token = state.cookies.get(h.SESSION_COOKIE) as string;
    await expect(h.actions.signOutAction()).rejects.toMatchObject({
      to: "/maintain/sign-in?signedOut=1",
    });
    state.cookies.set(h.SESSION_COOKIE, token);
    const after = await h.actions.createClaimAction(null, await h.newClaimForm());
    expect(after.ok).toBe(false);
  });
});

describe("sign-in", () => {
  it("stores only a hash of the session token", async () => {
    const r = await signIn(h.t.db, { name: "alice", password: h.PASSWORD, address: "192.0.2.200" });
    if (!r.ok) throw new Error(r.error);
    expect(r.token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const rows = await h.t.db.execute(`select token_hash from sessions`);
    const hashes = JSON.stringify(rows);
    expect(hashes).not.toContain(r.token);
  });
});

h.readModelStaysInStep();
