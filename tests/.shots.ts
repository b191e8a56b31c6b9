import { launchChromium } from "./helpers/chromium";

const base = "http://127.0.0.1:3100";
const pages: [string, string][] = [
  ["source", "/sources/github-meta-llama-llama4-model-card"],
  ["diff", "/sources/github-meta-llama-llama4-model-card?from=2&to=4"],
  ["oldversion", "/sources/github-meta-llama-llama4-model-card?version=2"],
  ["gptoss", "/sources/github-openai-gpt-oss-readme?from=33&to=34"],
  ["changes", "/changes"],
];
const maint: [string, string][] = [
  ["queue", "/maintain/review"],
  ["newversion", "/maintain/sources/github-meta-llama-llama3-3-model-card/versions/new"],
];
const browser = await launchChromium();
const which = process.argv[2] ?? "all";
for (const scheme of ["light", "dark"] as const) {
  for (const width of [1440, 390]) {
    const ctx = await browser.newContext({
      viewport: { width, height: 1000 },
      colorScheme: scheme,
    });
    const page = await ctx.newPage();
    await page.goto(`${base}/maintain/sign-in?next=%2Fmaintain`);
    await page.getByLabel("Name").fill("alice");
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/maintain$/);
    for (const [name, path] of [...pages, ...maint]) {
      if (which !== "all" && !name.startsWith(which)) continue;
      await page.goto(base + path);
      await page.screenshot({ path: `/tmp/shots/${name}-${scheme}-${width}.png`, fullPage: false });
    }
    // A claim that waits
    const res = await (
      await fetch(`${base}/api/sources/github-meta-llama-llama4-model-card`)
    ).json();
    const behind = res.claims.find((c: { newest: boolean }) => !c.newest);
    await page.goto(`${base}/claims/${behind.id}`);
    await page.screenshot({ path: `/tmp/shots/claim-${scheme}-${width}.png` });
    await page.goto(`${base}/maintain/review`);
    const href = await page
      .getByRole("link", { name: /^Review claim #/ })
      .first()
      .getAttribute("href");
    await page.goto(base + href);
    await page.screenshot({ path: `/tmp/shots/review-${scheme}-${width}.png`, fullPage: true });
    await ctx.close();
  }
}
await browser.close();
