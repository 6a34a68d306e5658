// pusher-js 8 (Node build) and the Node `pusher` server library against Herald's local driver.
// Run by PusherJsOnLocalServerTest, which starts the server and passes where it is in the environment.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import Pusher from 'pusher-js';
import PusherServer from 'pusher';

const base = process.env.HERALD_URL;            // http://127.0.0.1:<port>
const port = Number(new URL(base).port);
const key = process.env.HERALD_KEY;
const appId = process.env.HERALD_APP_ID;
const secret = process.env.HERALD_SECRET;
const clients = [];

function client(user, options = {}) {
  const pusher = new Pusher(options.key ?? key, {
    cluster: 'local',
    wsHost: '127.0.0.1',
    wsPort: port,
    forceTLS: false,
    enabledTransports: ['ws'],
    channelAuthorization: {
      endpoint: `${base}/broadcasting/authorize`,
      headers: user ? { 'X-Test-User': user } : {},
      ...(options.channelAuthorization ?? {}),
    },
    userAuthentication: { endpoint: `${base}/broadcasting/user-auth`, headers: user ? { 'X-Test-User': user } : {} },
  });
  clients.push(pusher);
  return pusher;
}

function once(emitter, event, timeout = 10000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeout} ms`)), timeout);
    emitter.bind(event, (data, metadata) => {
      clearTimeout(timer);
      resolve(data ?? metadata);
    });
  });
}

function subscribed(pusher, name) {
  const channel = pusher.subscribe(name);
  return once(channel, 'pusher:subscription_succeeded').then((members) => ({ channel, members }));
}

async function fire(path) {
  const response = await fetch(`${base}/test/${path}`, { method: 'POST' });
  assert.equal(response.status, 204);
}

after(() => clients.forEach((pusher) => pusher.disconnect()));

test('a public channel receives an event fired as a CDI event', async () => {
  const { channel } = await subscribed(client('ada'), 'releases');
  const arrived = once(channel, 'NewRelease');
  await fire('release/4.0.0');
  assert.deepEqual(await arrived, { message: 'Version 4.0.0 has been released !' });
});

test('a private channel is joined through the authorization endpoint', async () => {
  const { channel } = await subscribed(client('ada'), 'private-orders.7');
  const arrived = once(channel, 'OrderShipped');
  await fire('shipped/7');
  assert.deepEqual(await arrived, { id: 7 });
});

test('an encrypted channel event is decrypted by pusher-js with the shared secret', async () => {
  const { channel } = await subscribed(client('ada'), 'private-encrypted-js-payroll');
  const arrived = once(channel, 'Payslip');
  await fire('payslip/ada');
  assert.deepEqual(await arrived, { employee: 'ada', amount: 1200 });
});

test('presence members see each other join and leave', async () => {
  const ada = client('ada');
  const { channel: adasLobby } = await subscribed(ada, 'presence-js-lobby');
  const joined = once(adasLobby, 'pusher:member_added');
  const bob = client('bob');
  const { members } = await subscribed(bob, 'presence-js-lobby');
  assert.equal(members.count, 2);
  assert.equal((await joined).id, 'bob');
  const left = once(adasLobby, 'pusher:member_removed');
  bob.disconnect();
  assert.equal((await left).id, 'bob');
});

test('a client event reaches the others but not the sender', async () => {
  const ada = client('ada');
  const bob = client('bob');
  const { channel: adas } = await subscribed(ada, 'private-js-chat');
  const { channel: bobs } = await subscribed(bob, 'private-js-chat');
  let echoed = false;
  adas.bind('client-typing', () => { echoed = true; });
  const relayed = once(bobs, 'client-typing');
  assert.equal(adas.trigger('client-typing', { who: 'ada' }), true);
  assert.deepEqual(await relayed, { who: 'ada' });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(echoed, false);
});

test('a forged token is refused with a subscription error', async () => {
  const mallory = client('mallory', {
    channelAuthorization: {
      customHandler: ({ channelName }, callback) => callback(null, { auth: `${key}:${'0'.repeat(64)}` }),
    },
  });
  const channel = mallory.subscribe('private-admins');
  const refused = await once(channel, 'pusher:subscription_error');
  assert.equal(refused.type, 'AuthError');
});

test('an unknown app key is refused with 4001', async () => {
  const stranger = client('ada', { key: 'no-such-key' });
  const error = await once(stranger.connection, 'error');
  // pusher-js wraps a refused handshake: {type: 'WebSocketError', error: {type: 'PusherError', data: {code}}}
  assert.equal(error.error.data.code, 4001);
  assert.equal(stranger.connection.state, 'disconnected');
});

test('the Node pusher library publishes through the HTTP API', async () => {
  const { channel } = await subscribed(client('ada'), 'js-news');
  const arrived = once(channel, 'Headline');
  const server = new PusherServer({ appId, key, secret, host: '127.0.0.1', port: String(port), useTLS: false });
  const response = await server.trigger('js-news', 'Headline', { title: 'Hello' });
  assert.equal(response.status, 200);
  assert.deepEqual(await arrived, { title: 'Hello' });
});

test('a request signed with the wrong secret is refused with 401', async () => {
  const impostor = new PusherServer({ appId, key, secret: 'wrong', host: '127.0.0.1', port: String(port), useTLS: false });
  await assert.rejects(impostor.trigger('js-news', 'Headline', {}), (error) => error.status === 401);
});

test('a signed-in user receives sendToUser events', async () => {
  const ada = client('ada');
  const signedIn = once(ada, 'pusher:signin_success');
  ada.signin();
  await signedIn;
  const arrived = new Promise((resolve) => ada.user.bind('Invoice', resolve));
  for (let attempt = 0; attempt < 50; attempt++) {
    await fire('invoice/ada');
    const result = await Promise.race([arrived, new Promise((resolve) => setTimeout(() => resolve(null), 100))]);
    if (result) {
      assert.deepEqual(result, { total: 12 });
      return;
    }
  }
  assert.fail('no Invoice for the signed-in user');
});
