import { createHash } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launch, newPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const HTML = { accept: "text/html" };
const HASHED = /script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+;/;
const NONCED = /script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic';/;

describe("security headers", () => {
  it.each([
    // Public pages come from the page cache: scripts allowed by their hashes.
    ["/", HASHED],
    ["/models/gpt-oss-120b", HASHED],
    ["/charts", HASHED],
    ["/models/no-such-model", HASHED],
    // Cached JSON has no scripts to allow.
    ["/api/models", /script-src 'self';/],
    // Everything else renders per request with a fresh nonce.
    ["/maintain/sign-in", NONCED],
    ["/api/models.csv", NONCED],
  ])("%s carries a strict CSP and the other headers", async (path, scriptSrc) => {
    // As a browser navigation asks (the page cache answers only requests for HTML).
    const res = await fetch(`${baseURL()}${path}`, { redirect: "manual", headers: HTML });
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(scriptSrc);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("gives each rendered response a fresh nonce, and every script in the page carries it", async () => {
    // The sign-in page is never cached (a made-up session cookie no longer skips the cache).
    const headers = HTML;
    const a = await fetch(`${baseURL()}/maintain/sign-in`, { headers });
    const b = await fetch(`${baseURL()}/maintain/sign-in`, { headers });
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    expect(a.headers.get("x-page-cache")).toBeNull();
    expect(nonceOf(a.headers.get("content-security-policy"))).not.toBe(
      nonceOf(b.headers.get("content-security-policy")),
    );
    const html = await a.text();
    const nonce = nonceOf(a.headers.get("content-security-policy"));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("a cached page's policy allows exactly its inline scripts, and carries no nonce", async () => {
    await fetch(`${baseURL()}/models/gpt-oss-20b`, { headers: HTML });
    const res = await fetch(`${baseURL()}/models/gpt-oss-20b`, { headers: HTML });
    expect(res.headers.get("x-page-cache")).toBe("hit");
    const html = await res.text();
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter((m) => !/\bsrc=/.test(m[1] ?? ""))
      .map(
        (m) =>
          `'sha256-${createHash("sha256")
            .update(m[2] ?? "")
            .digest("base64")}'`,
      );
    expect(inline.length).toBeGreaterThan(0);
    const listed = (res.headers.get("content-security-policy") ?? "").match(/'sha256-[^']+'/g);
    expect(new Set(listed)).toEqual(new Set(inline));
    expect(html).not.toMatch(/nonce=/);
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
      "/maintain/sign-in",
    ]) {
      await page.goto(path, { waitUntil: "networkidle" });
    }
    // Hydrated: the citation dialog opens (it needs JavaScript).
    await page.goto("/?q=gpt-oss");
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
