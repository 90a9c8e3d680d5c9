// Sharing: only consented items leave, names block the file until dealt with, small counts
// are hidden, and the saved file is exactly the preview.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
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

  // Name decisions last while the screen is open (kept with the data in a later change).
  await page.getByRole("button", { name: /^Replace “Maria/ }).click();
  await page.getByRole("radio", { name: /Programme file, for combining/ }).check();
  const json = JSON.parse(await page.getByLabel("File preview").innerText());
  assert.equal(json.format, "peercircle-shareable");
  await page.getByLabel("Hide any count smaller than").fill("2");
  await page.getByText("Please use a whole number of 3 or more.").waitFor();
  for (const url of seen.requests) assert.ok(url.startsWith(server.origin + "/"), `request left the origin: ${url}`);
  await context.close();
});
