// pusher-js 8 (Node build) and the Node `pusher` library against two instances of one clustered application.
// Run by ClusterTest, which starts Redis and both instances and passes where they are in the environment.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { client as clientOf, once, restApi } from './clients.mjs';

const a = process.env.HERALD_URL_A;
const b = process.env.HERALD_URL_B;
const key = process.env.HERALD_KEY;
const clients = [];
const client = (base, user) => clientOf(base, key, user, clients);

function subscribed(pusher, name) {
  const channel = pusher.subscribe(name);
  return once(channel, 'pusher:subscription_succeeded').then((members) => ({ channel, members }));
}

after(() => clients.forEach((pusher) => pusher.disconnect()));

test('an event the Node pusher library publishes on one instance reaches pusher-js on the other', async () => {
  const { channel } = await subscribed(client(b, 'ada'), 'js-news');
  const arrived = once(channel, 'Headline');
  const response = await restApi(a).trigger('js-news', 'Headline', { title: 'Clustered' });
  assert.equal(response.status, 200);
  assert.deepEqual(await arrived, { title: 'Clustered' });
});

test('an event fired by the application on one instance reaches pusher-js on the other', async () => {
  const { channel } = await subscribed(client(a, 'bob'), 'js-ticker');
  const arrived = once(channel, 'Said');
  const response = await fetch(`${b}/test/say/js-ticker?from=7&count=1`, { method: 'POST' });
  assert.equal(response.status, 204);
  assert.deepEqual(await arrived, { n: 7 });
});

test('presence members on two instances see one member list and each other join and leave', async () => {
  const ada = client(a, 'ada');
  const { channel: adasRoom } = await subscribed(ada, 'presence-js-room');
  const joined = once(adasRoom, 'pusher:member_added');
  const bob = client(b, 'bob');
  const { members } = await subscribed(bob, 'presence-js-room');
  assert.deepEqual(Object.keys(members.members).sort(), ['ada', 'bob']);
  assert.equal((await joined).id, 'bob');
  const left = once(adasRoom, 'pusher:member_removed');
  bob.unsubscribe('presence-js-room');
  assert.equal((await left).id, 'bob');
});

test('a cache channel\'s last event, published on one instance, reaches a new subscriber on the other', async () => {
  await restApi(a).trigger('cache-cluster', 'Price', { price: 3 });
  const channel = client(b, 'cy').subscribe('cache-cluster');
  assert.deepEqual(await once(channel, 'Price'), { price: 3 });
});

test('a watchlist on one instance hears of a user on the other coming online and going offline', async () => {
  const bob = client(b, 'bob');
  const bobIn = once(bob, 'pusher:signin_success');
  bob.signin();
  await bobIn;
  const ada = client(a, 'ada');   // ada watches bob, cy and eve
  const online = new Promise((resolve) => ada.user.watchlist.bind('online', (event) => resolve(event.user_ids)));
  ada.signin();
  assert.deepEqual(await online, ['bob']);
  const offline = new Promise((resolve) => ada.user.watchlist.bind('offline', (event) => resolve(event.user_ids)));
  bob.disconnect();
  assert.deepEqual(await offline, ['bob']);
});
