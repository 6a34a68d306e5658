// The demo page in headless Chromium (Debian's), driven by playwright-core: click, and the event appears.
// Run by DemoPageTest, which starts the demo server and passes its address in DEMO_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const url = process.env.DEMO_URL;
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => browser?.close());

async function page() {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.locator('#connection', { hasText: 'connected' }).waitFor();
  return tab;
}

async function logIn(tab, name, role) {
  await tab.fill('#name', name);
  await tab.selectOption('#role', role);
  await tab.click('#login-button');
  await tab.locator('#who', { hasText: `Logged in as ${name}` }).waitFor();
  await tab.locator('#connection', { hasText: 'connected' }).waitFor();
}

test('a visitor clicks Fire NewRelease and the release appears', async () => {
  const visitor = await page();
  await visitor.fill('#version', '4.2.0');
  await visitor.click('#release-button');
  await visitor.locator('#release-list li', { hasText: 'Version 4.2.0 has been released !' }).waitFor({ timeout: 10000 });
});

test('an admin receives the admin alert and sees who is online', async () => {
  const admin = await page();
  await logIn(admin, 'ada', 'admin');
  await admin.locator('#admin-status', { hasText: 'Subscribed' }).waitFor();
  await admin.locator('#online-list li', { hasText: 'ada (admin)' }).waitFor();

  const basic = await page();
  await logIn(basic, 'bob', 'basic');
  await basic.locator('#admin-status', { hasText: 'Not authorized' }).waitFor();
  await admin.locator('#online-list li', { hasText: 'bob (basic)' }).waitFor();

  await admin.click('#alert-button');
  await admin.locator('#alert-list li', { hasText: '[WARNING] Some dependencies are outdated !' }).waitFor({ timeout: 10000 });
  await admin.screenshot({ path: process.env.SCREENSHOT ?? 'target/demo.png', fullPage: true });
  assert.equal(await basic.locator('#alert-list li').count(), 0);

  await basic.close();
  await admin.locator('#online-list li', { hasText: 'bob' }).waitFor({ state: 'detached', timeout: 10000 });
});
