import { chromium } from "playwright-core";

const b = await chromium.launch({
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
const p = await b.newPage({
  viewport: { width: 1280, height: 1100 },
  colorScheme: process.argv[2] ?? "light",
});
await p.goto("http://localhost:3100/charts?gb=80&bits=4.25");
await p.waitForSelector(".recharts-surface");
await p.waitForTimeout(800);
for (const id of ["fit", "params", "memory", "benchmarks", "release"]) {
  await p
    .locator(`#${id}`)
    .screenshot({ path: `screenshots/chart-${id}-${process.argv[2] ?? "light"}.png` });
}
await b.close();
