import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launch, newPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe("security headers", () => {
  it.each([
    "/",
    "/models/gpt-oss-120b",
    "/charts",
    "/maintain/sign-in",
    "/api/models",
    "/models/no-such-model",
  ])("%s carries a strict CSP and the other headers", async (path) => {
    const res = await fetch(`${baseURL()}${path}`, { redirect: "manual" });
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("gives each response a fresh nonce, and every script in the page carries it", async () => {
    const a = await fetch(`${baseURL()}/`);
    const b = await fetch(`${baseURL()}/`);
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    expect(nonceOf(a.headers.get("content-security-policy"))).not.toBe(
      nonceOf(b.headers.get("content-security-policy")),
    );
    const html = await a.text();
    const nonce = nonceOf(a.headers.get("content-security-policy"));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("pages run under the policy without a single violation", async () => {
    const page = await newPage(browser);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    for (const path of [
      "/",
      "/charts",
      "/compare?models=gpt-oss-120b,gpt-oss-20b",
      "/sources/github-openai-gpt-oss-readme#claim-1",
    ]) {
      await page.goto(path, { waitUntil: "networkidle" });
    }
    // Hydrated: the citation dialog opens (it needs JavaScript).
    await page.goto("/");
    await page.getByRole("link", { name: /^cite source for gpt-oss-120b Total params/ }).click();
    await expect.poll(() => page.getByRole("dialog").isVisible()).toBe(true);
    expect(violations).toEqual([]);
  });

  it("renders source text as text: markup in a stored source cannot run", async () => {
    const page = await newPage(browser);
    let dialogs = 0;
    page.on("dialog", async (d) => {
      dialogs++;
      await d.dismiss();
    });
    // The gpt-oss README contains raw HTML (<img>, <a>); it must show as characters.
    await page.goto("/sources/github-openai-gpt-oss-readme");
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.locator("main").innerText()).toContain(
      '<img alt="gpt-oss-120" src="./docs/gpt-oss.svg">',
    );
    expect(dialogs).toBe(0);
  });
});
