// Skills inventory and pairing the way a facilitator does it: skills for eight people typed
// in, a proposal with explanations, a hand-made pair locked and kept when proposing again,
// confirming, writing and printing a contract, then reload and offline. Also a CSV import
// with one unreadable line reported.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, saved, createProgramme, ready, serviceWorkerReady } from "./harness.mjs";

/** A local date `days` from today, as a date input wants it. */
function day(days = 0) {
  const d = new Date(Date.now() + days * 86400000);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function pasteNames(page, text) {
  await page.getByLabel("Names, one per line").fill(text);
  await page.getByRole("button", { name: "Add these names" }).click();
}

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SKILLS = ["Budgeting", "Public speaking", "Writing", "Data analysis", "Coaching", "Planning", "Design", "Research"];
// Four natural pairs: each offers (level 3) what the other wants (level 3).
const ENTRIES = {
  Alex: { offers: "Budgeting", wants: "Public speaking" },
  Sam: { offers: "Public speaking", wants: "Budgeting" },
  Priya: { offers: "Writing", wants: "Data analysis" },
  Kwame: { offers: "Data analysis", wants: "Writing" },
  Lena: { offers: "Coaching", wants: "Planning" },
  Tomás: { offers: "Planning", wants: "Coaching" },
  Aiko: { offers: "Design", wants: "Research" },
  Noor: { offers: "Research", wants: "Design" },
};

async function rows(page) {
  const table = page.getByRole("table", { name: /Proposed pairs/ });
  await table.waitFor();
  return table.locator("tbody tr th").allInnerTexts();
}

test("skills for eight people, propose, explain, lock, re-run, confirm, contract, print, reload, offline", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Peer mentoring cohort");
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await pasteNames(page, Object.keys(ENTRIES).join("\n"));
  await page.getByText("Added 8 people.").waitFor();
  await page.getByRole("link", { name: /Back to Peer mentoring cohort/ }).click();
  await page.getByRole("link", { name: "Skills inventory", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Skills inventory" }).waitFor();

  for (const skill of SKILLS) {
    await page.getByLabel("New skill", { exact: true }).fill(skill);
    await page.getByRole("button", { name: "Add skill" }).click();
    await page.getByRole("list").getByText(skill, { exact: true }).waitFor();
  }
  // A duplicate is refused in plain words, and what was typed stays.
  await page.getByLabel("New skill", { exact: true }).fill("  budgeting ");
  await page.getByRole("button", { name: "Add skill" }).click();
  await page.getByRole("alert").getByText("“Budgeting” is already in the list. To join two skills into one, use Merge.").waitFor();
  assert.equal(await page.getByLabel("New skill", { exact: true }).inputValue(), "  budgeting ");

  // Everyone's entry in turn, with "Next person".
  await page.getByRole("button", { name: "Edit Alex" }).click();
  for (const [name, { offers, wants }] of Object.entries(ENTRIES)) {
    await page.getByRole("heading", { level: 2, name: `Skills of ${name}` }).waitFor();
    await page.getByRole("combobox", { name: `Can offer ${offers}`, exact: true }).selectOption({ label: "3 · a lot" });
    await page.getByRole("combobox", { name: `Wants to develop ${wants}`, exact: true }).selectOption({ label: "3 · a lot" });
    if (name === "Alex") {
      await page.getByRole("checkbox", { name: "Tuesday" }).check();
      await page.getByLabel("Team or department").fill("Finance");
    }
    if (name === "Sam") await page.getByRole("checkbox", { name: "Tuesday" }).check();
    await page.getByRole("button", { name: "Next person" }).click();
  }
  const people = page.getByRole("table", { name: "Skills by person" });
  await people.getByRole("row", { name: /Alex/ }).getByText("Budgeting (3)").waitFor();
  await people.getByRole("row", { name: /Alex/ }).getByText("Tue").waitFor();
  await people.getByRole("row", { name: /Noor/ }).getByText("Design (3)").waitFor();

  // Propose: the four natural pairs, each explained.
  await page.getByRole("link", { name: "Go to pairing" }).click();
  await page.getByRole("heading", { level: 1, name: "Pairing" }).waitFor();
  await page.getByRole("button", { name: "Propose pairs" }).click();
  await page.getByText("Proposed 4 pairs for 8 people.").waitFor();
  assert.deepEqual((await rows(page)).sort(), ["Aiko and Noor", "Alex and Sam", "Lena and Tomás", "Priya and Kwame"]);
  await page.getByText("Alex can help Sam with Budgeting; Sam can help Alex with Public speaking; both free on Tuesdays.").waitFor();
  await page.getByText("Priya can help Kwame with Writing; Kwame can help Priya with Data analysis.").waitFor();

  // Swap by hand: both pairs the swap made are kept as locks, so proposing again never
  // silently undoes it; the rest re-pairs.
  await page.getByLabel("First person to swap").selectOption({ label: "Sam" });
  await page.getByLabel("Second person to swap").selectOption({ label: "Kwame" });
  await page.getByRole("button", { name: "Swap", exact: true }).click();
  await page.getByRole("row", { name: /Alex and Kwame/ }).waitFor();
  await page.getByRole("row", { name: /Alex and Kwame/ }).getByText("Locked").waitFor();
  await page.getByRole("row", { name: /Priya and Sam/ }).getByText("Locked").waitFor();
  await page.getByRole("button", { name: "Unlock Alex and Kwame" }).waitFor();
  await page.getByRole("button", { name: "Propose again, keeping locked pairs" }).click();
  await page.getByText(/Proposed 4 pairs/).waitFor();
  const again = await rows(page);
  assert.ok(again.some((r) => r.startsWith("Alex and Kwame")), `locked pair kept: ${again}`);
  assert.ok(again.some((r) => /^(Priya and Sam|Sam and Priya)/.test(r)), `the swap is kept: ${again}`);
  assert.ok(again.includes("Aiko and Noor"));
  // Breaking a pair sends them to "Not paired", and proposing again keeps them apart.
  await page.getByRole("button", { name: "Break up Aiko and Noor" }).click();
  await page.getByText("Not paired: Aiko, Noor.").waitFor();
  await page.getByRole("button", { name: "Propose again, keeping locked pairs" }).click();
  await page.getByText(/Proposed 4 pairs for 8 people/).waitFor();
  const third = await rows(page);
  assert.ok(!third.includes("Aiko and Noor"), `broken pair not proposed again: ${third}`);
  assert.ok(third.some((r) => r.startsWith("Alex and Kwame")), `still locked: ${third}`);

  // A reload keeps the proposal under review.
  await saved(page);
  await page.reload();
  await ready(page);
  assert.ok((await rows(page)).some((r) => r.startsWith("Alex and Kwame")));

  await page.getByRole("button", { name: "Confirm these pairs" }).click();
  await page.getByText("Confirmed 4 pairs. Write their contracts below.").waitFor();
  assert.equal(await page.getByRole("table", { name: /Proposed pairs/ }).count(), 0);
  await page.getByText(`Confirmed ${day()}. Waiting for each person to agree`).first().waitFor();
  // Confirmed people are not proposed again.
  await page.getByRole("button", { name: "Propose pairs" }).click();
  await page.getByText("Nobody could be paired. Check the rules above, or add people to the roster.").waitFor();
  await page.getByRole("button", { name: "Discard this proposal" }).click();
  await page.getByRole("button", { name: "Yes, discard it" }).click();

  // The contract.
  await page.getByRole("link", { name: "Alex and Kwame", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Alex and Kwame" }).waitFor();
  await page.getByLabel("Goals for Alex", { exact: true }).fill("Present the budget at the June meeting");
  await page.getByLabel("Goals for Kwame", { exact: true }).fill("Learn to read a budget");
  await page.getByLabel("How often and how you will meet", { exact: true }).fill("Every other Tuesday, one hour, in person");
  await page.getByLabel("What you each commit to", { exact: true }).fill("<b>Turn up</b> prepared");
  await page.getByLabel("How you will check it stays equal and fair", { exact: true }).fill("Each meeting, half the time each");
  await page.getByLabel("Review date").fill(day(-400));
  await page.getByRole("alert").getByText(/The review date is before the pair was confirmed/).waitFor();
  await page.getByLabel("Review date").fill(day(90));
  await page.getByRole("alert").waitFor({ state: "detached" });
  await saved(page);

  await page.getByRole("link", { name: "Print the contract" }).click();
  await page.getByRole("heading", { level: 1, name: "Peer mentoring contract" }).waitFor();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("navigation", { name: "Main" }).isVisible(), false, "app chrome hidden on paper");
  assert.equal(await page.getByRole("button", { name: "Print" }).isVisible(), false);
  assert.ok(await page.getByText("Present the budget at the June meeting").isVisible());
  assert.ok(await page.getByText("<b>Turn up</b> prepared").isVisible(), "typed HTML is shown as text");
  assert.ok(await page.getByText(day(90)).isVisible());
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 5000, "the contract prints to real pages");
  await page.emulateMedia({ media: "screen" });

  // Reload, then offline.
  await serviceWorkerReady(page);
  await page.goBack();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Goals for Kwame", { exact: true }).inputValue(), "Learn to read a budget");
  await context.setOffline(true);
  await page.goto(server.url + "#/");
  await page.reload();
  await ready(page);
  await page.getByRole("link", { name: "Peer mentoring cohort", exact: true }).click();
  await page.getByRole("link", { name: "Pairing", exact: true }).click();
  await page.getByRole("link", { name: "Alex and Kwame", exact: true }).waitFor();
  assert.equal(await page.getByRole("region", { name: "Confirmed pairs" }).getByRole("link").count(), 4);
  await page.getByRole("link", { name: "Alex and Kwame", exact: true }).click();
  assert.equal(await page.getByLabel("How often and how you will meet", { exact: true }).inputValue(), "Every other Tuesday, one hour, in person");
  await context.setOffline(false);
  assert.deepEqual(seen.errors, []);
  assert.ok(seen.requests.every((u) => u.startsWith(server.origin)), "no request leaves the page");
  await context.close();
});

test("a CSV import maps columns and reports the line it could not read", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Imported cohort");
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await pasteNames(page, "Ana\nBen\nCai");
  await page.getByText("Added 3 people.").waitFor();
  await page.getByRole("link", { name: /Back to Imported cohort/ }).click();
  await page.getByRole("link", { name: "Skills inventory", exact: true }).click();
  const csv = "\uFEFFWho;Can offer;Wants to develop;Free days;Department;Role\r\n" +
    "Ana;\"Budgeting 3; Writing\";Public speaking (1);Mon, Wed;Finance;mentor\r\n\r\n" +
    "Ben;Public speaking 3;Budgeting;tue;\"Care \"\"East\"\"\";protege\r\n" +
    "Zed;Budgeting;;;;\r\n" +
    "Cai;Writing 7;;;;\r\n";
  await page.getByLabel("CSV file with skills").setInputFiles({ name: "skills.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByText("4 lines to read.").waitFor();
  assert.equal(await page.getByLabel("Name (as on the roster)").inputValue(), "0");
  assert.equal(await page.getByLabel("Team or department").inputValue(), "4");
  await page.getByRole("button", { name: "Import skills" }).click();
  await page.getByText("Read the skills of 2 people. Added 3 new skills to the list. 2 lines could not be read:").waitFor();
  await page.getByText("Line 5: nobody called “Zed” is on the roster.").waitFor();
  await page.getByText("Line 6: the level “7” for “Writing” is not 1, 2 or 3.").waitFor();
  const people = page.getByRole("table", { name: "Skills by person" });
  await people.getByRole("row", { name: /Ana/ }).getByText("Budgeting (3), Writing (2)").waitFor();
  await people.getByRole("row", { name: /Ben/ }).getByText('Care "East"').waitFor();
  // Merge a duplicate: Ben's wish moves to the skill that stays.
  await page.getByText("Rename, merge or remove skills").click();
  await page.getByLabel("New skill", { exact: true }).fill("Budget");
  await page.getByRole("button", { name: "Add skill" }).click();
  await page.getByRole("button", { name: "Edit Cai" }).click();
  await page.getByRole("combobox", { name: "Wants to develop Budget", exact: true }).selectOption({ label: "1 · a little" });
  await page.getByLabel("Merge this skill").selectOption({ label: "Budget" });
  await page.getByLabel("into this one").selectOption({ label: "Budgeting" });
  await page.getByRole("button", { name: "Merge", exact: true }).click();
  await people.getByRole("row", { name: /Cai/ }).getByText("Budgeting (1)").waitFor();
  await saved(page);
  await page.reload();
  await ready(page);
  await page.getByRole("table", { name: "Skills by person" }).getByRole("row", { name: /Ana/ }).getByText("Public speaking (1)").waitFor();

  // Mentor and protege: Cai has no side yet, which is said plainly; then Ana takes two.
  await page.getByRole("link", { name: "Go to pairing" }).click();
  await page.getByRole("radio", { name: /Mentor and protege/ }).check();
  await page.getByRole("button", { name: "Propose pairs" }).click();
  await page.getByRole("alert").getByText("Cai needs to be marked as a mentor or a protege.").waitFor();
  await page.getByRole("button", { name: "Skills inventory" }).or(page.getByRole("link", { name: "Skills inventory" })).click();
  await page.getByRole("button", { name: "Edit Cai" }).click();
  await page.getByLabel("Mentor or protege").selectOption({ label: "Protege" });
  await page.getByRole("button", { name: "Edit Ana" }).click();
  await page.getByLabel("Most proteges for this mentor").fill("2");
  await page.getByLabel("Most proteges for this mentor").press("Tab");
  await saved(page);
  await page.getByRole("link", { name: "Go to pairing" }).click();
  await page.getByRole("button", { name: "Propose pairs" }).click();
  assert.deepEqual((await page.getByRole("table", { name: /Proposed pairs/ }).locator("tbody tr th").allInnerTexts()).sort(),
    ["Ana and Ben", "Ana and Cai"]);
  await page.getByText("Ana can help Ben with Budgeting; different teams.").waitFor();
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("people enter their own skills on the kiosk, one after another, each on an empty form", async () => {
  const { context, page, seen } = await open(browser, server.url);
  await createProgramme(page, "Self entry cohort");
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await pasteNames(page, "Rafa\nMei\nJo");
  await page.getByText("Added 3 people.").waitFor();
  await page.getByRole("link", { name: /Back to Self entry cohort/ }).click();
  await page.getByRole("link", { name: "Skills inventory", exact: true }).click();
  for (const skill of ["Budgeting", "Writing"]) {
    await page.getByLabel("New skill", { exact: true }).fill(skill);
    await page.getByRole("button", { name: "Add skill" }).click();
    await page.getByRole("list").getByText(skill, { exact: true }).waitFor();
  }
  await page.getByRole("button", { name: "Hand the tablet over for people to enter their own skills" }).click();
  await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill("8642");
  await page.getByLabel("Type the PIN again", { exact: true }).fill("8642");
  await page.getByRole("button", { name: "Start kiosk mode" }).click();
  await page.getByRole("heading", { level: 1, name: "Your skills" }).waitFor();
  assert.equal(await page.getByRole("navigation", { name: "Main" }).count(), 0, "no navigation bar");

  const enter = async (name, offer, want, day, team) => {
    await page.getByRole("button", { name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Skills for ${name}` }).waitFor();
    // Empty for everyone: nothing entered before shows.
    for (const box of await page.getByRole("combobox").all()) assert.equal(await box.inputValue(), "0");
    assert.equal(await page.getByLabel("My team or department (optional)").inputValue(), "");
    if (offer) await page.getByRole("group", { name: offer }).getByLabel("I can offer").selectOption({ label: "3 · a lot" });
    if (want) await page.getByRole("group", { name: want }).getByLabel("I want to develop").selectOption({ label: "2 · some" });
    if (day) await page.getByRole("checkbox", { name: day }).check();
    await page.getByLabel("My team or department (optional)").fill(team);
    await page.getByRole("button", { name: "Save my skills" }).click();
  };
  // Nothing chosen: refused in plain words, what was typed stays.
  await enter("Rafa", null, null, null, "Finance");
  await page.getByRole("alert").filter({ hasText: "Please choose at least one skill" }).waitFor();
  assert.equal(await page.getByLabel("My team or department (optional)").inputValue(), "Finance");
  await page.getByRole("button", { name: "Not Rafa? Start again" }).click();

  await enter("Rafa", "Budgeting", "Writing", "Tuesday", "Finance");
  await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
  await page.getByRole("button", { name: "Done: ready for the next person" }).click();
  await page.getByRole("heading", { level: 1, name: "Your skills" }).waitFor();
  await enter("Mei", "Writing", "Budgeting", "Friday", "<b>Wards</b>");
  await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
  assert.ok(!(await page.locator("body").innerText()).includes("Finance"), "nothing of Rafa's shows");
  await page.getByRole("button", { name: "Done: ready for the next person" }).click();
  // Rafa again: an empty form, which replaces the earlier entry.
  await enter("Rafa", null, "Writing", null, "Finance");
  await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Your skills" }).waitFor();

  await page.getByRole("button", { name: "Facilitator", exact: true }).click();
  await page.getByLabel("Facilitator PIN", { exact: true }).fill("8642");
  await page.getByRole("button", { name: "Leave kiosk mode" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await page.goto(server.url + "#/");
  await page.getByRole("link", { name: "Self entry cohort" }).click();
  await page.getByRole("link", { name: "Skills inventory", exact: true }).click();
  const people = page.getByRole("table", { name: "Skills by person" });
  await people.getByRole("row", { name: /Mei/ }).getByText("Writing (3)").waitFor();
  assert.match(await people.getByRole("row", { name: /Mei/ }).innerText(), /<b>Wards<\/b>/);
  const rafa = await people.getByRole("row", { name: /Rafa/ }).innerText();
  assert.ok(!rafa.includes("Budgeting (3)"), "the second entry replaced the first");
  assert.match(rafa, /Writing \(2\)/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
