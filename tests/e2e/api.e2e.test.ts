import { describe, expect, it } from "vitest";
import { parseCsv } from "../helpers/csv";
import { baseURL } from "./browser";

const get = (path: string) => fetch(`${baseURL()}${path}`);

type ApiClaim = {
  id: number;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  source: { slug: string };
  version: number | null;
  links: { text: string };
};
type ApiModels = {
  count: number;
  ignored: string[];
  models: { slug: string; values: Record<string, { claimId: number }>; claims: ApiClaim[] }[];
};

describe("open data API", () => {
  it("/api/models lists every model with its values and their citations", async () => {
    const res = await get("/api/models");
    expect(res.status).toBe(200);
    const body = (await res.json()) as ApiModels;
    expect(body.count).toBe(body.models.length);
    expect(body.count).toBeGreaterThanOrEqual(25);
    for (const m of body.models) {
      const ids = new Set(m.claims.map((c) => c.id));
      for (const [key, v] of Object.entries(m.values)) {
        // Family values cite the family's claim, which is not in the model's own list.
        if (!ids.has(v.claimId))
          expect((await get(`/api/claims/${v.claimId}`)).status, `${m.slug}.${key}`).toBe(200);
      }
    }
  });

  it("pages: perPage models a page, in the table's order, with links that walk every model once", async () => {
    type Page = ApiModels & {
      total: number;
      page: number;
      pageCount: number;
      links: { next: string | null; prev: string | null };
    };
    const all = (await (await get("/api/models?sort=total_params.desc")).json()) as Page;
    const seen: string[] = [];
    let next: string | null = "/api/models?sort=total_params.desc&perPage=7";
    let pages = 0;
    while (next) {
      const body = (await (await get(next)).json()) as Page;
      expect(body.models.length).toBeLessThanOrEqual(7);
      expect(body.total).toBe(all.total);
      if (body.page > 1) expect(body.links.prev).toMatch(/perPage=7/);
      seen.push(...body.models.map((m) => m.slug));
      next = body.links.next;
      pages++;
    }
    expect(pages).toBe(Math.ceil(all.total / 7));
    expect(seen).toEqual(all.models.map((m) => m.slug));
    const bad = (await (await get("/api/models?perPage=5000&page=0")).json()) as Page;
    expect(bad.ignored.join(" ")).toMatch(/perPage=“5000” was ignored/);
    expect(bad.ignored.join(" ")).toMatch(/page=“0” was ignored/);
  });

  it("every quote the API serves is the source text at its offsets", async () => {
    const body = (await (await get("/api/models")).json()) as ApiModels;
    const texts = new Map<string, string>();
    for (const c of body.models.flatMap((m) => m.claims)) {
      // Offsets are in the version the claim cites, which the API names.
      const key = c.links.text;
      if (!texts.has(key)) {
        const src = (await (await get(key)).json()) as { text: string };
        texts.set(key, src.text);
      }
      expect(
        Array.from(texts.get(key) as string)
          .slice(c.quoteStart, c.quoteEnd)
          .join(""),
      ).toBe(c.quote);
    }
  });

  it("applies the table's filters and reports what it ignored", async () => {
    const body = (await (await get("/api/models?arch=dense&minParams=abc")).json()) as ApiModels & {
      query: Record<string, string>;
    };
    expect(body.query).toEqual({ arch: "dense" });
    expect(body.ignored[0]).toMatch(/minParams/);
    // Only Qwen2.5-72B's quote says "dense"; no source in the corpus says so of the others.
    expect(body.models.map((m) => m.slug).sort()).toEqual(["qwen2.5-72b"]);
  });

  it("/api/models.csv has one row per claim", async () => {
    const res = await get("/api/models.csv?family=deepseek");
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toContain("quote");
    expect(header).toContain("source_url");
    const json = (await (await get("/api/models?family=deepseek")).json()) as ApiModels;
    expect(rows).toHaveLength(json.models.reduce((n, m) => n + m.claims.length, 0));
  });

  it("answers bad ids with 400 and unknown ones with 404, as JSON", async () => {
    for (const [path, status] of [
      ["/api/claims/0", 400],
      ["/api/claims/abc", 400],
      ["/api/claims/99999999999", 400],
      ["/api/claims/987654", 404],
      ["/api/sources/BAD_slug", 400],
      ["/api/sources/no-such-source", 404],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      expect(((await res.json()) as { error: string }).error.length, path).toBeGreaterThan(0);
    }
  });
});

describe("change feed", () => {
  it("/changes/feed.xml is Atom: new models (announced ones said so), then every write, linked", async () => {
    const res = await get("/changes/feed.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/atom\+xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml[^>]*\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const entries = xml.match(/<entry>/g) ?? [];
    expect(entries.length).toBeGreaterThan(30);
    expect(xml).toContain("New in the catalog: MiniMax-M3 (announced, not released)");
    // Links are absolute, on the public origin.
    expect(xml).toMatch(/<link href="http:\/\/ledger\.example\.test\/models\/[a-z0-9.-]+"/);
  });
});
