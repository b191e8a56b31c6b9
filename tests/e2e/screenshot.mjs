// Dev helper: node tests/e2e/screenshot.mjs <url> <out.png> [width] [light|dark]. Playwright gives each launch a fresh profile.
import { chromium } from "playwright-core";

const [url, out, width = "1400", scheme = "light"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  colorScheme: scheme,
});
await page.goto(url, { waitUntil: "load" });
await page.screenshot({ path: out, fullPage: process.env.FULL === "1" });
await browser.close();
