import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseURL, launch, newPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const SOURCE = "hf-qwen-qwen3-235b-a22b-instruct-2507-model-card";
const MODEL = "qwen3-235b-a22b-instruct-2507";
const PASSAGE = "Number of Parameters: 235B in total and 22B activated";

async function signIn(page: Page) {
  const { name, password } = inject("maintainer");
  await page.goto("/maintain");
  await page.waitForURL(/\/maintain\/sign-in\?next=%2Fmaintain$/);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/maintain$/);
}

/** Selects `text` inside the passage picker as a reader would with the mouse. */
async function selectPassage(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const box = document.getElementById("new-claim-passage");
    const node = box?.firstChild;
    if (!box || !node?.textContent) throw new Error("no passage box");
    const at = node.textContent.indexOf(wanted);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    box.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, text);
}

describe("maintainer editing", () => {
  it("signs in, adds a claim by selecting its passage, sees it cited in the table and in history, reverts an edit, signs out", async () => {
    // A reader's view of the table, served from the page cache until the data changes.
    const readerView = () => fetch(`${baseURL()}/?q=2507`, { headers: { accept: "text/html" } });
    const TOTAL_CITE = "cite source for Qwen3-235B-A22B-Instruct-2507 Total params";
    await readerView();
    const before = await readerView();
    expect(before.headers.get("x-page-cache")).toBe("hit");
    // The card's own line is cited already (the seed's importer found it); the maintainer adds
    // the same passage again by selecting it, a second claim from the same source.
    expect(await before.text()).toContain(TOTAL_CITE);

    const page = await newPage(browser);
    await signIn(page);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Maintain the catalog");

    await page.goto(`/maintain/claims/new?model=${MODEL}&source=${SOURCE}`);
    await page.getByLabel("Field").selectOption("total_params");
    await page.getByLabel("Value as the source phrases it").fill("235B");
    await selectPassage(page, PASSAGE);
    expect(await page.getByLabel(/Supporting passage/).inputValue()).toBe(PASSAGE);
    await page.getByRole("button", { name: "Add claim" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("Claim added.");
    const claimHref = (await page
      .getByRole("link", { name: "View it" })
      .getAttribute("href")) as string;
    const claimId = claimHref.split("/").pop();

    // Readers see it at once: the edit moved the data version, so the cached page is gone.
    const after = await readerView();
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(await after.text()).toContain(TOTAL_CITE);

    // In the public table, with its citation.
    await page.goto("/?q=2507");
    const cite = page.getByRole("link", {
      name: /^cite source for Qwen3-235B-A22B-Instruct-2507 Total params/,
    });
    await cite.click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.locator("mark").innerText()).toBe(PASSAGE);
    await page.keyboard.press("Escape");

    // Edit it, then revert to revision 1 from the history.
    await page.goto(`/maintain/claims/${claimId}`);
    const edit = page.locator("#edit-claim");
    await edit.getByLabel("Value as the source phrases it").fill("235B in total");
    await edit.getByLabel(/^Why/).fill("spell out total");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => edit.getByRole("status").innerText()).toContain("Saved.");
    await page.goto(`/claims/${claimId}`);
    const history = page.getByRole("region", { name: "History" });
    await expect
      .poll(() => history.innerText())
      .toMatch(/Revision 2[\s\S]*update by e2e-maintainer[\s\S]*235B in total/);

    await page.goto(`/maintain/claims/${claimId}`);
    await page.locator("summary", { hasText: "Revert to revision 1" }).click();
    const revert = page.locator("details[open] form");
    await revert.getByLabel(/^Why/).fill("keep the source's wording");
    await revert.getByRole("button", { name: "Revert to revision 1" }).click();
    await expect.poll(() => revert.getByRole("status").innerText()).toContain("Reverted.");
    await page.goto(`/claims/${claimId}`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("Total parameters");
    await expect
      .poll(() => page.getByRole("region", { name: "History" }).innerText())
      .toMatch(/Revision 3[\s\S]*revert by e2e-maintainer/);
    expect(await page.locator("article").first().innerText()).toMatch(/^235B\b/);

    // Recent changes is public and shows the edits.
    await page.goto("/changes");
    expect(await page.getByRole("list").last().innerText()).toMatch(
      /e2e-maintainer reverted claim/,
    );

    // Sign out: editing pages close again.
    await page.goto("/maintain");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/maintain\/sign-in\?signedOut=1/);
    for (const path of [
      "/maintain",
      `/maintain/claims/${claimId}`,
      "/maintain/claims/new",
      "/maintain/sources/new",
    ]) {
      await page.goto(path);
      expect(page.url(), path).toMatch(/\/maintain\/sign-in\?next=/);
    }
  });

  it("keeps the form contents and explains when the passage is not in the source", async () => {
    const page = await newPage(browser);
    await signIn(page);
    await page.goto(`/maintain/claims/new?model=${MODEL}&source=${SOURCE}`);
    await page.getByLabel("Value as the source phrases it").fill("999B");
    await page.getByLabel(/Supporting passage/).fill("Number of Parameters: 999B in total");
    await page.getByRole("button", { name: "Add claim" }).click();
    await expect
      .poll(() => page.locator("form [role=alert]").innerText())
      .toContain("The passage could not be used.");
    expect(await page.getByText(/This passage is not in the source text/).count()).toBe(1);
    expect(await page.getByLabel(/Supporting passage/).inputValue()).toBe(
      "Number of Parameters: 999B in total",
    );
    expect(await page.getByLabel("Value as the source phrases it").inputValue()).toBe("999B");
  });

  it("refuses a wrong password without revealing whether the name exists", async () => {
    const page = await newPage(browser);
    await page.goto("/maintain/sign-in");
    await page.getByLabel("Name").fill("nobody-here");
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.locator("form [role=alert]").innerText())
      .toContain("That name and password do not match a maintainer.");
  });
});
