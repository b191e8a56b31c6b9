import { type NextRequest, NextResponse } from "next/server";
import {
  type CachedPage,
  cacheKey,
  isCacheable,
  isInternalRender,
  PageCache,
  pageCacheEnabled,
  renderPage,
} from "@/app/_proxy/page-cache";
import { plainPage } from "@/app/_proxy/plain-page";
import { hasValidSession } from "@/app/_proxy/session-check";
import { publicUrl } from "@/app/site-url";
import { SESSION_COOKIE } from "@/db/accounts";
import { dataVersion } from "@/db/health";

/*
 * Runs before every page and API request: sets the security headers and answers 503 while the
 * database is unreachable. Scripts are allowed by a per-request nonce, or, for a public page
 * served from the page cache (app/_proxy/page-cache.ts), by the hashes of that page's inline
 * scripts: either way no 'unsafe-inline' or 'unsafe-eval'. Authorisation is NOT done here: every
 * action and route handler checks it itself.
 */

const isDev = process.env.NODE_ENV === "development";

/**
 * The policy. `scripts` is either a fresh nonce ('strict-dynamic' lets Next's nonced scripts load
 * its chunks) or the hashes of a cached page's inline scripts, with 'self' for its chunk files
 * ('strict-dynamic' would ignore 'self' and refuse the page's <script src> tags).
 */
export function contentSecurityPolicy(scripts: { nonce: string } | { hashes: string[] }): string {
  const scriptSrc =
    "nonce" in scripts
      ? `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'`
      : ["'self'", ...scripts.hashes].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}${isDev ? " 'unsafe-eval'" : ""}`,
    // React style props and recharts set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const pages = new PageCache();

const UNAVAILABLE_HTML = plainPage(
  "Catalog temporarily unavailable",
  "The catalog's database is not answering right now. Nothing has been lost; please try again in a few seconds.",
  "/",
  "Try again",
);
const BAD_ADDRESS_HTML = plainPage(
  "Malformed address",
  "This address contains an invalid character encoding.",
  "/",
  "Go to the catalog",
);

function isWellFormedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The plain 503 (JSON for the API): the database is not answering, or a page failed twice. */
function unavailable(isApi: boolean, csp: string): NextResponse {
  const response = isApi
    ? NextResponse.json(
        { error: "The catalog is temporarily unavailable. Try again shortly." },
        { status: 503 },
      )
    : new NextResponse(UNAVAILABLE_HTML, {
        status: 503,
        headers: { "content-type": "text/html; charset=utf-8" },
      });
  response.headers.set("retry-after", "5");
  response.headers.set("cache-control", "no-store");
  return withSecurityHeaders(response, csp);
}

const CROSS_ORIGIN_MESSAGE =
  "Requests from other sites may not change the catalog. Open the form on this site and submit it from there.";
const CROSS_ORIGIN_HTML = plainPage(
  "Request from another site refused",
  CROSS_ORIGIN_MESSAGE,
  "/maintain",
  "Go to the maintainer area",
);

/**
 * A state-changing request (a server action, the sign-in form) sent by a page of another origin.
 * Next refuses these too, but with a 500; here they get a 403 and a message. Browsers send Origin
 * with every such request; requests without one (curl, the CLI) are not cross-site.
 */
function crossOriginWrite(request: NextRequest): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "cross-site";
  if (origin === "null") return true;
  let from: string;
  try {
    from = new URL(origin).host.toLowerCase();
  } catch {
    return true;
  }
  // The hosts this site answers as: what the nearest proxy says (the first X-Forwarded-Host),
  // the Host header, and the public origin (PUBLIC_URL), as Next's own check allows.
  const hosts = [
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim(),
    request.headers.get("host"),
    publicUrl().host,
  ];
  return !hosts.some((h) => h && h.toLowerCase() === from);
}

/** Served over HTTPS (directly, or as a proxy in front says): tell browsers to stay on it. */
function isHttps(request: NextRequest): boolean {
  return (
    request.nextUrl.protocol === "https:" ||
    request.headers.get("x-forwarded-proto") === "https" ||
    (process.env.PUBLIC_URL ?? "").startsWith("https://")
  );
}

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
  return response;
}

/** A cached (or just rendered) public page, with its hash policy; 304 when the reader has it. */
function servePage(request: NextRequest, page: CachedPage, hit: boolean): NextResponse {
  const headers = {
    "content-type": page.contentType,
    etag: page.etag,
    // Readers may keep it but must ask again; an unchanged page then costs a 304.
    "cache-control": "no-cache",
    vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch",
    "x-page-cache": hit ? "hit" : "miss",
  };
  const fresh = page.status === 200 && request.headers.get("if-none-match") === page.etag;
  const response = fresh
    ? new NextResponse(null, { status: 304, headers })
    : new NextResponse(page.body as BodyInit, { status: page.status, headers });
  return withSecurityHeaders(response, contentSecurityPolicy({ hashes: page.scriptHashes }));
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const response = await respond(request);
  // Two years, as HSTS preload lists ask; only in production and only when served over HTTPS.
  if (process.env.NODE_ENV === "production" && isHttps(request))
    response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return response;
}

async function respond(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");

  if (isInternalRender(request.headers)) {
    // The page cache's own fetch: render without a nonce (the outer response gets the hashes).
    // Its caller already checked the database. The headers Next reads must not carry a policy.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.delete("content-security-policy");
    return NextResponse.next({ request: { headers: requestHeaders } });
  }

  // The plain 400 and 503 pages carry no scripts at all.
  const noScripts = contentSecurityPolicy({ hashes: [] });
  let response: NextResponse;
  if (!isWellFormedPath(pathname)) {
    // Next would fail decoding the route parameters with a 500; this is the client's error.
    response = isApi
      ? NextResponse.json(
          { error: "The address is not valid percent-encoded UTF-8." },
          { status: 400 },
        )
      : new NextResponse(BAD_ADDRESS_HTML, {
          status: 400,
          headers: { "content-type": "text/html; charset=utf-8" },
        });
    return withSecurityHeaders(response, noScripts);
  }

  if (crossOriginWrite(request)) {
    response = isApi
      ? NextResponse.json({ error: CROSS_ORIGIN_MESSAGE }, { status: 403 })
      : new NextResponse(CROSS_ORIGIN_HTML, {
          status: 403,
          headers: { "content-type": "text/html; charset=utf-8" },
        });
    return withSecurityHeaders(response, noScripts);
  }

  const version = await dataVersion();
  if (version === null) return unavailable(isApi, noScripts);

  const candidate = {
    method: request.method,
    pathname,
    search,
    headers: request.headers,
    signedIn: false,
  };
  // The session is looked up only for a request the cache could otherwise answer: maintainers'
  // own pages, actions and router requests never pay for it.
  const cacheable =
    pageCacheEnabled() &&
    isCacheable(candidate) &&
    isCacheable({
      ...candidate,
      signedIn: await hasValidSession(request.cookies.get(SESSION_COOKIE)?.value),
    });
  if (cacheable) {
    const key = cacheKey(pathname, search);
    const served = await pages.load(version, key, () => renderPage(key));
    // A failed render is never handed out as a page. One more try, shared by the readers who
    // saw the failure (a failure under load must not multiply renders), then a plain 503.
    const page =
      served === "failed" ? await pages.load(version, key, () => renderPage(key)) : served;
    if (page === "failed") return unavailable(isApi, noScripts);
    if (page !== "unservable") return servePage(request, page.page, page.hit);
    // Could not render through the cache (e.g. a redirect): render as usual below.
  }

  // Rendered per request: a fresh nonce (a page from the cache above uses its scripts' hashes).
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy({ nonce });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  response = NextResponse.next({ request: { headers: requestHeaders } });
  return withSecurityHeaders(response, csp);
}

export const config = {
  // Everything but Next's static assets and the icon/OG image files.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|opengraph-image).*)"],
};
