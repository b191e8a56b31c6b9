import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newPage, seriousViolations } from "./browser";

/*
 * Adding a model is a maintainer's minutes: sign in, import its card through the web importer,
 * accept the proposals, find the model in the table with its citations. The card is the
 * publisher's own README of a 2026 release (Kimi K2.5, verbatim at a pinned commit), the seed's
 * own copy; the browser tests' database is seeded without Kimi K2.5 (global-setup.ts), so the
 * test adds it as a maintainer would and finds what the seed's reviewed import finds.
 */
const STORED = readFileSync(
  new URL("../../seed/sources/current/docs/moonshot-Kimi-K2.5-README.md.txt", import.meta.url),
  "utf8",
);
const CARD = STORED.slice(STORED.indexOf("\n-----\n") + "\n-----\n".length);
/** The candidates the seed's review decided from the same card (seed/decisions/). */
const SEED_CANDIDATES = Object.values(
  (
    JSON.parse(
      readFileSync(
        new URL(
          "../../seed/decisions/current--docs--moonshot-Kimi-K2.5-README.md.json",
          import.meta.url,
        ),
        "utf8",
      ),
    ) as { decisions: Record<string, { decision: string }> }
  ).decisions,
).length;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function signIn(page: Page) {
  const { name, password } = inject("maintainer");
  await page.goto("/maintain/sign-in?next=%2Fmaintain%2Fimport");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/maintain\/import$/);
}

describe("the web importer", () => {
  it("imports a new model's card, and the model is in the table with its citations", async () => {
    const page = await newPage(browser);
    const steps: string[] = [];
    let t = Date.now();
    const step = (name: string) => {
      steps.push(`${name}: ${Date.now() - t} ms`);
      t = Date.now();
    };
    await signIn(page);
    step("sign in");

    await page.getByLabel("A new source (paste or upload)").check();
    await page.getByLabel("Title *").fill("MoonshotAI/Kimi-K2.5 README.md");
    await page.getByLabel("Id (for its address) *").fill("kimi-k2-5-readme-e2e");
    await page.getByLabel("Publisher", { exact: true }).fill("Moonshot AI");
    await page
      .getByLabel("URL", { exact: true })
      .fill(
        "https://github.com/MoonshotAI/Kimi-K2.5/blob/48b53bfa88c8cf7bf7cd568c485b6784e5199b7e/README.md",
      );
    await page.getByLabel("Kind", { exact: true }).selectOption("readme");
    await page.getByLabel("Full text *").fill(CARD);
    await page.getByLabel("The document's own model (slug)").fill("kimi-k2.5");
    await page.getByLabel("Its name, if new").fill("Kimi K2.5");
    await page.getByLabel("Family word for new models").fill("kimi");
    await page.getByRole("button", { name: "Find the facts" }).click();
    const heading = page.getByRole("heading", { name: /candidates from kimi-k2-5-readme-e2e/ });
    await heading.waitFor({ timeout: 30_000 });
    step("find the facts");
    expect(await heading.innerText()).toMatch(/^\d+ candidates/);
    // Each candidate shows its passage highlighted.
    expect(await page.locator("mark").first().innerText()).toMatch(/\S/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Accept all new" }).click();
    const save = page.getByRole("button", { name: /^Save \d+ accepted$/ });
    const accepted = Number((await save.innerText()).match(/\d+/)?.[0]);
    // The web path proposes what the seed's import of the same card found (the seed's reviewer
    // then rejected some with reasons; this maintainer accepts every new one).
    expect(accepted).toBe(SEED_CANDIDATES);
    await save.click();
    await expect
      .poll(() => page.getByRole("status").last().innerText(), { timeout: 30_000 })
      .toContain(`Saved: ${accepted} claims, 1 new models`);
    step("accept all new and save");

    await page.goto("/?q=kimi");
    const row = page.getByRole("row", { name: /Kimi K2\.5/ });
    await row.waitFor();
    expect(await row.innerText()).toContain("1T");
    // The value cites its passage, one click away.
    expect(
      await row.getByRole("link", { name: "cite source for Kimi K2.5 Total params" }).count(),
    ).toBe(1);
    step("find it in the table");
    await page.goto("/models/kimi-k2.5");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Kimi K2.5");
    expect(await page.getByText("Mixture-of-Experts (MoE)").count()).toBeGreaterThan(0);
    step("open its page");
    console.log(`web import, step by step (client-observed): ${steps.join("; ")}`);
  });
});
