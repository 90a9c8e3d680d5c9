// Fault class 6: "All changes saved" means on disk. The whole browser is killed (SIGKILL, as
// a crash, a power cut or a tablet's battery would) the moment the status says saved, and
// started again on the same profile: the change is there. A lock shown as on is on after
// the kill. (Local storage, used before, writes to disk lazily: a kill lost edits made up
// to 32 s earlier, and undid a lock turned on 75 s earlier.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { serve, saved, createProgramme, ready } from "./harness.mjs";

const { chromium } = createRequire(import.meta.url)("playwright-core");
const PASSPHRASE = "kettle on at half past";

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/**
 * A Chromium of its own on a profile folder, so it can be killed like a real one. It leads a
 * process group of its own, so that the kill takes its helpers (GPU, network, renderers) down
 * with it, as a power cut would: a helper left running kept writing into the profile.
 */
async function startBrowser(profile) {
  const proc = spawn(process.env.CHROMIUM || "/usr/bin/chromium", [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank",
  ], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  const endpoint = await new Promise((ok, fail) => {
    let text = "";
    const timer = setTimeout(() => fail(new Error(`Chromium did not start: ${text}`)), 20000);
    proc.stderr.on("data", (d) => {
      text += d;
      const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const page = await browser.contexts()[0].newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  return { proc, browser, page };
}

async function kill({ proc }) {
  const gone = new Promise((ok) => proc.once("exit", ok));
  try {
    process.kill(-proc.pid, "SIGKILL");
  } catch {
    proc.kill("SIGKILL");
  }
  await gone;
}

/** Removes the profile; a leftover file is reported, never allowed to hide the test's own result. */
function removeProfile(profile) {
  try {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (err) {
    console.error(`could not remove ${profile}: ${err.message}`);
  }
}

test("a change is on disk once it says saved: the browser killed at once loses nothing", async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "peercircle-kill-"));
  const started = [];
  const start = async () => {
    const b = await startBrowser(profile);
    started.push(b);
    return b;
  };
  try {
    const first = await start();
    await first.page.goto(server.url);
    await ready(first.page);
    await createProgramme(first.page, "Survives a crash");
    await first.page.getByLabel("Organisation").fill("Typed just before the crash");
    await saved(first.page);
    await kill(first);

    const second = await start();
    await second.page.goto(server.url);
    await ready(second.page);
    await second.page.getByRole("link", { name: "Survives a crash" }).click();
    assert.equal(await second.page.getByLabel("Organisation").inputValue(), "Typed just before the crash");

    // The lock: once it says it is on, a kill cannot undo it.
    await second.page.getByRole("link", { name: "Settings", exact: true }).click();
    await second.page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    await second.page.getByLabel("Type the passphrase again", { exact: true }).fill(PASSPHRASE);
    await second.page.getByLabel(/I understand that if I forget this passphrase/).check();
    await second.page.getByRole("button", { name: "Turn on the lock" }).click();
    await second.page.getByRole("status").filter({ hasText: "The lock is on" }).waitFor({ timeout: 15000 });
    await kill(second);

    const third = await start();
    await third.page.goto(server.url);
    await third.page.getByRole("heading", { level: 1, name: "Peercircle is locked" }).waitFor();
    await third.page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    await third.page.getByRole("button", { name: "Unlock" }).click();
    await ready(third.page);
    await third.page.getByRole("link", { name: "Survives a crash" }).waitFor();
    await kill(third);
  } finally {
    for (const b of started) if (b.proc.exitCode === null && b.proc.signalCode === null) await kill(b);
    removeProfile(profile);
  }
});
