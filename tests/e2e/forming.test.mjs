// Forming a group the way the sources describe: roster by pasting, awareness notes and trial
// periods, the seven-stage charter with renegotiation, a fair rotating chair with a swap,
// attendance, printing, and all of it surviving a reload and going offline.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, addGroup, ready, serviceWorkerReady } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A local date `days` from today, as a date input wants it. */
export function day(days = 0) {
  const d = new Date(Date.now() + days * 86400000);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const TEN = ["Maria", "Sam", "Jo", "Priya", "Kwame", "Lena", "Tomás", "Aiko", "Ravi", "Noor"];

export async function pasteNames(page, text, group) {
  await page.getByLabel("Names, one per line").fill(text);
  if (group) await page.getByLabel("Add them to a group").selectOption({ label: group });
  await page.getByRole("button", { name: "Add these names" }).click();
}

test("paste ten people, build a charter, rotate the chair, print, reload and go offline", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Student supervision");
  await addGroup(page, "Supervisors circle");
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Roster" }).waitFor();
  await pasteNames(page, TEN.join("\n") + "\n\nmaria\n", "Supervisors circle");
  await page.getByText("Added 10 people. Skipped 1 repeated in the list. Ignored 1 empty lines.").waitFor();
  assert.equal(await page.getByRole("listitem").filter({ hasText: "Supervisors circle" }).count(), 10);

  await page.getByRole("link", { name: /Back to Student supervision/ }).click();
  await page.getByRole("link", { name: "Charter and meetings: Supervisors circle" }).click();
  await page.getByRole("heading", { level: 1, name: "Supervisors circle" }).waitFor();
  const texts = {
    "Purpose of the group": "Support for supervising students",
    "Who the group is for": "Staff from any profession who currently take students",
    "How members are chosen": "Invitation by the project partners",
    "Overall contract": "We support each other's supervision; we do not supervise each other",
    "How the work is managed": "One case per meeting, presented in ten minutes, then questions",
  };
  for (const [label, text] of Object.entries(texts)) {
    await page.getByRole("textbox", { name: label }).fill(text);
    await page.getByRole("button", { name: `Everyone agreed: ${label}` }).click();
  }
  await page.getByRole("button", { name: "Everyone agreed: The members" }).click();
  await page.getByRole("textbox", { name: "Confidentiality" }).fill("What is said here stays here, and so do the students we discuss.");
  await page.getByRole("textbox", { name: "Time each presenter gets" }).fill("15 minutes");
  await page.getByRole("button", { name: "Everyone agreed: Working agreement" }).click();
  await page.getByText("7 of 7 stages agreed").waitFor();

  // Renegotiation keeps the earlier version.
  await page.getByRole("textbox", { name: "Time each presenter gets" }).fill("20 minutes");
  await page.getByText(/Changed since everyone agreed on/).waitFor();
  await page.getByText("6 of 7 stages agreed").waitFor();
  await page.getByRole("button", { name: "Everyone agreed: Working agreement" }).click();
  await page.getByText(`Version 2, agreed ${day()}`).waitFor();
  await page.getByText(`Version 1, agreed ${day()}`).click();
  await page.getByText("15 minutes", { exact: true }).waitFor();

  // Leadership: the calm warning, then a rotating chair.
  await page.getByRole("radio", { name: "No designated roles" }).check();
  await page.getByRole("note").filter({ hasText: "most problematic" }).waitFor();
  await page.getByRole("radio", { name: "Rotating chair" }).check();
  await page.getByLabel("First meeting").fill(day(1));
  await page.getByLabel("How often").selectOption({ label: "Every week" });
  await page.getByLabel("Number of meetings").fill("10");
  await page.getByRole("button", { name: "Set meeting dates" }).click();
  await page.getByRole("button", { name: "Make the chair roster" }).click();
  const roster = page.getByRole("table", { name: "Chair roster" });
  await roster.waitFor();
  const chairs = async () => roster.locator("tbody tr td:nth-child(2)").allInnerTexts();
  const before = await chairs();
  assert.equal(before.length, 10);
  assert.equal(new Set(before).size, 10, "ten members, ten meetings: everyone chairs once");
  await page.getByText(`Next to chair: ${before[0]} on ${day(1)}`).waitFor();
  await page.getByLabel("First meeting to swap").selectOption({ index: 1 });
  await page.getByLabel("Second meeting to swap").selectOption({ index: 2 });
  await page.getByRole("button", { name: "Swap chairs" }).click();
  await page.getByText(`On ${day()}: ${before[0]} and ${before[1]} swapped`).waitFor();
  assert.deepEqual((await chairs()).slice(0, 2), [before[1], before[0]]);

  // Attendance by hand.
  await page.getByLabel("Meeting date").fill(day(-7));
  await page.getByRole("button", { name: "Add meeting" }).click();
  await page.getByRole("checkbox", { name: `Maria present on ${day(-7)}` }).check();
  const attendance = page.getByRole("table", { name: "Attendance" });
  await attendance.getByRole("row", { name: /Maria/ }).getByText("100% (1 of 1)").waitFor();
  await attendance.getByRole("row", { name: /Sam/ }).getByText("0% (0 of 1)").waitFor();
  // A meeting entered by mistake can be taken away again.
  await page.getByLabel("Meeting date").fill(day(-3));
  await page.getByRole("button", { name: "Add meeting" }).click();
  await attendance.getByRole("row", { name: /Maria/ }).getByText("50% (1 of 2)").waitFor();
  await page.getByLabel("Meeting entered by mistake").selectOption(day(-3));
  await page.getByRole("button", { name: "Remove this meeting" }).click();
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  await attendance.getByRole("row", { name: /Maria/ }).getByText("100% (1 of 1)").waitFor();

  // Print preview.
  await page.getByRole("link", { name: "Print the charter" }).click();
  await page.getByRole("heading", { level: 1, name: "Group charter: Supervisors circle" }).waitFor();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("navigation", { name: "Main" }).isVisible(), false, "app chrome hidden on paper");
  assert.equal(await page.getByRole("button", { name: "Print" }).isVisible(), false);
  assert.ok(await page.getByText("Support for supervising students").isVisible());
  assert.ok(await page.getByRole("table", { name: "Chair roster" }).isVisible());
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 5000, "the charter prints to real pages");
  await page.emulateMedia({ media: "screen" });

  // Reload: everything is there.
  await saved(page);
  await serviceWorkerReady(page);
  await page.goBack();
  await page.reload();
  await ready(page);
  await page.getByText("6 of 7 stages agreed").or(page.getByText("7 of 7 stages agreed")).waitFor();
  await page.getByText("7 of 7 stages agreed").waitFor();
  assert.deepEqual((await chairs()).slice(0, 2), [before[1], before[0]]);
  await page.getByText(/Version 2, agreed/).waitFor();

  // Offline.
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.getByRole("table", { name: "Chair roster" }).waitFor();
  await page.getByText(`Next to chair: ${before[1]} on ${day(1)}`).waitFor();
  await context.setOffline(false);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("trial periods prompt a decision, quote approval is recorded, removal can be undone", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Buy-in");
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await pasteNames(page, "Ana\nBen");
  await page.getByText("Added 2 people.").waitFor();
  await page.getByRole("button", { name: "Edit Ana" }).click();
  await page.getByLabel("Trial starts").fill(day(-60));
  await page.getByLabel("Trial ends").fill(day(5));
  await page.getByRole("button", { name: "Record opt-in" }).click();
  await page.getByText(`On trial until ${day(5)}`).first().waitFor();
  await page.getByLabel("Approval given on").fill(day(-1));
  await page.getByLabel("What it covers").fill("newsletter and brochures");
  await page.getByRole("button", { name: "Record written approval" }).click();
  await page.getByText("Please tick what the person agreed their name may be used in.").waitFor();
  await page.getByRole("checkbox", { name: "Newsletters" }).check();
  await page.getByRole("checkbox", { name: "Brochures and flyers" }).check();
  await page.getByRole("button", { name: "Record written approval" }).click();
  await page.getByText(`Written approval given ${day(-1)} for: Newsletters, Brochures and flyers (newsletter and brochures).`).waitFor();
  await page.getByRole("button", { name: "Withdraw approval" }).click();
  await page.getByText(/Withdrawn .*: do not quote by name/).waitFor();

  await page.getByRole("button", { name: "Close Ana" }).click();
  await page.getByRole("button", { name: "Edit Ben" }).click();
  await page.getByRole("button", { name: "Remove Ben" }).click();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await page.getByText("Removed Ben from the roster.").waitFor();
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: /^(Edit|Close) Ben$/ }).waitFor();

  await page.getByRole("link", { name: /Back to Buy-in/ }).click();
  const trials = page.getByRole("region", { name: "Trial periods" });
  await trials.getByText("Trial ends in 5 days").waitFor();
  await trials.getByRole("button", { name: "Ana: Continue" }).click();
  await trials.getByText("No trial ends in the next two weeks").waitFor();
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await page.getByText(`Continuing (decided ${day()})`).waitFor();
  await context.close();
});

test("awareness notes are anonymous, can be answered, and survive a reload", async () => {
  const { context, page } = await open(browser, server.url);
  await createProgramme(page, "Awareness");
  await page.getByRole("link", { name: "Awareness and buy-in" }).click();
  await page.getByRole("button", { name: "Add note" }).click();
  await page.getByText("Please write the feedback, question or concern first.").waitFor();
  await page.getByLabel("Kind of note").selectOption({ label: "Concern" });
  await page.getByLabel("What was raised").fill("Will my manager see what I say?");
  await page.getByRole("button", { name: "Add note" }).click();
  await page.getByText("1 note, 1 still open.").waitFor();
  await page.getByRole("checkbox", { name: "Answered" }).check();
  await page.getByText("1 note, 0 still open.").waitFor();
  await saved(page);
  await page.reload();
  await ready(page);
  await page.getByText("Will my manager see what I say?").waitFor();
  assert.equal(await page.getByRole("checkbox", { name: "Answered" }).isChecked(), true);
  await context.close();
});
