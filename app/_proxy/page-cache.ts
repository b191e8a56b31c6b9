/*
 * A whole-page cache for the public pages (and the public JSON), run by the proxy (proxy.ts).
 *
 * Decision record (why not Next's own caching):
 * - A CSP nonce forces every page to render dynamically, per request, and rendering costs ~3×
 *   serving a static file before the page reads any data (BENCHMARKS.md).
 * - Next has no hash option for its inline flight scripts, so its static/ISR output cannot run
 *   under a strict policy without 'unsafe-inline'. Here the policy lists each cached page's
 *   inline scripts by SHA-256: as strict as a nonce (only these exact scripts run) and, unlike a
 *   nonce, it survives caching.
 * - Invalidation by `revalidateTag`/`revalidatePath` only sees writes made through the app. The
 *   data version is moved by database triggers (drizzle/0004_data_version.sql), so a seed, an
 *   import, the CLI or a psql session empties this cache too.
 * Public pages are the same for every reader until the data changes, so one render serves them
 * all.
 *
 * How: a miss fetches the page from this same server (marked internal, so it renders without a
 * nonce and is not cached again), hashes its inline scripts and keeps it, keyed by the data
 * version the proxy reads on every request (db/health.ts). Any write moves the version on, which
 * empties the cache. Anything unexpected falls back to the ordinary per-request render.
 */
import { createHash, randomBytes } from "node:crypto";
import { BENCHMARK_PARAMS } from "@/db/domain/benchmarks";
import { CATALOG_PARAMS, CHART_PARAMS } from "@/db/domain/catalog-query";
import { stateLog } from "@/db/domain/state-log";

/** Pages that are the same for every reader. Not /maintain (per maintainer). */
const PUBLIC_PAGE =
  /^\/(?:|about|benchmarks|charts|compare|changes|sources|sources\/[^/]+|models\/[^/]+|claims\/[^/]+)$/;
/**
 * JSON that is the same for every caller (the citation dialog reads /api/claims/…). Not
 * /api/health (it must look every time) nor the CSV exports (streamed, not buffered).
 */
const PUBLIC_JSON = /^\/api\/(?:models|claims\/[^/]+|sources\/[^/]+)$/;

/** Marks the proxy's own fetch of a page; the value is secret so no one else can claim it. */
export const INTERNAL_HEADER = "x-owl-page-render";
export const INTERNAL_TOKEN = randomBytes(16).toString("hex");

const MAX_BYTES = Number(process.env.PAGE_CACHE_MB ?? 64) * 2 ** 20;
const MAX_ENTRY_BYTES = 4 * 2 ** 20;
const RENDER_TIMEOUT_MS = 30_000;

export type RequestLike = {
  method: string;
  pathname: string;
  search: string;
  headers: Headers;
  /** A session the proxy verified (not merely a cookie with the right name). */
  signedIn: boolean;
};

/** Off in development (pages change with the code, not the data) and with PAGE_CACHE=off. */
export function pageCacheEnabled(): boolean {
  return process.env.NODE_ENV === "production" && process.env.PAGE_CACHE !== "off";
}

/**
 * Whether a request may be answered from the cache: a plain GET of a public page by a browser
 * navigation. Router requests (RSC payloads) and signed-in maintainers always render fresh.
 */
export function isCacheable(req: RequestLike): boolean {
  if (req.method !== "GET") return false;
  const json = PUBLIC_JSON.test(req.pathname);
  if (!json && !PUBLIC_PAGE.test(req.pathname)) return false;
  const h = req.headers;
  // Next hides its router headers and `_rsc` from the proxy, so a client-side navigation (which
  // wants an RSC payload, not HTML) is told apart by what it accepts: browsers ask for text/html
  // when they navigate; the router's fetch sends no Accept of its own.
  if (!json && !(h.get("accept") ?? "").includes("text/html")) return false;
  if (h.has(INTERNAL_HEADER) || h.has("rsc") || h.has("next-router-prefetch")) return false;
  if (h.has("next-router-state-tree") || h.has("next-action")) return false;
  if (new URLSearchParams(req.search).has("_rsc")) return false;
  return !req.signedIn;
}

/** The query parameters each public route reads (db/domain/catalog-query.ts and the pages). */
const KNOWN_PARAMS: [RegExp, ReadonlySet<string>][] = [
  [/^\/$/, new Set<string>(CATALOG_PARAMS)],
  [/^\/charts$/, new Set([...CATALOG_PARAMS, ...CHART_PARAMS])],
  [/^\/api\/models$/, new Set([...CATALOG_PARAMS, "perPage"])],
  [/^\/compare$/, new Set(["models"])],
  [/^\/benchmarks$/, new Set<string>(BENCHMARK_PARAMS)],
  // A source page shows one version, or the difference between two.
  [/^\/sources\/[^/]+$/, new Set(["version", "from", "to"])],
  [/^\/api\/sources\/[^/]+$/, new Set(["version"])],
];

/**
 * The cache key, and the address the page is rendered from: the path with only the parameters
 * that route reads, sorted by name (values keep their order). Unknown parameters change nothing
 * on the page, so `/?x=<random>` is the cached `/` rather than a fresh render each time.
 */
export function cacheKey(pathname: string, search: string): string {
  const known = KNOWN_PARAMS.find(([route]) => route.test(pathname))?.[1];
  if (!known) return pathname;
  const params = [...new URLSearchParams(search)].filter(([k]) => known.has(k));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // "Released in the last N months" counts back from today: such a page is one day's page.
  if (params.some(([k]) => k === "releasedWithin"))
    params.push(["_day", new Date().toISOString().slice(0, 10)]);
  const query = new URLSearchParams(params).toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** The policy's script sources for the inline scripts of a page: 'sha256-…', each once. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  // Script elements are raw text in HTML: the characters between the tags are exactly what the
  // browser hashes (as UTF-8). Scripts with src are same-origin files, allowed by 'self'.
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(m[1] ?? "")) continue;
    const digest = createHash("sha256")
      .update(m[2] ?? "", "utf8")
      .digest("base64");
    hashes.add(`'sha256-${digest}'`);
  }
  return [...hashes];
}

export type CachedPage = {
  status: number;
  body: Uint8Array;
  contentType: string;
  scriptHashes: string[];
  etag: string;
};

/** Least recently used first out, bounded in bytes; emptied whenever the data version moves. */
export class PageCache {
  private entries = new Map<string, CachedPage>();
  private inflight = new Map<string, Promise<CachedPage | null | "failed">>();
  private bytes = 0;
  private version: number | null = null;
  private readonly renders = stateLog("page cache render");

  constructor(private readonly maxBytes = MAX_BYTES) {}

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private sync(version: number) {
    if (version === this.version) return;
    this.entries.clear();
    this.inflight.clear();
    this.bytes = 0;
    this.version = version;
  }

  get(version: number, key: string): CachedPage | undefined {
    this.sync(version);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: number, key: string, page: CachedPage) {
    // A render that finished after the data moved on is served to its own reader, not kept.
    if (version !== this.version) return;
    if (page.body.byteLength > Math.min(MAX_ENTRY_BYTES, this.maxBytes)) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.byteLength;
    this.entries.delete(key);
    this.entries.set(key, page);
    this.bytes += page.body.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.byteLength;
    }
  }

  /**
   * The page for this key at this version: from the cache, or rendered once by `render` however
   * many readers ask at the same moment. "unservable" when it cannot be served from here (a
   * redirect, a cookie); "failed" when the render failed — a failure is never handed to the
   * readers waiting on it as their page: each then tries on its own (proxy.ts).
   */
  async load(
    version: number,
    key: string,
    render: () => Promise<CachedPage | null>,
  ): Promise<{ page: CachedPage; hit: boolean } | "unservable" | "failed"> {
    const hit = this.get(version, key);
    if (hit) return { page: hit, hit: true };
    const flightKey = `${version} ${key}`;
    let pending = this.inflight.get(flightKey);
    if (!pending) {
      pending = render().then(
        (page) => {
          if (page && page.status >= 500) {
            this.renders.failed(new Error(`${key} answered ${page.status}`));
            return "failed" as const;
          }
          this.renders.ok();
          return page;
        },
        (err: unknown) => {
          this.renders.failed(err);
          return "failed" as const;
        },
      );
      this.inflight.set(flightKey, pending);
      void pending.finally(() => {
        if (this.inflight.get(flightKey) === pending) this.inflight.delete(flightKey);
      });
    }
    const page = await pending;
    if (page === "failed") return "failed";
    if (!page) return "unservable";
    if (page.status === 200) this.set(version, key, page);
    return { page, hit: false };
  }
}

/** Where the proxy reaches this same server: `next start` records its port in PORT. */
function internalOrigin(): string {
  return process.env.OWL_INTERNAL_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

/**
 * Renders a page by asking this server for it without a nonce. Only HTML and JSON come back as a
 * page; anything else (a redirect, a failure) returns null and the request takes the ordinary path.
 */
export async function renderPage(pathAndQuery: string): Promise<CachedPage | null> {
  const res = await fetch(`${internalOrigin()}${pathAndQuery}`, {
    headers: { [INTERNAL_HEADER]: INTERNAL_TOKEN, accept: "text/html" },
    redirect: "manual",
    signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
  });
  const contentType = res.headers.get("content-type") ?? "";
  const kind = /^(text\/html|application\/json)\b/.exec(contentType)?.[1];
  if (!kind || res.headers.has("set-cookie")) {
    await res.body?.cancel();
    return null;
  }
  const body = new Uint8Array(await res.arrayBuffer());
  const html = kind === "text/html" ? new TextDecoder().decode(body) : "";
  // The body's hash alone: an unchanged page keeps its ETag across data versions, and the
  // version (how many edits the catalog has seen) is not revealed.
  const digest = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  return {
    status: res.status,
    body,
    contentType,
    scriptHashes: kind === "text/html" ? inlineScriptHashes(html) : [],
    etag: `"${digest}"`,
  };
}

/** Whether the request is the proxy's own render (the token proves it). */
export function isInternalRender(headers: Headers): boolean {
  return headers.get(INTERNAL_HEADER) === INTERNAL_TOKEN;
}
