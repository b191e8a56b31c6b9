import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../helpers/csv";
import { baseURL, launch, newPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const CHARTS = ["fit", "params", "context", "memory", "benchmarks", "release"];

async function fitMarks(page: Page) {
  const rows = page.locator("#fit tbody tr");
  const out: Record<string, string> = {};
  // The table sits in a closed <details>: read its text content, not its rendered text.
  for (const r of await rows.all())
    out[((await r.locator("th").textContent()) ?? "").trim()] = (await r.getAttribute(
      "data-fits",
    )) as string;
  return out;
}

/** The JavaScript a page loads, concatenated. */
async function scriptsOf(page: Page, path: string): Promise<string> {
  const urls: string[] = [];
  page.on("request", (req) => {
    if (req.resourceType() === "script") urls.push(req.url());
  });
  await page.goto(path, { waitUntil: "networkidle" });
  const bodies = await Promise.all(urls.map(async (u) => (await fetch(u)).text()));
  return bodies.join("\n");
}

describe("charts", () => {
  it("renders every chart with the seeded data", async () => {
    const page = await newPage(browser);
    await page.goto("/charts");
    for (const id of CHARTS) {
      await expect
        .poll(() => page.locator(`[data-chart=${id}] svg.recharts-surface`).count(), {
          message: id,
        })
        .toBeGreaterThan(0);
      await expect
        .poll(
          () =>
            page
              .locator(
                `[data-chart=${id}] .recharts-bar-rectangle, [data-chart=${id}] .recharts-scatter-symbol`,
              )
              .count(),
          { message: id },
        )
        .toBeGreaterThan(0);
    }
  });

  it("opens a bar's citation when it is clicked", async () => {
    const page = await newPage(browser);
    await page.goto("/charts");
    const bar = page.locator("[data-chart=params] .recharts-bar-rectangle").first();
    await bar.waitFor();
    await bar.click();
    const dialog = page.getByRole("dialog");
    await expect
      .poll(() => dialog.getByRole("heading", { level: 2 }).innerText())
      .toMatch(/: Total parameters$/);
    expect(await dialog.locator("mark").innerText()).not.toBe("");
  });

  it("the memory controls change which models fit, with the estimate's parts and cited inputs", async () => {
    const page = await newPage(browser);
    await page.goto("/charts?gb=16&format=BF16&ctx=4096");
    const at16 = await fitMarks(page);
    expect(at16["gpt-oss-20b"]).toBe("no"); // 21B × 16 bits = 42 GB of weights alone
    expect(at16["Llama 3.2 1B"]).toBe("yes");
    await page.getByLabel("Weight format").selectOption("MXFP4");
    await page.getByRole("button", { name: "Check fit" }).click();
    await page.waitForURL(/format=MXFP4/);
    const atMxfp4 = await fitMarks(page);
    expect(atMxfp4["gpt-oss-20b"]).toBe("yes"); // 14.4 GB at 4,096 tokens
    expect(Object.values(atMxfp4).filter((v) => v === "yes").length).toBeGreaterThan(
      Object.values(at16).filter((v) => v === "yes").length,
    );
    const row =
      (await page.locator("#fit tbody tr", { hasText: "gpt-oss-20b" }).textContent()) ?? "";
    expect(row).toMatch(/weights [\d.]+ GB \+ cache [\d.]+ GB \+ overhead [\d.]+ GB = [\d.]+ GB/);
    expect(row).toContain("runs within 16GB of memory");
    // A longer context needs more: at 128K the same model no longer fits 16 GB.
    await page.goto("/charts?gb=16&format=MXFP4&ctx=128K");
    expect((await fitMarks(page))["gpt-oss-20b"]).toBe("no");
  });

  it("follows the catalog filters and offers a CSV of exactly what it plots", async () => {
    const page = await newPage(browser);
    await page.goto("/charts?arch=moe&gb=80&format=MXFP4");
    const names = Object.keys(await fitMarks(page));
    expect(names).toContain("DeepSeek-R1");
    expect(names).not.toContain("Gemma 3 4B");
    const href = (await page
      .locator("#fit")
      .getByRole("link", { name: "Download CSV of this chart" })
      .getAttribute("href")) as string;
    const [header, ...rows] = parseCsv(await (await fetch(`${baseURL()}${href}`)).text());
    expect(header?.[0]).toBe("model");
    expect(rows.map((r) => r[0]).sort()).toEqual([...names].sort());
  });

  it("ships recharts only to the charts page", async () => {
    const marker = "recharts-surface";
    expect(await scriptsOf(await newPage(browser), "/charts")).toContain(marker);
    expect(await scriptsOf(await newPage(browser), "/")).not.toContain(marker);
    expect(await scriptsOf(await newPage(browser), "/models/gpt-oss-120b")).not.toContain(marker);
  });
});
