// What happens when storage misbehaves: garbage in a record, storage full, a second tab.
// In every case the facilitator gets a plain sentence and nothing is lost.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, ready, watch, stored as storedRecords, storedItem, storageFull } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("garbage in a stored record gives a plain message and is kept aside untouched", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Good programme");
  await saved(page);
  // Written where an older Peercircle kept records: the next start moves them in.
  await page.evaluate(() => {
    localStorage.setItem("peercircle:programme:77", "{{{ this is not data <script>alert(1)</script>");
    localStorage.setItem("peercircle:settings", "\u0000\u0001 garbage");
  });
  await page.reload();
  await ready(page);
  const alert = page.getByRole("alert").filter({ hasText: "Some saved data could not be read" });
  await alert.waitFor();
  assert.match(await alert.innerText(), /kept aside, untouched/);
  // The good programme still works even though the list order (settings) was lost.
  await page.goto(server.url + "#/");
  await page.getByRole("link", { name: "Good programme" }).waitFor();
  const stored = await storedRecords(page);
  const aside = Object.entries(stored).filter(([k]) => k.startsWith("peercircle:quarantine:"));
  assert.equal(aside.length, 2);
  assert.ok(aside.some(([, v]) => v === "{{{ this is not data <script>alert(1)</script>"));
  assert.ok(aside.some(([, v]) => v === "\u0000\u0001 garbage"));
  assert.equal(stored["peercircle:programme:77"], undefined);
  // Settings lists the set-aside records and can delete one after asking.
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("heading", { name: "Data set aside" }).waitFor();
  await page.getByRole("button", { name: /Delete set-aside record .*programme:77/ }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await page.getByRole("button", { name: /Delete set-aside record .*settings/ }).waitFor();
  assert.equal(await page.getByRole("button", { name: /programme:77/ }).count(), 0);
  // Deleted on disk too, not only on the screen: gone after a reload.
  await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();
  const afterDelete = await storedRecords(page);
  assert.ok(!Object.values(afterDelete).includes("{{{ this is not data <script>alert(1)</script>"));
  await page.reload();
  await ready(page);
  await page.getByRole("button", { name: /Delete set-aside record .*settings/ }).waitFor();
  assert.equal(await page.getByRole("button", { name: /programme:77/ }).count(), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a full storage says so, keeps the typing on screen, and saves once there is room", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Full disk");
  await saved(page);
  await storageFull(page);
  await page.getByLabel("Purpose").fill("Written while the disk was full, and not lost.");
  const alert = page.getByRole("alert").filter({ hasText: "storage for Peercircle is full" });
  await alert.waitFor();
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Written while the disk was full, and not lost.");
  await page.getByRole("status").filter({ hasText: "Not saved" }).first().waitFor();
  await storageFull(page, false);
  await page.getByRole("button", { name: "Try saving again" }).click();
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Written while the disk was full, and not lost.");
  await context.close();
});

test("a second tab only shows the data until asked to take over, then the first lets go", async () => {
  const { context, page: first } = await open(browser, server.url);
  await createProgramme(first, "Shared laptop");
  await saved(first);
  const second = await context.newPage();
  const seen = { errors: [] };
  watch(second, seen);
  await second.goto(first.url());
  await ready(second);
  const notice = second.getByRole("alert").filter({ hasText: "Peercircle is open in another tab" });
  await notice.waitFor();
  // The first tab is still in charge and can edit.
  await first.getByLabel("Organisation").fill("From the first tab");
  await saved(first);
  await second.getByRole("button", { name: "Use Peercircle here" }).click();
  await first.getByRole("alert").filter({ hasText: "Peercircle is open in another tab" }).waitFor();
  await ready(second);
  await second.getByRole("heading", { level: 1, name: "Shared laptop" }).waitFor();
  await second.waitForFunction(() => document.querySelector("#programme-organisation")?.value === "From the first tab");
  assert.equal(await notice.count(), 0, "the second tab is now in charge");
  await second.getByLabel("Organisation").fill("From the second tab");
  await saved(second);
  // The first tab can no longer change anything.
  assert.equal(await first.locator("main[inert]").count(), 1);
  const stored = await storedItem(second, "peercircle:programme:1");
  assert.match(stored, /From the second tab/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
