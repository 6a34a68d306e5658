// pusher-js 8 (Node build) against a local app with options by channel pattern (namespaces).
// Run by ChannelNamespacesJsTest: client events are off for the app but on for private-chat.{room};
// presence-lobby.{id} takes 2 members (the app: 100); limited.{id} takes 2 subscribers.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { client as clientOf, once, restApi } from './clients.mjs';

const base = process.env.HERALD_URL;
const key = process.env.HERALD_KEY;
const clients = [];
const client = (user) => clientOf(base, key, user, clients);
const api = restApi(base);

async function subscribed(pusher, name) {
  const channel = pusher.subscribe(name);
  await once(channel, 'pusher:subscription_succeeded');
  return channel;
}

async function subscriptionCount(name) {
  const response = await api.get({ path: `/channels/${name}`, params: { info: 'subscription_count' } });
  return (await response.json()).subscription_count ?? 0;
}

after(() => clients.forEach((pusher) => pusher.disconnect()));

test('client events are relayed on a channel of the namespace that allows them', async () => {
  const adas = await subscribed(client('ada'), 'private-chat.1');
  const bobs = await subscribed(client('bob'), 'private-chat.1');
  const relayed = once(bobs, 'client-typing');
  assert.equal(adas.trigger('client-typing', { who: 'ada' }), true);
  assert.deepEqual(await relayed, { who: 'ada' });
});

test('client events on other channels are refused with 4301, as the app does not allow them', async () => {
  const ada = client('ada');
  const orders = await subscribed(ada, 'private-orders.1');
  const refused = once(ada.connection, 'error');
  orders.trigger('client-typing', { who: 'ada' });
  const error = await refused;
  assert.equal(error.data.code, 4301);
  assert.equal(error.data.message, "Client events are not enabled on 'private-orders.1'");
});

test("a presence channel of a namespace is full at the namespace's member limit", async () => {
  await subscribed(client('ada'), 'presence-lobby.1');
  await subscribed(client('bob'), 'presence-lobby.1');
  const refused = await once(client('cy').subscribe('presence-lobby.1'), 'pusher:subscription_error');
  assert.equal(refused.type, 'LimitReached');
  assert.equal(refused.status, 4100);
  assert.equal(refused.error, 'Presence channel is full (2 members)');
});

test("other presence channels keep the app's member limit", async () => {
  for (const user of ['ada', 'bob', 'cy']) {
    await subscribed(client(user), 'presence-hall');
  }
});

test('a channel of a namespace with max-subscribers refuses one more subscriber', async () => {
  await subscribed(client('ada'), 'limited.1');
  await subscribed(client('bob'), 'limited.1');
  const refused = await once(client('cy').subscribe('limited.1'), 'pusher:subscription_error');
  assert.equal(refused.type, 'LimitReached');
  assert.equal(refused.status, 4100);
  assert.equal(refused.error, 'Channel is full (2 subscribers)');
});

test('a subscriber leaving makes room for another', async () => {
  const ada = client('ada');
  await subscribed(ada, 'limited.2');
  await subscribed(client('bob'), 'limited.2');
  ada.unsubscribe('limited.2');
  for (let tries = 0; (await subscriptionCount('limited.2')) !== 1; tries++) {
    assert.ok(tries < 100, 'the unsubscription was never counted');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await subscribed(client('cy'), 'limited.2');
});
