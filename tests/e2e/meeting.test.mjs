// Meeting day on a tablet and a projector: nothing typed is lost, every answer reads back in
// full, the room sees the step, the clock and every item, and the lock covers both windows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, ready, saved, createProgramme, addGroup, watch, stored, storageFull } from "./harness.mjs";

const PASSPHRASE = "tea and biscuits at four";
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function newPage(viewport = { width: 1280, height: 800 }, clock = false) {
  const context = await browser.newContext({ viewport });
  const seen = { requests: [], errors: [] };
  const page = await context.newPage();
  watch(page, seen);
  if (clock) await page.clock.install();
  await page.goto(server.url);
  await ready(page);
  return { context, page, seen };
}

/** A session with `guests` guests, moved on to the pairs step with pairs formed. */
async function atPairs(page, guests = 6) {
  await createProgramme(page, "Meeting day");
  await addGroup(page, "Peers");
  await page.getByLabel("Or type a question for this session only").fill("What helped you most this term?");
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByLabel("Guests (people here who are not on the roster)").fill(String(guests));
  await page.getByLabel("Guests (people here who are not on the roster)").press("Tab");
  await page.getByRole("button", { name: "Next: Pairs" }).click();
  await page.getByRole("button", { name: "Form pairs at random" }).click();
  await page.getByRole("heading", { level: 3, name: `Pair ${guests / 2}` }).waitFor();
}

// The list's own items (answers merged into a flip-chart item are listed inside it).
const answers = (page, label) => page.getByRole("list", { name: label, exact: true }).locator(":scope > li");

async function storedSession(page) {
  const records = await stored(page);
  const key = Object.keys(records).find((k) => k.startsWith("peercircle:session:"));
  return JSON.parse(records[key]).data;
}
const storedSessions = async (page) => Object.keys(await stored(page)).filter((k) => k.startsWith("peercircle:session:")).length;

/** Brings the session from pairs to the report-out step with `n` items typed in. */
async function toReportOut(page, n) {
  await page.getByRole("button", { name: "Next: Tables" }).click();
  await page.getByRole("button", { name: "Form tables of two pairs" }).click();
  await page.getByRole("button", { name: "Next: Report out" }).click();
  const box = page.getByLabel("Add an item raised in the discussion");
  for (let i = 1; i <= n; i++) {
    await box.fill(`Item number ${i}: ${"peers explain it better than any handbook ".repeat(1 + (i % 2))}`.trim());
    await box.press("Enter");
    await answers(page, "Flip chart").nth(i - 1).waitFor();
  }
}

test("typed but not added: kept through Back, added by Next, kept through a reload", async () => {
  const { context, page, seen } = await newPage();
  await atPairs(page);
  // Seating never reaches storage, at the pairs step too.
  await saved(page);
  let session = await storedSession(page);
  assert.equal(session.seats, undefined, "who sat where is stored");
  assert.ok(!JSON.stringify(session).includes("Guest"), "a person is stored beside the pairs");

  const box1 = page.getByLabel("Add to Pair 1's agreed answer", { exact: true });
  await box1.fill("We both wished we had asked sooner");
  const box2 = page.getByLabel("Add to Pair 2's agreed answer", { exact: true });
  await box2.fill("Half a thought");
  await saved(page);
  // Back and forward again: the drafts are still in their boxes.
  await page.getByRole("button", { name: "Back to Attendance" }).click();
  await page.getByRole("button", { name: "Next: Pairs" }).click();
  assert.equal(await box1.inputValue(), "We both wished we had asked sooner");
  // A reload (or closing the tab) keeps them too, and says who sat where is not kept.
  await page.reload();
  await ready(page);
  assert.equal(await box2.inputValue(), "Half a thought");
  await page.getByText(/never stores it, to protect privacy/).waitFor();
  // Next adds them to the pairs' answers, which the tables then see in full.
  await page.getByRole("button", { name: "Next: Tables" }).click();
  await page.getByRole("button", { name: "Form tables of two pairs" }).click();
  const atTable = page.getByRole("list", { name: /^The pairs' answers at Table/ }).getByRole("listitem");
  await atTable.filter({ hasText: "We both wished we had asked sooner" }).waitFor();
  await atTable.filter({ hasText: "Half a thought" }).waitFor();
  // Used in the table's answer without retyping.
  await page.getByRole("button", { name: /^Use Pair 1's “We both wished/ }).click();
  await answers(page, "Table A's shared answer").filter({ hasText: "We both wished we had asked sooner" }).waitFor();
  // A flip-chart item typed but not added survives Back.
  await page.getByRole("button", { name: "Next: Report out" }).click();
  await page.getByLabel("Add an item raised in the discussion").fill("Peers explain it better");
  await page.getByRole("button", { name: "Back to Tables" }).click();
  await page.getByRole("button", { name: "Next: Report out" }).click();
  assert.equal(await page.getByLabel("Add an item raised in the discussion").inputValue(), "Peers explain it better");
  await saved(page);
  session = await storedSession(page);
  assert.equal(session.seats, undefined);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("long answers read in full on a tablet, and are edited in a box that fits them", async () => {
  const { context, page } = await newPage({ width: 820, height: 1180 });
  await atPairs(page, 4);
  const long = "We talked about how the first month felt like drinking from a fire hose, and that having someone to ask the small questions without feeling judged made the biggest difference to both of us, more than any training session did.";
  const box = page.getByLabel("Add to Pair 1's agreed answer", { exact: true });
  await box.fill(long);
  await box.press("Enter");
  const point = answers(page, "Pair 1's agreed answer").first();
  await point.getByText(long).waitFor();
  const fits = await point.locator("p").evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight }));
  assert.ok(fits.sw <= fits.cw && fits.sh <= fits.ch, `the answer is cut off: ${JSON.stringify(fits)}`);
  await page.getByRole("button", { name: "Edit Pair 1's agreed answer, point 1" }).click();
  const editor = page.getByRole("textbox", { name: "Pair 1's agreed answer, point 1" });
  const size = await editor.evaluate((el) => ({ sh: el.scrollHeight, ch: el.clientHeight, sw: el.scrollWidth, cw: el.clientWidth }));
  assert.ok(size.sh <= size.ch + 2 && size.sw <= size.cw, `the edit box hides text: ${JSON.stringify(size)}`);
  // Saved as it is typed: a reload straight after keeps the edit.
  await editor.fill(long + " Truly.");
  await saved(page);
  await page.reload();
  await ready(page);
  await answers(page, "Pair 1's agreed answer").first().getByText("more than any training session did. Truly.").waitFor();
  await context.close();
});

test("after merging, items are numbered 1 to n on the tablet and the projector, in one order", async () => {
  const { context, page } = await newPage({ width: 820, height: 1180 });
  await atPairs(page, 4);
  await toReportOut(page, 5);
  await page.getByLabel("Keep this item").selectOption({ index: 1 });
  await page.getByLabel("and fold this one into it").selectOption({ index: 3 });
  await page.getByRole("button", { name: "Merge", exact: true }).click();
  await answers(page, "Flip chart").nth(4).waitFor({ state: "detached" });
  const heads = await page.getByRole("list", { name: "Flip chart" }).locator(".item-number").allInnerTexts();
  assert.deepEqual(heads, ["Item 1", "Item 2", "Item 3", "Item 4"]);
  await page.getByRole("button", { name: "Next: Agreement" }).click();
  const tablet = (await page.getByRole("list", { name: "Flip chart" }).getByRole("listitem").allInnerTexts())
    .map((t) => t.match(/^(\d+)\. (Item number \d+)/).slice(1, 3).join(" "));
  assert.deepEqual(tablet.map((t) => t.split(" ")[0]), ["1", "2", "3", "4"]);
  await page.getByRole("button", { name: "One more agrees with item 4" }).click();
  await saved(page);
  const [projector] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: "Open the flip chart in a new window" }).click(),
  ]);
  await projector.getByText("Step 5 of 7 · Agreement").waitFor();
  const shown = (await projector.getByRole("list", { name: "Flip chart" }).locator(".display-text").allInnerTexts())
    .map((t) => t.match(/^(\d+)\. (Item number \d+)/).slice(1, 3).join(" "));
  assert.deepEqual(shown, tablet, "the projector and the tablet agree on numbers and order");
  await context.close();
});

test("a session started by mistake is deleted, then brought back with Undo", async () => {
  const { context, page } = await newPage();
  await createProgramme(page, "Oops");
  await addGroup(page, "Peers");
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByRole("heading", { level: 2, name: /Step 1 · Attendance/ }).waitFor();
  await page.getByRole("button", { name: "Delete this session" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await page.getByRole("heading", { level: 1, name: "Oops" }).waitFor();
  await saved(page);
  assert.equal(await storedSessions(page), 0);
  await page.getByRole("button", { name: "Undo" }).click();
  await saved(page);
  assert.equal(await storedSessions(page), 1);
  await page.reload();
  await ready(page);
  await page.getByRole("link", { name: /Peers/ }).first().waitFor();
  await context.close();
});

test("the projector shows the step, the clock and all 20 items on a 1920×1080 screen", async () => {
  const { context, page } = await newPage({ width: 1920, height: 1080 });
  await atPairs(page, 4);
  await toReportOut(page, 20);
  await page.getByLabel("Minutes").fill("7");
  await page.getByRole("button", { name: "Start", exact: true }).click();
  const [projector] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: "Open the flip chart in a new window" }).click(),
  ]);
  await projector.getByText("Step 4 of 7 · Report out").waitFor();
  await projector.getByText(/^6:5\d$/).waitFor();
  await projector.getByText(/^20\. Item number 20/).waitFor();
  await projector.waitForTimeout(300);
  const below = await projector.evaluate(() => [...document.querySelectorAll(".display-items > li")]
    .filter((li) => li.getBoundingClientRect().bottom > window.innerHeight).length);
  assert.equal(below, 0, "items fall off the bottom of the screen");
  const size = await projector.locator(".display-text").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 16, `readable from the back of the room (${size}px)`);
  await context.close();
});

test("auto-lock waits while a step timer runs, then locks the projector too; unlocking brings it back", async () => {
  const { context, page, seen } = await newPage({ width: 1280, height: 800 }, true);
  await atPairs(page, 4);
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Type the passphrase again", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(/I understand that if I forget this passphrase/).check();
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await page.getByRole("status").filter({ hasText: "The lock is on" }).waitFor({ timeout: 10000 });
  await page.getByLabel("Lock by itself after").selectOption({ label: "1 minute" });
  await saved(page);
  await page.goBack();
  await page.getByRole("heading", { level: 2, name: /Step 2 · Pairs/ }).waitFor();
  const [projector] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: "Open the flip chart in a new window" }).click(),
  ]);
  await projector.getByText("Step 2 of 7 · Pairs").waitFor();
  await page.bringToFront();
  await page.getByLabel("Minutes").fill("10");
  await page.getByRole("button", { name: "Start", exact: true }).click();
  // Three minutes untouched while the timer runs: still open.
  await page.clock.runFor(180_000);
  assert.equal(await page.getByRole("heading", { name: "Peercircle is locked" }).count(), 0, "locked while the timer ran");
  await projector.getByText(/^6:5\d|^7:0\d$/).waitFor();
  await page.getByRole("button", { name: "Pause" }).click();
  await page.clock.runFor(70_000);
  await page.getByRole("heading", { level: 1, name: "Peercircle is locked" }).waitFor();
  // The projector goes blank with the facilitator's window, and never asks for the passphrase.
  await projector.getByRole("heading", { level: 1, name: "Peercircle is locked" }).waitFor();
  assert.equal(await projector.getByLabel("Passphrase").count(), 0);
  assert.equal(await projector.getByText("Pair 1").count(), 0);
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
  await projector.getByText("Step 2 of 7 · Pairs").waitFor({ timeout: 15000 });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("the kiosk keeps a pair's half-typed answer through a long pause and a full-screen warning", async () => {
  const { context, page } = await newPage({ width: 820, height: 1180 }, true);
  await atPairs(page, 4);
  await page.getByRole("button", { name: "Hand the tablet over for pair answers" }).click();
  await page.getByText(/Each pair taps its number/).waitFor();
  await page.getByText(/cleared after 3 minutes without a touch/).waitFor();
  await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill("2468");
  await page.getByLabel("Type the PIN again", { exact: true }).fill("2468");
  await page.getByRole("button", { name: "Start kiosk mode" }).click();
  await page.getByRole("button", { name: "Pair 2", exact: true }).click();
  const box = page.getByRole("textbox", { name: "Your pair's answer", exact: true });
  await box.fill("We think the first week");
  // Talking for two and a half minutes: no warning, nothing cleared.
  await page.clock.runFor(149_000);
  assert.equal(await page.getByRole("alertdialog").count(), 0);
  assert.equal(await box.inputValue(), "We think the first week");
  // Then the warning covers the screen; one tap keeps everything.
  await page.clock.runFor(2_000);
  const warning = page.getByRole("alertdialog", { name: "Are you still there?" });
  await warning.waitFor();
  const area = await warning.boundingBox();
  assert.ok(area.width >= 800 && area.height >= 1100, "the warning covers the screen");
  await page.getByRole("button", { name: "We're still here" }).click();
  await warning.waitFor({ state: "detached" });
  assert.equal(await box.inputValue(), "We think the first week");
  // Only a warning that runs out untouched clears the screen.
  await page.clock.runFor(181_000);
  await page.getByRole("heading", { level: 1, name: "Which pair are you?" }).waitFor();
  await page.getByRole("button", { name: "Pair 2", exact: true }).click();
  assert.equal(await box.inputValue(), "");
  await context.close();
});

test("auto-lock never locks over a change it could not save, says why, and locks once it is saved", async () => {
  const { context, page } = await newPage({ width: 1280, height: 800 }, true);
  await createProgramme(page, "Unsaved work");
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Type the passphrase again", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(/I understand that if I forget this passphrase/).check();
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await page.getByRole("status").filter({ hasText: "The lock is on" }).waitFor({ timeout: 10000 });
  await page.getByLabel("Lock by itself after").selectOption({ label: "1 minute" });
  await saved(page);
  await page.goBack();
  // The disk is full: every write fails from now on.
  await storageFull(page);
  await page.getByLabel("Purpose").fill("Words that could not be saved yet");
  await page.getByRole("status").filter({ hasText: "Not saved" }).waitFor();
  await page.clock.runFor(75_000);
  assert.equal(await page.getByRole("heading", { name: "Peercircle is locked" }).count(), 0, "locked over unsaved work");
  await page.getByRole("alert").filter({ hasText: "has not locked by itself" }).waitFor();
  assert.equal(await page.getByText("All changes saved").count(), 0, "the status claims saved while saving fails");
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Words that could not be saved yet");
  // Room again: saving works, and then it locks.
  await storageFull(page, false);
  await page.getByRole("button", { name: "Try saving again" }).click();
  await saved(page);
  await page.clock.runFor(75_000);
  await page.getByRole("heading", { level: 1, name: "Peercircle is locked" }).waitFor();
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByLabel("Purpose").waitFor({ timeout: 15000 });
  assert.equal(await page.getByLabel("Purpose").inputValue(), "Words that could not be saved yet");
  await context.close();
});
