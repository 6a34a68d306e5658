// pusher-js 8 (Node) against Herald's local server with broadcast.notifications.via=user: a notification goes to the
// user's signed-in connections, where pusher.user.bind receives it. Run by EchoOnLocalServerTest.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { client, once } from './clients.mjs';

const base = process.env.HERALD_URL;
const key = process.env.HERALD_KEY;
const clients = [];

after(() => clients.forEach((pusher) => pusher.disconnect()));

test('a signed-in user receives a notification on pusher.user, nobody else does', async () => {
  const signedIn = async (user) => {
    const pusher = client(base, key, user, clients);
    const done = once(pusher, 'pusher:signin_success');
    pusher.signin();
    await done;
    return pusher;
  };
  const dave = await signedIn('dave');
  const erin = await signedIn('erin');
  const event = 'Illuminate\\Notifications\\Events\\BroadcastNotificationCreated';
  const toDave = new Promise((resolve) => dave.user.bind(event, resolve));
  const toErin = new Promise((resolve) => erin.user.bind(event, resolve));

  const response = await fetch(`${base}/orders/users/dave/notify/Hello`, { method: 'POST' });
  assert.equal(response.status, 204);

  const notification = await toDave;
  assert.equal(notification.text, 'Hello');
  assert.match(notification.type, /OrderNote$/);
  // A marker: the first notification erin receives is her own, sent after dave's.
  await fetch(`${base}/orders/users/erin/notify/Marker`, { method: 'POST' });
  assert.equal((await toErin).text, 'Marker');
});
