// Chromium (Debian's, through playwright-core) opening Herald's local WebSocket from two pages served by this script
// on one port: http://localhost:<port>, which broadcast.local.allowed-origins names, and http://127.0.0.1:<port>,
// another origin. The browser sends the page's Origin itself. Run by AllowedOriginsTest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { chromium } from 'playwright-core';

const heraldPort = Number(process.env.HERALD_PORT);
const key = process.env.HERALD_KEY;
const pagePort = Number(process.env.PAGE_PORT);

// The page reports the first server frame's event, or the close code when the connection never opened.
const page = `<!doctype html><script>
  window.outcome = new Promise((resolve) => {
    const socket = new WebSocket('ws://127.0.0.1:${heraldPort}/app/${key}?protocol=7&client=js&version=8.4.0');
    socket.onmessage = (message) => resolve(JSON.parse(message.data).event);
    socket.onclose = (closed) => resolve('closed ' + closed.code);
  });
</script>`;

let server;
let browser;

before(async () => {
  server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(page);
  });
  await new Promise((resolve) => server.listen(pagePort, '127.0.0.1', resolve));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function outcomeAt(url) {
  const tab = await (await browser.newContext()).newPage();
  await tab.goto(url);
  return tab.evaluate(() => window.outcome);
}

test('a page on an allowed origin connects', async () => {
  assert.equal(await outcomeAt(`http://localhost:${pagePort}/`), 'pusher:connection_established');
});

test('a page on another origin is refused before the connection opens', async () => {
  // A refused handshake never opens: the browser reports 1006 (abnormal closure) and no frame.
  assert.equal(await outcomeAt(`http://127.0.0.1:${pagePort}/`), 'closed 1006');
});
