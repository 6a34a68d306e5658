// The demo as a cluster (demo/run --cluster): a page on each instance, in headless Chromium (Debian's), driven by
// playwright-core. Run by DemoClusterTest, which starts Redis and both instances and passes their addresses.
import { test } from 'node:test';
import { page as visitor, logIn } from './browser.mjs';

const first = process.env.DEMO_URL_A;
const second = process.env.DEMO_URL_B;

// A visitor whose page says which instance it is connected to.
async function page(url) {
  const tab = await visitor(url);
  await tab.locator('#connection', { hasText: `(instance ${new URL(url).host})` }).waitFor();
  return tab;
}

test('a release fired on one instance appears on the page of the other', async () => {
  const onFirst = await page(first);
  const onSecond = await page(second);
  await onFirst.fill('#version', '7.1.0');
  await onFirst.click('#release-button');
  await onSecond.locator('#release-list li', { hasText: 'Version 7.1.0 has been released !' }).waitFor({ timeout: 10000 });
});

test('who is online and admin alerts cross instances', async () => {
  const admin = await page(second);
  await logIn(admin, 'ada', 'admin');
  await admin.locator('#admin-status', { hasText: 'Subscribed' }).waitFor();
  const other = await page(first);
  await logIn(other, 'grace', 'admin');
  await admin.locator('#online-list li', { hasText: 'grace (admin)' }).waitFor();
  await other.locator('#online-list li', { hasText: 'ada (admin)' }).waitFor();

  await other.click('#alert-button');
  await admin.locator('#alert-list li', { hasText: '[WARNING] Some dependencies are outdated !' }).waitFor({ timeout: 10000 });

  await other.close();
  await admin.locator('#online-list li', { hasText: 'grace' }).waitFor({ state: 'detached', timeout: 10000 });
});

test('the console on one instance shows both instances and what the other one sends', async () => {
  const admin = await page(first);
  await logIn(admin, 'lin', 'admin');
  await admin.goto(`${first}api/broadcasting/console`);
  await admin.locator('#status', { hasText: 'Live' }).waitFor();
  const onSecond = await page(second);
  await admin.locator('#socket-count', { hasText: 'on 2 instances' }).waitFor({ timeout: 5000 });

  await onSecond.fill('#version', '7.2.0');
  await onSecond.click('#release-button');
  await admin.locator('#log tr', { hasText: 'NewRelease' }).filter({ hasText: '7.2.0' }).waitFor({ timeout: 5000 });
});
