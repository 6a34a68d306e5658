// The demo page in headless Chromium (Debian's), driven by playwright-core: click, and the event appears.
// Run by DemoPageTest, which starts the demo server and passes its address in DEMO_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { page, logIn } from './browser.mjs';

const url = process.env.DEMO_URL;

test('a visitor clicks Fire NewRelease and the release appears', async () => {
  const visitor = await page(url);
  await visitor.fill('#version', '4.2.0');
  await visitor.click('#release-button');
  await visitor.locator('#release-list li', { hasText: 'Version 4.2.0 has been released !' }).waitFor({ timeout: 10000 });
});

test('an admin receives the admin alert and sees who is online', async () => {
  const admin = await page(url);
  await logIn(admin, 'ada', 'admin');
  await admin.locator('#admin-status', { hasText: 'Subscribed' }).waitFor();
  await admin.locator('#online-list li', { hasText: 'ada (admin)' }).waitFor();

  const basic = await page(url);
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
