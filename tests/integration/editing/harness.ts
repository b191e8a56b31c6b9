/*
 * The server actions, called as Next would call them: FormData in, ActionResult out. "@/db" is
 * pointed at the test file's fresh, seeded database and the cookie jar is a plain map. Each
 * editing test file imports this first; its vi.mock calls are hoisted above the app's imports.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMaintainer, signIn } from "@/db/accounts";
import { findCatalogDrift } from "@/db/catalog-index";
import type { ActionResult } from "@/db/domain/result";
import { claims, models, revisions, sources } from "@/db/schema";
import { seed } from "@/seed/index";
import { createTestDb, type TestDb } from "../../helpers/test-db";
import { state } from "./state";

// The factories load the shared state themselves: vi.mock is hoisted above every import.
vi.mock("@/db", async () => {
  const { state } = await import("./state");
  return {
    get db() {
      return state.db;
    },
  };
});
vi.mock("next/headers", async () => {
  const { state } = await import("./state");
  return {
    cookies: async () => ({
      get: (name: string) =>
        state.cookies.has(name) ? { name, value: state.cookies.get(name) } : undefined,
      set: (name: string, value: string) => state.cookies.set(name, value),
      delete: (opts: { name: string } | string) =>
        state.cookies.delete(typeof opts === "string" ? opts : opts.name),
    }),
    headers: async () => new Headers({ "x-forwarded-for": state.address }),
  };
});
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
}));

export const actions = await import("@/app/maintain/actions");
export const { SESSION_COOKIE } = await import("@/db/queries/session");

export const PASSWORD = "a long enough password";

/** The file's database, seeded, with maintainers alice and bob; closed after the file. */
export const t = {} as TestDb;
beforeAll(async () => {
  Object.assign(t, await createTestDb());
  state.db = t.db;
  await seed(t.db);
  await createMaintainer(t.db, "alice", PASSWORD);
  await createMaintainer(t.db, "bob", PASSWORD);
});
afterAll(async () => t.close?.());

export async function signInAs(name: string) {
  const r = await signIn(t.db, { name, password: PASSWORD, address: "198.51.100.1" });
  if (!r.ok) throw new Error(r.error);
  state.cookies.set(SESSION_COOKIE, r.token);
}
export const signOut = () => state.cookies.clear();

export function form(values: Record<string, string | number | null | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null) f.set(k, String(v));
  return f;
}

export async function sourceId(slug: string) {
  const [s] = await t.db.select().from(sources).where(eq(sources.slug, slug));
  return s?.id as number;
}
export async function modelId(slug: string) {
  const [m] = await t.db.select().from(models).where(eq(models.slug, slug));
  return m?.id as number;
}
export async function claim(id: number) {
  const [c] = await t.db.select().from(claims).where(eq(claims.id, id));
  if (!c) throw new Error(`no claim ${id}`);
  return c;
}
export const revisionCount = () => t.db.$count(revisions);

export async function newClaimForm(overrides: Record<string, string | number> = {}) {
  return form({
    modelId: await modelId("gpt-oss-20b"),
    field: "other",
    label: "recommended activation precision",
    valueText: "BF16",
    provenance: "publisher",
    sourceId: await sourceId("github-openai-gpt-oss-readme"),
    // Typed with straight quotes and odd spacing; the source has the passage exactly once.
    quote: "We also recommend using BF16   as the activation precision for the model.",
    ...overrides,
  });
}

export function expectOk<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

/** Last in each file: the catalog's read model still equals a fresh computation after its edits. */
export function readModelStaysInStep() {
  describe("the catalog's read model", () => {
    it("equals a fresh computation from the claims after every edit in this file", async () => {
      expect(await findCatalogDrift(t.db)).toEqual([]);
    });
  });
}
