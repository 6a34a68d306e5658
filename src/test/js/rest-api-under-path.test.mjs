// The Node `pusher` server library publishing to Herald's local driver whose JAX-RS path is /api. With HERALD_REST_PATH
// (/api) the path goes after the host, where the library neither escapes nor signs it (RestApiUnderJaxrsPathTest);
// without it the library gets a host and a port only, as Pusher's other server libraries do, and reaches the REST API
// at the web root (RestApiAtWebRootTest).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import Pusher from 'pusher-js';
import PusherServer from 'pusher';

const port = Number(process.env.HERALD_PORT);
const key = process.env.HERALD_KEY;
const appId = process.env.HERALD_APP_ID;
const secret = process.env.HERALD_SECRET;
const path = process.env.HERALD_REST_PATH ?? '';

const listener = new Pusher(key, {
  cluster: 'local', wsHost: '127.0.0.1', wsPort: port, forceTLS: false, enabledTransports: ['ws'],
});
after(() => listener.disconnect());

test(`the Node pusher library reaches pusher-js through '${path || 'the web root'}'`, async () => {
  const channel = listener.subscribe('news');
  await new Promise((resolve) => channel.bind('pusher:subscription_succeeded', resolve));
  const received = new Promise((resolve) => channel.bind('Headline', resolve));

  const server = path
    ? new PusherServer({ appId, key, secret, host: `127.0.0.1:${port}${path}`, useTLS: false })
    : new PusherServer({ appId, key, secret, host: '127.0.0.1', port: String(port), useTLS: false });
  const answer = await server.trigger('news', 'Headline', { title: 'Hello' });

  assert.equal(answer.status, 200);
  assert.deepEqual(await received, { title: 'Hello' });
});
