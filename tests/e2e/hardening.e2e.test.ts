import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { baseURL } from "./browser";

/* Issue 11 over HTTP: each test reproduces an attack that used to succeed or answer 500. */

const signInForm = (name: string, password: string) =>
  new URLSearchParams({ name, password, next: "/maintain" });

const postSignIn = (body: URLSearchParams, headers: Record<string, string> = {}) =>
  fetch(`${baseURL()}/maintain/sign-in/submit`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    redirect: "manual",
  });

describe("sign-in without JavaScript", () => {
  it("a client cannot choose its address: forged X-Forwarded-For hops count as one address, and the limit answers 429 with Retry-After", async () => {
    const name = `ghost-${randomBytes(4).toString("hex")}`;
    for (let i = 0; i < 3; i++) {
      const res = await postSignIn(signInForm(name, "wrong password"), {
        "x-forwarded-for": `198.51.100.${10 + i}`,
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toMatch(
        /^\/maintain\/sign-in\?failed=mismatch&name=ghost-/,
      );
    }
    const limited = await postSignIn(signInForm(name, "wrong password"), {
      "x-forwarded-for": "203.0.113.250",
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toMatch(/Too many sign-in attempts; try again in \d+ minutes?\./);
  });

  it("signs a maintainer in with a 303 and a session cookie", async () => {
    const { name, password } = inject("maintainer");
    const res = await postSignIn(signInForm(name, password));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/maintain");
    expect(res.headers.get("set-cookie")).toMatch(/owl_session=[\w-]{43}.*HttpOnly/i);
  });
});

describe("requests from other sites", () => {
  it("a cross-origin POST (server action or form) is refused with 403 and a clear body, not a 500", async () => {
    for (const path of ["/maintain/sources/new", "/maintain/sign-in/submit"]) {
      const res = await fetch(`${baseURL()}${path}`, {
        method: "POST",
        body: new URLSearchParams({ slug: "x" }),
        headers: {
          origin: "https://evil.example",
          "next-action": "0123456789abcdef",
          "content-type": "application/x-www-form-urlencoded",
        },
        redirect: "manual",
      });
      expect(res.status, path).toBe(403);
      expect(await res.text()).toMatch(/Requests from other sites may not change the catalog/);
    }
  });
});

describe("links and transport", () => {
  it("og:image uses PUBLIC_URL, not the address the server happens to listen on", async () => {
    const html = await (
      await fetch(`${baseURL()}/about`, { headers: { accept: "text/html" } })
    ).text();
    expect(html).toMatch(
      /<meta property="og:image" content="http:\/\/ledger\.example\.test\/opengraph-image/,
    );
  });

  it("sends HSTS only when served over HTTPS", async () => {
    const plain = await fetch(`${baseURL()}/about`, { headers: { accept: "text/html" } });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const tls = await fetch(`${baseURL()}/about`, {
      headers: { accept: "text/html", "x-forwarded-proto": "https" },
    });
    expect(tls.headers.get("strict-transport-security")).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });
});

const databaseUrl = inject("databaseUrl");

describe.skipIf(!databaseUrl)("database connections killed under load (Postgres)", () => {
  it("no reader gets a 500 while the app's connections are terminated", async () => {
    const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const statuses: number[] = [];
    let reading = true;
    // Fresh renders (distinct searches miss the page cache), so every request reads the database.
    const reader = async (n: number) => {
      for (let i = 0; reading; i++) {
        const res = await fetch(`${baseURL()}/?q=${n}-${i}`, { headers: { accept: "text/html" } });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
    };
    const readers = [1, 2, 3, 4].map(reader);
    try {
      for (let round = 0; round < 2; round++) {
        await new Promise((r) => setTimeout(r, 1500));
        await admin`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`;
      }
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      reading = false;
      await Promise.all(readers);
      await admin.end();
    }
    expect(statuses.length).toBeGreaterThan(8);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    // Most reads survive the kill outright (the retry); any that cannot answer a plain 503.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(statuses.length * 0.8);
  });
});
