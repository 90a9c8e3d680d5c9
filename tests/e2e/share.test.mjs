// Sharing: only consented items leave, names block the file until dealt with, small counts
// are hidden, and the saved file is exactly the preview.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve, launch, open, saved, createProgramme, addGroup, ready } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function addPoint(page, label, text) {
  await page.getByLabel(`Add to ${label}`, { exact: true }).fill(text);
  await page.getByLabel(`Add to ${label}`, { exact: true }).press("Enter");
  await page.getByRole("textbox", { name: `${label}, point`, exact: false }).first().waitFor();
}

test("export: consented items only, a roster name blocks until replaced, the file is the preview", async () => {
  const { context, page, seen } = await open(browser, server.url, { acceptDownloads: true });
  await createProgramme(page, "Share check");
  await addGroup(page, "Mentor circle", "Mentor peer support group");
  await saved(page);
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("peercircle:programme:"));
    const record = JSON.parse(localStorage.getItem(key));
    record.data.participants = [{ id: 500, display_name: "Maria Lopez", roles: ["mentor"], groups: [] }];
    localStorage.setItem(key, JSON.stringify(record));
  });
  await page.reload();
  await ready(page);
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByLabel("Guests (people here who are not on the roster)").fill("8");
  await page.getByLabel("Guests (people here who are not on the roster)").press("Tab");
  await page.getByRole("button", { name: "Next: Pairs" }).click();
  await page.getByRole("button", { name: "Form pairs at random" }).click();
  await page.getByRole("button", { name: "Next: Tables" }).click();
  await page.getByRole("button", { name: "Form tables of two pairs" }).click();
  await addPoint(page, "Table A's shared answer", "Ask for help early");
  await addPoint(page, "Table A's shared answer", "Maria's advice on rotas helped");
  await addPoint(page, "Table B's shared answer", "Keep this one in the room");
  await page.getByRole("button", { name: "Next: Report out" }).click();
  await page.getByRole("button", { name: "Bring every table's answers to the flip chart" }).click();
  await page.getByRole("button", { name: "Next: Agreement" }).click();
  await page.getByRole("spinbutton", { name: "People agreeing with item 1" }).fill("6");
  await page.getByRole("spinbutton", { name: "People agreeing with item 1" }).press("Tab");
  await page.getByRole("spinbutton", { name: "People agreeing with item 2" }).fill("2");
  await page.getByRole("spinbutton", { name: "People agreeing with item 2" }).press("Tab");
  await page.getByRole("button", { name: "Next: Consent" }).click();
  for (const n of [1, 2]) await page.getByRole("group", { name: new RegExp(`^Item ${n}:`) }).getByRole("radio", { name: "May be shared" }).check();
  await saved(page);

  await page.getByRole("link", { name: "Share check" }).click();
  await page.getByRole("link", { name: "Share results" }).click();
  await page.getByRole("heading", { level: 1, name: "Share results" }).waitFor();
  const blocked = page.getByRole("alert").filter({ hasText: "This file cannot be made yet" });
  await blocked.waitFor();
  assert.match(await blocked.innerText(), /contains a name from your roster: 'Maria'/);
  assert.equal(await page.getByRole("button", { name: /Save the file/ }).count(), 0, "no file while a name is in it");
  if (process.env.SHOTS) await page.screenshot({ path: "shots/share-blocked.png", fullPage: true });
  await page.getByRole("button", { name: /^Replace “Maria/ }).click();

  const preview = page.getByLabel("File preview");
  await preview.waitFor();
  const shown = await preview.innerText();
  assert.match(shown, /Ask for help early/);
  assert.match(shown, /\[name\]/);
  assert.doesNotMatch(shown, /Maria|Keep this one in the room/);
  await page.getByText(/Left out: 1 item not consented/).waitFor();
  if (process.env.SHOTS) await page.screenshot({ path: "shots/share-preview.png", fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Save the file/ }).click()]);
  assert.match(download.suggestedFilename(), /^peercircle-agreement-counts-\d{4}-\d{2}\.csv$/);
  const file = fs.readFileSync(await download.path(), "utf8");
  assert.equal(file.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n").trim(), shown.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n").trim());
  // 2 of 8 agreeing is a small count: hidden.
  assert.match(file, /fewer than 5/);

  // A testimony from a consented item, edited and credited to a role.
  await page.getByRole("button", { name: "Make a testimony from “Ask for help early”" }).click();
  const quote = page.getByRole("textbox", { name: "Testimony", exact: true });
  await quote.fill("I learned to ask for help early, not late.");
  await quote.press("Tab");
  await page.getByLabel("Credited to").fill("a first-year mentor");
  await page.getByLabel("Credited to").press("Tab");
  await page.getByRole("radio", { name: /Testimonies, for a newsletter/ }).check();
  await page.getByLabel("File preview").filter({ hasText: "I learned to ask for help early, not late." }).waitFor();
  assert.match(await page.getByLabel("File preview").innerText(), /a first-year mentor/);
  const saveAs = async (pattern) => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Save the file/ }).click()]);
    assert.match(d.suggestedFilename(), pattern);
    return fs.readFileSync(await d.path(), "utf8");
  };
  const md = await saveAs(/testimonies-\d{4}-\d{2}\.md$/);
  assert.match(md, /I learned to ask for help early, not late\./);
  await page.getByRole("radio", { name: /Evaluation report with charts/ }).check();
  const html = await saveAs(/evaluation-report-\d{4}-\d{2}\.html$/);
  assert.match(html, /<svg/);
  assert.doesNotMatch(html, /<script|Maria|Keep this one in the room/);
  await page.getByLabel("Include in the file").uncheck();
  await page.getByRole("radio", { name: /Testimonies, for a newsletter/ }).check();
  await page.getByLabel("File preview").waitFor();
  assert.doesNotMatch(await page.getByLabel("File preview").innerText(), /not late/);
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole("textbox", { name: "Testimony", exact: true }).inputValue(), "I learned to ask for help early, not late.");

  // A named credit is offered only with a written approval, and only for the uses ticked.
  await page.getByRole("link", { name: "Share check" }).click();
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await page.getByRole("button", { name: "Edit Maria Lopez" }).click();
  await page.getByLabel("Approval given on").fill("2026-01-01");
  await page.getByLabel("What it covers").fill("Signed form, January");
  await page.getByRole("checkbox", { name: "Newsletters" }).check();
  await page.getByRole("button", { name: "Record written approval" }).click();
  await page.getByText(/Written approval given 2026-01-01 for: Newsletters/).waitFor();
  await page.getByRole("link", { name: /Back to Share check/ }).click();
  await page.getByRole("link", { name: "Share results" }).click();
  await page.getByLabel("Include in the file").check();
  await page.getByLabel("How to credit it").selectOption({ label: "By name: Maria Lopez (approved for newsletters)" });
  await page.getByRole("button", { name: /^Replace “Maria/ }).click();
  await page.getByRole("radio", { name: /Testimonies, for a newsletter/ }).check();
  await page.getByLabel("What the file is for").selectOption({ label: "A newsletter" });
  await page.getByLabel("File preview").filter({ hasText: "Maria Lopez" }).waitFor();
  await page.getByLabel("What the file is for").selectOption({ label: "A brochure or flyer" });
  const notCovered = page.getByRole("alert").filter({ hasText: "This file cannot be made yet" });
  await notCovered.waitFor();
  assert.match(await notCovered.innerText(), /approv/i);
  await page.getByLabel("How to credit it").selectOption({ label: "A role, not a name" });
  await page.getByLabel("Include in the file").uncheck();
  await page.getByLabel("What the file is for").selectOption({ label: "An evaluation report" });

  // Name decisions last while the screen is open (the Replace above, made after coming back
  // to this screen, still holds here).
  await page.getByRole("radio", { name: /Programme file, for combining/ }).check();
  const jsonText = await page.getByLabel("File preview").innerText();
  const json = JSON.parse(jsonText);
  assert.equal(json.format, "peercircle-shareable");

  // The policy: a date range that leaves the meeting out leaves its items out.
  await page.getByRole("radio", { name: /Agreement counts/ }).check();
  await page.getByLabel("Meetings from (optional)").fill("2099-01-01");
  await page.waitForFunction(() => {
    const p = document.querySelector('[aria-label="File preview"]');
    return p && p.innerText.includes("Month") && !p.innerText.includes("Ask for help early");
  }, null, { timeout: 5000 }).catch(async (e) => {
    await page.screenshot({ path: "shots/share-dates.png", fullPage: true });
    console.log("from value:", await page.getByLabel("Meetings from (optional)").inputValue(), JSON.stringify(seen.errors));
    throw e;
  });
  await page.getByLabel("Meetings until (optional)").fill("2098-01-01");
  await page.getByText("The first date must come before the last one.").waitFor();
  await page.getByLabel("Meetings from (optional)").fill("");
  await page.getByLabel("Meetings until (optional)").fill("");
  await page.getByLabel("File preview").filter({ hasText: "Ask for help early" }).waitFor();
  await page.getByLabel("What the file is for").selectOption({ label: "A newsletter" });
  await page.getByLabel("Hide any count smaller than").fill("2");
  await page.getByText("Please use a whole number of 3 or more.").waitFor();

  // A programme lead combines two facilitators' files; anything else is refused with a reason.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "peercircle-combine-"));
  fs.writeFileSync(path.join(dir, "north.json"), jsonText);
  fs.writeFileSync(path.join(dir, "south.json"), jsonText);
  fs.writeFileSync(path.join(dir, "notes.json"), JSON.stringify({ names: ["Maria Lopez"] }));
  await page.goto(server.url + "#/combine");
  await page.getByRole("heading", { level: 1, name: "Combine programme files" }).waitFor();
  await page.getByLabel("Programme files to combine").setInputFiles([path.join(dir, "north.json"), path.join(dir, "notes.json")]);
  const refused = page.getByRole("alert").filter({ hasText: "These files cannot be combined" });
  await refused.waitFor();
  assert.match(await refused.innerText(), /notes\.json/);
  await page.getByLabel("Programme files to combine").setInputFiles([path.join(dir, "north.json"), path.join(dir, "south.json")]);
  await page.getByLabel("Combined file preview").waitFor();
  await page.getByRole("radio", { name: /Agreement counts/ }).check();
  const combined = await page.getByLabel("Combined file preview").innerText();
  assert.match(combined, /Ask for help early/);
  assert.doesNotMatch(combined, /Maria|Keep this one in the room/);
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save the combined file" }).click()]);
  assert.match(d.suggestedFilename(), /^peercircle-combined-agreement-counts-/);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const url of seen.requests) assert.ok(url.startsWith(server.origin + "/"), `request left the origin: ${url}`);
  await context.close();
});
