// Kiosk mode: the shared tablet in the meeting room. Pairs answer in turn and never see each
// other's words; nothing else of the app can be reached without the facilitator's PIN.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, ready, saved, createProgramme, addGroup, serviceWorkerReady, watch } from "./harness.mjs";

const PROGRAMME = "Kiosk programme 2027";
const QUESTION = "What helped you most this term?";
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const seen = { requests: [], errors: [] };
  context.on("request", (r) => seen.requests.push(r.url()));
  const page = await context.newPage();
  watch(page, seen);
  await page.clock.install();
  await page.goto(server.url);
  await ready(page);
  return { context, page, seen };
}

/** A session with six guests (or as many as asked) at the pairs step: three pairs. */
async function sessionWithThreePairs(page, guests = 6) {
  await createProgramme(page, PROGRAMME);
  await addGroup(page, "Peers");
  await page.getByLabel("Or type a question for this session only").fill(QUESTION);
  await page.getByRole("button", { name: "Start the session" }).click();
  await page.getByLabel("Guests (people here who are not on the roster)").fill(String(guests));
  await page.getByLabel("Guests (people here who are not on the roster)").press("Tab");
  await page.getByRole("button", { name: "Next: Pairs" }).click();
  await page.getByRole("button", { name: "Form pairs at random" }).click();
  await page.getByRole("heading", { level: 3, name: `Pair ${guests / 2}` }).waitFor();
  return page.url();
}

async function startKiosk(page, pin) {
  await page.getByRole("button", { name: "Hand the tablet over for pair answers" }).click();
  if (pin) {
    await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill(pin);
    await page.getByLabel("Type the PIN again", { exact: true }).fill(pin);
  }
  await page.getByRole("button", { name: "Start kiosk mode" }).click();
  await picker(page);
}

const picker = (page) => page.getByRole("heading", { level: 1, name: "Which pair are you?" }).waitFor();

/** Nothing of the rest of the app is on screen: no navigation, no programme, no answers. */
async function onlyKiosk(page, answers = []) {
  await picker(page);
  assert.equal(await page.getByRole("navigation", { name: "Main" }).count(), 0, "no navigation bar");
  const text = await page.locator("body").innerText();
  assert.ok(!text.includes(PROGRAMME), "the programme name is not shown");
  for (const a of answers) assert.ok(!text.includes(a), `earlier answer "${a}" is not shown`);
  assert.equal(await page.title(), "Kiosk · Peercircle");
}

test("three pairs answer in turn on the kiosk, each with an empty box, and only the PIN leaves", async () => {
  const { context, page, seen } = await newPage();
  const sessionUrl = await sessionWithThreePairs(page);
  await serviceWorkerReady(page);
  // A window already open on the data (in another tab, so it only shows) is covered too.
  const watcher = await context.newPage();
  await watcher.goto(server.url + "#/programmes");
  await ready(watcher);
  await watcher.getByRole("link", { name: PROGRAMME }).waitFor();

  // A PIN that is not 4 to 8 digits, or typed differently twice, is refused in plain words.
  await page.getByRole("button", { name: "Hand the tablet over for pair answers" }).click();
  await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill("12a");
  await page.getByLabel("Type the PIN again", { exact: true }).fill("12a");
  await page.getByRole("button", { name: "Start kiosk mode" }).click();
  await page.getByText("Please type a PIN of 4 to 8 digits.").waitFor();
  await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill("2468");
  await page.getByLabel("Type the PIN again", { exact: true }).fill("2486");
  await page.getByRole("button", { name: "Start kiosk mode" }).click();
  await page.getByText("The two PINs are not the same.").waitFor();
  await page.getByLabel("Type the PIN again", { exact: true }).fill("2468");
  await page.getByRole("button", { name: "Start kiosk mode" }).click();
  await onlyKiosk(page);
  assert.ok(await page.getByText(QUESTION).isVisible(), "the session question is shown large");
  await onlyKiosk(watcher);
  await watcher.close();

  const answers = [];
  for (const n of [1, 2, 3]) {
    await page.getByRole("button", { name: `Pair ${n}`, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Pair ${n}` }).waitFor();
    const box = page.getByRole("textbox", { name: "Your pair's answer", exact: true });
    assert.equal(await box.inputValue(), "", `pair ${n} sees an empty box`);
    const body = await page.locator("body").innerText();
    for (const a of answers) assert.ok(!body.includes(a), `pair ${n} cannot see "${a}"`);
    // Submitting nothing is refused, and the box stays usable.
    if (n === 1) {
      await page.getByRole("button", { name: "Submit" }).click();
      await page.getByRole("alert").filter({ hasText: "Please write something first." }).waitFor();
    }
    const answer = `Pair ${n} <b>says</b>: listen first #${n}`;
    await box.fill(answer);
    await page.getByRole("button", { name: "Submit" }).click();
    await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
    answers.push(answer);
    assert.ok(!(await page.locator("body").innerText()).includes(answer), "the thank-you clears the answer");
    if (n < 3) await page.getByRole("button", { name: "Done: ready for the next group" }).click();
    else await page.clock.runFor(7_000); // the thank-you goes by itself
    await onlyKiosk(page, answers);
  }

  // Reload, a typed address, the back button, a second tab, offline: still only the kiosk.
  await page.reload();
  await onlyKiosk(page, answers);
  await page.goto(server.url + "#/programmes");
  await onlyKiosk(page, answers);
  await page.goto(sessionUrl);
  await onlyKiosk(page, answers);
  await page.goBack();
  await onlyKiosk(page, answers);
  const second = await context.newPage();
  await second.goto(server.url + "#/settings");
  await onlyKiosk(second, answers);
  await second.close();
  await context.setOffline(true);
  await page.reload();
  await onlyKiosk(page, answers);
  await context.setOffline(false);

  // Leaving needs the PIN; five wrong tries bring a visible wait that a reload keeps.
  await page.getByRole("button", { name: "Facilitator", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Leave kiosk mode" }).waitFor();
  const pin = page.getByLabel("Facilitator PIN", { exact: true });
  for (let i = 1; i <= 4; i++) {
    await pin.fill("1111");
    await page.getByRole("button", { name: "Leave kiosk mode" }).click();
    await page.getByText(`That PIN is not right. ${5 - i} more`).waitFor();
  }
  await pin.fill("1111");
  await page.getByRole("button", { name: "Leave kiosk mode" }).click();
  await page.getByText("Too many wrong tries. Please wait 30 seconds before trying again.").waitFor();
  assert.ok(await pin.isDisabled(), "the PIN box is shut while waiting");
  await page.reload();
  await picker(page);
  await page.getByRole("button", { name: "Facilitator", exact: true }).click();
  await page.getByText(/Too many wrong tries. Please wait \d+ seconds/).waitFor();
  assert.ok(await pin.isDisabled(), "a reload does not reset the wait");
  await page.clock.runFor(31_000);
  await page.getByText(/Too many wrong tries/).waitFor({ state: "detached" });
  assert.ok(await pin.isEnabled());
  // The first wrong try after the wait doubles it.
  await pin.fill("9999");
  await page.getByRole("button", { name: "Leave kiosk mode" }).click();
  await page.getByText("Too many wrong tries. Please wait 1 minute before trying again.").waitFor();
  await page.clock.runFor(181_000);
  // Three minutes untouched (the idle timeout) also clear the PIN prompt back to the start.
  await picker(page);
  await page.getByRole("button", { name: "Facilitator", exact: true }).click();
  await pin.fill("2468");
  await page.getByRole("button", { name: "Leave kiosk mode" }).click();

  // Back in the session: every pair's answer is there, stored as typed (as text, not HTML).
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  assert.equal(page.url(), sessionUrl);
  for (const n of [1, 2, 3]) {
    const point = page.getByRole("list", { name: `Pair ${n}'s agreed answer`, exact: true }).getByRole("listitem").first();
    assert.equal(await point.locator("p").innerText(), answers[n - 1]);
  }
  assert.equal(await page.locator("b", { hasText: "says" }).count(), 0, "typed HTML stays text");
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole("list", { name: "Pair 2's agreed answer", exact: true }).getByRole("listitem").first().locator("p").innerText(), answers[1]);

  // A second hand-over uses the PIN already set, without asking for a new one.
  await startKiosk(page);
  await onlyKiosk(page, answers);
  // Even reloaded at the flip-chart display's address, the kiosk shows and takes answers.
  await page.goto(sessionUrl + "/display");
  await page.reload();
  await onlyKiosk(page, answers);
  await page.getByRole("button", { name: "Pair 1", exact: true }).click();
  await page.getByRole("textbox", { name: "Your pair's answer", exact: true }).fill("A second thought");
  await page.getByRole("button", { name: "Submit" }).click();
  await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0, "no refusal");
  const origin = new URL(server.url).origin;
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith(origin)), [], "no request leaves the page");
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("unsent input is cleared after the idle timeout, with a visible countdown first", async () => {
  const { context, page, seen } = await newPage();
  // The timeout is set in Settings; below 15 seconds is refused.
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  const idle = page.getByLabel("Clear unsent input after this many seconds without a touch");
  await idle.fill("5");
  await idle.press("Tab");
  await page.getByText("Please choose between 15 and 600 seconds.").waitFor();
  await idle.fill("15");
  await idle.press("Tab");
  await page.getByText("Please choose between 15 and 600 seconds.").waitFor({ state: "detached" });
  await page.getByLabel("Facilitator PIN", { exact: true }).fill("13579");
  await page.getByLabel("Type the PIN again", { exact: true }).fill("13579");
  await page.getByRole("button", { name: "Save PIN" }).click();
  await page.getByText("The new PIN is saved.").waitFor();
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await idle.inputValue(), "15");
  await page.getByRole("link", { name: "Programmes", exact: true }).click();

  await sessionWithThreePairs(page);
  await startKiosk(page);
  await page.getByRole("button", { name: "Pair 2", exact: true }).click();
  const box = page.getByRole("textbox", { name: "Your pair's answer", exact: true });
  await box.fill("Half a thought that was never sent");
  await page.clock.runFor(9_000);
  assert.equal(await page.getByText(/will be cleared in/).count(), 0, "no countdown while in use");
  await page.clock.runFor(2_000);
  await page.getByRole("status").filter({ hasText: /will be cleared in ([2-5] seconds|1 second),/ }).waitFor();
  assert.equal(await box.inputValue(), "Half a thought that was never sent", "still there during the countdown");
  await page.clock.runFor(5_000);
  await onlyKiosk(page, ["Half a thought"]);
  await page.getByRole("button", { name: "Pair 2", exact: true }).click();
  assert.equal(await box.inputValue(), "", "the next person finds an empty box");

  // Touching the screen during the countdown keeps what was typed.
  await box.fill("Still writing");
  await page.clock.runFor(12_000);
  await page.getByRole("button", { name: "We're still here" }).click();
  await page.getByText(/will be cleared in/).waitFor({ state: "detached" });
  assert.equal(await box.inputValue(), "Still writing");
  // The warning covers the whole screen, so a tap anywhere on it keeps what was typed and
  // presses nothing underneath by mistake; then Submit sends it.
  await page.clock.runFor(12_000);
  await page.getByRole("alertdialog", { name: "Are you still there?" }).waitFor();
  await page.mouse.click(12, 12);
  await page.getByRole("alertdialog").waitFor({ state: "detached" });
  assert.equal(await box.inputValue(), "Still writing");
  await page.getByRole("button", { name: "Submit" }).click();
  await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
  await page.getByRole("button", { name: "Done: ready for the next group" }).click();

  // The PIN prompt left open is cleared too, and the PIN set in Settings leaves.
  await page.getByRole("button", { name: "Facilitator", exact: true }).click();
  await page.getByLabel("Facilitator PIN", { exact: true }).fill("135");
  await page.clock.runFor(16_000);
  await picker(page);
  await page.getByRole("button", { name: "Facilitator", exact: true }).click();
  assert.equal(await page.getByLabel("Facilitator PIN", { exact: true }).inputValue(), "");
  await page.getByLabel("Facilitator PIN", { exact: true }).fill("13579");
  await page.getByRole("button", { name: "Leave kiosk mode" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  const pair2 = page.getByRole("list", { name: "Pair 2's agreed answer", exact: true }).getByRole("listitem");
  assert.equal(await pair2.first().locator("p").innerText(), "Still writing");
  assert.equal(await pair2.count(), 1, "nothing unsent was stored");
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("tables give their agreed answer on the kiosk the same way", async () => {
  const { context, page, seen } = await newPage();
  await sessionWithThreePairs(page, 8);
  await page.getByRole("button", { name: "Next: Tables" }).click();
  await page.getByRole("button", { name: "Form tables of two pairs" }).click();
  await page.getByRole("heading", { level: 3, name: "Table B", exact: true }).waitFor();
  await page.getByRole("button", { name: "Hand the tablet over for table answers" }).click();
  await page.getByLabel("Choose a facilitator PIN", { exact: true }).fill("11223344");
  await page.getByLabel("Type the PIN again", { exact: true }).fill("11223344");
  await page.getByRole("button", { name: "Start kiosk mode" }).click();
  await page.getByRole("heading", { level: 1, name: "Which table are you?" }).waitFor();
  assert.equal(await page.getByRole("navigation", { name: "Main" }).count(), 0);
  await page.getByRole("button", { name: "Table B", exact: true }).click();
  const box = page.getByRole("textbox", { name: "Your table's agreed answer", exact: true });
  await page.getByText("If your table already gave an answer, this is added to it.").waitFor();
  // Too long is refused in plain words, and what was typed stays.
  const long = "x".repeat(20_001);
  await box.fill(long);
  await page.getByRole("button", { name: "Submit" }).click();
  await page.getByText(/That text is too long \(20001 characters\)/).waitFor();
  assert.equal((await box.inputValue()).length, 20_001);
  await box.fill("Peers explain it better than the handbook");
  await page.getByRole("button", { name: "Submit" }).click();
  await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
  await page.getByRole("button", { name: "Facilitator", exact: true }).click();
  await page.getByLabel("Facilitator PIN", { exact: true }).fill("11223344");
  await page.getByRole("button", { name: "Leave kiosk mode" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  assert.equal(await page.getByRole("list", { name: "Table B's shared answer", exact: true }).getByRole("listitem").first().locator("p").innerText(),
    "Peers explain it better than the handbook");
  assert.deepEqual(seen.errors, []);
  await context.close();
});
