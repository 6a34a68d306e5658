// docs/behind-a-proxy.md, from Node: pusher-js over wss through nginx (which terminates TLS with a certificate
// NODE_EXTRA_CA_CERTS trusts) to two demo instances, a private channel authorized through it, and the Node `pusher`
// library publishing through it. Run by BehindProxyTest, which starts Redis, the instances and nginx.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import Pusher from 'pusher-js';
import PusherServer from 'pusher';

const proxy = new URL(process.env.PROXY_URL);
const clients = [];
after(() => clients.forEach((client) => client.disconnect()));

// The demo's log-in, through the proxy: its cookie.
async function logIn(name, role) {
  const response = await fetch(new URL('api/demo/login', proxy), {
    method: 'POST', body: new URLSearchParams({ name, role }) });
  assert.equal(response.status, 204);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

// pusher-js as a browser would be configured for the proxy; authorization requests carry the log-in cookie.
function client(cookie) {
  const pusher = new Pusher(process.env.HERALD_KEY, {
    cluster: 'local',
    wsHost: proxy.hostname,
    wssPort: Number(proxy.port),
    forceTLS: true,
    enabledTransports: ['ws'],
    channelAuthorization: {
      customHandler: async ({ socketId, channelName }, callback) => {
        const response = await fetch(new URL('api/broadcasting/authorize', proxy), {
          method: 'POST', headers: { Cookie: cookie },
          body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }) });
        if (!response.ok) {
          callback(new Error(`authorization answered ${response.status}`), null);
        } else {
          callback(null, await response.json());
        }
      },
    },
  });
  clients.push(pusher);
  return pusher;
}

function once(channel, event, timeout = 10000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} on ${channel.name} within ${timeout} ms`)), timeout);
    channel.bind(event, (data) => { clearTimeout(timer); resolve(data); });
  });
}

const server = new PusherServer({ appId: process.env.HERALD_APP_ID, key: process.env.HERALD_KEY,
  secret: process.env.HERALD_SECRET, host: proxy.hostname, port: proxy.port, useTLS: true });

test('pusher-js authorizes a private channel through the proxy and receives what the Node pusher library publishes through it', async () => {
  const admin = client(await logIn('ada', 'admin'));
  const admins = admin.subscribe('private-admins');
  await once(admins, 'pusher:subscription_succeeded');

  const received = once(admins, 'AdminUserAlert');
  const published = await server.trigger('private-admins', 'AdminUserAlert', { message: 'through nginx', level: 'info' });
  assert.equal(published.status, 200);
  assert.deepEqual(await received, { message: 'through nginx', level: 'info' });
});

test('clients spread over both instances all get an event the application fires behind the proxy', async () => {
  const listeners = [client(''), client(''), client(''), client('')];
  const channels = listeners.map((listener) => listener.subscribe('releases'));
  await Promise.all(channels.map((channel) => once(channel, 'pusher:subscription_succeeded')));

  const received = channels.map((channel) => once(channel, 'NewRelease'));
  const fired = await fetch(new URL('api/demo/release', proxy), { method: 'POST',
    body: new URLSearchParams({ version: '9.0.0' }) });
  assert.equal(fired.status, 204);
  for (const data of await Promise.all(received)) {
    assert.equal(data.message, 'Version 9.0.0 has been released !');
  }
});
