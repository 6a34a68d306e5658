// What the demo's browser tests share: Debian's Chromium through playwright-core, a page that waits until it is
// connected, and the demo's log-in.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => browser?.close());

// A new visitor (its own cookies) on the page at `url`, once pusher-js is connected.
export async function page(url) {
  // Behind the test's TLS proxy the certificate is one the test made: trusted there, and only there.
  const context = await browser.newContext({ ignoreHTTPSErrors: process.env.DEMO_TRUSTED_CERTIFICATE === 'self-signed' });
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.locator('#connection', { hasText: 'connected' }).waitFor();
  return tab;
}

export async function logIn(tab, name, role) {
  await tab.fill('#name', name);
  await tab.selectOption('#role', role);
  await tab.click('#login-button');
  await tab.locator('#who', { hasText: `Logged in as ${name}` }).waitFor();
  await tab.locator('#connection', { hasText: 'connected' }).waitFor();
}
