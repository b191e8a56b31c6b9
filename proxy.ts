import { type NextRequest, NextResponse } from "next/server";
import { databaseAvailable } from "@/db/health";

/*
 * Runs before every page and API request: sets the security headers (a per-request CSP nonce,
 * so no 'unsafe-inline' or 'unsafe-eval' for scripts) and answers 503 while the database is
 * unreachable. Authorisation is NOT done here: every action and route handler checks it itself.
 */

const isDev = process.env.NODE_ENV === "development";

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // Next's hydration scripts carry the nonce; 'strict-dynamic' lets them load their chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
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

/** A self-contained page (no scripts, no app shell): used when the app itself cannot render. */
function plainPage(title: string, message: string, link: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · Open Weights Ledger</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#18181b;background:#fff}@media (prefers-color-scheme:dark){body{color:#f4f4f5;background:#09090b}a{color:#93c5fd}}</style></head><body><main><h1>${title}</h1><p>${message}</p><p><a href="/">${link}</a></p></main></body></html>`;
}

const UNAVAILABLE_HTML = plainPage(
  "Catalog temporarily unavailable",
  "The catalog's database is not answering right now. Nothing has been lost; please try again in a few seconds.",
  "Try again",
);
const BAD_ADDRESS_HTML = plainPage(
  "Malformed address",
  "This address contains an invalid character encoding.",
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

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const isApi = request.nextUrl.pathname.startsWith("/api/");

  let response: NextResponse;
  if (!isWellFormedPath(request.nextUrl.pathname)) {
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
  } else if (!(await databaseAvailable())) {
    response = isApi
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
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
  return response;
}

export const config = {
  // Everything but Next's static assets and the icon/OG image files.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|opengraph-image).*)"],
};
