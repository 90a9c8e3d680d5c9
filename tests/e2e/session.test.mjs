// The heart of Peercircle: a whole peer support group meeting, as Sweeny describes it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, addGroup, ready, serviceWorkerReady, stored } from "./harness.mjs";

const NAMES = ["Maria Lopez", "Sam Okafor", "Aisha Khan", "José Pérez", "Li Wei", "Fatima Noor", "Tom Brady", "Ines Costa", "Olu Ade"];
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A programme with a mentor group of nine people, pasted into its roster. */
async function programmeWithRoster(page) {
  await createProgramme(page, "Nursing mentors 2027");
  await addGroup(page, "Mentor circle", "Mentor peer support group");
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Roster" }).waitFor();
  await page.getByLabel("Names, one per line").fill(NAMES.join("\n"));
  await page.getByLabel("Add them to a group").selectOption({ label: "Mentor circle" });
  await page.getByRole("button", { name: "Add these names" }).click();
  await page.getByText("Added 9 people.", { exact: false }).waitFor();
  await page.getByRole("link", { name: /Back to Nursing mentors 2027/ }).click();
  await page.getByRole("heading", { level: 1, name: "Nursing mentors 2027" }).waitFor();
}

async function addPoint(page, label, text) {
  const box = page.getByLabel(`Add to ${label}`, { exact: true });
  await box.fill(text);
  await box.press("Enter");
  await page.getByRole("list", { name: label, exact: true }).getByRole("listitem").filter({ hasText: text }).waitFor();
  assert.equal(await box.inputValue(), "", "the box is empty again after adding");
}

// The flip chart's own items (answers merged into an item are listed inside it).
const chart = (page) => page.getByRole("list", { name: "Flip chart" }).locator(":scope > li");

test("a whole session: pairs with a trio, three tables, merged flip chart, counts, consent", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await programmeWithRoster(page);
  await serviceWorkerReady(page);
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByRole("heading", { level: 1, name: /Mentor circle/ }).waitFor();

  // Attendance: nine of the roster, no guests.
  await page.getByRole("button", { name: "Mark everyone present" }).click();
  await page.getByText("9 people are here.").waitFor();
  await page.getByRole("checkbox", { name: "Olu Ade" }).uncheck();
  await page.getByText("8 people are here.").waitFor();
  // Attendance feeds the roster's commitment figures for this group.
  await saved(page);
  const sessionUrl = page.url();
  await page.getByRole("link", { name: "Nursing mentors 2027" }).click();
  await page.getByRole("link", { name: "Charter and meetings: Mentor circle" }).click();
  const attendance = page.getByRole("table", { name: "Attendance" });
  await attendance.getByRole("row", { name: /Maria Lopez/ }).getByText("100% (1 of 1)").waitFor();
  await attendance.getByRole("row", { name: /Olu Ade/ }).getByText("0% (0 of 1)").waitFor();
  await page.goto(sessionUrl);
  await page.getByRole("checkbox", { name: "Olu Ade" }).check();
  await page.getByText("9 people are here.").waitFor();
  await page.getByRole("button", { name: "Next: Pairs" }).click();

  // Pairs: four pairs, one of them a trio.
  await page.getByRole("button", { name: "Form pairs at random" }).click();
  await page.getByRole("heading", { level: 3, name: /Pair 4/ }).waitFor();
  assert.equal(await page.getByText("Trio", { exact: true }).count(), 1);
  for (const n of [1, 2, 3, 4]) await addPoint(page, `Pair ${n}'s agreed answer`, `Pair ${n} says: ask early`);
  await page.getByRole("button", { name: "Next: Tables" }).click();

  // Tables: two of two pairs, then Pair 4 moves to a third table.
  await page.getByRole("button", { name: "Form tables of two pairs" }).click();
  await page.getByLabel("Move Pair 4 to").selectOption({ label: "A new table" });
  await page.getByRole("heading", { level: 3, name: "Table C" }).waitFor();
  await addPoint(page, "Table A's shared answer", "Finding time every week");
  await addPoint(page, "Table A's shared answer", "Listening before advising");
  await addPoint(page, "Table A's minority report", "Paperwork gets in the way");
  await addPoint(page, "Table B's shared answer", "Making time each week");
  await addPoint(page, "Table B's shared answer", "Celebrating small wins");
  await addPoint(page, "Table C's shared answer", "Listening first");
  await addPoint(page, "Table C's shared answer", "Small wins matter");

  // Reload mid-session: everything is still there, at the same step.
  await saved(page);
  await page.reload();
  await ready(page);
  await page.getByRole("heading", { level: 2, name: /Step 3 · Tables/ }).waitFor();
  assert.equal(await page.getByRole("list", { name: "Table C's shared answer", exact: true }).getByRole("listitem").nth(1).locator("p").innerText(), "Small wins matter");
  await page.getByRole("button", { name: "Next: Report out" }).click();

  // Report out: 7 raw answers, merged into 4 items.
  await page.getByRole("button", { name: "Bring every table's answers to the flip chart" }).click();
  await chart(page).nth(6).waitFor();
  // Options carry each item's lasting id; the room sees 1 to n.
  const merge = async (into, from) => {
    const before = await chart(page).count();
    await page.getByLabel("Keep this item").selectOption({ value: String(into) });
    await page.getByLabel("and fold this one into it").selectOption({ value: String(from) });
    await page.getByRole("button", { name: "Merge", exact: true }).click();
    await chart(page).nth(before - 1).waitFor({ state: "detached" });
  };
  await merge(1, 4); // finding time + making time
  await merge(2, 6); // listening before advising + listening first
  await merge(5, 7); // celebrating small wins + small wins matter
  const items = await page.getByRole("list", { name: "Flip chart" }).locator(".item-text").allInnerTexts();
  assert.deepEqual(items, ["Finding time every week", "Listening before advising", "Paperwork gets in the way", "Celebrating small wins"]);
  const numbers = await page.getByRole("list", { name: "Flip chart" }).locator(".item-number").allInnerTexts();
  assert.deepEqual(numbers, ["Item 1", "Item 2", "Item 3", "Item 4"], "numbered 1 to n after merging");
  assert.equal(await page.getByText("Minority report").count(), 1, "the minority report stays marked");
  assert.match(await page.getByText(/Raised by 2 tables: A, B/).innerText(), /A, B/);
  // Un-merge and merge again: nothing is lost.
  await page.getByRole("button", { name: "Un-merge “Small wins matter” from item 4" }).click();
  await chart(page).nth(4).waitFor();
  assert.equal(await chart(page).nth(4).locator(".item-text").innerText(), "Small wins matter");
  await merge(5, 7);
  await page.getByRole("button", { name: "Next: Agreement" }).click();

  // Agreement: counts never above the nine present.
  for (let i = 0; i < 8; i++) await page.getByRole("button", { name: "One more agrees with item 1" }).click();
  await page.getByRole("spinbutton", { name: "People agreeing with item 2" }).fill("6");
  await page.getByRole("spinbutton", { name: "People agreeing with item 2" }).press("Tab");
  await page.getByRole("spinbutton", { name: "People agreeing with item 4" }).fill("12");
  await page.getByRole("spinbutton", { name: "People agreeing with item 4" }).press("Tab");
  await page.getByText("Only 9 people are here, so no more than 9 can agree.").waitFor();
  await page.getByRole("spinbutton", { name: "People agreeing with item 4" }).fill("4");
  await page.getByRole("spinbutton", { name: "People agreeing with item 4" }).press("Tab");
  assert.equal(await page.getByRole("spinbutton", { name: "People agreeing with item 1" }).inputValue(), "8");
  await page.getByRole("button", { name: "Next: Consent" }).click();

  // Consent: internal only by default; one objection keeps an item in the room.
  await page.getByText(/Would anyone mind if these comments were shared/).waitFor();
  await page.getByText("0 of 4 items may be shared outside the programme.", { exact: false }).waitFor();
  for (const n of [1, 2, 4]) {
    await page.getByRole("group", { name: new RegExp(`^Item ${n}:`) }).getByRole("radio", { name: "May be shared" }).check();
  }
  await page.getByRole("button", { name: "Someone objected to item 2" }).click();
  await page.getByText("2 of 4 items may be shared outside the programme.", { exact: false }).waitFor();
  assert.equal(await page.getByRole("group", { name: /^Item 2:/ }).getByRole("radio", { name: "May be shared" }).isDisabled(), true);
  await page.getByRole("button", { name: "Next: Closed" }).click();
  await page.getByText("9 (9 from the roster, 0 guests)").waitFor();

  // The flip-chart display: big type, items and counts, no names at all.
  await page.getByRole("button", { name: "Back to Consent" }).click();
  await page.getByRole("button", { name: "Back to Agreement" }).click();
  await page.getByRole("link", { name: "Show the flip chart on the big screen" }).click();
  await page.getByRole("heading", { level: 1, name: /Looking back on your first month/ }).waitFor();
  const shown = await page.locator("body").innerText();
  for (const name of NAMES) {
    for (const part of name.split(" ")) {
      assert.ok(!new RegExp(`(^|[^\\p{L}])${part}([^\\p{L}]|$)`, "u").test(shown), `the display shows ${part}`);
    }
  }
  await page.getByRole("button", { name: "One more agrees with item 4" }).click();
  assert.equal(await page.getByRole("spinbutton", { name: "People agreeing with item 4" }).inputValue(), "5");

  // Offline: stop the server, reload, carry on.
  await saved(page);
  await server.close();
  await page.reload();
  // Reloaded on the flip chart, the tab shows it as a room screen (as a projector window
  // would, no controls); "Back to the session" rejoins as the facilitator's tab.
  await page.getByRole("heading", { level: 1, name: /Looking back on your first month/ }).waitFor();
  await page.getByRole("link", { name: "Back to the session" }).click();
  await ready(page);
  await page.getByRole("heading", { level: 2, name: /Step 5 · Agreement/ }).waitFor();
  await page.getByRole("button", { name: "Next: Consent" }).click();
  await page.getByText("2 of 4 items may be shared outside the programme.", { exact: false }).waitFor();

  // The stored session links no answer to a person once tables are formed.
  const text = Object.entries(await stored(page)).filter(([k]) => k.startsWith("peercircle:session:")).map(([, v]) => v).join("");
  const session = JSON.parse(text).data;
  assert.equal(session.seats, undefined);
  // Structurally: answers sit only in fields that cannot hold a person.
  const allowed = {
    pairs: ["number", "size", "points"],
    tables: ["number", "pairs", "consensus", "minority"],
    flip_chart: ["number", "text", "minority", "raised_by", "agree", "consent", "merged"],
  };
  const walk = (part, value) => {
    for (const entry of value) {
      for (const key of Object.keys(entry)) assert.ok(allowed[part].includes(key), `${part} has a field ${key}`);
      if (entry.merged) walk(part, entry.merged);
    }
  };
  for (const part of Object.keys(allowed)) walk(part, session[part]);
  const raw = JSON.stringify(session);
  for (const name of NAMES) {
    for (const part of name.split(" ")) {
      assert.ok(!new RegExp(`(^|[^\\p{L}])${part}([^\\p{L}]|$)`, "u").test(raw), `the session names ${part}`);
    }
  }
  assert.deepEqual(seen.errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), []);
  server = await serve();
  await context.close();
});

test("the question bank: starters for each audience, add your own, retire and reuse; used in a session", async () => {
  const { context, page } = await open(browser, server.url);
  await page.getByRole("link", { name: "Questions", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Questions" }).waitFor();
  const starters = await page.getByRole("textbox", { name: "Question", exact: true }).count();
  assert.ok(starters >= 15, `a starter bank (${starters})`);
  await page.getByLabel("New question").fill("What surprised you most this term?");
  await page.getByLabel("For which groups").selectOption({ label: "Mentors" });
  await page.getByRole("button", { name: "Add question" }).click();
  await page.getByRole("textbox", { name: "Question", exact: true }).last().waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Question", exact: true }).count(), starters + 1);
  await page.getByLabel("New question").fill("What surprised you most this term?");
  await page.getByRole("button", { name: "Add question" }).click();
  await page.getByText("That question is already in the bank.").waitFor();
  await page.getByRole("button", { name: "Retire" }).first().click();
  await page.getByRole("heading", { level: 2, name: "Retired" }).waitFor();
  await page.getByRole("button", { name: "Use again" }).click();
  await page.getByRole("heading", { level: 2, name: "Retired" }).waitFor({ state: "detached" });
  await saved(page);
  await page.reload();
  await ready(page);
  // The screen's code arrives after the page is ready (it is loaded on first use).
  await page.getByRole("heading", { level: 1, name: "Questions" }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Question", exact: true }).count(), starters + 1);
  await page.getByRole("link", { name: "Programmes", exact: true }).click();
  await createProgramme(page, "Questions in use");
  await addGroup(page, "Mentors", "Mentor peer support group");
  const offered = await page.getByLabel("Question from the bank").locator("option").allInnerTexts();
  assert.ok(offered.includes("What surprised you most this term?"), "own mentor question offered to a mentor group");
  await page.getByLabel("Or type a question for this session only").fill("What would you tell last year's you?");
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByText("What would you tell last year's you?").waitFor();
  await context.close();
});

test("a step timer counts down, pauses, takes an extra minute and says when time is up", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(server.url);
  await ready(page);
  await createProgramme(page, "Timed");
  await addGroup(page, "Peers");
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByRole("heading", { level: 2, name: "Timer for Attendance" }).waitFor();
  await page.getByLabel("Minutes").fill("1");
  await page.getByRole("button", { name: "Start" }).click();
  await page.clock.runFor(30_000);
  await page.getByText("0:30", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Pause" }).click();
  await page.clock.runFor(60_000);
  await page.getByText("0:30", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Add a minute" }).click();
  await page.getByText("1:30", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Start" }).click();
  await page.clock.runFor(95_000);
  await page.getByText("Time is up.").waitFor();
  await page.getByText("0:00", { exact: true }).waitFor();
  // The chime is a setting, kept across reloads.
  await page.getByLabel("Chime when time is up").uncheck();
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Chime when time is up").isChecked(), false);
  await context.close();
});

test("the flip chart opened in its own window follows the runner live and is never locked out", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Projector");
  await addGroup(page, "Peers");
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByLabel("Guests (people here who are not on the roster)").fill("4");
  await page.getByLabel("Guests (people here who are not on the roster)").press("Tab");
  await page.getByRole("button", { name: "Next: Pairs" }).click();
  await page.getByRole("button", { name: "Form pairs at random" }).click();
  await page.getByRole("button", { name: "Next: Tables" }).click();
  await page.getByRole("button", { name: "Form tables of two pairs" }).click();
  await page.getByLabel("Add to Table A's shared answer").fill("Peers explain it better");
  await page.getByLabel("Add to Table A's shared answer").press("Enter");
  await page.getByRole("button", { name: "Next: Report out" }).click();
  await page.getByRole("button", { name: "Bring every table's answers to the flip chart" }).click();
  await page.getByRole("button", { name: "Next: Agreement" }).click();
  await saved(page);
  const [projector] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: "Open the flip chart in a new window" }).click(),
  ]);
  await projector.getByText("1. Peers explain it better").waitFor();
  await projector.getByText("0 agree").waitFor();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "One more agrees with item 1" }).click();
  await saved(page);
  await projector.getByText("3 agree").waitFor();
  assert.equal(await projector.getByRole("alert").filter({ hasText: "open in another tab" }).count(), 0);
  assert.equal(await page.getByRole("alert").filter({ hasText: "open in another tab" }).count(), 0, "the runner stays in charge");
  assert.equal(await projector.getByRole("button", { name: /agrees with item/ }).count(), 0, "the projector only shows");
  await context.close();
});
