import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseURL, launch, newPage, seriousViolations } from "./browser";

/*
 * Sources that change (issue 16), as a reader and a maintainer meet them. The Llama 4 card is
 * stored with its four versions; the seed's claims were read on version 2 and versions 3 and 4
 * changed some passages, so some claims wait for review. The maintainer part adds a version to
 * the Llama 3.3 card (no other browser test reads it) and answers one waiting Llama 4 claim.
 */
const LLAMA4 = "github-meta-llama-llama4-model-card";
const LLAMA33 = "github-meta-llama-llama3-3-model-card";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

type ApiSource = {
  versions: { number: number; sha256: string }[];
  text: string;
  version: number;
  claims: { id: number; version: number; newest: boolean; waiting: boolean }[];
};
const api = async (path: string) => (await fetch(new URL(path, baseURL()))).json();

describe("a reader and a changed source", () => {
  it("lists the versions, shows a difference as insertions and deletions, and marks claims behind", async () => {
    const page = await newPage(browser);
    await page.goto(`/sources/${LLAMA4}`);
    await page.getByText("Versions (4)").waitFor();
    expect(
      await page.getByRole("heading", { name: "Claims checked against other versions" }).count(),
    ).toBe(1);
    await page.getByRole("link", { name: "what changed" }).first().click();
    await page.waitForURL(/\?from=\d+&to=4$/);
    await page
      .getByRole("heading", { name: /What changed from version \d+ to version 4/ })
      .waitFor();
    // A client-side navigation sets the title a moment after the content: axe reads both.
    await page.waitForFunction(() => document.title.includes("→"));
    expect(await page.locator("del.diff-del").count()).toBeGreaterThan(0);
    expect(await page.locator("ins.diff-ins").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("a claim on an older version says so, and the API names each claim's version", async () => {
    const source = (await api(`/api/sources/${LLAMA4}`)) as ApiSource;
    expect(source.versions.map((v) => v.number)).toEqual([1, 2, 3, 4]);
    expect(source.version).toBe(4);
    const behind = source.claims.find((c) => !c.newest);
    expect(behind?.waiting).toBe(true);
    const old = (await api(`/api/sources/${LLAMA4}?version=${behind?.version}`)) as ApiSource;
    expect(old.version).toBe(behind?.version);
    expect(old.text).not.toBe(source.text);
    expect((await fetch(new URL(`/api/sources/${LLAMA4}?version=9`, baseURL()))).status).toBe(404);
    expect((await fetch(new URL(`/api/sources/${LLAMA4}?version=x`, baseURL()))).status).toBe(400);
    const page = await newPage(browser);
    await page.goto(`/claims/${behind?.id}`);
    await page.getByText("The source has changed here since").waitFor();
    await page.getByRole("link", { name: "Passage in stored copy" }).click();
    await page.waitForURL(new RegExp(`\\?version=${behind?.version}#claim-${behind?.id}$`));
    await page.getByText(`This is version ${behind?.version}, not the newest`).waitFor();
    await page.close();
  });
});

async function signIn(page: Page, next: string) {
  const { name, password } = inject("maintainer");
  await page.goto(`/maintain/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === next.split("?")[0]);
}

describe("a maintainer and a changed source", () => {
  it("uploads a new version: claims are carried, the feed and the change log say so", async () => {
    const page = await newPage(browser);
    await signIn(page, `/maintain/sources/${LLAMA33}/versions/new`);
    const before = (await api(`/api/sources/${LLAMA33}`)) as ApiSource;
    await page.getByLabel("Upload the new text (UTF-8)").setInputFiles({
      name: "MODEL_CARD.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(`${before.text}\nA line added in a later commit.\n`, "utf8"),
    });
    await page.getByLabel("Date of this version (YYYY-MM-DD)").fill("2026-11-01");
    await page.getByRole("button", { name: "Add version" }).click();
    await page
      .getByText(/Version 2 added: \d+ claims carried, 0 moved, 0 proposed, 0 orphaned\./)
      .waitFor();
    const after = (await api(`/api/sources/${LLAMA33}`)) as ApiSource;
    expect(after.versions).toHaveLength(2);
    expect(after.claims.every((c) => c.version === 2)).toBe(true);
    await page.goto("/changes");
    await page.getByRole("heading", { name: "Source updates" }).waitFor();
    expect(await page.getByText("version 2", { exact: false }).count()).toBeGreaterThan(0);
    const feed = await (await fetch(new URL("/changes/feed.xml", baseURL()))).text();
    expect(feed).toContain("Source updated:");
    await page.close();
  });

  it("answers a waiting claim from the queue, and the review is closed", async () => {
    const page = await newPage(browser);
    await signIn(page, "/maintain/review");
    await page.getByRole("heading", { name: /Llama 4 Model Card/ }).waitFor();
    await page
      .getByRole("link", { name: /^Review claim #/ })
      .first()
      .click();
    await page.waitForURL(/\/maintain\/review\/\d+$/);
    await page.getByRole("heading", { name: /The passage as quoted/ }).waitFor();
    await page.waitForFunction(() => document.title.startsWith("Review a claim"));
    expect(await seriousViolations(page)).toEqual([]);
    const accept = page.getByRole("button", { name: "Accept" });
    // An orphaned claim has nothing to accept: retiring is the answer left.
    const proposed = (await accept.count()) > 0;
    await (proposed ? accept : page.getByRole("button", { name: "Retire" })).click();
    // The page shows the review closed, by whom, and offers no more answers.
    await page.getByText(new RegExp(`Closed: ${proposed ? "accepted" : "retired"} by `)).waitFor();
    expect(await page.getByRole("button", { name: "Retire" }).count()).toBe(0);
    await page.close();
  });
});
