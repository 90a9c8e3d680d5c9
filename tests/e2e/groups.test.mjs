// Peer support groups (issue 14 item 5): the group's guidelines read aloud from a large-type
// card on the facilitator's screen and on the projector; "How was today's meeting?" taken on
// the kiosk by three people in turn, hidden below k and shown as counts only once finished,
// kept after a reload; a member leaving and the group ending recorded with private notes that
// stay on this page; and no request ever leaves the app's own origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { serve, launch, watch, saved, ready, storedItem } from "./harness.mjs";

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

// A page (whole) or one part of it (a locator).
const shot = async (what, name) => {
  if (!process.env.SHOTS) return;
  if (typeof what.goto === "function") await what.screenshot({ path: `shots/${name}.png`, fullPage: true });
  else await what.screenshot({ path: `shots/${name}.png` });
};

// The documented stored format (version 1): a mentor peer support group of four with an
// agreed working agreement, and one meeting at its consent step. k = 3.
function seed() {
  const person = (id, display_name) => ({ id, display_name, groups: [2] });
  const env = (kind, data) => JSON.stringify({ kind, version: 1, data });
  const terms = {
    ground_rules: "- Listen first\n- One voice at a time",
    confidentiality: "What is said here stays here",
    feedback: "", logistics: "Ana books the room", when_where: "", attendance: "",
    presenter_minutes: "15 minutes each", renegotiation: "",
  };
  return {
    "peercircle:settings": env("settings", { last_id: 50, programme_order: [1], k: 3 }),
    "peercircle:programme:1": env("programme", {
      id: 1, name: "Nursing mentors 2027", organisation: "", purpose: "", archived: false,
      groups: [{ id: 2, name: "Mentor circle", kind: "mentor_support", archived: false }],
      participants: [person(4, "Ana Costa"), person(5, "Ben Okoro"), person(6, "Cleo Park"), person(7, "Dev Shah")],
      charters: [{
        group: 2,
        stages: [{ stage: "purpose", text: "To support each other in supervising students", agreed: null }],
        working: terms,
        versions: [{ number: 1, agreed_on: day(-30), terms }],
      }],
    }),
    "peercircle:session:9": env("session", {
      id: 9, group: 2, date: day(0), phase: "Consent", guests: 0, present: [4, 5, 6, 7], next_item: 2,
      question: { question_id: null, text: "What helped you most this month?" },
      consent_question: "May we share these?", seating_forgotten: true,
      pairs: [{ number: 1, points: [], size: 2 }, { number: 2, points: [], size: 2 }],
      tables: [{ number: 1, pairs: [1, 2], consensus: [], minority: [] }],
      flip_chart: [
        { number: 1, text: "Asking for help early", agree: 3, minority: false, raised_by: [],
          consent: { decision: "InternalOnly", decided_on: null, objection: false } },
      ],
    }),
  };
}

// Seeded before the app starts (an init script, once per test): seeding a page where the app
// already runs races with the app writing its own, empty, state back as the page unloads.
async function openSeeded() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const seen = { requests: [], errors: [] };
  context.on("request", (r) => seen.requests.push(r.url()));
  await context.addInitScript((records) => {
    if (localStorage.getItem("e2e:seeded")) return;
    localStorage.clear();
    for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v);
    localStorage.setItem("e2e:seeded", "1");
  }, seed());
  const page = await context.newPage();
  watch(page, seen);
  await page.goto(server.url + "#/");
  await ready(page);
  return { context, page, seen };
}

// Serious axe findings on the page, and controls under 44 px inside the new part (`scope`).
async function problems(page, scope) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const axe = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  const small = await page.evaluate((scope) =>
    [...document.querySelectorAll(`${scope} :is(button, a, input, select, textarea, summary)`)]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => ![...(el.labels || [])].some((l) => {
        const r = l.getBoundingClientRect();
        return r.height >= 44 && r.width >= 44;
      }))
      .map((el) => ({ el: el.outerHTML.slice(0, 80), ...el.getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 44 || r.width < 44)
      .map((r) => `${r.el} ${Math.round(r.width)}x${Math.round(r.height)}`), scope);
  return [...axe, ...small];
}

const sameOrigin = (seen) => {
  const origin = new URL(server.url).origin;
  const away = seen.requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(away, [], "no request leaves the origin");
};

test("the guidelines card is read aloud on the first step and shown on the projector", async () => {
  const { context, page, seen } = await openSeeded();
  await page.getByRole("link", { name: "Nursing mentors 2027", exact: true }).click();
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByRole("heading", { level: 2, name: /Step 1 · Attendance/ }).waitFor();
  const offer = page.getByRole("region", { name: "The group's guidelines" });
  await offer.getByRole("button", { name: "Read the guidelines aloud" }).click();
  const card = page.getByRole("article", { name: "Our guidelines · Mentor circle" });
  await card.waitFor();
  const text = await card.innerText();
  for (const line of ["Ground rules", "Listen first", "One voice at a time", "What is said here stays here", "15 minutes each"]) {
    assert.ok(text.includes(line), `the card reads ${line}`);
  }
  assert.ok(!text.includes("Ana books the room"), "logistics are not read aloud");
  assert.ok(/version 1, agreed on/.test(text), "says which agreed version it reads");
  const size = await card.locator("li").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 20, `large type (${size}px)`);
  await shot(page, "groups-guidelines-session");
  assert.deepEqual(await problems(page, ".guidelines-offer"), [], "the guidelines on the first step");

  const [projector] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: "Open the flip chart in a new window" }).click(),
  ]);
  await projector.getByText("Step 1 of 7 · Attendance").waitFor();
  await offer.getByRole("button", { name: "Show the guidelines on the big screen" }).click();
  const onWall = projector.getByRole("article", { name: "Our guidelines · Mentor circle" });
  await onWall.waitFor();
  assert.ok((await onWall.innerText()).includes("What is said here stays here"));
  assert.equal(await projector.getByRole("heading", { level: 1 }).innerText(), "Our guidelines · Mentor circle");
  await shot(projector, "groups-guidelines-projector");
  await offer.getByRole("button", { name: "Take the guidelines off the big screen" }).click();
  await onWall.waitFor({ state: "detached" });
  await projector.getByRole("heading", { level: 1 }).filter({ hasNotText: "guidelines" }).waitFor();
  // Shown again, then Next: the pairs step takes it off the wall by itself.
  await offer.getByRole("button", { name: "Show the guidelines on the big screen" }).click();
  await onWall.waitFor();
  await page.getByRole("button", { name: "Mark everyone present" }).click();
  await page.getByRole("button", { name: "Next: Pairs" }).click();
  await projector.getByText("Step 2 of 7 · Pairs").waitFor();
  assert.equal(await onWall.count(), 0, "off the wall after the first step");
  assert.deepEqual(seen.errors, []);
  sameOrigin(seen);
  await context.close();
});

test("how was today's meeting: three people on the kiosk, hidden below k, counts once finished", async () => {
  const { context, page, seen } = await openSeeded();
  await page.goto(server.url + "#/session/9");
  await page.getByRole("button", { name: "Next: Closed" }).click();
  const panel = page.getByRole("region", { name: "How was today's meeting?" });
  await panel.getByText("Nobody has answered yet.").waitFor();
  const handOver = async (pin) => {
    await panel.getByRole("button", { name: "Hand the tablet over for the meeting feedback" }).click();
    if (pin) {
      await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill(pin);
      await page.getByLabel("Type the PIN again", { exact: true }).fill(pin);
    }
    await page.getByRole("button", { name: "Start kiosk mode" }).click();
    await page.getByRole("heading", { level: 1, name: "How was today's meeting?" }).waitFor();
    assert.equal(await page.getByRole("navigation", { name: "Main" }).count(), 0, "no navigation bar");
    const body = await page.locator("body").innerText();
    for (const name of ["Ana", "Ben", "Cleo", "Dev", "Asking for help"]) assert.ok(!body.includes(name), `shows ${name}`);
  };
  const person = async (answers) => {
    const groups = await page.getByRole("group").all();
    assert.equal(groups.length, 4, "four questions");
    for (const [i, g] of groups.entries()) {
      await g.getByRole("radio", { name: String(answers[i]), exact: true }).check();
    }
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
    await page.getByRole("button", { name: "Done: ready for the next person" }).click();
    await page.getByRole("heading", { level: 1, name: "How was today's meeting?" }).waitFor();
    const checked = await page.getByRole("radio").evaluateAll((els) => els.filter((e) => e.checked).length);
    assert.equal(checked, 0, "the next person starts from an empty form");
  };
  const leave = async () => {
    await page.getByRole("button", { name: "Facilitator", exact: true }).click();
    await page.getByLabel("Facilitator PIN", { exact: true }).fill("2468");
    await page.getByRole("button", { name: "Leave kiosk mode" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await page.getByRole("heading", { level: 2, name: /Step 7 · Closed/ }).waitFor();
  };
  await handOver("2468");
  // Sending with a question unanswered is refused, and nothing is counted.
  await page.getByRole("group").first().getByRole("radio", { name: "5", exact: true }).check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page.getByText("Please choose an answer from 1 to 5 for every question.").waitFor();
  await shot(page, "groups-feedback-kiosk");
  assert.deepEqual(await problems(page, ".kiosk"), [], "the feedback on the kiosk");
  await page.getByRole("group").nth(1).getByRole("radio", { name: "4", exact: true }).check();
  await page.getByRole("group").nth(2).getByRole("radio", { name: "4", exact: true }).check();
  await page.getByRole("group").nth(3).getByRole("radio", { name: "5", exact: true }).check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
  await page.getByRole("button", { name: "Done: ready for the next person" }).click();
  await person([4, 3, 4, 4]);
  await leave();
  await panel.getByText("Fewer than 3 have answered so far.", { exact: false }).waitFor();
  assert.equal(await panel.getByRole("table").count(), 0, "no counts below k");
  assert.ok(!(await panel.innerText()).includes("2 people"), "no figure about two people");
  await handOver();
  await person([5, 5, 5, 5]);
  await leave();
  await panel.getByText("3 people have answered so far.").waitFor();
  assert.equal(await panel.getByRole("table").count(), 0, "counts wait for the finish");
  await panel.getByRole("button", { name: "Finish and show the counts" }).click();
  const table = panel.getByRole("table", { name: "How was today's meeting? 3 people answered" });
  await table.waitFor();
  const row = async (name) => table.getByRole("row", { name: new RegExp(`^${name}`) }).getByRole("cell").allInnerTexts();
  assert.deepEqual(await row("Heard and respected"), ["0", "0", "0", "1", "2"]);
  assert.deepEqual(await row("Overall"), ["0", "0", "0", "1", "2"]);
  assert.deepEqual(await row("Talked about what mattered"), ["0", "0", "1", "1", "1"]);
  assert.equal(await panel.getByRole("button", { name: "Hand the tablet over for the meeting feedback" }).count(), 0,
    "no more answers once the counts were shown");
  await shot(page, "groups-feedback-counts");
  assert.deepEqual(await problems(page, ".meeting-feedback"), [], "the feedback counts");
  await saved(page);
  // Stored as counts only.
  const stored = JSON.parse(await storedItem(page, "peercircle:session:9")).data.feedback;
  assert.deepEqual(stored, { responses: 3, finished: true, tallies: [[0, 0, 0, 1, 2], [0, 0, 1, 1, 1], [0, 0, 0, 2, 1], [0, 0, 0, 1, 2]] });
  await page.reload();
  await ready(page);
  await page.getByRole("table", { name: "How was today's meeting? 3 people answered" }).waitFor();
  // The evaluation report carries the means only (3 answered: the programme's k is 3).
  await page.goto(server.url + "#/programme/1/share");
  await page.getByRole("radio", { name: /Evaluation report/ }).check();
  const shared = page.getByRole("region", { name: "What the file will hold" })
    .getByRole("table", { name: "Meeting feedback (answers from 1 to 5)" });
  await shared.getByRole("row", { name: /People who answered/ }).getByText("3", { exact: true }).waitFor();
  await shared.getByRole("row", { name: /Heard and respected/ }).getByText("4.7 out of 5").waitFor();
  assert.deepEqual(seen.errors, []);
  sameOrigin(seen);
  await context.close();
});

test("a member leaving and the group ending are recorded, private notes stay on the page", async () => {
  const { context, page, seen } = await openSeeded();
  await page.goto(server.url + "#/programme/1/group/2");
  // Found from the top of the long group page.
  await page.getByRole("button", { name: "A member leaving, or the group ending" }).click();
  const life = page.getByRole("region", { name: "Members leaving and the group ending" });
  await life.waitFor();
  assert.ok(await life.evaluate((el) => el.contains(document.activeElement)), "focus moves to the section");
  await life.getByText("A member is leaving").click();
  await life.getByLabel("Who is leaving").selectOption({ label: "Ben Okoro" });
  await life.getByLabel("Date they left (or their last meeting)").fill(day(-1));
  const kind = life.getByRole("group", { name: "How they are leaving" });
  await kind.getByRole("radio", { name: /^Planned/ }).check();
  const goodbye = life.getByRole("group", { name: /Saying goodbye/ });
  await goodbye.getByRole("checkbox", { name: "Each member said one thing they appreciated about them" }).check();
  await goodbye.getByRole("checkbox", { name: /what the group has meant to them/ }).check();
  await life.getByLabel("Private notes about their leaving (optional)").fill("Moving away for family reasons zqx");
  await shot(life, "groups-member-leaving");
  await life.getByRole("button", { name: "Record that they left" }).click();
  await life.getByText("Recorded: Ben Okoro has left the group.").waitFor();
  const left = life.getByRole("list", { name: "Who has left" });
  assert.ok((await left.innerText()).includes("Ben Okoro left on"));
  // Off the member list: the next session's attendance does not offer Ben.
  assert.equal(await life.getByLabel("Who is leaving").getByRole("option", { name: "Ben Okoro" }).count(), 0);

  await life.getByText("The group is ending").click();
  assert.ok((await life.innerText()).includes("To support each other in supervising students"), "the purpose as a reminder");
  await life.getByLabel("Date the group ended (its last meeting)").fill(day(0));
  const last = life.getByRole("group", { name: /The last meeting/ });
  await last.getByRole("checkbox", { name: /Looking back/ }).check();
  await last.getByRole("checkbox", { name: /Thank-yous/ }).check();
  await life.getByLabel("Private notes about the ending (optional)").fill("A warm last evening qvw");
  await shot(life, "groups-group-ending");
  assert.deepEqual(await problems(page, ".group-life"), [], "leaving and ending forms");
  await life.getByRole("button", { name: "Record that the group has ended" }).click();
  const ended = life.getByRole("group", { name: "The group has ended" });
  await ended.waitFor();
  await saved(page);
  await page.reload();
  await ready(page);
  await page.getByRole("group", { name: "The group has ended" }).waitFor();
  const after = await page.getByRole("region", { name: "Members leaving and the group ending" }).innerText();
  assert.ok(after.includes("Ben Okoro left on"));
  assert.ok(after.includes("Looking back: what the group set out to do"));
  await shot(page.getByRole("region", { name: "Members leaving and the group ending" }), "groups-ended");
  assert.deepEqual(await problems(page, ".group-life"), [], "after the ending");
  // Archived: the programme page shows it so, and no session can be started for it.
  await page.goto(server.url + "#/programme/1");
  await page.getByText("Archived", { exact: true }).waitFor();
  await page.getByText("Add a group first: every session belongs to one group.").waitFor();
  // The private notes are on the group page only: not on the programme page, nor the share screen.
  for (const where of ["#/programme/1", "#/programme/1/share", "#/programme/1/roster"]) {
    await page.goto(server.url + where);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    const body = await page.locator("body").innerText();
    assert.ok(!body.includes("zqx") && !body.includes("qvw"), `private notes on ${where}`);
  }
  assert.deepEqual(seen.errors, []);
  sameOrigin(seen);
  await context.close();
});
