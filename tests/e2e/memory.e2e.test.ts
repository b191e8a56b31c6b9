import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launch, newPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const get = (path: string) => fetch(`${baseURL()}${path}`);

type Estimate = {
  weightsBytes: number;
  kvCacheBytes: number;
  overheadBytes: number;
  totalBytes: number;
  formula: { part: string; formula: string; bytes: number }[];
  inputs: { field: string; value: number | string; text: string; claimId: number }[];
};

describe("memory estimate API", () => {
  it("gives each part, the formula and inputs that are claims stating those values", async () => {
    const res = await get(
      "/api/models/qwen3-30b-a3b/memory?context=32768&format=FP8&kvFormat=FP8&batch=2",
    );
    expect(res.status).toBe(200);
    const e = (await res.json()) as Estimate;
    expect(
      Math.abs(e.totalBytes - (e.weightsBytes + e.kvCacheBytes + e.overheadBytes)),
    ).toBeLessThanOrEqual(2);
    // 48 layers × 4 KV heads × 128 dims × 2 (K and V) × 1 byte × 32,768 tokens × 2 sequences.
    expect(e.kvCacheBytes).toBe(2 * 48 * 4 * 128 * 32768 * 2);
    expect(e.formula.map((f) => f.part)).toContain("key/value cache");
    for (const input of e.inputs) {
      const claim = (await (await get(`/api/claims/${input.claimId}`)).json()) as {
        claim: { field: string; valueText: string };
      };
      expect(claim.claim.field).toBe(input.field);
      expect(claim.claim.valueText).toBe(input.text);
    }
    expect(e.inputs.map((i) => i.field)).toEqual(
      expect.arrayContaining(["total_params", "layers", "kv_heads", "head_dim", "vocab_size"]),
    );
  });

  it("names a bad parameter (400) and the inputs no source states (422)", async () => {
    const bad = await get("/api/models/qwen3-30b-a3b/memory?context=lots");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ parameter: "context" });
    const unknown = await get("/api/models/qwen3-30b-a3b/memory?ctx=4096");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ parameter: "ctx" });
    const format = await get("/api/models/qwen3-30b-a3b/memory?format=INT3");
    expect(((await format.json()) as { error: string }).error).toMatch(
      /format=“INT3”: use one of BF16/,
    );
    const missing = await get("/api/models/olmo-2-7b/memory");
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ missing: ["key/value heads"] });
    expect((await get("/api/models/no-such-model/memory")).status).toBe(404);
  });
});

describe("memory page", () => {
  it("shows the estimate, its formula, the chart with measured points, and cites each input", async () => {
    const page = await newPage(browser);
    await page.goto("/models/qwen3-30b-a3b/memory?context=30720");
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).first().innerText())
      .toMatch(/GB at 30,720 tokens/);
    expect(await page.locator("#h-estimate").locator("xpath=..").innerText()).toContain(
      "2 × 48 layers × 4 KV heads × 128 head dim × 30,720 tokens × 2 bytes",
    );
    // The sources' measured points are drawn beside the estimate lines.
    await page.locator("[data-chart=memory] .recharts-scatter-symbol").first().waitFor();
    expect(await page.locator("[data-chart=memory] .recharts-line").count()).toBeGreaterThanOrEqual(
      2,
    );
    // The measured table compares each single-GPU figure with the estimate.
    const measured = await page.locator("#h-measured").locator("xpath=..").innerText();
    expect(measured).toMatch(/58462 MB = 61\.3 GB/);
    // An input opens its passage.
    await page.getByRole("link", { name: "Passage for layers" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.locator("mark").innerText()).toContain("48");
  });

  it("keeps its state in the URL and says what is missing instead of a number", async () => {
    const page = await newPage(browser);
    await page.goto("/models/gpt-oss-120b/memory");
    await page.locator("select[name=format]").selectOption("MXFP4");
    await page.locator("input[name=context]").fill("128K");
    await page.locator("select[name=budget]").selectOption("80");
    await page.getByRole("button", { name: "Estimate" }).click();
    await page.waitForURL(/format=MXFP4/);
    expect(page.url()).toMatch(/context=128K/);
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/GB at 131,072 tokens/);
    expect(text).toContain("Fits in 80 GB GPU");
    expect(text).toContain("min(128, 131,072) tokens"); // sliding layers hold the window
    await page.goto("/models/olmo-2-7b/memory");
    expect(await page.locator("main").innerText()).toMatch(
      /No stored source states:\s*key\/value heads/,
    );
  });
});
