// pusher-js 8 (Node build) against Herald's local driver: cache channels and watchlists.
// Run by CacheAndWatchlistJsTest, which starts the server (ada watches bob, cy and eve; everyone else watches ada).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { client as clientOf, once, restApi } from './clients.mjs';

const base = process.env.HERALD_URL;
const key = process.env.HERALD_KEY;
const clients = [];
const client = (user) => clientOf(base, key, user, clients);
const api = restApi(base);

async function signedIn(user) {
  const pusher = client(user);
  const done = once(pusher, 'pusher:signin_success');
  pusher.signin();
  await done;
  return pusher;
}

after(() => clients.forEach((pusher) => pusher.disconnect()));

test('a cache channel with nothing cached sends pusher:cache_miss after subscription_succeeded', async () => {
  const channel = client('ada').subscribe('cache-empty');
  const order = [];
  channel.bind('pusher:subscription_succeeded', () => order.push('succeeded'));
  await once(channel, 'pusher:cache_miss');
  order.push('cache_miss');
  assert.deepEqual(order, ['succeeded', 'cache_miss']);
});

test('a new subscriber of a cache channel gets its last event at once', async () => {
  await api.trigger('cache-prices', 'Price', { symbol: 'ACME', price: 1 });
  await api.trigger('cache-prices', 'Price', { symbol: 'ACME', price: 2 });
  const channel = client('bob').subscribe('cache-prices');
  assert.deepEqual(await once(channel, 'Price'), { symbol: 'ACME', price: 2 });
});

test('a watchlist is told who is online at sign-in, and who comes online', async () => {
  await signedIn('bob');
  const ada = client('ada');
  const online = [];
  ada.user.watchlist.bind('online', (event) => online.push(...event.user_ids));
  const done = once(ada, 'pusher:signin_success');
  ada.signin();
  await done;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`online: ${online}`)), 10000);
    const check = setInterval(() => {
      if (online.includes('bob')) { clearInterval(check); clearTimeout(timer); resolve(); }
    }, 20);
  });
  const cyOnline = new Promise((resolve) => ada.user.watchlist.bind('online', (event) => {
    if (event.user_ids.includes('cy')) resolve(event.user_ids);
  }));
  await signedIn('cy');
  assert.deepEqual(await cyOnline, ['cy']);
});

test('a watchlist is told when a watched user goes offline', async () => {
  const eve = await signedIn('eve');
  const ada = await signedIn('ada');
  const offline = new Promise((resolve) => ada.user.watchlist.bind('offline', (event) => resolve(event.user_ids)));
  eve.disconnect();
  assert.deepEqual(await offline, ['eve']);
});
