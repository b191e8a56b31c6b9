import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzippedScriptBytes } from "../helpers/chromium";
import { baseURL, launch } from "./browser";

/*
 * JavaScript byte budgets, gzipped, per route, against the framework floor (/about: the same
 * layout with no client components of ours). Bytes of a given build are deterministic.
 */
const KB = 1024;
const BUDGETS: Record<string, number> = {
  "/": 60 * KB,
  "/charts": 160 * KB,
  "/models/qwen3-30b-a3b/memory": 160 * KB,
  "/models/gpt-oss-120b": 60 * KB,
  "/compare?models=gpt-oss-120b,gpt-oss-20b": 60 * KB,
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const gzippedJs = (path: string) => gzippedScriptBytes(browser, `${baseURL()}${path}`);

describe("JavaScript budgets (gzipped, over the framework floor)", () => {
  it("keeps every route within its budget", async () => {
    const floor = await gzippedJs("/about");
    const lines = [`floor (/about): ${(floor / KB).toFixed(1)} KB`];
    for (const [path, budget] of Object.entries(BUDGETS)) {
      const bytes = await gzippedJs(path);
      lines.push(
        `${path}: ${(bytes / KB).toFixed(1)} KB (floor + ${((bytes - floor) / KB).toFixed(1)} KB, budget + ${budget / KB} KB)`,
      );
      expect(bytes - floor, path).toBeLessThanOrEqual(budget);
    }
    console.log(lines.join("\n"));
  });
});
