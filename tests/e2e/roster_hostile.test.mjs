// Hostile and huge input on the roster: script-like names, right-to-left and emoji names, a
// 10,000-character name, a pasted list of 5,000 names and one too long to accept. Everything
// is shown as text, nothing typed is lost, and the screen stays usable.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, ready } from "./harness.mjs";

let server, browser;

/** Puts text in a box the way a paste ends up: one input event with the whole text. (Typing
 * it through Playwright takes Chromium's editor about a minute for 5,000 lines here, even
 * in a bare textarea, which would measure the test tool rather than the app.) */
async function paste(box, text) {
  await box.evaluate((el, value) => {
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("5,000 pasted names, hostile names and a huge name are handled calmly", async (t) => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Big programme");
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  const hostile = [
    `<img src=x onerror="window.pwned=1">`,
    `<script>window.pwned=2</script>`,
    "مرحبا سارة",
    "👩🏽‍🏫 Zoë",
    "y".repeat(10000),
  ];
  const names = Array.from({ length: 4995 }, (_, i) => `Person ${i + 1}`).concat(hostile);
  const box = page.getByLabel("Names, one per line");
  await paste(box, names.join("\n"));
  const started = Date.now();
  await page.getByRole("button", { name: "Add these names" }).click();
  await page.getByText("Added 5000 people.").waitFor();
  t.diagnostic(`pasting 5,000 names took ${Date.now() - started} ms from click to confirmation`);
  await page.getByText("Showing 1–50 of 5000 people").waitFor();
  assert.equal(await page.locator("ul.people > li").count(), 50, "only one page is drawn");

  // Pasting the same list again adds nobody, says why, and keeps the text.
  await box.fill(names.slice(0, 20).join("\n"));
  await page.getByRole("button", { name: "Add these names" }).click();
  await page.getByText(/No new names to add\. Skipped 20 already on the roster \(Person 1, Person 2, Person 3, Person 4, Person 5 and 15 more\)\./).waitFor();
  assert.equal((await box.inputValue()).split("\n").length, 20, "nothing typed is lost");

  // Too many at once: refused whole, text kept.
  const tooMany = Array.from({ length: 10001 }, (_, i) => `Other ${i}`).join("\n");
  await paste(box, tooMany);
  await page.getByRole("button", { name: "Add these names" }).click();
  await page.getByText(/That list has 10001 new names; Peercircle adds up to 10000 at a time/).waitFor();
  assert.equal(await box.inputValue(), tooMany);
  await page.getByText("Showing 1–50 of 5000 people").waitFor();

  // Find, sort and page through them.
  await page.getByLabel("Search by name").fill("سارة");
  await page.getByText("Showing 1–1 of 1 person").waitFor();
  await page.getByLabel("Search by name").fill("");
  await page.getByLabel("Sort by").selectOption({ label: "Name" });
  await page.getByRole("button", { name: "Next page" }).click();
  await page.getByText("Showing 51–100 of 5000 people").waitFor();
  await page.getByLabel("Search by name").fill("person 4995");
  await page.getByRole("button", { name: "Edit Person 4995" }).waitFor();

  await page.getByLabel("Search by name").fill("");
  await page.getByLabel("Sort by").selectOption({ label: "Order added" });
  await page.getByRole("button", { name: "Next page" }).waitFor();
  for (let i = 0; i < 99; i++) {
    if (await page.getByRole("button", { name: "Next page" }).isDisabled()) break;
    await page.getByRole("button", { name: "Next page" }).click();
  }
  await page.getByText("Showing 4951–5000 of 5000 people").waitFor();
  await page.getByText(hostile[0], { exact: true }).waitFor();
  await page.getByText(hostile[1], { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("img[src=x]").count(), 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the 10,000-character name wraps instead of widening the page (${overflow}px)`);

  await saved(page);
  await page.reload();
  await ready(page);
  await page.getByText("Showing 1–50 of 5000 people").waitFor();
  assert.deepEqual(seen.errors, []);
  await context.close();
});
