// Herald's console in headless Chromium, as the demo's admin opens it: what happens on the demo shows within a
// second, the test-event form reaches another page's pusher-js, and a non-admin is refused.
// Run by ConsolePageTest, which starts the demo server and passes its address in DEMO_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { page, logIn } from './browser.mjs';

const url = process.env.DEMO_URL;
const consoleUrl = `${url}api/broadcasting/console`;
const SECOND = { timeout: 1000 };

async function consoleAsAdmin() {
  const admin = await page(url);
  await logIn(admin, 'ada', 'admin');
  await admin.goto(consoleUrl);
  await admin.locator('#status', { hasText: 'Live' }).waitFor();
  return admin;
}

async function sockets(tab) {
  const text = await tab.locator('#socket-count').textContent();
  return Number(text.split(' ')[0]);
}

test('the console shows a new connection, its subscription, a presence member and an event within a second', async () => {
  const admin = await consoleAsAdmin();
  await admin.locator('#socket-count', { hasText: 'WebSocket' }).waitFor();
  const before = await sockets(admin);

  const visitor = await page(url);
  await admin.waitForFunction((count) => Number(document.querySelector('#socket-count').textContent.split(' ')[0])
    > count, before, SECOND);
  await admin.locator('#channels tr', { hasText: 'releases' }).waitFor(SECOND);

  await logIn(visitor, 'bob', 'basic');
  await admin.locator('#channels tr', { hasText: 'presence-online' }).filter({ hasText: 'bob' }).waitFor(SECOND);

  await visitor.fill('#version', '9.9.9');
  await visitor.click('#release-button');
  await admin.locator('#log tr', { hasText: 'NewRelease' }).filter({ hasText: '9.9.9' }).waitFor(SECOND);

  const sent = admin.locator('#connections tbody tr').filter({ hasText: 'local' }).locator('td').nth(2);
  await admin.waitForFunction(() => Number(document.querySelector('#connections tbody tr td:nth-child(3)')
    ?.textContent) >= 1, null, SECOND);
  assert.ok(Number(await sent.textContent()) >= 1, 'the local connection counts what it sent');
  await admin.screenshot({ path: process.env.SCREENSHOT_CONSOLE ?? 'target/console.png', fullPage: true });
  for (const part of ['#connections', '#readiness', '#chart', '#channels', '#log', '#test-event', '#terminate']) {
    assert.equal(await admin.locator(part).count(), 1, `${part} on the page`);
  }
  assert.ok(await admin.locator('#readiness tr', { hasText: 'ready' }).count() > 0, 'readiness parts listed');
});

test('the test-event form reaches a pusher-js client on another page', async () => {
  const admin = await consoleAsAdmin();
  const visitor = await page(url);
  const received = visitor.evaluate(() => new Promise((resolve) => {
    pusher.channel('releases').bind('ConsoleCheck', (data) => resolve(data));
  }));

  await admin.fill('#test-channel', 'releases');
  await admin.fill('#test-name', 'ConsoleCheck');
  await admin.fill('#test-data', '{"hello":"from the console"}');
  await admin.click('#send-test');

  assert.deepEqual(await received, { hello: 'from the console' });
  await admin.locator('#log tr', { hasText: 'ConsoleCheck' }).first().waitFor(SECOND);
});

test('a user who is no admin is refused the console', async () => {
  const basic = await page(url);
  await logIn(basic, 'carl', 'basic');
  const response = await basic.goto(consoleUrl);
  assert.equal(response.status(), 403);
});

test('an anonymous visitor at this machine may open the console, one from another address may not', async () => {
  const here = await page(url);
  assert.equal((await here.goto(consoleUrl)).status(), 200);
  await here.locator('#status', { hasText: 'Live' }).waitFor();

  const elsewhere = await page(process.env.DEMO_NETWORK_URL);
  assert.equal((await elsewhere.goto(`${process.env.DEMO_NETWORK_URL}api/broadcasting/console`)).status(), 403);
});

test('a demo whose console is turned off answers 404 for it', async () => {
  const admin = await page(process.env.DEMO_DISABLED_URL);
  await logIn(admin, 'ada', 'admin');
  // Asked with the page's cookies (Chromium shows its own error page for a 404 with no body).
  const answer = await admin.request.get(`${process.env.DEMO_DISABLED_URL}api/broadcasting/console`);
  assert.equal(answer.status(), 404);
});
