/*
 * Load from wrk (Debian's package): one C thread on loopback takes far less of this 2-core
 * machine than a Node client would, so the server's own cost dominates what is measured.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Measured = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
};

const REPORT = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"seconds":%f,"p50":%f,"p95":%f,"p99":%f,"errors":%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;

let script: string | null = null;

/** wrk, installed from Debian's packages when missing (the bench is run by hand, as root here). */
export function ensureWrk() {
  if (spawnSync("wrk", ["--version"]).error === undefined) return;
  console.log("installing wrk (apt-get install wrk)…");
  execFileSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit" });
}

/**
 * A session cookie makes the proxy skip its page cache (app/_proxy/page-cache.ts), so the page
 * renders per request, as it does for its first reader after every change. The value is no real
 * session: the public pages look the same either way.
 */
export const RENDER_EVERY_TIME = { cookie: "owl_session=bench" };

export async function measure(
  baseURL: string,
  path: string,
  opts: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<Measured> {
  // What a browser navigation asks for: the page cache answers only those (router fetches of
  // RSC payloads do not ask for HTML).
  const headers = { accept: "text/html,application/xhtml+xml", ...opts.headers };
  // Warm up: fill caches and let V8 optimise the route before it is timed.
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${baseURL}${path}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status} before measuring`);
  }
  if (!script) {
    script = join(mkdtempSync(join(tmpdir(), "owl-wrk-")), "report.lua");
    writeFileSync(script, REPORT);
  }
  const out = execFileSync(
    "wrk",
    [
      "-t1",
      `-c${opts.connections}`,
      `-d${opts.seconds}s`,
      "--timeout",
      "10s",
      "-s",
      script,
      ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]),
      `${baseURL}${path}`,
    ],
    { encoding: "utf8" },
  );
  const line = out.trim().split("\n").pop() ?? "";
  const r = JSON.parse(line) as Omit<Measured, "rps"> & { seconds: number };
  return { ...r, rps: r.requests / r.seconds };
}

/** Replaces the part of a Markdown file between `<!-- name:start -->` and `<!-- name:end -->`. */
export function writeSection(file: string, name: string, body: string) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    text = "# Benchmarks\n";
  }
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text =
    i >= 0 && j > i
      ? `${text.slice(0, i)}${block}${text.slice(j + end.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

export const machine = async () => {
  const { cpus, totalmem } = await import("node:os");
  return `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
};
