// The Node `pusher` server library publishing to Herald's local driver whose JAX-RS path is /api: the path goes after
// the host, where the library neither escapes nor signs it. Run by RestApiUnderJaxrsPathTest.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import Pusher from 'pusher-js';
import PusherServer from 'pusher';

const port = Number(process.env.HERALD_PORT);
const key = process.env.HERALD_KEY;
const appId = process.env.HERALD_APP_ID;
const secret = process.env.HERALD_SECRET;

const listener = new Pusher(key, {
  cluster: 'local', wsHost: '127.0.0.1', wsPort: port, forceTLS: false, enabledTransports: ['ws'],
});
after(() => listener.disconnect());

test('the Node pusher library reaches pusher-js through /api', async () => {
  const channel = listener.subscribe('news');
  await new Promise((resolve) => channel.bind('pusher:subscription_succeeded', resolve));
  const received = new Promise((resolve) => channel.bind('Headline', resolve));

  const server = new PusherServer({ appId, key, secret, host: `127.0.0.1:${port}/api`, useTLS: false });
  const answer = await server.trigger('news', 'Headline', { title: 'Hello' });

  assert.equal(answer.status, 200);
  assert.deepEqual(await received, { title: 'Hello' });
});
