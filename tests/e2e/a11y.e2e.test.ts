import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, newPage, seriousViolations } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const PAGES = [
  "/",
  "/?arch=moe&sort=total_params.desc",
  "/models/gpt-oss-120b",
  "/models/gemma-2-2b",
  "/models/llama",
  "/compare?models=gpt-oss-120b,qwen3-30b-a3b",
  "/sources",
  "/sources/github-openai-gpt-oss-readme",
  "/claims/1",
  "/models/no-such-model",
  "/changes",
  "/charts",
  "/models/qwen3-30b-a3b/memory",
  "/models/olmo-2-7b/memory",
  "/maintain/sign-in",
];

describe("accessibility (axe-core, WCAG 2.1 A/AA)", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const path of PAGES) {
      it(`${path} (${scheme}) has no serious or critical violations`, async () => {
        const page = await newPage(browser, { colorScheme: scheme });
        await page.goto(path);
        const violations = await seriousViolations(page);
        expect(
          violations.map(
            (v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
          ),
        ).toEqual([]);
      });
    }
  }

  it("the open citation dialog has no serious or critical violations", async () => {
    const page = await newPage(browser);
    await page.goto("/?q=gpt-oss");
    await page.getByRole("link", { name: /^cite source for gpt-oss-120b Total params/ }).click();
    await expect.poll(() => page.getByRole("dialog").innerText()).toContain("117B");
    expect((await seriousViolations(page)).map((v) => v.id)).toEqual([]);
  });
});
