import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CachedPage,
  cacheKey,
  INTERNAL_HEADER,
  inlineScriptHashes,
  isCacheable,
  PageCache,
  type RequestLike,
} from "@/app/_proxy/page-cache";

const request = (over: Partial<RequestLike> = {}): RequestLike => ({
  method: "GET",
  pathname: "/",
  search: "",
  headers: new Headers({ accept: "text/html" }),
  signedIn: false,
  ...over,
});

const page = (bytes: number, status = 200): CachedPage => ({
  status,
  body: new Uint8Array(bytes),
  contentType: "text/html; charset=utf-8",
  scriptHashes: [],
  etag: `"${bytes}"`,
});

const sha = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("which requests the page cache may answer", () => {
  it.each([
    "/",
    "/about",
    "/charts",
    "/compare",
    "/changes",
    "/sources",
    "/sources/github-openai-gpt-oss-readme",
    "/models/gpt-oss-120b",
    "/claims/12",
  ])("public page %s", (pathname) => {
    expect(isCacheable(request({ pathname }))).toBe(true);
  });

  it.each(["/api/models", "/api/claims/12", "/api/sources/github-openai-gpt-oss-readme"])(
    "public JSON %s, whatever the caller accepts",
    (pathname) => {
      expect(isCacheable(request({ pathname, headers: new Headers() }))).toBe(true);
    },
  );

  it.each([
    "/maintain",
    "/maintain/sign-in",
    "/maintain/claims/new",
    "/api/health",
    "/api/models.csv",
    "/api/charts/params",
    "/robots.txt",
    "/models/a/b",
    "/about/",
  ])("not %s", (pathname) => {
    expect(isCacheable(request({ pathname }))).toBe(false);
  });

  it("not router requests, actions, other methods, its own renders or signed-in maintainers", () => {
    expect(isCacheable(request({ method: "POST" }))).toBe(false);
    expect(isCacheable(request({ method: "HEAD" }))).toBe(false);
    for (const h of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"]) {
      const headers = new Headers({ accept: "text/html", [h]: "1" });
      expect(isCacheable(request({ headers }))).toBe(false);
    }
    expect(isCacheable(request({ search: "?_rsc=abc" }))).toBe(false);
    // The router's own fetch of an RSC payload accepts anything; a browser navigation asks for HTML.
    expect(isCacheable(request({ headers: new Headers() }))).toBe(false);
    expect(isCacheable(request({ headers: new Headers({ accept: "*/*" }) }))).toBe(false);
    expect(
      isCacheable(
        request({ headers: new Headers({ accept: "text/html,application/xhtml+xml,*/*;q=0.8" }) }),
      ),
    ).toBe(true);
    const internal = new Headers({ accept: "text/html", [INTERNAL_HEADER]: "guess" });
    expect(isCacheable(request({ headers: internal }))).toBe(false);
    // A session the proxy verified skips the cache; a cookie that merely has the name does not
    // (the proxy checks it: app/_proxy/session-check.ts, tested end to end).
    expect(isCacheable(request({ signedIn: true }))).toBe(false);
    expect(isCacheable(request({ signedIn: false, search: "?sort=mmlu.desc" }))).toBe(true);
  });
});

describe("inline script hashes", () => {
  it("hashes exactly the text of each inline script, once, and skips scripts with src", () => {
    const a = "(self.__next_f=self.__next_f||[]).push([0])";
    const b = 'self.__next_f.push([1,"caf\u00e9 \u2011 \\u003c/script\\u003e"])';
    const html = `<html><head><script src="/_next/static/chunks/x.js" async=""></script>
      <script>${a}</script></head><body><script id="_R_">${b}</script><script>${a}</script>
      <SCRIPT nonce="n">${b}</SCRIPT ></body></html>`;
    expect(inlineScriptHashes(html).sort()).toEqual([sha(a), sha(b)].sort());
  });

  it("an empty inline script still needs its hash; a page without scripts needs none", () => {
    expect(inlineScriptHashes("<script></script>")).toEqual([sha("")]);
    expect(inlineScriptHashes("<p>no scripts</p>")).toEqual([]);
  });
});

describe("PageCache", () => {
  it("serves what it stored at the same data version, and forgets all of it when the version moves", () => {
    const cache = new PageCache(1000);
    expect(cache.get(1, "/")).toBeUndefined();
    cache.set(1, "/", page(10));
    expect(cache.get(1, "/")?.body.byteLength).toBe(10);
    expect(cache.get(2, "/")).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it("does not keep a render that finished after the data moved on", () => {
    const cache = new PageCache(1000);
    cache.get(1, "/");
    cache.get(2, "/");
    cache.set(1, "/", page(10));
    expect(cache.get(2, "/")).toBeUndefined();
    expect(cache.size.entries).toBe(0);
  });

  it("stays within its byte budget, evicting the least recently used first", () => {
    const cache = new PageCache(100);
    cache.get(1, "a");
    cache.set(1, "a", page(40));
    cache.set(1, "b", page(40));
    cache.get(1, "a"); // a is now the most recently used
    cache.set(1, "c", page(40));
    expect(cache.get(1, "b")).toBeUndefined();
    expect(cache.get(1, "a")).toBeDefined();
    expect(cache.get(1, "c")).toBeDefined();
    expect(cache.size.bytes).toBe(80);
    cache.set(1, "huge", page(101));
    expect(cache.get(1, "huge")).toBeUndefined();
    expect(cache.size.bytes).toBe(80);
  });

  it("renders once for readers asking at the same moment, and keeps only 200s", async () => {
    const cache = new PageCache(1000);
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 5));
      return page(10);
    };
    const hit = (s: Awaited<ReturnType<PageCache["load"]>>) => (typeof s === "string" ? s : s.hit);
    const served = await Promise.all([1, 2, 3, 4].map(() => cache.load(7, "/", render)));
    expect(renders).toBe(1);
    expect(served.map(hit)).toEqual([false, false, false, false]);
    expect(hit(await cache.load(7, "/", render))).toBe(true);
    expect(renders).toBe(1);

    const missing = await cache.load(7, "/models/none", async () => page(5, 404));
    expect(typeof missing === "string" ? missing : missing.page.status).toBe(404);
    expect(cache.get(7, "/models/none")).toBeUndefined();
  });

  it("a failed render serves nothing from the cache and is tried again next time", async () => {
    const cache = new PageCache(1000);
    expect(
      await cache.load(1, "/", async () => {
        throw new Error("server went away");
      }),
    ).toBe("failed");
    expect(await cache.load(1, "/", async () => null)).toBe("unservable");
    const fresh = await cache.load(1, "/", async () => page(3));
    expect(typeof fresh === "string" ? fresh : fresh.hit).toBe(false);
  });

  it("never hands a failed (5xx) render to the readers waiting on it", async () => {
    const cache = new PageCache(1000);
    let renders = 0;
    const failing = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 5));
      return page(10, 500);
    };
    const served = await Promise.all([1, 2, 3].map(() => cache.load(4, "/", failing)));
    expect(renders).toBe(1);
    expect(served).toEqual(["failed", "failed", "failed"]);
    expect(cache.get(4, "/")).toBeUndefined();
  });
});

describe("the cache key", () => {
  it("keeps the parameters a route reads, sorted; drops the rest", () => {
    expect(cacheKey("/", "?x=1&sort=mmlu.desc&arch=moe&utm=a")).toBe("/?arch=moe&sort=mmlu.desc");
    expect(cacheKey("/", "?random=8a7d6f")).toBe("/");
    // "Released in the last 3 months" is relative to today: one day's page, not forever's.
    expect(cacheKey("/", "?releasedWithin=3")).toBe(
      `/?releasedWithin=3&_day=${new Date().toISOString().slice(0, 10)}`,
    );
    expect(cacheKey("/compare", "?models=a,b&junk=1")).toBe("/compare?models=a%2Cb");
    expect(cacheKey("/models/gpt-oss-20b", "?anything=1")).toBe("/models/gpt-oss-20b");
    expect(cacheKey("/charts", "?gb=24&bits=4&q=qwen")).toBe("/charts?bits=4&gb=24&q=qwen");
    // Each version of a source, and each difference between two, is its own page.
    expect(cacheKey("/sources/card", "?version=2&x=1")).toBe("/sources/card?version=2");
    expect(cacheKey("/sources/card", "?to=4&from=2")).toBe("/sources/card?from=2&to=4");
    expect(cacheKey("/api/sources/card", "?version=3&from=1")).toBe("/api/sources/card?version=3");
    // Repeated parameters keep their order (the columns form sends several `show`).
    expect(cacheKey("/", "?show=b&cols=1&show=a")).toBe("/?cols=1&show=b&show=a");
  });
});
