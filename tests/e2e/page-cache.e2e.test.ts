import { describe, expect, it } from "vitest";
import { baseURL } from "./browser";

/** As a browser navigation asks: for HTML. */
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${baseURL()}${path}`, {
    headers: { accept: "text/html", ...headers },
    redirect: "manual",
  });

describe("page cache", () => {
  it("renders a public page once and serves the same bytes to the next reader", async () => {
    const first = await get("/sources");
    const second = await get("/sources");
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers 304 to a reader who already has the page", async () => {
    const page = await get("/about");
    const etag = page.headers.get("etag") ?? "";
    // A hash of the body only: the data version (the number of edits so far) is not revealed.
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await get("/about", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("content-security-policy")).toMatch(/'sha256-/);
    expect((await get("/about", { "if-none-match": '"v0-stale"' })).status).toBe(200);
  });

  it("keeps each address apart: another query is another page", async () => {
    await get("/?sort=mmlu.desc");
    const sorted = await (await get("/?sort=mmlu.desc")).text();
    const byName = await (await get("/")).text();
    expect(sorted).not.toBe(byName);
    expect(sorted).toContain('aria-sort="descending"');
  });

  it("caches the public JSON for any caller, but never the health check", async () => {
    const url = `${baseURL()}/api/claims/1`;
    const first = await fetch(url);
    const second = await fetch(url);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-type")).toContain("application/json");
    expect(await second.json()).toEqual(await first.json());
    await fetch(`${baseURL()}/api/health`);
    expect((await fetch(`${baseURL()}/api/health`)).headers.get("x-page-cache")).toBeNull();
  });

  it("leaves router requests, maintainers and the CSV exports to render per request", async () => {
    await get("/");
    // The router's fetch: an RSC header and no Accept of its own.
    const rsc = await fetch(`${baseURL()}/`, { headers: { rsc: "1" } });
    expect(rsc.headers.get("x-page-cache")).toBeNull();
    expect(rsc.headers.get("content-type")).toContain("text/x-component");
    // A real maintainer session is tested in maintain.e2e; a made-up cookie is no session.
    expect((await get("/api/models.csv")).headers.get("x-page-cache")).toBeNull();
    expect((await get("/maintain/sign-in")).headers.get("x-page-cache")).toBeNull();
  });

  it("cannot be bypassed with a fake session cookie or a random query string (issue 11)", async () => {
    await get("/sources");
    for (const cookie of ["owl_session=forged", "__Host-owl_session=forged; theme=dark"]) {
      const res = await get("/sources", { cookie });
      expect(res.headers.get("x-page-cache"), cookie).toBe("hit");
    }
    await get("/?sort=mmlu.desc");
    const random = await get(`/?sort=mmlu.desc&utm_source=${Math.random()}&x=${Date.now()}`);
    expect(random.headers.get("x-page-cache")).toBe("hit");
    // Known parameters in another order are the same page.
    await get("/?arch=moe&sort=mmlu.desc");
    expect((await get("/?sort=mmlu.desc&arch=moe")).headers.get("x-page-cache")).toBe("hit");
  });
});
