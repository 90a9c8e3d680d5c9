// After the meetings: a mentor turns a meeting into a plan and ticks off steps (overdue shows
// on the plan, the follow-up page and "This week"); three check-ins raise a flag with its
// reason and never the pair's words; the anonymous survey, taken three times, stays hidden
// below k and shows once k people have answered; everything survives a reload and offline.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { serve, launch, open, saved, ready, overflowing, openSeeded as openWith, storedItem, storageFull } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const day = (offset) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

// The documented stored format: a programme with a protege group, four people and two
// confirmed pairs, and one meeting whose item 1 the group agreed to share. k = 3.
function seed() {
  const person = (id, display_name) => ({ id, display_name, groups: [2] });
  const env = (kind, data) => JSON.stringify({ kind, version: 1, data });
  return {
    "peercircle:settings": env("settings", { last_id: 50, programme_order: [1], k: 3 }),
    "peercircle:programme:1": env("programme", {
      id: 1, name: "Nursing mentors 2027", organisation: "", purpose: "", archived: false,
      groups: [{ id: 2, name: "New starters", kind: "protege_support", archived: false }],
      participants: [person(4, "Ana Costa"), person(5, "Ben Okoro"), person(6, "Cleo Park"), person(7, "Dev Shah")],
      mentoring: { pairs: [
        { id: 30, members: [4, 5], confirmed: day(-60) },
        { id: 31, members: [6, 7], confirmed: day(-3) },
      ] },
    }),
    "peercircle:session:9": env("session", {
      id: 9, group: 2, date: day(-2), phase: "Consent", guests: 0, present: [4, 5, 6, 7], next_item: 3,
      question: { question_id: null, text: "What is the hardest part of a first year?" },
      consent_question: "May we share these?", seating_forgotten: true,
      pairs: [{ number: 1, points: [], size: 2 }, { number: 2, points: [], size: 2 }],
      tables: [{ number: 1, pairs: [1, 2], consensus: [], minority: [] }],
      flip_chart: [
        { number: 1, text: "Ask for help early", agree: 3, minority: false, raised_by: [],
          consent: { decision: "Shareable", decided_on: day(-2), objection: false } },
        { number: 2, text: "Private worry about rota", agree: 0, minority: false, raised_by: [],
          consent: { decision: "InternalOnly", decided_on: null, objection: false } },
      ],
    }),
  };
}

async function openSeeded() {
  return openWith(browser, server, seed());
}

async function toFollowUp(page) {
  await page.getByRole("link", { name: "Nursing mentors 2027", exact: true }).click();
  await page.getByRole("link", { name: "Follow-up, check-ins and survey" }).click();
  await page.getByRole("heading", { level: 1, name: "After the meetings" }).waitFor();
}

test("a plan from a meeting: prompts from shared items only, steps tick off, overdue shows", async () => {
  const { context, page, seen } = await openSeeded();
  // The pair confirmed 60 days ago missed its check-in: This week says so on opening.
  const week = page.getByRole("region", { name: "This week" });
  await week.getByRole("link", { name: /check-in missed for Ana Costa with Ben Okoro/ }).waitFor();
  await toFollowUp(page);

  await page.getByLabel("For which pair").selectOption({ label: "Ana Costa with Ben Okoro" });
  await page.getByRole("radio", { name: "A peer group meeting" }).check();
  await page.getByRole("button", { name: "Start plan" }).click();
  await page.getByRole("heading", { level: 1, name: /Follow-up plan: Meeting of .* What is the hardest part of a first year\?/ }).waitFor();
  // Only the consented item is offered as a prompt.
  const prompts = page.getByRole("region", { name: "What the group agreed to share" });
  assert.match(await prompts.innerText(), /Ask for help early/);
  assert.doesNotMatch(await page.locator("main").innerText(), /Private worry/);
  await page.getByRole("button", { name: "Add to what was learned: Ask for help early" }).click();
  await page.getByLabel("When to apply: Ask for help early").selectOption("later");
  await page.getByLabel("Longer-term goals", { exact: true }).fill("Lead a ward round by spring");

  // An empty step is refused in plain words; nothing typed elsewhere is lost.
  await page.getByLabel("Resources needed").fill("A quiet hour");
  await page.getByRole("button", { name: "Add step" }).click();
  await page.getByText("Please give the step a name.").waitFor();
  assert.equal(await page.getByLabel("Resources needed").inputValue(), "A quiet hour");
  await page.getByLabel("Step", { exact: true }).fill("Shadow a senior nurse <b>twice</b>");
  await page.getByLabel("Due date").fill(day(-5));
  await page.getByRole("button", { name: "Add step" }).click();
  await page.getByLabel("Step", { exact: true }).fill("Read the falls guideline");
  await page.getByLabel("Due date").fill(day(10));
  await page.getByRole("button", { name: "Add step" }).click();
  await page.getByRole("group", { name: "Read the falls guideline" }).getByRole("radio", { name: "Done" }).waitFor();
  // Hostile text shows as text.
  assert.equal(await page.locator("main b").count(), 0);
  await page.getByText("1 step is overdue").waitFor();
  await page.getByRole("group", { name: "Read the falls guideline" }).getByRole("radio", { name: "Done" }).check();
  await saved(page);

  // Reload: all kept; the overdue step shows on the follow-up page and on This week.
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole("group", { name: "Read the falls guideline" }).getByRole("radio", { name: "Done" }).isChecked(), true);
  assert.equal(await page.getByRole("group", { name: "Shadow a senior nurse <b>twice</b>" }).getByRole("radio", { name: "Done" }).isChecked(), false);
  assert.equal(await page.getByLabel("Longer-term goals", { exact: true }).inputValue(), "Lead a ward round by spring");
  assert.equal(await page.getByLabel("When to apply: Ask for help early").inputValue(), "later");
  await page.getByRole("link", { name: "Back to after the meetings" }).click();
  const plans = page.getByRole("region", { name: "Follow-up plans" });
  assert.match(await plans.innerText(), /1 of 2 steps done/);
  assert.match(await plans.innerText(), /1 step overdue/);
  const pair = page.getByRole("article", { name: "Ana Costa with Ben Okoro" });
  assert.match(await pair.innerText(), /Plan steps overdue/);
  await page.getByRole("link", { name: "Peercircle" }).click();
  await page.getByRole("region", { name: "This week" }).getByRole("link", { name: /step overdue since .*Shadow a senior nurse/ }).click();
  // Ticking it off clears it everywhere.
  await page.getByRole("group", { name: "Shadow a senior nurse <b>twice</b>" }).getByRole("radio", { name: "Done" }).check();
  await page.getByText("1 step is overdue").waitFor({ state: "detached" });
  await saved(page);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("three check-ins raise a flag with its reason and never the pair's words", async () => {
  const { context, page, seen } = await openSeeded();
  await toFollowUp(page);
  const secret = "Ben talks over me zqx";
  const checkIn = async (date, going, equity, note) => {
    await page.getByRole("article", { name: "Cleo Park with Dev Shah" }).getByRole("link", { name: "Record a check-in" }).click();
    await page.getByRole("heading", { level: 1, name: "Check-in: Cleo Park with Dev Shah" }).waitFor();
    await page.getByLabel("Date of the check-in").fill(date);
    await page.getByRole("group", { name: "How is it going?" }).getByRole("radio", { name: String(going), exact: true }).check();
    await page.getByRole("group", { name: "Are contributions equal and equitable?" }).getByRole("radio", { name: String(equity), exact: true }).check();
    await page.getByLabel("What could improve?").fill(note);
    await page.getByRole("radio", { name: "One of the partners" }).check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByText("Thank you: the check-in is saved.").waitFor();
    // Cleared for the next person.
    assert.equal(await page.getByLabel("What could improve?").inputValue(), "");
    assert.equal(await page.getByRole("radio", { name: String(going), exact: true }).first().isChecked(), false);
    await page.getByRole("link", { name: "Back to after the meetings" }).click();
  };
  // A rating must be chosen: refused in plain words, the note kept.
  await page.getByRole("article", { name: "Cleo Park with Dev Shah" }).getByRole("link", { name: "Record a check-in" }).click();
  await page.getByLabel("What could improve?").fill("kept while I fix it");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await page.getByText("Please choose from 1 to 5 for “How is it going?”").waitFor();
  assert.equal(await page.getByLabel("What could improve?").inputValue(), "kept while I fix it");
  await page.getByRole("link", { name: "Back to after the meetings" }).click();

  await checkIn(day(-2), 4, 5, "All good");
  await checkIn(day(-1), 5, 5, "Even better");
  let pair = page.getByRole("article", { name: "Cleo Park with Dev Shah" });
  assert.match(await pair.innerText(), /On track/);
  await checkIn(day(0), 3, 2, secret);
  pair = page.getByRole("article", { name: "Cleo Park with Dev Shah" });
  const reasons = await pair.getByRole("list", { name: "Why Cleo Park with Dev Shah may need help" }).innerText();
  assert.match(reasons, /Low rating at the last check-in/);
  assert.match(reasons, /Ratings dropped since the check-in before/);
  assert.match(await pair.innerText(), /3 check-ins so far/);
  // No free text anywhere on the programme's view.
  const main = await page.locator("main").innerText();
  for (const words of [secret, "All good", "Even better", "zqx"]) assert.ok(!main.includes(words), `shows “${words}”`);

  // Record an intervention and mark it resolved: the rating flags clear, the record stays.
  await pair.getByText("Record an intervention").click();
  await pair.getByLabel("What was done").fill("Met both; agreed to take turns leading");
  await pair.getByRole("button", { name: "Save intervention" }).click();
  pair = page.getByRole("article", { name: "Cleo Park with Dev Shah" });
  await pair.getByRole("button", { name: /Mark resolved/ }).click();
  pair = page.getByRole("article", { name: "Cleo Park with Dev Shah" });
  await pair.getByText(/Resolved on/).waitFor();
  assert.match(await pair.innerText(), /On track/);
  await saved(page);

  // Offline and reloaded: still there.
  await server.close();
  await page.reload();
  await ready(page);
  pair = page.getByRole("article", { name: "Cleo Park with Dev Shah" });
  assert.match(await pair.innerText(), /Met both; agreed to take turns leading/);
  assert.match(await pair.innerText(), /Resolved on/);
  const stored = await storedItem(page, "peercircle:programme:1");
  assert.ok(stored.includes(secret), "the note is kept for the pair");
  server = await serve();
  assert.deepEqual(seen.errors.filter((e) => !/Failed to load resource|net::ERR/.test(e)), []);
  await context.close();
});

test("the anonymous survey three times: hidden below k, shown at k, change from the start", async () => {
  const { context, page, seen } = await openSeeded();
  await toFollowUp(page);
  const survey = page.getByRole("region", { name: "Outcomes survey" });
  await survey.getByRole("button", { name: "Add survey point" }).click();
  await page.getByText("Please give the survey point a name.").waitFor();
  await survey.getByLabel("Name of the survey point").fill("Start");
  await survey.getByRole("button", { name: "Add survey point" }).click();
  await survey.getByRole("link", { name: "Open the survey: Start" }).click();
  await page.getByRole("heading", { level: 1, name: "How is the programme working for you?" }).waitFor();
  // No names on the survey screen.
  const screen = await page.locator("main").innerText();
  for (const name of ["Ana", "Ben", "Cleo", "Dev", "Nursing mentors"]) assert.ok(!screen.includes(name), `shows ${name}`);

  const statements = ["I feel supported", "I feel confident in my role", "I have the knowledge I need",
    "I come across new ideas", "The challenges I bring get resolved",
    "I can reach people and networks who can help me", "I feel isolated"];
  const take = async (answer, isolated) => {
    for (const s of statements) {
      const n = s === "I feel isolated" ? isolated : answer;
      await page.getByRole("group", { name: s }).getByRole("radio", { name: String(n), exact: true }).check();
    }
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByText("Thank you: your answers are added.").waitFor();
    const checked = await page.getByRole("radio").evaluateAll((els) => els.filter((e) => e.checked).length);
    assert.equal(checked, 0, "the form is clear for the next person");
  };
  // Half-answered is refused and keeps what was chosen.
  await page.getByRole("group", { name: "I feel supported" }).getByRole("radio", { name: "4", exact: true }).check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page.getByText("Please choose an answer from 1 to 5 for every statement.").waitFor();
  assert.equal(await page.getByRole("group", { name: "I feel supported" }).getByRole("radio", { name: "4", exact: true }).isChecked(), true);

  await take(2, 4);
  await take(2, 4);
  await saved(page);
  await page.getByRole("link", { name: "Facilitator: back to after the meetings" }).click();
  let results = page.getByRole("region", { name: "Outcomes survey" });
  await results.getByText("Results are hidden until at least 3 people have answered at this point.").waitFor();
  assert.match(await results.innerText(), /Responses: fewer than 3/);
  await results.getByRole("link", { name: "Open the survey: Start" }).click();
  await take(2, 4);
  await saved(page);
  await page.reload();
  await ready(page);
  await page.getByRole("link", { name: "Facilitator: back to after the meetings" }).click();
  results = page.getByRole("region", { name: "Outcomes survey" });
  const table = results.getByRole("table", { name: "Results: Start" });
  await table.waitFor();
  const cells = async (t, row) => {
    const r = t.getByRole("row", { name: row });
    await r.waitFor();
    return r.getByRole("cell").allInnerTexts();
  };
  // Three people answered 2: the count of 3 and the mean show.
  assert.deepEqual(await cells(table, /^Support/), ["0", "3", "0", "0", "0", "2.0"]);
  // "I feel isolated" answered 4 scores 2 (reverse-scored).
  assert.deepEqual(await cells(table, /Isolation/), ["0", "0", "0", "3", "0", "2.0"]);

  // A later point: change from the start appears once three people answered there too.
  await results.getByLabel("Name of the survey point").fill("After three months");
  await results.getByRole("button", { name: "Add survey point" }).click();
  await results.getByRole("link", { name: "Open the survey: After three months" }).click();
  for (let i = 0; i < 3; i++) await take(4, 2);
  await page.getByRole("link", { name: "Facilitator: back to after the meetings" }).click();
  const later = page.getByRole("table", { name: "Results: After three months" });
  await later.waitFor();
  assert.deepEqual(await cells(later, /^Support/), ["0", "0", "0", "3", "0", "4.0", "+2.0"]);
  assert.deepEqual(await cells(later, /Isolation/), ["0", "3", "0", "0", "0", "4.0", "+2.0"]);
  // On a tablet in portrait the results become cards: nothing is cut off at the side.
  await page.setViewportSize({ width: 820, height: 1180 });
  assert.deepEqual(await overflowing(page, "table.survey-results"), [], "survey results at 820 px");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Stored: counts only, no list of responses, nothing that says who or in which order.
  const stored = JSON.parse(await storedItem(page, "peercircle:programme:1")).data.followup.survey;
  assert.deepEqual(Object.keys(stored.points[0]).sort(), ["id", "name", "planned", "responses", "tallies"]);
  assert.equal(stored.points[0].responses, 3);
  assert.deepEqual(stored.points[0].tallies[0], [0, 3, 0, 0, 0]);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// The same checks as a11y.test.mjs, on the follow-up screens with data on them.
async function problems(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const axe = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("button, a, input, select, textarea, summary")]
      .filter((el) => el.offsetParent !== null && !el.classList.contains("skip"))
      .filter((el) => ![...(el.labels || [])].some((l) => {
        const r = l.getBoundingClientRect();
        return r.height >= 44 && r.width >= 44;
      }))
      .map((el) => ({ el: el.outerHTML.slice(0, 80), ...el.getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 44 || r.width < 44)
      .map((r) => `${r.el} ${Math.round(r.width)}x${Math.round(r.height)}`));
  return [...axe, ...small];
}

test("the follow-up screens pass axe and keep 44 px targets, at laptop and tablet sizes", async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 820, height: 1180 }]) {
    const { context, page } = await openSeeded();
    await page.setViewportSize(viewport);
    await page.getByRole("region", { name: "This week" }).waitFor();
    assert.deepEqual(await problems(page), [], "This week");
    await toFollowUp(page);
    await page.getByText("Record an intervention").first().click();
    await page.getByLabel("Name of the survey point").fill("Start");
    await page.getByRole("button", { name: "Add survey point" }).click();
    await page.getByRole("link", { name: "Open the survey: Start" }).waitFor();
    assert.deepEqual(await problems(page), [], "follow-up page");
    await page.getByRole("button", { name: "Start plan" }).click();
    await page.getByRole("heading", { level: 1, name: /Follow-up plan/ }).waitFor();
    await page.getByRole("button", { name: "Add to what was learned: Ask for help early" }).click();
    await page.getByLabel("Step", { exact: true }).fill("Try it");
    await page.getByLabel("Due date").fill(day(-1));
    await page.getByRole("button", { name: "Add step" }).click();
    await page.getByText("1 step is overdue").waitFor();
    assert.deepEqual(await problems(page), [], "plan");
    await page.getByRole("link", { name: "Back to after the meetings" }).click();
    await page.getByRole("link", { name: "Record a check-in" }).first().click();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByText(/Please choose from 1 to 5/).waitFor();
    assert.deepEqual(await problems(page), [], "check-in with a refusal");
    await page.getByRole("link", { name: "Back to after the meetings" }).click();
    await page.getByRole("link", { name: "Open the survey: Start" }).click();
    await page.getByRole("heading", { level: 1, name: "How is the programme working for you?" }).waitFor();
    assert.deepEqual(await problems(page), [], "survey");
    await context.close();
  }
});

test("the outcomes survey on the kiosk: three people in turn, no names, hidden then shown at k", async () => {
  const { context, page, seen } = await openSeeded();
  await toFollowUp(page);
  await page.getByLabel("Name of the survey point").fill("Start");
  await page.getByRole("button", { name: "Add survey point" }).click();
  const startKiosk = async (pin) => {
    await page.getByRole("button", { name: "Hand the tablet over for the outcomes survey" }).click();
    if (pin) {
      await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill(pin);
      await page.getByLabel("Type the PIN again", { exact: true }).fill(pin);
    }
    await page.getByRole("button", { name: "Start kiosk mode" }).click();
    await page.getByRole("heading", { level: 1, name: "How is the programme working for you?" }).waitFor();
    assert.equal(await page.getByRole("navigation", { name: "Main" }).count(), 0, "no navigation bar");
    const text = await page.locator("body").innerText();
    for (const name of ["Ana", "Ben", "Cleo", "Dev", "Nursing mentors"]) assert.ok(!text.includes(name), `shows ${name}`);
  };
  const person = async (answer) => {
    for (const g of await page.getByRole("group").all()) {
      await g.getByRole("radio", { name: String(answer), exact: true }).check();
    }
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
    await page.getByRole("button", { name: "Done: ready for the next person" }).click();
    await page.getByRole("heading", { level: 1, name: "How is the programme working for you?" }).waitFor();
    const checked = await page.getByRole("radio").evaluateAll((els) => els.filter((e) => e.checked).length);
    assert.equal(checked, 0, "the next person starts from an empty form");
  };
  const leave = async () => {
    await page.getByRole("button", { name: "Facilitator", exact: true }).click();
    await page.getByLabel("Facilitator PIN", { exact: true }).fill("2468");
    await page.getByRole("button", { name: "Leave kiosk mode" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await page.goto(server.url + "#/programme/1/follow-up");
    await page.getByRole("heading", { level: 1, name: "After the meetings" }).waitFor();
  };
  await startKiosk("2468");
  await person(4);
  await person(4);
  // A reload keeps the tablet in the kiosk, on an empty survey.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "How is the programme working for you?" }).waitFor();
  await leave();
  const survey = page.getByRole("region", { name: "Outcomes survey" });
  await survey.getByText("Results are hidden until at least 3 people have answered at this point.").waitFor();
  await startKiosk();
  await person(4);
  await leave();
  const table = page.getByRole("table", { name: "Results: Start" });
  const row = table.getByRole("row", { name: /^Support/ });
  await row.waitFor();
  assert.deepEqual(await row.getByRole("cell").allInnerTexts(), ["0", "0", "0", "3", "0", "4.0"]);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a pair's check-in on the kiosk: each partner in turn, never seeing the other's words", async () => {
  const { context, page, seen } = await openSeeded();
  await toFollowUp(page);
  const card = page.getByRole("article", { name: "Cleo Park with Dev Shah" });
  await card.getByRole("button", { name: "Hand the tablet over for this pair's check-in" }).click();
  await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill("1357");
  await page.getByLabel("Type the PIN again", { exact: true }).fill("1357");
  await page.getByRole("button", { name: "Start kiosk mode" }).click();
  const heading = page.getByRole("heading", { level: 1, name: "How is your mentoring going?" });
  await heading.waitFor();
  assert.equal(await page.getByRole("navigation", { name: "Main" }).count(), 0, "no navigation bar");
  assert.equal(await page.getByRole("group", { name: "Who is filling this in?" }).count(), 0,
    "on the kiosk it is always a partner");
  const partner = async (going, equity, note) => {
    await page.getByRole("group", { name: "How is it going?" }).getByRole("radio", { name: String(going), exact: true }).check();
    await page.getByRole("group", { name: "Are contributions equal and equitable?" }).getByRole("radio", { name: String(equity), exact: true }).check();
    await page.getByLabel("What could improve?").fill(note);
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
    assert.ok(!(await page.locator("body").innerText()).includes(note), "the thank-you shows nothing typed");
    await page.getByRole("button", { name: "Done: ready for the next person" }).click();
    await heading.waitFor();
    assert.equal(await page.getByLabel("What could improve?").inputValue(), "", "empty for the partner");
    const checked = await page.getByRole("radio").evaluateAll((els) => els.filter((e) => e.checked).length);
    assert.equal(checked, 0, "no rating carried over");
  };
  await partner(4, 4, "Cleo's private note qpx");
  // A reload keeps the tablet on the check-in, with nothing of the first partner's.
  await page.reload();
  await heading.waitFor();
  assert.ok(!(await page.locator("body").innerText()).includes("qpx"));
  await partner(2, 2, "Dev's private note wvk");
  await page.getByRole("button", { name: "Facilitator", exact: true }).click();
  await page.getByLabel("Facilitator PIN", { exact: true }).fill("1357");
  await page.getByRole("button", { name: "Leave kiosk mode" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await page.goto(server.url + "#/programme/1/follow-up");
  await page.getByRole("heading", { level: 1, name: "After the meetings" }).waitFor();
  const after = page.getByRole("article", { name: "Cleo Park with Dev Shah" });
  assert.match(await after.innerText(), /2 check-ins so far/);
  const main = await page.locator("main").innerText();
  assert.ok(!main.includes("qpx") && !main.includes("wvk"), "the notes stay private");
  const stored = JSON.parse(await storedItem(page, "peercircle:programme:1")).data.followup;
  const mine = stored.checkins.filter((c) => c.pair === 31);
  assert.equal(mine.length, 2);
  assert.ok(mine.every((c) => c.by === "partner"), "entered by the partners");
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// Every kiosk task shares one frame: when the tablet cannot store an answer, the thank-you
// says so, as the pairs' task always did (the survey and the check-in used to thank and say
// nothing).
test("the survey and a pair's check-in on the kiosk warn when the tablet could not store the answer", async () => {
  const warning = (page) => page.getByRole("alert").filter({ hasText: "could not store" });
  const handOver = async (page, button, heading) => {
    await button.click();
    await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill("2468");
    await page.getByLabel("Type the PIN again", { exact: true }).fill("2468");
    await page.getByRole("button", { name: "Start kiosk mode" }).click();
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  };
  const thanked = async (page) => {
    await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
  };

  const survey = await openSeeded();
  {
    const { page } = survey;
    await toFollowUp(page);
    await page.getByLabel("Name of the survey point").fill("Start");
    await page.getByRole("button", { name: "Add survey point" }).click();
    const heading = "How is the programme working for you?";
    await handOver(page, page.getByRole("button", { name: "Hand the tablet over for the outcomes survey" }), heading);
    const answer = async () => {
      for (const g of await page.getByRole("group").all()) {
        await g.getByRole("radio", { name: "4", exact: true }).check();
      }
      await page.getByRole("button", { name: "Send my answers" }).click();
      await thanked(page);
    };
    await answer();
    await page.waitForTimeout(500);
    assert.equal(await warning(page).count(), 0, "no warning when the answer is stored");
    await page.getByRole("button", { name: "Done: ready for the next person" }).click();
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    await storageFull(page);
    await answer();
    await warning(page).filter({ hasText: "Your answers were taken" }).waitFor();
    await survey.context.close();
  }

  const checkin = await openSeeded();
  {
    const { page } = checkin;
    await toFollowUp(page);
    const card = page.getByRole("article", { name: "Cleo Park with Dev Shah" });
    await handOver(page, card.getByRole("button", { name: "Hand the tablet over for this pair's check-in" }),
      "How is your mentoring going?");
    await storageFull(page);
    await page.getByRole("group", { name: "How is it going?" }).getByRole("radio", { name: "3", exact: true }).check();
    await page.getByRole("group", { name: "Are contributions equal and equitable?" }).getByRole("radio", { name: "3", exact: true }).check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await thanked(page);
    await warning(page).filter({ hasText: "Your check-in was taken" }).waitFor();
    await checkin.context.close();
  }
});
