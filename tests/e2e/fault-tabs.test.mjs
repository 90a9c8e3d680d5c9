// Fault classes 4 and 5: a second tab takes over while the first is busy (its thread
// blocked, as on a slow tablet during a large save), or while the first cannot save
// (storage full). No edit is lost, and exactly one tab ends in charge.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, ready, watch, storedData, storageFull } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const OTHER_TAB = "Peercircle is open in another tab";
const stored = (page) => storedData(page, "peercircle:programme:1");

for (const ms of [500, 2000, 5000]) {
  test(`taking over from a tab blocked for ${ms} ms loses no edit and leaves one tab in charge`, async () => {
    const { context, page: first } = await open(browser, server.url);
    await createProgramme(first, "Busy tablet");
    await saved(first);
    const second = await context.newPage();
    const seen = { errors: [] };
    watch(second, seen);
    await second.goto(first.url());
    await ready(second);
    await second.getByRole("alert").filter({ hasText: OTHER_TAB }).waitFor();
    // Typed in the first tab just before its thread is blocked: still "Saving…".
    await first.getByLabel("Organisation").fill(`Typed before a ${ms} ms block`);
    const busy = first.evaluate((n) => { const end = Date.now() + n; while (Date.now() < end) {} }, ms);
    await second.getByRole("button", { name: "Use Peercircle here" }).click();
    await busy;
    await ready(second);
    await second.getByRole("heading", { level: 1, name: "Busy tablet" }).waitFor();
    await second.waitForFunction((t) => document.querySelector("#programme-organisation")?.value === t,
      `Typed before a ${ms} ms block`, { timeout: 10000 });
    await second.getByRole("alert").filter({ hasText: OTHER_TAB }).waitFor({ state: "detached", timeout: 10000 });
    await second.getByLabel("Purpose").fill("Typed in the second tab");
    await saved(second);
    await first.getByRole("alert").filter({ hasText: OTHER_TAB }).waitFor();
    // The first tab, once awake, writes nothing over the second tab's edit.
    await new Promise((r) => setTimeout(r, 2500));
    const data = await stored(second);
    assert.equal(data.organisation, `Typed before a ${ms} ms block`);
    assert.equal(data.purpose, "Typed in the second tab");
    assert.equal(await first.locator("main[inert]").count(), 1, "the first tab only shows");
    assert.equal(await second.locator("main[inert]").count(), 0, "the second tab is in charge");
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

test("taking over while the first tab cannot save is refused, and its unsaved work stays", async () => {
  const { context, page: first } = await open(browser, server.url);
  await createProgramme(first, "Full when handed over");
  await saved(first);
  const second = await context.newPage();
  await second.goto(first.url());
  await ready(second);
  await storageFull(first);
  await first.getByLabel("Purpose").fill("Kept on screen while the disk is full");
  await first.getByRole("status").filter({ hasText: "Not saved" }).first().waitFor();
  await second.getByRole("button", { name: "Use Peercircle here" }).click();
  await second.getByText("could not save its latest changes").waitFor();
  assert.equal(await first.getByLabel("Purpose").inputValue(), "Kept on screen while the disk is full");
  assert.equal(await first.locator("main[inert]").count(), 0, "the first tab is still in charge");
  // Room again: the first tab saves, and now hands over with its work.
  await storageFull(first, false);
  await first.getByRole("button", { name: "Try saving again" }).click();
  await saved(first);
  await second.getByRole("button", { name: "Use Peercircle here" }).click();
  await ready(second);
  await second.waitForFunction(() =>
    document.querySelector("#programme-purpose")?.value === "Kept on screen while the disk is full");
  await first.getByRole("alert").filter({ hasText: OTHER_TAB }).waitFor();
  await context.close();
});
