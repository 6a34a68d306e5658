// pusher-js configured as README.md says for an application at a context root (/shop, JAX-RS under /api): wsPath for
// the WebSocket, the context root in the authorization endpoint. Run by ContextRootTest.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import Pusher from 'pusher-js';

const origin = process.env.HERALD_ORIGIN;      // http://127.0.0.1:<port>
const port = Number(new URL(origin).port);
const key = process.env.HERALD_KEY;

const pusher = new Pusher(key, {
  cluster: 'local',
  wsHost: '127.0.0.1',
  wsPort: port,
  wssPort: port,
  forceTLS: false,
  enabledTransports: ['ws', 'wss'],
  wsPath: '/shop',
  channelAuthorization: { endpoint: `${origin}/shop/api/broadcasting/authorize`, headers: { 'X-Test-User': 'ada' } },
  userAuthentication: { endpoint: `${origin}/shop/api/broadcasting/user-auth`, headers: { 'X-Test-User': 'ada' } },
});
after(() => pusher.disconnect());

test('a private channel is joined and receives an event under /shop', async () => {
  const channel = pusher.subscribe('private-orders.7');
  await new Promise((resolve, reject) => {
    channel.bind('pusher:subscription_succeeded', resolve);
    channel.bind('pusher:subscription_error', reject);
  });
  const arrived = new Promise((resolve) => channel.bind('OrderShipped', resolve));

  const response = await fetch(`${origin}/shop/api/test/shipped/7`, { method: 'POST' });
  assert.equal(response.status, 204);
  assert.deepEqual(await arrived, { id: 7 });
});
