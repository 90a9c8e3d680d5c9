// axe-core on every screen: no serious or critical accessibility violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { serve, launch, open, createProgramme, addGroup, saved, overflowing } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function tooSmall(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("button, a, input, select, textarea, summary")]
      .filter((el) => el.offsetParent !== null && !el.classList.contains("skip"))
      // A checkbox or radio is tapped through its label too, so the label counts as its target.
      .filter((el) => ![...(el.labels || [])].some((l) => {
        const r = l.getBoundingClientRect();
        return r.height >= 44 && r.width >= 44;
      }))
      .map((el) => ({ el: el.outerHTML.slice(0, 80), ...el.getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 44 || r.width < 44)
      .map((r) => `${r.el} ${Math.round(r.width)}x${Math.round(r.height)}`));
}

async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("no serious or critical violations on any screen, at laptop and tablet sizes", async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 820, height: 1180 }]) {
    const { context, page } = await open(browser, server.url, { viewport });
    assert.deepEqual(await violations(page), [], "empty programmes list");
    await createProgramme(page, "Accessible programme");
    await addGroup(page, "Mentors", "Mentor peer support group");
    await saved(page);
    assert.deepEqual(await violations(page), [], "programme screen");
    await page.getByRole("button", { name: "Delete Mentors" }).click();
    assert.deepEqual(await violations(page), [], "confirmation");
    await formingScreens(page);
    await page.getByRole("link", { name: "Programmes", exact: true }).click();
    await page.getByRole("link", { name: "Accessible programme" }).waitFor();
    assert.deepEqual(await violations(page), [], "programmes list");
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    assert.deepEqual(await violations(page), [], "settings");
    await page.goto(server.url + "#/nowhere");
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    assert.deepEqual(await violations(page), [], "not found");
    await context.close();
  }
});

/** Roster, buy-in, a group's charter with a chair roster and attendance, and the print view. */
async function formingScreens(page, check = async (what) => assert.deepEqual(await violations(page), [], what)) {
  const programme = page.url();
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await page.getByLabel("Names, one per line").fill("Ana\nBo\nمرحبا سارة");
  await page.getByLabel("Add them to a group").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add these names" }).click();
  await page.getByText("Added 3 people.").waitFor();
  await page.getByRole("button", { name: "Edit Ana" }).click();
  await check("roster with an open editor");
  await page.getByRole("link", { name: /Back to / }).click();
  await page.getByRole("link", { name: "Awareness and buy-in" }).click();
  await page.getByRole("heading", { level: 1, name: "Awareness and buy-in" }).waitFor();
  await page.getByLabel("What was raised").fill("How much time does it take?");
  await page.getByRole("button", { name: "Add note" }).click();
  await check("awareness and buy-in");
  await page.getByRole("link", { name: /Back to / }).click();
  await page.getByRole("link", { name: /^Charter and meetings: / }).first().click();
  await page.getByRole("heading", { level: 2, name: "Group charter" }).waitFor();
  await page.getByRole("radio", { name: "Rotating chair" }).check();
  await page.getByLabel("First meeting").fill("2030-01-08");
  await page.getByRole("button", { name: "Set meeting dates" }).click();
  await page.getByRole("button", { name: "Make the chair roster" }).click();
  await page.getByLabel("Meeting date").fill("2029-12-01");
  await page.getByRole("button", { name: "Add meeting" }).click();
  await page.getByRole("table", { name: "Attendance" }).waitFor();
  await check("group charter, chair roster and attendance");
  await page.getByRole("radio", { name: "No designated roles" }).check();
  await check("no designated roles warning");
  await page.getByRole("link", { name: "Print the charter" }).click();
  await page.getByRole("heading", { level: 1, name: /Group charter:/ }).waitFor();
  await check("charter print view");
  await page.goto(programme);
  await page.getByRole("heading", { level: 2, name: "Trial periods" }).waitFor();
}

test("the keyboard reaches every control, focus is visible and targets are at least 44 px", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Keyboard only");
  await addGroup(page, "Peers");
  // Every screen this test visits is checked for small targets, including the forming ones.
  const smallTargets = async (what) => assert.deepEqual(await tooSmall(page), [], what);
  await smallTargets("programme");
  await formingScreens(page, smallTargets);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("button, a, input, select, textarea")]
      .filter((el) => el.offsetParent !== null && !el.classList.contains("skip"))
      .map((el) => ({ el: el.outerHTML.slice(0, 80), ...el.getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 44 || r.width < 44)
      .map((r) => `${r.el} ${Math.round(r.width)}x${Math.round(r.height)}`));
  assert.deepEqual(small, []);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Keyboard only" }).waitFor();
  await page.keyboard.press("Tab");
  const skip = await page.evaluate(() => document.activeElement.textContent);
  assert.equal(skip, "Skip to content");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, "solid");
  // Tab through the whole page: every focusable control is reached.
  const reached = new Set();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    reached.add(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim()));
  }
  for (const id of ["programme-name", "programme-organisation", "programme-purpose", "new-group-name", "Add group"]) {
    assert.ok(reached.has(id), `keyboard did not reach ${id}`);
  }
  await context.close();
});

test("the session runner, question bank and flip-chart display are axe-clean and touch-sized", async () => {
  const { context, page } = await open(browser, server.url, { viewport: { width: 820, height: 1180 } });
  await createProgramme(page, "Session screens");
  await addGroup(page, "Peers");
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByRole("heading", { level: 1, name: /Peers/ }).waitFor();
  const steps = [
    async () => { await page.getByLabel("Guests (people here who are not on the roster)").fill("5"); await page.getByLabel("Guests (people here who are not on the roster)").press("Tab"); },
    async () => { await page.getByRole("button", { name: "Form pairs at random" }).click(); },
    async () => { await page.getByRole("button", { name: "Form tables of two pairs" }).click();
      await page.getByLabel("Add to Table A's shared answer").fill("Ask early"); await page.getByLabel("Add to Table A's shared answer").press("Enter"); },
    async () => { await page.getByRole("button", { name: "Bring every table's answers to the flip chart" }).click(); },
    async () => {}, async () => {}, async () => {},
  ];
  const names = ["Attendance", "Pairs", "Tables", "Report out", "Agreement", "Consent", "Closed"];
  for (let i = 0; i < steps.length; i++) {
    await page.getByRole("heading", { level: 2, name: new RegExp(`Step ${i + 1}`) }).waitFor();
    await steps[i]();
    assert.deepEqual(await violations(page), [], `session step ${names[i]}`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("main button, main a, main input, main select")]
        .filter((el) => el.offsetParent !== null && !["checkbox", "radio"].includes(el.type))
        .map((el) => ({ t: el.outerHTML.slice(0, 60), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 44 || r.width < 44).map(({ t, r }) => `${t} ${r.width}x${r.height}`));
    assert.deepEqual(small, [], `touch targets on ${names[i]}`);
    if (i < steps.length - 1) await page.getByRole("button", { name: `Next: ${names[i + 1]}` }).click();
  }
  await page.getByRole("link", { name: "Show the flip chart on the big screen" }).click();
  await page.getByRole("button", { name: "Full screen on or off" }).waitFor();
  assert.deepEqual(await violations(page), [], "flip-chart display");
  await page.getByRole("link", { name: "Questions", exact: true }).waitFor({ state: "attached" });
  await page.goto(server.url + "#/questions");
  await page.getByRole("heading", { level: 1, name: "Questions" }).waitFor();
  assert.deepEqual(await violations(page), [], "question bank");
  await page.goto(server.url + "#/combine");
  await page.getByRole("heading", { level: 1, name: "Combine programme files" }).waitFor();
  assert.deepEqual(await violations(page), [], "combine");
  const picker = await page.getByLabel("Programme files to combine").boundingBox();
  assert.ok(picker.height >= 44, `the file picker is ${picker.height} px tall`);
  await page.getByRole("link", { name: "Programmes", exact: true }).click();
  await page.getByRole("link", { name: "Session screens" }).click();
  await page.getByRole("link", { name: "Share results" }).click();
  await page.getByRole("heading", { level: 1, name: "Share results" }).waitFor();
  assert.deepEqual(await violations(page), [], "share results");
  await context.close();
});

test("the lock settings and the unlock screen are axe-clean and touch-sized", async () => {
  const { context, page } = await open(browser, server.url, { viewport: { width: 820, height: 1180 } });
  await createProgramme(page, "Locked programme");
  await saved(page);
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByLabel("Passphrase", { exact: true }).fill("a long enough passphrase");
  await page.getByLabel("Type the passphrase again", { exact: true }).fill("a long enough passphrase");
  await page.getByLabel(/I understand that if I forget/).check();
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await page.getByRole("status").filter({ hasText: "The lock is on" }).waitFor({ timeout: 10000 });
  await page.locator("summary").filter({ hasText: "Change the passphrase" }).click();
  await page.locator("summary").filter({ hasText: "Turn the lock off" }).click();
  assert.deepEqual(await violations(page), [], "settings with the lock on");
  assert.deepEqual(await tooSmall(page), [], "settings with the lock on");
  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Peercircle is locked" }).waitFor();
  await page.getByRole("button", { name: "Forgot the passphrase?" }).click();
  assert.deepEqual(await violations(page), [], "unlock screen");
  assert.deepEqual(await tooSmall(page), [], "unlock screen");
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => document.activeElement !== document.body), "keyboard reaches the form");
  await context.close();
});

test("skills inventory, pairing review, contract and its print view are axe-clean and touch-sized", async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 820, height: 1180 }]) {
    const { context, page } = await open(browser, server.url, { viewport });
    const check = async (what) => {
      assert.deepEqual(await violations(page), [], what);
      assert.deepEqual(await tooSmall(page), [], `touch targets on ${what}`);
    };
    await createProgramme(page, "Pairing screens");
    await page.getByRole("link", { name: "Roster", exact: true }).click();
    await page.getByLabel("Names, one per line").fill("Ana\nBo\nمرحبا سارة");
    await page.getByRole("button", { name: "Add these names" }).click();
    await page.getByText("Added 3 people.").waitFor();
    await page.getByRole("link", { name: /Back to / }).click();
    await page.getByRole("link", { name: "Skills inventory", exact: true }).click();
    await page.getByLabel("New skill", { exact: true }).fill("Budgeting");
    await page.getByRole("button", { name: "Add skill" }).click();
    await page.getByRole("button", { name: "Edit Ana" }).click();
    await page.getByRole("combobox", { name: "Can offer Budgeting", exact: true }).selectOption({ label: "2 · some" });
    await page.getByText("Rename, merge or remove skills").click();
    await page.getByLabel("CSV file with skills").setInputFiles({ name: "s.csv", mimeType: "text/csv",
      buffer: Buffer.from("Name,Wants\nBo,Budgeting\nNobody,x\n") });
    await page.getByRole("button", { name: "Import skills" }).click();
    await page.getByText(/1 line could not be read/).waitFor();
    await check("skills inventory with an open editor and an import report");
    assert.deepEqual(await overflowing(page, "table.skills-table"), [], `skills table at ${viewport.width} px`);
    await page.getByRole("link", { name: "Go to pairing" }).click();
    await page.getByRole("button", { name: "Propose pairs" }).click();
    await page.getByRole("table", { name: /Proposed pairs/ }).waitFor();
    await page.getByRole("button", { name: /^Lock / }).first().click();
    await check("pairing review");
    await page.getByRole("button", { name: "Confirm these pairs" }).click();
    await page.getByRole("region", { name: "Confirmed pairs" }).getByRole("link").first().click();
    await page.getByLabel("Review date").fill("1999-01-01");
    await page.getByRole("alert").waitFor();
    await check("contract with a refused date");
    await page.getByRole("link", { name: "Print the contract" }).click();
    await page.getByRole("heading", { level: 1, name: "Peer mentoring contract" }).waitFor();
    await check("contract print view");
    await context.close();
  }
});

test("the kiosk screens are axe-clean, keyboard-usable and have large touch targets", async () => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(server.url);
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await createProgramme(page, "Kiosk screens");
  await addGroup(page, "Peers");
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByLabel("Guests (people here who are not on the roster)").fill("4");
  await page.getByLabel("Guests (people here who are not on the roster)").press("Tab");
  await page.getByRole("button", { name: "Next: Pairs" }).click();
  await page.getByRole("button", { name: "Form pairs at random" }).click();
  await page.getByRole("button", { name: "Hand the tablet over for pair answers" }).click();
  assert.deepEqual(await violations(page), [], "kiosk start form");
  assert.deepEqual(await tooSmall(page), [], "kiosk start form targets");
  await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill("4321");
  await page.getByLabel("Type the PIN again", { exact: true }).fill("4321");
  await page.getByLabel("Type the PIN again", { exact: true }).press("Enter");
  await page.getByRole("heading", { level: 1, name: "Which pair are you?" }).waitFor();
  const check = async (what) => {
    assert.deepEqual(await violations(page), [], what);
    assert.deepEqual(await tooSmall(page), [], `${what} targets`);
  };
  await check("kiosk picker");
  // Keyboard only: focus a pair's button, type, submit.
  await page.getByRole("button", { name: "Pair 1", exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Pair 1" }).waitFor();
  await check("kiosk answer box");
  await page.getByRole("textbox", { name: "Your pair's answer", exact: true }).focus();
  await page.keyboard.type("Typed with the keyboard");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
  await check("kiosk thank-you");
  await page.getByRole("button", { name: "Done: ready for the next group" }).click();
  await page.getByRole("button", { name: "Pair 2", exact: true }).click();
  await page.getByRole("textbox", { name: "Your pair's answer", exact: true }).fill("x");
  await page.clock.runFor(152_000);
  await page.getByRole("button", { name: "We're still here" }).waitFor();
  await check("kiosk idle countdown");
  await page.getByRole("button", { name: "We're still here" }).click();
  await page.getByRole("button", { name: "Facilitator", exact: true }).click();
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Facilitator PIN", { exact: true }).fill("0000");
    await page.getByLabel("Facilitator PIN", { exact: true }).press("Enter");
  }
  await page.getByText(/Too many wrong tries/).waitFor();
  await check("kiosk PIN prompt while waiting");
  await context.close();
});
