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

test('an admin edits the order list and every page sees it through Laravel Echo', async () => {
  const admin = await page(url);
  await logIn(admin, 'ada', 'admin');
  const visitor = await page(url);

  await admin.fill('#item', 'Green tea');
  await admin.fill('#quantity', '3');
  await admin.click('#order-button');
  const row = visitor.locator('#order-list tr', { hasText: 'Green tea' });
  await row.locator('td', { hasText: 'new' }).waitFor({ timeout: 10000 });

  await admin.locator('#order-list tr', { hasText: 'Green tea' }).locator('.mark-shipped').click();
  await row.locator('td', { hasText: 'shipped' }).waitFor({ timeout: 10000 });

  await admin.locator('#order-list tr', { hasText: 'Green tea' }).locator('.delete').click();
  await row.waitFor({ state: 'detached', timeout: 10000 });
});

test('a visitor who is no admin cannot edit orders', async () => {
  const visitor = await page(url);
  // The page alerts the server's answer; the alert is dismissed as it opens, so that the click can complete.
  const refusal = new Promise((resolve) => visitor.once('dialog', async (dialog) => {
    resolve(dialog.message());
    await dialog.dismiss();
  }));
  await visitor.click('#order-button');
  assert.match(await refusal, /Only admins/);
});

test('a notification reaches only the user it is for, through Echo\'s .notification()', async () => {
  const admin = await page(url);
  await logIn(admin, 'ada', 'admin');
  const bob = await page(url);
  await logIn(bob, 'bob', 'basic');
  await bob.locator('#notification-status', { hasText: 'Listening on User.bob' }).waitFor();
  const carol = await page(url);
  await logIn(carol, 'carol', 'basic');
  await carol.locator('#notification-status', { hasText: 'Listening on User.carol' }).waitFor();

  await admin.fill('#notify-user', 'bob');
  await admin.fill('#notify-text', 'Your order has shipped');
  await admin.click('#notify-button');

  await bob.locator('#notification-list li', { hasText: 'ada: Your order has shipped' }).waitFor({ timeout: 10000 });
  await bob.screenshot({ path: process.env.SCREENSHOT_ORDERS ?? 'target/demo-orders.png', fullPage: true });
  // A marker: carol's first notification, sent after bob's, must be the only one she has.
  await admin.fill('#notify-user', 'carol');
  await admin.fill('#notify-text', 'Marker');
  await admin.click('#notify-button');
  await carol.locator('#notification-list li', { hasText: 'ada: Marker' }).waitFor({ timeout: 10000 });
  assert.equal(await carol.locator('#notification-list li').count(), 1);
});
