// Sharing: only consented items leave, names block the file until dealt with, small counts
// are hidden, and the saved file is exactly the preview.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve, launch, open, saved, createProgramme, addGroup, ready, stored } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function addPoint(page, label, text) {
  await page.getByLabel(`Add to ${label}`, { exact: true }).fill(text);
  await page.getByLabel(`Add to ${label}`, { exact: true }).press("Enter");
  await page.getByRole("list", { name: label, exact: true }).getByRole("listitem").filter({ hasText: text }).waitFor();
}

test("export: consented items only, a roster name blocks until replaced, the file is the preview", async () => {
  const { context, page, seen } = await open(browser, server.url, { acceptDownloads: true });
  await createProgramme(page, "Share check");
  await addGroup(page, "Mentor circle", "Mentor peer support group");
  await saved(page);
  const records = await stored(page);
  const key = Object.keys(records).find((k) => k.startsWith("peercircle:programme:"));
  const record = JSON.parse(records[key]);
  record.data.participants = [{ id: 500, display_name: "Maria Lopez", roles: ["mentor"], groups: [] }];
  // Written where an older Peercircle kept it; the reload moves it in.
  await page.evaluate(([k, t]) => localStorage.setItem(k, t), [key, JSON.stringify(record)]);
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
  assert.equal(await page.getByRole("button", { name: /^Keep/ }).count(), 0, "no Keep without a written approval");
  if (process.env.SHOTS) await page.screenshot({ path: "shots/share-blocked.png", fullPage: true });
  await page.getByRole("button", { name: /^Replace “Maria/ }).click();

  // The spreadsheet, shown as a table, with the exact bytes behind a disclosure.
  await page.getByRole("radio", { name: /Agreement counts/ }).check();
  const table = page.getByRole("table", { name: "The spreadsheet, one row per shared item" });
  await table.getByRole("row", { name: /Ask for help early/ }).waitFor();
  const bytes = page.getByLabel("The exact bytes of the file");
  const shown = await bytes.textContent();
  assert.match(shown, /Ask for help early/);
  assert.match(shown, /\[name\]/);
  assert.doesNotMatch(shown, /Maria|Keep this one in the room/);
  await page.getByText(/Left out: 1 item not consented/).waitFor();
  if (process.env.SHOTS) await page.screenshot({ path: "shots/share-preview.png", fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Save the file/ }).click()]);
  assert.match(download.suggestedFilename(), /^peercircle-agreement-counts-\d{4}-\d{2}\.csv$/);
  const file = fs.readFileSync(await download.path(), "utf8");
  assert.equal(file, shown, "the saved file is exactly the bytes shown");
  // 8 people present: a population of 5 or more, so "2 agreed" is shown as counted.
  assert.match(file, /,2,8\r\n/);
  // The strict setting hides the small answer again.
  await page.getByRole("checkbox", { name: /Strict/ }).check();
  await table.getByRole("row", { name: /\[name\] advice/ }).getByRole("cell", { name: "fewer than 5" }).waitFor();
  await page.getByRole("checkbox", { name: /Strict/ }).uncheck();
  // The file is in the list of figures already shared, and the threshold is now fixed.
  const ledger = page.getByRole("region", { name: "Figures already shared from this device" });
  await ledger.getByText(/Agreement counts \(CSV\)/).waitFor();
  await page.getByText(/stays fixed for this programme/).waitFor();

  // A testimony from a consented item, edited and credited to a role.
  await page.getByRole("button", { name: "Make a testimony from “Ask for help early”" }).click();
  const quote = page.getByRole("textbox", { name: "Testimony", exact: true });
  await quote.fill("I learned to ask for help early, not late.");
  await quote.press("Tab");
  await page.getByLabel("Credited to").fill("a first-year mentor");
  await page.getByLabel("Credited to").press("Tab");
  await page.getByRole("radio", { name: /Testimonies, for a newsletter/ }).check();
  const readable = page.getByRole("region", { name: "What the file will hold" });
  await readable.getByText("I learned to ask for help early, not late.", { exact: true }).waitFor();
  await readable.getByText(/a first-year mentor/).first().waitFor();
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
  await readable.getByText("No testimony is ready for this file.").first().waitFor();
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole("textbox", { name: "Testimony", exact: true }).inputValue(), "I learned to ask for help early, not late.");
  // The Replace decision was stored with the programme: after a reload the file is not blocked.
  await page.getByRole("radio", { name: /Agreement counts/ }).check();
  await table.getByRole("row", { name: /\[name\] advice/ }).waitFor();

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
  await page.getByRole("radio", { name: /Testimonies, for a newsletter/ }).check();
  await page.getByLabel("What the testimonies are for").selectOption({ label: "A newsletter" });
  await readable.getByText(/— Maria Lopez/).first().waitFor();
  await page.getByLabel("What the testimonies are for").selectOption({ label: "A brochure or flyer" });
  const notCovered = page.getByRole("alert").filter({ hasText: "This file cannot be made yet" });
  await notCovered.waitFor();
  assert.match(await notCovered.innerText(), /does not cover brochures/);
  // An evaluation report is an evaluation use, whatever the purpose box says.
  await page.getByLabel("What the testimonies are for").selectOption({ label: "A newsletter" });
  await page.getByRole("radio", { name: /Evaluation report with charts/ }).check();
  await page.getByRole("alert").filter({ hasText: /does not cover evaluation reports/ }).waitFor();
  await page.getByLabel("How to credit it").selectOption({ label: "A role, not a name" });
  await page.getByLabel("Include in the file").uncheck();

  await page.getByRole("radio", { name: /Programme file, for combining/ }).check();
  await readable.getByText(/Ask for help early/).first().waitFor();
  const jsonText = await page.getByLabel("The exact bytes of the file").textContent();
  const json = JSON.parse(jsonText);
  assert.equal(json.format, "peercircle-shareable");

  // The policy: whole months; a range that leaves the meeting out leaves its items out.
  await page.getByRole("radio", { name: /Agreement counts/ }).check();
  await page.getByLabel("From the month (optional)").fill("2099-01");
  await page.waitForFunction(() => {
    const p = document.querySelector('[aria-label="The exact bytes of the file"]');
    return p && p.textContent.includes("Month") && !p.textContent.includes("Ask for help early");
  }, null, { timeout: 5000 });
  await page.getByLabel("Until the month (optional)").fill("2098-01");
  await page.getByText("The first month must come before the last one.").waitFor();
  await page.getByLabel("From the month (optional)").fill("");
  await page.getByLabel("Until the month (optional)").fill("");
  await table.getByRole("row", { name: /Ask for help early/ }).waitFor();

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
