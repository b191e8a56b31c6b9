import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileQuery, urlValue } from "../helpers/hostile";
import { baseURL } from "./browser";

/*
 * Random and malicious addresses against the running production server: no route may answer
 * 500, and markup from the address must never come back unescaped.
 */
const RUNS = 60;
const ROUTES = [
  "/",
  "/charts",
  "/compare",
  "/api/models",
  "/api/models.csv",
  "/api/charts/fit.csv",
  "/maintain/sign-in",
];
const SLUG_ROUTES = [
  "/models/",
  "/sources/",
  "/claims/",
  "/api/claims/",
  "/api/sources/",
  "/api/charts/",
  "/maintain/claims/",
];

let asked = 0;
/** Every other request as a browser navigation (through the page cache), the rest as a script. */
async function status(path: string): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = asked++ % 2 === 0 ? { accept: "text/html" } : {};
  const res = await fetch(`${baseURL()}${path}`, { redirect: "manual", headers });
  return { status: res.status, body: await res.text() };
}

describe("hostile addresses (fast-check over HTTP)", () => {
  it(`query strings never produce a 500 (${RUNS} × ${ROUTES.length} cases)`, async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), hostileQuery, async (route, qs) => {
        tried++;
        const r = await status(`${route}?${qs}`);
        expect(r.status, `${route}?${qs}`).toBeLessThan(500);
        expect(r.body).not.toContain("<script>alert(1)</script>");
      }),
      { numRuns: RUNS * ROUTES.length },
    );
    console.log(`query strings: ${tried} hostile requests, no 500`);
  });

  it(`path segments never produce a 500 (${RUNS * 3} cases)`, async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SLUG_ROUTES), urlValue, async (route, seg) => {
        tried++;
        const r = await status(`${route}${seg.replaceAll("%2F", "%252F") || "x"}`);
        expect(r.status, `${route}${seg}`).toBeLessThan(500);
      }),
      { numRuns: RUNS * 3 },
    );
    console.log(`path segments: ${tried} hostile requests, no 500`);
  });
});
