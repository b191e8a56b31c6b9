import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuantity } from "@/db/domain/values";
import { parseCsv } from "../helpers/csv";
import { baseURL, launch, newPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** The visible text of one column, row by row, located by its header. */
async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = await page.locator("table thead th").allInnerTexts();
  const index = headers.findIndex((h) => h.startsWith(header));
  expect(index, `column ${header}`).toBeGreaterThan(0);
  return page.locator(`table tbody tr > :nth-child(${index + 1})`).allInnerTexts();
}

const rowNames = (page: Page) => page.locator("table tbody tr th[scope=row] a").allInnerTexts();

describe("catalog table", () => {
  it("sorts a column numerically, biggest first, unknowns last", async () => {
    const page = await newPage(browser);
    await page.goto("/");
    await page.getByRole("link", { name: /^Total params/ }).click();
    await page.waitForURL(/sort=total_params\.desc/);
    // The seed's largest stated count is GLM-5's 744B; the importer's browser test may have
    // added Kimi K2.5's 1T first (the e2e files share one database).
    await expect
      .poll(async () => (await columnTexts(page, "Total params"))[0])
      .toMatch(/^(744B|1T)/);
    const texts = await columnTexts(page, "Total params");
    const values = texts.map((t) =>
      t.includes("not stated")
        ? null
        : (parseQuantity(t.replace(/^[≈≥≤]\s*/, ""), "count")?.value ?? null),
    );
    const known = values.filter((v): v is number => v !== null);
    expect(known.length).toBeGreaterThan(10);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    // Every unknown comes after every known value.
    const firstUnknown = values.indexOf(null);
    if (firstUnknown >= 0) expect(values.slice(firstUnknown).every((v) => v === null)).toBe(true);
    await expect
      .poll(() => page.locator("th[aria-sort=descending]").innerText())
      .toMatch(/Total params/);
  });

  it("filters to mixture-of-experts models, and the URL reproduces the view", async () => {
    const page = await newPage(browser);
    await page.goto("/");
    await page.getByRole("combobox", { name: "Architecture" }).selectOption("moe");
    await page.waitForURL(/arch=moe/);
    await expect.poll(async () => (await rowNames(page)).length).toBeLessThan(20);
    await expect.poll(async () => rowNames(page)).toContain("gpt-oss-120b");
    const names = await rowNames(page);
    expect(names).toContain("gpt-oss-120b");
    expect(names).toContain("DeepSeek-V3");
    expect(names).not.toContain("Llama 3.3 70B");
    const api = (await (await fetch(`${baseURL()}/api/models?arch=moe`)).json()) as {
      models: { name: string }[];
    };
    expect(names.sort()).toEqual(api.models.map((m) => m.name).sort());

    const shared = await newPage(browser);
    await shared.goto(page.url());
    expect((await rowNames(shared)).sort()).toEqual(names.sort());
  });

  it("opens a citation and lands on the highlighted passage in the stored source", async () => {
    const page = await newPage(browser);
    await page.goto("/?q=gpt-oss");
    await page
      .getByRole("link", {
        name: "cite source for gpt-oss-120b Total params: openai/gpt-oss README",
      })
      .click();
    const dialog = page.getByRole("dialog");
    await expect
      .poll(() => dialog.getByRole("heading", { level: 2 }).innerText())
      .toBe("gpt-oss-120b: Total parameters");
    expect(await dialog.locator("mark").innerText()).toContain(
      "117B parameters with 5.1B active parameters",
    );
    expect(await dialog.innerText()).toMatch(/2 sources differ/);
    await dialog.getByRole("link", { name: "Passage in our stored copy" }).click();
    await page.waitForURL(/\/sources\/github-openai-gpt-oss-readme#claim-\d+$/);
    const target = page.locator("mark.cited.is-target").first();
    await expect.poll(() => target.count()).toBeGreaterThan(0);
    expect(await target.innerText()).toContain("117B parameters");
    const box = await target.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y >= 0 && box.y < viewport.height).toBe(true);
  });

  it("closes the citation dialog with Escape and returns focus to the marker", async () => {
    const page = await newPage(browser);
    await page.goto("/?q=llama");
    const marker = page.getByRole("link", { name: /^cite source for Llama 4 Scout Context/ });
    await marker.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("dialog").isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("dialog").innerText()).toContain("10M");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog").isVisible()).toBe(false);
    // The marker is named by its aria-label (its visible text is "cite").
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(
      /Llama 4 Scout Context/,
    );
  });

  it("compares two models picked from the table", async () => {
    const page = await newPage(browser);
    // The catalog runs to several pages now: both models are above 100B.
    await page.goto("/?minParams=100B");
    await page.getByLabel("Compare gpt-oss-120b").check();
    await page.getByLabel("Compare Llama 4 Scout").check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await page.waitForURL(/\/compare\?models=gpt-oss-120b&models=llama-4-scout/);
    const headers = await page.locator("table thead th").allInnerTexts();
    expect(headers.join(" ")).toMatch(/gpt-oss-120b[\s\S]*Llama 4 Scout/);
    const totalRow = await page.getByRole("row", { name: /Total params/ }).innerText();
    expect(totalRow).toMatch(/117B[\s\S]*109B/);
    expect(totalRow).toMatch(/differs/);
  });

  it("downloads the CSV, one row per claim with its quote and source", async () => {
    const page = await newPage(browser, { acceptDownloads: true });
    await page.goto("/?family=gemma");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    const rows = parseCsv(readFileSync((await download.path()) as string, "utf8"));
    const [header, ...body] = rows;
    expect(header?.slice(0, 5)).toEqual([
      "model_slug",
      "model_name",
      "claim_id",
      "family_slug",
      "field",
    ]);
    const api = (await (await fetch(`${baseURL()}/api/models?family=gemma`)).json()) as {
      models: { claims: unknown[] }[];
    };
    expect(body.length).toBe(api.models.reduce((n, m) => n + m.claims.length, 0));
    const quoteAt = header?.indexOf("quote") ?? -1;
    expect(body.every((r) => (r[quoteAt] ?? "").length > 0)).toBe(true);
    expect(new Set(body.map((r) => r[0]))).toEqual(
      new Set([
        "gemma-3-1b",
        "gemma-3-4b",
        "gemma-3-12b",
        "gemma-3-27b",
        "gemma-2-2b",
        "gemma-2-9b",
        "gemma-2-27b",
        "gemma-4-31b",
        "gemma-4-26b-a4b",
      ]),
    );
  });

  it("works without JavaScript: sort links and filters are plain navigation", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto("/");
    await page.getByRole("link", { name: /^Context/ }).click();
    await page.waitForURL(/sort=context_window\.desc/);
    expect((await rowNames(page))[0]).toBe("Llama 4 Scout");
    // The citation marker falls back to the claim page.
    await page.getByRole("link", { name: /^cite source for Llama 4 Scout Context/ }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("Llama 4 Scout");
  });

  it("explains ignored parameters instead of failing", async () => {
    const page = await newPage(browser);
    const res = await page.goto("/?minParams=lots&sort=sideways&arch=quantum");
    expect(res?.status()).toBe(200);
    const status = await page.getByRole("status").innerText();
    expect(status).toMatch(/minParams=“lots” was ignored/);
    expect(status).toMatch(/arch=“quantum” was ignored/);
  });

  it("shows the last page, and says so, for a page past the end", async () => {
    const page = await newPage(browser);
    const res = await page.goto("/?page=40");
    expect(res?.status()).toBe(200);
    await expect
      .poll(() => page.getByRole("status").innerText())
      .toMatch(/page=40 is past the last page/);
    expect((await rowNames(page)).length).toBeGreaterThan(0);
  });

  it("answers unknown slugs with the 404 page", async () => {
    const page = await newPage(browser);
    for (const path of [
      "/models/no-such-model",
      "/sources/no-such-source",
      "/claims/987654",
      "/claims/not-a-number",
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Not found");
    }
  });
});
