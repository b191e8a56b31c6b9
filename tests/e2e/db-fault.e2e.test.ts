import { createConnection, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort, type RunningServer, startServer } from "./server";

/*
 * The database goes away mid-run: pages answer a clear 503 instead of crashing or hanging, and
 * the same server recovers on its own when the database returns. Postgres only — PGlite runs
 * inside the app's process and cannot become unreachable.
 */

/** A TCP relay in front of Postgres that the test can cut and restore. */
class Relay {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  constructor(
    private readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}
  async open() {
    this.server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, "127.0.0.1", resolve));
  }
  async cut() {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

const databaseUrl = inject("databaseUrl");

describe.skipIf(!databaseUrl)("database faults (Postgres)", () => {
  let relay: Relay;
  let app: RunningServer;

  beforeAll(async () => {
    const real = new URL(databaseUrl);
    const port = await freePort();
    relay = new Relay(port, { host: real.hostname, port: Number(real.port || 5432) });
    await relay.open();
    const viaRelay = new URL(databaseUrl);
    viaRelay.hostname = "127.0.0.1";
    viaRelay.port = String(port);
    app = await startServer({
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: viaRelay.toString(),
    });
  });
  afterAll(async () => {
    await app?.stop();
    await relay?.cut().catch(() => {});
  });

  it("answers 503 'temporarily unavailable' while the database is gone, then recovers without a restart", async () => {
    expect((await fetch(`${app.baseURL}/`)).status).toBe(200);

    await relay.cut();
    const started = Date.now();
    const page = await fetch(`${app.baseURL}/models/gpt-oss-120b`);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(await page.text()).toContain("Catalog temporarily unavailable");
    expect(Date.now() - started).toBeLessThan(10_000); // answers, does not hang
    const api = await fetch(`${app.baseURL}/api/models`);
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: string }).error).toMatch(/temporarily unavailable/);

    await relay.open();
    await expect
      .poll(async () => (await fetch(`${app.baseURL}/`)).status, { timeout: 15_000, interval: 250 })
      .toBe(200);
    expect(await (await fetch(`${app.baseURL}/models/gpt-oss-120b`)).text()).toContain("117B");
  });
});
